/* cd-due-view.c — the Due Today and Overdue views: what falls due, with one-click actions
 *
 * Each promise and each follow-up that falls due is a row of its own: what is due, for whom,
 * when (relative to now, overdue in the error colour), and buttons to mark it done, to
 * reschedule it and to open its case (row activation opens it too). The actions are in
 * cd-due-view-actions.c.
 *
 * The list is read again when a case changes and every minute (the window's clock), so that
 * what passes its time moves from Due Today to Overdue and a new day brings its own items.
 * Only the rows that changed are replaced, so the keyboard focus stays where it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-due-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-due-view-private.h"
#include "cd-format.h"
#include "cd-text.h"
#include "cd-time.h"

G_DEFINE_FINAL_TYPE (CdDueView, cd_due_view, ADW_TYPE_BIN)

enum {
  CASE_ACTIVATED,
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define MINUTE ((gint64) 60 * G_USEC_PER_SEC)
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

/* Helpers */

static const char *
describe_method (CdFollowUpMethod method)
{
  switch (method)
    {
    case CD_METHOD_PHONE:
      return _("Follow-up by phone");
    case CD_METHOD_SMS:
      return _("Follow-up by SMS");
    case CD_METHOD_EMAIL:
      return _("Follow-up by e-mail");
    case CD_METHOD_PLATFORM_CHAT:
      return _("Follow-up in the platform chat");
    case CD_METHOD_OTHER:
    default:
      return _("Follow-up");
    }
}

static const char *
describe_item (CdDueItem *item)
{
  if (item->kind == CD_DUE_FOLLOW_UP)
    return describe_method (item->method);
  /* The promise in the seller's words; a deadline without words is still a promise. */
  return cd_text_is_blank (item->promise) ? _("Promise") : item->promise;
}

/* A glance tells a promise from a return visit, and how the visit is to be made. */
static const char *
item_icon_name (CdDueItem *item)
{
  if (item->kind == CD_DUE_PROMISE)
    return "bookmark-new-symbolic";
  switch (item->method)
    {
    case CD_METHOD_PHONE:
      return "call-start-symbolic";
    case CD_METHOD_EMAIL:
      return "mail-unread-symbolic";
    case CD_METHOD_SMS:
    case CD_METHOD_PLATFORM_CHAT:
      return "chat-message-new-symbolic";
    case CD_METHOD_OTHER:
    default:
      return "mail-send-receive-symbolic";
    }
}

static char *
describe_whom (CdDueItem *item)
{
  const char *name = cd_text_is_blank (item->customer_name) ? _("Unnamed Buyer")
                                                            : item->customer_name;

  if (cd_text_is_blank (item->product))
    return g_strdup (name);
  /* Translators: a due item's subtitle: the buyer, then the product */
  return g_strdup_printf (_("%s · %s"), name, item->product);
}

/**
 * cd_due_view_format_due:
 *
 * Returns: (transfer full): when @due_at is, seen from @now: "in 2 hours", "3 days overdue"
 */
char *
cd_due_view_format_due (gint64 due_at,
                        gint64 now)
{
  gint64 distance = due_at >= now ? due_at - now : now - due_at;
  gulong n;

  if (distance < MINUTE)
    return g_strdup (due_at >= now ? _("due now") : _("just overdue"));

  if (distance < HOUR)
    {
      n = (gulong) (distance / MINUTE);
      return due_at >= now
        ? g_strdup_printf (ngettext ("in %lu minute", "in %lu minutes", n), n)
        : g_strdup_printf (ngettext ("%lu minute overdue", "%lu minutes overdue", n), n);
    }
  if (distance < DAY)
    {
      n = (gulong) (distance / HOUR);
      return due_at >= now
        ? g_strdup_printf (ngettext ("in %lu hour", "in %lu hours", n), n)
        : g_strdup_printf (ngettext ("%lu hour overdue", "%lu hours overdue", n), n);
    }
  n = (gulong) (distance / DAY);
  return due_at >= now
    ? g_strdup_printf (ngettext ("in %lu day", "in %lu days", n), n)
    : g_strdup_printf (ngettext ("%lu day overdue", "%lu days overdue", n), n);
}

/**
 * cd_due_view_item_key:
 *
 * Returns: (transfer full): what names @item in the view's action targets
 */
char *
cd_due_view_item_key (CdDueItem *item)
{
  if (item->kind == CD_DUE_PROMISE)
    return g_strdup_printf ("promise:%" G_GINT64_FORMAT, item->case_id);
  return g_strdup_printf ("follow-up:%" G_GINT64_FORMAT, item->follow_up_id);
}

/**
 * cd_due_view_find_item:
 *
 * Returns: (transfer none) (nullable): the item shown under @key
 */
CdDueItem *
cd_due_view_find_item (CdDueView  *self,
                       const char *key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdDueItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      g_autofree char *item_key = cd_due_view_item_key (item);

      if (g_str_equal (item_key, key))
        return item;  /* the store keeps its reference */
    }
  return NULL;
}

/* The due time beside the buttons; in a narrow window, where it would squeeze the title to a
 * few letters a line, in the subtitle instead. */
static void
update_time_label (GtkWidget *row,
                   CdDueItem *item,
                   gint64     now,
                   gboolean   folded)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "time-label");
  const char *whom = g_object_get_data (G_OBJECT (row), "whom");
  g_autofree char *relative = cd_due_view_format_due (item->due_at, now);
  g_autofree char *absolute = cd_format_time (item->due_at);

  gtk_label_set_text (label, relative);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), absolute);
  gtk_widget_set_visible (GTK_WIDGET (label), !folded);
  if (folded)
    {
      /* Translators: a due item's subtitle in a narrow window: when it is due, then the
       * buyer and product, e.g. "3 days overdue · 小林 · Teapot" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), relative, whom);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), whom);
  if (item->due_at < now)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

static GtkWidget *
make_button (const char *icon_name,
             const char *label,
             const char *action_name,
             const char *key)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", key);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* A popover menu builds its widgets when it is set: only when the menu is first opened, so
 * that a long list does not build a hundred menus no one opens. */
static void
create_reschedule_menu (GtkMenuButton *button,
                        gpointer       user_data)
{
  g_autoptr(GMenuModel) menu = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  menu = cd_due_view_reschedule_menu (g_object_get_data (G_OBJECT (button), "key"));
  gtk_menu_button_set_menu_model (button, menu);
}

static GtkWidget *
create_row (gpointer object,
            gpointer user_data)
{
  CdDueView *self = user_data;
  CdDueItem *item = object;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *time_label = gtk_label_new (NULL);
  GtkWidget *reschedule = gtk_menu_button_new ();
  g_autofree char *key = cd_due_view_item_key (item);
  g_autofree char *whom = describe_whom (item);
  const char *kind_label = item->kind == CD_DUE_PROMISE ? _("Promise") : _("Follow-up");
  GtkWidget *icon;

  /* Buyers' and sellers' words, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), describe_item (item));
  g_object_set_data_full (G_OBJECT (row), "whom", g_strdup (whom), g_free);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  icon = gtk_image_new_from_icon_name (item_icon_name (item));
  gtk_widget_set_tooltip_text (icon, kind_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  kind_label, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_add_css_class (time_label, "numeric");
  g_object_set_data (G_OBJECT (row), "time-label", time_label);
  update_time_label (row, item, self->now, self->folded);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), time_label);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_button ("object-select-symbolic", _("Mark Done"),
                                          "due.mark-done", key));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (reschedule), "alarm-symbolic");
  g_object_set_data_full (G_OBJECT (reschedule), "key", g_steal_pointer (&key), g_free);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (reschedule), create_reschedule_menu,
                                         NULL, NULL);
  gtk_widget_set_tooltip_text (reschedule, _("Reschedule"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reschedule), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reschedule"), -1);
  gtk_widget_set_valign (reschedule, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reschedule, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reschedule);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_button ("go-next-symbolic", _("Open Case"), "due.open-case",
                                          g_object_get_data (G_OBJECT (reschedule), "key")));
  return row;
}

static gboolean
items_equal (CdDueItem *a,
             CdDueItem *b)
{
  return a->kind == b->kind && a->case_id == b->case_id && a->follow_up_id == b->follow_up_id &&
         a->due_at == b->due_at && a->method == b->method &&
         g_strcmp0 (a->customer_name, b->customer_name) == 0 &&
         g_strcmp0 (a->product, b->product) == 0 && g_strcmp0 (a->promise, b->promise) == 0;
}

static void
update_empty_state (CdDueView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
  if (self->view == CD_VIEW_OVERDUE)
    {
      adw_status_page_set_title (self->empty_page, _("Nothing Overdue"));
      adw_status_page_set_description (self->empty_page,
                                       _("Every promise and follow-up is on time."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Nothing Due Today"));
      adw_status_page_set_description (self->empty_page,
                                       _("No promise or follow-up falls due later today."));
    }
}

static void
update_subtitle (CdDueView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  gulong total = (gulong) MAX (self->total, 0);
  g_autofree char *subtitle = NULL;
  g_autofree char *more = NULL;

  if (total > 0)
    subtitle = g_strdup_printf (ngettext ("%lu thing to do", "%lu things to do", total), total);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");

  gtk_widget_set_visible (GTK_WIDGET (self->more_label), total > shown);
  if (total > shown)
    {
      /* Translators: under a list cut short; %u is how many rows it shows, %lu how many
       * things are due in all (always more than one) */
      more = g_strdup_printf (ngettext ("The earliest %u of %lu are shown. Mark them done or "
                                        "reschedule them to see the rest.",
                                        "The earliest %u of %lu are shown. Mark them done or "
                                        "reschedule them to see the rest.", total),
                              shown, total);
      gtk_label_set_text (self->more_label, more);
    }
}

/* Returns: the index of the row that holds the keyboard focus, or -1 */
static int
focused_row_index (CdDueView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box)))
    return -1;
  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus,
                                                                       GTK_TYPE_LIST_BOX_ROW);
  return row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

/* Replaces what differs between the rows shown and @items, and nothing else. */
static void
replace_items (CdDueView *self,
               GPtrArray *items)
{
  GListModel *model = G_LIST_MODEL (self->items);
  guint old_n = g_list_model_get_n_items (model);
  guint prefix = 0, suffix = 0;
  int focused = focused_row_index (self);

  while (prefix < old_n && prefix < items->len)
    {
      g_autoptr(CdDueItem) old = g_list_model_get_item (model, prefix);

      if (!items_equal (old, g_ptr_array_index (items, prefix)))
        break;
      prefix++;
    }
  while (suffix < old_n - prefix && suffix < items->len - prefix)
    {
      g_autoptr(CdDueItem) old = g_list_model_get_item (model, old_n - 1 - suffix);

      if (!items_equal (old, g_ptr_array_index (items, items->len - 1 - suffix)))
        break;
      suffix++;
    }
  if (prefix + suffix < MAX (old_n, items->len))
    g_list_store_splice (self->items, prefix, old_n - prefix - suffix,
                         items->pdata + prefix, items->len - prefix - suffix);

  /* The rows kept show their times as of now. */
  for (guint i = 0; i < items->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) i);

      if (row != NULL)
        update_time_label (GTK_WIDGET (row), g_ptr_array_index (items, i), self->now,
                           self->folded);
    }

  /* The focused row went (marked done, rescheduled away): the next one takes the focus, so
   * that the keyboard can go on down the list. */
  if (focused >= 0 && focused_row_index (self) < 0 && items->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (
      self->list_box, MIN (focused, (int) items->len - 1))));

  update_empty_state (self);
  update_subtitle (self);
}

/**
 * cd_due_view_reload:
 *
 * Reads what falls due again, as of now.
 */
void
cd_due_view_reload (CdDueView *self)
{
  g_autoptr(CdCaseQuery) today = cd_case_query_new (self->view);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  CdDatabase *db = cd_case_repository_get_database (self->repository);
  /* The same bounds as the Due views of the case list: today is from now to midnight. */
  gint64 from = self->view == CD_VIEW_OVERDUE ? G_MININT64 : today->now;
  gint64 to = self->view == CD_VIEW_OVERDUE ? today->now : today->day_end;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->now = today->now;
  /* Thousands of rows would take seconds to build: the earliest, and a count of the rest. */
  items = cd_due_list_head (db, from, to, CD_DUE_VIEW_MAX_ROWS, &error);
  if (items != NULL)
    self->total = items->len < CD_DUE_VIEW_MAX_ROWS ? items->len
                                                     : cd_due_count (db, from, to, &error);
  if (items == NULL || self->total < 0)
    {
      g_warning ("Cannot read what falls due: %s", error->message);
      return;
    }
  replace_items (self, items);
}

void
cd_due_view_emit_toast (CdDueView *self,
                        AdwToast  *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

/* Signal callbacks */

static gboolean
reload_in_idle (gpointer user_data)
{
  CdDueView *self = user_data;

  self->reload_source = 0;
  cd_due_view_reload (self);
  return G_SOURCE_REMOVE;
}

/* After the click that changed the case has finished with its button, not during it; at
 * default priority, so that a toast's animation cannot hold it back, and before the next
 * frame is drawn. */
static void
on_repository_changed_cb (CdDueView *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_in_idle, self, NULL);
}

static void
on_list_box_row_activated_cb (GtkListBox    *list_box,
                              GtkListBoxRow *row,
                              CdDueView     *self)
{
  g_autoptr(CdDueItem) item = g_list_model_get_item (G_LIST_MODEL (self->items),
                                                     (guint) gtk_list_box_row_get_index (row));

  if (item != NULL)
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, item->case_id);
}

static void
open_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CdDueView *self = CD_DUE_VIEW (widget);
  CdDueItem *item = cd_due_view_find_item (self, g_variant_get_string (parameter, NULL));

  if (item != NULL)
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, item->case_id);
}

/* GObject overrides */

static void
cd_due_view_dispose (GObject *object)
{
  CdDueView *self = CD_DUE_VIEW (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_DUE_VIEW);
  g_clear_object (&self->repository);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (cd_due_view_parent_class)->dispose (object);
}

static void
cd_due_view_class_init (CdDueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_due_view_dispose;

  /**
   * CdDueView::case-activated:
   * @case_id: the case to open
   */
  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * CdDueView::add-toast:
   * @toast: (transfer none): what to show
   *
   * The view has something to say; the window shows it in its toast overlay.
   */
  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/CompDesk/ui/cd-due-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdDueView, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdDueView, show_sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, CdDueView, stack);
  gtk_widget_class_bind_template_child (widget_class, CdDueView, list_box);
  gtk_widget_class_bind_template_child (widget_class, CdDueView, more_label);
  gtk_widget_class_bind_template_child (widget_class, CdDueView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "due.open-case", "s", open_case_action);
  cd_due_view_install_actions (widget_class);
}

static void
cd_due_view_init (CdDueView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->view = CD_VIEW_DUE_TODAY;
  self->items = g_list_store_new (CD_TYPE_DUE_ITEM);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->items), create_row, self, NULL);
}

/* Public API */

/**
 * cd_due_view_new:
 *
 * Returns: (transfer full): a view of what falls due today, kept up to date with
 *   @repository's signals
 */
CdDueView *
cd_due_view_new (CdCaseRepository *repository)
{
  CdDueView *self = g_object_new (CD_TYPE_DUE_VIEW, NULL);

  self->repository = g_object_ref (repository);
  g_signal_connect_object (repository, "case-added", G_CALLBACK (on_repository_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (repository, "case-changed", G_CALLBACK (on_repository_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (repository, "case-removed", G_CALLBACK (on_repository_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (repository, "reset", G_CALLBACK (on_repository_changed_cb), self,
                           G_CONNECT_SWAPPED);
  cd_due_view_reload (self);
  return self;
}

/**
 * cd_due_view_set_view:
 * @view: %CD_VIEW_DUE_TODAY or %CD_VIEW_OVERDUE
 * @title: what the header says
 */
void
cd_due_view_set_view (CdDueView  *self,
                      CdView      view,
                      const char *title)
{
  g_return_if_fail (CD_IS_DUE_VIEW (self));
  g_return_if_fail (view == CD_VIEW_DUE_TODAY || view == CD_VIEW_OVERDUE);

  adw_window_title_set_title (self->window_title, title);
  if (view != self->view)
    {
      /* Another list altogether: no row is kept. */
      self->view = view;
      g_list_store_remove_all (self->items);
    }
  cd_due_view_reload (self);
}

CdView
cd_due_view_get_view (CdDueView *self)
{
  g_return_val_if_fail (CD_IS_DUE_VIEW (self), CD_VIEW_DUE_TODAY);
  return self->view;
}

/* Folded (narrow window): the sidebar is a page of its own, reached with a back button. */
void
cd_due_view_set_folded (CdDueView *self,
                        gboolean   folded)
{
  g_return_if_fail (CD_IS_DUE_VIEW (self));
  gtk_widget_set_visible (self->show_sidebar_button, folded);
  if (self->folded == folded)
    return;
  self->folded = folded;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(CdDueItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) i);

      if (row != NULL)
        update_time_label (GTK_WIDGET (row), item, self->now, folded);
    }
}

/* Called every minute: what was due may now be overdue, and a new day may have begun. */
void
cd_due_view_refresh_time (CdDueView *self)
{
  g_return_if_fail (CD_IS_DUE_VIEW (self));
  cd_due_view_reload (self);
}

/**
 * cd_due_view_get_items:
 *
 * Returns: (transfer none): the items shown, of #CdDueItem (for tests)
 */
GListModel *
cd_due_view_get_items (CdDueView *self)
{
  g_return_val_if_fail (CD_IS_DUE_VIEW (self), NULL);
  return G_LIST_MODEL (self->items);
}
