/* test-case-list-model.c — the lazy case list: counts, order, filters and minimal changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cd-case-list-model.h"
#include "cd-case-list-model-private.h"
#include "cd-test-util.h"
#include "cd-time.h"

#define HOUR ((gint64) 3600 * G_USEC_PER_SEC)
#define DAY (24 * HOUR)

typedef struct
{
  char             *dir;
  CdDatabase       *db;
  CdCaseRepository *repo;
  GArray           *changes;  /* of Change, every items-changed */
} Fixture;

typedef struct
{
  guint position, removed, added;
} Change;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *f)
{
  Change change = { position, removed, added };

  g_array_append_val (f->changes, change);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->repo = cd_case_repository_new (f->db);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->repo);
  g_assert_finalize_object (f->db);
  g_array_unref (f->changes);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

static CdCase *
add_case (Fixture    *f,
          const char *name,
          gint64      created_at,
          CdStage     stage)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = cd_case_new ();

  cd_case_set_string (&kase->customer_name, name);
  kase->created_at = created_at;
  kase->stage = stage;
  g_assert_true (cd_case_repository_insert (f->repo, kase, &error));
  g_assert_no_error (error);
  return kase;
}

static void
assert_change (Fixture *f,
               guint    index,
               guint    position,
               guint    removed,
               guint    added)
{
  Change *change;

  g_assert_cmpuint (index, <, f->changes->len);
  change = &g_array_index (f->changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static const char *
name_at (CdCaseListModel *model,
         guint            position)
{
  g_autoptr(CdCaseSummary) summary = g_list_model_get_item (G_LIST_MODEL (model), position);
  static char name[64];

  g_assert_nonnull (summary);
  g_strlcpy (name, summary->customer_name, sizeof name);
  return name;
}

/* Newest first; get_item is NULL past the end; nothing is read before it is asked for. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CdCaseQuery) query = cd_case_query_new (CD_VIEW_ALL);
  g_autoptr(CdCaseListModel) model = NULL;
  gint64 t0 = cd_time_now () - 10 * DAY;

  for (int i = 0; i < 250; i++)
    {
      g_autofree char *name = g_strdup_printf ("buyer %03d", i);
      g_object_unref (add_case (f, name, t0 + i * HOUR, CD_STAGE_LISTEN));
    }

  model = cd_case_list_model_new (f->repo, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 250);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == CD_TYPE_CASE_SUMMARY);
  g_assert_cmpstr (name_at (model, 0), ==, "buyer 249");
  g_assert_cmpstr (name_at (model, 249), ==, "buyer 000");
  g_assert_cmpstr (name_at (model, 123), ==, "buyer 126");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 250));

  query->sort = CD_SORT_BUYER;
  query->descending = FALSE;
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  g_assert_true (cd_case_list_model_set_query (model, query, NULL));
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 0, 250, 250);
  g_assert_cmpstr (name_at (model, 0), ==, "buyer 000");
}

/* Adding, changing, moving and deleting one case announce the least that changed. */
static void
test_minimal_changes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CdCaseQuery) query = cd_case_query_new (CD_VIEW_OPEN);
  g_autoptr(CdCaseListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdCase) middle = NULL;
  g_autoptr(CdCase) newest = NULL;
  gint64 t0 = cd_time_now () - 10 * DAY;

  for (int i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("b%d", i);
      CdCase *kase = add_case (f, name, t0 + i * HOUR, CD_STAGE_LISTEN);

      if (i == 5)
        middle = kase;
      else
        g_object_unref (kase);
    }

  model = cd_case_list_model_new (f->repo, query);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  /* b5 is at position 4 (newest first: b9 … b0). */
  g_assert_cmpint (cd_case_list_model_find (model, middle->id), ==, 4);

  /* An edit that keeps the order redraws one row. */
  cd_case_set_string (&middle->product, "teapot");
  g_assert_true (cd_case_repository_update (f->repo, middle, &error));
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 4, 1, 1);

  /* A new case comes first. */
  newest = add_case (f, "b10", t0 + 20 * HOUR, CD_STAGE_LISTEN);
  g_assert_cmpuint (f->changes->len, ==, 2);
  assert_change (f, 1, 0, 0, 1);
  g_assert_cmpstr (name_at (model, 0), ==, "b10");

  /* Closing a case takes it out of "Open": one row removed where it was. */
  middle->stage = CD_STAGE_CLOSED;
  g_assert_true (cd_case_repository_update (f->repo, middle, &error));
  g_assert_cmpuint (f->changes->len, ==, 3);
  assert_change (f, 2, 5, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);

  /* Deleting the newest removes row 0 only. */
  g_assert_true (cd_case_repository_delete (f->repo, newest->id, &error));
  g_assert_cmpuint (f->changes->len, ==, 4);
  assert_change (f, 3, 0, 1, 0);

  /* A change to a case the view does not show announces nothing. */
  cd_case_set_string (&middle->summary, "still closed");
  g_assert_true (cd_case_repository_update (f->repo, middle, &error));
  g_assert_cmpuint (f->changes->len, ==, 4);
}

/* Re-sorting by buyer: renaming a case moves it, and the range covers just the move. */
static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CdCaseQuery) query = cd_case_query_new (CD_VIEW_ALL);
  g_autoptr(CdCaseListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdCase) c = NULL;
  const char *names[] = { "a", "b", "c", "d", "e", "f" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CdCase *kase = add_case (f, names[i], cd_time_now (), CD_STAGE_LISTEN);

      if (i == 2)
        c = kase;
      else
        g_object_unref (kase);
    }
  query->sort = CD_SORT_BUYER;
  query->descending = FALSE;
  model = cd_case_list_model_new (f->repo, query);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), f);

  /* c → ee: a b d e ee f — positions 2 to 4 change */
  cd_case_set_string (&c->customer_name, "ee");
  g_assert_true (cd_case_repository_update (f->repo, c, &error));
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 2, 3, 3);
  g_assert_cmpstr (name_at (model, 4), ==, "ee");
}

/* A long list is counted at once and read in the background; nothing waits for it. */
static void
test_lazy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CdCaseQuery) query = cd_case_query_new (CD_VIEW_ALL);
  g_autoptr(CdCaseListModel) model = NULL;
  g_autoptr(CdCaseListModel) other = NULL;
  g_autoptr(CdCase) newest = NULL;
  gint64 t0 = cd_time_now () - 30 * DAY;
  const guint n = 700;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("buyer %03u", i);
      g_object_unref (add_case (f, name, t0 + i * HOUR, CD_STAGE_LISTEN));
    }

  /* Read to the end on demand … */
  model = cd_case_list_model_new (f->repo, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_cmpstr (name_at (model, n - 1), ==, "buyer 000");
  g_assert_cmpstr (name_at (model, 0), ==, "buyer 699");

  /* … or in idle time, announcing nothing since the count was right. */
  other = cd_case_list_model_new (f->repo, query);
  g_signal_connect (other, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_cmpint (cd_case_list_model_find (other, 1), ==, (int) n - 1);

  /* A change while still reading compares with the whole old list. */
  g_clear_object (&other);
  other = cd_case_list_model_new (f->repo, query);
  g_signal_connect (other, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  newest = add_case (f, "newest", t0 + n * HOUR, CD_STAGE_LISTEN);
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 0, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, n + 1);
}

static void
on_notify_counted_cb (GObject    *object,
                      GParamSpec *pspec,
                      guint      *notified)
{
  (*notified)++;
}

/* A model for a first frame reads the first ids at once and counts the rest after: the list
 * then grows once, at its end, to its full length. A short list is complete at once. */
static void
test_deferred_count (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CdCaseQuery) query = cd_case_query_new (CD_VIEW_ALL);
  g_autoptr(CdCaseListModel) model = NULL;
  g_autoptr(CdCaseListModel) small = NULL;
  gint64 t0 = cd_time_now () - 30 * DAY;
  const guint n = 700;
  guint notified = 0;
  guint first;

  for (guint i = 0; i < 5; i++)
    g_object_unref (add_case (f, "early", t0 + i * HOUR, CD_STAGE_LISTEN));
  small = cd_case_list_model_new_deferred (f->repo, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (small)), ==, 5);
  g_assert_false (cd_case_list_model_is_counting (small));

  for (guint i = 5; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("buyer %03u", i);
      g_object_unref (add_case (f, name, t0 + i * HOUR, CD_STAGE_LISTEN));
    }
  model = cd_case_list_model_new_deferred (f->repo, query);
  first = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (first, <, n);
  g_assert_true (cd_case_list_model_is_counting (model));
  g_assert_cmpstr (name_at (model, 0), ==, "buyer 699");
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  g_signal_connect (model, "notify::counting", G_CALLBACK (on_notify_counted_cb), &notified);

  /* Nothing happens before its view says it has been drawn … */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (cd_case_list_model_is_counting (model));
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, first);

  /* … then it counts, and reads the rest, in idle time. */
  cd_case_list_model_resume (model);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (cd_case_list_model_is_counting (model));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, first, 0, n - first);
  g_assert_cmpstr (name_at (model, n - 1), ==, "early");
  g_assert_cmpint (cd_case_list_model_find (model, 1), ==, (int) n - 1);

  /* A change before the count: the whole list, compared with what the view was told. */
  g_clear_object (&model);
  g_array_set_size (f->changes, 0);
  model = cd_case_list_model_new_deferred (f->repo, query);
  first = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  g_object_unref (add_case (f, "newest", t0 + n * HOUR, CD_STAGE_LISTEN));
  g_assert_false (cd_case_list_model_is_counting (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n + 1);
  g_assert_cmpstr (name_at (model, 0), ==, "newest");
  cd_case_list_model_resume (model);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n + 1);
}

static void
test_views_and_filters (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CdCaseQuery) query = cd_case_query_new (CD_VIEW_ALL);
  g_autoptr(CdCaseListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  gint64 counts[CD_N_VIEWS];
  gint64 now = query->now;
  CdCase *kase;

  /* Overdue promise */
  kase = add_case (f, "late promise", now - DAY, CD_STAGE_AGREE);
  kase->promised_by = now - HOUR;
  kase->platform = CD_PLATFORM_TAOBAO;
  g_assert_true (cd_case_repository_update (f->repo, kase, &error));
  g_object_unref (kase);

  /* A promise kept (carried out) is not overdue even when its time has passed. */
  kase = add_case (f, "kept promise", now - DAY, CD_STAGE_FOLLOW_UP);
  kase->promised_by = now - HOUR;
  g_assert_true (cd_case_repository_update (f->repo, kase, &error));
  g_object_unref (kase);

  /* Due later today (or, right before midnight, it falls in no view but Open). */
  kase = add_case (f, "due today", now - DAY, CD_STAGE_PROPOSE);
  g_ptr_array_add (kase->followups, cd_follow_up_new (MIN (now + 60 * G_USEC_PER_SEC,
                                                           query->day_end - 1)));
  kase->category = CD_CATEGORY_DAMAGED;
  g_assert_true (cd_case_repository_update (f->repo, kase, &error));
  g_object_unref (kase);

  g_object_unref (add_case (f, "closed one", now - DAY, CD_STAGE_CLOSED));
  g_object_unref (add_case (f, "退款 小林", now - DAY, CD_STAGE_LISTEN));

  g_assert_true (cd_case_list_model_count_views (f->repo, query, counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts[CD_VIEW_ALL], ==, 5);
  g_assert_cmpint (counts[CD_VIEW_OPEN], ==, 4);
  g_assert_cmpint (counts[CD_VIEW_CLOSED], ==, 1);
  g_assert_cmpint (counts[CD_VIEW_OVERDUE], ==, 1);
  g_assert_cmpint (counts[CD_VIEW_DUE_TODAY], ==, 1);

  query->view = CD_VIEW_OVERDUE;
  model = cd_case_list_model_new (f->repo, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  {
    g_autoptr(CdCaseSummary) s = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpstr (s->customer_name, ==, "late promise");
    g_assert_true (s->overdue);
  }

  query->view = CD_VIEW_ALL;
  query->platform = CD_PLATFORM_TAOBAO;
  g_assert_true (cd_case_list_model_set_query (model, query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  query->platform = CD_ANY;
  query->category = CD_CATEGORY_DAMAGED;
  g_assert_true (cd_case_list_model_set_query (model, query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* Search, one Chinese character and an English prefix */
  query->category = CD_ANY;
  g_free (query->search);
  query->search = g_strdup ("退");
  g_assert_true (cd_case_list_model_set_query (model, query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_free (query->search);
  query->search = g_strdup ("prom");
  g_assert_true (cd_case_list_model_set_query (model, query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_free (query->search);
  query->search = g_strdup ("\"; DROP TABLE cases; --");
  g_assert_true (cd_case_list_model_set_query (model, query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

/* A row of the list reads its compensations' total and its next follow-up from covering
 * indexes alone: reading their tables' rows, scattered over a large file, was most of what
 * dragging the scroll bar through 100,000 cases read. */
static void
test_summaries_plan (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ",
                                          _cd_case_list_model_summaries_sql (), NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (cd_database_get_handle (f->db), explain, -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "SEARCH c USING INTEGER PRIMARY KEY"));
  g_assert_nonnull (strstr (plan->str, "USING COVERING INDEX compensations_case_total"));
  g_assert_nonnull (strstr (plan->str, "USING COVERING INDEX followups_case_pending"));
  g_assert_null (strstr (plan->str, "SCAN c"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/case-list-model/" name, Fixture, NULL, fixture_set_up, \
                                    func, fixture_tear_down)
  ADD ("order", test_order);
  ADD ("minimal-changes", test_minimal_changes);
  ADD ("move", test_move);
  ADD ("views-and-filters", test_views_and_filters);
  ADD ("lazy", test_lazy);
  ADD ("deferred-count", test_deferred_count);
  ADD ("summaries-plan", test_summaries_plan);
#undef ADD

  return g_test_run ();
}
