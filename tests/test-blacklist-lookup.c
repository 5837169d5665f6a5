/* test-blacklist-lookup.c — a blacklist look-up costs the same at any size
 * (cd_blacklist_repository_find_matches, which compdesk --check-buyer runs)
 *
 * The cost is counted in SQLite virtual-machine steps (a progress handler called on every
 * step), not in seconds, so the test does not depend on the machine. A plan that reads every
 * active entry (as one did once an index on (active, added_at) existed) grows with the
 * table; index probes do not. The plan itself is checked too: three searches of the key
 * indexes, never a scan of the table, with and without ANALYZE's statistics.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cd-blacklist-repository.h"
#include "cd-test-util.h"
#include "cd-time.h"

static int
count_step_cb (void *user_data)
{
  (*(guint64 *) user_data)++;
  return 0;
}

static void
add_entries (CdDatabase            *db,
             CdBlacklistRepository *repo,
             guint                  first,
             guint                  n)
{
  g_autoptr(GError) error = NULL;

  cd_database_begin (db, &error);
  g_assert_no_error (error);
  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(CdBlacklistEntry) entry = cd_blacklist_entry_new ();
      CdStoreResult result;

      g_free (entry->uid);
      entry->uid = g_strdup_printf ("bl-%08u", i);
      g_free (entry->buyer_id);
      entry->buyer_id = g_strdup_printf ("dy_%u", 88000000 + i);
      g_free (entry->nickname);
      entry->nickname = g_strdup_printf ("Ｂｕｙｅｒ%u", i);
      g_free (entry->phone);
      entry->phone = g_strdup_printf ("+86 138-%04u-%04u", i / 10000, i % 10000);
      entry->added_at = cd_time_now () - (gint64) i * G_USEC_PER_SEC;
      entry->active = i % 17 != 0;
      cd_blacklist_repository_store_imported (repo, entry, &result, &error);
      g_assert_no_error (error);
    }
  cd_database_commit (db, &error);
  g_assert_no_error (error);
}

/* Returns: the VM steps of one look-up of @text as buyer ID, nickname and phone at once */
static guint64
count_steps (CdDatabase            *db,
             CdBlacklistRepository *repo,
             const char            *text,
             guint                  expected_matches)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  guint64 steps = 0;

  /* Once first, so that preparing the statement is not counted. */
  found = cd_blacklist_repository_find_matches (repo, text, text, text, &error);
  g_assert_no_error (error);
  g_clear_pointer (&found, g_ptr_array_unref);

  sqlite3_progress_handler (cd_database_get_handle (db), 1, count_step_cb, &steps);
  found = cd_blacklist_repository_find_matches (repo, text, text, text, &error);
  sqlite3_progress_handler (cd_database_get_handle (db), 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, expected_matches);
  return steps;
}

static void
test_cost_does_not_grow (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autoptr(CdDatabase) db = cd_test_open_database (dir);
  g_autoptr(CdBlacklistRepository) repo = cd_blacklist_repository_new (db);
  const char *texts[] = { "dy_88000500", "ｂｕｙｅｒ500", "13800000500", "nobody", "139" };
  const guint matches[] = { 1, 1, 1, 0, 0 };
  guint64 small[G_N_ELEMENTS (texts)];

  add_entries (db, repo, 0, 1000);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    small[i] = count_steps (db, repo, texts[i], matches[i]);

  add_entries (db, repo, 1000, 19000);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      guint64 large = count_steps (db, repo, texts[i], matches[i]);

      g_test_message ("text %u: %" G_GUINT64_FORMAT " steps at 1,000 entries, %"
                      G_GUINT64_FORMAT " at 20,000", i, small[i], large);
      /* A deeper B-tree costs a few steps more; reading the table costs thousands. */
      g_assert_cmpuint (large, <=, small[i] * 3 / 2 + 50);
    }

  g_clear_object (&repo);
  g_clear_object (&db);
  cd_test_remove_dir (dir);
}

/* The look-up statement, found among the connection's prepared statements by its text. */
static const char *
find_lookup_sql (CdDatabase *db)
{
  sqlite3 *handle = cd_database_get_handle (db);

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (handle, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (handle, stmt))
    {
      const char *sql = sqlite3_sql (stmt);

      if (strstr (sql, ":buyer_id_key") != NULL && strstr (sql, ":nickname_key") != NULL &&
          strstr (sql, ":phone_key") != NULL)
        return sql;
    }
  return NULL;
}

static char *
dup_plan (CdDatabase *db,
          const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (cd_database_get_handle (db), explain, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (plan, FALSE);
}

static void
test_plan_probes_indexes (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autoptr(CdDatabase) db = cd_test_open_database (dir);
  g_autoptr(CdBlacklistRepository) repo = cd_blacklist_repository_new (db);

  add_entries (db, repo, 0, 2000);
  for (int analyzed = 0; analyzed < 2; analyzed++)
    {
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *plan = NULL;
      const char *sql;

      if (analyzed)
        {
          g_assert_true (cd_database_exec (db, "ANALYZE", &error));
          g_assert_no_error (error);
        }

      /* A miss: every probe finds nothing, and nothing else is read. */
      found = cd_blacklist_repository_find_matches (repo, "nobody_0", "nobody_0", "nobody_0",
                                                    &error);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 0);

      sql = find_lookup_sql (db);
      g_assert_nonnull (sql);
      plan = dup_plan (db, sql);
      g_test_message ("analyzed %d:\n%s", analyzed, plan);
      g_assert_nonnull (strstr (plan, "INDEX blacklist_buyer_id_key (buyer_id_key=?)"));
      g_assert_nonnull (strstr (plan, "INDEX blacklist_nickname_key (nickname_key=?)"));
      g_assert_nonnull (strstr (plan, "INDEX blacklist_phone_key (phone_key=?)"));
      g_assert_null (strstr (plan, "SCAN blacklist"));
      g_assert_null (strstr (plan, "blacklist_active_added_at"));
      g_assert_null (strstr (plan, "blacklist_added_at"));
    }

  g_clear_object (&repo);
  g_clear_object (&db);
  cd_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/blacklist-lookup/cost-does-not-grow", test_cost_does_not_grow);
  g_test_add_func ("/blacklist-lookup/plan-probes-indexes", test_plan_probes_indexes);

  return g_test_run ();
}
