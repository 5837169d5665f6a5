/* cd-blacklist-view.h — the blacklist: look buyers up, add, edit, deactivate and delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-blacklist-list-model.h"
#include "cd-case-repository.h"

G_BEGIN_DECLS

#define CD_TYPE_BLACKLIST_VIEW (cd_blacklist_view_get_type ())
G_DECLARE_FINAL_TYPE (CdBlacklistView, cd_blacklist_view, CD, BLACKLIST_VIEW, AdwBin)

CdBlacklistView      *cd_blacklist_view_new          (CdBlacklistRepository *blacklist,
                                                      CdCaseRepository      *cases);
void                  cd_blacklist_view_set_folded   (CdBlacklistView       *self,
                                                      gboolean               folded);
void                  cd_blacklist_view_focus_search (CdBlacklistView       *self);
CdBlacklistListModel *cd_blacklist_view_get_model    (CdBlacklistView       *self);

G_END_DECLS
