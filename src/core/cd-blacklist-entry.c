/* cd-blacklist-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-blacklist-entry"

#include "cd-blacklist-entry.h"

G_DEFINE_FINAL_TYPE (CdBlacklistEntry, cd_blacklist_entry, G_TYPE_OBJECT)

static void
cd_blacklist_entry_finalize (GObject *object)
{
  CdBlacklistEntry *self = (CdBlacklistEntry *) object;

  g_free (self->uid);
  g_free (self->buyer_id);
  g_free (self->nickname);
  g_free (self->phone);
  g_free (self->name);
  g_free (self->evidence);
  g_ptr_array_unref (self->case_uids);
  G_OBJECT_CLASS (cd_blacklist_entry_parent_class)->finalize (object);
}

static void
cd_blacklist_entry_class_init (CdBlacklistEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_blacklist_entry_finalize;
}

static void
cd_blacklist_entry_init (CdBlacklistEntry *self)
{
  self->uid = g_strdup ("");
  self->platform = CD_PLATFORM_OTHER;
  self->buyer_id = g_strdup ("");
  self->nickname = g_strdup ("");
  self->phone = g_strdup ("");
  self->name = g_strdup ("");
  self->reason = CD_REASON_OTHER;
  self->evidence = g_strdup ("");
  self->case_uids = g_ptr_array_new_with_free_func (g_free);
  self->active = TRUE;
}

/**
 * cd_blacklist_entry_new:
 *
 * Returns: (transfer full): an empty, active entry
 */
CdBlacklistEntry *
cd_blacklist_entry_new (void)
{
  return g_object_new (CD_TYPE_BLACKLIST_ENTRY, NULL);
}
