/* cd-case-list-model.c — a lazy GListModel of CdCaseSummary over SQLite
 *
 * The model keeps only the ordered ids of the cases that match its query (eight bytes a case)
 * and materialises rows a page at a time when the view asks for them. When the repository
 * says a case changed, the ids are read again and compared with the old ones: what is the
 * same at the start and at the end is kept, and one items-changed covers the rest, so an
 * insertion, a removal or a move touches only the rows between.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case-list-model"

#include "config.h"

#include <string.h>

#include "cd-case-list-model.h"
#include "cd-due-private.h"
#include "cd-error.h"
#include "cd-text.h"
#include "cd-time.h"

#define PAGE_SIZE 100
#define MAX_CACHED_PAGES 32
/* A new query reads its count and the first ids at once, the rest in the background, so
 * that showing a view costs the same with a hundred thousand cases as with a hundred. */
#define FIRST_IDS (3 * PAGE_SIZE)
#define IDS_PER_IDLE 5000

struct _CdCaseListModel
{
  GObject           parent_instance;

  /* Owned */
  CdCaseRepository *repository;
  CdCaseQuery      *query;
  GArray           *ids;      /* gint64, in list order; while filling, the first ones only */
  GHashTable       *pages;    /* page number → GPtrArray of CdCaseSummary (NULL where not read) */

  guint             n_items;  /* what the model says it holds */
  sqlite3_stmt     *fill;     /* reads the rest of the ids; NULL once they are all read */
  guint             fill_source;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdCaseListModel, cd_case_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

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
static char *
build_sql (const CdCaseQuery *query,
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

static void
bind_query (sqlite3_stmt      *stmt,
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

static GArray *
read_ids (CdCaseListModel  *self,
          GError          **error)
{
  CdDatabase *db = cd_case_repository_get_database (self->repository);
  g_autofree char *match = cd_text_build_match_query (self->query->search);
  g_autofree char *sql = build_sql (self->query, match, FALSE);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = cd_database_prepare (db, sql, error);
  CdStep step;

  if (stmt == NULL)
    return NULL;
  bind_query (stmt, self->query);
  if (match != NULL)
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

static CdCaseSummary *
read_summary (CdCaseListModel *self,
              gint64           id)
{
  CdDatabase *db = cd_case_repository_get_database (self->repository);
  g_autoptr(GError) error = NULL;
  CdCaseSummary *summary = cd_case_summary_new ();
  sqlite3_stmt *stmt = cd_database_prepare (db,
    "SELECT c.customer_name, c.buyer_id, c.platform, c.order_number, c.product, c.category, "
    "c.severity, c.stage, c.created_at, c.promised_by, " NEXT_FOLLOW_UP_EXPR ", " TOTAL_EXPR
    " FROM cases c WHERE c.id = :id", &error);
  int value;

  summary->id = id;
  if (stmt == NULL)
    {
      g_debug ("Cannot read case %" G_GINT64_FORMAT ": %s", id, error->message);
      return summary;
    }
  cd_database_bind_int64 (stmt, ":id", id);
  if (cd_database_step (db, stmt, &error) != CD_STEP_ROW)
    {
      /* Deleted by another process since the ids were read: an empty row until the next
       * refresh, rather than a hole in the list. */
      g_debug ("Case %" G_GINT64_FORMAT " is gone", id);
      return summary;
    }

  g_free (summary->customer_name);
  summary->customer_name = g_strdup (cd_database_column_text (stmt, 0));
  g_free (summary->buyer_id);
  summary->buyer_id = g_strdup (cd_database_column_text (stmt, 1));
  if (cd_enum_from_nick (CD_TYPE_PLATFORM, cd_database_column_text (stmt, 2), &value))
    summary->platform = value;
  g_free (summary->order_number);
  summary->order_number = g_strdup (cd_database_column_text (stmt, 3));
  g_free (summary->product);
  summary->product = g_strdup (cd_database_column_text (stmt, 4));
  if (cd_enum_from_nick (CD_TYPE_CATEGORY, cd_database_column_text (stmt, 5), &value))
    summary->category = value;
  if (cd_enum_from_nick (CD_TYPE_SEVERITY, cd_database_column_text (stmt, 6), &value))
    summary->severity = value;
  if (cd_enum_from_nick (CD_TYPE_STAGE, cd_database_column_text (stmt, 7), &value))
    summary->stage = value;
  summary->created_at = sqlite3_column_int64 (stmt, 8);
  summary->promised_by = column_time (stmt, 9);
  summary->next_follow_up = column_time (stmt, 10);
  summary->compensation_total = sqlite3_column_int64 (stmt, 11);
  summary->overdue = is_overdue (summary, self->query->now);
  cd_database_release (stmt);
  return summary;
}


/* Filling the ids in the background */

static void
stop_fill (CdCaseListModel *self)
{
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_pointer (&self->fill, sqlite3_finalize);
}

/* Reads ids until there are @upto of them or there are no more. */
static void
fill_ids (CdCaseListModel *self,
          guint            upto)
{
  while (self->fill != NULL && self->ids->len < upto)
    {
      int rc = sqlite3_step (self->fill);

      if (rc == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (self->fill, 0);
          g_array_append_val (self->ids, id);
          continue;
        }
      if (rc != SQLITE_DONE)
        {
          g_autoptr(GError) error = NULL;

          /* Through the database, which notices damage whoever meets it. */
          cd_database_set_error (cd_case_repository_get_database (self->repository), rc, &error);
          g_warning ("Cannot read the case list: %s", error->message);
        }
      stop_fill (self);
    }
}

/* The count and the ids were read apart: another process may have written between. */
static void
settle_count (CdCaseListModel *self)
{
  guint old_n = self->n_items;

  if (self->fill != NULL || old_n == self->ids->len)
    return;
  self->n_items = self->ids->len;
  g_hash_table_remove_all (self->pages);
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (old_n, self->n_items),
                              old_n - MIN (old_n, self->n_items),
                              self->n_items - MIN (old_n, self->n_items));
}

static gboolean
fill_in_idle (gpointer user_data)
{
  CdCaseListModel *self = user_data;

  fill_ids (self, self->ids->len + IDS_PER_IDLE);
  if (self->fill != NULL)
    return G_SOURCE_CONTINUE;
  self->fill_source = 0;
  settle_count (self);
  return G_SOURCE_REMOVE;
}

static void
finish_fill (CdCaseListModel *self)
{
  fill_ids (self, G_MAXUINT);
  settle_count (self);
}

/* Counts the matching cases and reads the first ids; the rest follow in idle time. */
static gboolean
start_fill (CdCaseListModel  *self,
            GError          **error)
{
  CdDatabase *db = cd_case_repository_get_database (self->repository);
  g_autofree char *match = cd_text_build_match_query (self->query->search);
  g_autofree char *count_sql = build_sql (self->query, match, TRUE);
  g_autofree char *ids_sql = build_sql (self->query, match, FALSE);
  sqlite3_stmt *count = cd_database_prepare (db, count_sql, error);
  sqlite3_stmt *fill = NULL;
  guint n;
  int rc;

  if (count == NULL)
    return FALSE;
  bind_query (count, self->query);
  if (match != NULL)
    cd_database_bind_text (count, ":match", match);
  if (cd_database_step (db, count, error) != CD_STEP_ROW)
    return FALSE;
  n = (guint) sqlite3_column_int64 (count, 0);
  cd_database_release (count);

  /* A statement of its own, not the shared cache's: it stays open across idle calls. */
  rc = sqlite3_prepare_v2 (cd_database_get_handle (db), ids_sql, -1, &fill, NULL);
  if (rc != SQLITE_OK)
    {
      cd_database_set_error (db, rc, error);
      sqlite3_finalize (fill);
      return FALSE;
    }
  bind_query (fill, self->query);
  if (match != NULL)
    cd_database_bind_text (fill, ":match", match);

  stop_fill (self);
  g_array_set_size (self->ids, 0);
  g_hash_table_remove_all (self->pages);
  self->fill = fill;
  self->n_items = n;
  fill_ids (self, FIRST_IDS);
  if (self->fill != NULL)
    self->fill_source = g_idle_add_full (G_PRIORITY_LOW, fill_in_idle, self, NULL);
  return TRUE;
}

/* GListModel */

/* Pages have holes where rows were not read yet. */
static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static GType
get_item_type (GListModel *model)
{
  return CD_TYPE_CASE_SUMMARY;
}

static guint
get_n_items (GListModel *model)
{
  return CD_CASE_LIST_MODEL (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CdCaseListModel *self = CD_CASE_LIST_MODEL (model);
  guint page_number = position / PAGE_SIZE;
  GPtrArray *page;
  CdCaseSummary *summary;

  if (position >= self->n_items)
    return NULL;
  fill_ids (self, MIN ((position / PAGE_SIZE + 1) * PAGE_SIZE, self->n_items));
  if (position >= self->ids->len)
    {
      /* Fewer cases than counted (another process deleted some): a blank row until the
       * count settles. */
      return cd_case_summary_new ();
    }

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page_number));
  if (page == NULL)
    {
      /* The view asks for rows near each other: keep a bounded number of pages. */
      if (g_hash_table_size (self->pages) >= MAX_CACHED_PAGES)
        g_hash_table_remove_all (self->pages);
      page = g_ptr_array_new_with_free_func (unref_if_set);
      g_ptr_array_set_size (page, PAGE_SIZE);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page_number), page);
    }

  summary = g_ptr_array_index (page, position % PAGE_SIZE);
  if (summary == NULL)
    {
      guint first = page_number * PAGE_SIZE;
      guint last = MIN (first + PAGE_SIZE, self->ids->len);

      /* Materialise the whole page at once: scrolling asks for its neighbours next. */
      for (guint i = first; i < last; i++)
        if (g_ptr_array_index (page, i - first) == NULL)
          g_ptr_array_index (page, i - first) =
            read_summary (self, g_array_index (self->ids, gint64, i));
      summary = g_ptr_array_index (page, position % PAGE_SIZE);
    }
  return g_object_ref (summary);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Keeping in step with the repository */

static void
drop_cached (CdCaseListModel *self,
             guint            position)
{
  GPtrArray *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (position / PAGE_SIZE));

  if (page != NULL && g_ptr_array_index (page, position % PAGE_SIZE) != NULL)
    {
      g_object_unref (g_ptr_array_index (page, position % PAGE_SIZE));
      g_ptr_array_index (page, position % PAGE_SIZE) = NULL;
    }
}

/* Replaces the ids with @ids and announces the smallest range that covers the difference. */
static void
replace_ids (CdCaseListModel *self,
             GArray          *ids,
             gint64           changed_id)
{
  g_autoptr(GArray) old = self->ids;
  guint old_n = old->len, new_n = ids->len;
  guint prefix = 0, suffix = 0;

  /* The view knows n_items; when the ids read say otherwise, it all changed. */
  if (self->n_items != old_n)
    {
      guint shown = self->n_items;

      self->ids = g_array_ref (ids);
      self->n_items = new_n;
      g_hash_table_remove_all (self->pages);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, shown, new_n);
      return;
    }

  while (prefix < old_n && prefix < new_n &&
         g_array_index (old, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_array_index (old, gint64, old_n - 1 - suffix) ==
         g_array_index (ids, gint64, new_n - 1 - suffix))
    suffix++;

  self->ids = g_array_ref (ids);
  self->n_items = new_n;

  if (prefix == old_n && prefix == new_n)
    {
      /* Same rows in the same order: only the changed case's row needs drawing again. */
      int position = changed_id > 0 ? cd_case_list_model_find (self, changed_id) : -1;

      if (position >= 0)
        {
          drop_cached (self, (guint) position);
          g_list_model_items_changed (G_LIST_MODEL (self), (guint) position, 1, 1);
        }
      return;
    }

  /* Rows moved between pages: the cache is cheap to rebuild. */
  g_hash_table_remove_all (self->pages);
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix,
                              new_n - prefix - suffix);
}

static void
reload (CdCaseListModel *self,
        gint64           changed_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  /* The smallest change needs the whole old list to compare with. */
  finish_fill (self);
  ids = read_ids (self, &error);

  if (ids == NULL)
    {
      g_warning ("Cannot read the case list: %s", error->message);
      return;
    }
  replace_ids (self, ids, changed_id);
}

static void
on_repository_case_cb (CdCaseRepository *repository,
                       gint64            id,
                       CdCaseListModel  *self)
{
  reload (self, id);
}

static void
on_repository_reset_cb (CdCaseRepository *repository,
                        CdCaseListModel  *self)
{
  reload (self, 0);
}

static void
cd_case_list_model_finalize (GObject *object)
{
  CdCaseListModel *self = (CdCaseListModel *) object;

  stop_fill (self);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->query, cd_case_query_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  G_OBJECT_CLASS (cd_case_list_model_parent_class)->finalize (object);
}

static void
cd_case_list_model_class_init (CdCaseListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_case_list_model_finalize;
}

static void
cd_case_list_model_init (CdCaseListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * cd_case_list_model_new:
 *
 * Returns: (transfer full): a model of the cases matching @query, kept up to date with
 *   @repository's signals
 */
CdCaseListModel *
cd_case_list_model_new (CdCaseRepository  *repository,
                        const CdCaseQuery *query)
{
  CdCaseListModel *self = g_object_new (CD_TYPE_CASE_LIST_MODEL, NULL);
  g_autoptr(GError) error = NULL;

  self->repository = g_object_ref (repository);
  self->query = cd_case_query_copy (query);
  if (!start_fill (self, &error))
    g_warning ("Cannot read the case list: %s", error->message);

  g_signal_connect_object (repository, "case-added", G_CALLBACK (on_repository_case_cb), self, 0);
  g_signal_connect_object (repository, "case-changed", G_CALLBACK (on_repository_case_cb), self,
                           0);
  g_signal_connect_object (repository, "case-removed", G_CALLBACK (on_repository_case_cb), self,
                           0);
  g_signal_connect_object (repository, "reset", G_CALLBACK (on_repository_reset_cb), self, 0);
  return self;
}

/**
 * cd_case_list_model_get_query:
 *
 * Returns: (transfer none): the query
 */
const CdCaseQuery *
cd_case_list_model_get_query (CdCaseListModel *self)
{
  g_return_val_if_fail (CD_IS_CASE_LIST_MODEL (self), NULL);
  return self->query;
}

/**
 * cd_case_list_model_set_query:
 *
 * Shows the cases matching @query instead: one items-changed for the whole list.
 */
gboolean
cd_case_list_model_set_query (CdCaseListModel    *self,
                              const CdCaseQuery  *query,
                              GError            **error)
{
  CdCaseQuery *old = self->query;
  guint old_n;

  g_return_val_if_fail (CD_IS_CASE_LIST_MODEL (self), FALSE);

  old_n = self->n_items;
  self->query = cd_case_query_copy (query);
  if (!start_fill (self, error))
    {
      cd_case_query_free (self->query);
      self->query = old;
      return FALSE;
    }
  cd_case_query_free (old);

  if (old_n > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  return TRUE;
}

/* Reads the list again (another process wrote), announcing only what changed. */
gboolean
cd_case_list_model_refresh (CdCaseListModel  *self,
                            GError          **error)
{
  g_autoptr(GArray) ids = NULL;

  finish_fill (self);
  ids = read_ids (self, error);
  if (ids == NULL)
    return FALSE;
  g_hash_table_remove_all (self->pages);
  replace_ids (self, ids, 0);
  return TRUE;
}

/**
 * cd_case_list_model_set_now:
 *
 * Moves the model's idea of now (and of today) forward: cases that fell due since enter or
 * leave the Due and Overdue views with the smallest change, and the rows are read again.
 */
gboolean
cd_case_list_model_set_now (CdCaseListModel  *self,
                            gint64            now,
                            GError          **error)
{
  g_return_val_if_fail (CD_IS_CASE_LIST_MODEL (self), FALSE);

  cd_case_query_set_today (self->query, now);
  return cd_case_list_model_refresh (self, error);
}

/* Returns: the position of @case_id, or -1 */
int
cd_case_list_model_find (CdCaseListModel *self,
                         gint64           case_id)
{
  g_return_val_if_fail (CD_IS_CASE_LIST_MODEL (self), -1);

  finish_fill (self);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == case_id)
      return (int) i;
  return -1;
}

/**
 * cd_case_list_model_count_views:
 * @today: supplies now and the day's bounds; its view and filters are ignored
 * @counts: (out caller-allocates): the number of cases in each view
 */
gboolean
cd_case_list_model_count_views (CdCaseRepository  *repository,
                                const CdCaseQuery *today,
                                gint64             counts[CD_N_VIEWS],
                                GError           **error)
{
  static const char *const sql[CD_N_VIEWS] = {
    [CD_VIEW_OPEN] = "SELECT COUNT(*) FROM cases c WHERE c.stage != 'closed'",
    [CD_VIEW_DUE_TODAY] = NULL,
    [CD_VIEW_OVERDUE] = NULL,
    [CD_VIEW_CLOSED] = "SELECT COUNT(*) FROM cases c WHERE c.stage = 'closed'",
    [CD_VIEW_ALL] = "SELECT COUNT(*) FROM cases c",
  };
  CdDatabase *db = cd_case_repository_get_database (repository);

  for (int view = 0; view < CD_N_VIEWS; view++)
    {
      g_autofree char *built = NULL;
      sqlite3_stmt *stmt;

      if (sql[view] == NULL)
        built = g_strconcat ("SELECT COUNT(*) FROM cases c WHERE ", view_conditions[view], NULL);
      stmt = cd_database_prepare (db, built != NULL ? built : sql[view], error);
      if (stmt == NULL)
        return FALSE;
      bind_query (stmt, today);
      if (cd_database_step (db, stmt, error) != CD_STEP_ROW)
        return FALSE;
      counts[view] = sqlite3_column_int64 (stmt, 0);
      cd_database_release (stmt);
    }
  return TRUE;
}
