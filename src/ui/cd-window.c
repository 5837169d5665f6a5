/* cd-window.c — the main window: views in a sidebar, the case list, the case page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-a11y.h"
#include "cd-blacklist-view.h"
#include "cd-builtin-templates.h"
#include "cd-case-form.h"
#include "cd-case-page.h"
#include "cd-due-view.h"
#include "cd-exchange.h"
#include "cd-preferences.h"
#include "cd-reports-view.h"
#include "cd-shop-settings.h"
#include "cd-templates-view.h"
#include "cd-window-private.h"
#include "cd-wizard.h"

G_DEFINE_FINAL_TYPE (CdWindow, cd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void open_wizard (CdWindow *self,
                         gint64    case_id);

/* The case views of the sidebar, in its order. */
static const struct {
  const char *name;
  CdView      view;
  const char *title;
} case_views[] = {
  { "open", CD_VIEW_OPEN, NC_("sidebar", "Open Cases") },
  { "due-today", CD_VIEW_DUE_TODAY, NC_("sidebar", "Due Today") },
  { "overdue", CD_VIEW_OVERDUE, NC_("sidebar", "Overdue") },
  { "closed", CD_VIEW_CLOSED, NC_("sidebar", "Closed") },
  { "all", CD_VIEW_ALL, NC_("sidebar", "All Cases") },
};

/* Helpers */

/* The shipped templates, once per database (a seller's deletions stick). */
static void
seed_templates (CdWindow *self)
{
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;

  if (cd_database_is_read_only (self->database))
    return;
  json = g_resources_lookup_data ("/com/example/CompDesk/templates.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (json == NULL || !cd_builtin_templates_seed (self->database, json, &error))
    g_warning ("Cannot add the built-in message templates: %s", error->message);
}

static void
load_shop (CdWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdShopSettings) shop = cd_shop_settings_load (self->database, &error);

  if (shop == NULL)
    {
      g_warning ("Cannot read the shop settings: %s", error->message);
      return;
    }
  g_free (self->currency);
  self->currency = g_strdup (shop->currency);
  g_free (self->shop_name);
  self->shop_name = g_strdup (shop->name);
  if (shop->name[0] != '\0')
    adw_window_title_set_subtitle (self->sidebar_title, shop->name);
}

static void on_add_toast_cb                     (GtkWidget       *child,
                                                 AdwToast        *toast,
                                                 CdWindow        *self);
static void on_case_activated_from_blacklist_cb (CdBlacklistView *view,
                                                 gint64           case_id,
                                                 CdWindow        *self);
static void on_case_activated_from_due_cb       (CdDueView       *view,
                                                 gint64           case_id,
                                                 CdWindow        *self);

/* The blacklist, the templates and the reports are built when first shown: with a million blacklist
 * entries, their list is not worth reading on the start-up path. */
static void
ensure_page (CdWindow   *self,
             const char *page)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  if (g_str_equal (page, "blacklist") && self->blacklist_view == NULL)
    {
      self->blacklist_view = cd_blacklist_view_new (self->blacklist, self->cases);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->blacklist_view), "blacklist");
      g_signal_connect_object (self->blacklist_view, "add-toast", G_CALLBACK (on_add_toast_cb),
                               self, 0);
      g_signal_connect_object (self->blacklist_view, "case-activated",
                               G_CALLBACK (on_case_activated_from_blacklist_cb), self, 0);
      cd_blacklist_view_set_folded (self->blacklist_view, folded);
    }
  else if (g_str_equal (page, "reports") && self->reports_view == NULL)
    {
      self->reports_view = cd_reports_view_new (self->database, self->currency);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->reports_view), "reports");
      g_signal_connect_object (self->reports_view, "add-toast", G_CALLBACK (on_add_toast_cb),
                               self, 0);
      cd_reports_view_set_folded (self->reports_view, folded);
    }
  else if (g_str_equal (page, "reports"))
    {
      /* Figures as of now, each time the page is opened. */
      cd_reports_view_refresh (self->reports_view);
    }
  else if (g_str_equal (page, "due") && self->due_view == NULL)
    {
      self->due_view = cd_due_view_new (self->cases);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->due_view), "due");
      g_signal_connect_object (self->due_view, "add-toast", G_CALLBACK (on_add_toast_cb), self,
                               0);
      g_signal_connect_object (self->due_view, "case-activated",
                               G_CALLBACK (on_case_activated_from_due_cb), self, 0);
      cd_due_view_set_folded (self->due_view, folded);
    }
  else if (g_str_equal (page, "templates") && self->templates_view == NULL)
    {
      self->templates_view = cd_templates_view_new (self->templates);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->templates_view), "templates");
      g_signal_connect_object (self->templates_view, "add-toast", G_CALLBACK (on_add_toast_cb),
                               self, 0);
      cd_templates_view_set_folded (self->templates_view, folded);
    }
}

static void
show_content (CdWindow   *self,
              const char *page)
{
  GtkWidget *child;
  GtkWidget *focus;

  ensure_page (self, page);
  gtk_stack_set_visible_child_name (self->content_stack, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  /* Folded, the sidebar slides away with the focus on it: the focus follows into the page. */
  child = gtk_stack_get_visible_child (self->content_stack);
  focus = gtk_window_get_focus (GTK_WINDOW (self));
  if (adw_leaflet_get_folded (self->leaflet) && child != NULL &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, child)))
    gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

/* Signal callbacks */

static void
on_repository_changed_cb (CdWindow *self)
{
  cd_window_schedule_recount (self);
}

static void
on_view_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          CdWindow      *self)
{
  cd_window_show_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_case_activated_cb (CdCaseListView *view,
                      gint64          case_id,
                      CdWindow       *self)
{
  cd_window_show_case (self, case_id);
}

static void
on_case_activated_from_blacklist_cb (CdBlacklistView *view,
                                     gint64           case_id,
                                     CdWindow        *self)
{
  cd_window_show_case (self, case_id);
}

static void
on_case_activated_from_due_cb (CdDueView *view,
                               gint64     case_id,
                               CdWindow  *self)
{
  cd_window_show_case (self, case_id);
}

static void
on_case_page_back_cb (CdCasePage *page,
                      CdWindow   *self)
{
  gtk_stack_set_visible_child_name (self->content_stack, self->list_page);
  cd_window_schedule_recount (self);
}

static void
on_add_toast_cb (GtkWidget *child,
                 AdwToast  *toast,
                 CdWindow  *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

static void
on_leaflet_folded_cb (AdwLeaflet *leaflet,
                      GParamSpec *pspec,
                      CdWindow   *self)
{
  cd_case_list_view_set_folded (self->list_view, adw_leaflet_get_folded (leaflet));
  if (self->blacklist_view != NULL)
    cd_blacklist_view_set_folded (self->blacklist_view, adw_leaflet_get_folded (leaflet));
  if (self->templates_view != NULL)
    cd_templates_view_set_folded (self->templates_view, adw_leaflet_get_folded (leaflet));
  if (self->reports_view != NULL)
    cd_reports_view_set_folded (self->reports_view, adw_leaflet_get_folded (leaflet));
  if (self->due_view != NULL)
    cd_due_view_set_folded (self->due_view, adw_leaflet_get_folded (leaflet));
}

static void
on_wizard_case_created_cb (CdWizard *wizard,
                           gint64    case_id,
                           CdWindow *self)
{
  cd_window_show_case (self, case_id);
}

static void
on_case_page_guide_cb (CdCasePage *page,
                       gint64      case_id,
                       CdWindow   *self)
{
  open_wizard (self, case_id);
}

static void
on_case_form_saved_cb (CdCaseForm *form,
                       gint64      case_id,
                       CdWindow   *self)
{
  cd_window_show_case (self, case_id);
}

/* The guided handling, for a case or for a new complaint (case_id 0). One wizard per case:
 * asking again brings the open one forward. */
static void
open_wizard (CdWindow *self,
             gint64    case_id)
{
  CdWizard *wizard;

  if (case_id != 0)
    for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
      if (CD_IS_WIZARD (l->data) && cd_wizard_get_case (l->data) != NULL &&
          cd_wizard_get_case (l->data)->id == case_id)
        {
          gtk_window_present (l->data);
          g_list_free (l);
          return;
        }

  wizard = cd_wizard_new (GTK_WINDOW (self), self->database, self->cases, self->blacklist,
                          self->templates, self->currency, self->shop_name, case_id);
  g_signal_connect_object (wizard, "case-created", G_CALLBACK (on_wizard_case_created_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (wizard));
}

/* Actions */

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);
  CdCaseForm *form = cd_case_form_new (GTK_WINDOW (self), self->cases, self->blacklist,
                                       self->currency, NULL);

  g_signal_connect_object (form, "saved", G_CALLBACK (on_case_form_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
new_guided_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_wizard (CD_WINDOW (widget), 0);
}

static void
on_shop_changed (gpointer user_data)
{
  CdWindow *self = user_data;

  load_shop (self);
  cd_case_list_view_set_currency (self->list_view, self->currency);
  if (self->case_page != NULL)
    cd_case_page_set_currency (self->case_page, self->currency);
}

/* Preferences: the shop (its name and currency) and the compensation policy. */
static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_window_present (cd_preferences_new (GTK_WINDOW (widget), CD_WINDOW (widget)->database,
                                          on_shop_changed, widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);
  const char *visible = gtk_stack_get_visible_child_name (self->content_stack);

  /* Ctrl+F searches what is on show: the blacklist, or else the cases. */
  if (g_strcmp0 (visible, "blacklist") == 0 && self->blacklist_view != NULL)
    {
      cd_blacklist_view_focus_search (self->blacklist_view);
      return;
    }
  if (g_strcmp0 (visible, "cases") != 0 && g_strcmp0 (visible, "welcome") != 0)
    cd_window_show_view (self, "all");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "cases");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  cd_case_list_view_focus_search (self->list_view);
}

/* The shortcuts window is built when first asked for (GtkApplication would build it for
 * every window before its first frame if it sat at gtk/help-overlay.ui), then kept, hidden,
 * for the next time. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/com/example/CompDesk/ui/help-overlay.ui");

      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_destroy_with_parent (self->shortcuts_window, TRUE);
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts_window),
                                 (gpointer *) &self->shortcuts_window);
    }
  gtk_window_present (self->shortcuts_window);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->views_list));
}

/* GtkWindow overrides */

static gboolean
cd_window_close_request (GtkWindow *window)
{
  CdWindow *self = CD_WINDOW (window);

  if (self->settings != NULL)
    cd_window_save_state (self);

  return GTK_WINDOW_CLASS (cd_window_parent_class)->close_request (window);
}

/* GObject overrides */

static void
cd_window_constructed (GObject *object)
{
  CdWindow *self = CD_WINDOW (object);

  G_OBJECT_CLASS (cd_window_parent_class)->constructed (object);

  self->cases = cd_case_repository_new (self->database);
  self->blacklist = cd_blacklist_repository_new (self->database);
  self->templates = cd_template_repository_new (self->database);
  seed_templates (self);
  load_shop (self);

  cd_window_setup_primary_menu (self);

  self->list_view = cd_case_list_view_new (self->cases);
  cd_case_list_view_set_currency (self->list_view, self->currency);
  if (self->settings != NULL)
    cd_case_list_view_set_first_frame_height (self->list_view,
                                              cd_window_get_expected_height (self));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->list_view), "cases");
  g_signal_connect_object (self->list_view, "case-activated",
                           G_CALLBACK (on_case_activated_cb), self, 0);

  g_signal_connect_object (self->cases, "case-added", G_CALLBACK (on_repository_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cases, "case-changed", G_CALLBACK (on_repository_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cases, "case-removed", G_CALLBACK (on_repository_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cases, "reset", G_CALLBACK (on_repository_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_list_box_select_row (self->views_list, self->row_open);
  gtk_stack_set_visible_child_name (self->content_stack, "cases");
  cd_case_list_view_set_folded (self->list_view, adw_leaflet_get_folded (self->leaflet));
  /* The counts can come after the first frame; whether to greet cannot. */
  if (g_list_model_get_n_items (G_LIST_MODEL (cd_case_list_view_get_model (self->list_view))) == 0)
    cd_window_recount (self);
  else
    cd_window_recount_after_first_frame (self);
  /* A file CompDesk may read but not write opens all the same, and says so. */
  if (cd_database_is_read_only (self->database))
    {
      AdwToast *toast = adw_toast_new (_("This database is read-only: changes cannot be saved"));

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  cd_window_start_clocks (self);

  if (self->settings != NULL)
    cd_window_restore_state (self);
}

static void
cd_window_dispose (GObject *object)
{
  CdWindow *self = CD_WINDOW (object);

  cd_window_stop_clocks (self);
  if (self->shortcuts_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->shortcuts_window),
                                    (gpointer *) &self->shortcuts_window);
      gtk_window_destroy (g_steal_pointer (&self->shortcuts_window));
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_WINDOW);
  g_clear_object (&self->cases);
  g_clear_object (&self->blacklist);
  g_clear_object (&self->templates);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->shop_name, g_free);

  G_OBJECT_CLASS (cd_window_parent_class)->dispose (object);
}

static void
cd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CdWindow *self = CD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CdWindow *self = CD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_window_class_init (CdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  cd_a11y_init ();
  object_class->constructed = cd_window_constructed;
  object_class->dispose = cd_window_dispose;
  object_class->get_property = cd_window_get_property;
  object_class->set_property = cd_window_set_property;

  window_class->close_request = cd_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         CD_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/CompDesk/ui/cd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, views_list);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, count_open);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, count_due_today);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, count_overdue);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, count_closed);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, count_all);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, row_open);
  gtk_widget_class_bind_template_callback (widget_class, on_view_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-guided", NULL, new_guided_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-guided", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  cd_exchange_install_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);

  g_type_ensure (CD_TYPE_CASE_LIST_VIEW);
}

static void
cd_window_init (CdWindow *self)
{
  self->currency = g_strdup ("CNY");
  self->list_page = "cases";
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * cd_window_new:
 * @application: the application
 * @database: (transfer none): the database the window shows
 * @settings: (transfer none) (nullable): where the window size is kept, or %NULL
 *
 * Returns: (transfer full): a new window
 */
CdWindow *
cd_window_new (GtkApplication *application,
               CdDatabase     *database,
               GSettings      *settings)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (CD_TYPE_WINDOW,
                       "application", application,
                       "database", database,
                       "settings", settings,
                       NULL);
}

/**
 * cd_window_get_database:
 *
 * Returns: (transfer none): the database the window shows
 */
CdDatabase *
cd_window_get_database (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);

  return self->database;
}

/**
 * cd_window_get_case_repository:
 *
 * Returns: (transfer none): the cases the window shows
 */
CdCaseRepository *
cd_window_get_case_repository (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->cases;
}

/**
 * cd_window_get_blacklist_repository:
 *
 * Returns: (transfer none): the blacklist the window looks buyers up in
 */
CdBlacklistRepository *
cd_window_get_blacklist_repository (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->blacklist;
}

/**
 * cd_window_get_case_list_view:
 *
 * Returns: (transfer none): the case list
 */
CdCaseListView *
cd_window_get_case_list_view (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->list_view;
}

/**
 * cd_window_show_view:
 * @name: a sidebar row's name: "open", "due-today", "overdue", "closed", "all",
 *   "blacklist", "reports" or "templates"
 */
void
cd_window_show_view (CdWindow   *self,
                     const char *name)
{
  g_return_if_fail (CD_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (case_views); i++)
    if (g_str_equal (case_views[i].name, name) &&
        (case_views[i].view == CD_VIEW_DUE_TODAY || case_views[i].view == CD_VIEW_OVERDUE))
      {
        /* What falls due, item by item, rather than the cases it belongs to. */
        ensure_page (self, "due");
        cd_due_view_set_view (self->due_view, case_views[i].view,
                              g_dpgettext2 (NULL, "sidebar", case_views[i].title));
        self->list_page = "due";
        show_content (self, "due");
        cd_window_schedule_recount (self);
        return;
      }
    else if (g_str_equal (case_views[i].name, name))
      {
        self->list_page = "cases";
        cd_case_list_view_set_view (self->list_view, case_views[i].view,
                                    g_dpgettext2 (NULL, "sidebar", case_views[i].title));
        show_content (self, "cases");
        cd_window_schedule_recount (self);
        return;
      }

  ensure_page (self, name);
  if (gtk_stack_get_child_by_name (self->content_stack, name) != NULL)
    show_content (self, name);
}

/**
 * cd_window_notice_changes:
 *
 * Shows what another connection committed (another process, or the window's own import
 * thread) now rather than at the next look.
 */
void
cd_window_notice_changes (CdWindow *self)
{
  gint64 version;

  g_return_if_fail (CD_IS_WINDOW (self));

  version = cd_database_get_data_version (self->database);
  if (version != self->data_version)
    {
      self->data_version = version;
      cd_case_repository_emit_reset (self->cases);
      cd_blacklist_repository_emit_reset (self->blacklist);
    }
}

/* The case page is built when a case is first opened: start-up shows the list only. */
static void
ensure_case_page (CdWindow *self)
{
  if (self->case_page != NULL)
    return;

  self->case_page = cd_case_page_new (self->cases, self->blacklist);
  cd_case_page_set_currency (self->case_page, self->currency);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->case_page), "case");
  g_signal_connect_object (self->case_page, "back", G_CALLBACK (on_case_page_back_cb), self, 0);
  g_signal_connect_object (self->case_page, "add-toast", G_CALLBACK (on_add_toast_cb), self, 0);
  g_signal_connect_object (self->case_page, "guide", G_CALLBACK (on_case_page_guide_cb), self, 0);
}

void
cd_window_show_case (CdWindow *self,
                     gint64    case_id)
{
  GtkWidget *focus;

  g_return_if_fail (CD_IS_WINDOW (self));

  ensure_case_page (self);
  cd_case_page_show_case (self->case_page, case_id);
  show_content (self, "case");
  /* The page's keys (Escape, Ctrl+E, Delete) work where the focus is, so it goes to the
   * page's first control; the page itself cannot take it (grab_focus fails on it). */
  focus = gtk_window_get_focus (GTK_WINDOW (self));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->case_page)))
    gtk_widget_child_focus (GTK_WIDGET (self->case_page), GTK_DIR_TAB_FORWARD);
}

/* Returns: (transfer none): the name of the page on show: "cases", "case", "welcome" … */
const char *
cd_window_get_visible_page (CdWindow *self)
{
  return gtk_stack_get_visible_child_name (self->content_stack);
}

/* The sample shop says so under the title. */
void
cd_window_set_subtitle (CdWindow   *self,
                        const char *subtitle)
{
  g_autofree char *title = g_strdup_printf ("CompDesk — %s", subtitle);

  adw_window_title_set_subtitle (self->sidebar_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
cd_window_add_toast (CdWindow *self,
                     AdwToast *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
