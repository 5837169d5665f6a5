/* cd-time.c — RFC 3339 in, RFC 3339 (UTC) out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-time"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cd-error.h"
#include "cd-time.h"

static gboolean
take_digits (const char **p,
             int          n,
             int         *value)
{
  *value = 0;
  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      *value = *value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  return TRUE;
}

static gboolean
take_char (const char **p,
           char         c)
{
  if (g_ascii_toupper (**p) != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

/* Days from 1970-01-01 to the given civil date (proleptic Gregorian), by the well-known
 * era arithmetic: no allocation, no time zone database. */
static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static int
days_in_month (int year,
               int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && g_date_is_leap_year ((GDateYear) year))
    return 29;
  return days[month - 1];
}

/* RFC 3339 §5.6: full-date "T" full-time, where the zone is Z or ±hh:mm. GLib's ISO 8601
 * parser accepts far more (week dates, no zone), which the format does not allow. */
static gboolean
parse_rfc3339 (const char *text,
               gint64     *usec)
{
  const char *p = text;
  int year, month, day, hour, minute, second, zone_h = 0, zone_m = 0, sign = 0;
  gint64 fraction = 0;
  int fraction_digits = 0;
  gint64 seconds;

  if (!take_digits (&p, 4, &year) || !take_char (&p, '-') ||
      !take_digits (&p, 2, &month) || !take_char (&p, '-') ||
      !take_digits (&p, 2, &day) || !take_char (&p, 'T') ||
      !take_digits (&p, 2, &hour) || !take_char (&p, ':') ||
      !take_digits (&p, 2, &minute) || !take_char (&p, ':') ||
      !take_digits (&p, 2, &second))
    return FALSE;

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      for (; g_ascii_isdigit (*p); p++, fraction_digits++)
        if (fraction_digits < 6)
          fraction = fraction * 10 + (*p - '0');
      for (int i = MIN (fraction_digits, 6); i < 6; i++)
        fraction *= 10;
    }

  if (take_char (&p, 'Z'))
    sign = 0;
  else if (*p == '+' || *p == '-')
    {
      sign = *p == '+' ? 1 : -1;
      p++;
      if (!take_digits (&p, 2, &zone_h) || !take_char (&p, ':') ||
          !take_digits (&p, 2, &zone_m) || zone_h > 23 || zone_m > 59)
        return FALSE;
    }
  else
    return FALSE;

  if (*p != '\0')
    return FALSE;

  /* A leap second (:60) is folded onto :59, as GDateTime cannot hold it. */
  if (second == 60)
    second = 59;

  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month (year, month) ||
      hour > 23 || minute > 59)
    return FALSE;

  seconds = days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
            sign * (zone_h * 3600 + zone_m * 60);
  *usec = seconds * G_USEC_PER_SEC + fraction;
  return TRUE;
}

/**
 * cd_time_parse:
 * @text: an RFC 3339 date-time with a zone
 * @usec: (out): the instant, in microseconds since the epoch
 */
gboolean
cd_time_parse (const char  *text,
               gint64      *usec,
               GError     **error)
{
  if (text == NULL || !parse_rfc3339 (text, usec))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                   _("must be a date and time with a zone, such as 2026-11-24T08:00:00Z"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_time_format:
 *
 * Returns: (transfer full): @usec as RFC 3339 in UTC, with a fraction only when there is one
 */
char *
cd_time_format (gint64 usec)
{
  g_autoptr(GDateTime) time = NULL;
  gint64 seconds = usec / G_USEC_PER_SEC;
  gint64 fraction = usec % G_USEC_PER_SEC;
  g_autofree char *base = NULL;

  if (fraction < 0)
    {
      fraction += G_USEC_PER_SEC;
      seconds--;
    }

  time = g_date_time_new_from_unix_utc (seconds);
  if (time == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");

  /* %Y does not pad: RFC 3339 wants four digits for years below 1000 too. */
  base = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", g_date_time_get_year (time),
                          g_date_time_get_month (time), g_date_time_get_day_of_month (time),
                          g_date_time_get_hour (time), g_date_time_get_minute (time),
                          g_date_time_get_second (time));
  if (fraction == 0)
    return g_strconcat (base, "Z", NULL);
  return g_strdup_printf ("%s.%06" G_GINT64_FORMAT "Z", base, fraction);
}

gint64
cd_time_now (void)
{
  return g_get_real_time ();
}

/**
 * cd_time_month_start:
 * @month: 1 to 12
 * @offset: months forward (or back, when negative) from @year-@month
 *
 * Returns: (transfer full): the first of the month @offset months from @year-@month,
 *   midnight in @zone
 */
GDateTime *
cd_time_month_start (GTimeZone *zone,
                     int        year,
                     int        month,
                     int        offset)
{
  int index = year * 12 + (month - 1) + offset;

  return g_date_time_new (zone, index / 12, index % 12 + 1, 1, 0, 0, 0);
}
