/* test-fuzz-regressions.c — the inputs that once made a fuzz harness fail, replayed in the
 * ordinary build
 *
 * Leaks among them show only under a leak checker with GSlice off: the 'valgrind' test setup,
 * or ASan with G_SLICE=always-malloc (the test sets that itself).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "cd-importer.h"
#include "cd-template-renderer.h"
#include "cd-test-util.h"

static void
test_import_input (gconstpointer data)
{
  const char *path = data;
  g_autofree char *dir = cd_test_make_dir ();
  g_autoptr(CdDatabase) db = cd_test_open_database (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents;
  gsize length;

  contents = cd_test_read_file (path, &length);
  bytes = g_bytes_new_take (contents, length);
  if (!cd_import_bytes (db, bytes, NULL, NULL, NULL, &error))
    g_assert_nonnull (error);
  g_assert_false (cd_database_in_transaction (db));

  g_clear_object (&db);
  cd_test_remove_dir (dir);
}

static void
test_template_input (gconstpointer data)
{
  g_autofree char *body = cd_test_read_file (data, NULL);
  g_autoptr(CdRendered) rendered = NULL;

  if (!g_utf8_validate (body, -1, NULL))
    return;
  rendered = cd_template_render (body, NULL);
  g_assert_nonnull (rendered->text);
}

static void
add_inputs (GPtrArray     *paths,
            const char    *kind,
            GTestDataFunc  func)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", kind, NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/fuzz-regressions/%s/%s", kind, file);
      char *path = g_build_filename (dir, file, NULL);

      g_ptr_array_add (paths, path);
      g_test_add_data_func (test_path, path, func);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_test_init (&argc, &argv, NULL);

  add_inputs (paths, "crashes-import", test_import_input);
  add_inputs (paths, "crashes-template", test_template_input);

  status = g_test_run ();
  return status;
}
