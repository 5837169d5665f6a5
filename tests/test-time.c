/* test-time.c — RFC 3339 parsing and formatting (cd-time.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cd-error.h"
#include "cd-test-util.h"
#include "cd-time.h"

/* The instant of a UTC wall-clock time, computed independently of cd-time.c. */
static gint64
utc_usec (int year,
          int month,
          int day,
          int hour,
          int minute,
          int second)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, second);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static gint64
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 usec = 42;

  g_test_message ("parsing %s", text);
  g_assert_true (cd_time_parse (text, &usec, &error));
  g_assert_no_error (error);
  return usec;
}

static void
test_parse_utc (void)
{
  g_assert_cmpint (parse_ok ("2026-11-24T08:00:00Z"), ==, utc_usec (2026, 11, 24, 8, 0, 0));
  g_assert_cmpint (parse_ok ("1970-01-01T00:00:00Z"), ==, 0);
  g_assert_cmpint (parse_ok ("2024-02-29T23:59:59Z"), ==, utc_usec (2024, 2, 29, 23, 59, 59));
  /* RFC 3339 allows lower-case t and z. */
  g_assert_cmpint (parse_ok ("2026-11-24t08:00:00z"), ==, utc_usec (2026, 11, 24, 8, 0, 0));
}

static void
test_parse_offsets (void)
{
  g_assert_cmpint (parse_ok ("2026-11-18T09:12:00+08:00"), ==, utc_usec (2026, 11, 18, 1, 12, 0));
  g_assert_cmpint (parse_ok ("2026-11-18T09:12:00+08:00"), ==,
                   parse_ok ("2026-11-18T01:12:00Z"));
  g_assert_cmpint (parse_ok ("2026-11-18T01:12:00+00:00"), ==,
                   parse_ok ("2026-11-18T01:12:00-00:00"));
  /* Minutes of the offset count with the offset's sign. */
  g_assert_cmpint (parse_ok ("2026-11-18T10:00:00-05:30"), ==, utc_usec (2026, 11, 18, 15, 30, 0));
  g_assert_cmpint (parse_ok ("2026-11-18T10:00:00+05:45"), ==, utc_usec (2026, 11, 18, 4, 15, 0));
  /* An offset that crosses midnight and a year boundary. */
  g_assert_cmpint (parse_ok ("2027-01-01T07:00:00+08:00"), ==, utc_usec (2026, 12, 31, 23, 0, 0));
}

static void
test_parse_fractions (void)
{
  gint64 base = utc_usec (2026, 11, 24, 8, 0, 0);

  g_assert_cmpint (parse_ok ("2026-11-24T08:00:00.5Z"), ==, base + 500000);
  g_assert_cmpint (parse_ok ("2026-11-24T08:00:00.05Z"), ==, base + 50000);
  g_assert_cmpint (parse_ok ("2026-11-24T08:00:00.000500Z"), ==, base + 500);
  g_assert_cmpint (parse_ok ("2026-11-24T08:00:00.123456Z"), ==, base + 123456);
  /* Beyond microseconds the digits are cut off, not rounded. */
  g_assert_cmpint (parse_ok ("2026-11-24T08:00:00.123456789Z"), ==, base + 123456);
  g_assert_cmpint (parse_ok ("2026-11-24T08:00:00.9999999Z"), ==, base + 999999);
  g_assert_cmpint (parse_ok ("2026-11-24T16:00:00.25+08:00"), ==, base + 250000);
}

static void
parse_fails (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 usec = 0;

  g_test_message ("rejecting %s", text != NULL ? text : "(null)");
  g_assert_false (cd_time_parse (text, &usec, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
}

static void
test_parse_rejects (void)
{
  parse_fails ("2026-11-24T08:00:00");       /* no zone */
  parse_fails ("2026-11-24 08:00:00Z");      /* a space instead of T */
  parse_fails ("2026-13-01T00:00:00Z");
  parse_fails ("2026-00-10T00:00:00Z");
  parse_fails ("2026-02-30T00:00:00Z");
  parse_fails ("2025-02-29T00:00:00Z");      /* not a leap year */
  parse_fails ("2026-11-00T00:00:00Z");
  parse_fails ("2026-11-24T24:00:00Z");
  parse_fails ("2026-11-24T08:60:00Z");
  parse_fails ("");
  parse_fails (NULL);
  parse_fails ("2026-11-24T08:00:00Zjunk");
  parse_fails ("2026-11-24T08:00:00Z ");
  parse_fails (" 2026-11-24T08:00:00Z");
  parse_fails ("2026-11-24T08:00:00+0800");  /* RFC 3339 needs the colon */
  parse_fails ("2026-11-24T08:00:00+08");
  parse_fails ("2026-11-24T08:00:00+24:00");
  parse_fails ("2026-11-24T08:00:00+08:60");
  parse_fails ("2026-11-24T08:00:00.Z");     /* a point without digits */
  parse_fails ("2026-11-24T08:00Z");         /* no seconds */
  parse_fails ("2026-11-24");
  parse_fails ("26-11-24T08:00:00Z");
  parse_fails ("2026-W47-2T08:00:00Z");      /* ISO 8601 week dates are not RFC 3339 */
  parse_fails ("2026-11-24T08:00:00 Z");
}

static void
test_parse_leap_second (void)
{
  /* GDateTime cannot hold :60; it is kept as the second before. */
  g_assert_cmpint (parse_ok ("2016-12-31T23:59:60Z"), ==, utc_usec (2016, 12, 31, 23, 59, 59));
}

static void
assert_format (gint64      usec,
               const char *expected)
{
  g_autofree char *text = cd_time_format (usec);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  gint64 base = utc_usec (2026, 11, 24, 8, 0, 0);

  assert_format (base, "2026-11-24T08:00:00Z");
  assert_format (base + 500, "2026-11-24T08:00:00.000500Z");
  assert_format (base + 500000, "2026-11-24T08:00:00.500000Z");
  assert_format (base + 1, "2026-11-24T08:00:00.000001Z");
  assert_format (0, "1970-01-01T00:00:00Z");
}

static void
test_round_trip (void)
{
  const char *inputs[] = {
    "2026-11-24T08:00:00Z", "2026-11-18T09:12:00+08:00", "2026-11-24T08:00:00.5Z",
    "2026-11-24T08:00:00.123456789Z", "2026-11-24T08:00:00.000500Z",
    "2026-11-18T10:00:00-05:30", "2024-02-29T12:00:00Z", "1969-12-31T23:59:59.5Z",
    "1900-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      gint64 usec = parse_ok (inputs[i]);
      g_autofree char *once = cd_time_format (usec);
      gint64 again = parse_ok (once);
      g_autofree char *twice = cd_time_format (again);

      g_assert_cmpint (again, ==, usec);
      g_assert_cmpstr (twice, ==, once);
    }
}

static void
test_pre_epoch (void)
{
  assert_format (-1000000, "1969-12-31T23:59:59Z");
  assert_format (-500000, "1969-12-31T23:59:59.500000Z");
  assert_format (-1, "1969-12-31T23:59:59.999999Z");
  g_assert_cmpint (parse_ok ("1969-12-31T23:59:59Z"), ==, -1000000);
  g_assert_cmpint (parse_ok ("1969-12-31T23:59:59.5Z"), ==, -500000);
  g_assert_cmpint (parse_ok ("1969-12-31T23:59:59.999999Z"), ==, -1);
  g_assert_cmpint (parse_ok ("1900-01-01T00:00:00Z"), ==, G_GINT64_CONSTANT (-2208988800000000));
  assert_format (G_GINT64_CONSTANT (-2208988800000000), "1900-01-01T00:00:00Z");
  g_assert_cmpint (parse_ok ("1970-01-01T07:59:59+08:00"), ==, -1000000);
}

static void
test_early_years (void)
{
  /* RFC 3339 years have four digits, so year 999 is written 0999. */
  gint64 usec = parse_ok ("0999-12-31T23:59:59Z");
  g_autofree char *text = cd_time_format (usec);

  g_assert_cmpint (usec, ==, utc_usec (999, 12, 31, 23, 59, 59));
  g_assert_cmpstr (text, ==, "0999-12-31T23:59:59Z");
  g_assert_cmpint (parse_ok (text), ==, usec);
}

static void
test_now (void)
{
  gint64 before = g_get_real_time ();
  gint64 now = cd_time_now ();
  gint64 after = g_get_real_time ();

  g_assert_cmpint (now, >=, before);
  g_assert_cmpint (now, <=, after);
}

/* Month arithmetic across year ends, at local midnight of the zone given. */
static void
test_month_start (void)
{
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GTimeZone) zone = shanghai != NULL ? g_time_zone_ref (shanghai)
                                               : g_time_zone_new_offset (8 * 3600);
  struct { int year, month, offset; const char *expected; } cases[] = {
    { 2026, 11, 0, "2026-11-01T00:00:00+08" },
    { 2026, 11, 2, "2027-01-01T00:00:00+08" },
    { 2026, 1, -1, "2025-12-01T00:00:00+08" },
    { 2026, 11, -11, "2025-12-01T00:00:00+08" },
    { 2026, 12, 13, "2028-01-01T00:00:00+08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) start = cd_time_month_start (zone, cases[i].year, cases[i].month,
                                                        cases[i].offset);
      g_autofree char *text = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S%:::z");

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/parse/utc", test_parse_utc);
  g_test_add_func ("/time/parse/offsets", test_parse_offsets);
  g_test_add_func ("/time/parse/fractions", test_parse_fractions);
  g_test_add_func ("/time/parse/rejects", test_parse_rejects);
  g_test_add_func ("/time/parse/leap-second", test_parse_leap_second);
  g_test_add_func ("/time/format", test_format);
  g_test_add_func ("/time/round-trip", test_round_trip);
  g_test_add_func ("/time/pre-epoch", test_pre_epoch);
  g_test_add_func ("/time/early-years", test_early_years);
  g_test_add_func ("/time/now", test_now);
  g_test_add_func ("/time/month-start", test_month_start);

  return g_test_run ();
}
