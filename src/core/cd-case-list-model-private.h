/* cd-case-list-model-private.h — what the case list model's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-case-list-model.h"

G_BEGIN_DECLS

/* cd-case-list-model-query.c: which ids, in which order, and their rows */
char    *_cd_case_list_model_build_sql       (const CdCaseQuery  *query,
                                              const char         *match,
                                              gboolean            count);
void     _cd_case_list_model_bind_query      (sqlite3_stmt       *stmt,
                                              const CdCaseQuery  *query);
const char *_cd_case_list_model_summaries_sql (void);
void     _cd_case_list_model_read_summaries  (CdDatabase         *db,
                                              const CdCaseQuery  *query,
                                              const gint64       *ids,
                                              guint               n_ids,
                                              CdCaseSummary     **summaries);
GArray  *_cd_case_list_model_read_matches    (CdDatabase         *db,
                                              const char         *match,
                                              GError            **error);
gboolean _cd_case_list_model_matches_contain (GArray             *matches,
                                              gint64              id);

G_END_DECLS
