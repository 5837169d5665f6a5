/* cd-timeline-text.c — a case's timeline events in words, for the case page
 *
 * The repository writes events language-neutral (kinds and exchange-format keys, see
 * cd-case-diff.c); they are put into the reader's language only when shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-timeline-text"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cd-format.h"
#include "cd-money.h"
#include "cd-time.h"
#include "cd-timeline-text.h"

/* What the edit and stage events' "key: before → after" lines name, for people. */
typedef enum
{
  VALUE_TEXT,
  VALUE_ENUM,
  VALUE_MONEY,
  VALUE_TIME,
  VALUE_BOOLEAN,
} ValueKind;

static const struct {
  const char *key;
  const char *label;
  ValueKind   kind;
  GType     (*get_type) (void);
} change_keys[] = {
  { "stage", N_("Stage"), VALUE_ENUM, cd_stage_get_type },
  { "customer.name", N_("Buyer name"), VALUE_TEXT, NULL },
  { "customer.platform", N_("Platform"), VALUE_ENUM, cd_platform_get_type },
  { "customer.buyer_id", N_("Buyer ID"), VALUE_TEXT, NULL },
  { "customer.phone", N_("Phone"), VALUE_TEXT, NULL },
  { "customer.email", N_("E-mail"), VALUE_TEXT, NULL },
  { "channel", N_("Contacted through"), VALUE_ENUM, cd_channel_get_type },
  { "order.number", N_("Order number"), VALUE_TEXT, NULL },
  { "order.product", N_("Product"), VALUE_TEXT, NULL },
  { "order.amount_minor", N_("Order amount"), VALUE_MONEY, NULL },
  { "category", N_("Category"), VALUE_ENUM, cd_category_get_type },
  { "severity", N_("Severity"), VALUE_ENUM, cd_severity_get_type },
  { "responsibility", N_("Responsibility"), VALUE_ENUM, cd_responsibility_get_type },
  { "description", N_("Buyer’s words"), VALUE_TEXT, NULL },
  { "summary", N_("Summary"), VALUE_TEXT, NULL },
  { "summary_confirmed", N_("Summary confirmed"), VALUE_BOOLEAN, NULL },
  { "customer_wants", N_("What the buyer wants"), VALUE_TEXT, NULL },
  { "promise", N_("Promise"), VALUE_TEXT, NULL },
  { "promised_by", N_("Promised by"), VALUE_TIME, NULL },
  { "root_cause", N_("Root cause"), VALUE_ENUM, cd_root_cause_get_type },
  { "improvement", N_("Improvement"), VALUE_TEXT, NULL },
  { "language", N_("Buyer’s language"), VALUE_TEXT, NULL },
  { "compensations", N_("Compensations"), VALUE_TEXT, NULL },
  { "follow_ups", N_("Follow-ups"), VALUE_TEXT, NULL },
  { "compensation.status", N_("Compensation"), VALUE_ENUM, cd_compensation_status_get_type },
  { "compensation.done_at", N_("Compensation carried out"), VALUE_TIME, NULL },
  { "follow_up.due_at", N_("Follow-up due"), VALUE_TIME, NULL },
  { "follow_up.method", N_("Follow-up by"), VALUE_ENUM, cd_follow_up_method_get_type },
  { "follow_up.done_at", N_("Follow-up made"), VALUE_TIME, NULL },
  /* Translators: the buyer's satisfaction, 1 to 5, recorded at a follow-up */
  { "follow_up.satisfaction", N_("Satisfaction"), VALUE_TEXT, NULL },
  { "follow_up.remarks", N_("Follow-up remarks"), VALUE_TEXT, NULL },
};

static const struct {
  const char *kind;
  const char *label;
} event_kinds[] = {
  { CD_EVENT_CREATED, N_("Case created") },
  { CD_EVENT_EDITED, N_("Edited") },
  { CD_EVENT_STAGE, N_("Stage changed") },
  { CD_EVENT_NOTE, N_("Note") },
  { CD_EVENT_MESSAGE, N_("Message") },
  { CD_EVENT_COMPENSATION, N_("Compensation") },
  { CD_EVENT_COMPENSATION_DONE, N_("Compensation carried out") },
  { CD_EVENT_FOLLOW_UP, N_("Follow-up") },
};

/* Helpers */

static char *
describe_value (guint       key,
                const char *value)
{
  int number;
  gint64 usec;

  if (strcmp (value, "—") == 0 || *value == '\0')
    return g_strdup ("—");
  switch (change_keys[key].kind)
    {
    case VALUE_ENUM:
      if (cd_enum_from_nick (change_keys[key].get_type (), value, &number))
        return g_strdup (cd_enum_get_label (change_keys[key].get_type (), number));
      break;
    case VALUE_TIME:
      if (cd_time_parse (value, &usec, NULL))
        return cd_format_time (usec);
      break;
    case VALUE_BOOLEAN:
      return g_strdup (strcmp (value, "true") == 0 ? _("yes") : _("no"));
    case VALUE_MONEY:
    case VALUE_TEXT:
    default:
      break;
    }
  return g_strdup (value);
}

/* "follow_up.recorded: 4" and "follow_up.planned: <time>", as cd-case-diff.c writes them.
 * Returns: (nullable): the line for people, or NULL if @line is neither */
static char *
describe_follow_up_line (const char *line)
{
  const char *value;
  gint64 usec;

  if (g_str_has_prefix (line, "follow_up.recorded: "))
    {
      int score = atoi (line + strlen ("follow_up.recorded: "));

      if (score < 1 || score > 5)
        return g_strdup (_("Follow-up recorded"));
      /* Translators: a timeline line; %d is the buyer's satisfaction, 1 to 5 */
      return g_strdup_printf (_("Follow-up recorded: satisfaction %d/5"), score);
    }
  if (g_str_has_prefix (line, "follow_up.planned: "))
    {
      g_autofree char *when = NULL;

      value = line + strlen ("follow_up.planned: ");
      if (!cd_time_parse (value, &usec, NULL))
        return g_strdup (_("Follow-up planned"));
      when = cd_format_time (usec);
      /* Translators: a timeline line; %s is the date and time the return visit is due */
      return g_strdup_printf (_("Follow-up planned for %s"), when);
    }
  return NULL;
}

/* "key: before → after", or "key" alone for long texts, as the repository writes them. In a
 * stage event the key goes without saying. */
static void
describe_change (GString    *out,
                 const char *line,
                 const char *currency,
                 gboolean    with_key)
{
  const char *colon = strstr (line, ": ");
  g_autofree char *key = colon != NULL ? g_strndup (line, colon - line) : g_strdup (line);
  g_autofree char *follow_up = describe_follow_up_line (line);

  if (out->len > 0)
    g_string_append_c (out, '\n');
  if (follow_up != NULL)
    {
      g_string_append (out, follow_up);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (change_keys); i++)
    {
      g_auto(GStrv) values = NULL;

      if (strcmp (key, change_keys[i].key) != 0)
        continue;
      if (colon == NULL)
        {
          g_string_append (out, _(change_keys[i].label));
          return;
        }
      values = g_strsplit (colon + 2, " → ", 2);
      if (g_strv_length (values) != 2)
        break;
      if (change_keys[i].kind == VALUE_MONEY)
        {
          for (guint v = 0; v < 2; v++)
            {
              g_autofree char *plain = values[v];
              values[v] = cd_money_format (g_ascii_strtoll (plain, NULL, 10), currency);
            }
        }
      else
        {
          for (guint v = 0; v < 2; v++)
            {
              g_autofree char *raw = values[v];
              values[v] = describe_value (i, raw);
            }
        }
      if (with_key)
        g_string_append_printf (out, "%s: ", _(change_keys[i].label));
      g_string_append_printf (out, "%s → %s", values[0], values[1]);
      return;
    }
  g_string_append (out, line);
}

/* Public API */

/**
 * cd_timeline_text_describe:
 * @currency: the shop's currency, for amounts in an edit
 *
 * Returns: (transfer full): what @event says, for people in their language: an edit's
 *   "key: before → after" lines with the field named and the values as the page shows them
 */
char *
cd_timeline_text_describe (CdTimelineEvent *event,
                           const char      *currency)
{
  gboolean stage = strcmp (event->kind, CD_EVENT_STAGE) == 0;
  g_auto(GStrv) lines = NULL;
  GString *out;

  if (strcmp (event->kind, CD_EVENT_EDITED) != 0 && !stage)
    return g_strdup (event->text);

  out = g_string_new (NULL);
  lines = g_strsplit (event->text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      describe_change (out, lines[i], currency,
                       !stage || !g_str_has_prefix (lines[i], "stage:"));
  return g_string_free (out, FALSE);
}

/* Returns: (transfer none): the event kind's name, for people */
const char *
cd_timeline_text_kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (event_kinds); i++)
    if (strcmp (kind, event_kinds[i].kind) == 0)
      return _(event_kinds[i].label);
  /* Kinds written by other tools are shown as they are spelt. */
  return kind;
}
