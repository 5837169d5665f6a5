/* test-ui-reports.c — the reports page, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cd-case-repository.h"
#include "cd-chart.h"
#include "cd-money.h"
#include "cd-reports-view.h"
#include "cd-test-ui.h"
#include "cd-test-util.h"
#include "cd-time.h"

#define DAY ((gint64) 24 * 3600 * G_USEC_PER_SEC)
#define CURRENCY "USD"

typedef struct
{
  char             *dir;
  CdDatabase       *db;
  CdCaseRepository *cases;
  GtkWidget        *window;
  CdReportsView    *view;
} Fixture;

static void
add_case_scored (Fixture            *f,
                 gint64              at,
                 CdCategory          category,
                 CdCompensationKind  kind,
                 gint64              cost,
                 int                 score)
{
  g_autoptr(CdCase) kase = cd_case_new ();
  g_autoptr(GError) error = NULL;
  CdCompensation *compensation = cd_compensation_new (kind, CD_COMPENSATION_DONE);

  if (score > 0)
    {
      CdFollowUp *follow_up = cd_follow_up_new (at);

      follow_up->done_at = at;
      follow_up->satisfaction = score;
      g_ptr_array_add (kase->followups, follow_up);
    }

  cd_case_set_string (&kase->customer_name, "Buyer");
  cd_case_set_string (&kase->product, "Kettle");
  kase->created_at = at;
  kase->updated_at = at;
  kase->category = category;
  kase->stage = CD_STAGE_LISTEN;
  compensation->cost = cost;
  compensation->amount = cost;
  compensation->done_at = at;
  g_ptr_array_add (kase->compensations, compensation);
  g_assert_true (cd_case_repository_insert (f->cases, kase, &error));
  g_assert_no_error (error);
}

static void
add_case (Fixture            *f,
          gint64              at,
          CdCategory          category,
          CdCompensationKind  kind,
          gint64              cost)
{
  add_case_scored (f, at, category, kind, cost, 0);
}

/* The report is computed on a worker thread: wait for it, then let the widgets settle. */
static void
wait_for_report (Fixture *f)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (cd_reports_view_get_computing (f->view) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cd_reports_view_get_computing (f->view));
  cd_test_spin (50);
}

static void
open_view (Fixture *f)
{
  f->view = cd_reports_view_new (f->db, CURRENCY);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 800);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (cd_reports_view_get_computing (f->view));
  wait_for_report (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->cases = cd_case_repository_new (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  cd_test_spin (50);
  g_clear_object (&f->cases);
  g_clear_object (&f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Visible and mapped: what the user sees, not a stale label on a hidden page. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gpointer
find_typed (GtkWidget *root,
            GType      type,
            const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *own = GTK_IS_BUTTON (root) ? gtk_button_get_label (GTK_BUTTON (root))
                      : ADW_IS_PREFERENCES_ROW (root)
                        ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)) : NULL;

      if (title == NULL || g_strcmp0 (own, title) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_typed (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_shows_money (Fixture *f,
                    gint64   minor)
{
  g_autofree char *text = cd_money_format (minor, CURRENCY);

  if (find_label (GTK_WIDGET (f->view), text) == NULL)
    g_error ("no label shows %s", text);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  open_view (f);
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "No Cases in This Period"));
}

static void
test_totals_period_per_order (Fixture       *f,
                              gconstpointer  data)
{
  gint64 now = cd_time_now ();
  CdChart *chart;
  GtkEditable *orders;
  GtkEditable *revenue;
  g_autofree char *tooltip = NULL;

  add_case (f, now, CD_CATEGORY_DAMAGED, CD_COMPENSATION_FULL_REFUND, 1000);
  add_case (f, now, CD_CATEGORY_DAMAGED, CD_COMPENSATION_COUPON, 250);
  /* Always in one of the two months before this one. */
  add_case (f, now - 40 * DAY, CD_CATEGORY_WRONG_ITEM, CD_COMPENSATION_PARTIAL_REFUND, 3000);
  open_view (f);

  g_assert_null (find_label (GTK_WIDGET (f->view), "No Cases in This Period"));
  assert_shows_money (f, 1250);
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "Damaged in transit"));
  chart = find_typed (GTK_WIDGET (f->view), CD_TYPE_CHART, NULL);
  g_assert_nonnull (chart);
  g_assert_cmpuint (cd_chart_get_n_months (chart), ==, 1);
  /* The bottom of the only bar is the first kind stacked: the full refund. */
  tooltip = cd_chart_dup_tooltip_at (chart, gtk_widget_get_width (GTK_WIDGET (chart)) / 2.0 + 10,
                                     gtk_widget_get_height (GTK_WIDGET (chart)) - 45);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "$"));

  gtk_toggle_button_set_active (find_typed (GTK_WIDGET (f->view), GTK_TYPE_TOGGLE_BUTTON,
                                            "Last 3 Months"), TRUE);
  wait_for_report (f);
  g_assert_cmpint (cd_reports_view_get_period (f->view), ==, CD_REPORT_PERIOD_3_MONTHS);
  assert_shows_money (f, 4250);
  g_assert_cmpuint (cd_chart_get_n_months (chart), ==, 3);
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "Wrong item"));

  cd_reports_view_set_period (f->view, CD_REPORT_PERIOD_12_MONTHS);
  wait_for_report (f);
  g_assert_cmpuint (cd_chart_get_n_months (chart), ==, 12);
  g_assert_true (gtk_toggle_button_get_active (find_typed (GTK_WIDGET (f->view),
                                                           GTK_TYPE_TOGGLE_BUTTON,
                                                           "Last 12 Months")));

  orders = find_typed (GTK_WIDGET (f->view), ADW_TYPE_ENTRY_ROW, "Orders in the Period");
  gtk_editable_set_text (orders, "10");
  assert_shows_money (f, 425);
  gtk_editable_set_text (orders, "ten");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (orders), "error"));
  revenue = find_typed (GTK_WIDGET (f->view), ADW_TYPE_ENTRY_ROW, "Revenue in the Period");
  gtk_editable_set_text (revenue, "425.00");
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "10.0%"));

  if (g_getenv ("CD_TEST_PAUSE") != NULL)
    {
      gtk_editable_set_text (orders, "170");
      cd_reports_view_set_period (f->view, CD_REPORT_PERIOD_3_MONTHS);
      wait_for_report (f);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      cd_test_spin (200);
      if (g_getenv ("CD_TEST_SCROLL") != NULL)
        {
          GtkScrolledWindow *scroller = find_typed (GTK_WIDGET (f->view),
                                                    GTK_TYPE_SCROLLED_WINDOW, NULL);
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        }
      cd_test_spin ((guint) g_ascii_strtoull (g_getenv ("CD_TEST_PAUSE"), NULL, 10) * 1000);
    }
}

/* Noon on a day, local time (the view counts local days and months). */
static gint64
local_noon (int year,
            int month,
            int day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static GDateTime *
local_day (int year,
           int month,
           int day)
{
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

/* March 2024: full refund 10.00 and coupon 3.00; April: partial refund 11.00 */
static void
add_spring_2024 (Fixture *f)
{
  add_case_scored (f, local_noon (2024, 3, 10), CD_CATEGORY_DAMAGED, CD_COMPENSATION_FULL_REFUND,
                   1000, 5);
  add_case_scored (f, local_noon (2024, 3, 31), CD_CATEGORY_QUALITY, CD_COMPENSATION_COUPON,
                   300, 2);
  add_case_scored (f, local_noon (2024, 4, 5), CD_CATEGORY_DAMAGED,
                   CD_COMPENSATION_PARTIAL_REFUND, 1100, 4);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
find_calendars (GtkWidget    *root,
                GtkCalendar **calendars,
                guint        *n)
{
  if (GTK_IS_CALENDAR (root) && *n < 2)
    calendars[(*n)++] = GTK_CALENDAR (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_calendars (child, calendars, n);
}

static void
select_days (GtkCalendar **calendars,
             GDateTime    *from,
             GDateTime    *to)
{
  gtk_calendar_select_day (calendars[0], from);
  g_signal_emit_by_name (calendars[0], "day-selected");
  gtk_calendar_select_day (calendars[1], to);
  g_signal_emit_by_name (calendars[1], "day-selected");
}

static void
assert_calendar (GtkCalendar *calendar,
                 int          year,
                 int          month,
                 int          day)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  g_assert_cmpint (g_date_time_get_year (date), ==, year);
  g_assert_cmpint (g_date_time_get_month (date), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, day);
}

static AdwMessageDialog *
open_custom_dialog (Fixture      *f,
                    GtkCalendar **calendars)
{
  GtkWidget *button = find_typed (GTK_WIDGET (f->view), GTK_TYPE_TOGGLE_BUTTON, "Custom…");
  AdwMessageDialog *dialog;
  guint n = 0;

  g_assert_nonnull (button);
  /* as the keyboard does; a button activated shows itself pressed for a moment first */
  gtk_widget_activate (button);
  cd_test_spin (400);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  find_calendars (GTK_WIDGET (dialog), calendars, &n);
  g_assert_cmpuint (n, ==, 2);
  return dialog;
}

/* Custom…: two calendars, Apply only while From is not after To, the days remembered, and
 * Cancel going back to the period shown before. */
static void
test_custom_period (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) march_1 = local_day (2024, 3, 1);
  g_autoptr(GDateTime) march_31 = local_day (2024, 3, 31);
  g_autoptr(GDateTime) april_30 = local_day (2024, 4, 30);
  GtkCalendar *calendars[2];
  AdwMessageDialog *dialog;
  CdChart *chart;

  add_spring_2024 (f);
  open_view (f);
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "No Cases in This Period"));

  dialog = open_custom_dialog (f, calendars);
  select_days (calendars, april_30, march_1);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "The first day must not be after the last."));
  select_days (calendars, march_1, march_31);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  adw_message_dialog_response (dialog, "apply");
  g_assert_true (cd_reports_view_get_computing (f->view));
  wait_for_report (f);

  g_assert_cmpint (cd_reports_view_get_period (f->view), ==, CD_REPORT_PERIOD_CUSTOM);
  g_assert_true (gtk_toggle_button_get_active (find_typed (GTK_WIDGET (f->view),
                                                           GTK_TYPE_TOGGLE_BUTTON, "Custom…")));
  /* 10.00 + 3.00 on the last day, included; not April's */
  assert_shows_money (f, 1300);
  chart = find_typed (GTK_WIDGET (f->view), CD_TYPE_CHART, NULL);
  g_assert_cmpuint (cd_chart_get_n_months (chart), ==, 1);

  /* Opened again, the dialog shows the days chosen; Cancel keeps the period. */
  dialog = open_custom_dialog (f, calendars);
  assert_calendar (calendars[0], 2024, 3, 1);
  assert_calendar (calendars[1], 2024, 3, 31);
  adw_message_dialog_response (dialog, "cancel");
  cd_test_spin (50);
  g_assert_cmpint (cd_reports_view_get_period (f->view), ==, CD_REPORT_PERIOD_CUSTOM);
  g_assert_false (cd_reports_view_get_computing (f->view));

  /* From another period, Cancel gives the toggles back to it. */
  cd_reports_view_set_period (f->view, CD_REPORT_PERIOD_MONTH);
  wait_for_report (f);
  dialog = open_custom_dialog (f, calendars);
  adw_message_dialog_response (dialog, "cancel");
  cd_test_spin (50);
  g_assert_cmpint (cd_reports_view_get_period (f->view), ==, CD_REPORT_PERIOD_MONTH);
  g_assert_true (gtk_toggle_button_get_active (find_typed (GTK_WIDGET (f->view),
                                                           GTK_TYPE_TOGGLE_BUTTON,
                                                           "This Month")));
  g_assert_false (gtk_toggle_button_get_active (find_typed (GTK_WIDGET (f->view),
                                                            GTK_TYPE_TOGGLE_BUTTON, "Custom…")));

  /* Reversed days are refused, and change nothing. */
  g_assert_false (cd_reports_view_set_custom_period (f->view, march_31, march_1));
  g_assert_cmpint (cd_reports_view_get_period (f->view), ==, CD_REPORT_PERIOD_MONTH);
  g_assert_false (cd_reports_view_get_computing (f->view));
}

/* On a narrow page a drop-down stands in for the buttons; both follow the period. */
static void
test_period_dropdown (Fixture       *f,
                      gconstpointer  data)
{
  GtkDropDown *dropdown;
  AdwMessageDialog *dialog;

  open_view (f);
  dropdown = GTK_DROP_DOWN (cd_test_find_descendant (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (dropdown);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);

  gtk_drop_down_set_selected (dropdown, 2);
  g_assert_cmpint (cd_reports_view_get_period (f->view), ==, CD_REPORT_PERIOD_12_MONTHS);
  wait_for_report (f);
  g_assert_true (gtk_toggle_button_get_active (find_typed (GTK_WIDGET (f->view),
                                                           GTK_TYPE_TOGGLE_BUTTON,
                                                           "Last 12 Months")));

  cd_reports_view_set_period (f->view, CD_REPORT_PERIOD_3_MONTHS);
  wait_for_report (f);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);

  /* Custom… opens the dialog; cancelled, the drop-down shows the period again */
  gtk_drop_down_set_selected (dropdown, 3);
  cd_test_spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  cd_test_spin (50);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);
  g_assert_cmpint (cd_reports_view_get_period (f->view), ==, CD_REPORT_PERIOD_3_MONTHS);
}

static void
on_add_toast_cb (CdReportsView *view,
                 AdwToast      *toast,
                 char         **title)
{
  g_free (*title);
  *title = g_strdup (adw_toast_get_title (toast));
}

/* A database file gone from under the view: an error to read, not a new empty shop. */
static void
test_database_gone (Fixture       *f,
                    gconstpointer  data)
{
  const char *path = cd_database_get_path (f->db);
  g_autofree char *toast = NULL;

  open_view (f);
  g_signal_connect (f->view, "add-toast", G_CALLBACK (on_add_toast_cb), &toast);
  g_assert_cmpint (g_unlink (path), ==, 0);
  cd_reports_view_refresh (f->view);
  wait_for_report (f);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (toast, "is gone"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The window closed while the dates are being chosen: the dialog's answer goes nowhere. */
static void
test_custom_after_close (Fixture       *f,
                         gconstpointer  data)
{
  GtkCalendar *calendars[2];
  AdwMessageDialog *dialog;

  open_view (f);
  dialog = open_custom_dialog (f, calendars);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  f->view = NULL;
  cd_test_spin (50);
  g_assert_true (find_dialog () == dialog);
  adw_message_dialog_response (dialog, "apply");
  cd_test_spin (50);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The CSV on disk holds the tables of the period shown. */
static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) march_1 = local_day (2024, 3, 1);
  g_autoptr(GDateTime) april_30 = local_day (2024, 4, 30);
  g_autofree char *path = g_build_filename (f->dir, "report.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  add_spring_2024 (f);
  open_view (f);
  g_assert_true (cd_reports_view_set_custom_period (f->view, march_1, april_30));
  wait_for_report (f);
  g_assert_true (cd_reports_view_export_csv (f->view, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf" "Report\r\n"
                                             "Period,2024-03-01,2024-04-30\r\n\r\n"
                                             "Summary\r\nFigure,Value\r\n"
                                             "Compensation cost (USD),24.00\r\n"
                                             "Cases,3\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nCost per month\r\n"
                                      "Month,Kind,Cost (USD)\r\n"
                                      /* by month, then kind as stored: coupon first */
                                      "2024-03,Coupon,3.00\r\n"
                                      "2024-03,Full refund,10.00\r\n"
                                      "2024-04,Partial refund,11.00\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nCases per category\r\nCategory,Cases\r\n"
                                      "Damaged in transit,2\r\nQuality defect,1\r\n"));
  g_assert_true (g_str_has_suffix (contents, "Month,Scores,Average,1,2,3,4,5\r\n"
                                             "2024-03,2,3.50,0,1,0,0,1\r\n"
                                             "2024-04,1,4.00,0,0,0,1,0\r\n"));
}

static gboolean
contains (GPtrArray  *texts,
          const char *text)
{
  return g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL);
}

/* The satisfaction chart: each segment and the average dot say their exact value. */
static void
test_satisfaction_tooltip (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) march_1 = local_day (2024, 3, 1);
  g_autoptr(GDateTime) march_31 = local_day (2024, 3, 31);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *at_dot = NULL;
  GtkWidget *label, *group;
  CdChart *chart;
  double x, y;
  int height;

  add_spring_2024 (f);
  add_case_scored (f, local_noon (2024, 3, 12), CD_CATEGORY_OTHER, CD_COMPENSATION_COUPON, 0,
                   5);
  open_view (f);
  g_assert_true (cd_reports_view_set_custom_period (f->view, march_1, march_31));
  wait_for_report (f);

  label = find_label (GTK_WIDGET (f->view), "Satisfaction");
  group = gtk_widget_get_ancestor (label, ADW_TYPE_PREFERENCES_GROUP);
  chart = CD_CHART (cd_test_find_descendant (group, CD_TYPE_CHART));
  g_assert_nonnull (chart);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));
  g_assert_true (cd_chart_has_average (chart));
  g_assert_cmpuint (cd_chart_get_n_months (chart), ==, 1);

  /* scores 5, 2 and 5: the average 4.0, at its dot */
  height = gtk_widget_get_height (GTK_WIDGET (chart));
  g_assert_true (cd_chart_get_point (chart, 0, gtk_widget_get_width (GTK_WIDGET (chart)),
                                     height, &x, &y));
  at_dot = cd_chart_dup_tooltip_at (chart, x, y);
  g_assert_cmpstr (at_dot, ==, "March 2024 · average 4.0 from 3 scores");

  /* up the bar, beside the dot: each score's segment, and nothing else */
  for (int py = height - 1; py >= 0; py--)
    {
      char *text = cd_chart_dup_tooltip_at (chart, x + 12, py);

      if (text != NULL && !contains (seen, text))
        g_ptr_array_add (seen, text);
      else
        g_free (text);
    }
  g_assert_true (contains (seen, "March 2024 · 2 stars: 1"));
  g_assert_true (contains (seen, "March 2024 · 5 stars: 2"));
  g_assert_false (contains (seen, "March 2024 · 4 stars: 1"));
  /* outside the plot, left of the axis, no tooltip */
  g_assert_null (cd_chart_dup_tooltip_at (chart, 1, height / 2.0));
}

/* A newer period cancels the computation of an older one: the last choice wins. */
static void
test_stale_computation (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 from, to;

  add_case (f, cd_time_now (), CD_CATEGORY_DAMAGED, CD_COMPENSATION_COUPON, 500);
  open_view (f);
  cd_reports_view_set_period (f->view, CD_REPORT_PERIOD_12_MONTHS);
  cd_reports_view_set_period (f->view, CD_REPORT_PERIOD_3_MONTHS);
  g_assert_true (cd_reports_view_get_computing (f->view));
  wait_for_report (f);
  cd_reports_view_get_range (CD_REPORT_PERIOD_3_MONTHS, now, &from, &to);
  g_assert_cmpint (cd_reports_view_get_report (f->view)->from, ==, from);
  g_assert_cmpint (cd_reports_view_get_report (f->view)->to, ==, to);
  g_assert_true (gtk_toggle_button_get_active (find_typed (GTK_WIDGET (f->view),
                                                           GTK_TYPE_TOGGLE_BUTTON,
                                                           "Last 3 Months")));
  /* the spinner went with the computation */
  g_assert_false (gtk_widget_get_visible (cd_test_find_descendant (GTK_WIDGET (f->view),
                                                                   GTK_TYPE_SPINNER)));
}

static int
count_pdf_pages (const char *data,
                 gsize       length)
{
  static const char needle[] = "/Type /Page";
  gsize n_needle = sizeof needle - 1;
  int n = 0;

  /* byte by byte: the compressed streams hold NULs, which end a string search */
  for (gsize i = 0; i + n_needle < length; i++)
    if (memcmp (data + i, needle, n_needle) == 0 && data[i + n_needle] != 's')
      n++;
  return n;
}

/* Print / Save as PDF: a PDF with as many pages as the print operation laid out. */
static void
test_print_pdf (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) march_1 = local_day (2024, 3, 1);
  g_autoptr(GDateTime) april_30 = local_day (2024, 4, 30);
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  int n_pages = 0;

  add_spring_2024 (f);
  open_view (f);
  g_assert_true (cd_reports_view_set_custom_period (f->view, march_1, april_30));
  wait_for_report (f);
  g_assert_true (cd_reports_view_print_to_pdf (f->view, path, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* the summary, two charts and five tables do not fit on one page */
  g_assert_cmpint (n_pages, >=, 2);
  g_assert_cmpint (count_pdf_pages (contents, length), ==, n_pages);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/reports/empty", Fixture, NULL, fixture_set_up, test_empty,
              fixture_tear_down);
  g_test_add ("/ui/reports/totals-period-per-order", Fixture, NULL, fixture_set_up,
              test_totals_period_per_order, fixture_tear_down);

  g_test_add ("/ui/reports/custom-period", Fixture, NULL, fixture_set_up, test_custom_period,
              fixture_tear_down);
  g_test_add ("/ui/reports/period-dropdown", Fixture, NULL, fixture_set_up,
              test_period_dropdown, fixture_tear_down);
  g_test_add ("/ui/reports/database-gone", Fixture, NULL, fixture_set_up,
              test_database_gone, fixture_tear_down);
  g_test_add ("/ui/reports/custom-after-close", Fixture, NULL, fixture_set_up,
              test_custom_after_close, fixture_tear_down);
  g_test_add ("/ui/reports/export-csv", Fixture, NULL, fixture_set_up, test_export_csv,
              fixture_tear_down);
  g_test_add ("/ui/reports/satisfaction-tooltip", Fixture, NULL, fixture_set_up,
              test_satisfaction_tooltip, fixture_tear_down);
  g_test_add ("/ui/reports/stale-computation", Fixture, NULL, fixture_set_up,
              test_stale_computation, fixture_tear_down);
  g_test_add ("/ui/reports/print-pdf", Fixture, NULL, fixture_set_up, test_print_pdf,
              fixture_tear_down);

  return g_test_run ();
}
