/* cd-reports-view.h — what service costs, and how it went, over a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-database.h"

G_BEGIN_DECLS

typedef enum
{
  CD_REPORT_PERIOD_MONTH,
  CD_REPORT_PERIOD_3_MONTHS,
  CD_REPORT_PERIOD_12_MONTHS,
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

G_END_DECLS
