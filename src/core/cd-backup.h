/* cd-backup.h — a rotating set of copies of the database, and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-database.h"

G_BEGIN_DECLS

/* Daily copies kept, and monthly ones beyond them. */
#define CD_BACKUP_KEEP_DAILY 7

char      *cd_backup_dup_folder    (CdDatabase  *db);
gboolean   cd_backup_check         (CdDatabase  *db,
                                    GError     **error);
char      *cd_backup_make          (CdDatabase  *db,
                                    gint64       now,
                                    GError     **error);
char      *cd_backup_make_if_due   (CdDatabase  *db,
                                    gint64       now,
                                    GError     **error);
GPtrArray *cd_backup_list          (const char  *folder,
                                    GError     **error);
gboolean   cd_backup_rotate        (const char  *folder,
                                    GError     **error);
gboolean   cd_backup_keep_damaged  (const char  *database_path,
                                    gint64       now,
                                    char       **kept,
                                    GError     **error);
gboolean   cd_backup_restore       (const char  *backup,
                                    const char  *database_path,
                                    gint64       now,
                                    char       **kept_aside,
                                    GError     **error);

G_END_DECLS
