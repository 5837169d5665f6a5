/* cd-case-list-model.c — a lazy GListModel of CdCaseSummary over SQLite
 *
 * The model keeps only the ordered ids of the cases that match its query (eight bytes a case)
 * and materialises rows a page at a time when the view asks for them. When the repository
 * says a case changed, the ids are read again and compared with the old ones: what is the
 * same at the start and at the end is kept, and one items-changed covers the rest, so an
 * insertion, a removal or a move touches only the rows between.
 *
 * A new query reads the first ids at once and the rest in idle time. Usually it counts its
 * cases first, so the list has its full length at once. A search that matches a large share of
 * the cases is not counted up front (counting means joining every match with the cases): the
 * list starts with the first ids found and grows, one items-changed at the end per idle step,
 * until all are read (cd-case-list-model-query.c says how those are found).
 *
 * A model made for a window's first frame (cd_case_list_model_new_deferred()) counts in its
 * first idle step instead, once its view has been drawn (cd_case_list_model_resume()): until
 * then it holds the first ids read, and cd_case_list_model_is_counting() says so; then the
 * rest of the list comes as one items-changed at its end. (Counting the open cases of
 * 100,000 took 52M instructions, a twentieth of the start-up.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case-list-model"

#include "config.h"

#include <string.h>

#include "cd-case-list-model-private.h"
#include "cd-error.h"
#include "cd-text.h"

/* Rows read with one statement: a screenful or two. Each row reads its case and its
 * compensations and follow-ups, a few pages scattered over a large file: at 100 rows a
 * page the first frame read 830 pages of the file for the 29 rows it shows. */
#define PAGE_SIZE 32
#define MAX_CACHED_PAGES 100
/* So that showing a view costs the same with a hundred thousand cases as with a hundred:
 * two pages, more than a maximised window shows on most screens (the rest come a frame
 * later). Finding each id may read its case from the file (whether it is open, say): 300 of
 * them read 270 pages for the first frame. */
#define FIRST_IDS (2 * PAGE_SIZE)
/* Rows read in one idle step: a few milliseconds, so typing and scrolling stay smooth. */
#define ROWS_PER_IDLE 2000
/* A search is broad, and not counted up front, when it matches at least this many cases and at
 * least one case in BROAD_SHARE: walking the ordered ids then finds a screenful of matches
 * within a few thousand rows. */
#define BROAD_MATCHES 2048
/* At most this many rows are walked for a broad search's first ids, in case its matches are
 * all outside the view. */
#define FIRST_ROWS 8192
#define BROAD_SHARE 32

struct _CdCaseListModel
{
  GObject           parent_instance;

  /* Owned */
  CdCaseRepository *repository;
  CdCaseQuery      *query;
  GArray           *ids;      /* gint64, in list order; while filling, the first ones only */
  GHashTable       *pages;    /* page number → GPtrArray of CdCaseSummary (NULL where not read) */
  GArray           *matches;  /* while a broad search fills: the matching ids, ascending */

  guint             n_items;  /* what the model says it holds */
  gboolean          counted;  /* n_items was counted; else it is the ids read so far */
  gboolean          count_pending; /* uncounted until the first idle step counts */
  sqlite3_stmt     *fill;     /* reads the rest of the ids; NULL once they are all read */
  guint             fill_source;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdCaseListModel, cd_case_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_COUNTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The count put off for the first frame is known now, or needed no more. */
static void
end_count_pending (CdCaseListModel *self)
{
  if (!self->count_pending)
    return;
  self->count_pending = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
}

/* Reading the ids */

static CdDatabase *
get_database (CdCaseListModel *self)
{
  return cd_case_repository_get_database (self->repository);
}

/* Returns: (transfer full): the ids matching @match, ascending, when they are many enough to
 * walk the view's ordered ids for them; else NULL (with @error unset) */
static GArray *
read_broad_matches (CdCaseListModel  *self,
                    const char       *match,
                    GError          **error)
{
  CdDatabase *db = get_database (self);
  g_autoptr(GArray) matches = NULL;
  sqlite3_stmt *stmt;
  gint64 max_id;

  if (match == NULL)
    return NULL;
  matches = _cd_case_list_model_read_matches (db, match, error);
  if (matches == NULL || matches->len < BROAD_MATCHES)
    return NULL;

  stmt = cd_database_prepare (db, "SELECT COALESCE (MAX (id), 0) FROM cases", error);
  if (stmt == NULL || cd_database_step (db, stmt, error) != CD_STEP_ROW)
    return NULL;
  max_id = sqlite3_column_int64 (stmt, 0);
  cd_database_release (stmt);
  return (gint64) matches->len * BROAD_SHARE >= max_id ? g_steal_pointer (&matches) : NULL;
}

/* Prepares the statement that reads the query's ids in list order: a statement of its own,
 * not the shared cache's, as it stays open across idle calls. With @matches, it reads the
 * view's ids without the search, and the caller keeps those in @matches. */
static sqlite3_stmt *
prepare_ids (CdCaseListModel  *self,
             const char       *match,
             GArray           *matches,
             GError          **error)
{
  CdDatabase *db = get_database (self);
  g_autofree char *sql = _cd_case_list_model_build_sql (self->query,
                                                        matches != NULL ? NULL : match, FALSE);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (cd_database_get_handle (db), sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      cd_database_set_error (db, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  _cd_case_list_model_bind_query (stmt, self->query);
  if (match != NULL && matches == NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":match"), match, -1,
                       SQLITE_TRANSIENT);
  return stmt;
}

/* Steps @stmt for up to @budget rows, appending to @ids those in @matches (all without it)
 * until @ids holds @upto. Returns: the last sqlite3_step result */
static int
step_ids (sqlite3_stmt *stmt,
          GArray       *matches,
          GArray       *ids,
          guint         upto,
          guint         budget)
{
  int rc = SQLITE_ROW;

  while (ids->len < upto && budget-- > 0 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (matches == NULL || _cd_case_list_model_matches_contain (matches, id))
        g_array_append_val (ids, id);
    }
  return rc;
}

static GArray *
read_ids (CdCaseListModel  *self,
          GError          **error)
{
  g_autofree char *match = cd_text_build_match_query (self->query->search);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) matches = read_broad_matches (self, match, &local_error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  stmt = prepare_ids (self, match, matches, error);
  if (stmt == NULL)
    return NULL;
  rc = step_ids (stmt, matches, ids, G_MAXUINT, G_MAXUINT);
  if (rc != SQLITE_DONE)
    cd_database_set_error (get_database (self), rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

/* Filling the ids in the background */

static void
stop_fill (CdCaseListModel *self)
{
  /* Read to the end or given up: the ids read are the list, nothing is left to count. */
  end_count_pending (self);
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_pointer (&self->fill, sqlite3_finalize);
  g_clear_pointer (&self->matches, g_array_unref);
}

/* Reads ids until there are @upto of them, @budget rows were read, or there are no more. */
static void
fill_ids (CdCaseListModel *self,
          guint            upto,
          guint            budget)
{
  int rc;

  if (self->fill == NULL || self->ids->len >= upto)
    return;
  rc = step_ids (self->fill, self->matches, self->ids, upto, budget);
  if (rc == SQLITE_ROW)
    return;
  if (rc != SQLITE_DONE)
    {
      g_autoptr(GError) error = NULL;

      /* Through the database, which notices damage whoever meets it. */
      cd_database_set_error (get_database (self), rc, &error);
      g_warning ("Cannot read the case list: %s", error->message);
    }
  stop_fill (self);
}

/* Announces the ids read since: an uncounted list grows by them; a counted one, once all are
 * read, corrects its count if another process wrote between counting and reading. */
static void
settle_count (CdCaseListModel *self)
{
  guint old_n = self->n_items;

  if (!self->counted)
    {
      if (self->ids->len == old_n)
        return;
      self->n_items = self->ids->len;
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->n_items - old_n);
      return;
    }

  if (self->fill != NULL || old_n == self->ids->len)
    return;
  self->n_items = self->ids->len;
  g_hash_table_remove_all (self->pages);
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (old_n, self->n_items),
                              old_n - MIN (old_n, self->n_items),
                              self->n_items - MIN (old_n, self->n_items));
}

static gboolean count_cases (CdCaseListModel  *self,
                             const char       *match,
                             guint            *n,
                             GError          **error);

/* The count put off for the first frame: the list takes its full length at once. */
static void
count_after_first_frame (CdCaseListModel *self)
{
  g_autofree char *match = cd_text_build_match_query (self->query->search);
  g_autoptr(GError) error = NULL;
  guint old_n = self->n_items;
  guint n;

  if (!count_cases (self, match, &n, &error))
    {
      /* Uncounted, the list grows as its ids are read. */
      g_warning ("Cannot count the case list: %s", error->message);
      end_count_pending (self);
      return;
    }
  self->counted = TRUE;
  /* Fewer than read (another process deleted some): settled once all are read. */
  if (n > old_n)
    {
      self->n_items = n;
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n - old_n);
    }
  end_count_pending (self);
}

static gboolean
fill_in_idle (gpointer user_data)
{
  CdCaseListModel *self = user_data;
  gboolean more;

  if (self->count_pending)
    {
      count_after_first_frame (self);
      return G_SOURCE_CONTINUE;
    }

  fill_ids (self, G_MAXUINT, ROWS_PER_IDLE);
  more = self->fill != NULL;
  if (!more)
    self->fill_source = 0;
  settle_count (self);
  return more ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
finish_fill (CdCaseListModel *self)
{
  fill_ids (self, G_MAXUINT, G_MAXUINT);
  settle_count (self);
}

static gboolean
count_cases (CdCaseListModel  *self,
             const char       *match,
             guint            *n,
             GError          **error)
{
  CdDatabase *db = get_database (self);
  g_autofree char *sql = _cd_case_list_model_build_sql (self->query, match, TRUE);
  sqlite3_stmt *count = cd_database_prepare (db, sql, error);

  if (count == NULL)
    return FALSE;
  _cd_case_list_model_bind_query (count, self->query);
  if (match != NULL)
    cd_database_bind_text (count, ":match", match);
  if (cd_database_step (db, count, error) != CD_STEP_ROW)
    return FALSE;
  *n = (guint) sqlite3_column_int64 (count, 0);
  cd_database_release (count);
  return TRUE;
}

/* Counts the matching cases (unless the search is broad, or @defer_count puts it off to the
 * first idle step) and reads the first ids; the rest follow in idle time. Announces nothing:
 * the caller does. */
static gboolean
start_fill (CdCaseListModel  *self,
            gboolean          defer_count,
            GError          **error)
{
  g_autofree char *match = cd_text_build_match_query (self->query->search);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) matches = read_broad_matches (self, match, &local_error);
  sqlite3_stmt *fill;
  guint n = 0;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (matches == NULL && !defer_count && !count_cases (self, match, &n, error))
    return FALSE;
  fill = prepare_ids (self, match, matches, error);
  if (fill == NULL)
    return FALSE;

  stop_fill (self);
  g_array_set_size (self->ids, 0);
  g_hash_table_remove_all (self->pages);
  self->fill = fill;
  self->matches = g_steal_pointer (&matches);
  self->counted = self->matches == NULL && !defer_count;
  fill_ids (self, FIRST_IDS, self->matches == NULL ? G_MAXUINT : FIRST_ROWS);
  if (self->matches == NULL && defer_count)
    {
      /* Read to the end already: that is the count. */
      self->counted = self->fill == NULL;
      self->count_pending = self->fill != NULL;
      n = self->ids->len;
    }
  self->n_items = self->counted ? n : self->ids->len;
  /* A deferred count waits for cd_case_list_model_resume(): idle time before the first
   * frame (while the window is being mapped) would otherwise take it. */
  if (self->fill != NULL && !self->count_pending)
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

/* Reads the rows of positions @first to @last (exclusive) that @page lacks. */
static void
read_page (CdCaseListModel *self,
           GPtrArray       *page,
           guint            first,
           guint            last)
{
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree CdCaseSummary **read = NULL;
  guint j = 0;

  for (guint i = first; i < last; i++)
    if (g_ptr_array_index (page, i - first) == NULL)
      g_array_append_val (missing, g_array_index (self->ids, gint64, i));
  read = g_new (CdCaseSummary *, missing->len);
  _cd_case_list_model_read_summaries (get_database (self), self->query,
                                      &g_array_index (missing, gint64, 0), missing->len, read);
  for (guint i = first; i < last; i++)
    if (g_ptr_array_index (page, i - first) == NULL)
      g_ptr_array_index (page, i - first) = read[j++];
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
  fill_ids (self, MIN ((position / PAGE_SIZE + 1) * PAGE_SIZE, self->n_items), G_MAXUINT);
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

      /* Materialise the whole page at once: scrolling asks for its neighbours next. */
      read_page (self, page, first, MIN (first + PAGE_SIZE, self->ids->len));
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

  self->count_pending = FALSE;  /* no notification from an object going away */
  stop_fill (self);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->query, cd_case_query_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  G_OBJECT_CLASS (cd_case_list_model_parent_class)->finalize (object);
}

static void
cd_case_list_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CdCaseListModel *self = CD_CASE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_COUNTING:
      g_value_set_boolean (value, self->count_pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_case_list_model_class_init (CdCaseListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_case_list_model_finalize;
  object_class->get_property = cd_case_list_model_get_property;

  /**
   * CdCaseListModel:counting:
   *
   * Whether a model from cd_case_list_model_new_deferred() is still to count its cases.
   */
  properties[PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_case_list_model_init (CdCaseListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

static CdCaseListModel *
model_new (CdCaseRepository  *repository,
           const CdCaseQuery *query,
           gboolean           defer_count)
{
  CdCaseListModel *self = g_object_new (CD_TYPE_CASE_LIST_MODEL, NULL);
  g_autoptr(GError) error = NULL;

  self->repository = g_object_ref (repository);
  self->query = cd_case_query_copy (query);
  if (!start_fill (self, defer_count, &error))
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
 * cd_case_list_model_new:
 *
 * Returns: (transfer full): a model of the cases matching @query, kept up to date with
 *   @repository's signals; it holds as many items as there are cases from the start
 */
CdCaseListModel *
cd_case_list_model_new (CdCaseRepository  *repository,
                        const CdCaseQuery *query)
{
  return model_new (repository, query, FALSE);
}

/**
 * cd_case_list_model_new_deferred:
 *
 * Like cd_case_list_model_new(), for a window's first frame: what reads the first rows
 * comes at once; counting the rest waits until cd_case_list_model_resume() says the view has
 * been drawn, and then for the first idle step. Until then the model holds the first ids
 * read and cd_case_list_model_is_counting() is %TRUE; then the rest of the list comes as one
 * items-changed at its end.
 *
 * Returns: (transfer full): a model of the cases matching @query
 */
CdCaseListModel *
cd_case_list_model_new_deferred (CdCaseRepository  *repository,
                                 const CdCaseQuery *query)
{
  return model_new (repository, query, TRUE);
}

/**
 * cd_case_list_model_resume:
 *
 * For a model from cd_case_list_model_new_deferred(): its view has been drawn; the count,
 * and reading the rest of the ids, go on in idle time. Does nothing for other models, or
 * when called again.
 */
void
cd_case_list_model_resume (CdCaseListModel *self)
{
  g_return_if_fail (CD_IS_CASE_LIST_MODEL (self));

  if (self->fill != NULL && self->fill_source == 0)
    self->fill_source = g_idle_add_full (G_PRIORITY_LOW, fill_in_idle, self, NULL);
}

/**
 * cd_case_list_model_is_counting:
 *
 * Returns: %TRUE while a model from cd_case_list_model_new_deferred() has not counted its
 *   cases yet (it holds only the first ones)
 */
gboolean
cd_case_list_model_is_counting (CdCaseListModel *self)
{
  g_return_val_if_fail (CD_IS_CASE_LIST_MODEL (self), FALSE);

  return self->count_pending;
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
  if (!start_fill (self, FALSE, error))
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
