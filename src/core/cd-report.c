/* cd-report.c — what service costs, over a period
 *
 * Every figure is aggregated by SQLite except the median, which is taken in C from a sorted
 * list SQLite returns. Which time places each thing in the period [from, to):
 *
 * - a case: created_at, the first contact;
 * - a compensation's cost: its done_at when set, else its case's created_at (an accepted
 *   remedy not yet carried out is a cost the shop has already committed to, and belongs with
 *   the complaint that caused it). Only compensations done or accepted cost anything:
 *   suggested, offered and declined ones were never given;
 * - a satisfaction score: the done_at of its follow-up;
 * - time to close: over the cases first contacted in the period whose stage is closed, from
 *   created_at to updated_at. Once closed, a case is no longer edited in the normal course,
 *   so its last change is its closing; this does not depend on the wording of timeline text;
 * - a promise: the case's promised_by. It was kept when a compensation was done no later than
 *   the deadline; late when none was, and either one was done after it or the deadline has
 *   passed (promised_by < now); pending otherwise.
 *
 * Months are calendar months in the report's time zone (the seller's local time in the UI),
 * "YYYY-MM": a sale at 00:30 on the 1st in UTC+8 belongs to that month although it is still
 * the month before in UTC. SQLite knows no time zones, so the boundaries are worked out here
 * with GDateTime (which follows daylight saving time) and bound to the queries as one JSON
 * array of [start, end) pairs, which json_each() turns into a small table to join with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-report"

#include "config.h"

#include "cd-error.h"
#include "cd-report.h"
#include "cd-time.h"

/* Compensations that cost the shop something, each placed at one instant (see above). */
#define COST_SOURCE \
  "(SELECT COALESCE (m.done_at, c.created_at) AS at, m.kind AS kind, m.cost AS cost " \
  "FROM compensations m JOIN cases c ON c.id = m.case_id " \
  "WHERE m.status IN ('done', 'accepted'))"

#define IN_PERIOD(col) col " >= :from AND " col " < :to"

/* The months bound as :months, [[start, end], …], as a table (i, lo, hi); i indexes
 * CdReport:months. MATERIALIZED: built once, not re-read from JSON for every row joined.
 * Join it with CROSS JOIN, which keeps the big table outside: left to itself the planner
 * scans the months first and reads every compensation once per month (5× slower at
 * 100,000 cases, bench/cd-bench-report). */
#define MONTHS_CTE \
  "WITH months (i, lo, hi) AS MATERIALIZED (SELECT key, json_extract (value, '$[0]'), " \
  "json_extract (value, '$[1]') FROM json_each (:months)) "

/* Columns of a satisfaction row after its month: count, average, then scores 1 to 5. */
#define SATISFACTION_COLUMNS_OVER(source) \
  "COUNT (satisfaction), AVG (satisfaction), SUM (satisfaction = 1), " \
  "SUM (satisfaction = 2), SUM (satisfaction = 3), SUM (satisfaction = 4), " \
  "SUM (satisfaction = 5) FROM " source " " \
  "WHERE " IN_PERIOD ("done_at") " AND satisfaction IS NOT NULL"
#define SATISFACTION_COLUMNS SATISFACTION_COLUMNS_OVER ("followups")

static void
cost_row_free (gpointer data)
{
  CdReportCostRow *row = data;

  g_free (row->month);
  g_free (row->kind);
  g_free (row);
}

static void
count_row_free (gpointer data)
{
  CdReportCountRow *row = data;

  g_free (row->key);
  g_free (row);
}

static void
satisfaction_free (gpointer data)
{
  CdReportSatisfaction *row = data;

  g_free (row->month);
  g_free (row);
}

static void
bind_period (sqlite3_stmt   *stmt,
             const CdReport *report)
{
  cd_database_bind_int64 (stmt, ":from", report->from);
  cd_database_bind_int64 (stmt, ":to", report->to);
}

static void
bind_months (sqlite3_stmt   *stmt,
             const CdReport *report)
{
  cd_database_bind_text (stmt, ":months", report->month_ranges);
}

/* The label of the month whose index is in @column. */
static const char *
month_label (const CdReport *report,
             sqlite3_stmt   *stmt,
             int             column)
{
  gint64 i = sqlite3_column_int64 (stmt, column);

  g_assert (i >= 0 && i < (gint64) g_strv_length (report->months));
  return report->months[i];
}

/* Fills months and month_ranges: every month of @zone that [from, to) touches, each cut to
 * the period. */
static void
split_months (CdReport  *report,
              GTimeZone *zone)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(GString) ranges = g_string_new ("[");

  if (report->from < report->to)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (report->from / G_USEC_PER_SEC);
      g_autoptr(GDateTime) first = g_date_time_to_timezone (utc, zone);
      int year = g_date_time_get_year (first);
      int month = g_date_time_get_month (first);

      for (int i = 0;; i++)
        {
          g_autoptr(GDateTime) start = cd_time_month_start (zone, year, month, i);
          g_autoptr(GDateTime) end = cd_time_month_start (zone, year, month, i + 1);
          g_autofree char *label = NULL;
          gint64 lo = g_date_time_to_unix (start) * G_USEC_PER_SEC;
          gint64 hi = g_date_time_to_unix (end) * G_USEC_PER_SEC;

          if (lo >= report->to)
            break;
          label = g_date_time_format (start, "%Y-%m");
          g_strv_builder_add (labels, label);
          g_string_append_printf (ranges, "%s[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]",
                                  i > 0 ? "," : "", MAX (lo, report->from),
                                  MIN (hi, report->to));
        }
    }
  g_string_append_c (ranges, ']');
  report->months = g_strv_builder_end (labels);
  report->month_ranges = g_string_free (g_steal_pointer (&ranges), FALSE);
}

/* Steps @stmt to its one row; the caller reads it, then releases @stmt. */
static gboolean
step_one_row (CdDatabase    *db,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  switch (cd_database_step (db, stmt, error))
    {
    case CD_STEP_ROW:
      return TRUE;
    case CD_STEP_DONE:
      g_set_error_literal (error, CD_ERROR, CD_ERROR_DATABASE,
                           "An aggregate query returned no row");
      return FALSE;
    case CD_STEP_ERROR:
    default:
      return FALSE;
    }
}

/* The months cover the period exactly, so the total is the sum of the month × kind rows: one
 * pass over the compensations, not two. */
static gboolean
read_costs (CdDatabase  *db,
            CdReport    *report,
            GError     **error)
{
  sqlite3_stmt *stmt;
  CdStep step;

  stmt = cd_database_prepare (db,
    MONTHS_CTE "SELECT months.i, kind, SUM (cost) FROM " COST_SOURCE " AS s "
    "CROSS JOIN months ON s.at >= months.lo AND s.at < months.hi "
    "WHERE " IN_PERIOD ("s.at") " GROUP BY months.i, kind ORDER BY months.i, kind", error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, report);
  bind_months (stmt, report);
  report->total_cost = 0;
  while ((step = cd_database_step (db, stmt, error)) == CD_STEP_ROW)
    {
      CdReportCostRow *row = g_new0 (CdReportCostRow, 1);

      row->month = g_strdup (month_label (report, stmt, 0));
      row->kind = g_strdup (cd_database_column_text (stmt, 1));
      row->cost = sqlite3_column_int64 (stmt, 2);
      report->total_cost += row->cost;
      g_ptr_array_add (report->cost_by_month_kind, row);
    }
  return step == CD_STEP_DONE;
}

/* @sql gives (key, count) rows; its text is one of the constants below. */
static gboolean
read_counts (CdDatabase      *db,
             const char      *sql,
             const CdReport  *report,
             GPtrArray       *rows,
             GError         **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (db, sql, error);
  CdStep step;

  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, report);
  while ((step = cd_database_step (db, stmt, error)) == CD_STEP_ROW)
    {
      CdReportCountRow *row = g_new0 (CdReportCountRow, 1);

      row->key = g_strdup (cd_database_column_text (stmt, 0));
      row->count = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (rows, row);
    }
  return step == CD_STEP_DONE;
}

/* Counts the cases of the period through the created_at index, which reads only the index,
 * and sets @scan when reading the whole table is cheaper than looking each of them up: for a
 * period holding half the cases, a plain scan takes a third of the time (bench/report). */
static gboolean
count_cases (CdDatabase  *db,
             CdReport    *report,
             gboolean    *scan,
             GError     **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (db,
    "SELECT (SELECT COUNT (*) FROM cases WHERE " IN_PERIOD ("created_at") "), "
    "(SELECT COUNT (*) FROM cases)", error);

  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, report);
  if (!step_one_row (db, stmt, error))
    return FALSE;
  report->n_cases = sqlite3_column_int64 (stmt, 0);
  *scan = report->n_cases * 4 > sqlite3_column_int64 (stmt, 1);
  cd_database_release (stmt);
  return TRUE;
}

/* The two texts of a count by @column; "+created_at" keeps SQLite off the index. */
#define COUNT_BY(column, created_at) \
  "SELECT " column ", COUNT (*) AS n FROM cases " \
  "WHERE " IN_PERIOD (created_at) " GROUP BY " column " ORDER BY n DESC, " column

static gboolean
read_cases (CdDatabase  *db,
            CdReport    *report,
            GError     **error)
{
  gboolean scan = FALSE;

  if (!count_cases (db, report, &scan, error))
    return FALSE;
  return read_counts (db, scan ? COUNT_BY ("category", "+created_at")
                               : COUNT_BY ("category", "created_at"),
                      report, report->cases_by_category, error) &&
         read_counts (db, scan ? COUNT_BY ("root_cause", "+created_at")
                               : COUNT_BY ("root_cause", "created_at"),
                      report, report->cases_by_root_cause, error);
}

/* Reads SATISFACTION_COLUMNS starting at @column. */
static void
fill_satisfaction (sqlite3_stmt         *stmt,
                   int                   column,
                   CdReportSatisfaction *satisfaction)
{
  satisfaction->count = sqlite3_column_int64 (stmt, column);
  /* AVG () of no rows is NULL, which reads as 0.0 */
  satisfaction->average = sqlite3_column_double (stmt, column + 1);
  for (guint i = 0; i < G_N_ELEMENTS (satisfaction->distribution); i++)
    satisfaction->distribution[i] = sqlite3_column_int64 (stmt, column + 2 + (int) i);
}

static gboolean
read_satisfaction (CdDatabase  *db,
                   CdReport    *report,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  CdStep step;

  stmt = cd_database_prepare (db, "SELECT " SATISFACTION_COLUMNS, error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, report);
  if (!step_one_row (db, stmt, error))
    return FALSE;
  fill_satisfaction (stmt, 0, &report->satisfaction);
  cd_database_release (stmt);

  stmt = cd_database_prepare (db,
    MONTHS_CTE "SELECT months.i, " SATISFACTION_COLUMNS_OVER ("followups CROSS JOIN months ON "
    "done_at >= months.lo AND done_at < months.hi") " GROUP BY months.i ORDER BY months.i",
    error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, report);
  bind_months (stmt, report);
  while ((step = cd_database_step (db, stmt, error)) == CD_STEP_ROW)
    {
      CdReportSatisfaction *row = g_new0 (CdReportSatisfaction, 1);

      row->month = g_strdup (month_label (report, stmt, 0));
      fill_satisfaction (stmt, 1, row);
      g_ptr_array_add (report->satisfaction_by_month, row);
    }
  return step == CD_STEP_DONE;
}

/* The median of an even count is the mean of the middle two, rounded down. */
static gboolean
read_time_to_close (CdDatabase  *db,
                    CdReport    *report,
                    GError     **error)
{
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  CdStep step;
  guint n;

  stmt = cd_database_prepare (db,
    "SELECT MAX (updated_at - created_at, 0) AS d FROM cases "
    "WHERE stage = 'closed' AND " IN_PERIOD ("created_at") " ORDER BY d", error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, report);
  while ((step = cd_database_step (db, stmt, error)) == CD_STEP_ROW)
    {
      gint64 d = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (durations, d);
    }
  if (step != CD_STEP_DONE)
    return FALSE;

  n = durations->len;
  report->n_closed = n;
  if (n == 0)
    report->median_time_to_close = 0;
  else if (n % 2 == 1)
    report->median_time_to_close = g_array_index (durations, gint64, n / 2);
  else
    {
      gint64 lo = g_array_index (durations, gint64, n / 2 - 1);
      gint64 hi = g_array_index (durations, gint64, n / 2);

      report->median_time_to_close = lo + (hi - lo) / 2;
    }
  return TRUE;
}

static gboolean
read_promises (CdDatabase  *db,
               CdReport    *report,
               GError     **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (db,
    "SELECT COALESCE (SUM (kept), 0), "
    "COALESCE (SUM (NOT kept AND (done_late OR promised_by < :now)), 0), "
    "COALESCE (SUM (NOT kept AND NOT done_late AND promised_by >= :now), 0) "
    /* one look-up of a case's done compensations gives both answers */
    "FROM (SELECT c.promised_by AS promised_by, "
    "COALESCE (MAX (m.done_at <= c.promised_by), 0) AS kept, "
    "COALESCE (MAX (m.done_at > c.promised_by), 0) AS done_late "
    "FROM cases c LEFT JOIN compensations m ON m.case_id = c.id AND m.status = 'done' "
    "WHERE c.promised_by IS NOT NULL AND " IN_PERIOD ("c.promised_by") " GROUP BY c.id)",
    error);

  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, report);
  cd_database_bind_int64 (stmt, ":now", report->now);
  if (!step_one_row (db, stmt, error))
    return FALSE;
  report->promises_kept = sqlite3_column_int64 (stmt, 0);
  report->promises_late = sqlite3_column_int64 (stmt, 1);
  report->promises_pending = sqlite3_column_int64 (stmt, 2);
  cd_database_release (stmt);
  return TRUE;
}

static CdReport *
report_new (GTimeZone *zone,
            gint64     from,
            gint64     to,
            gint64     now)
{
  CdReport *self = g_new0 (CdReport, 1);

  self->from = from;
  self->to = to;
  self->now = now;
  self->zone = g_time_zone_ref (zone);
  split_months (self, zone);
  self->cost_by_month_kind = g_ptr_array_new_with_free_func (cost_row_free);
  self->cases_by_category = g_ptr_array_new_with_free_func (count_row_free);
  self->cases_by_root_cause = g_ptr_array_new_with_free_func (count_row_free);
  self->satisfaction_by_month = g_ptr_array_new_with_free_func (satisfaction_free);
  return self;
}

/**
 * cd_report_compute:
 * @db: the database
 * @from: start of the period, UTC microseconds, included
 * @to: end of the period, UTC microseconds, excluded
 * @now: the present, which decides whether an unmet promise is late or still pending
 *
 * cd_report_compute_in_zone() with months in the local time zone.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
CdReport *
cd_report_compute (CdDatabase  *db,
                   gint64       from,
                   gint64       to,
                   gint64       now,
                   GError     **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  return cd_report_compute_in_zone (db, zone, from, to, now, error);
}

/**
 * cd_report_compute_in_zone:
 * @db: the database
 * @zone: where months begin and end
 * @from: start of the period, UTC microseconds, included
 * @to: end of the period, UTC microseconds, excluded
 * @now: the present, which decides whether an unmet promise is late or still pending
 *
 * Reads every figure from one consistent snapshot. A period holding nothing gives zeros.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
CdReport *
cd_report_compute_in_zone (CdDatabase  *db,
                           GTimeZone   *zone,
                           gint64       from,
                           gint64       to,
                           gint64       now,
                           GError     **error)
{
  g_autoptr(CdReport) report = NULL;

  g_return_val_if_fail (CD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = report_new (zone, from, to, now);
  if (!cd_database_begin_read (db, error))
    return NULL;
  if (!read_costs (db, report, error) ||
      !read_cases (db, report, error) ||
      !read_satisfaction (db, report, error) ||
      !read_time_to_close (db, report, error) ||
      !read_promises (db, report, error))
    {
      cd_database_rollback (db);
      return NULL;
    }
  if (!cd_database_commit (db, error))
    return NULL;
  return g_steal_pointer (&report);
}

void
cd_report_free (CdReport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->cost_by_month_kind, g_ptr_array_unref);
  g_clear_pointer (&self->cases_by_category, g_ptr_array_unref);
  g_clear_pointer (&self->cases_by_root_cause, g_ptr_array_unref);
  g_clear_pointer (&self->satisfaction_by_month, g_ptr_array_unref);
  g_free (self->satisfaction.month);
  g_strfreev (self->months);
  g_free (self->month_ranges);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self);
}

/* n / d rounded half up, for n >= 0 and d > 0; written so that nothing overflows. */
static gint64
divide_rounded (gint64 n,
                gint64 d)
{
  gint64 r = n % d;

  return n / d + (r >= d - r ? 1 : 0);
}

/**
 * cd_report_cost_per_order:
 * @orders: how many orders the shop had in the period
 *
 * Returns: the service cost per order in minor units, rounded half up; 0 when @orders is not
 *   positive
 */
gint64
cd_report_cost_per_order (const CdReport *self,
                          gint64          orders)
{
  g_return_val_if_fail (self != NULL, 0);

  if (orders <= 0)
    return 0;
  return divide_rounded (self->total_cost, orders);
}

/**
 * cd_report_cost_share_per_mille:
 * @revenue: the shop's revenue in the period, minor units (up to 9×10¹⁵)
 *
 * Returns: the service cost as a share of @revenue in per mille, rounded half up; 0 when
 *   @revenue is not positive
 */
gint64
cd_report_cost_share_per_mille (const CdReport *self,
                                gint64          revenue)
{
  g_return_val_if_fail (self != NULL, 0);

  if (revenue <= 0)
    return 0;
  /* cost × 1000 / revenue, split so that cost × 1000 cannot overflow */
  return self->total_cost / revenue * 1000 +
         divide_rounded (self->total_cost % revenue * 1000, revenue);
}
