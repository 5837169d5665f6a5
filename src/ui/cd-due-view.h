/* cd-due-view.h — the Due Today and Overdue views: what falls due, with one-click actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-case-list-model.h"

G_BEGIN_DECLS

#define CD_TYPE_DUE_VIEW (cd_due_view_get_type ())
G_DECLARE_FINAL_TYPE (CdDueView, cd_due_view, CD, DUE_VIEW, AdwBin)

CdDueView  *cd_due_view_new          (CdCaseRepository *repository);
void        cd_due_view_set_view     (CdDueView        *self,
                                      CdView            view,
                                      const char       *title);
CdView      cd_due_view_get_view     (CdDueView        *self);
void        cd_due_view_set_folded   (CdDueView        *self,
                                      gboolean          folded);
void        cd_due_view_refresh_time (CdDueView        *self);
GListModel *cd_due_view_get_items    (CdDueView        *self);

G_END_DECLS
