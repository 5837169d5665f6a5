/* cd-compensation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-compensation"

#include "cd-compensation.h"
#include "cd-time.h"

G_DEFINE_FINAL_TYPE (CdCompensation, cd_compensation, G_TYPE_OBJECT)

static void
cd_compensation_finalize (GObject *object)
{
  CdCompensation *self = (CdCompensation *) object;

  g_free (self->reference);
  g_free (self->note);
  G_OBJECT_CLASS (cd_compensation_parent_class)->finalize (object);
}

static void
cd_compensation_class_init (CdCompensationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_compensation_finalize;
}

static void
cd_compensation_init (CdCompensation *self)
{
  self->reference = g_strdup ("");
  self->note = g_strdup ("");
  self->done_at = CD_TIME_UNSET;
}

/**
 * cd_compensation_new:
 *
 * Returns: (transfer full): a new compensation
 */
CdCompensation *
cd_compensation_new (CdCompensationKind   kind,
                     CdCompensationStatus status)
{
  CdCompensation *self = g_object_new (CD_TYPE_COMPENSATION, NULL);

  self->kind = kind;
  self->status = status;
  return self;
}

/**
 * cd_compensation_copy:
 *
 * Returns: (transfer full): a copy of @self
 */
CdCompensation *
cd_compensation_copy (CdCompensation *self)
{
  CdCompensation *copy = cd_compensation_new (self->kind, self->status);

  copy->id = self->id;
  copy->amount = self->amount;
  copy->cost = self->cost;
  g_free (copy->reference);
  copy->reference = g_strdup (self->reference);
  g_free (copy->note);
  copy->note = g_strdup (self->note);
  copy->done_at = self->done_at;
  return copy;
}
