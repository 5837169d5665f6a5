/* cd-case-form-checks.c — what the case form accepts, and how it words a blacklist match
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case-form"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cd-case-form-private.h"
#include "cd-text.h"

#define MAX_SHOWN_MATCHES 3
#define MAX_EVIDENCE_CHARS 240

/* Helpers */

static void
append_match (GString          *body,
              CdBlacklistEntry *entry)
{
  g_autoptr(GString) who = g_string_new (NULL);
  const char *keys[] = { entry->nickname, entry->name, entry->buyer_id, entry->phone };
  g_autofree char *evidence = NULL;
  g_autofree char *markup = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!cd_text_is_blank (keys[i]))
      g_string_append_printf (who, "%s%s", who->len > 0 ? " · " : "", keys[i]);

  if (g_utf8_strlen (entry->evidence, -1) > MAX_EVIDENCE_CHARS)
    {
      g_autofree char *start = g_utf8_substring (entry->evidence, 0, MAX_EVIDENCE_CHARS);
      evidence = g_strconcat (start, "…", NULL);
    }
  else
    evidence = g_strdup (entry->evidence);

  markup = g_markup_printf_escaped ("%s<b>%s</b>\n%s%s%s", body->len > 0 ? "\n\n" : "",
                                    who->str,
                                    cd_enum_get_label (CD_TYPE_BLACKLIST_REASON, entry->reason),
                                    *evidence != '\0' ? " — " : "", evidence);
  g_string_append (body, markup);
}

/* Internal API */

/**
 * cd_case_form_format_local_time:
 *
 * Returns: (transfer full): @usec as the form shows it: "2026-11-24 18:00", local time
 */
char *
cd_case_form_format_local_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* "2026-11-24 18:00" in local time; also with / or . between the date's parts, a T before
 * the time, single digits, and full-width digits as an input method types them. */
gboolean
cd_case_form_parse_local_time (const char *text,
                               gint64     *usec)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autoptr(GDateTime) time = NULL;
  int year, month, day, hour, minute, end = -1;

  if (normal == NULL)
    return FALSE;
  g_strdelimit (normal, "/.", '-');
  g_strdelimit (normal, "Tt", ' ');
  if (sscanf (normal, " %4d-%2d-%2d %2d:%2d %n", &year, &month, &day, &hour, &minute, &end) != 5 ||
      end < 0 || normal[end] != '\0' || year < 1970 || year > 9999)
    return FALSE;
  time = g_date_time_new_local (year, month, day, hour, minute, 0);
  if (time == NULL)
    return FALSE;
  *usec = g_date_time_to_unix (time) * G_USEC_PER_SEC;
  return TRUE;
}

/* Digits (full-width too), spaces, + - ( ), and 5 to 20 digits in all. */
gboolean
cd_case_form_phone_is_valid (const char *phone)
{
  g_autofree char *normal = g_utf8_normalize (phone, -1, G_NORMALIZE_NFKC);
  guint digits = 0;

  if (normal == NULL)
    return FALSE;
  for (const char *p = normal; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-()", *p) == NULL)
        return FALSE;
    }
  return digits >= 5 && digits <= 20;
}

/* something@something.tld, nothing stricter: the address is for the seller to write to. */
gboolean
cd_case_form_email_is_valid (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = email; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0' && strstr (at + 1, "..") == NULL;
}

/**
 * cd_case_form_describe_matches:
 * @matches: (element-type CdBlacklistEntry): at least one active entry
 * @title: (out) (transfer full): a heading for the warning
 *
 * Each entry by its keys (nickname, name, buyer ID, phone), its reason and its evidence, so
 * the seller sees why, not only that.
 *
 * Returns: (transfer full): Pango markup for the warning's body
 */
char *
cd_case_form_describe_matches (GPtrArray  *matches,
                               char      **title)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < matches->len && i < MAX_SHOWN_MATCHES; i++)
    append_match (body, g_ptr_array_index (matches, i));
  if (matches->len > MAX_SHOWN_MATCHES)
    {
      guint more = matches->len - MAX_SHOWN_MATCHES;
      /* Translators: after the first three blacklist entries a buyer matches */
      g_autofree char *text = g_strdup_printf (ngettext ("… and %u more entry",
                                                         "… and %u more entries", more), more);
      g_autofree char *markup = g_markup_escape_text (text, -1);

      g_string_append_printf (body, "\n\n%s", markup);
    }

  /* Translators: the heading of the warning when a buyer matches blacklist entries */
  *title = g_strdup_printf (ngettext ("This buyer is on your blacklist",
                                      "This buyer matches %u blacklist entries", matches->len),
                            matches->len);
  return g_string_free (body, FALSE);
}
