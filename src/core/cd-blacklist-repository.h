/* cd-blacklist-repository.h — the blacklist in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-blacklist-entry.h"
#include "cd-case-repository.h"
#include "cd-database.h"

G_BEGIN_DECLS

#define CD_TYPE_BLACKLIST_REPOSITORY (cd_blacklist_repository_get_type ())
G_DECLARE_FINAL_TYPE (CdBlacklistRepository, cd_blacklist_repository, CD, BLACKLIST_REPOSITORY,
                      GObject)

CdBlacklistRepository *cd_blacklist_repository_new        (CdDatabase             *db);

gboolean   cd_blacklist_repository_insert          (CdBlacklistRepository  *self,
                                                    CdBlacklistEntry       *entry,
                                                    GError                **error);
CdBlacklistEntry *cd_blacklist_repository_load     (CdBlacklistRepository  *self,
                                                    gint64                  id,
                                                    GError                **error);
gboolean   cd_blacklist_repository_update          (CdBlacklistRepository  *self,
                                                    CdBlacklistEntry       *entry,
                                                    GError                **error);
gboolean   cd_blacklist_repository_set_active      (CdBlacklistRepository  *self,
                                                    gint64                  id,
                                                    gboolean                active,
                                                    GError                **error);
gboolean   cd_blacklist_repository_delete          (CdBlacklistRepository  *self,
                                                    gint64                  id,
                                                    GError                **error);
GPtrArray *cd_blacklist_repository_list            (CdBlacklistRepository  *self,
                                                    GError                **error);
gint64     cd_blacklist_repository_count           (CdBlacklistRepository  *self,
                                                    GError                **error);
GPtrArray *cd_blacklist_repository_find_matches    (CdBlacklistRepository  *self,
                                                    const char             *buyer_id,
                                                    const char             *nickname,
                                                    const char             *phone,
                                                    GError                **error);
gboolean   cd_blacklist_repository_store_imported  (CdBlacklistRepository  *self,
                                                    CdBlacklistEntry       *entry,
                                                    CdStoreResult          *result,
                                                    GError                **error);
void       cd_blacklist_repository_emit_reset      (CdBlacklistRepository  *self);

/* The normalised look-up keys stored beside an entry */
typedef struct
{
  char *buyer_id;
  char *nickname;
  char *phone;
} CdBlacklistKeys;

void       cd_blacklist_keys_init                  (CdBlacklistKeys        *keys,
                                                    const CdBlacklistEntry *entry);
void       cd_blacklist_keys_clear                 (CdBlacklistKeys        *keys);
gboolean   cd_blacklist_repository_begin_bulk      (CdBlacklistRepository  *self,
                                                    guint                   n_entries,
                                                    GError                **error);
gboolean   cd_blacklist_repository_end_bulk        (CdBlacklistRepository  *self,
                                                    gboolean                stored,
                                                    GError                **error);
gboolean   cd_blacklist_repository_store_imported_full (CdBlacklistRepository  *self,
                                                        CdBlacklistEntry       *entry,
                                                        const CdBlacklistKeys  *keys,
                                                        CdStoreResult          *result,
                                                        GError                **error);

/* Added for the blacklist view and its list model. */
CdDatabase *cd_blacklist_repository_get_database   (CdBlacklistRepository  *self);
gboolean   cd_blacklist_repository_restore         (CdBlacklistRepository  *self,
                                                    CdBlacklistEntry       *entry,
                                                    GError                **error);

G_END_DECLS
