/* cd-sample-shop.c — a sample shop to explore CompDesk with
 *
 * The sample is an ordinary export (data/sample-shop.json) imported into a database of its
 * own, never into the seller's. Its dates are then moved so that its newest moment is an
 * hour ago: promises fall due today and tomorrow, whenever the sample is opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-sample-shop"

#include "config.h"

#include <glib/gstdio.h>

#include "cd-importer.h"
#include "cd-sample-shop.h"

#define HOUR ((gint64) 3600 * G_USEC_PER_SEC)

static gboolean
shift_times (CdDatabase  *db,
             gint64       now,
             GError     **error)
{
  static const char *const updates[] = {
    "UPDATE cases SET created_at = created_at + :d, updated_at = updated_at + :d, "
    "promised_by = promised_by + :d",
    "UPDATE compensations SET done_at = done_at + :d",
    "UPDATE followups SET due_at = due_at + :d, done_at = done_at + :d",
    "UPDATE events SET at = at + :d",
    "UPDATE blacklist SET added_at = added_at + :d",
  };
  sqlite3_stmt *stmt = cd_database_prepare (db,
    "SELECT MAX (t) FROM (SELECT MAX (updated_at) AS t FROM cases "
    "UNION ALL SELECT MAX (at) FROM events)", error);
  gint64 delta;

  if (stmt == NULL || cd_database_step (db, stmt, error) != CD_STEP_ROW)
    return FALSE;
  delta = now - HOUR - sqlite3_column_int64 (stmt, 0);
  cd_database_release (stmt);

  if (!cd_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      stmt = cd_database_prepare (db, updates[i], error);
      if (stmt == NULL)
        goto failed;
      cd_database_bind_int64 (stmt, ":d", delta);
      if (!cd_database_step_done (db, stmt, error))
        goto failed;
    }
  return cd_database_commit (db, error);

failed:
  cd_database_rollback (db);
  return FALSE;
}

/**
 * cd_sample_shop_create:
 * @path: where the sample database goes; an earlier sample there is replaced
 * @json: the sample shop in the exchange format
 * @now: the moment the sample should look current at
 *
 * Returns: (transfer full): the sample database, or %NULL with @error set
 */
CdDatabase *
cd_sample_shop_create (const char  *path,
                       GBytes      *json,
                       gint64       now,
                       GError     **error)
{
  g_autoptr(CdDatabase) db = NULL;
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }

  db = cd_database_open (path, error);
  if (db == NULL ||
      !cd_import_bytes (db, json, NULL, NULL, NULL, error) ||
      !shift_times (db, now, error))
    return NULL;
  return g_steal_pointer (&db);
}
