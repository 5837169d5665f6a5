/* cd-reports-view.c — what service costs, and how it went, over a period
 *
 * A page of cards over one period: totals, compensation cost per month by kind (CdChart),
 * cases per category and per root cause, satisfaction, and the cost per order once the seller
 * types in the period's orders and revenue. Periods are whole calendar months in local time,
 * or the days the seller chose, and cd_report_compute() groups by local months too.
 *
 * At 100,000 cases the report takes about a second (BENCHMARKS.md), so it is computed on a
 * worker thread with its own read connection while a spinner turns and the last figures stay
 * in place; a newer request cancels the older one, whose result is then dropped.
 * The cards are filled in cd-reports-view-cards.c; the custom period, export and print are in
 * cd-reports-view-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-reports-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-chart.h"
#include "cd-report.h"
#include "cd-reports-view-private.h"
#include "cd-time.h"

G_DEFINE_FINAL_TYPE (CdReportsView, cd_reports_view, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_COMPUTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker thread needs: plain values, nothing it shares with the main thread. */
typedef struct
{
  char      *path;
  GTimeZone *zone;
  gint64     from;
  gint64     to;
  gint64     now;
} ComputeJob;

/* Helpers */

static int
months_back (CdReportPeriod period)
{
  return period == CD_REPORT_PERIOD_12_MONTHS ? 11 : period == CD_REPORT_PERIOD_3_MONTHS ? 2 : 0;
}

static void
set_computing (CdReportsView *self,
               gboolean       computing)
{
  if (self->computing == computing)
    return;
  self->computing = computing;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), computing);
  gtk_spinner_set_spinning (self->spinner, computing);
  cd_reports_view_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPUTING]);
}

static void
compute_job_free (ComputeJob *job)
{
  g_free (job->path);
  g_time_zone_unref (job->zone);
  g_free (job);
}

/* On the worker thread: its own connection, so the main thread's is never shared. */
static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeJob *job = task_data;
  g_autoptr(CdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  CdReport *report;

  if (g_task_return_error_if_cancelled (task))
    return;
  db = cd_database_open_existing (job->path, &error);
  report = db != NULL ? cd_report_compute_in_zone (db, job->zone, job->from, job->to, job->now,
                                                   &error)
                      : NULL;
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) cd_report_free);
}

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CdReportsView *self = CD_REPORTS_VIEW (source);
  g_autoptr(GError) error = NULL;
  CdReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer request took over (or the view is going): leave everything to it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_computing (self, FALSE);
  if (report == NULL)
    {
      cd_reports_view_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->report, cd_report_free);
  self->report = report;
  cd_reports_view_show_report (self);
  cd_reports_view_update_actions (self);
}

/* The period's bounds in UTC microseconds, for the local time zone. */
static void
get_bounds (CdReportsView *self,
            GDateTime     *now,
            gint64        *from,
            gint64        *to)
{
  if (self->period == CD_REPORT_PERIOD_CUSTOM && self->custom_from != NULL)
    {
      g_autoptr(GDateTime) end = g_date_time_add_days (self->custom_to, 1);
      g_autoptr(GDateTime) end_midnight = g_date_time_new_local (g_date_time_get_year (end),
                                                                 g_date_time_get_month (end),
                                                                 g_date_time_get_day_of_month (end),
                                                                 0, 0, 0);

      *from = g_date_time_to_unix (self->custom_from) * G_USEC_PER_SEC;
      *to = g_date_time_to_unix (end_midnight) * G_USEC_PER_SEC;
      return;
    }
  cd_reports_view_get_range (self->period, now, from, to);
}

/* Signal callbacks */

static void
on_period_toggled_cb (GtkToggleButton *button,
                      CdReportsView   *self)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  cd_reports_view_set_period (self, button == self->year_button ? CD_REPORT_PERIOD_12_MONTHS
                                  : button == self->quarter_button ? CD_REPORT_PERIOD_3_MONTHS
                                  : CD_REPORT_PERIOD_MONTH);
}

/* "clicked", not "toggled": a click on the active Custom… button opens the dates again. */
static void
on_custom_clicked_cb (GtkButton     *button,
                      CdReportsView *self)
{
  if (self->syncing)
    return;
  cd_reports_view_open_custom_dialog (self);
}

/* The drop-down stands in for the buttons on a narrow page, in the same order. */
static void
on_period_selected_cb (GtkDropDown   *dropdown,
                       GParamSpec    *pspec,
                       CdReportsView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing)
    return;
  if (selected == CD_REPORT_PERIOD_CUSTOM)
    cd_reports_view_open_custom_dialog (self);
  else if (selected <= CD_REPORT_PERIOD_12_MONTHS)
    cd_reports_view_set_period (self, (CdReportPeriod) selected);
}

static void
on_per_order_changed_cb (CdReportsView *self)
{
  cd_reports_view_update_per_order (self);
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cd_reports_view_refresh (CD_REPORTS_VIEW (widget));
}

/* GObject */

static void
cd_reports_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CdReportsView *self = CD_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPUTING:
      g_value_set_boolean (value, self->computing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_reports_view_dispose (GObject *object)
{
  CdReportsView *self = CD_REPORTS_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_REPORTS_VIEW);
  g_clear_object (&self->db);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->report, cd_report_free);
  g_clear_pointer (&self->custom_from, g_date_time_unref);
  g_clear_pointer (&self->custom_to, g_date_time_unref);
  G_OBJECT_CLASS (cd_reports_view_parent_class)->dispose (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/CompDesk/ui/cd-reports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, month_button);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, quarter_button);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, year_button);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, custom_button);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, content_box);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, totals_box);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, chart);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, legend_box);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, category_grid);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, root_cause_grid);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, satisfaction_label);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, satisfaction_count_label);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, satisfaction_chart);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, satisfaction_legend);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, satisfaction_grid);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, orders_row);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, revenue_row);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, per_order_label);
  gtk_widget_class_bind_template_child (widget_class, CdReportsView, share_label);
  gtk_widget_class_bind_template_callback (widget_class, on_period_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_period_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_per_order_changed_cb);
}

static void
cd_reports_view_class_init (CdReportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_reports_view_dispose;
  object_class->get_property = cd_reports_view_get_property;

  /**
   * CdReportsView:computing:
   *
   * Whether a report is being computed; the figures shown are the last ones until it is done.
   */
  properties[PROP_COMPUTING] =
    g_param_spec_boolean ("computing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdReportsView::add-toast:
   * @toast: (transfer none): the toast to show
   */
  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (CD_TYPE_CHART);
  bind_template (widget_class);

  gtk_widget_class_install_action (widget_class, "reports.refresh", NULL, refresh_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "reports.refresh", NULL);
  cd_reports_view_install_actions (widget_class);
}

static void
cd_reports_view_init (CdReportsView *self)
{
  GtkGrid *grids[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->currency = g_strdup ("");

  cd_reports_view_add_tiles (self);

  grids[0] = self->category_grid;
  grids[1] = self->root_cause_grid;
  grids[2] = self->satisfaction_grid;
  for (guint i = 0; i < G_N_ELEMENTS (grids); i++)
    {
      gtk_widget_set_margin_top (GTK_WIDGET (grids[i]), i == 2 ? 0 : 12);
      gtk_widget_set_margin_bottom (GTK_WIDGET (grids[i]), 12);
      gtk_widget_set_margin_start (GTK_WIDGET (grids[i]), 18);
      gtk_widget_set_margin_end (GTK_WIDGET (grids[i]), 18);
    }
  cd_reports_view_update_actions (self);
}

/* Internal API (cd-reports-view-private.h) */

void
cd_reports_view_toast (CdReportsView *self,
                       const char    *text)
{
  g_autoptr(AdwToast) toast = adw_toast_new (text);

  /* The receiver takes its own reference, as with the other views' toasts. */
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

/* The toggles show self->period, without that counting as a choice of the user's. */
void
cd_reports_view_sync_toggles (CdReportsView *self)
{
  GtkToggleButton *button = self->period == CD_REPORT_PERIOD_12_MONTHS ? self->year_button
                          : self->period == CD_REPORT_PERIOD_3_MONTHS ? self->quarter_button
                          : self->period == CD_REPORT_PERIOD_CUSTOM ? self->custom_button
                          : self->month_button;

  self->syncing = TRUE;
  gtk_toggle_button_set_active (button, TRUE);
  gtk_drop_down_set_selected (self->period_dropdown, self->period);
  self->syncing = FALSE;
}

/* Public API */

/**
 * cd_reports_view_new:
 * @db: (transfer none): the shop's database
 * @currency: the shop's currency, ISO 4217
 *
 * Returns: (transfer floating): the view, computing this month
 */
CdReportsView *
cd_reports_view_new (CdDatabase *db,
                     const char *currency)
{
  CdReportsView *self;

  g_return_val_if_fail (CD_IS_DATABASE (db), NULL);

  self = g_object_new (CD_TYPE_REPORTS_VIEW, NULL);
  self->db = g_object_ref (db);
  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : "");
  cd_reports_view_refresh (self);
  return self;
}

/* The narrow layout puts the back button on the page, as the other pages do. */
void
cd_reports_view_set_folded (CdReportsView *self,
                            gboolean       folded)
{
  g_return_if_fail (CD_IS_REPORTS_VIEW (self));
  gtk_widget_set_visible (self->back_button, folded);
}

/**
 * cd_reports_view_get_range:
 * @period: any period but %CD_REPORT_PERIOD_CUSTOM
 * @now: the current time; its time zone decides where months begin
 * @from: (out): the first microsecond of the period, UTC
 * @to: (out): the first microsecond after it, UTC
 *
 * Whole calendar months ending with the one holding @now.
 */
void
cd_reports_view_get_range (CdReportPeriod  period,
                           GDateTime      *now,
                           gint64         *from,
                           gint64         *to)
{
  GTimeZone *zone = g_date_time_get_timezone (now);
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);
  g_autoptr(GDateTime) start = cd_time_month_start (zone, year, month, -months_back (period));
  g_autoptr(GDateTime) end = cd_time_month_start (zone, year, month, 1);

  *from = g_date_time_to_unix (start) * G_USEC_PER_SEC;
  *to = g_date_time_to_unix (end) * G_USEC_PER_SEC;
}

/**
 * cd_reports_view_refresh:
 *
 * Computes the report for the period again, in the background; a computation still under way
 * is cancelled.
 */
void
cd_reports_view_refresh (CdReportsView *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTask) task = NULL;
  ComputeJob *job;

  g_return_if_fail (CD_IS_REPORTS_VIEW (self));

  if (self->db == NULL)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (ComputeJob, 1);
  job->path = g_strdup (cd_database_get_path (self->db));
  job->zone = g_time_zone_new_local ();
  job->now = cd_time_now ();
  now = g_date_time_new_from_unix_local (job->now / G_USEC_PER_SEC);
  get_bounds (self, now, &job->from, &job->to);

  task = g_task_new (self, self->cancellable, on_computed_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) compute_job_free);
  set_computing (self, TRUE);
  g_task_run_in_thread (task, compute_thread);
}

void
cd_reports_view_set_period (CdReportsView  *self,
                            CdReportPeriod  period)
{
  g_return_if_fail (CD_IS_REPORTS_VIEW (self));
  g_return_if_fail (period != CD_REPORT_PERIOD_CUSTOM || self->custom_from != NULL);

  if (self->period == period)
    return;
  self->period = period;
  cd_reports_view_sync_toggles (self);
  cd_reports_view_refresh (self);
}

CdReportPeriod
cd_reports_view_get_period (CdReportsView *self)
{
  g_return_val_if_fail (CD_IS_REPORTS_VIEW (self), CD_REPORT_PERIOD_MONTH);
  return self->period;
}

gboolean
cd_reports_view_get_computing (CdReportsView *self)
{
  g_return_val_if_fail (CD_IS_REPORTS_VIEW (self), FALSE);
  return self->computing;
}

/**
 * cd_reports_view_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown, NULL before the first is computed
 */
const CdReport *
cd_reports_view_get_report (CdReportsView *self)
{
  g_return_val_if_fail (CD_IS_REPORTS_VIEW (self), NULL);
  return self->report;
}
