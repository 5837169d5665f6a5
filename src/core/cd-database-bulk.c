/* cd-database-bulk.c — taking a table's indexes or triggers away for a bulk write
 *
 * Inserting many rows one by one into a table with indexes puts every key at its place in
 * every index, and a trigger, even one whose WHEN is false, runs as a sub-program for every
 * row. Inside the writer's transaction, the importer drops them and creates them again from
 * their own CREATE statements once the rows are in; a rollback brings them back as they
 * were, and other connections never see them missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-database"

#include "config.h"

#include "cd-database.h"

/**
 * cd_database_drop_objects:
 * @type: "index" or "trigger"
 * @table: the table they belong to
 *
 * Drops the indexes or triggers of @table that the schema made (not the indexes SQLite makes
 * for UNIQUE constraints, which have no SQL), inside the caller's transaction.
 *
 * Returns: (transfer full) (element-type utf8): their CREATE statements, for
 *   cd_database_create_objects(); NULL with @error set on failure
 */
GPtrArray *
cd_database_drop_objects (CdDatabase  *self,
                          const char  *type,
                          const char  *table,
                          GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) creates = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  CdStep step;

  g_return_val_if_fail (CD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (g_str_equal (type, "index") || g_str_equal (type, "trigger"), NULL);
  g_return_val_if_fail (cd_database_in_transaction (self), NULL);

  stmt = cd_database_prepare (self,
    "SELECT name, sql FROM sqlite_schema WHERE type = :type AND tbl_name = :table "
    "AND sql IS NOT NULL ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  cd_database_bind_text (stmt, ":type", type);
  cd_database_bind_text (stmt, ":table", table);
  while ((step = cd_database_step (self, stmt, error)) == CD_STEP_ROW)
    {
      g_ptr_array_add (names, g_strdup (cd_database_column_text (stmt, 0)));
      g_ptr_array_add (creates, g_strdup (cd_database_column_text (stmt, 1)));
    }
  if (step == CD_STEP_ERROR)
    return NULL;

  for (guint i = 0; i < names->len; i++)
    {
      /* DDL takes no parameters: the name is quoted as an identifier. */
      char *drop = sqlite3_mprintf (g_str_equal (type, "index") ? "DROP INDEX \"%w\""
                                                                 : "DROP TRIGGER \"%w\"",
                                    (char *) g_ptr_array_index (names, i));
      gboolean ok = cd_database_exec (self, drop, error);

      sqlite3_free (drop);
      if (!ok)
        return NULL;
    }
  return g_steal_pointer (&creates);
}

/**
 * cd_database_create_objects:
 * @creates: (element-type utf8): from cd_database_drop_objects()
 *
 * Creates again what cd_database_drop_objects() dropped, in the same transaction.
 */
gboolean
cd_database_create_objects (CdDatabase  *self,
                            GPtrArray   *creates,
                            GError     **error)
{
  g_return_val_if_fail (CD_IS_DATABASE (self), FALSE);

  for (guint i = 0; i < creates->len; i++)
    if (!cd_database_exec (self, g_ptr_array_index (creates, i), error))
      return FALSE;
  return TRUE;
}
