/* cd-report.h — what service costs, over a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-database.h"

G_BEGIN_DECLS

/* One (month, compensation kind) cell of the cost table. */
typedef struct
{
  char   *month;  /* "YYYY-MM", in the report's time zone */
  char   *kind;   /* the CdCompensationKind nick, as stored */
  gint64  cost;   /* minor units */
} CdReportCostRow;

/* How many cases fall under one category or root cause. */
typedef struct
{
  char   *key;    /* the CdCategory or CdRootCause nick; "" is a root cause not yet known */
  gint64  count;
} CdReportCountRow;

/* Satisfaction scores recorded by follow-ups: a statistic, so the average is a double. */
typedef struct
{
  char   *month;            /* "YYYY-MM" as in CdReport:months; NULL for the whole period */
  gint64  count;            /* follow-ups with a score */
  double  average;          /* 0 when count is 0 */
  gint64  distribution[5];  /* distribution[i] counts the score i + 1 */
} CdReportSatisfaction;

/* A plain record; every figure is over the half-open period [from, to) of UTC microseconds.
 * See cd-report.c for which time places each thing in the period. */
typedef struct
{
  gint64                from;
  gint64                to;
  gint64                now;

  GTimeZone            *zone;                  /* where its months begin and end */

  /* "YYYY-MM": every month of the report's time zone that the period touches, in order */
  GStrv                 months;
  char                 *month_ranges;          /* private: the months' bounds, as JSON */

  /* cost of compensations done or accepted */
  gint64                total_cost;            /* minor units */
  GPtrArray            *cost_by_month_kind;    /* (element-type CdReportCostRow), by month, kind */

  /* cases first contacted in the period */
  gint64                n_cases;
  GPtrArray            *cases_by_category;     /* (element-type CdReportCountRow), most first */
  GPtrArray            *cases_by_root_cause;   /* (element-type CdReportCountRow), most first */

  /* follow-ups done in the period */
  CdReportSatisfaction  satisfaction;          /* month is NULL */
  GPtrArray            *satisfaction_by_month; /* (element-type CdReportSatisfaction), by month */

  /* of the cases first contacted in the period, those closed */
  gint64                n_closed;
  gint64                median_time_to_close;  /* microseconds; 0 when n_closed is 0 */

  /* cases whose promised deadline falls in the period */
  gint64                promises_kept;
  gint64                promises_late;
  gint64                promises_pending;
} CdReport;

CdReport *cd_report_compute                (CdDatabase      *db,
                                            gint64           from,
                                            gint64           to,
                                            gint64           now,
                                            GError         **error);
CdReport *cd_report_compute_in_zone        (CdDatabase      *db,
                                            GTimeZone       *zone,
                                            gint64           from,
                                            gint64           to,
                                            gint64           now,
                                            GError         **error);
void      cd_report_free                   (CdReport        *self);

gint64    cd_report_cost_per_order         (const CdReport  *self,
                                            gint64           orders);
gint64    cd_report_cost_share_per_mille   (const CdReport  *self,
                                            gint64           revenue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdReport, cd_report_free)

G_END_DECLS
