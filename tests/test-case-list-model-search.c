/* test-case-list-model-search.c — the case list under a search: a broad search answers with its
 * first rows and grows in idle time; a narrow one is counted at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cd-case-list-model.h"
#include "cd-test-util.h"
#include "cd-time.h"

#define HOUR ((gint64) 3600 * G_USEC_PER_SEC)
#define DAY (24 * HOUR)

/* More than the model reads before answering, and more than its threshold for a broad search
 * (cd-case-list-model.c). */
#define N_CASES 3000

typedef struct
{
  char             *dir;
  CdDatabase       *db;
  CdCaseRepository *repo;
  guint             shadow;   /* the length items-changed says the model has */
  guint             n_changes;
  gboolean          appended_only;
} Fixture;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *f)
{
  /* Every change must fit the length announced so far. */
  g_assert_cmpuint (position + removed, <=, f->shadow);
  if (removed != 0 || position != f->shadow)
    f->appended_only = FALSE;
  f->shadow = f->shadow - removed + added;
  f->n_changes++;
  g_assert_cmpuint (f->shadow, ==, g_list_model_get_n_items (model));
}

/* Case i is "dana i" ("zed i" when i % 10 == 9), created i hours after t0, closed when
 * i % 7 == 6. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = cd_time_now () - 200 * DAY;

  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->repo = cd_case_repository_new (f->db);

  g_assert_true (cd_database_begin (f->db, &error));
  for (guint i = 0; i < N_CASES; i++)
    {
      g_autoptr(CdCase) kase = cd_case_new ();
      g_autofree char *name = g_strdup_printf ("%s %04u", i % 10 == 9 ? "zed" : "dana", i);

      cd_case_set_string (&kase->customer_name, name);
      kase->created_at = t0 + i * HOUR;
      kase->stage = i % 7 == 6 ? CD_STAGE_CLOSED : CD_STAGE_LISTEN;
      g_assert_true (cd_case_repository_insert (f->repo, kase, &error));
      g_assert_no_error (error);
    }
  g_assert_true (cd_database_commit (f->db, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->repo);
  g_assert_finalize_object (f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

static CdCaseListModel *
new_watched_model (Fixture     *f,
                   CdCaseQuery *query)
{
  CdCaseListModel *model = cd_case_list_model_new (f->repo, query);

  f->shadow = g_list_model_get_n_items (G_LIST_MODEL (model));
  f->n_changes = 0;
  f->appended_only = TRUE;
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  return model;
}

/* The open cases whose name starts with @prefix, newest first: what the list must show. */
static GPtrArray *
expected_names (const char *prefix)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = N_CASES; i-- > 0;)
    if (i % 7 != 6 && g_str_has_prefix (i % 10 == 9 ? "zed" : "dana", prefix))
      g_ptr_array_add (names, g_strdup_printf ("%s %04u", i % 10 == 9 ? "zed" : "dana", i));
  return names;
}

static void
assert_names (CdCaseListModel *model,
              GPtrArray       *names)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, names->len);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(CdCaseSummary) summary = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_nonnull (summary);
      g_assert_cmpstr (summary->customer_name, ==, g_ptr_array_index (names, i));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), names->len));
}

static void
run_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A search matching most cases answers with a first part and grows at its end in idle time,
 * to exactly the cases a counted search would show, in the same order. */
static void
test_broad_grows (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CdCaseQuery) query = cd_case_query_new (CD_VIEW_OPEN);
  g_autoptr(CdCaseListModel) model = NULL;
  g_autoptr(GPtrArray) names = expected_names ("d");
  guint first;

  model = new_watched_model (f, query);
  g_free (query->search);
  query->search = g_strdup ("d");
  g_assert_true (cd_case_list_model_set_query (model, query, NULL));
  g_assert_cmpuint (f->n_changes, ==, 1);
  first = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (first, <, names->len);
  f->appended_only = TRUE;

  run_idle ();
  g_assert_true (f->appended_only);
  g_assert_cmpuint (f->n_changes, >, 1);
  assert_names (model, names);

  /* Nothing more to announce. */
  f->n_changes = 0;
  run_idle ();
  g_assert_cmpuint (f->n_changes, ==, 0);
}

/* The rows already shown can be read while the rest is still being found. */
static void
test_broad_rows_before_count (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(CdCaseQuery) query = cd_case_query_new (CD_VIEW_OPEN);
  g_autoptr(CdCaseListModel) model = NULL;
  g_autoptr(GPtrArray) names = expected_names ("da");
  guint first;

  query->search = g_strdup ("da");
  model = new_watched_model (f, query);
  first = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (first, <, names->len);
  for (guint i = 0; i < first; i++)
    {
      g_autoptr(CdCaseSummary) summary = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (summary->customer_name, ==, g_ptr_array_index (names, i));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), first));
  /* Finding a case reads the rest at once, and says so. */
  g_assert_cmpint (cd_case_list_model_find (model, 1), ==, (int) names->len - 1);
  g_assert_cmpuint (f->shadow, ==, names->len);
  g_assert_true (f->appended_only);
  run_idle ();
  assert_names (model, names);
}

/* A search matching few cases is counted at once and announces nothing later. */
static void
test_narrow_counted (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CdCaseQuery) query = cd_case_query_new (CD_VIEW_OPEN);
  g_autoptr(CdCaseListModel) model = NULL;
  g_autoptr(GPtrArray) names = expected_names ("zed");

  model = new_watched_model (f, query);
  g_free (query->search);
  query->search = g_strdup ("zed");
  g_assert_true (cd_case_list_model_set_query (model, query, NULL));
  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, names->len);
  run_idle ();
  g_assert_cmpuint (f->n_changes, ==, 1);
  assert_names (model, names);
}

/* A case added while a broad search is still growing lands in its place, and every
 * announcement fits the length announced before it. */
static void
test_broad_change_while_growing (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(CdCaseQuery) query = cd_case_query_new (CD_VIEW_OPEN);
  g_autoptr(CdCaseListModel) model = NULL;
  g_autoptr(CdCase) newest = cd_case_new ();
  g_autoptr(GPtrArray) names = expected_names ("d");
  g_autoptr(GError) error = NULL;

  query->search = g_strdup ("d");
  model = new_watched_model (f, query);
  g_assert_cmpuint (f->shadow, <, names->len);

  cd_case_set_string (&newest->customer_name, "dora newest");
  newest->created_at = cd_time_now ();
  g_assert_true (cd_case_repository_insert (f->repo, newest, &error));
  g_assert_no_error (error);
  g_ptr_array_insert (names, 0, g_strdup ("dora newest"));

  run_idle ();
  assert_names (model, names);
}

/* Clearing a broad search before it has grown shows every case of the view, counted. */
static void
test_broad_then_cleared (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CdCaseQuery) query = cd_case_query_new (CD_VIEW_OPEN);
  g_autoptr(CdCaseListModel) model = NULL;
  g_autoptr(GPtrArray) names = expected_names ("");

  query->search = g_strdup ("dana");
  model = new_watched_model (f, query);
  g_clear_pointer (&query->search, g_free);
  g_assert_true (cd_case_list_model_set_query (model, query, NULL));
  g_assert_cmpuint (f->shadow, ==, names->len);
  run_idle ();
  g_assert_cmpuint (f->n_changes, ==, 1);
  assert_names (model, names);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/case-list-model/search/" name, Fixture, NULL, \
                                    fixture_set_up, func, fixture_tear_down)
  ADD ("broad-grows", test_broad_grows);
  ADD ("broad-rows-before-count", test_broad_rows_before_count);
  ADD ("narrow-counted", test_narrow_counted);
  ADD ("broad-change-while-growing", test_broad_change_while_growing);
  ADD ("broad-then-cleared", test_broad_then_cleared);
#undef ADD

  return g_test_run ();
}
