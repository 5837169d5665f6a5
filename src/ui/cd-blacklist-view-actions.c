/* cd-blacklist-view-actions.c — what the user can do to the selected blacklist entry
 *
 * The blacklist.* actions, the keys that trigger them and a row's context menu. Deleting
 * and deactivating raise a toast that undoes them: the toast keeps the entry as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-blacklist-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-blacklist-view-private.h"

/* Linked cases offered in a row's context menu; an entry rarely has more. */
#define MAX_MENU_CASES 8

/* Toasts show markup: a buyer's name is text. */
static char *
dup_escaped_name (CdBlacklistEntry *entry)
{
  return g_markup_escape_text (_cd_blacklist_view_get_display_name (entry), -1);
}

/* The context menu */

static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
append_case_items (CdBlacklistView  *self,
                   GMenu            *section,
                   CdBlacklistEntry *entry)
{
  for (guint i = 0; i < MIN (entry->case_uids->len, MAX_MENU_CASES); i++)
    {
      const char *uid = g_ptr_array_index (entry->case_uids, i);
      g_autoptr(CdCase) kase = cd_case_repository_load_by_uid (self->cases, uid, NULL);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (kase != NULL && kase->customer_name[0] != '\0')
        {
          g_autofree char *name = escape_mnemonic (kase->customer_name);
          /* Translators: a menu item; %s is the buyer's name in the case */
          label = g_strdup_printf (_("Open Case of %s"), name);
        }
      else
        label = g_strdup (_("Open _Case"));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "blacklist.open-case",
                                               g_variant_new_string (uid));
      g_menu_append_item (section, item);
    }
}

static GMenuModel *
build_entry_menu (CdBlacklistView  *self,
                  CdBlacklistEntry *entry)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();
  g_autoptr(GMenu) cases = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();

  g_menu_append (actions, _("_Edit…"), "blacklist.edit");
  g_menu_append (actions, entry->active ? _("_Deactivate") : _("_Reactivate"),
                 "blacklist.toggle-active");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
  append_case_items (self, cases, entry);
  if (g_menu_model_get_n_items (G_MENU_MODEL (cases)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (cases));
  g_menu_append (danger, _("De_lete"), "blacklist.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
  return G_MENU_MODEL (menu);
}

void
_cd_blacklist_view_popup_menu (CdBlacklistView *self,
                               double           x,
                               double           y)
{
  g_autoptr(CdBlacklistEntry) entry = _cd_blacklist_view_dup_selected (self);
  g_autoptr(GMenuModel) menu = NULL;

  if (entry == NULL)
    return;
  menu = build_entry_menu (self, entry);
  /* Parented to the view, not to the column view: GtkColumnView does not present popovers
   * on it, and one on it comes up too small in GTK 4.8. */
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  self->context_menu = gtk_popover_menu_new_from_model (menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* The first cell of the row at @position, if the view has made one. */
static GtkWidget *
find_cell (GtkWidget *root,
           guint      position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListItem *list_item = g_object_get_data (G_OBJECT (child), "cd-list-item");
      GtkWidget *found;

      if (list_item != NULL && gtk_list_item_get_position (list_item) == position)
        return child;
      found = find_cell (child, position);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_undo_delete_cb (AdwToast        *toast,
                   CdBlacklistView *self)
{
  CdBlacklistEntry *entry = g_object_get_data (G_OBJECT (toast), "cd-entry");
  g_autoptr(GError) error = NULL;

  if (!cd_blacklist_repository_restore (self->blacklist, entry, &error))
    _cd_blacklist_view_toast_error (self, error);
  else
    _cd_blacklist_view_select_entry (self, entry->id);
}

static void
on_undo_deactivate_cb (AdwToast        *toast,
                       CdBlacklistView *self)
{
  CdBlacklistEntry *entry = g_object_get_data (G_OBJECT (toast), "cd-entry");
  g_autoptr(GError) error = NULL;

  /* The entry as it was before the toggle. */
  if (!cd_blacklist_repository_set_active (self->blacklist, entry->id, entry->active, &error))
    _cd_blacklist_view_toast_error (self, error);
  else
    _cd_blacklist_view_select_entry (self, entry->id);
}

/* Actions */

static void
add_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  _cd_blacklist_view_open_dialog (CD_BLACKLIST_VIEW (widget), NULL);
}

static void
edit_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  CdBlacklistView *self = CD_BLACKLIST_VIEW (widget);
  g_autoptr(CdBlacklistEntry) entry = _cd_blacklist_view_dup_selected (self);

  if (entry != NULL)
    _cd_blacklist_view_open_dialog (self, entry);
}

static void
toggle_active_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CdBlacklistView *self = CD_BLACKLIST_VIEW (widget);
  g_autoptr(CdBlacklistEntry) entry = _cd_blacklist_view_dup_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  if (entry == NULL)
    return;
  if (!cd_blacklist_repository_set_active (self->blacklist, entry->id, !entry->active, &error))
    {
      _cd_blacklist_view_toast_error (self, error);
      return;
    }
  name = dup_escaped_name (entry);
  if (entry->active)
    /* Translators: %s is a buyer's nickname, ID or phone */
    toast = adw_toast_new_format (_("“%s” deactivated"), name);
  else
    /* Translators: %s is a buyer's nickname, ID or phone */
    toast = adw_toast_new_format (_("“%s” reactivated"), name);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "cd-entry", g_object_ref (entry), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_deactivate_cb), self, 0);
  _cd_blacklist_view_add_toast (self, toast);
  /* The row is read again: select it again, if it is still listed. */
  _cd_blacklist_view_select_entry (self, entry->id);
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  CdBlacklistView *self = CD_BLACKLIST_VIEW (widget);
  g_autoptr(CdBlacklistEntry) selected = _cd_blacklist_view_dup_selected (self);
  g_autoptr(CdBlacklistEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  if (selected == NULL)
    return;
  /* Undo puts back what was stored, case links included: read it all before it goes. */
  entry = cd_blacklist_repository_load (self->blacklist, selected->id, &error);
  if (entry == NULL || !cd_blacklist_repository_delete (self->blacklist, entry->id, &error))
    {
      _cd_blacklist_view_toast_error (self, error);
      return;
    }
  name = dup_escaped_name (entry);
  /* Translators: %s is a buyer's nickname, ID or phone */
  toast = adw_toast_new_format (_("“%s” removed from the blacklist"), name);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "cd-entry", g_steal_pointer (&entry),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  _cd_blacklist_view_add_toast (self, toast);
}

static void
open_case_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _cd_blacklist_view_open_case (CD_BLACKLIST_VIEW (widget), g_variant_get_string (parameter, NULL));
}

/* Menu or Shift+F10: the context menu of the selected row, from the keyboard. */
static void
show_menu_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CdBlacklistView *self = CD_BLACKLIST_VIEW (widget);
  guint position = gtk_single_selection_get_selected (self->selection);
  GtkWidget *cell;
  graphene_point_t point = GRAPHENE_POINT_INIT (0, 0);

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  cell = find_cell (GTK_WIDGET (self->column_view), position);
  if (cell != NULL &&
      !gtk_widget_compute_point (cell, GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (24, gtk_widget_get_height (cell)),
                                 &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  _cd_blacklist_view_popup_menu (self, point.x, point.y);
}

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  cd_blacklist_view_focus_search (CD_BLACKLIST_VIEW (widget));
}

void
_cd_blacklist_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "blacklist.add", NULL, add_cb);
  gtk_widget_class_install_action (widget_class, "blacklist.edit", NULL, edit_cb);
  gtk_widget_class_install_action (widget_class, "blacklist.toggle-active", NULL,
                                   toggle_active_cb);
  gtk_widget_class_install_action (widget_class, "blacklist.delete", NULL, delete_cb);
  gtk_widget_class_install_action (widget_class, "blacklist.open-case", "s", open_case_cb);
  gtk_widget_class_install_action (widget_class, "blacklist.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "blacklist.show-menu", NULL, show_menu_cb);
  gtk_widget_class_install_property_action (widget_class, "blacklist.show-inactive",
                                            "show-inactive");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "blacklist.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "blacklist.delete",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "blacklist.show-menu",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "blacklist.show-menu", NULL);
}
