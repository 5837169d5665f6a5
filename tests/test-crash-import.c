/* test-crash-import.c — compdesk --import killed with SIGKILL at a random moment leaves the
 * database exactly as before or exactly as after the import, never in between
 *
 * The delays come from g_test_rand_int_range(), so a failing run is repeated with its --seed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "cd-test-exchange.h"
#include "cd-test-util.h"

#define SMALL_CASES   5
#define SMALL_ENTRIES 3
#define BIG_CASES     3000
#define BIG_ENTRIES   20000
#define N_KILLS       5
#define MIN_DELAY_MS  20

typedef struct
{
  gint64 cases;
  gint64 entries;
} Counts;

static gint64
count_rows (CdDatabase *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cd_database_prepare (db, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (cd_database_step (db, stmt, &error), ==, CD_STEP_ROW);
  g_assert_no_error (error);
  n = sqlite3_column_int64 (stmt, 0);
  cd_database_release (stmt);
  return n;
}

/* Opens the database as the app would after the crash: recovery of a hot WAL included. */
static Counts
check_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDatabase) db = cd_database_open (path, &error);
  sqlite3_stmt *stmt;
  Counts counts;

  g_assert_no_error (error);
  stmt = cd_database_prepare (db, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_database_step (db, stmt, &error), ==, CD_STEP_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  cd_database_release (stmt);

  counts.cases = count_rows (db, "SELECT count(*) FROM cases");
  counts.entries = count_rows (db, "SELECT count(*) FROM blacklist");
  return counts;
}

static char **
make_argv (const char *db_path,
           const char *import_path)
{
  return g_strdupv ((char *[]) { (char *) g_getenv ("COMPDESK"), "--database",
                                 (char *) db_path, "--import", (char *) import_path, NULL });
}

static char **
make_envp (void)
{
  char **envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "DISPLAY");
  return g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
}

static void
run_import (const char *db_path,
            const char *import_path)
{
  g_auto(GStrv) argv = make_argv (db_path, import_path);
  g_auto(GStrv) envp = make_envp ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_test_message ("compdesk --import: %s", err);
  g_assert_no_error (error);
}

/* Returns: TRUE if the process was still running when it was killed */
static gboolean
run_import_killed (const char *db_path,
                   const char *import_path,
                   guint       delay_ms)
{
  g_auto(GStrv) argv = make_argv (db_path, import_path);
  g_auto(GStrv) envp = make_envp ();
  g_autoptr(GError) error = NULL;
  GPid pid = 0;
  int status = 0;

  g_spawn_async (NULL, argv, envp,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                 G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  g_usleep ((gulong) delay_ms * 1000);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  if (WIFSIGNALED (status))
    {
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      return TRUE;
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return FALSE;
}

static void
test_kill_during_import (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *small = g_build_filename (dir, "small.json", NULL);
  g_autofree char *big = g_build_filename (dir, "big.json", NULL);
  g_autofree char *db_path = g_build_filename (dir, "crash.db", NULL);
  g_autofree char *timing_path = g_build_filename (dir, "timing.db", NULL);
  Counts before, after, now;
  gint64 start;
  guint duration_ms;
  guint n_before = 0, n_after = 0;

  if (g_getenv ("COMPDESK") == NULL)
    {
      g_test_skip ("COMPDESK is not set");
      return;
    }

  cd_test_exchange_write (small, "small", SMALL_CASES, SMALL_ENTRIES);
  cd_test_exchange_write (big, "big", BIG_CASES, BIG_ENTRIES);

  /* An undisturbed import into a twin database gives both the expected end state and the
   * time an import normally takes, the upper bound for the kill delays. */
  run_import (timing_path, small);
  start = g_get_monotonic_time ();
  run_import (timing_path, big);
  duration_ms = (guint) ((g_get_monotonic_time () - start) / 1000);
  after = check_database (timing_path);
  g_test_message ("an undisturbed import takes %u ms", duration_ms);

  run_import (db_path, small);
  before = check_database (db_path);
  g_assert_cmpint (before.cases, ==, SMALL_CASES);
  g_assert_cmpint (before.entries, ==, SMALL_ENTRIES);
  g_assert_cmpint (after.cases, ==, SMALL_CASES + BIG_CASES);
  g_assert_cmpint (after.entries, ==, SMALL_ENTRIES + BIG_ENTRIES);

  for (guint i = 0; i < N_KILLS; i++)
    {
      guint delay_ms = (guint) g_test_rand_int_range (MIN_DELAY_MS,
                                                      (gint32) MAX (duration_ms, MIN_DELAY_MS) + 1);
      gboolean killed = run_import_killed (db_path, big, delay_ms);

      now = check_database (db_path);
      g_test_message ("kill %u after %u ms (%s): %" G_GINT64_FORMAT " cases, %"
                      G_GINT64_FORMAT " entries", i, delay_ms, killed ? "killed" : "had exited",
                      now.cases, now.entries);
      if (now.cases == before.cases && now.entries == before.entries)
        {
          g_assert_true (killed);
          n_before++;
        }
      else
        {
          g_assert_cmpint (now.cases, ==, after.cases);
          g_assert_cmpint (now.entries, ==, after.entries);
          n_after++;
          /* Start the next round from the before state again. */
          g_assert_cmpint (g_unlink (db_path), ==, 0);
          for (const char *suffix = "-wal"; suffix != NULL;
               suffix = g_str_equal (suffix, "-wal") ? "-shm" : NULL)
            {
              g_autofree char *side = g_strconcat (db_path, suffix, NULL);

              g_unlink (side);
            }
          run_import (db_path, small);
          now = check_database (db_path);
          g_assert_cmpint (now.cases, ==, before.cases);
        }
    }
  g_test_message ("%u kills left the before state, %u the after state", n_before, n_after);

  run_import (db_path, big);
  now = check_database (db_path);
  g_assert_cmpint (now.cases, ==, after.cases);
  g_assert_cmpint (now.entries, ==, after.entries);

  cd_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash-import/kill-during-import", test_kill_during_import);

  return g_test_run ();
}
