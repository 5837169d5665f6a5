/* cd-preferences.h — the shop and its compensation policy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-database.h"

G_BEGIN_DECLS

/* Called after the shop's settings were saved (a new currency, a new name). */
typedef void (*CdShopChangedFunc) (gpointer user_data);

GtkWindow *cd_preferences_new (GtkWindow         *parent,
                               CdDatabase        *db,
                               CdShopChangedFunc  shop_changed,
                               gpointer           user_data);

G_END_DECLS
