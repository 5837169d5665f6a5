/* cd-case-summary.h — what a row of the case list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cd-enums.h"

G_BEGIN_DECLS

#define CD_TYPE_CASE_SUMMARY (cd_case_summary_get_type ())
G_DECLARE_FINAL_TYPE (CdCaseSummary, cd_case_summary, CD, CASE_SUMMARY, GObject)

/* A plain record with read-only properties of the same names, for list factories. */
struct _CdCaseSummary
{
  GObject            parent_instance;

  gint64             id;
  char              *customer_name;
  char              *buyer_id;
  CdPlatform         platform;
  char              *order_number;
  char              *product;
  CdCategory         category;
  CdSeverity         severity;
  CdStage            stage;
  gint64             created_at;
  gint64             promised_by;      /* CD_TIME_UNSET when none */
  gint64             next_follow_up;   /* the earliest follow-up not done, or CD_TIME_UNSET */
  gint64             compensation_total;
  gboolean           overdue;
};

CdCaseSummary *cd_case_summary_new (void);

G_END_DECLS
