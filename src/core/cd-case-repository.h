/* cd-case-repository.h — cases in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-case.h"
#include "cd-database.h"

G_BEGIN_DECLS

#define CD_TYPE_CASE_REPOSITORY (cd_case_repository_get_type ())
G_DECLARE_FINAL_TYPE (CdCaseRepository, cd_case_repository, CD, CASE_REPOSITORY, GObject)

CdCaseRepository *cd_case_repository_new           (CdDatabase        *db);
CdDatabase       *cd_case_repository_get_database  (CdCaseRepository  *self);

gboolean          cd_case_repository_insert        (CdCaseRepository  *self,
                                                    CdCase            *kase,
                                                    GError           **error);
CdCase           *cd_case_repository_load          (CdCaseRepository  *self,
                                                    gint64             id,
                                                    GError           **error);
CdCase           *cd_case_repository_load_by_uid   (CdCaseRepository  *self,
                                                    const char        *uid,
                                                    GError           **error);
gboolean          cd_case_repository_update        (CdCaseRepository  *self,
                                                    CdCase            *kase,
                                                    GError           **error);
gboolean          cd_case_repository_add_event     (CdCaseRepository  *self,
                                                    CdCase            *kase,
                                                    const char        *kind,
                                                    const char        *text,
                                                    GError           **error);
gboolean          cd_case_repository_delete        (CdCaseRepository  *self,
                                                    gint64             id,
                                                    GError           **error);
gboolean          cd_case_repository_restore       (CdCaseRepository  *self,
                                                    CdCase            *kase,
                                                    GError           **error);
gint64            cd_case_repository_count         (CdCaseRepository  *self,
                                                    GError           **error);

/* For the importer: inside the caller's transaction, no events added, no signals. */
typedef enum
{
  CD_STORE_ADDED,
  CD_STORE_UPDATED,
  CD_STORE_UNCHANGED,
} CdStoreResult;

gboolean          cd_case_repository_store_imported (CdCaseRepository *self,
                                                     CdCase           *kase,
                                                     CdStoreResult    *result,
                                                     GError          **error);
gboolean          cd_case_repository_store_imported_full (CdCaseRepository *self,
                                                          CdCase           *kase,
                                                          const char       *search_body,
                                                          CdStoreResult    *result,
                                                          GError          **error);
char             *cd_case_search_body                (const CdCase     *kase);
void              cd_case_repository_emit_reset     (CdCaseRepository *self);
gboolean          cd_case_repository_begin_bulk     (CdCaseRepository *self,
                                                     GError          **error);
gboolean          cd_case_repository_end_bulk       (CdCaseRepository *self,
                                                     GError          **error);
gboolean          cd_case_repository_index_bulk     (CdCaseRepository *self,
                                                     GError          **error);

G_END_DECLS
