/* cd-case-list-view.h — the case list: search, filters and a sortable column view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-case-list-model.h"

G_BEGIN_DECLS

#define CD_TYPE_CASE_LIST_VIEW (cd_case_list_view_get_type ())
G_DECLARE_FINAL_TYPE (CdCaseListView, cd_case_list_view, CD, CASE_LIST_VIEW, AdwBin)

CdCaseListView  *cd_case_list_view_new          (CdCaseRepository *repository);
void             cd_case_list_view_set_first_frame_height (CdCaseListView *self,
                                                           int             height);
void             cd_case_list_view_set_view     (CdCaseListView   *self,
                                                 CdView            view,
                                                 const char       *title);
CdView           cd_case_list_view_get_view     (CdCaseListView   *self);
void             cd_case_list_view_set_currency (CdCaseListView   *self,
                                                 const char       *currency);
void             cd_case_list_view_set_folded   (CdCaseListView   *self,
                                                 gboolean          folded);
void             cd_case_list_view_focus_search (CdCaseListView   *self);
void             cd_case_list_view_refresh_time (CdCaseListView   *self);
CdCaseListModel *cd_case_list_view_get_model    (CdCaseListView   *self);
GtkColumnView   *cd_case_list_view_get_column_view (CdCaseListView *self);
GtkListView     *cd_case_list_view_get_list_view (CdCaseListView *self);

G_END_DECLS
