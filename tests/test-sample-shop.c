/* test-sample-shop.c — the sample shop opens current, in a file of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cd-case-list-model.h"
#include "cd-sample-shop.h"
#include "cd-test-util.h"
#include "cd-time.h"

static void
test_sample (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample-shop.db", NULL);
  g_autofree char *json_path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                      "sample-shop.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDatabase) db = NULL;
  g_autoptr(CdCaseRepository) cases = NULL;
  g_autoptr(CdCaseQuery) today = NULL;
  gint64 counts[CD_N_VIEWS];
  gsize length;

  contents = cd_test_read_file (json_path, &length);
  json = g_bytes_new_take (g_steal_pointer (&contents), length);

  db = cd_sample_shop_create (path, json, cd_time_now (), &error);
  g_assert_no_error (error);
  cases = cd_case_repository_new (db);
  today = cd_case_query_new (CD_VIEW_ALL);
  g_assert_true (cd_case_list_model_count_views (cases, today, counts, &error));

  /* Whenever it is opened, there is something to do: open, closed and overdue cases. */
  g_assert_cmpint (counts[CD_VIEW_ALL], >=, 20);
  g_assert_cmpint (counts[CD_VIEW_CLOSED], >, 0);
  g_assert_cmpint (counts[CD_VIEW_OPEN], >, counts[CD_VIEW_CLOSED]);
  g_assert_cmpint (counts[CD_VIEW_OVERDUE], >, 0);

  /* Made again, it replaces the earlier sample instead of adding to it. */
  g_clear_object (&cases);
  g_clear_object (&db);
  db = cd_sample_shop_create (path, json, cd_time_now (), &error);
  g_assert_no_error (error);
  cases = cd_case_repository_new (db);
  g_assert_cmpint (cd_case_repository_count (cases, NULL), ==, counts[CD_VIEW_ALL]);

  g_clear_object (&cases);
  g_clear_object (&db);
  cd_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sample-shop/create", test_sample);
  return g_test_run ();
}
