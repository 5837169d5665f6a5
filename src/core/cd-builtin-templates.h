/* cd-builtin-templates.h — the message templates CompDesk ships, and choosing one for a step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-case.h"
#include "cd-database.h"
#include "cd-template-repository.h"

G_BEGIN_DECLS

/* The settings key that remembers the built-ins were added once, so deletions stick. */
#define CD_BUILTIN_TEMPLATES_KEY "builtin-templates-seeded"

gboolean           cd_builtin_templates_seed         (CdDatabase            *db,
                                                      GBytes                *json,
                                                      GError               **error);
CdMessageTemplate *cd_builtin_templates_pick         (CdTemplateRepository  *repo,
                                                      const char            *stage,
                                                      const char            *language,
                                                      GError               **error);

const char        *cd_builtin_templates_get_default_language (void);
const char        *cd_builtin_templates_resolve_language     (const char    *language);
char              *cd_builtin_templates_dup_pair_key         (const char    *uid);

char              *cd_builtin_templates_describe_remedy (CdCompensation  *compensation,
                                                         const char      *language,
                                                         const char      *currency);
char              *cd_builtin_templates_format_deadline (gint64           usec,
                                                         const char      *language);
GHashTable        *cd_builtin_templates_case_values     (CdCase          *kase,
                                                         const char      *language,
                                                         const char      *currency,
                                                         const char      *shop_name);

G_END_DECLS
