/* cd-due-view-private.h — what the due view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-due-actions.h"
#include "cd-due-list.h"
#include "cd-due-view.h"

G_BEGIN_DECLS

struct _CdDueView
{
  AdwBin            parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkWidget        *show_sidebar_button;
  GtkStack         *stack;
  GtkListBox       *list_box;
  GtkLabel         *more_label;
  AdwStatusPage    *empty_page;

  /* Owned */
  CdCaseRepository *repository;
  GListStore       *items;        /* of CdDueItem, as shown */

  CdView            view;         /* CD_VIEW_DUE_TODAY or CD_VIEW_OVERDUE */
  gint64            now;          /* when the items were read */
  gint64            total;        /* how many are due; more than the rows past MAX_ROWS */
  guint             reload_source;
  gboolean          folded;       /* narrow: the due time goes under the title */
};

/* The rows shown at most: beyond, the earliest are shown and the rest counted. */
#define CD_DUE_VIEW_MAX_ROWS 100

/* cd-due-view.c */
CdDueItem *cd_due_view_find_item       (CdDueView   *self,
                                        const char  *key);
char      *cd_due_view_item_key        (CdDueItem   *item);
void       cd_due_view_reload          (CdDueView   *self);
void       cd_due_view_emit_toast      (CdDueView   *self,
                                        AdwToast    *toast);
char      *cd_due_view_format_due      (gint64       due_at,
                                        gint64       now);

/* cd-due-view-actions.c */
void       cd_due_view_install_actions (GtkWidgetClass *widget_class);
GMenuModel *cd_due_view_reschedule_menu (const char *key);
gint64     cd_due_view_preset_time     (const char  *preset,
                                        gint64       now);

G_END_DECLS
