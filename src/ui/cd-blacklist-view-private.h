/* cd-blacklist-view-private.h — what the blacklist view's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-blacklist-view.h"

G_BEGIN_DECLS

struct _CdBlacklistView
{
  AdwBin                 parent_instance;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  GtkStack              *stack;
  GtkColumnView         *column_view;
  AdwStatusPage         *empty_page;
  GtkWidget             *empty_add_button;
  GtkActionBar          *action_bar;
  GtkButton             *active_button;
  GtkLabel              *selection_label;

  /* Owned */
  CdBlacklistRepository *blacklist;
  CdCaseRepository      *cases;
  CdBlacklistListModel  *model;
  GtkSingleSelection    *selection;
  GtkWidget             *context_menu;   /* (nullable) a GtkPopoverMenu, child of the view */

  gboolean               folded;
};

/* cd-blacklist-view.c */
const char       *_cd_blacklist_view_get_display_name   (CdBlacklistEntry *entry);
CdBlacklistEntry *_cd_blacklist_view_dup_selected       (CdBlacklistView  *self);
void              _cd_blacklist_view_add_toast          (CdBlacklistView  *self,
                                                         AdwToast         *toast);
void              _cd_blacklist_view_toast_error        (CdBlacklistView  *self,
                                                         const GError     *error);
void              _cd_blacklist_view_select_entry       (CdBlacklistView  *self,
                                                         gint64            id);
void              _cd_blacklist_view_open_case          (CdBlacklistView  *self,
                                                         const char       *uid);
void              _cd_blacklist_view_open_dialog        (CdBlacklistView  *self,
                                                         CdBlacklistEntry *entry);

/* cd-blacklist-view-actions.c */
void              _cd_blacklist_view_popup_menu         (CdBlacklistView  *self,
                                                         double            x,
                                                         double            y);
void              _cd_blacklist_view_class_actions_init (GtkWidgetClass   *widget_class);

G_END_DECLS
