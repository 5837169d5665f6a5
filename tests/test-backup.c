/* test-backup.c — copies, rotation, integrity checks and restoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cd-backup.h"
#include "cd-case-repository.h"
#include "cd-error.h"
#include "cd-test-util.h"

#define DAY ((gint64) 24 * 3600 * G_USEC_PER_SEC)
/* 2026-11-24T12:00:00Z */
#define NOW ((gint64) 1795521600 * G_USEC_PER_SEC)

static void
add_cases (CdDatabase *db,
           int         n)
{
  g_autoptr(CdCaseRepository) cases = cd_case_repository_new (db);
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < n; i++)
    {
      g_autoptr(CdCase) kase = cd_case_new ();
      g_autofree char *name = g_strdup_printf ("buyer %d — 买家", i);

      cd_case_set_string (&kase->customer_name, name);
      g_assert_true (cd_case_repository_insert (cases, kase, &error));
      g_assert_no_error (error);
    }
}

static gint64
count_cases (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDatabase) db = cd_database_open (path, &error);
  g_autoptr(CdCaseRepository) cases = NULL;

  g_assert_no_error (error);
  cases = cd_case_repository_new (db);
  return cd_case_repository_count (cases, NULL);
}

static void
test_make_and_rotate (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autoptr(CdDatabase) db = cd_test_open_database (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *folder = cd_backup_dup_folder (db);
  g_autoptr(GPtrArray) copies = NULL;
  GStatBuf st;

  add_cases (db, 3);
  first = cd_backup_make_if_due (db, NOW, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_suffix (first, "compdesk-2026-11-24.db"));
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (count_cases (first), ==, 3);

  /* Once a day. */
  again = cd_backup_make_if_due (db, NOW + (gint64) 3600 * G_USEC_PER_SEC, &error);
  g_assert_no_error (error);
  g_assert_null (again);

  /* 90 days of daily copies: the newest 7, then one per month. */
  for (int d = 1; d < 90; d++)
    {
      g_autofree char *path = cd_backup_make (db, NOW - d * DAY, &error);
      g_assert_no_error (error);
    }
  copies = cd_backup_list (folder, &error);
  g_assert_no_error (error);
  /* 7 daily (Nov 18–24) + the newest of Oct, Sep and Aug; November has its dailies */
  g_assert_cmpuint (copies->len, ==, 10);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (copies, 0), "2026-11-24.db"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (copies, 6), "2026-11-18.db"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (copies, 7), "2026-10-31.db"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (copies, 8), "2026-09-30.db"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (copies, 9), "2026-08-31.db"));

  g_clear_object (&db);
  cd_test_remove_dir (dir);
}

static void
corrupt (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  /* Past the header: every byte of the second page and more. */
  memset (contents + 4096, 0xA5, MIN (length - 4096, 16384));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

/* A damaged database is detected, never copied, and a good copy replaces it. */
static void
test_damage_and_restore (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *good = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;
  CdDatabase *db = cd_test_open_database (dir);

  add_cases (db, 200);
  good = cd_backup_make (db, NOW - DAY, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  corrupt (path);
  db = cd_database_open (path, &error);
  if (db != NULL)
    {
      g_autofree char *copy = NULL;

      g_assert_false (cd_backup_check (db, &error));
      g_assert_error (error, CD_ERROR, CD_ERROR_CORRUPT);
      g_clear_error (&error);
      copy = cd_backup_make (db, NOW, &error);
      g_assert_null (copy);
      g_assert_error (error, CD_ERROR, CD_ERROR_CORRUPT);
      g_clear_error (&error);
      g_assert_finalize_object (db);
    }
  else
    {
      g_assert_error (error, CD_ERROR, CD_ERROR_CORRUPT);
      g_clear_error (&error);
    }

  g_assert_true (cd_backup_restore (good, path, NOW, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_cases (path), ==, 200);

  cd_test_remove_dir (dir);
}

/* A copy that is itself damaged is refused, and nothing is moved. */
static void
test_bad_backup (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.db", NULL);
  g_autoptr(GError) error = NULL;
  CdDatabase *db = cd_test_open_database (dir);

  add_cases (db, 2);
  g_assert_finalize_object (db);
  g_assert_true (g_file_set_contents (bad, "not a database at all, just text that is long "
                                      "enough to have a header of sorts.......", -1, NULL));

  g_assert_false (cd_backup_restore (bad, path, NOW, NULL, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_CORRUPT);
  g_assert_cmpint (count_cases (path), ==, 2);

  cd_test_remove_dir (dir);
}

/* Overwrites every page but the first where it is, as failing storage would: an open
 * connection sees it (g_file_set_contents() would make a new file instead). */
static void
corrupt_in_place (const char *path)
{
  g_autofree char *junk = g_malloc (4096);
  GStatBuf st;
  int fd;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 8192);
  memset (junk, 0xA5, 4096);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (goffset offset = 4096; offset < st.st_size; offset += 4096)
    g_assert_cmpint (pwrite (fd, junk, 4096, offset), ==, 4096);
  g_assert_true (g_close (fd, NULL));
}

static void
on_notify_damage_cb (CdDatabase *db,
                     GParamSpec *pspec,
                     guint      *n_notified)
{
  (*n_notified)++;
}

/* Damage met by ordinary work — a query, not a check — is noticed by the database itself,
 * once, whoever asked. */
static void
test_damage_noticed (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdCaseRepository) cases = NULL;
  CdDatabase *db = cd_test_open_database (dir);
  guint n_notified = 0;

  add_cases (db, 200);
  g_assert_null (cd_database_get_damage (db));
  g_signal_connect (db, "notify::damage", G_CALLBACK (on_notify_damage_cb), &n_notified);
  g_assert_true (cd_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);

  /* Damage under the open connection, and nothing of the file left in its cache. */
  corrupt_in_place (path);
  sqlite3_db_release_memory (cd_database_get_handle (db));

  cases = cd_case_repository_new (db);
  g_assert_cmpint (cd_case_repository_count (cases, &error), ==, -1);
  g_assert_error (error, CD_ERROR, CD_ERROR_CORRUPT);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpstr (cd_database_get_damage (db), ==, error->message);
  g_clear_error (&error);

  /* Only the first report counts. */
  g_assert_false (cd_database_exec (db, "SELECT count(*) FROM timeline_events", &error) &&
                  cd_database_exec (db, "SELECT count(*) FROM cases WHERE customer_name = 'x'",
                                    &error));
  cd_database_mark_damaged (db, "again");
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpstr (cd_database_get_damage (db), !=, "again");

  g_object_unref (cases);
  cases = NULL;
  g_assert_finalize_object (db);
  cd_test_remove_dir (dir);
}

static gboolean
files_equal (const char *a,
             const char *b)
{
  g_autofree char *a_contents = NULL;
  g_autofree char *b_contents = NULL;
  gsize a_length;
  gsize b_length;

  g_assert_true (g_file_get_contents (a, &a_contents, &a_length, NULL));
  g_assert_true (g_file_get_contents (b, &b_contents, &b_length, NULL));
  return a_length == b_length && memcmp (a_contents, b_contents, a_length) == 0;
}

/* The damaged file as found is copied aside, privately, and a later copy or a restore in
 * the same second replaces neither. */
static void
test_keep_damaged (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *good = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;
  CdDatabase *db = cd_test_open_database (dir);
  GStatBuf st;

  add_cases (db, 50);
  good = cd_backup_make (db, NOW - DAY, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);
  corrupt (path);

  g_assert_true (cd_backup_keep_damaged (path, NOW, &first, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (first, "test.db.damaged-20261124-120000"));
  g_assert_true (files_equal (path, first));
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (cd_backup_keep_damaged (path, NOW, &second, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (second, "test.db.damaged-20261124-120000-2"));

  g_assert_true (cd_backup_restore (good, path, NOW, &aside, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (aside, "test.db.damaged-20261124-120000-3"));
  g_assert_true (files_equal (first, aside));
  g_assert_cmpint (count_cases (path), ==, 50);

  cd_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup/make-and-rotate", test_make_and_rotate);
  g_test_add_func ("/backup/damage-and-restore", test_damage_and_restore);
  g_test_add_func ("/backup/bad-backup", test_bad_backup);
  g_test_add_func ("/backup/damage-noticed", test_damage_noticed);
  g_test_add_func ("/backup/keep-damaged", test_keep_damaged);
  return g_test_run ();
}
