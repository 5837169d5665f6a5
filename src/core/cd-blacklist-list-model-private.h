/* cd-blacklist-list-model-private.h — what the list model's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-blacklist-list-model.h"

G_BEGIN_DECLS

/* The keys a search matches, in the order their matches are listed. */
typedef enum
{
  GROUP_BUYER_ID,
  GROUP_NICKNAME,
  GROUP_PHONE,
  N_GROUPS
} CdBlacklistGroup;

/* What orders and filters one entry. */
typedef struct
{
  gint64    id;
  gint64    added_at;
  gboolean  active;
  char     *keys[N_GROUPS];
} CdBlacklistRowKeys;

struct _CdBlacklistListModel
{
  GObject                parent_instance;

  /* Owned */
  CdBlacklistRepository *repository;
  char                  *search;
  char                  *prefixes[N_GROUPS];  /* NULL where that key is not searched */
  GArray                *ids;                 /* gint64, in list order */
  GHashTable            *cache;               /* id → CdBlacklistEntry */
  GHashTable            *inactive;            /* ids of inactive entries; NULL until needed */

  gboolean               show_inactive;
};

/* cd-blacklist-list-model-query.c: which ids, in which order */
gboolean _cd_blacklist_list_model_is_searching     (CdBlacklistListModel      *self);
void     _cd_blacklist_list_model_compute_prefixes (const char                *search,
                                                    char                      *prefixes[N_GROUPS]);
void     _cd_blacklist_list_model_clear_prefixes   (char                      *prefixes[N_GROUPS]);
GArray  *_cd_blacklist_list_model_read_ids         (CdBlacklistListModel      *self,
                                                    GError                   **error);
gboolean _cd_blacklist_list_model_read_row_keys    (CdBlacklistListModel      *self,
                                                    gint64                     id,
                                                    CdBlacklistRowKeys        *row,
                                                    GError                   **error);
void     _cd_blacklist_list_model_row_keys_clear   (CdBlacklistRowKeys        *row);
int      _cd_blacklist_list_model_row_group        (CdBlacklistListModel      *self,
                                                    const CdBlacklistRowKeys  *row);
int      _cd_blacklist_list_model_compare_rows     (CdBlacklistListModel      *self,
                                                    const CdBlacklistRowKeys  *a,
                                                    int                        group_a,
                                                    const CdBlacklistRowKeys  *b,
                                                    int                        group_b);

G_END_DECLS
