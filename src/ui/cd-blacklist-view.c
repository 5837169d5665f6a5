/* cd-blacklist-view.c — the blacklist: look buyers up, add, edit, deactivate and delete
 *
 * The list is a CdBlacklistListModel: searching and hiding deactivated entries happen in SQL,
 * so typing stays quick however long the list. The view acts on the selected entry through
 * widget-scoped actions (blacklist.edit, blacklist.toggle-active, blacklist.delete), reached
 * from the action bar that appears with a selection, from a row's context menu and from the
 * keyboard (cd-blacklist-view-actions.c). Deleting and deactivating can be undone from the
 * toast they raise: nothing is ever lost by one click.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-blacklist-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-blacklist-entry-dialog.h"
#include "cd-blacklist-view-private.h"
#include "cd-error.h"
#include "cd-format.h"
#include "cd-table-cell.h"

typedef enum
{
  COLUMN_BUYER_ID,
  COLUMN_NICKNAME,
  COLUMN_PHONE,
  COLUMN_PLATFORM,
  COLUMN_REASON,
  COLUMN_ADDED,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

static const struct {
  const char *title;
  int         min_chars;
  gboolean    expand;
} columns[N_COLUMNS] = {
  [COLUMN_BUYER_ID] = { N_("Buyer ID"), 10, FALSE },
  [COLUMN_NICKNAME] = { N_("Nickname"), 12, TRUE },
  [COLUMN_PHONE] = { N_("Phone"), 13, FALSE },
  [COLUMN_PLATFORM] = { N_("Platform"), 7, FALSE },
  [COLUMN_REASON] = { N_("Reason"), 13, FALSE },
  [COLUMN_ADDED] = { N_("Added"), 10, FALSE },
  [COLUMN_STATUS] = { N_("Status"), 9, FALSE },
};



G_DEFINE_FINAL_TYPE (CdBlacklistView, cd_blacklist_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FOLDED,
  PROP_SHOW_INACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ADD_TOAST,
  CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

const char *
_cd_blacklist_view_get_display_name (CdBlacklistEntry *entry)
{
  if (entry->nickname[0] != '\0')
    return entry->nickname;
  if (entry->buyer_id[0] != '\0')
    return entry->buyer_id;
  if (entry->phone[0] != '\0')
    return entry->phone;
  return _("Unnamed buyer");
}

/* Returns: (transfer full) (nullable): the selected entry */
CdBlacklistEntry *
_cd_blacklist_view_dup_selected (CdBlacklistView *self)
{
  gpointer item;

  if (self->selection == NULL)
    return NULL;
  item = gtk_single_selection_get_selected_item (self->selection);
  return item != NULL ? g_object_ref (item) : NULL;
}

/* Emits add-toast with @toast, which it takes. */
void
_cd_blacklist_view_add_toast (CdBlacklistView *self,
                              AdwToast        *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  g_object_unref (toast);
}

void
_cd_blacklist_view_toast_error (CdBlacklistView *self,
                                const GError    *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  _cd_blacklist_view_add_toast (self, adw_toast_new (escaped));
}

static void
update_actions (CdBlacklistView *self)
{
  g_autoptr(CdBlacklistEntry) entry = _cd_blacklist_view_dup_selected (self);
  gboolean selected = entry != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blacklist.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blacklist.toggle-active", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blacklist.delete", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "blacklist.show-menu", selected);
  gtk_action_bar_set_revealed (self->action_bar, selected);
  if (!selected)
    return;
  gtk_button_set_label (self->active_button, entry->active ? _("_Deactivate") : _("_Reactivate"));
  gtk_label_set_text (self->selection_label, _cd_blacklist_view_get_display_name (entry));
}

static void
update_title (CdBlacklistView *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *subtitle = NULL;

  if (self->model != NULL && cd_blacklist_list_model_is_searching (self->model))
    /* Translators: under the title "Blacklist" while searching */
    subtitle = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);
  else
    /* Translators: under the title "Blacklist" */
    subtitle = g_strdup_printf (ngettext ("%u entry", "%u entries", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_empty_state (CdBlacklistView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;
  g_autofree char *escaped = NULL;
  g_autofree char *description = NULL;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
  if (!empty)
    return;

  if (cd_blacklist_list_model_is_searching (self->model))
    {
      escaped = g_markup_escape_text (cd_blacklist_list_model_get_search (self->model), -1);
      /* Translators: %s is what the user searched for */
      description = g_strdup_printf (_("No buyer ID, nickname or phone number starts with "
                                       "“%s”."), g_strstrip (escaped));
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matches"));
      adw_status_page_set_description (self->empty_page, description);
      gtk_widget_set_visible (self->empty_add_button, FALSE);
      return;
    }

  adw_status_page_set_icon_name (self->empty_page, "action-unavailable-symbolic");
  gtk_widget_set_visible (self->empty_add_button, TRUE);
  if (!cd_blacklist_list_model_get_show_inactive (self->model) &&
      cd_blacklist_repository_count (self->blacklist, NULL) > 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Active Entries"));
      adw_status_page_set_description (self->empty_page,
                                       _("Every entry is deactivated. Choose “Show Deactivated "
                                         "Entries” from the menu to see them."));
      return;
    }
  adw_status_page_set_title (self->empty_page, _("No Blacklisted Buyers"));
  adw_status_page_set_description (self->empty_page,
                                   _("Buyers who extort with bad reviews, abuse refunds or make "
                                     "false claims are kept here, and you are warned when "
                                     "they come back."));
}

/* GTK 4.8 has no public way to scroll a column view to a row (4.12 brings one); its inner
 * list view has the action. */
static void
scroll_to (CdBlacklistView *self,
           guint            position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

void
_cd_blacklist_view_select_entry (CdBlacklistView *self,
                                 gint64           id)
{
  int position = cd_blacklist_list_model_find (self->model, id);

  if (position < 0)
    return;
  gtk_single_selection_set_selected (self->selection, (guint) position);
  scroll_to (self, (guint) position);
}

void
_cd_blacklist_view_open_case (CdBlacklistView *self,
                              const char      *uid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdCase) kase = cd_case_repository_load_by_uid (self->cases, uid, &error);

  if (kase == NULL && g_error_matches (error, CD_ERROR, CD_ERROR_NOT_FOUND))
    _cd_blacklist_view_add_toast (self, adw_toast_new (_("That case no longer exists")));
  else if (kase == NULL)
    _cd_blacklist_view_toast_error (self, error);
  else
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, kase->id);
}

static void
on_dialog_saved_cb (CdBlacklistEntryDialog *dialog,
                    gint64                  id,
                    CdBlacklistView        *self)
{
  _cd_blacklist_view_select_entry (self, id);
}

static void
on_dialog_case_activated_cb (CdBlacklistEntryDialog *dialog,
                             const char             *uid,
                             CdBlacklistView        *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  _cd_blacklist_view_open_case (self, uid);
}

void
_cd_blacklist_view_open_dialog (CdBlacklistView  *self,
                                CdBlacklistEntry *entry)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CdBlacklistEntryDialog *dialog =
    cd_blacklist_entry_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->blacklist, entry, NULL);

  for (guint i = 0; entry != NULL && i < entry->case_uids->len; i++)
    {
      g_autoptr(CdCase) kase = cd_case_repository_load_by_uid (self->cases,
                                 g_ptr_array_index (entry->case_uids, i), NULL);

      if (kase != NULL)
        cd_blacklist_entry_dialog_describe_case (dialog, kase);
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  g_signal_connect_object (dialog, "case-activated", G_CALLBACK (on_dialog_case_activated_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_position (CdBlacklistView *self,
               guint            position)
{
  g_autoptr(CdBlacklistEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->model),
                                                             position);

  if (entry != NULL)
    _cd_blacklist_view_open_dialog (self, entry);
}

static void
on_cell_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkListItem     *list_item)
{
  CdBlacklistView *self = g_object_get_data (G_OBJECT (gesture), "cd-view");
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint position = gtk_list_item_get_position (list_item);
  graphene_point_t point;

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (self->selection, position);
  if (!gtk_widget_compute_point (cell, GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    return;
  _cd_blacklist_view_popup_menu (self, point.x, point.y);
}

/* Cells */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = cd_table_cell_new (columns[column].min_chars);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_object_set_data (G_OBJECT (click), "cd-view",
                     g_object_get_data (G_OBJECT (factory), "cd-view"));
  g_signal_connect (click, "pressed", G_CALLBACK (on_cell_pressed_cb), list_item);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
  /* The list item owns the cell: a borrowed pointer back is safe. */
  g_object_set_data (G_OBJECT (label), "cd-list-item", list_item);
  gtk_list_item_set_child (list_item, label);
}

static char *
cell_text (CdBlacklistEntry *entry,
           Column            column)
{
  switch (column)
    {
    case COLUMN_BUYER_ID:
      return g_strdup (entry->buyer_id);
    case COLUMN_NICKNAME:
      return g_strdup (entry->nickname);
    case COLUMN_PHONE:
      return g_strdup (entry->phone);
    case COLUMN_PLATFORM:
      return g_strdup (cd_enum_get_label (CD_TYPE_PLATFORM, entry->platform));
    case COLUMN_REASON:
      return g_strdup (cd_enum_get_label (CD_TYPE_BLACKLIST_REASON, entry->reason));
    case COLUMN_ADDED:
      return cd_format_date (entry->added_at);
    case COLUMN_STATUS:
      /* Translators: the status of a blacklist entry */
      return g_strdup (entry->active ? C_("blacklist entry", "Active")
                                     : C_("blacklist entry", "Deactivated"));
    case N_COLUMNS:
    default:
      return g_strdup ("");
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  CdBlacklistEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (entry, column);

  cd_table_cell_set_text (CD_TABLE_CELL (label), text);
  /* A deactivated entry is history: dimmed, still readable. */
  if (entry->active)
    gtk_widget_remove_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

static void
add_columns (CdBlacklistView *self)
{
  for (Column column = 0; column < N_COLUMNS; column++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;

      g_object_set_data (G_OBJECT (factory), "cd-view", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
      view_column = gtk_column_view_column_new (_(columns[column].title), factory);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_expand (view_column, columns[column].expand);
      gtk_column_view_append_column (self->column_view, view_column);
    }
}

/* Signal callbacks */

static void
on_search_changed_cb (GtkSearchEntry  *entry,
                      CdBlacklistView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->model == NULL)
    return;
  if (!cd_blacklist_list_model_set_search (self->model,
                                           gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    _cd_blacklist_view_toast_error (self, error);
  update_title (self);
  update_empty_state (self);
}

static void
on_search_activate_cb (GtkSearchEntry  *entry,
                       CdBlacklistView *self)
{
  /* Enter in the search field opens the first match. */
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    open_position (self, 0);
}

static void
on_column_view_activate_cb (GtkColumnView   *view,
                            guint            position,
                            CdBlacklistView *self)
{
  open_position (self, position);
}

static void
on_model_items_changed_cb (GListModel      *model,
                           guint            position,
                           guint            removed,
                           guint            added,
                           CdBlacklistView *self)
{
  update_title (self);
  update_empty_state (self);
  update_actions (self);
}

static void
on_model_show_inactive_cb (CdBlacklistListModel *model,
                           GParamSpec           *pspec,
                           CdBlacklistView      *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_INACTIVE]);
}

static void
on_selection_changed_cb (GtkSingleSelection *selection,
                         GParamSpec         *pspec,
                         CdBlacklistView    *self)
{
  update_actions (self);
}

/* GObject overrides */

static void
cd_blacklist_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CdBlacklistView *self = CD_BLACKLIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_SHOW_INACTIVE:
      g_value_set_boolean (value, self->model != NULL &&
                                  cd_blacklist_list_model_get_show_inactive (self->model));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_blacklist_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CdBlacklistView *self = CD_BLACKLIST_VIEW (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_FOLDED:
      cd_blacklist_view_set_folded (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_INACTIVE:
      if (self->model != NULL &&
          !cd_blacklist_list_model_set_show_inactive (self->model, g_value_get_boolean (value),
                                                      &error))
        _cd_blacklist_view_toast_error (self, error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_blacklist_view_dispose (GObject *object)
{
  CdBlacklistView *self = (CdBlacklistView *) object;

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_BLACKLIST_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->blacklist);
  g_clear_object (&self->cases);
  G_OBJECT_CLASS (cd_blacklist_view_parent_class)->dispose (object);
}

static void
cd_blacklist_view_class_init (CdBlacklistViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cd_blacklist_view_get_property;
  object_class->set_property = cd_blacklist_view_set_property;
  object_class->dispose = cd_blacklist_view_dispose;

  /**
   * CdBlacklistView:folded:
   *
   * Whether the window is narrow and shows the sidebar as a page of its own, reached with the
   * back button in this view's header.
   */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CdBlacklistView:show-inactive:
   *
   * Whether deactivated entries are listed (dimmed).
   */
  properties[PROP_SHOW_INACTIVE] =
    g_param_spec_boolean ("show-inactive", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdBlacklistView::add-toast:
   * @toast: (transfer none): the toast; keep a reference to show it, as in
   *   adw_toast_overlay_add_toast (overlay, g_object_ref (toast))
   */
  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  /**
   * CdBlacklistView::case-activated:
   * @id: the case
   *
   * The user asked to open a case an entry came from.
   */
  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/CompDesk/ui/cd-blacklist-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistView, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistView, stack);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistView, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistView, action_bar);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistView, active_button);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistView, selection_label);
  /* Named for the tests, which find them with gtk_widget_get_template_child(). */
  gtk_widget_class_bind_template_child_full (widget_class, "show_sidebar_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "search_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "menu_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  _cd_blacklist_view_class_actions_init (widget_class);
}

static void
cd_blacklist_view_init (CdBlacklistView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Typing anywhere in the view starts a search: looking a buyer up is what it is for. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  add_columns (self);
}

/* Public API */

/**
 * cd_blacklist_view_new:
 * @cases: resolves the cases an entry came from
 *
 * Returns: (transfer full): a view of @blacklist's active entries, newest first
 */
CdBlacklistView *
cd_blacklist_view_new (CdBlacklistRepository *blacklist,
                       CdCaseRepository      *cases)
{
  CdBlacklistView *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CD_IS_BLACKLIST_REPOSITORY (blacklist), NULL);
  g_return_val_if_fail (CD_IS_CASE_REPOSITORY (cases), NULL);

  self = g_object_new (CD_TYPE_BLACKLIST_VIEW, NULL);
  self->blacklist = g_object_ref (blacklist);
  self->cases = g_object_ref (cases);
  self->model = cd_blacklist_list_model_new (blacklist, &error);
  update_actions (self);
  if (self->model == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("Cannot Read the Blacklist"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_widget_set_visible (self->empty_add_button, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "blacklist.add", FALSE);
      return self;
    }

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_items_changed_cb),
                           self, G_CONNECT_AFTER);
  g_signal_connect_object (self->model, "notify::show-inactive",
                           G_CALLBACK (on_model_show_inactive_cb), self, 0);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, 0);
  update_title (self);
  update_empty_state (self);
  return self;
}

/* Folded (narrow window): the sidebar is a page of its own, reached with a back button. */
void
cd_blacklist_view_set_folded (CdBlacklistView *self,
                              gboolean         folded)
{
  g_return_if_fail (CD_IS_BLACKLIST_VIEW (self));

  folded = !!folded;
  if (self->folded == folded)
    return;
  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

void
cd_blacklist_view_focus_search (CdBlacklistView *self)
{
  g_return_if_fail (CD_IS_BLACKLIST_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * cd_blacklist_view_get_model:
 *
 * Returns: (transfer none) (nullable): the list the view shows; %NULL if it could not be read
 */
CdBlacklistListModel *
cd_blacklist_view_get_model (CdBlacklistView *self)
{
  g_return_val_if_fail (CD_IS_BLACKLIST_VIEW (self), NULL);
  return self->model;
}
