/* test-command-line.c — compdesk --import/--export as a user runs them, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "cd-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
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
  g_assert_nonnull (strstr (import.err, "Cases: 2 added"));

  run_compdesk (&again, "--database", db, "--import", example, NULL);
  g_assert_cmpint (exit_code (&again), ==, 0);
  g_assert_nonnull (strstr (again.err, "0 added, 0 updated, 2 unchanged"));

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/command-line/import-export", test_import_export);
  g_test_add_func ("/command-line/bad-import", test_bad_import);
  g_test_add_func ("/command-line/bad-database", test_bad_database);

  return g_test_run ();
}
