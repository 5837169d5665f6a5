/* cd-settings-store.h — values the shop's database keeps under a key (the settings table)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-database.h"

G_BEGIN_DECLS

gboolean cd_settings_store_get (CdDatabase  *db,
                                const char  *key,
                                char       **value,
                                GError     **error);
gboolean cd_settings_store_set (CdDatabase  *db,
                                const char  *key,
                                const char  *value,
                                GError     **error);

G_END_DECLS
