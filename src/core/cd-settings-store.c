/* cd-settings-store.c — values the shop's database keeps under a key (the settings table)
 *
 * Settings that belong with the shop's data rather than with the desktop (the compensation
 * policy, whether the built-in templates were added, how far reminders have been given) live
 * in the database, so they travel with it and its backups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cd-settings-store.h"

/**
 * cd_settings_store_get:
 * @value: (out) (transfer full) (nullable): the value, or %NULL when @key was never set
 *
 * Returns: %FALSE with @error set when the database could not be read
 */
gboolean
cd_settings_store_get (CdDatabase  *db,
                       const char  *key,
                       char       **value,
                       GError     **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (db, "SELECT value FROM settings WHERE key = :key",
                                            error);

  *value = NULL;
  if (stmt == NULL)
    return FALSE;
  cd_database_bind_text (stmt, ":key", key);
  switch (cd_database_step (db, stmt, error))
    {
    case CD_STEP_ROW:
      *value = g_strdup (cd_database_column_text (stmt, 0));
      cd_database_release (stmt);
      return TRUE;
    case CD_STEP_DONE:
      return TRUE;
    case CD_STEP_ERROR:
    default:
      return FALSE;
    }
}

gboolean
cd_settings_store_set (CdDatabase  *db,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (db,
    "INSERT INTO settings (key, value) VALUES (:key, :value) "
    "ON CONFLICT (key) DO UPDATE SET value = :value", error);

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_text (stmt, ":key", key);
  cd_database_bind_text (stmt, ":value", value);
  return cd_database_step_done (db, stmt, error);
}
