/* cd-bench-report-view.c — does the reports view stay responsive while it computes?
 *
 * Usage: cd-bench-report-view DATABASE      (needs a display: run it under xvfb-run)
 *
 * Opens the reports view on DATABASE, switches it to the last 12 months and, until the report
 * is shown, measures how long the main loop goes without turning (a 1 ms timer that notes the
 * longest gap between its runs), next to the time the whole computation took. The figures are
 * for the period before the current month's end, so they vary with today's date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <locale.h>

#include "cd-reports-view.h"

typedef struct
{
  gint64 last;
  gint64 longest;
} Gaps;

static gboolean
tick_cb (gpointer data)
{
  Gaps *gaps = data;
  gint64 now = g_get_monotonic_time ();

  gaps->longest = MAX (gaps->longest, now - gaps->last);
  gaps->last = now;
  return G_SOURCE_CONTINUE;
}

static double
measure (CdReportsView  *view,
         CdReportPeriod  period)
{
  Gaps gaps = { 0, 0 };
  gint64 start;
  guint source;
  double total_ms;

  while (cd_reports_view_get_computing (view))
    g_main_context_iteration (NULL, TRUE);
  start = g_get_monotonic_time ();
  gaps.last = start;
  source = g_timeout_add (1, tick_cb, &gaps);
  cd_reports_view_set_period (view, period);
  while (cd_reports_view_get_computing (view))
    g_main_context_iteration (NULL, TRUE);
  total_ms = (g_get_monotonic_time () - start) / 1000.0;
  tick_cb (&gaps);
  g_source_remove (source);
  g_print ("%-16s report shown after %8.1f ms; main loop never stalled longer than %6.1f ms\n",
           period == CD_REPORT_PERIOD_12_MONTHS ? "last 12 months:" : "this month:",
           total_ms, gaps.longest / 1000.0);
  return total_ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDatabase) db = NULL;
  CdReportsView *view;
  GtkWidget *window;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s DATABASE\n", argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();
  db = cd_database_open (argv[1], &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  view = cd_reports_view_new (db, "CNY");
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  for (int run = 0; run < 3; run++)
    {
      measure (view, CD_REPORT_PERIOD_12_MONTHS);
      measure (view, CD_REPORT_PERIOD_MONTH);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
