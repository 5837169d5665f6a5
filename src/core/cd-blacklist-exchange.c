/* cd-blacklist-exchange.c — a blacklist file, CSV or JSON, whichever it is
 *
 * Sellers share blacklists as spreadsheets (CSV, cd-blacklist-csv.c) or as CompDesk exports
 * (JSON, the exchange format with only "blacklist" filled in). The command line and the
 * blacklist view both go by the file's name, and for a name that says neither by its first
 * character: an exchange-format file starts with "{".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-blacklist-exchange"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "cd-blacklist-csv.h"
#include "cd-blacklist-exchange.h"
#include "cd-exporter.h"

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

/**
 * cd_blacklist_file_is_csv:
 *
 * Returns: whether @path names a CSV file: by its suffix, or else by its first character
 *   (after a byte-order mark and white space) not being "{"
 */
gboolean
cd_blacklist_file_is_csv (const char *path)
{
  char head[64];
  size_t length = 0;
  size_t i = 0;
  FILE *file;

  if (has_suffix (path, ".csv"))
    return TRUE;
  if (has_suffix (path, ".json"))
    return FALSE;

  file = g_fopen (path, "rb");
  if (file == NULL)
    return FALSE;   /* the JSON importer says why it cannot be read */
  length = fread (head, 1, sizeof head, file);
  fclose (file);

  if (length >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (head[i]))
    i++;
  return i < length && head[i] != '{';
}

/**
 * cd_blacklist_import_any_file:
 * @progress: (nullable): called as a JSON file is read (a CSV file is read at once)
 *
 * Imports a blacklist file, CSV or JSON; all or nothing.
 */
gboolean
cd_blacklist_import_any_file (CdDatabase      *db,
                              const char      *path,
                              CdProgressFunc   progress,
                              gpointer         user_data,
                              CdImportStats   *stats,
                              GError         **error)
{
  if (cd_blacklist_file_is_csv (path))
    return cd_blacklist_csv_import_file (db, path, stats, error);
  return cd_import_blacklist_file (db, path, progress, user_data, stats, error);
}

/**
 * cd_blacklist_export_any_file:
 *
 * Writes the blacklist as CSV when @path ends in ".csv", else as JSON.
 */
gboolean
cd_blacklist_export_any_file (CdDatabase  *db,
                              const char  *path,
                              GError     **error)
{
  if (has_suffix (path, ".csv"))
    return cd_blacklist_csv_export_to_file (db, path, error);
  return cd_export_blacklist_to_file (db, path, error);
}
