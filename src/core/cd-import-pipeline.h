/* cd-import-pipeline.h — parsing an export's records on two threads (cd-importer.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-json-scan.h"

G_BEGIN_DECLS

/* The two lists an export holds a record at a time, in the order they are stored */
enum { CD_IMPORT_BLACKLIST, CD_IMPORT_CASES, CD_IMPORT_N_LISTS };

/* Up to 256 consecutive records of one list, parsed */
typedef struct
{
  guint      list;
  guint      first;          /* the index of its first record in its list */
  GPtrArray *records;        /* CdCase or CdBlacklistEntry */
  /* What storing a record needs worked out from it, worked out by the parsing thread */
  GPtrArray *search_bodies;  /* of cases: cd_case_search_body() */
  GArray    *keys;           /* of blacklist entries: CdBlacklistKeys */
  GError    *error;          /* the first record that failed, which ends the batch */
} CdImportBatch;

typedef struct _CdImportPipeline CdImportPipeline;

CdImportPipeline *cd_import_pipeline_new     (const char         *data,
                                              gsize               length);
void              cd_import_pipeline_add     (CdImportPipeline   *self,
                                              guint               list,
                                              guint               member,
                                              CdJsonSpan          element);
void              cd_import_pipeline_scanned (CdImportPipeline   *self,
                                              const int          *members);
CdImportBatch    *cd_import_pipeline_next    (CdImportPipeline   *self);
void              cd_import_pipeline_stored  (CdImportPipeline   *self,
                                              CdImportBatch      *batch,
                                              gboolean            ok);
void              cd_import_pipeline_free    (CdImportPipeline   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdImportPipeline, cd_import_pipeline_free)

G_END_DECLS
