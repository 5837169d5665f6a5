/* test-ui-reports.c — the reports page, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
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
add_case (Fixture            *f,
          gint64              at,
          CdCategory          category,
          CdCompensationKind  kind,
          gint64              cost)
{
  g_autoptr(CdCase) kase = cd_case_new ();
  g_autoptr(GError) error = NULL;
  CdCompensation *compensation = cd_compensation_new (kind, CD_COMPENSATION_DONE);

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
open_view (Fixture *f)
{
  f->view = cd_reports_view_new (f->db, CURRENCY);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 800);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  cd_test_spin (100);
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
  cd_test_spin (50);
  g_assert_cmpint (cd_reports_view_get_period (f->view), ==, CD_REPORT_PERIOD_3_MONTHS);
  assert_shows_money (f, 4250);
  g_assert_cmpuint (cd_chart_get_n_months (chart), ==, 3);
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "Wrong item"));

  cd_reports_view_set_period (f->view, CD_REPORT_PERIOD_12_MONTHS);
  cd_test_spin (50);
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

  return g_test_run ();
}
