/* cd-case-diff.c — what changed between two versions of a case, for its timeline
 *
 * Nothing is silently overwritten: every edit appends a timeline event that names the fields
 * it changed, by their exchange-format keys, with the old and new values where they are
 * short enough to read. A compensation or follow-up that changed state (carried out,
 * rescheduled, made) is named field by field under a key of its own ("compensation.status",
 * "follow_up.due_at"); the case page turns the keys into translated labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case-diff"

#include <stddef.h>
#include <string.h>

#include "cd-case-diff.h"
#include "cd-time.h"

/* The text fields a diff names, by their exchange-format key. */
static const struct {
  const char *key;
  gsize       offset;
} text_fields[] = {
  { "customer.name", G_STRUCT_OFFSET (CdCase, customer_name) },
  { "customer.buyer_id", G_STRUCT_OFFSET (CdCase, buyer_id) },
  { "customer.phone", G_STRUCT_OFFSET (CdCase, phone) },
  { "customer.email", G_STRUCT_OFFSET (CdCase, email) },
  { "order.number", G_STRUCT_OFFSET (CdCase, order_number) },
  { "order.product", G_STRUCT_OFFSET (CdCase, product) },
  { "description", G_STRUCT_OFFSET (CdCase, description) },
  { "summary", G_STRUCT_OFFSET (CdCase, summary) },
  { "customer_wants", G_STRUCT_OFFSET (CdCase, customer_wants) },
  { "promise", G_STRUCT_OFFSET (CdCase, promise) },
  { "improvement", G_STRUCT_OFFSET (CdCase, improvement) },
  { "language", G_STRUCT_OFFSET (CdCase, language) },
};

static const struct {
  const char *key;
  gsize       offset;
  GType     (*get_type) (void);
} enum_fields[] = {
  { "customer.platform", G_STRUCT_OFFSET (CdCase, platform), cd_platform_get_type },
  { "channel", G_STRUCT_OFFSET (CdCase, channel), cd_channel_get_type },
  { "category", G_STRUCT_OFFSET (CdCase, category), cd_category_get_type },
  { "severity", G_STRUCT_OFFSET (CdCase, severity), cd_severity_get_type },
  { "responsibility", G_STRUCT_OFFSET (CdCase, responsibility), cd_responsibility_get_type },
  { "root_cause", G_STRUCT_OFFSET (CdCase, root_cause), cd_root_cause_get_type },
};

#define TEXT_FIELD(kase, i) (*(char **) G_STRUCT_MEMBER_P ((kase), text_fields[i].offset))
#define ENUM_FIELD(kase, i) (*(int *) G_STRUCT_MEMBER_P ((kase), enum_fields[i].offset))

/* Long texts are named, not quoted, so the timeline stays readable. */
static void
describe_text_change (GString    *out,
                      const char *key,
                      const char *before,
                      const char *after)
{
  const gsize quote_limit = 80;

  if (out->len > 0)
    g_string_append_c (out, '\n');
  if (strlen (before) > quote_limit || strlen (after) > quote_limit ||
      strchr (before, '\n') != NULL || strchr (after, '\n') != NULL)
    g_string_append (out, key);
  else
    g_string_append_printf (out, "%s: %s → %s", key, before, after);
}

static void
describe_time_change (GString    *out,
                      const char *key,
                      gint64      before,
                      gint64      after)
{
  g_autofree char *a = before == CD_TIME_UNSET ? g_strdup ("—") : cd_time_format (before);
  g_autofree char *b = after == CD_TIME_UNSET ? g_strdup ("—") : cd_time_format (after);

  describe_text_change (out, key, a, b);
}

static char *
satisfaction_text (int satisfaction)
{
  return satisfaction >= 1 && satisfaction <= 5 ? g_strdup_printf ("%d", satisfaction)
                                                : g_strdup ("—");
}

/* The same remedy in another state: what the Carry out step and the Due views' Mark Done do.
 * Anything more (one added, an amount changed) is named as "compensations" alone. */
static gboolean
compensation_same_remedy (CdCompensation *x,
                          CdCompensation *y)
{
  return x->kind == y->kind && x->amount == y->amount && x->cost == y->cost &&
         g_strcmp0 (x->reference, y->reference) == 0 && g_strcmp0 (x->note, y->note) == 0;
}

/* Returns: whether the compensations changed */
static gboolean
describe_compensations (GString   *out,
                        GPtrArray *before,
                        GPtrArray *after)
{
  gboolean changed = before->len != after->len;

  for (guint i = 0; !changed && i < before->len; i++)
    changed = !compensation_same_remedy (g_ptr_array_index (before, i),
                                         g_ptr_array_index (after, i));
  if (changed)
    {
      g_string_append_printf (out, "%scompensations", out->len > 0 ? "\n" : "");
      return TRUE;
    }

  for (guint i = 0; i < before->len; i++)
    {
      CdCompensation *x = g_ptr_array_index (before, i);
      CdCompensation *y = g_ptr_array_index (after, i);

      if (x->status != y->status)
        describe_text_change (out, "compensation.status",
                              cd_enum_to_nick (CD_TYPE_COMPENSATION_STATUS, x->status),
                              cd_enum_to_nick (CD_TYPE_COMPENSATION_STATUS, y->status));
      if (x->done_at != y->done_at)
        describe_time_change (out, "compensation.done_at", x->done_at, y->done_at);
      changed |= x->status != y->status || x->done_at != y->done_at;
    }
  return changed;
}

static void
append_line (GString    *out,
             const char *line)
{
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, line);
}

/* Returns: whether the follow-ups differ at all
 *
 * The two events a person makes most often get lines of their own, which the case page
 * words for people: "follow_up.planned: <due time>" for a new return visit, and
 * "follow_up.recorded: <satisfaction 0–5>" for one that is now done (with its remarks and a
 * changed method as lines of their own). A visit moved or otherwise edited is told field by
 * field ("follow_up.due_at: a → b" …); one deleted is
 * "follow_ups". Follow-ups are paired by position, as the repository stores them in order
 * and appends new ones. */
static gboolean
describe_followups (GString   *out,
                    GPtrArray *before,
                    GPtrArray *after)
{
  gboolean changed = after->len != before->len;

  if (after->len < before->len)
    {
      append_line (out, "follow_ups");
      return TRUE;
    }

  for (guint i = 0; i < after->len; i++)
    {
      CdFollowUp *y = g_ptr_array_index (after, i);
      CdFollowUp *x = i < before->len ? g_ptr_array_index (before, i) : NULL;
      gboolean recorded;

      if (x == NULL)
        {
          g_autofree char *due = cd_time_format (y->due_at);
          g_autofree char *line = g_strdup_printf ("follow_up.planned: %s", due);

          append_line (out, line);
        }
      recorded = y->done_at != CD_TIME_UNSET && (x == NULL || x->done_at == CD_TIME_UNSET);
      if (recorded)
        {
          g_autofree char *line = g_strdup_printf ("follow_up.recorded: %d",
                                                   CLAMP (y->satisfaction, 0, 5));

          append_line (out, line);
          changed = TRUE;
        }
      if (x == NULL)
        continue;

      if (x->due_at != y->due_at)
        describe_time_change (out, "follow_up.due_at", x->due_at, y->due_at);
      if (x->method != y->method)
        describe_text_change (out, "follow_up.method",
                              cd_enum_to_nick (CD_TYPE_FOLLOW_UP_METHOD, x->method),
                              cd_enum_to_nick (CD_TYPE_FOLLOW_UP_METHOD, y->method));
      /* The recorded line already says when and how satisfied. */
      if (!recorded && x->done_at != y->done_at)
        describe_time_change (out, "follow_up.done_at", x->done_at, y->done_at);
      if (!recorded && x->satisfaction != y->satisfaction)
        {
          g_autofree char *a = satisfaction_text (x->satisfaction);
          g_autofree char *b = satisfaction_text (y->satisfaction);

          describe_text_change (out, "follow_up.satisfaction", a, b);
        }
      if (g_strcmp0 (x->remarks, y->remarks) != 0)
        describe_text_change (out, "follow_up.remarks", x->remarks, y->remarks);
      changed |= x->due_at != y->due_at || x->method != y->method || x->done_at != y->done_at ||
                 x->satisfaction != y->satisfaction || g_strcmp0 (x->remarks, y->remarks) != 0;
    }
  return changed;
}

/**
 * cd_case_describe_changes:
 * @stage_only: (out): whether the stage is all that changed
 *
 * Returns: (transfer full): one line per changed field, "key: before → after" (or the key
 *   alone for long texts), and a line per follow-up planned or recorded, for the timeline
 */
char *
cd_case_describe_changes (CdCase    *before,
                          CdCase    *after,
                          gboolean  *stage_only)
{
  GString *out = g_string_new (NULL);
  gboolean other = FALSE;

  if (before->stage != after->stage)
    describe_text_change (out, "stage", cd_enum_to_nick (CD_TYPE_STAGE, before->stage),
                          cd_enum_to_nick (CD_TYPE_STAGE, after->stage));

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_strcmp0 (TEXT_FIELD (before, i), TEXT_FIELD (after, i)) != 0)
      {
        describe_text_change (out, text_fields[i].key, TEXT_FIELD (before, i),
                              TEXT_FIELD (after, i));
        other = TRUE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (enum_fields); i++)
    if (ENUM_FIELD (before, i) != ENUM_FIELD (after, i))
      {
        GType type = enum_fields[i].get_type ();

        describe_text_change (out, enum_fields[i].key,
                              cd_enum_to_nick (type, ENUM_FIELD (before, i)),
                              cd_enum_to_nick (type, ENUM_FIELD (after, i)));
        other = TRUE;
      }

  if (before->order_amount != after->order_amount)
    {
      g_autofree char *a = g_strdup_printf ("%" G_GINT64_FORMAT, before->order_amount);
      g_autofree char *b = g_strdup_printf ("%" G_GINT64_FORMAT, after->order_amount);
      describe_text_change (out, "order.amount_minor", a, b);
      other = TRUE;
    }
  if (before->promised_by != after->promised_by)
    {
      describe_time_change (out, "promised_by", before->promised_by, after->promised_by);
      other = TRUE;
    }
  if (before->summary_confirmed != after->summary_confirmed)
    {
      describe_text_change (out, "summary_confirmed", before->summary_confirmed ? "true" : "false",
                            after->summary_confirmed ? "true" : "false");
      other = TRUE;
    }
  if (describe_compensations (out, before->compensations, after->compensations))
    other = TRUE;
  if (describe_followups (out, before->followups, after->followups))
    other = TRUE;

  *stage_only = !other && before->stage != after->stage;
  return g_string_free (out, FALSE);
}

