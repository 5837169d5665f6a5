/* cd-preferences.c — the shop and its compensation policy
 *
 * An AdwPreferencesWindow with two pages: the shop's name and currency, kept in the database
 * (CdShopSettings), and the compensation policy (CdPolicyEditor). Every change is saved as it
 * is applied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-policy-editor.h"
#include "cd-preferences.h"
#include "cd-shop-settings.h"

typedef struct
{
  CdDatabase        *db;
  CdShopChangedFunc  shop_changed;
  gpointer           user_data;
} Preferences;

static void
preferences_free (gpointer data)
{
  Preferences *prefs = data;

  g_clear_object (&prefs->db);
  g_free (prefs);
}

static void
on_shop_row_apply_cb (AdwEntryRow *row,
                      Preferences *prefs)
{
  g_autoptr(CdShopSettings) shop = cd_shop_settings_load (prefs->db, NULL);
  g_autoptr(GError) error = NULL;
  const char *which = g_object_get_data (G_OBJECT (row), "cd-field");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (shop == NULL)
    return;
  if (g_str_equal (which, "currency"))
    {
      g_autofree char *code = g_ascii_strup (text, -1);

      if (!cd_shop_settings_currency_is_valid (code))
        {
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          return;
        }
      g_free (shop->currency);
      shop->currency = g_steal_pointer (&code);
    }
  else
    {
      g_free (shop->name);
      shop->name = g_strdup (text);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (!cd_shop_settings_save (shop, prefs->db, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      g_warning ("Cannot save the shop settings: %s", error->message);
      return;
    }
  prefs->shop_changed (prefs->user_data);
}

static GtkWidget *
shop_entry_row (Preferences *prefs,
                const char  *title,
                const char  *field,
                const char  *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "cd-field", (gpointer) field);
  g_signal_connect (row, "apply", G_CALLBACK (on_shop_row_apply_cb), prefs);
  return row;
}

/* libadwaita 1.2's own search button shows only an icon and a tooltip; a screen reader
 * would call it just "toggle button". */
static void
label_search_button (AdwPreferencesWindow *window)
{
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (window),
                                                   ADW_TYPE_PREFERENCES_WINDOW,
                                                   "search_button");

  if (GTK_IS_ACCESSIBLE (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search Preferences"), -1);
}

/**
 * cd_preferences_new:
 * @parent: the main window; the preferences are modal to it and go with it
 * @shop_changed: (scope notified): told after the shop's settings were saved
 *
 * Returns: (transfer none): the preferences window, not yet shown
 */
GtkWindow *
cd_preferences_new (GtkWindow         *parent,
                    CdDatabase        *db,
                    CdShopChangedFunc  shop_changed,
                    gpointer           user_data)
{
  g_autoptr(CdShopSettings) shop = cd_shop_settings_load (db, NULL);
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  Preferences *prefs = g_new0 (Preferences, 1);

  prefs->db = g_object_ref (db);
  prefs->shop_changed = shop_changed;
  prefs->user_data = user_data;
  g_object_set_data_full (G_OBJECT (window), "cd-preferences", prefs, preferences_free);
  if (shop == NULL)
    shop = cd_shop_settings_new ();

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Shop"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "emblem-system-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Your Shop"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The name goes into messages to buyers; money is "
                                           "kept in the currency’s smallest unit."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             shop_entry_row (prefs, _("Shop _Name"), "name", shop->name));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             shop_entry_row (prefs, _("_Currency (ISO 4217, such as CNY)"),
                                             "currency", shop->currency));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (cd_policy_editor_new (db, shop->currency)));
  label_search_button (ADW_PREFERENCES_WINDOW (window));
  return GTK_WINDOW (window);
}
