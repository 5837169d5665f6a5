/* cd-blacklist-entry-dialog.h — adding or editing one blacklist entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-blacklist-repository.h"
#include "cd-case.h"

G_BEGIN_DECLS

#define CD_TYPE_BLACKLIST_ENTRY_DIALOG (cd_blacklist_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CdBlacklistEntryDialog, cd_blacklist_entry_dialog, CD,
                      BLACKLIST_ENTRY_DIALOG, AdwWindow)

CdBlacklistEntryDialog *cd_blacklist_entry_dialog_new           (GtkWindow              *parent,
                                                                 CdBlacklistRepository  *blacklist,
                                                                 CdBlacklistEntry       *entry,
                                                                 CdCase                 *from_case);
gint64                  cd_blacklist_entry_dialog_get_entry_id  (CdBlacklistEntryDialog *self);
void                    cd_blacklist_entry_dialog_describe_case (CdBlacklistEntryDialog *self,
                                                                 CdCase                 *kase);

G_END_DECLS
