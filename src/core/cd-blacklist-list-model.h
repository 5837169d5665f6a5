/* cd-blacklist-list-model.h — a lazy GListModel of CdBlacklistEntry over SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cd-blacklist-repository.h"

G_BEGIN_DECLS

#define CD_TYPE_BLACKLIST_LIST_MODEL (cd_blacklist_list_model_get_type ())
G_DECLARE_FINAL_TYPE (CdBlacklistListModel, cd_blacklist_list_model, CD, BLACKLIST_LIST_MODEL,
                      GObject)

CdBlacklistListModel  *cd_blacklist_list_model_new               (CdBlacklistRepository *repository,
                                                                  GError               **error);
CdBlacklistRepository *cd_blacklist_list_model_get_repository    (CdBlacklistListModel  *self);
const char            *cd_blacklist_list_model_get_search        (CdBlacklistListModel  *self);
gboolean               cd_blacklist_list_model_set_search        (CdBlacklistListModel  *self,
                                                                  const char            *search,
                                                                  GError               **error);
gboolean               cd_blacklist_list_model_is_searching      (CdBlacklistListModel  *self);
gboolean               cd_blacklist_list_model_get_show_inactive (CdBlacklistListModel  *self);
gboolean               cd_blacklist_list_model_set_show_inactive (CdBlacklistListModel  *self,
                                                                  gboolean               show,
                                                                  GError               **error);
gboolean               cd_blacklist_list_model_refresh           (CdBlacklistListModel  *self,
                                                                  GError               **error);
int                    cd_blacklist_list_model_find              (CdBlacklistListModel  *self,
                                                                  gint64                 entry_id);

G_END_DECLS
