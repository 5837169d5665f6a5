/* cd-window-sidebar.c — the main window's sidebar (its menu and counts), clocks and size
 *
 * The sidebar's main menu is built when first opened. The counts of the sidebar's views wait for the first frame (they scan every open case) and
 * follow every change; a minute clock moves what is overdue on; a 2-second watch shows what
 * another process committed; the window's size is kept in GSettings. The counts are computed
 * on a worker thread with a connection of its own: at 100,000 cases they take 0.4 s, which
 * the main loop spent frozen after the first frame and then every minute.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-window-private.h"

void
cd_window_restore_state (CdWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* How high the window will be when it opens (cd_window_restore_state()): the list then
 * builds only the rows that fit. A maximised window is as high as the tallest monitor. */
int
cd_window_get_expected_height (CdWindow *self)
{
  GListModel *monitors;
  int height = 0;

  if (!g_settings_get_boolean (self->settings, "window-maximized"))
    return g_settings_get_int (self->settings, "window-height");

  monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }
  return height > 0 ? height : g_settings_get_int (self->settings, "window-height");
}

/* The main menu's popover is built when it is first opened (click, F10). */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  CdWindow *self = CD_WINDOW (user_data);

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

void
cd_window_setup_primary_menu (CdWindow *self)
{
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu_cb,
                                         self, NULL);
}

void
cd_window_save_state (CdWindow *self)
{
  int width;
  int height;

  /* While maximized, the default size is still the unmaximized one, which is what the next
   * start should use when it unmaximizes. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

/* @due: the view lists promises and follow-ups that fall due, not cases */
static void
set_count (GtkLabel *label,
           gint64    count,
           gboolean  due)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_LIST_BOX_ROW);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  g_autofree char *spoken = NULL;

  if (due)
    /* Translators: what a screen reader says after "Due Today" or "Overdue" in the sidebar */
    spoken = g_strdup_printf (ngettext ("%lu promise or follow-up",
                                        "%lu promises and follow-ups", (gulong) count),
                              (gulong) count);
  else
    /* Translators: what a screen reader says after a sidebar view's name, e.g. "Closed,
     * 3 cases" */
    spoken = g_strdup_printf (ngettext ("%lu case", "%lu cases", (gulong) count),
                              (gulong) count);

  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), count > 0);
  /* The row is named by its title alone; the number is its description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  spoken, -1);
}

/* Shows the counts of every view, and greets an empty shop. */
/* The greeting, built the first time an empty shop shows it: a shop with cases never
 * needs its thirty widgets (10M instructions before the first frame). Its icon is an SVG,
 * which would also load librsvg at start-up. */
static void
ensure_welcome_page (CdWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->welcome_page != NULL)
    return;
  builder = gtk_builder_new_from_resource ("/com/example/CompDesk/ui/cd-welcome-page.ui");
  g_object_bind_property (self->leaflet, "folded",
                          gtk_builder_get_object (builder, "show_sidebar_button"), "visible",
                          G_BINDING_SYNC_CREATE);
  self->welcome_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "welcome_page"));
  adw_status_page_set_icon_name (self->welcome_page, APP_ID);
  gtk_stack_add_named (self->content_stack,
                       GTK_WIDGET (gtk_builder_get_object (builder, "welcome")), "welcome");
}

static void
show_counts (CdWindow     *self,
             const gint64  counts[CD_N_VIEWS])
{
  set_count (self->count_open, counts[CD_VIEW_OPEN], FALSE);
  set_count (self->count_due_today, counts[CD_VIEW_DUE_TODAY], TRUE);
  set_count (self->count_overdue, counts[CD_VIEW_OVERDUE], TRUE);
  set_count (self->count_closed, counts[CD_VIEW_CLOSED], FALSE);
  set_count (self->count_all, counts[CD_VIEW_ALL], FALSE);
  if (counts[CD_VIEW_OVERDUE] > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_overdue), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->count_overdue), "error");

  /* An empty shop greets; the first case takes the greeting away. */
  if (counts[CD_VIEW_ALL] == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "cases") == 0)
    {
      ensure_welcome_page (self);
      gtk_stack_set_visible_child_name (self->content_stack, "welcome");
    }
  else if (counts[CD_VIEW_ALL] > 0 &&
           g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "welcome") == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "cases");
}

/* Counts every view of the sidebar now, on this thread (at start-up, for an empty list:
 * whether to greet cannot wait, and an empty list is counted at once). */
void
cd_window_recount (CdWindow *self)
{
  g_autoptr(CdCaseQuery) today = cd_case_query_new (CD_VIEW_ALL);
  g_autoptr(GError) error = NULL;
  gint64 counts[CD_N_VIEWS];

  g_clear_handle_id (&self->recount_source, g_source_remove);
  if (!cd_case_list_model_count_views (self->cases, today, counts, &error))
    {
      g_warning ("Cannot count the cases: %s", error->message);
      return;
    }
  show_counts (self, counts);
}

typedef struct
{
  char        *path;
  CdCaseQuery *today;
  gint64       counts[CD_N_VIEWS];
} CountJob;

static void
count_job_free (gpointer data)
{
  CountJob *job = data;

  g_free (job->path);
  cd_case_query_free (job->today);
  g_free (job);
}

static void
count_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CountJob *job = task_data;
  g_autoptr(CdDatabase) db = NULL;
  g_autoptr(CdCaseRepository) cases = NULL;
  g_autoptr(GError) error = NULL;

  db = cd_database_open_existing (job->path, &error);
  if (db != NULL)
    cases = cd_case_repository_new (db);
  if (cases == NULL || !cd_case_list_model_count_views (cases, job->today, job->counts, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void start_count (CdWindow *self);

static void
on_counted_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = G_TASK (result);
  CdWindow *self = CD_WINDOW (source_object);
  g_autoptr(GError) error = NULL;

  /* The window went away meanwhile. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;
  g_clear_object (&self->count_cancellable);
  if (g_task_propagate_boolean (task, &error))
    show_counts (self, ((CountJob *) g_task_get_task_data (task))->counts);
  else
    {
      /* A second connection could not open the file (moved away, or not seen from that
       * thread): the window's own connection counts, as it did before. */
      g_debug ("Counting on a worker thread failed (%s); counting here", error->message);
      cd_window_recount (self);
    }
  if (self->count_again)
    {
      self->count_again = FALSE;
      start_count (self);
    }
}

/* Counts every view on a worker thread; one more round if asked while it runs. */
static void
start_count (CdWindow *self)
{
  g_autoptr(GTask) task = NULL;
  CountJob *job;

  if (self->count_cancellable != NULL)
    {
      self->count_again = TRUE;
      return;
    }
  job = g_new0 (CountJob, 1);
  job->path = g_strdup (cd_database_get_path (self->database));
  job->today = cd_case_query_new (CD_VIEW_ALL);
  self->count_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->count_cancellable, on_counted_cb, NULL);
  g_task_set_task_data (task, job, count_job_free);
  g_task_run_in_thread (task, count_in_thread);
}

static gboolean
recount_cb (gpointer user_data)
{
  CdWindow *self = CD_WINDOW (user_data);

  self->recount_source = 0;
  start_count (self);
  return G_SOURCE_REMOVE;
}

void
cd_window_schedule_recount (CdWindow *self)
{
  if (self->recount_source == 0)
    self->recount_source = g_idle_add (recount_cb, self);
}

/* The counts scan every open case: they wait until the window has shown its first frame. */
static void
on_first_frame_cb (GdkFrameClock *clock,
                   CdWindow      *self)
{
  g_clear_signal_handler (&self->first_frame_handler, clock);
  cd_window_schedule_recount (self);
}

static void
on_realize_cb (GtkWidget *widget,
               CdWindow  *self)
{
  self->first_frame_handler =
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_first_frame_cb), self, 0);
}

static gboolean
tick (gpointer user_data)
{
  CdWindow *self = user_data;

  cd_case_list_view_refresh_time (self->list_view);
  if (self->due_view != NULL)
    cd_due_view_refresh_time (self->due_view);
  cd_window_schedule_recount (self);
  return G_SOURCE_CONTINUE;
}

/* Another process committed: show its changes. */
static gboolean
watch (gpointer user_data)
{
  cd_window_notice_changes (CD_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

void
cd_window_recount_after_first_frame (CdWindow *self)
{
  g_signal_connect_object (self, "realize", G_CALLBACK (on_realize_cb), self, 0);
}

/* The minute clock (what is overdue moves on) and the watch for other processes' writes. */
void
cd_window_start_clocks (CdWindow *self)
{
  self->clock_source = g_timeout_add_seconds (CLOCK_SECONDS, tick, self);
  self->data_version = cd_database_get_data_version (self->database);
  self->watch_source = g_timeout_add_seconds (WATCH_SECONDS, watch, self);
}

void
cd_window_stop_clocks (CdWindow *self)
{
  g_clear_handle_id (&self->recount_source, g_source_remove);
  if (self->count_cancellable != NULL)
    {
      g_cancellable_cancel (self->count_cancellable);
      g_clear_object (&self->count_cancellable);
    }
  g_clear_handle_id (&self->clock_source, g_source_remove);
  g_clear_handle_id (&self->watch_source, g_source_remove);
}
