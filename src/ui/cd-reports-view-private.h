/* cd-reports-view-private.h — CdReportsView's state, shared with cd-reports-view-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-chart.h"
#include "cd-report.h"
#include "cd-reports-view.h"

G_BEGIN_DECLS

struct _CdReportsView
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkWidget       *back_button;
  GtkSpinner      *spinner;
  AdwWindowTitle  *window_title;
  GtkDropDown     *period_dropdown;
  GtkToggleButton *month_button;
  GtkToggleButton *quarter_button;
  GtkToggleButton *year_button;
  GtkToggleButton *custom_button;
  GtkWidget       *empty_page;
  GtkWidget       *content_box;
  GtkFlowBox      *totals_box;
  CdChart         *chart;
  GtkFlowBox      *legend_box;
  GtkGrid         *category_grid;
  GtkGrid         *root_cause_grid;
  GtkLabel        *satisfaction_label;
  GtkLabel        *satisfaction_count_label;
  CdChart         *satisfaction_chart;
  GtkFlowBox      *satisfaction_legend;
  GtkGrid         *satisfaction_grid;
  AdwEntryRow     *orders_row;
  AdwEntryRow     *revenue_row;
  GtkLabel        *per_order_label;
  GtkLabel        *share_label;

  /* Borrowed: value labels of the totals, children of totals_box */
  GtkLabel        *cost_value;
  GtkLabel        *cases_value;
  GtkLabel        *closed_value;
  GtkLabel        *median_value;
  GtkLabel        *kept_value;
  GtkLabel        *late_value;
  GtkLabel        *pending_value;

  /* Owned */
  CdDatabase      *db;
  char            *currency;
  CdReport        *report;
  GCancellable    *cancellable;   /* of the computation under way */
  GDateTime       *custom_from;   /* the custom period's first and last day, local midnight */
  GDateTime       *custom_to;
  GtkFileChooserNative *chooser;

  CdReportPeriod   period;
  gboolean         computing;
  gboolean         syncing;       /* setting the toggles from the period, not the user */
};

void cd_reports_view_add_tiles           (CdReportsView *self);
void cd_reports_view_show_report         (CdReportsView *self);
void cd_reports_view_update_per_order    (CdReportsView *self);
void cd_reports_view_sync_toggles        (CdReportsView *self);
void cd_reports_view_open_custom_dialog  (CdReportsView *self);
void cd_reports_view_install_actions     (GtkWidgetClass *widget_class);
void cd_reports_view_update_actions      (CdReportsView *self);
void cd_reports_view_toast               (CdReportsView *self,
                                          const char    *text);

G_END_DECLS
