/* cd-format.c — times and money as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-format"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-format.h"
#include "cd-time.h"

/* The local time zone, looked up again after a minute. g_date_time_to_local() looks it up
 * for every call, which in the case list was a twentieth of a frame's time. */
#define ZONE_MAX_AGE (60 * G_USEC_PER_SEC)

G_LOCK_DEFINE_STATIC (zone);

static GTimeZone *
local_zone (void)
{
  static GTimeZone *zone;
  static gint64 looked_up;
  gint64 now = g_get_monotonic_time ();
  GTimeZone *result;

  G_LOCK (zone);
  if (zone == NULL || now - looked_up > ZONE_MAX_AGE)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      zone = g_time_zone_new_local ();
      looked_up = now;
    }
  result = g_time_zone_ref (zone);
  G_UNLOCK (zone);
  return result;
}

static char *
format_local (gint64      usec,
              const char *format)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  if (usec == CD_TIME_UNSET)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (utc == NULL)
    return g_strdup ("");
  zone = local_zone ();
  local = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (local, format);
}

/**
 * cd_format_time:
 *
 * Returns: (transfer full): @usec as a local date and time, "" for CD_TIME_UNSET
 */
char *
cd_format_time (gint64 usec)
{
  /* Translators: a date and time in lists and on the case page, as strftime() takes it:
   * for example "%Y年%-m月%-d日 %H:%M" in Chinese. */
  return format_local (usec, C_("date and time", "%-d %b %Y, %H:%M"));
}

/**
 * cd_format_date:
 *
 * Returns: (transfer full): @usec as a local date, "" for CD_TIME_UNSET
 */
char *
cd_format_date (gint64 usec)
{
  /* Translators: a date, as strftime() takes it: for example "%Y年%-m月%-d日" in Chinese. */
  return format_local (usec, C_("date", "%-d %b %Y"));
}

/**
 * cd_format_time_of_day:
 *
 * Returns: (transfer full): @usec as a local time of day ("10:00"), "" for CD_TIME_UNSET
 */
char *
cd_format_time_of_day (gint64 usec)
{
  /* Translators: a time of day, as strftime() takes it: for example "%p %l:%M" for a
   * 12-hour clock. */
  return format_local (usec, C_("time of day", "%H:%M"));
}
