/* cd-safekeeping.h — integrity checks and backups while the application runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-database.h"
#include "cd-window.h"

G_BEGIN_DECLS

/* Called when the seller chose a copy to restore; the application closes and reopens. */
typedef void (*CdRestoreFunc) (const char *backup_path,
                               gpointer    user_data);

void       cd_safekeeping_check_soon      (GtkWindow     *parent,
                                           CdDatabase    *db,
                                           CdRestoreFunc  restore,
                                           gpointer       user_data);
void       cd_safekeeping_watch           (GtkWindow     *parent,
                                           CdDatabase    *db,
                                           CdRestoreFunc  restore,
                                           gpointer       user_data);
void       cd_safekeeping_report_damage   (GtkWindow     *parent,
                                           const char    *database_path,
                                           const char    *problem,
                                           CdRestoreFunc  restore,
                                           gpointer       user_data);
GPtrArray *cd_safekeeping_hold_forms      (CdDatabase    *db);
void       cd_safekeeping_hand_over_forms (GPtrArray     *forms,
                                           CdWindow      *window);
void       cd_safekeeping_back_up_now     (GtkWindow     *parent,
                                           CdDatabase    *db);
void       cd_safekeeping_offer_restore   (GtkWindow     *parent,
                                           const char    *database_path,
                                           const char    *heading,
                                           const char    *problem,
                                           CdRestoreFunc  restore,
                                           gpointer       user_data);

G_END_DECLS
