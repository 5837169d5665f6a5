/* cd-sample-shop.h — a sample shop to explore CompDesk with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-database.h"

G_BEGIN_DECLS

CdDatabase *cd_sample_shop_create (const char  *path,
                                   GBytes      *json,
                                   gint64       now,
                                   GError     **error);

G_END_DECLS
