/* cd-blacklist-csv.c — the blacklist as CSV (RFC 4180), out and in
 *
 * The export is one header row (CD_BLACKLIST_CSV_HEADER) and one row per entry, in the order
 * the entries were stored, with CRLF line ends. A field is quoted when it holds a comma, a
 * quote, CR or LF, and quotes inside are doubled. case_uids are joined with single spaces,
 * added_at is RFC 3339 (cd_time_format), active is true or false.
 *
 * Spreadsheets run a cell that starts with =, +, -, @, TAB or CR as a formula (OWASP "CSV
 * injection"), and a buyer chooses their own nickname. So each free-text field (buyer_id,
 * nickname, phone, name, evidence) is neutralised as cd-csv.c describes, and the import
 * takes the apostrophe away again, so export → import → export gives the same bytes.
 * The closed vocabularies (platform, reason, active), added_at and the uids are written as
 * they are.
 *
 * The import reads a whole file, checks every row (cd-blacklist-csv-reader.c), and only then
 * stores them all in one transaction: a file with one bad row changes nothing, and the error
 * names the row's line (the line it starts on) and the column:
 * `line 7, reason: must be one of …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-blacklist-csv"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "cd-blacklist-csv.h"
#include "cd-blacklist-csv-private.h"
#include "cd-blacklist-repository.h"
#include "cd-csv.h"
#include "cd-error.h"
#include "cd-import-private.h"
#include "cd-time.h"

#define FLUSH_AT (64 * 1024)

/* The fields people type, and buyers choose: the ones a formula could hide in. */
static const gboolean column_is_free_text[N_COLUMNS] = {
  [COL_BUYER_ID] = TRUE,
  [COL_NICKNAME] = TRUE,
  [COL_PHONE] = TRUE,
  [COL_NAME] = TRUE,
  [COL_EVIDENCE] = TRUE,
};

/* Export */

static gboolean
append_entry (GString           *out,
              CdBlacklistEntry  *entry,
              GError           **error)
{
  g_autoptr(GString) case_uids = g_string_new (NULL);
  g_autofree char *added_at = cd_time_format (entry->added_at);
  const char *values[N_COLUMNS];

  for (guint i = 0; i < entry->case_uids->len; i++)
    {
      const char *uid = g_ptr_array_index (entry->case_uids, i);

      /* The column separates uids with spaces; a uid with one would come back as two. */
      if (*uid == '\0' || strchr (uid, ' ') != NULL)
        {
          g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                       /* Translators: %s are identifiers; CSV and JSON are file formats */
                       _("blacklist entry %s: the case uid “%s” is empty or holds a space, "
                         "which CSV cannot carry; export the blacklist as JSON instead"),
                       entry->uid, uid);
          return FALSE;
        }
      if (i > 0)
        g_string_append_c (case_uids, ' ');
      g_string_append (case_uids, uid);
    }

  values[COL_UID] = entry->uid;
  values[COL_PLATFORM] = cd_enum_to_nick (CD_TYPE_PLATFORM, entry->platform);
  values[COL_BUYER_ID] = entry->buyer_id;
  values[COL_NICKNAME] = entry->nickname;
  values[COL_PHONE] = entry->phone;
  values[COL_NAME] = entry->name;
  values[COL_REASON] = cd_enum_to_nick (CD_TYPE_BLACKLIST_REASON, entry->reason);
  values[COL_EVIDENCE] = entry->evidence;
  values[COL_CASE_UIDS] = case_uids->str;
  values[COL_ADDED_AT] = added_at;
  values[COL_ACTIVE] = entry->active ? "true" : "false";

  for (int column = 0; column < N_COLUMNS; column++)
    {
      if (column > 0)
        g_string_append_c (out, ',');
      cd_csv_append_field (out, values[column], column_is_free_text[column]);
    }
  g_string_append (out, "\r\n");
  return TRUE;
}

static gboolean
write_out (GOutputStream  *stream,
           GString        *buffer,
           GCancellable   *cancellable,
           GError        **error)
{
  if (buffer->len > 0 &&
      !g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buffer, 0);
  return TRUE;
}

static gboolean
write_rows (CdDatabase     *db,
            GOutputStream  *stream,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(CdBlacklistRepository) repo = cd_blacklist_repository_new (db);
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_AT + 4096);
  sqlite3_stmt *stmt = cd_database_prepare (db, "SELECT id FROM blacklist ORDER BY id", error);
  CdStep step;

  if (stmt == NULL)
    return FALSE;

  g_string_append (buffer, CD_BLACKLIST_CSV_HEADER "\r\n");
  while ((step = cd_database_step (db, stmt, error)) == CD_STEP_ROW)
    {
      g_autoptr(CdBlacklistEntry) entry =
        cd_blacklist_repository_load (repo, sqlite3_column_int64 (stmt, 0), error);

      if (entry == NULL || !append_entry (buffer, entry, error) ||
          (buffer->len >= FLUSH_AT && !write_out (stream, buffer, cancellable, error)))
        {
          cd_database_release (stmt);
          return FALSE;
        }
    }
  return step == CD_STEP_DONE && write_out (stream, buffer, cancellable, error);
}

/**
 * cd_blacklist_csv_export_to_stream:
 *
 * Writes every blacklist entry, active or not, to @stream as CSV, read in one transaction.
 */
gboolean
cd_blacklist_csv_export_to_stream (CdDatabase     *db,
                                   GOutputStream  *stream,
                                   GCancellable   *cancellable,
                                   GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (CD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!cd_database_begin_read (db, error))
    return FALSE;
  ok = write_rows (db, stream, cancellable, error);
  cd_database_rollback (db);   /* read-only: nothing to keep */
  return ok;
}

/**
 * cd_blacklist_csv_export_to_file:
 * @path: the file to write, or "-" for standard output
 *
 * As cd_export_to_file() does: the file is written beside its destination and moved into
 * place only when complete, and it is private (0600): it holds buyers' personal data.
 */
gboolean
cd_blacklist_csv_export_to_file (CdDatabase  *db,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abort = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GOutputStream) stdout_stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      return cd_blacklist_csv_export_to_stream (db, stdout_stream, NULL, error) &&
             g_output_stream_flush (stdout_stream, NULL, error);
    }

  file = g_file_new_for_commandline_arg (path);
  out = g_file_replace (file, NULL, FALSE,
                        G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    {
      g_prefix_error (error, _("Cannot write “%s”: "), path);
      return FALSE;
    }

  abort = g_cancellable_new ();
  if (!cd_blacklist_csv_export_to_stream (db, G_OUTPUT_STREAM (out), NULL, error))
    {
      /* Closing a replace stream through a cancelled cancellable drops the temporary file. */
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
      g_prefix_error (error, _("Cannot write “%s”: "), path);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    {
      g_prefix_error (error, _("Cannot write “%s”: "), path);
      return FALSE;
    }
  return TRUE;
}

/* Import: the file */

static gboolean
check_bytes (const char  *data,
             gsize        length,
             GError     **error)
{
  const char *bad = NULL;
  guint line = 1;

  if (length > (gsize) CD_IMPORT_MAX_BYTES)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT,
                   _("the file is larger than %d MB, more than any CompDesk export"),
                   (int) (CD_IMPORT_MAX_BYTES / (1024 * 1024)));
      return FALSE;
    }
  if (!g_utf8_validate (data, (gssize) length, &bad))
    {
      for (const char *p = data; p < bad; p++)
        line += *p == '\n';
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT,
                   _("line %u: the file is not UTF-8 text (byte %zu is not); save it as CSV "
                     "in UTF-8"), line, (size_t) (bad - data));
      return FALSE;
    }
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return TRUE;
  g_set_error (error, CD_ERROR, CD_ERROR_IMPORT, _("the file is empty"));
  return FALSE;
}

/* Reads and checks every row; nothing is stored yet. */
static gboolean
read_rows (CdCsvParser  *parser,
           CdCsvTable   *table,
           GPtrArray    *entries,
           GArray       *lines,
           GError      **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  CdCsvRecordResult result;
  guint line = 1;

  result = cd_blacklist_csv_read_record (parser, fields, &line, error);
  if (result == CD_CSV_RECORD_ERROR)
    return FALSE;
  if (result == CD_CSV_RECORD_END)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT, _("the file is empty"));
      return FALSE;
    }
  if (!cd_blacklist_csv_read_header (table, fields, line, error))
    return FALSE;

  for (;;)
    {
      CdBlacklistEntry *entry;

      result = cd_blacklist_csv_read_record (parser, fields, &line, error);
      if (result != CD_CSV_RECORD_READ)
        return result == CD_CSV_RECORD_END;
      entry = cd_blacklist_csv_read_row (table, fields, line, error);
      if (entry == NULL)
        return FALSE;
      g_ptr_array_add (entries, entry);
      g_array_append_val (lines, line);
    }
}

static gboolean
store_entries (CdDatabase     *db,
               GPtrArray      *entries,
               GArray         *lines,
               CdImportStats  *stats,
               GError        **error)
{
  g_autoptr(CdBlacklistRepository) repo = cd_blacklist_repository_new (db);

  if (!cd_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      CdStoreResult result;

      if (!cd_blacklist_repository_store_imported (repo, g_ptr_array_index (entries, i),
                                                   &result, error))
        {
          g_prefix_error (error, _("line %u: "), g_array_index (lines, guint, i));
          cd_database_rollback (db);
          return FALSE;
        }
      (*(result == CD_STORE_ADDED ? &stats->entries_added :
         result == CD_STORE_UPDATED ? &stats->entries_updated :
         &stats->entries_unchanged))++;
    }

  if (!cd_database_commit (db, error))
    {
      if (cd_database_in_transaction (db))
        cd_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_blacklist_csv_import_bytes:
 * @stats: (out caller-allocates) (optional): what was added, updated and left alone
 *
 * Imports blacklist entries from CSV with a header row naming the columns (any order, any
 * subset that has "reason"; see CD_BLACKLIST_CSV_HEADER), all or nothing. An entry without
 * a uid gets a new one, without added_at the time of the import, without platform "other",
 * without active true. An entry whose uid is stored already is written over.
 */
gboolean
cd_blacklist_csv_import_bytes (CdDatabase     *db,
                               GBytes         *bytes,
                               CdImportStats  *stats,
                               GError        **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(GHashTable) uid_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  CdCsvTable table = { .now = cd_time_now (), .uid_lines = uid_lines };
  CdImportStats local_stats = { 0 };
  CdCsvParser parser;

  g_return_val_if_fail (CD_IS_DATABASE (db), FALSE);

  /* Spreadsheets write a byte-order mark before UTF-8 CSV. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!check_bytes (data, length, error))
    return FALSE;

  parser.p = data;
  parser.end = data + length;
  parser.line = 1;
  if (!read_rows (&parser, &table, entries, lines, error) ||
      !store_entries (db, entries, lines, &local_stats, error))
    return FALSE;

  if (stats != NULL)
    *stats = local_stats;
  return TRUE;
}

/**
 * cd_blacklist_csv_import_file:
 *
 * Like cd_blacklist_csv_import_bytes(), for a file; one larger than %CD_IMPORT_MAX_BYTES is
 * refused before it is read.
 */
gboolean
cd_blacklist_csv_import_file (CdDatabase     *db,
                              const char     *path,
                              CdImportStats  *stats,
                              GError        **error)
{
  g_autoptr(GBytes) bytes = cd_import_map_file (path, error);

  if (bytes == NULL)
    return FALSE;
  return cd_blacklist_csv_import_bytes (db, bytes, stats, error);
}
