/* cd-reports-view-actions.c — the reports view's custom period, CSV export and printing
 *
 * The custom period is chosen in a dialog with two calendars, From and To; Apply stays
 * disabled while From is after To, and the days chosen are remembered while the view lives,
 * so the dialog opens on them again. Cancelling leaves the period as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-reports-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-report-csv.h"
#include "cd-report-print.h"
#include "cd-reports-view-private.h"

typedef struct
{
  CdReportsView *view;       /* weak: NULL once the view is gone */
  GtkCalendar   *from;
  GtkCalendar   *to;
  GtkLabel      *problem;
} CustomDialog;

/* Helpers */

static void
custom_dialog_free (CustomDialog *custom)
{
  if (custom->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (custom->view), (gpointer *) &custom->view);
  g_free (custom);
}

static GDateTime *
local_midnight (GDateTime *day)
{
  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), 0, 0, 0);
}

static int
compare_days (GDateTime *a,
              GDateTime *b)
{
  g_autoptr(GDateTime) x = local_midnight (a);
  g_autoptr(GDateTime) y = local_midnight (b);

  return g_date_time_compare (x, y);
}

static GtkWidget *
labelled_calendar (const char   *title,
                   GDateTime    *day,
                   GtkCalendar **calendar)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  *calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_calendar_select_day (*calendar, day);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (*calendar),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*calendar));
  return box;
}

static void
check_dates (AdwMessageDialog *dialog,
             CustomDialog     *custom)
{
  g_autoptr(GDateTime) from = gtk_calendar_get_date (custom->from);
  g_autoptr(GDateTime) to = gtk_calendar_get_date (custom->to);
  gboolean ok = compare_days (from, to) <= 0;

  adw_message_dialog_set_response_enabled (dialog, "apply", ok);
  gtk_widget_set_visible (GTK_WIDGET (custom->problem), !ok);
}

/* Callbacks */

static void
on_day_selected_cb (GtkCalendar      *calendar,
                    AdwMessageDialog *dialog)
{
  check_dates (dialog, g_object_get_data (G_OBJECT (dialog), "custom"));
}

static void
on_custom_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CustomDialog     *custom)
{
  CdReportsView *self = custom->view;

  if (self == NULL)
    return;
  if (g_strcmp0 (response, "apply") == 0)
    {
      g_autoptr(GDateTime) from = gtk_calendar_get_date (custom->from);
      g_autoptr(GDateTime) to = gtk_calendar_get_date (custom->to);

      if (cd_reports_view_set_custom_period (self, from, to))
        return;
    }
  /* Cancelled: the toggles go back to the period shown. */
  cd_reports_view_sync_toggles (self);
}

/* Public to the view */

void
cd_reports_view_open_custom_dialog (CdReportsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (today),
                                                      g_date_time_get_month (today), 1,
                                                      0, 0, 0);
  CustomDialog *custom = g_new0 (CustomDialog, 1);
  GtkWidget *dialog, *box, *calendars;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Custom Period"),
                                   _("Choose the first and the last day of the report."));
  custom->view = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &custom->view);
  calendars = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_box_set_homogeneous (GTK_BOX (calendars), TRUE);
  gtk_box_append (GTK_BOX (calendars),
                  labelled_calendar (_("From"), self->custom_from != NULL ? self->custom_from
                                                                           : first,
                                     &custom->from));
  gtk_box_append (GTK_BOX (calendars),
                  labelled_calendar (_("To"), self->custom_to != NULL ? self->custom_to : today,
                                     &custom->to));
  custom->problem = GTK_LABEL (gtk_label_new (_("The first day must not be after the last.")));
  gtk_widget_add_css_class (GTK_WIDGET (custom->problem), "error");
  gtk_label_set_wrap (custom->problem, TRUE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), calendars);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (custom->problem));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Apply"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "custom", custom,
                          (GDestroyNotify) custom_dialog_free);
  g_signal_connect (custom->from, "day-selected", G_CALLBACK (on_day_selected_cb), dialog);
  g_signal_connect (custom->to, "day-selected", G_CALLBACK (on_day_selected_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_custom_response_cb), custom);
  check_dates (ADW_MESSAGE_DIALOG (dialog), custom);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
suggest_file_name (CdReportsView *self,
                   const char    *extension)
{
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_local (self->report->from /
                                                               G_USEC_PER_SEC);
  g_autoptr(GDateTime) to = g_date_time_new_from_unix_local ((self->report->to - 1) /
                                                             G_USEC_PER_SEC);
  g_autofree char *first = g_date_time_format (from, "%Y-%m-%d");
  g_autofree char *last = g_date_time_format (to, "%Y-%m-%d");

  /* Translators: the suggested file name of an exported report: first day, last day, extension */
  return g_strdup_printf (_("Report %s to %s.%s"), first, last, extension);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        CdReportsView   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (!cd_reports_view_export_csv (self, path, &error))
    cd_reports_view_toast (self, error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: a toast after the export; %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

      cd_reports_view_toast (self, text);
    }
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CdReportsView *self = CD_REPORTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  if (self->report == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Tables as CSV"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  name = suggest_file_name (self, "csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CdReportsView *self = CD_REPORTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->report == NULL)
    return;
  cd_report_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->report,
                   self->currency);
}

void
cd_reports_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reports.export-csv", NULL,
                                   export_csv_activated);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "reports.print", NULL);
}

/* Export and print need a report, and one that matches the period chosen. */
void
cd_reports_view_update_actions (CdReportsView *self)
{
  gboolean ready = self->report != NULL && !self->computing;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-csv", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", ready);
}

/* Public API */

/**
 * cd_reports_view_set_custom_period:
 * @first_day: the first day of the report; only its local date counts
 * @last_day: the last day, included
 *
 * Shows the days from @first_day to @last_day, and remembers them while the view lives.
 *
 * Returns: %FALSE, changing nothing, when @first_day is after @last_day
 */
gboolean
cd_reports_view_set_custom_period (CdReportsView *self,
                                   GDateTime     *first_day,
                                   GDateTime     *last_day)
{
  g_return_val_if_fail (CD_IS_REPORTS_VIEW (self), FALSE);
  g_return_val_if_fail (first_day != NULL && last_day != NULL, FALSE);

  if (compare_days (first_day, last_day) > 0)
    return FALSE;
  g_clear_pointer (&self->custom_from, g_date_time_unref);
  g_clear_pointer (&self->custom_to, g_date_time_unref);
  self->custom_from = local_midnight (first_day);
  self->custom_to = local_midnight (last_day);
  self->period = CD_REPORT_PERIOD_CUSTOM;
  cd_reports_view_sync_toggles (self);
  cd_reports_view_refresh (self);
  return TRUE;
}

/**
 * cd_reports_view_export_csv:
 * @path: the file to write
 *
 * Writes the tables of the report shown (cd-report-csv.c) to @path.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
cd_reports_view_export_csv (CdReportsView  *self,
                            const char     *path,
                            GError        **error)
{
  g_return_val_if_fail (CD_IS_REPORTS_VIEW (self), FALSE);
  g_return_val_if_fail (self->report != NULL, FALSE);

  return cd_report_csv_export_to_file (self->report, self->currency, path, error);
}

/**
 * cd_reports_view_print_to_pdf:
 * @n_pages: (out) (optional): how many pages the PDF has
 *
 * Saves the report shown as a PDF, as "Print to File" would.
 */
gboolean
cd_reports_view_print_to_pdf (CdReportsView  *self,
                              const char     *path,
                              int            *n_pages,
                              GError        **error)
{
  g_return_val_if_fail (CD_IS_REPORTS_VIEW (self), FALSE);
  g_return_val_if_fail (self->report != NULL, FALSE);

  return cd_report_print_to_pdf (self->report, self->currency, path, n_pages, error);
}
