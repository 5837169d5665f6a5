/* cd-case-page-private.h — CdCasePage's insides, shared by its two source files
 *
 * cd-case-page.c holds the widget, its actions and signals; cd-case-page-sections.c turns a
 * loaded CdCase into the rows of the page's sections; cd-case-page-follow-ups.c records and
 * plans return visits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-case-page.h"

G_BEGIN_DECLS

struct _CdCasePage
{
  AdwBin                 parent_instance;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  GtkButton             *edit_button;
  GtkScrolledWindow     *scroller;
  GtkWidget             *content;
  GtkRevealer           *blacklist_revealer;
  GtkLabel              *blacklist_title;
  GtkLabel              *blacklist_body;
  GtkFlowBox            *status_box;
  GtkListBox            *buyer_list;
  GtkListBox            *order_list;
  GtkListBox            *complaint_list;
  GtkListBox            *promise_list;
  GtkListBox            *compensation_list;
  GtkLabel              *compensation_total;
  GtkListBox            *followup_list;
  GtkListBox            *improvement_list;
  GtkListBox            *timeline_list;

  /* Owned */
  CdCaseRepository      *repository;
  CdBlacklistRepository *blacklist;  /* NULL: the edit form does no look-ups */
  CdCase                *kase;       /* the case shown, NULL before the first or after deletion */
  char                  *currency;

  gint64                 case_id;    /* 0 when no case is shown */
};

void cd_case_page_fill_sections (CdCasePage *self,
                                 gint64      now);
void cd_case_page_clear_sections (CdCasePage *self);

void cd_case_page_record_follow_up (CdCasePage *self,
                                    guint       index);
void cd_case_page_plan_follow_up   (CdCasePage *self);

G_END_DECLS
