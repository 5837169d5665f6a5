/* cd-case-list-model.h — a lazy GListModel of CdCaseSummary over SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cd-case-repository.h"
#include "cd-case-summary.h"

G_BEGIN_DECLS

typedef enum
{
  CD_VIEW_OPEN,       /* every case not closed */
  CD_VIEW_DUE_TODAY,  /* a promise or a follow-up falls due later today */
  CD_VIEW_OVERDUE,    /* a promise or a follow-up is past due */
  CD_VIEW_CLOSED,
  CD_VIEW_ALL,
  CD_N_VIEWS
} CdView;

typedef enum
{
  CD_SORT_CREATED,
  CD_SORT_BUYER,
  CD_SORT_PLATFORM,
  CD_SORT_ORDER,
  CD_SORT_CATEGORY,
  CD_SORT_SEVERITY,
  CD_SORT_STAGE,
  CD_SORT_PROMISED_BY,
  CD_SORT_TOTAL,
} CdCaseSort;

#define CD_ANY (-1)

/* What the list shows. Times are UTC microseconds; the day bounds are the local day's. */
typedef struct
{
  CdView      view;
  char       *search;      /* free text, or NULL */
  int         platform;    /* a CdPlatform, or CD_ANY */
  int         stage;       /* a CdStage, or CD_ANY */
  int         category;    /* a CdCategory, or CD_ANY */
  int         severity;    /* a CdSeverity, or CD_ANY */
  CdCaseSort  sort;
  gboolean    descending;
  gint64      now;
  gint64      day_start;
  gint64      day_end;
} CdCaseQuery;

#define CD_TYPE_CASE_QUERY (cd_case_query_get_type ())
GType        cd_case_query_get_type (void) G_GNUC_CONST;
CdCaseQuery *cd_case_query_new      (CdView       view);
CdCaseQuery *cd_case_query_copy     (const CdCaseQuery *query);
void         cd_case_query_free     (CdCaseQuery *query);
void         cd_case_query_set_today (CdCaseQuery *query,
                                      gint64       now);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdCaseQuery, cd_case_query_free)

#define CD_TYPE_CASE_LIST_MODEL (cd_case_list_model_get_type ())
G_DECLARE_FINAL_TYPE (CdCaseListModel, cd_case_list_model, CD, CASE_LIST_MODEL, GObject)

CdCaseListModel   *cd_case_list_model_new        (CdCaseRepository   *repository,
                                                  const CdCaseQuery  *query);
CdCaseListModel   *cd_case_list_model_new_deferred (CdCaseRepository *repository,
                                                    const CdCaseQuery *query);
void               cd_case_list_model_resume     (CdCaseListModel    *self);
gboolean           cd_case_list_model_is_counting (CdCaseListModel   *self);
const CdCaseQuery *cd_case_list_model_get_query  (CdCaseListModel    *self);
gboolean           cd_case_list_model_set_query  (CdCaseListModel    *self,
                                                  const CdCaseQuery  *query,
                                                  GError            **error);
gboolean           cd_case_list_model_refresh    (CdCaseListModel    *self,
                                                  GError            **error);
gboolean           cd_case_list_model_set_now    (CdCaseListModel    *self,
                                                  gint64              now,
                                                  GError            **error);
int                cd_case_list_model_find       (CdCaseListModel    *self,
                                                  gint64              case_id);
gboolean           cd_case_list_model_count_views (CdCaseRepository  *repository,
                                                   const CdCaseQuery *today,
                                                   gint64             counts[CD_N_VIEWS],
                                                   GError           **error);

G_END_DECLS
