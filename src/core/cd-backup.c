/* cd-backup.c — a rotating set of copies of the database, and restoring one
 *
 * A seller's case history and blacklist exist in one place only. Copies are made with
 * SQLite's online backup API (consistent while the application writes), after
 * PRAGMA quick_check and foreign_key_check pass — a damaged database is never copied over a
 * good copy. They live in a private folder beside the database, named by their UTC date:
 * `compdesk-2026-11-24.db`. Rotation keeps the newest seven and, beyond those, the newest of
 * each month.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cd-backup.h"
#include "cd-error.h"

#define PREFIX "compdesk-"
#define SUFFIX ".db"

/**
 * cd_backup_dup_folder:
 *
 * Returns: (transfer full): the folder the copies of @db go to: `backups` beside it
 */
char *
cd_backup_dup_folder (CdDatabase *db)
{
  g_autofree char *dir = g_path_get_dirname (cd_database_get_path (db));

  return g_build_filename (dir, "backups", NULL);
}

static gboolean
check_pragma (CdDatabase  *db,
              const char  *sql,
              const char  *good,
              GError     **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (db, sql, error);
  CdStep step;

  if (stmt == NULL)
    return FALSE;
  step = cd_database_step (db, stmt, error);
  if (step == CD_STEP_ERROR)
    return FALSE;
  if (step == CD_STEP_ROW)
    {
      g_autofree char *answer = g_strdup (cd_database_column_text (stmt, 0));

      cd_database_release (stmt);
      if (good == NULL || g_strcmp0 (answer, good) != 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("The database failed its integrity check (%s)"), answer);

          cd_database_mark_damaged (db, message);
          g_set_error_literal (error, CD_ERROR, CD_ERROR_CORRUPT, message);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * cd_backup_check:
 *
 * Runs `PRAGMA quick_check` and `PRAGMA foreign_key_check`: %CD_ERROR_CORRUPT when either
 * finds a fault. Its cost grows with the database: never on the start-up path.
 */
gboolean
cd_backup_check (CdDatabase  *db,
                 GError     **error)
{
  return check_pragma (db, "PRAGMA quick_check", "ok", error) &&
         check_pragma (db, "PRAGMA foreign_key_check", NULL, error);
}

static char *
backup_name (gint64 now)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);

  return g_date_time_format (time, PREFIX "%Y-%m-%d" SUFFIX);
}

/**
 * cd_backup_make:
 * @now: the moment that names the copy (its UTC date)
 *
 * Checks the database, copies it into the backup folder (replacing today's copy) and
 * rotates the folder.
 *
 * Returns: (transfer full): the copy's path, or %NULL with @error set
 */
char *
cd_backup_make (CdDatabase  *db,
                gint64       now,
                GError     **error)
{
  g_autofree char *folder = cd_backup_dup_folder (db);
  g_autofree char *name = backup_name (now);
  g_autofree char *path = g_build_filename (folder, name, NULL);

  if (!cd_backup_check (db, error))
    return NULL;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }
  if (!cd_database_backup_to (db, path, error) || !cd_backup_rotate (folder, error))
    return NULL;
  return g_steal_pointer (&path);
}

/**
 * cd_backup_make_if_due:
 *
 * Makes today's copy unless there is one.
 *
 * Returns: (transfer full) (nullable): the new copy's path; %NULL with no error when none was
 *   due, %NULL with @error set on failure
 */
char *
cd_backup_make_if_due (CdDatabase  *db,
                       gint64       now,
                       GError     **error)
{
  g_autofree char *folder = cd_backup_dup_folder (db);
  g_autofree char *name = backup_name (now);
  g_autofree char *path = g_build_filename (folder, name, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return cd_backup_make (db, now, error);
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * cd_backup_list:
 *
 * Returns: (transfer full) (element-type filename): the copies in @folder, newest first, as
 *   full paths; empty when there is no folder
 */
GPtrArray *
cd_backup_list (const char  *folder,
                GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&names);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* compdesk-YYYY-MM-DD.db, and nothing else (not the .partial of a copy being made) */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, PREFIX) && g_str_has_suffix (name, SUFFIX) &&
        strlen (name) == strlen (PREFIX "YYYY-MM-DD" SUFFIX))
      g_ptr_array_add (names, g_build_filename (folder, name, NULL));

  g_ptr_array_sort (names, compare_names_newest_first);
  return g_steal_pointer (&names);
}

/**
 * cd_backup_rotate:
 *
 * Keeps the newest %CD_BACKUP_KEEP_DAILY copies and, among the older ones, the newest of
 * each month; deletes the rest.
 */
gboolean
cd_backup_rotate (const char  *folder,
                  GError     **error)
{
  g_autoptr(GPtrArray) copies = cd_backup_list (folder, error);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (copies == NULL)
    return FALSE;

  for (guint i = 0; i < copies->len; i++)
    {
      const char *path = g_ptr_array_index (copies, i);
      g_autofree char *base = g_path_get_basename (path);
      /* "compdesk-2026-11" */
      g_autofree char *month = g_strndup (base, strlen (PREFIX "YYYY-MM"));

      if (i < CD_BACKUP_KEEP_DAILY || !g_hash_table_contains (months, month))
        {
          g_hash_table_add (months, g_steal_pointer (&month));
          continue;
        }
      if (g_unlink (path) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Cannot remove the old backup “%s”: %s"), path,
                       g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
move_aside (const char  *path,
            const char  *suffix,
            char       **moved,
            GError     **error)
{
  g_autofree char *target = g_strconcat (path, suffix, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot move “%s” aside: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (moved != NULL)
    *moved = g_steal_pointer (&target);
  return TRUE;
}

/* ".damaged-YYYYmmdd-HHMMSS", or with "-2", "-3" … when @path with it exists already: two
 * damaged files found in the same second are both kept. */
static char *
dup_damaged_suffix (const char *path,
                    gint64      now)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autofree char *stamp = g_date_time_format (time, ".damaged-%Y%m%d-%H%M%S");
  char *suffix = g_strdup (stamp);

  for (guint n = 2;; n++)
    {
      g_autofree char *target = g_strconcat (path, suffix, NULL);

      if (!g_file_test (target, G_FILE_TEST_EXISTS))
        return suffix;
      g_free (suffix);
      suffix = g_strdup_printf ("%s-%u", stamp, n);
    }
}

static gboolean
copy_file (const char  *source,
           const char  *target,
           GError     **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GFile) to = g_file_new_for_path (target);
  g_autoptr(GFileInputStream) in = g_file_read (from, NULL, error);
  g_autoptr(GFileOutputStream) out = NULL;

  if (in == NULL)
    return FALSE;
  /* Personal data: 0600 whatever the source's mode, and never over another file. */
  out = g_file_create (to, G_FILE_CREATE_PRIVATE, NULL, error);
  if (out == NULL)
    return FALSE;
  return g_output_stream_splice (G_OUTPUT_STREAM (out), G_INPUT_STREAM (in),
                                 G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                 G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) >= 0;
}

/**
 * cd_backup_keep_damaged:
 * @database_path: a database found damaged; it may be open
 * @kept: (out) (optional) (transfer full): where the copy went
 *
 * Copies the file as it is now (with its -wal) to `NAME.damaged-YYYYmmdd-HHMMSS`, before
 * further work can change it: whatever is restored or exported later, the damaged file as
 * found is kept for whoever tries to rescue more of it.
 */
gboolean
cd_backup_keep_damaged (const char  *database_path,
                        gint64       now,
                        char       **kept,
                        GError     **error)
{
  g_autofree char *suffix = dup_damaged_suffix (database_path, now);
  g_autofree char *target = g_strconcat (database_path, suffix, NULL);
  g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);
  g_autofree char *wal_target = g_strconcat (target, "-wal", NULL);

  if (!copy_file (database_path, target, error) ||
      (g_file_test (wal, G_FILE_TEST_EXISTS) && !copy_file (wal, wal_target, error)))
    {
      g_prefix_error (error, _("Cannot keep a copy of the damaged database: "));
      return FALSE;
    }
  if (kept != NULL)
    *kept = g_steal_pointer (&target);
  return TRUE;
}

/**
 * cd_backup_restore:
 * @backup: a copy made by cd_backup_make()
 * @database_path: the database to replace; it must not be open
 * @kept_aside: (out) (optional) (transfer full): where the replaced file went
 *
 * Checks that @backup opens and is sound, then puts the current database (and its -wal and
 * -shm) aside as `NAME.damaged-YYYYmmdd-HHMMSS` — never deleted — and the copy in its place.
 */
gboolean
cd_backup_restore (const char  *backup,
                   const char  *database_path,
                   gint64       now,
                   char       **kept_aside,
                   GError     **error)
{
  g_autofree char *stamp = dup_damaged_suffix (database_path, now);
  g_autofree char *wal_suffix = g_strconcat (stamp, "-wal", NULL);
  g_autofree char *shm_suffix = g_strconcat (stamp, "-shm", NULL);
  g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (database_path, "-shm", NULL);
  g_autoptr(CdDatabase) copy = NULL;
  g_autoptr(GError) local_error = NULL;

  /* A copy that will not open or check is no rescue. */
  copy = cd_database_open (backup, &local_error);
  if (copy == NULL || !cd_backup_check (copy, &local_error))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_CORRUPT, _("The backup “%s” cannot be used: %s"),
                   backup, local_error->message);
      return FALSE;
    }
  g_clear_object (&copy);

  if (!move_aside (database_path, stamp, kept_aside, error) ||
      !move_aside (wal, wal_suffix, NULL, error) ||
      !move_aside (shm, shm_suffix, NULL, error))
    return FALSE;

  copy = cd_database_open (backup, error);
  if (copy == NULL || !cd_database_backup_to (copy, database_path, error))
    return FALSE;
  return TRUE;
}
