/* cd-case-list-model-query.c — which cases the case list shows, in which order, and their rows
 *
 * The SQL is assembled from fixed fragments chosen by the query's enums; every value the user
 * gave is bound as a parameter.
 *
 * A search is answered in one of two ways (cd-case-list-model.c chooses): when it matches
 * few cases, SQL joins the full-text result with the cases and counts them; when it matches
 * a large share of them (a first letter typed), joining, ordering and counting the whole
 * match set costs far more than the screenful the list shows first. Then the model reads the
 * matching ids from the full-text index alone (_cd_case_list_model_read_matches, ascending,
 * so a binary search finds one) and walks the view's ordinary ordered ids, keeping those that
 * match: the first screenful costs a few hundred steps, the rest come in idle time.
 *
 * A page of rows is read with one statement over a JSON array of ids (json_each is a table
 * the statement joins, the array a bound value), not one statement a row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case-list-model"

#include "config.h"

#include "cd-case-list-model-private.h"
#include "cd-due-list.h"
#include "cd-due-private.h"
#include "cd-error.h"
#include "cd-text.h"
#include "cd-time.h"

/* Written out: G_DEFINE_BOXED_TYPE trips -Wpedantic with GLib 2.74's headers. */
GType
cd_case_query_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_boxed_type_register_static ("CdCaseQuery",
                                                            (GBoxedCopyFunc) cd_case_query_copy,
                                                            (GBoxedFreeFunc) cd_case_query_free));
  return type;
}

#define PROMISE_PENDING CD_SQL_PROMISE_PENDING
#define FOLLOW_UP_PENDING "f.case_id = c.id AND " CD_SQL_FOLLOW_UP_PENDING

static const char *const view_conditions[CD_N_VIEWS] = {
  [CD_VIEW_OPEN] = CD_SQL_CASE_OPEN,
  /* What falls due later today; once past, it is overdue instead, never in both. */
  [CD_VIEW_DUE_TODAY] =
    CD_SQL_CASE_OPEN " AND ((" PROMISE_PENDING " AND c.promised_by >= :now AND "
    "c.promised_by < :day_end) OR EXISTS (SELECT 1 FROM followups f WHERE " FOLLOW_UP_PENDING
    " AND f.due_at >= :now AND f.due_at < :day_end))",
  [CD_VIEW_OVERDUE] =
    CD_SQL_CASE_OPEN " AND ((" PROMISE_PENDING " AND c.promised_by < :now) OR EXISTS "
    "(SELECT 1 FROM followups f WHERE " FOLLOW_UP_PENDING " AND f.due_at < :now))",
  [CD_VIEW_CLOSED] = "c.stage = 'closed'",
  [CD_VIEW_ALL] = "1",
};

#define TOTAL_EXPR \
  "(SELECT COALESCE (SUM (amount), 0) FROM compensations " \
  "WHERE case_id = c.id AND status IN ('accepted', 'done'))"
#define NEXT_FOLLOW_UP_EXPR \
  "(SELECT MIN (f.due_at) FROM followups f WHERE " FOLLOW_UP_PENDING ")"

/* CdCaseQuery */

/**
 * cd_case_query_new:
 *
 * Returns: (transfer full): a query for @view, no filters, newest first, "today" being now
 */
CdCaseQuery *
cd_case_query_new (CdView view)
{
  CdCaseQuery *query = g_new0 (CdCaseQuery, 1);

  query->view = view;
  query->platform = query->stage = query->category = query->severity = CD_ANY;
  query->sort = CD_SORT_CREATED;
  query->descending = TRUE;
  cd_case_query_set_today (query, cd_time_now ());
  return query;
}

CdCaseQuery *
cd_case_query_copy (const CdCaseQuery *query)
{
  CdCaseQuery *copy = g_memdup2 (query, sizeof *query);

  copy->search = g_strdup (query->search);
  return copy;
}

void
cd_case_query_free (CdCaseQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->search);
  g_free (query);
}

/* Sets now and the bounds of the local day that holds it. */
void
cd_case_query_set_today (CdCaseQuery *query,
                         gint64       now)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  query->now = now;
  start = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                 g_date_time_get_day_of_month (local), 0, 0, 0);
  end = g_date_time_add_days (start, 1);
  query->day_start = g_date_time_to_unix (start) * G_USEC_PER_SEC;
  query->day_end = g_date_time_to_unix (end) * G_USEC_PER_SEC;
}

/* SQL */

/* SQL */

static void
append_ordinal (GString    *sql,
                const char *column,
                GType       type)
{
  g_string_append_printf (sql, "CASE %s", column);
  for (guint i = 0; i < cd_enum_get_n_values (type); i++)
    g_string_append_printf (sql, " WHEN '%s' THEN %u", cd_enum_to_nick (type, (int) i), i);
  g_string_append (sql, " END");
}

static void
append_sort (GString           *sql,
             const CdCaseQuery *query)
{
  const char *dir = query->descending ? " DESC" : " ASC";

  g_string_append (sql, " ORDER BY ");
  switch (query->sort)
    {
    case CD_SORT_BUYER:
      g_string_append (sql, "c.customer_name COLLATE NOCASE");
      break;
    case CD_SORT_PLATFORM:
      g_string_append (sql, "c.platform");
      break;
    case CD_SORT_ORDER:
      g_string_append (sql, "c.order_number");
      break;
    case CD_SORT_CATEGORY:
      g_string_append (sql, "c.category");
      break;
    case CD_SORT_SEVERITY:
      append_ordinal (sql, "c.severity", CD_TYPE_SEVERITY);
      break;
    case CD_SORT_STAGE:
      append_ordinal (sql, "c.stage", CD_TYPE_STAGE);
      break;
    case CD_SORT_PROMISED_BY:
      /* Cases without a deadline come last either way. */
      g_string_append (sql, "c.promised_by IS NULL, c.promised_by");
      break;
    case CD_SORT_TOTAL:
      g_string_append (sql, TOTAL_EXPR);
      break;
    case CD_SORT_CREATED:
    default:
      g_string_append (sql, "c.created_at");
      break;
    }
  /* The id makes the order total, so equal keys never swap between two reads. */
  g_string_append_printf (sql, "%s, c.id%s", dir, dir);
}

/* The SQL is assembled from fixed fragments chosen by the query's enums; every value the user
 * gave is bound as a parameter. */
char *
_cd_case_list_model_build_sql (const CdCaseQuery *query,
                               const char        *match,
                               gboolean           count)
{
  GString *sql = g_string_new (count ? "SELECT COUNT(*) FROM cases c WHERE "
                                     : "SELECT c.id FROM cases c WHERE ");

  g_string_append (sql, view_conditions[query->view]);
  if (query->platform != CD_ANY)
    g_string_append (sql, " AND c.platform = :platform");
  if (query->stage != CD_ANY)
    g_string_append (sql, " AND c.stage = :stage");
  if (query->category != CD_ANY)
    g_string_append (sql, " AND c.category = :category");
  if (query->severity != CD_ANY)
    g_string_append (sql, " AND c.severity = :severity");
  if (match != NULL)
    g_string_append (sql, " AND c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH "
                          ":match)");
  if (!count)
    append_sort (sql, query);
  return g_string_free (sql, FALSE);
}

static void
bind_if_present (sqlite3_stmt *stmt,
                 const char   *name,
                 gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_enum_if_present (sqlite3_stmt *stmt,
                      const char   *name,
                      GType         type,
                      int           value)
{
  if (value != CD_ANY && sqlite3_bind_parameter_index (stmt, name) > 0)
    cd_database_bind_text (stmt, name, cd_enum_to_nick (type, value));
}

void
_cd_case_list_model_bind_query (sqlite3_stmt      *stmt,
                                const CdCaseQuery *query)
{
  bind_if_present (stmt, ":now", query->now);
  bind_if_present (stmt, ":day_start", query->day_start);
  bind_if_present (stmt, ":day_end", query->day_end);
  bind_enum_if_present (stmt, ":platform", CD_TYPE_PLATFORM, query->platform);
  bind_enum_if_present (stmt, ":stage", CD_TYPE_STAGE, query->stage);
  bind_enum_if_present (stmt, ":category", CD_TYPE_CATEGORY, query->category);
  bind_enum_if_present (stmt, ":severity", CD_TYPE_SEVERITY, query->severity);
}

/* Rows */

static gboolean
is_overdue (CdCaseSummary *summary,
            gint64         now)
{
  if (summary->stage == CD_STAGE_CLOSED)
    return FALSE;
  if (summary->promised_by != CD_TIME_UNSET && summary->stage < CD_STAGE_FOLLOW_UP &&
      summary->promised_by < now)
    return TRUE;
  return summary->next_follow_up != CD_TIME_UNSET && summary->next_follow_up < now;
}

static gint64
column_time (sqlite3_stmt *stmt,
             int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? CD_TIME_UNSET
                                                           : sqlite3_column_int64 (stmt, column);
}

static void
fill_summary (CdCaseSummary *summary,
              sqlite3_stmt  *stmt,
              gint64         now)
{
  int value;

  g_free (summary->customer_name);
  summary->customer_name = g_strdup (cd_database_column_text (stmt, 1));
  g_free (summary->buyer_id);
  summary->buyer_id = g_strdup (cd_database_column_text (stmt, 2));
  if (cd_enum_from_nick (CD_TYPE_PLATFORM, cd_database_column_text (stmt, 3), &value))
    summary->platform = value;
  g_free (summary->order_number);
  summary->order_number = g_strdup (cd_database_column_text (stmt, 4));
  g_free (summary->product);
  summary->product = g_strdup (cd_database_column_text (stmt, 5));
  if (cd_enum_from_nick (CD_TYPE_CATEGORY, cd_database_column_text (stmt, 6), &value))
    summary->category = value;
  if (cd_enum_from_nick (CD_TYPE_SEVERITY, cd_database_column_text (stmt, 7), &value))
    summary->severity = value;
  if (cd_enum_from_nick (CD_TYPE_STAGE, cd_database_column_text (stmt, 8), &value))
    summary->stage = value;
  summary->created_at = sqlite3_column_int64 (stmt, 9);
  summary->promised_by = column_time (stmt, 10);
  summary->next_follow_up = column_time (stmt, 11);
  summary->compensation_total = sqlite3_column_int64 (stmt, 12);
  summary->overdue = is_overdue (summary, now);
}

/**
 * _cd_case_list_model_read_summaries:
 * @ids: (array length=n_ids): the cases to read
 * @summaries: (out caller-allocates) (array length=n_ids): where each case's row goes
 *
 * Reads the rows of @ids with one statement. A case deleted by another process since the ids
 * were read gets an empty row until the next refresh, rather than a hole in the list.
 */
/* A page of rows. The follow-ups' and compensations' subqueries read covering indexes
 * (sql/0006-list-covering-indexes.sql), not their tables: case-list-model checks the plan. */
#define SUMMARIES_SQL \
  "SELECT c.id, c.customer_name, c.buyer_id, c.platform, c.order_number, c.product, " \
  "c.category, c.severity, c.stage, c.created_at, c.promised_by, " NEXT_FOLLOW_UP_EXPR ", " \
  TOTAL_EXPR " FROM cases c WHERE c.id IN (SELECT value FROM json_each (:ids))"

const char *
_cd_case_list_model_summaries_sql (void)
{
  return SUMMARIES_SQL;
}

void
_cd_case_list_model_read_summaries (CdDatabase        *db,
                                    const CdCaseQuery *query,
                                    const gint64      *ids,
                                    guint              n_ids,
                                    CdCaseSummary    **summaries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) array = g_string_new ("[");
  g_autoptr(GHashTable) positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  CdStep step;

  for (guint i = 0; i < n_ids; i++)
    {
      summaries[i] = cd_case_summary_new ();
      summaries[i]->id = ids[i];
      g_hash_table_insert (positions, &summaries[i]->id, summaries[i]);
      g_string_append_printf (array, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
    }
  g_string_append_c (array, ']');

  stmt = cd_database_prepare (db, SUMMARIES_SQL, &error);
  if (stmt == NULL)
    {
      g_debug ("Cannot read cases: %s", error->message);
      return;
    }
  cd_database_bind_text (stmt, ":ids", array->str);
  while ((step = cd_database_step (db, stmt, &error)) == CD_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CdCaseSummary *summary = g_hash_table_lookup (positions, &id);

      if (summary != NULL)
        fill_summary (summary, stmt, query->now);
    }
  if (step == CD_STEP_ERROR)
    g_debug ("Cannot read cases: %s", error->message);
}

/* Search */

/**
 * _cd_case_list_model_read_matches:
 * @match: an FTS5 query (cd_text_build_match_query)
 *
 * Returns: (transfer full): the ids of every case matching @match, ascending
 */
GArray *
_cd_case_list_model_read_matches (CdDatabase  *db,
                                  const char  *match,
                                  GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = cd_database_prepare (db,
    "SELECT rowid FROM case_search WHERE case_search MATCH :match ORDER BY rowid", error);
  CdStep step;

  if (stmt == NULL)
    return NULL;
  cd_database_bind_text (stmt, ":match", match);
  while ((step = cd_database_step (db, stmt, error)) == CD_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (step == CD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&ids);
}

/* Whether @id is in @matches, which is ascending. */
gboolean
_cd_case_list_model_matches_contain (GArray *matches,
                                     gint64  id)
{
  guint lo = 0, hi = matches->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 at = g_array_index (matches, gint64, mid);

      if (at == id)
        return TRUE;
      if (at < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/**
 * cd_case_list_model_count_views:
 * @today: supplies now and the day's bounds; its view and filters are ignored
 * @counts: (out caller-allocates): what each view lists: cases, except in Due Today and
 *   Overdue, which list promises and follow-ups (a case can have several due)
 */
gboolean
cd_case_list_model_count_views (CdCaseRepository  *repository,
                                const CdCaseQuery *today,
                                gint64             counts[CD_N_VIEWS],
                                GError           **error)
{
  static const char *const sql[CD_N_VIEWS] = {
    [CD_VIEW_OPEN] = "SELECT COUNT(*) FROM cases c WHERE " CD_SQL_CASE_OPEN,
    [CD_VIEW_DUE_TODAY] = NULL,
    [CD_VIEW_OVERDUE] = NULL,
    [CD_VIEW_CLOSED] = "SELECT COUNT(*) FROM cases c WHERE c.stage = 'closed'",
    [CD_VIEW_ALL] = "SELECT COUNT(*) FROM cases c",
  };
  CdDatabase *db = cd_case_repository_get_database (repository);

  for (int view = 0; view < CD_N_VIEWS; view++)
    {
      sqlite3_stmt *stmt;

      if (sql[view] == NULL)
        continue;
      stmt = cd_database_prepare (db, sql[view], error);
      if (stmt == NULL)
        return FALSE;
      if (cd_database_step (db, stmt, error) != CD_STEP_ROW)
        return FALSE;
      counts[view] = sqlite3_column_int64 (stmt, 0);
      cd_database_release (stmt);
    }

  /* What falls due later today; once past, it is overdue instead, never in both. */
  counts[CD_VIEW_DUE_TODAY] = cd_due_count (db, today->now, today->day_end, error);
  if (counts[CD_VIEW_DUE_TODAY] < 0)
    return FALSE;
  counts[CD_VIEW_OVERDUE] = cd_due_count (db, G_MININT64, today->now, error);
  return counts[CD_VIEW_OVERDUE] >= 0;
}
