/* cd-shop-settings.h — the shop's name and currency, kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-database.h"

G_BEGIN_DECLS

#define CD_TYPE_SHOP_SETTINGS (cd_shop_settings_get_type ())
G_DECLARE_FINAL_TYPE (CdShopSettings, cd_shop_settings, CD, SHOP_SETTINGS, GObject)

/* A plain record: the fields are public, strings are owned and never NULL. */
struct _CdShopSettings
{
  GObject  parent_instance;

  char    *name;
  char    *currency;  /* ISO 4217 */
};

CdShopSettings *cd_shop_settings_new  (void);
CdShopSettings *cd_shop_settings_load (CdDatabase      *db,
                                       GError         **error);
gboolean        cd_shop_settings_save (CdShopSettings  *self,
                                       CdDatabase      *db,
                                       GError         **error);
gboolean        cd_shop_settings_currency_is_valid (const char *currency);

G_END_DECLS
