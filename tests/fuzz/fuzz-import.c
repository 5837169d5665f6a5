/* fuzz-import.c — libFuzzer harness: arbitrary bytes into cd_import_bytes()
 *
 * One database in a private temporary directory serves the whole run, as one database serves
 * the app: each input is imported on top of what earlier inputs left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "cd-importer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *dir;
static CdDatabase *db;

static void
remove_dir (void)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&db);
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (dir, "/fuzz.db", suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  g_clear_pointer (&dir, g_free);
}

static void
open_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  dir = g_dir_make_tmp ("compdesk-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "fuzz.db", NULL);
  db = cd_database_open (path, &error);
  g_assert_no_error (error);
  atexit (remove_dir);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  CdImportStats stats = { 0 };

  if (db == NULL)
    open_database ();

  cd_import_bytes (db, bytes, NULL, NULL, &stats, &error);
  /* A failed import must roll back completely. */
  g_assert_false (cd_database_in_transaction (db));
  return 0;
}
