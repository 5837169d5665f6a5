/* test-full-disk.c — a write that runs out of space fails with an error and leaves the
 * committed data intact
 *
 * RLIMIT_FSIZE stands in for a full disk: with SIGXFSZ ignored, write() beyond the limit fails
 * with EFBIG. The limit applies to the whole process, so the writing happens in a forked child
 * that reports through its exit status; the parent then reopens the file without the limit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cd-error.h"
#include "cd-importer.h"
#include "cd-test-exchange.h"
#include "cd-test-util.h"

#define COMMITTED_CASES 20
#define LARGE_CASES     4000
#define FILE_LIMIT      ((rlim_t) 1024 * 1024)

/* What the child reports: 0 is success, everything else names the step that went wrong. */
enum
{
  CHILD_OK = 0,
  CHILD_LIMIT_FAILED = 10,
  CHILD_OPEN_FAILED,
  CHILD_COMMIT_FAILED,
  CHILD_LARGE_WRITE_SUCCEEDED,
  CHILD_WRONG_ERROR,
  CHILD_EMPTY_MESSAGE,
};

static gboolean
import_generated (CdDatabase  *db,
                  const char  *prefix,
                  guint        n_cases,
                  GError     **error)
{
  GString *doc = cd_test_exchange_generate (prefix, n_cases, n_cases);
  g_autoptr(GBytes) bytes = g_string_free_to_bytes (doc);

  return cd_import_bytes (db, bytes, NULL, NULL, NULL, error);
}

/* Runs in the child; everything is freed before it returns, so leak checkers stay quiet. */
static int
write_until_full (const char *path)
{
  struct rlimit limit = { FILE_LIMIT, FILE_LIMIT };
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDatabase) db = NULL;

  if (signal (SIGXFSZ, SIG_IGN) == SIG_ERR || setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return CHILD_LIMIT_FAILED;

  db = cd_database_open (path, &error);
  if (db == NULL)
    return CHILD_OPEN_FAILED;
  if (!import_generated (db, "committed", COMMITTED_CASES, &error))
    return CHILD_COMMIT_FAILED;

  if (import_generated (db, "large", LARGE_CASES, &error))
    return CHILD_LARGE_WRITE_SUCCEEDED;
  if (!g_error_matches (error, CD_ERROR, CD_ERROR_FULL) &&
      !g_error_matches (error, CD_ERROR, CD_ERROR_IO))
    {
      g_printerr ("unexpected error: %s (%s %d)\n", error->message,
                  g_quark_to_string (error->domain), error->code);
      return CHILD_WRONG_ERROR;
    }
  if (error->message == NULL || error->message[0] == '\0')
    return CHILD_EMPTY_MESSAGE;
  g_test_message ("the large write failed with: %s (code %d)", error->message, error->code);
  return CHILD_OK;
}

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

static void
test_large_write_fails_cleanly (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "full.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDatabase) db = NULL;
  sqlite3_stmt *stmt;
  GStatBuf buf;
  int status = 0;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int code = write_until_full (path);

      /* _exit() skips the autofree cleanups, and a leak checker follows the child too. */
      g_free (g_steal_pointer (&path));
      g_free (g_steal_pointer (&dir));
      _exit (code);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, CHILD_OK);

  /* The limit really was what stopped it: no file grew past it. */
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_size, <=, (goffset) FILE_LIMIT);

  db = cd_database_open (path, &error);
  g_assert_no_error (error);
  stmt = cd_database_prepare (db, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_database_step (db, stmt, &error), ==, CD_STEP_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  cd_database_release (stmt);

  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM cases"), ==, COMMITTED_CASES);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM blacklist"), ==, COMMITTED_CASES);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM cases WHERE uid LIKE 'large-%'"),
                   ==, 0);

  /* Once there is space again, the same database takes writes. */
  g_assert_true (import_generated (db, "later", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM cases"), ==, COMMITTED_CASES + 3);

  g_clear_object (&db);
  cd_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/full-disk/large-write-fails-cleanly", test_large_write_fails_cleanly);

  return g_test_run ();
}
