/* cd-bench-report.c — time to compute the reports view's figures
 *
 * Usage: cd-bench-report DATABASE [SMALL_DATABASE]
 *
 * Computes the report for the 12 months from December 2025 through November 2026 (where
 * cd-bench-generate puts about half of its cases) on DATABASE, and prints the median of
 * RUNS runs against the median of one pass over every case on the same database
 * (`SELECT SUM (updated_at - created_at) FROM cases`, which no index answers), the reference;
 * with SMALL_DATABASE, also the same report there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "cd-report.h"

#define RUNS 11

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static gint64
utc (int year,
     int month)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
time_count (CdDatabase *db)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GError) error = NULL;
      sqlite3_stmt *stmt = cd_database_prepare (db, "SELECT SUM (updated_at - created_at) FROM cases", &error);
      double ms;

      if (stmt == NULL || cd_database_step (db, stmt, &error) != CD_STEP_ROW)
        g_error ("%s", error->message);
      cd_database_release (stmt);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  return median (times);
}

static double
time_report (CdDatabase *db,
             gint64     *n_cases)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();

  for (int run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GError) error = NULL;
      g_autoptr(CdReport) report = cd_report_compute_in_zone (db, zone, utc (2025, 12),
                                                              utc (2026, 12), utc (2026, 12),
                                                              &error);
      double ms;

      if (report == NULL)
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      *n_cases = report->n_cases;
    }
  return median (times);
}

static CdDatabase *
open_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  CdDatabase *db = cd_database_open (path, &error);

  if (db == NULL)
    g_error ("%s", error->message);
  return db;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CdDatabase) db = NULL;
  double count_ms, report_ms;
  gint64 n_cases = 0;

  setlocale (LC_ALL, "");
  if (argc != 2 && argc != 3)
    {
      g_printerr ("usage: %s DATABASE [SMALL_DATABASE]\n", argv[0]);
      return 2;
    }
  db = open_database (argv[1]);
  count_ms = time_count (db);
  report_ms = time_report (db, &n_cases);
  g_print ("median of %d runs\n", RUNS);
  g_print ("one pass over every case:         %8.2f ms  1.00×\n", count_ms);
  g_print ("report, 12 months (%6" G_GINT64_FORMAT " cases): %8.2f ms  %.1f×\n",
           n_cases, report_ms, report_ms / count_ms);
  if (argc == 3)
    {
      g_autoptr(CdDatabase) small = open_database (argv[2]);
      gint64 n_small = 0;
      double small_ms = time_report (small, &n_small);

      g_print ("report, 12 months (%6" G_GINT64_FORMAT " cases): %8.2f ms  %.1f× "
               "(large against small: %.1f×)\n", n_small, small_ms, small_ms / count_ms,
               report_ms / small_ms);
    }
  return 0;
}
