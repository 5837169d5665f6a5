/* test-command-line.c — compdesk --import/--export/--check-buyer as a user runs them, with no
 * display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "cd-case-repository.h"
#include "cd-test-util.h"

/* The header row of a blacklist CSV file (cd-blacklist-csv.h), spelled out: it is a contract. */
#define CD_BLACKLIST_CSV_HEADER_FOR_TESTS \
  "uid,platform,buyer_id,nickname,phone,name,reason,evidence,case_uids,added_at,active\r\n"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs compdesk with @args (NULL-terminated) and no display. */
static void
run_compdesk (Run        *run,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("COMPDESK"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

static int
exit_code (Run *run)
{
  g_assert_true (WIFEXITED (run->status));
  return WEXITSTATUS (run->status);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_import_export (void)
{
  const char *example = g_getenv ("EXAMPLE_JSON");
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *out_path = g_build_filename (dir, "out.json", NULL);
  g_autofree char *from_file = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) to_stdout = { 0 };
  g_auto(Run) to_file = { 0 };
  char *stdout_body, *file_body;

  if (example == NULL || !g_file_test (example, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/formats/example.json is not beside the project");
      cd_test_remove_dir (dir);
      return;
    }

  run_compdesk (&import, "--database", db, "--import", example, NULL);
  g_assert_cmpint (exit_code (&import), ==, 0);
  g_assert_nonnull (strstr (import.err, "\n2 cases added, 0 cases updated, 0 cases unchanged.\n"));

  run_compdesk (&again, "--database", db, "--import", example, NULL);
  g_assert_cmpint (exit_code (&again), ==, 0);
  g_assert_nonnull (strstr (again.err, "0 cases added, 0 cases updated, 2 cases unchanged."));

  run_compdesk (&to_stdout, "--database", db, "--export", "-", NULL);
  g_assert_cmpint (exit_code (&to_stdout), ==, 0);
  g_assert_true (g_str_has_prefix (to_stdout.out, "{\n  \"format\": \"compdesk-export\""));

  run_compdesk (&to_file, "--database", db, "--export", out_path, NULL);
  g_assert_cmpint (exit_code (&to_file), ==, 0);
  from_file = cd_test_read_file (out_path, NULL);

  /* Apart from exported_at, the two exports are the same bytes. */
  stdout_body = strstr (to_stdout.out, "\"shop\"");
  file_body = strstr (from_file, "\"shop\"");
  g_assert_nonnull (stdout_body);
  g_assert_nonnull (file_body);
  g_assert_cmpstr (stdout_body, ==, file_body);

  cd_test_remove_dir (dir);
}

static void
test_bad_import (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *good = write_file (dir, "good.json",
    "{\"format\":\"compdesk-export\",\"version\":1,\"blacklist\":[],\"cases\":[{\"uid\":\"a\","
    "\"created_at\":\"2026-11-01T00:00:00Z\",\"customer\":{\"name\":\"A\"},\"stage\":\"listen\"}]}");
  g_autofree char *bad = write_file (dir, "bad.json",
    "{\"format\":\"compdesk-export\",\"version\":1,\"blacklist\":[],\"cases\":[{\"uid\":\"b\","
    "\"created_at\":\"2026-11-01T00:00:00Z\",\"customer\":{\"name\":\"B\"},\"stage\":\"listen\","
    "\"order\":{\"amount_minor\":-1}}]}");
  g_autofree char *empty = write_file (dir, "empty.json", "");
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *expected = NULL;
  g_auto(Run) first = { 0 };
  g_auto(Run) failed = { 0 };
  g_auto(Run) failed_empty = { 0 };
  g_auto(Run) failed_missing = { 0 };
  g_auto(Run) export = { 0 };

  run_compdesk (&first, "--database", db, "--import", good, NULL);
  g_assert_cmpint (exit_code (&first), ==, 0);

  run_compdesk (&failed, "--database", db, "--import", bad, NULL);
  g_assert_cmpint (exit_code (&failed), ==, 1);
  expected = g_strdup_printf ("%s: cases[0].order.amount_minor: must be an integer >= 0", bad);
  g_assert_true (g_str_has_prefix (failed.err, expected));

  run_compdesk (&failed_empty, "--database", db, "--import", empty, NULL);
  g_assert_cmpint (exit_code (&failed_empty), ==, 1);
  g_assert_nonnull (strstr (failed_empty.err, "the file is empty"));

  run_compdesk (&failed_missing, "--database", db, "--import", missing, NULL);
  g_assert_cmpint (exit_code (&failed_missing), ==, 1);
  g_assert_nonnull (strstr (failed_missing.err, "missing.json"));

  /* Nothing of the failed imports got in; the earlier case is still there. */
  run_compdesk (&export, "--database", db, "--export", "-", NULL);
  g_assert_cmpint (exit_code (&export), ==, 0);
  g_assert_nonnull (strstr (export.out, "\"uid\": \"a\""));
  g_assert_null (strstr (export.out, "\"uid\": \"b\""));

  cd_test_remove_dir (dir);
}

static void
test_bad_database (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *junk = write_file (dir, "junk.db", "this is not a database, just some text "
                                      "that is long enough to look like a file header........");
  g_auto(Run) run = { 0 };

  run_compdesk (&run, "--database", junk, "--export", "-", NULL);
  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "junk.db"));
  g_assert_cmpstr (run.out, ==, "");

  cd_test_remove_dir (dir);
}

/* Damage met during an export, not at the opening: a message that says so, a copy of the
 * file kept aside, and exit status 2 as for a database that cannot be opened. */
static void
test_damaged_database (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *junk = g_malloc (4096);
  g_autoptr(GDir) listing = NULL;
  g_auto(Run) run = { 0 };
  const char *name;
  CdDatabase *db = cd_database_open (path, NULL);
  CdCaseRepository *cases;
  GStatBuf st;
  FILE *file;

  g_assert_nonnull (db);
  cases = cd_case_repository_new (db);
  for (int i = 0; i < 300; i++)
    {
      g_autoptr(CdCase) kase = cd_case_new ();

      cd_case_set_string (&kase->customer_name, "A buyer — 买家");
      cd_case_set_string (&kase->description, "The tin arrived crushed; half the tea is gone.");
      g_assert_true (cd_case_repository_insert (cases, kase, NULL));
    }
  g_clear_object (&cases);
  g_assert_true (cd_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  g_assert_finalize_object (db);
  /* The schema, written first, stays: the file opens; the cases' later pages are junk. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 40 * 4096);
  memset (junk, 0xA5, 4096);
  file = g_fopen (path, "r+b");
  g_assert_nonnull (file);
  for (goffset offset = st.st_size / 2 / 4096 * 4096; offset < st.st_size; offset += 4096)
    {
      g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
      g_assert_cmpuint (fwrite (junk, 1, 4096, file), ==, 4096);
    }
  g_assert_cmpint (fclose (file), ==, 0);

  run_compdesk (&run, "--database", path, "--export", "-", NULL);
  g_assert_cmpint (exit_code (&run), ==, 2);
  g_test_message ("compdesk said: %s", run.err);
  g_assert_nonnull (strstr (run.err, "is damaged"));
  g_assert_nonnull (strstr (run.err, "shop.db.damaged-"));

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "shop.db.damaged-") && !g_str_has_suffix (name, "-wal"))
      {
        g_assert_null (kept);
        kept = g_build_filename (dir, name, NULL);
      }
  g_assert_nonnull (kept);
  g_assert_nonnull (strstr (run.err, kept));

  cd_test_remove_dir (dir);
}

/* Three entries to look for: a nickname in full-width letters, a phone number written with
 * a country code and dashes, and one deactivated; a fourth whose evidence tries to drive the
 * terminal. */
static const char blacklist_json[] =
  "{\"format\": \"compdesk-export\", \"version\": 1, \"cases\": [], \"blacklist\": ["
  "{\"uid\": \"lucky\", \"platform\": \"doudian\", \"nickname\": \"ＬｕｃｋｙＳｔａｒ\", "
  "\"reason\": \"malicious_review\", \"evidence\": \"One-star review demanding a refund;\\n"
  "screenshots saved.\", \"case_uids\": [\"case-7\"], \"added_at\": \"2026-10-02T11:00:00Z\"},"
  "{\"uid\": \"phone\", \"platform\": \"taobao\", \"phone\": \"+86 139-0000-1234\", "
  "\"reason\": \"refund_abuse\", \"evidence\": \"Three refunds for one order.\", "
  "\"added_at\": \"2026-10-03T00:00:00Z\"},"
  "{\"uid\": \"reformed\", \"buyer_id\": \"tb_reformed\", \"reason\": \"abusive\", "
  "\"added_at\": \"2026-10-04T00:00:00Z\", \"active\": false},"
  "{\"uid\": \"escape\", \"buyer_id\": \"tb_escape\", \"reason\": \"other\", "
  "\"evidence\": \"\\u001b[2J\\u001b]0;owned\\u0007\\u202eevil\", "
  "\"added_at\": \"2026-10-05T00:00:00Z\"}]}";

static void
check_buyer (Run        *run,
             const char *db,
             const char *text)
{
  run_compdesk (run, "--database", db, "--check-buyer", text, NULL);
}

static void
test_check_buyer (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *json = write_file (dir, "blacklist.json", blacklist_json);
  g_autofree char *junk = write_file (dir, "junk.db", "this is not a database, just some text "
                                      "that is long enough to look like a file header........");
  g_autofree char *missing = g_build_filename (dir, "new", "missing.db", NULL);
  g_auto(Run) import = { 0 };
  g_auto(Run) nickname = { 0 };
  g_auto(Run) phone = { 0 };
  g_auto(Run) fragment = { 0 };
  g_auto(Run) reformed = { 0 };
  g_auto(Run) escape = { 0 };
  g_auto(Run) unreadable = { 0 };
  g_auto(Run) no_database = { 0 };
  g_auto(Run) contradiction = { 0 };

  run_compdesk (&import, "--database", db, "--import-blacklist", json, NULL);
  g_assert_cmpint (exit_code (&import), ==, 0);
  g_assert_nonnull (strstr (import.err, "4 blacklist entries added"));

  check_buyer (&nickname, db, "luckystar");
  g_assert_cmpint (exit_code (&nickname), ==, 0);
  g_assert_cmpstr (nickname.err, ==, "");
  g_assert_true (g_str_has_prefix (nickname.out, "1 active blacklist entry matches:\n\n"));
  g_assert_nonnull (strstr (nickname.out, "Nickname:  ＬｕｃｋｙＳｔａｒ\n"));
  g_assert_nonnull (strstr (nickname.out, "Platform:  Doudian\n"));
  g_assert_nonnull (strstr (nickname.out, "Reason:    Malicious review\n"));
  /* A second line of the evidence is indented under the first. */
  g_assert_nonnull (strstr (nickname.out, "Evidence:  One-star review demanding a refund;\n"
                                          "           screenshots saved.\n"));
  g_assert_nonnull (strstr (nickname.out, "Added:     2 Oct 2026\n"));
  g_assert_nonnull (strstr (nickname.out, "Cases:     case-7\n"));
  g_assert_nonnull (strstr (nickname.out, "Phone:     —\n"));

  check_buyer (&phone, db, "13900001234");
  g_assert_cmpint (exit_code (&phone), ==, 0);
  g_assert_nonnull (strstr (phone.out, "Phone:     +86 139-0000-1234\n"));
  g_assert_nonnull (strstr (phone.out, "Reason:    Refund abuse\n"));
  g_assert_nonnull (strstr (phone.out, "Evidence:  Three refunds for one order.\n"));

  /* Three digits are a fragment of many numbers, not a number. */
  check_buyer (&fragment, db, "139");
  g_assert_cmpint (exit_code (&fragment), ==, 1);
  g_assert_cmpstr (fragment.out, ==, "");

  check_buyer (&reformed, db, "tb_reformed");
  g_assert_cmpint (exit_code (&reformed), ==, 1);
  g_assert_cmpstr (reformed.out, ==, "");

  check_buyer (&escape, db, "tb_escape");
  g_assert_cmpint (exit_code (&escape), ==, 0);
  g_assert_null (strchr (escape.out, '\033'));
  g_assert_null (strchr (escape.out, '\007'));
  g_assert_null (strstr (escape.out, "\u202e"));
  g_assert_nonnull (strstr (escape.out, "\ufffd[2J"));

  check_buyer (&unreadable, junk, "luckystar");
  g_assert_cmpint (exit_code (&unreadable), ==, 2);
  g_assert_cmpstr (unreadable.out, ==, "");
  g_assert_nonnull (strstr (unreadable.err, "junk.db"));

  /* A database that is not there yet is created, empty: nothing matches. */
  check_buyer (&no_database, missing, "luckystar");
  g_assert_cmpint (exit_code (&no_database), ==, 1);
  g_assert_cmpstr (no_database.out, ==, "");

  run_compdesk (&contradiction, "--database", db, "--check-buyer", "luckystar", "--export", "-",
                NULL);
  g_assert_cmpint (exit_code (&contradiction), ==, 2);
  g_assert_cmpstr (contradiction.out, ==, "");

  cd_test_remove_dir (dir);
}

static void
test_blacklist_files (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *from_csv = g_build_filename (dir, "from-csv.db", NULL);
  g_autofree char *from_txt = g_build_filename (dir, "from-txt.db", NULL);
  g_autofree char *json = write_file (dir, "blacklist.json", blacklist_json);
  g_autofree char *csv_path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *json_path = g_build_filename (dir, "out.json", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *exported_json = NULL;
  g_autofree char *with_cases = write_file (dir, "cases.json",
    "{\"format\":\"compdesk-export\",\"version\":1,\"blacklist\":[],\"cases\":[{\"uid\":\"a\","
    "\"created_at\":\"2026-11-01T00:00:00Z\",\"customer\":{\"name\":\"A\"},"
    "\"stage\":\"listen\"}]}");
  g_autofree char *bad_csv = write_file (dir, "bad.csv", CD_BLACKLIST_CSV_HEADER_FOR_TESTS
                                         "x,other,b,,,,other,,,,true\r\n"
                                         "y,other,c,,,,rude,,,,true\r\n");
  g_auto(Run) run = { 0 };
  GStatBuf st;

  run_compdesk (&run, "--database", db, "--import-blacklist", json, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  run_clear (&run);

  run_compdesk (&run, "--database", db, "--export-blacklist", csv_path, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  run_clear (&run);
  csv = cd_test_read_file (csv_path, NULL);
  g_assert_true (g_str_has_prefix (csv, CD_BLACKLIST_CSV_HEADER_FOR_TESTS "lucky,doudian,"));
  g_assert_cmpint (g_stat (csv_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  run_compdesk (&run, "--database", db, "--export-blacklist", json_path, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  run_clear (&run);
  exported_json = cd_test_read_file (json_path, NULL);
  g_assert_nonnull (strstr (exported_json, "\n  \"cases\": [],\n  \"blacklist\": [\n"));
  g_assert_null (strstr (exported_json, "\"templates\""));

  run_compdesk (&run, "--database", db, "--export-blacklist", "-", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_nonnull (strstr (run.out, "\"blacklist\": ["));
  run_clear (&run);

  /* CSV in, by the name and by the content. */
  run_compdesk (&run, "--database", from_csv, "--import-blacklist", csv_path, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_nonnull (strstr (run.err, "4 blacklist entries added, 0 blacklist entries updated, "
                                   "0 blacklist entries unchanged."));
  run_clear (&run);
  run_compdesk (&run, "--database", from_csv, "--check-buyer", "LUCKYSTAR", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  run_clear (&run);

  txt = write_file (dir, "list.txt", csv);
  run_compdesk (&run, "--database", from_txt, "--import-blacklist", txt, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_nonnull (strstr (run.err, "4 blacklist entries added"));
  run_clear (&run);

  /* A whole export is not a blacklist; a bad row names its line. */
  run_compdesk (&run, "--database", db, "--import-blacklist", with_cases, NULL);
  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_nonnull (strstr (run.err, "cases.json: the file holds 1 case, not only a blacklist"));
  run_clear (&run);

  run_compdesk (&run, "--database", db, "--import-blacklist", bad_csv, NULL);
  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_nonnull (strstr (run.err, "bad.csv: line 3, reason: must be one of"));
  run_clear (&run);

  cd_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/command-line/import-export", test_import_export);
  g_test_add_func ("/command-line/bad-import", test_bad_import);
  g_test_add_func ("/command-line/bad-database", test_bad_database);
  g_test_add_func ("/command-line/damaged-database", test_damaged_database);
  g_test_add_func ("/command-line/check-buyer", test_check_buyer);
  g_test_add_func ("/command-line/blacklist-files", test_blacklist_files);

  return g_test_run ();
}
