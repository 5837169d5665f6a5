/* cd-case.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case"

#include "cd-case.h"
#include "cd-time.h"

G_DEFINE_FINAL_TYPE (CdCase, cd_case, G_TYPE_OBJECT)

static void
cd_case_finalize (GObject *object)
{
  CdCase *self = (CdCase *) object;

  g_free (self->uid);
  g_free (self->customer_name);
  g_free (self->buyer_id);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->order_number);
  g_free (self->product);
  g_free (self->description);
  g_free (self->summary);
  g_free (self->customer_wants);
  g_free (self->promise);
  g_free (self->improvement);
  g_free (self->language);
  g_ptr_array_unref (self->compensations);
  g_ptr_array_unref (self->followups);
  g_ptr_array_unref (self->events);

  G_OBJECT_CLASS (cd_case_parent_class)->finalize (object);
}

static void
cd_case_class_init (CdCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_case_finalize;
}

static void
cd_case_init (CdCase *self)
{
  self->uid = g_strdup ("");
  self->customer_name = g_strdup ("");
  self->buyer_id = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->order_number = g_strdup ("");
  self->product = g_strdup ("");
  self->description = g_strdup ("");
  self->summary = g_strdup ("");
  self->customer_wants = g_strdup ("");
  self->promise = g_strdup ("");
  self->improvement = g_strdup ("");
  self->language = g_strdup ("");

  self->platform = CD_PLATFORM_OTHER;
  self->channel = CD_CHANNEL_PLATFORM_CHAT;
  self->category = CD_CATEGORY_OTHER;
  self->severity = CD_SEVERITY_MEDIUM;
  self->responsibility = CD_RESPONSIBILITY_UNDETERMINED;
  self->stage = CD_STAGE_LISTEN;
  self->root_cause = CD_ROOT_CAUSE_NONE;
  self->promised_by = CD_TIME_UNSET;

  self->compensations = g_ptr_array_new_with_free_func (g_object_unref);
  self->followups = g_ptr_array_new_with_free_func (g_object_unref);
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * cd_case_new:
 *
 * Returns: (transfer full): an empty case at the first stage
 */
CdCase *
cd_case_new (void)
{
  return g_object_new (CD_TYPE_CASE, NULL);
}

/* Replaces an owned string field; NULL becomes "". */
void
cd_case_set_string (char       **field,
                    const char  *value)
{
  char *old = *field;

  *field = g_strdup (value != NULL ? value : "");
  g_free (old);
}

/* What the compensations accepted or done are worth to the buyer, in minor units. */
gint64
cd_case_get_compensation_total (CdCase *self)
{
  gint64 total = 0;

  for (guint i = 0; i < self->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (self->compensations, i);

      if (c->status != CD_COMPENSATION_ACCEPTED && c->status != CD_COMPENSATION_DONE)
        continue;
      /* Amounts go up to 2^63-1 each: saturate rather than overflow. */
      if (c->amount > G_MAXINT64 - total)
        return G_MAXINT64;
      total += c->amount;
    }
  return total;
}
