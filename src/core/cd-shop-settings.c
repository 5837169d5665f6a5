/* cd-shop-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-shop-settings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-error.h"
#include "cd-shop-settings.h"

G_DEFINE_FINAL_TYPE (CdShopSettings, cd_shop_settings, G_TYPE_OBJECT)

static void
cd_shop_settings_finalize (GObject *object)
{
  CdShopSettings *self = (CdShopSettings *) object;

  g_free (self->name);
  g_free (self->currency);
  G_OBJECT_CLASS (cd_shop_settings_parent_class)->finalize (object);
}

static void
cd_shop_settings_class_init (CdShopSettingsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_shop_settings_finalize;
}

static void
cd_shop_settings_init (CdShopSettings *self)
{
  self->name = g_strdup ("");
  self->currency = g_strdup ("CNY");
}

/**
 * cd_shop_settings_new:
 *
 * Returns: (transfer full): defaults: no name, CNY
 */
CdShopSettings *
cd_shop_settings_new (void)
{
  return g_object_new (CD_TYPE_SHOP_SETTINGS, NULL);
}

/* ISO 4217 codes are three capital letters. */
gboolean
cd_shop_settings_currency_is_valid (const char *currency)
{
  if (currency == NULL || strlen (currency) != 3)
    return FALSE;
  for (int i = 0; i < 3; i++)
    if (!g_ascii_isupper (currency[i]))
      return FALSE;
  return TRUE;
}

/**
 * cd_shop_settings_load:
 *
 * Returns: (transfer full): the shop's settings, or %NULL with @error set
 */
CdShopSettings *
cd_shop_settings_load (CdDatabase  *db,
                       GError     **error)
{
  g_autoptr(CdShopSettings) self = cd_shop_settings_new ();
  sqlite3_stmt *stmt = cd_database_prepare (db, "SELECT name, currency FROM shop WHERE id = 1",
                                            error);

  if (stmt == NULL)
    return NULL;

  switch (cd_database_step (db, stmt, error))
    {
    case CD_STEP_ROW:
      g_free (self->name);
      self->name = g_strdup (cd_database_column_text (stmt, 0));
      g_free (self->currency);
      self->currency = g_strdup (cd_database_column_text (stmt, 1));
      cd_database_release (stmt);
      return g_steal_pointer (&self);
    case CD_STEP_DONE:
      return g_steal_pointer (&self);
    case CD_STEP_ERROR:
    default:
      return NULL;
    }
}

gboolean
cd_shop_settings_save (CdShopSettings  *self,
                       CdDatabase      *db,
                       GError         **error)
{
  sqlite3_stmt *stmt;

  if (!cd_shop_settings_currency_is_valid (self->currency))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                   _("The currency must be an ISO 4217 code such as CNY or USD"));
      return FALSE;
    }

  stmt = cd_database_prepare (db,
                              "INSERT INTO shop (id, name, currency) VALUES (1, :name, :currency) "
                              "ON CONFLICT (id) DO UPDATE SET name = :name, currency = :currency",
                              error);
  if (stmt == NULL)
    return FALSE;
  cd_database_bind_text (stmt, ":name", self->name);
  cd_database_bind_text (stmt, ":currency", self->currency);
  return cd_database_step_done (db, stmt, error);
}
