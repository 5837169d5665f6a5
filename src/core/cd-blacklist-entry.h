/* cd-blacklist-entry.h — a buyer who abused the shop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cd-enums.h"

G_BEGIN_DECLS

#define CD_TYPE_BLACKLIST_ENTRY (cd_blacklist_entry_get_type ())
G_DECLARE_FINAL_TYPE (CdBlacklistEntry, cd_blacklist_entry, CD, BLACKLIST_ENTRY, GObject)

/* A plain record: the fields are public, strings are owned and never NULL. At least one of
 * buyer_id, nickname and phone is set. */
struct _CdBlacklistEntry
{
  GObject            parent_instance;

  gint64             id;        /* 0 until stored */
  char              *uid;
  CdPlatform         platform;
  char              *buyer_id;
  char              *nickname;
  char              *phone;
  char              *name;
  CdBlacklistReason  reason;
  char              *evidence;
  GPtrArray         *case_uids; /* (element-type utf8) the cases it came from */
  gint64             added_at;
  gboolean           active;
};

CdBlacklistEntry *cd_blacklist_entry_new (void);

G_END_DECLS
