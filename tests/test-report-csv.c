/* test-report-csv.c — a report's tables as CSV (cd-report-csv.h)
 *
 * One report built by hand, so that every byte of the file is known; its odd keys stand for
 * what an imported database could hold: quotes, a line break, a comma, a formula, Chinese.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cd-report-csv.h"
#include "cd-test-util.h"

static gint64
shanghai (int year,
          int month,
          int day)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) dt = g_date_time_new (zone, year, month, day, 0, 0, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static void
add_cost (CdReport   *report,
          const char *month,
          const char *kind,
          gint64      cost)
{
  CdReportCostRow *row = g_new0 (CdReportCostRow, 1);

  row->month = g_strdup (month);
  row->kind = g_strdup (kind);
  row->cost = cost;
  g_ptr_array_add (report->cost_by_month_kind, row);
}

static void
add_count (GPtrArray  *rows,
           const char *key,
           gint64      count)
{
  CdReportCountRow *row = g_new0 (CdReportCountRow, 1);

  row->key = g_strdup (key);
  row->count = count;
  g_ptr_array_add (rows, row);
}

static void
add_satisfaction (CdReport   *report,
                  const char *month,
                  gint64      one,
                  gint64      four,
                  gint64      five)
{
  CdReportSatisfaction *row = g_new0 (CdReportSatisfaction, 1);

  row->month = g_strdup (month);
  row->distribution[0] = one;
  row->distribution[3] = four;
  row->distribution[4] = five;
  row->count = one + four + five;
  row->average = (double) (one + 4 * four + 5 * five) / (double) row->count;
  g_ptr_array_add (report->satisfaction_by_month, row);
}

/* March and April 2024 in Shanghai, as cd_report_compute_in_zone() would fill it. */
static CdReport *
make_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cd_test_make_dir ();
  g_autoptr(CdDatabase) db = cd_test_open_database (dir);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  /* An empty database gives the report its period, zone and months. */
  CdReport *report = cd_report_compute_in_zone (db, zone, shanghai (2024, 3, 1),
                                                shanghai (2024, 5, 1), shanghai (2024, 4, 20),
                                                &error);

  g_assert_no_error (error);
  g_clear_object (&db);
  cd_test_remove_dir (dir);

  report->total_cost = 515050;
  add_cost (report, "2024-03", "coupon", 30000);
  add_cost (report, "2024-03", "partial_refund", 150050);
  add_cost (report, "2024-04", "=HYPERLINK(\"x\")", 335000);
  report->n_cases = 5;
  add_count (report->cases_by_category, "damaged", 2);
  add_count (report->cases_by_category, "quality", 2);
  add_count (report->cases_by_category, "say \"hi\", then\r\nleave", 1);
  add_count (report->cases_by_root_cause, "courier", 2);
  add_count (report->cases_by_root_cause, "", 1);
  add_count (report->cases_by_root_cause, "破损,包装", 1);
  add_count (report->cases_by_root_cause, "-1+2", 1);
  report->satisfaction.count = 5;
  report->satisfaction.average = 3.6;
  add_satisfaction (report, "2024-03", 0, 1, 0);
  add_satisfaction (report, "2024-04", 1, 1, 2);
  report->n_closed = 3;
  report->median_time_to_close = (gint64) 2 * 24 * 3600 * G_USEC_PER_SEC +
                                 (gint64) 1800 * G_USEC_PER_SEC;
  report->promises_kept = 1;
  report->promises_late = 2;
  report->promises_pending = 1;
  return report;
}

static const char expected[] =
  "\xef\xbb\xbf"
  "Report\r\n"
  "Period,2024-03-01,2024-04-30\r\n"
  "\r\n"
  "Summary\r\n"
  "Figure,Value\r\n"
  "Compensation cost (CNY),5150.50\r\n"
  "Cases,5\r\n"
  "Closed,3\r\n"
  "Median hours to close,48.5\r\n"
  "Promises kept,1\r\n"
  "Promises late,2\r\n"
  "Promises pending,1\r\n"
  "Follow-ups with a score,5\r\n"
  "Average satisfaction,3.60\r\n"
  "\r\n"
  "Cost per month\r\n"
  "Month,Kind,Cost (CNY)\r\n"
  "2024-03,Coupon,300.00\r\n"
  "2024-03,Partial refund,1500.50\r\n"
  /* an unknown kind is written as stored, quoted (its quotes doubled) and neutralised */
  "2024-04,\"'=HYPERLINK(\"\"x\"\")\",3350.00\r\n"
  "\r\n"
  "Cases per category\r\n"
  "Category,Cases\r\n"
  "Damaged in transit,2\r\n"
  "Quality defect,2\r\n"
  "\"say \"\"hi\"\", then\r\nleave\",1\r\n"
  "\r\n"
  "Cases per root cause\r\n"
  "Root cause,Cases\r\n"
  "Courier,2\r\n"
  "Not yet known,1\r\n"
  "\"破损,包装\",1\r\n"
  "'-1+2,1\r\n"
  "\r\n"
  "Satisfaction per month\r\n"
  "Month,Scores,Average,1,2,3,4,5\r\n"
  "2024-03,1,4.00,0,0,0,1,0\r\n"
  "2024-04,4,3.75,1,0,0,1,2\r\n";

static void
test_bytes (void)
{
  g_autoptr(CdReport) report = make_report ();
  g_autofree char *csv = cd_report_csv_format (report, "CNY");

  g_assert_cmpstr (csv, ==, expected);
}

/* The file holds the same bytes, and replaces an older one. */
static void
test_file (void)
{
  g_autoptr(CdReport) report = make_report ();
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "report.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (cd_report_csv_export_to_file (report, "CNY", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpmem (contents, length, expected, sizeof expected - 1);

  /* a folder that does not exist: an error naming the file, nothing written */
  g_free (path);
  path = g_build_filename (dir, "missing", "report.csv", NULL);
  g_assert_false (cd_report_csv_export_to_file (report, "CNY", path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "report.csv"));
  cd_test_remove_dir (dir);
}

/* An empty period: every table has its title and header, and no rows; figures that do not
 * exist are empty, not 0. */
static void
test_empty (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autoptr(CdDatabase) db = cd_test_open_database (dir);
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CdReport) report = cd_report_compute_in_zone (db, zone, 0, (gint64) 86400 * G_USEC_PER_SEC,
                                                          0, &error);
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  csv = cd_report_csv_format (report, "JPY");
  g_assert_nonnull (strstr (csv, "Period,1970-01-01,1970-01-01\r\n"));
  g_assert_nonnull (strstr (csv, "Compensation cost (JPY),0\r\n"));
  g_assert_nonnull (strstr (csv, "Median hours to close,\r\n"));
  g_assert_nonnull (strstr (csv, "Average satisfaction,\r\n"));
  g_assert_true (g_str_has_suffix (csv, "Month,Scores,Average,1,2,3,4,5\r\n"));
  g_clear_object (&db);
  cd_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-csv/bytes", test_bytes);
  g_test_add_func ("/report-csv/file", test_file);
  g_test_add_func ("/report-csv/empty", test_empty);
  return g_test_run ();
}
