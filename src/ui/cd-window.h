/* cd-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-blacklist-repository.h"
#include "cd-case-list-view.h"
#include "cd-case-repository.h"
#include "cd-database.h"
#include "cd-template-repository.h"

G_BEGIN_DECLS

#define CD_TYPE_WINDOW (cd_window_get_type ())
G_DECLARE_FINAL_TYPE (CdWindow, cd_window, CD, WINDOW, AdwApplicationWindow)

CdWindow         *cd_window_new                  (GtkApplication *application,
                                                  CdDatabase     *database,
                                                  GSettings      *settings);
CdDatabase       *cd_window_get_database         (CdWindow       *self);
CdCaseRepository *cd_window_get_case_repository  (CdWindow       *self);
CdBlacklistRepository *cd_window_get_blacklist_repository (CdWindow *self);
CdCaseListView   *cd_window_get_case_list_view   (CdWindow       *self);
void              cd_window_show_view            (CdWindow       *self,
                                                  const char     *name);
void              cd_window_show_case            (CdWindow       *self,
                                                  gint64          case_id);
const char       *cd_window_get_visible_page     (CdWindow       *self);
void              cd_window_set_subtitle         (CdWindow       *self,
                                                  const char     *subtitle);
void              cd_window_add_toast            (CdWindow       *self,
                                                  AdwToast       *toast);
void              cd_window_notice_changes       (CdWindow       *self);

G_END_DECLS
