/* cd-template-repository.h — message templates in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-case-repository.h"
#include "cd-database.h"
#include "cd-message-template.h"

G_BEGIN_DECLS

#define CD_TYPE_TEMPLATE_REPOSITORY (cd_template_repository_get_type ())
G_DECLARE_FINAL_TYPE (CdTemplateRepository, cd_template_repository, CD, TEMPLATE_REPOSITORY,
                      GObject)

CdTemplateRepository *cd_template_repository_new    (CdDatabase            *db);

gboolean   cd_template_repository_insert            (CdTemplateRepository  *self,
                                                     CdMessageTemplate     *tmpl,
                                                     GError               **error);
CdMessageTemplate *cd_template_repository_load      (CdTemplateRepository  *self,
                                                     gint64                 id,
                                                     GError               **error);
gboolean   cd_template_repository_update            (CdTemplateRepository  *self,
                                                     CdMessageTemplate     *tmpl,
                                                     GError               **error);
gboolean   cd_template_repository_delete            (CdTemplateRepository  *self,
                                                     gint64                 id,
                                                     GError               **error);
GPtrArray *cd_template_repository_list              (CdTemplateRepository  *self,
                                                     GError               **error);
gboolean   cd_template_repository_store_imported    (CdTemplateRepository  *self,
                                                     CdMessageTemplate     *tmpl,
                                                     CdStoreResult         *result,
                                                     GError               **error);

G_END_DECLS
