/* cd-reports-view.h — what service costs, and how it went, over a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-database.h"
#include "cd-report.h"

G_BEGIN_DECLS

/* In the order the view offers them: the narrow page's drop-down uses these as positions. */
typedef enum
{
  CD_REPORT_PERIOD_MONTH,
  CD_REPORT_PERIOD_3_MONTHS,
  CD_REPORT_PERIOD_12_MONTHS,
  CD_REPORT_PERIOD_CUSTOM,
} CdReportPeriod;

#define CD_TYPE_REPORTS_VIEW (cd_reports_view_get_type ())
G_DECLARE_FINAL_TYPE (CdReportsView, cd_reports_view, CD, REPORTS_VIEW, AdwBin)

CdReportsView  *cd_reports_view_new          (CdDatabase     *db,
                                              const char     *currency);
void            cd_reports_view_set_folded   (CdReportsView  *self,
                                              gboolean        folded);
void            cd_reports_view_refresh      (CdReportsView  *self);
void            cd_reports_view_set_period   (CdReportsView  *self,
                                              CdReportPeriod  period);
CdReportPeriod  cd_reports_view_get_period   (CdReportsView  *self);
void            cd_reports_view_get_range    (CdReportPeriod  period,
                                              GDateTime      *now,
                                              gint64         *from,
                                              gint64         *to);
gboolean        cd_reports_view_set_custom_period (CdReportsView *self,
                                                   GDateTime     *first_day,
                                                   GDateTime     *last_day);
gboolean        cd_reports_view_get_computing (CdReportsView *self);
const CdReport *cd_reports_view_get_report   (CdReportsView  *self);
gboolean        cd_reports_view_export_csv   (CdReportsView  *self,
                                              const char     *path,
                                              GError        **error);
gboolean        cd_reports_view_print_to_pdf (CdReportsView  *self,
                                              const char     *path,
                                              int            *n_pages,
                                              GError        **error);

G_END_DECLS
