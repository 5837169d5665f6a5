/* cd-window-private.h — the main window's parts, shared by its source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-blacklist-view.h"
#include "cd-case-page.h"
#include "cd-due-view.h"
#include "cd-reports-view.h"
#include "cd-templates-view.h"
#include "cd-window.h"

G_BEGIN_DECLS

/* How often "overdue" is looked at again while the window is open. */
#define CLOCK_SECONDS 60
/* How often the window looks for changes another process made (compdesk --import). */
#define WATCH_SECONDS 2

struct _CdWindow
{
  AdwApplicationWindow   parent_instance;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  GtkWindow             *shortcuts_window;
  AdwStatusPage         *welcome_page;   /* NULL until first shown */
  GtkMenuButton         *primary_menu_button;
  GMenuModel            *primary_menu;
  AdwLeaflet            *leaflet;
  GtkWidget             *sidebar;
  AdwWindowTitle        *sidebar_title;
  GtkListBox            *views_list;
  GtkStack              *content_stack;
  GtkLabel              *count_open;
  GtkLabel              *count_due_today;
  GtkLabel              *count_overdue;
  GtkLabel              *count_closed;
  GtkLabel              *count_all;
  GtkListBoxRow         *row_open;

  /* Owned */
  CdDatabase            *database;
  GSettings             *settings;  /* NULL: the window state is not remembered */
  CdCaseRepository      *cases;
  CdBlacklistRepository *blacklist;
  CdTemplateRepository  *templates;
  char                  *currency;
  char                  *shop_name;

  /* Borrowed (children of content_stack) */
  CdCaseListView        *list_view;
  CdCasePage            *case_page;
  CdBlacklistView       *blacklist_view;
  CdTemplatesView       *templates_view;
  CdReportsView         *reports_view;
  CdDueView             *due_view;
  const char            *list_page;  /* where the case page goes back to: "cases" or "due" */

  guint                  recount_source;
  GCancellable          *count_cancellable;  /* while counts are computed on a thread */
  gboolean               count_again;        /* something changed while they were */
  guint                  clock_source;
  guint                  watch_source;
  gint64                 data_version;
  gulong                 first_frame_handler;
};

/* cd-window-sidebar.c: the sidebar's counts, the clocks, the window's size */
void cd_window_recount                   (CdWindow *self);
void cd_window_schedule_recount          (CdWindow *self);
void cd_window_recount_after_first_frame (CdWindow *self);
void cd_window_start_clocks              (CdWindow *self);
void cd_window_stop_clocks               (CdWindow *self);
void cd_window_restore_state             (CdWindow *self);
int  cd_window_get_expected_height       (CdWindow *self);
void cd_window_setup_primary_menu        (CdWindow *self);
void cd_window_save_state                (CdWindow *self);

G_END_DECLS
