/* cd-reports-view-cards.c — filling the reports view's cards from a report
 *
 * The totals as tiles, the cost and satisfaction charts with their legends, the counts per
 * category and root cause as bars with their numbers, and the cost per order once the seller
 * types in the period's orders and revenue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-reports-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-enums.h"
#include "cd-format.h"
#include "cd-money.h"
#include "cd-reports-view-private.h"

#define HOUR_USEC ((gint64) 3600 * G_USEC_PER_SEC)
#define DAY_USEC (24 * HOUR_USEC)

static GtkLabel *
add_tile (CdReportsView *self,
          const char    *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new ("—");
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (value, 12);
  gtk_widget_set_margin_start (value, 12);
  gtk_widget_set_margin_end (value, 12);
  gtk_widget_add_css_class (value, "title-2");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), label);
  gtk_flow_box_append (self->totals_box, box);
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
  return GTK_LABEL (value);
}

static void
set_count (GtkLabel *label,
           gint64    count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  gtk_label_set_text (label, text);
}

static char *
format_duration (gint64 usec)
{
  gint64 days = usec / DAY_USEC;
  gint64 hours = (usec % DAY_USEC + HOUR_USEC / 2) / HOUR_USEC;
  g_autofree char *day_text = NULL;
  g_autofree char *hour_text = NULL;

  if (hours == 24)
    {
      days++;
      hours = 0;
    }
  if (days == 0 && hours == 0)
    return g_strdup (_("Under an hour"));
  /* The counts are small; %lu keeps the message whole for gettext (G_GINT64_FORMAT would
   * split it). */
  day_text = g_strdup_printf (ngettext ("%lu day", "%lu days", (gulong) days), (gulong) days);
  hour_text = g_strdup_printf (ngettext ("%lu hour", "%lu hours", (gulong) hours),
                               (gulong) hours);
  if (days == 0)
    return g_steal_pointer (&hour_text);
  if (hours == 0)
    return g_steal_pointer (&day_text);
  /* Translators: a duration from days and hours, e.g. "2 days 5 hours" */
  return g_strdup_printf (_("%s %s"), day_text, hour_text);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* One line of a horizontal bar list: name, bar, count. */
static void
add_bar (GtkGrid    *grid,
         int         line,
         const char *name,
         gint64      count,
         gint64      max)
{
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (max, 1));
  GtkWidget *number = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  /* Without the offsets the bar keeps one colour, whatever its length. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), (double) count);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  set_count (GTK_LABEL (number), count);
  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_label_set_width_chars (GTK_LABEL (number), 3);
  gtk_widget_add_css_class (number, "numeric");
  gtk_grid_attach (grid, label, 0, line, 1, 1);
  gtk_grid_attach (grid, bar, 1, line, 1, 1);
  gtk_grid_attach (grid, number, 2, line, 1, 1);
}

static void
fill_counts (GtkGrid   *grid,
             GPtrArray *rows,
             GType      type)
{
  gint64 max = 0;

  clear_grid (grid);
  for (guint i = 0; i < rows->len; i++)
    max = MAX (max, ((CdReportCountRow *) g_ptr_array_index (rows, i))->count);
  for (guint i = 0; i < rows->len; i++)
    {
      const CdReportCountRow *row = g_ptr_array_index (rows, i);
      int value = 0;

      add_bar (grid, (int) i, cd_enum_from_nick (type, row->key, &value)
                                ? cd_enum_get_label (type, value) : row->key,
               row->count, max);
    }
  if (rows->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No cases"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_hexpand (none, TRUE);
      gtk_grid_attach (grid, none, 0, 0, 1, 1);
    }
}

static void
fill_satisfaction (CdReportsView              *self,
                   const CdReportSatisfaction *satisfaction)
{
  gint64 max = 0;

  clear_grid (self->satisfaction_grid);
  if (satisfaction->count == 0)
    {
      gtk_label_set_text (self->satisfaction_label, "—");
      gtk_label_set_text (self->satisfaction_count_label, _("No follow-up has a score yet"));
      gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_grid), FALSE);
      return;
    }
  {
    /* Translators: the average satisfaction score, e.g. "4.2 / 5" */
    g_autofree char *average = g_strdup_printf (_("%.1f / 5"), satisfaction->average);
    g_autofree char *count = g_strdup_printf (ngettext ("from %lu follow-up",
                                                        "from %lu follow-ups",
                                                        (gulong) satisfaction->count),
                                              (gulong) satisfaction->count);

    gtk_label_set_text (self->satisfaction_label, average);
    gtk_label_set_text (self->satisfaction_count_label, count);
  }
  for (int i = 0; i < 5; i++)
    max = MAX (max, satisfaction->distribution[i]);
  for (int score = 5; score >= 1; score--)
    {
      g_autofree char *name = g_strdup_printf (ngettext ("%d star", "%d stars", (gulong) score),
                                               score);

      add_bar (self->satisfaction_grid, 5 - score, name,
               satisfaction->distribution[score - 1], max);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_grid), TRUE);
}

/* @color NULL: the foreground, as the chart draws its average. */
static void
add_legend_item (GtkFlowBox    *box,
                 const char    *symbol,
                 const GdkRGBA *color,
                 const char    *text)
{
  GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_label_new (symbol);
  GtkWidget *label = gtk_label_new (text);

  if (color != NULL)
    {
      /* Pango wants #rrggbb, not the CSS rgb() of gdk_rgba_to_string(). */
      g_autofree char *markup = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">%s</span>",
                                                 (guint) (color->red * 255 + 0.5),
                                                 (guint) (color->green * 255 + 0.5),
                                                 (guint) (color->blue * 255 + 0.5), symbol);

      gtk_label_set_markup (GTK_LABEL (swatch), markup);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (item), swatch);
  gtk_box_append (GTK_BOX (item), label);
  gtk_flow_box_append (box, item);
  gtk_widget_set_focusable (gtk_widget_get_parent (item), FALSE);
}

static void
fill_legend (GtkFlowBox *box,
             CdChart    *chart)
{
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
  for (guint s = 0; s < cd_chart_get_n_series (chart); s++)
    {
      GdkRGBA color;

      if (!cd_chart_series_is_used (chart, s))
        continue;
      cd_chart_get_series_color (chart, s, &color);
      add_legend_item (box, "■", &color, cd_chart_get_series_label (chart, s));
      any = TRUE;
    }
  if (any && cd_chart_has_average (chart))
    add_legend_item (box, "●", NULL, _("Average"));
  gtk_widget_set_visible (GTK_WIDGET (box), any);
}

static void
fill_totals (CdReportsView *self)
{
  const CdReport *report = self->report;
  g_autofree char *cost = cd_money_format (report->total_cost, self->currency);
  g_autofree char *median = NULL;

  gtk_label_set_text (self->cost_value, cost);
  set_count (self->cases_value, report->n_cases);
  set_count (self->closed_value, report->n_closed);
  if (report->n_closed > 0)
    median = format_duration (report->median_time_to_close);
  gtk_label_set_text (self->median_value, median != NULL ? median : "—");
  set_count (self->kept_value, report->promises_kept);
  set_count (self->late_value, report->promises_late);
  set_count (self->pending_value, report->promises_pending);
}

void
cd_reports_view_update_per_order (CdReportsView *self)
{
  const char *orders_text = gtk_editable_get_text (GTK_EDITABLE (self->orders_row));
  const char *revenue_text = gtk_editable_get_text (GTK_EDITABLE (self->revenue_row));
  guint64 orders = 0;
  gint64 revenue = 0;
  gboolean orders_ok, revenue_ok;

  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (orders_text));

  orders_ok = *stripped != '\0' &&
              g_ascii_string_to_unsigned (stripped, 10, 1, G_MAXINT64, &orders, NULL);
  revenue_ok = *revenue_text != '\0' &&
               cd_money_parse (revenue_text, self->currency, &revenue, &error) && revenue > 0;
  if (*stripped != '\0' && !orders_ok)
    gtk_widget_add_css_class (GTK_WIDGET (self->orders_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->orders_row), "error");
  if (*revenue_text != '\0' && !revenue_ok)
    gtk_widget_add_css_class (GTK_WIDGET (self->revenue_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->revenue_row), "error");

  if (orders_ok && self->report != NULL)
    {
      g_autofree char *text = cd_money_format (cd_report_cost_per_order (self->report,
                                                                         (gint64) orders),
                                               self->currency);
      gtk_label_set_text (self->per_order_label, text);
    }
  else
    gtk_label_set_text (self->per_order_label, "—");

  if (revenue_ok && self->report != NULL)
    {
      gint64 per_mille = cd_report_cost_share_per_mille (self->report, revenue);
      /* Translators: a share of revenue in percent, e.g. "2.5%" */
      g_autofree char *text = g_strdup_printf (_("%.1f%%"), (double) per_mille / 10.0);

      gtk_label_set_text (self->share_label, text);
    }
  else
    gtk_label_set_text (self->share_label, "—");
}

static void
set_subtitle (CdReportsView *self,
              gint64         from,
              gint64         to)
{
  g_autofree char *first = cd_format_date (from);
  g_autofree char *last = cd_format_date (to - 1);
  /* Translators: the period shown, first and last day, e.g. "1 Mar 2025 – 31 May 2025" */
  g_autofree char *text = g_strdup_printf (_("%s – %s"), first, last);

  adw_window_title_set_subtitle (self->window_title, text);
}

static gboolean
report_is_empty (const CdReport *report)
{
  return report->n_cases == 0 && report->total_cost == 0 && report->satisfaction.count == 0 &&
         report->promises_kept + report->promises_late + report->promises_pending == 0;
}

void
cd_reports_view_show_report (CdReportsView *self)
{
  CdReport *report = self->report;

  set_subtitle (self, report->from, report->to);
  cd_chart_set_costs (self->chart, (const char * const *) report->months,
                      report->cost_by_month_kind, self->currency);
  fill_legend (self->legend_box, self->chart);
  fill_totals (self);
  fill_counts (self->category_grid, report->cases_by_category, CD_TYPE_CATEGORY);
  fill_counts (self->root_cause_grid, report->cases_by_root_cause, CD_TYPE_ROOT_CAUSE);
  fill_satisfaction (self, &report->satisfaction);
  cd_chart_set_satisfaction (self->satisfaction_chart, (const char * const *) report->months,
                             report->satisfaction_by_month);
  fill_legend (self->satisfaction_legend, self->satisfaction_chart);
  gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_chart), report->satisfaction.count > 0);
  cd_reports_view_update_per_order (self);

  gtk_widget_set_visible (self->empty_page, report_is_empty (report));
  gtk_widget_set_visible (self->content_box, !report_is_empty (report));
}

/* The tiles of the totals, empty until a report is shown. */
void
cd_reports_view_add_tiles (CdReportsView *self)
{
  self->cost_value = add_tile (self, _("Compensation Cost"));
  self->cases_value = add_tile (self, _("Cases"));
  self->closed_value = add_tile (self, _("Closed"));
  self->median_value = add_tile (self, _("Median Time to Close"));
  self->kept_value = add_tile (self, _("Promises Kept"));
  self->late_value = add_tile (self, _("Promises Late"));
  self->pending_value = add_tile (self, _("Promises Pending"));
}
