/* cd-database.h — the one SQLite file that holds everything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema this build writes; files with a higher user_version are refused. */
#define CD_DATABASE_SCHEMA_VERSION 6

typedef enum
{
  CD_STEP_ERROR = 0,
  CD_STEP_ROW,
  CD_STEP_DONE,
} CdStep;

#define CD_TYPE_DATABASE (cd_database_get_type ())
G_DECLARE_FINAL_TYPE (CdDatabase, cd_database, CD, DATABASE, GObject)

char         *cd_database_dup_default_path   (void);
CdDatabase   *cd_database_open               (const char    *path,
                                              GError       **error);
CdDatabase   *cd_database_open_existing      (const char    *path,
                                              GError       **error);
CdDatabase   *cd_database_open_at_version    (const char    *path,
                                              int            version,
                                              GError       **error);
const char   *cd_database_get_path           (CdDatabase    *self);
int           cd_database_get_schema_version (CdDatabase    *self);
gboolean      cd_database_is_read_only       (CdDatabase    *self);
sqlite3      *cd_database_get_handle         (CdDatabase    *self);

sqlite3_stmt *cd_database_prepare            (CdDatabase    *self,
                                              const char    *sql,
                                              GError       **error);
CdStep        cd_database_step               (CdDatabase    *self,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);
gboolean      cd_database_step_done          (CdDatabase    *self,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);
void          cd_database_release            (sqlite3_stmt  *stmt);
gboolean      cd_database_exec               (CdDatabase    *self,
                                              const char    *sql,
                                              GError       **error);

void          cd_database_bind_text          (sqlite3_stmt  *stmt,
                                              const char    *name,
                                              const char    *value);
void          cd_database_bind_text_static   (sqlite3_stmt  *stmt,
                                              const char    *name,
                                              const char    *value);
void          cd_database_bind_int64         (sqlite3_stmt  *stmt,
                                              const char    *name,
                                              gint64         value);
void          cd_database_bind_null          (sqlite3_stmt  *stmt,
                                              const char    *name);
const char   *cd_database_column_text        (sqlite3_stmt  *stmt,
                                              int            column);

gboolean      cd_database_begin              (CdDatabase    *self,
                                              GError       **error);
gboolean      cd_database_begin_read         (CdDatabase    *self,
                                              GError       **error);
gboolean      cd_database_commit             (CdDatabase    *self,
                                              GError       **error);
void          cd_database_rollback           (CdDatabase    *self);
gboolean      cd_database_in_transaction     (CdDatabase    *self);

gboolean      cd_database_backup_to          (CdDatabase    *self,
                                              const char    *dest_path,
                                              GError       **error);

GPtrArray    *cd_database_drop_objects       (CdDatabase    *self,
                                              const char    *type,
                                              const char    *table,
                                              GError       **error);
gboolean      cd_database_create_objects     (CdDatabase    *self,
                                              GPtrArray     *creates,
                                              GError       **error);

gint64        cd_database_get_data_version   (CdDatabase    *self);
void          cd_database_set_search_auto    (CdDatabase    *self,
                                              gboolean       automatic);
void          cd_database_set_error          (CdDatabase    *self,
                                              int            rc,
                                              GError       **error);
const char   *cd_database_get_damage         (CdDatabase    *self);
void          cd_database_mark_damaged       (CdDatabase    *self,
                                              const char    *message);

G_END_DECLS
