/* cd-chart.c — stacked bar charts per month: compensation cost by kind, or satisfaction scores
 * with their average
 *
 * One column per month, one segment per series, stacked in the series' order so that a
 * series keeps its place and colour from one period to the next: the compensation kinds in
 * the enum's order, or the scores 1 to 5. The satisfaction chart also draws each month's
 * average score as dots joined by a line, against a second axis on the right (0–5).
 *
 * Text, axes and the average take the foreground colour they are given (the widget's own on
 * screen, black on paper), so the chart reads in light and dark style alike; the bars take
 * the GNOME palette, which reads on both. The tooltip names the month, series and exact value
 * under the pointer. cd_chart_draw() serves the widget and the printed report alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-chart.h"
#include "cd-enums.h"
#include "cd-money.h"
#include "cd-report.h"

#define PAD 6.0
#define GAP 8.0
#define MAX_BAR_WIDTH 48.0
#define DOT_RADIUS 4.0
#define N_SCORES 5

/* The GNOME palette, one colour per CdCompensationKind: dark shades first, then light. */
static const char * const palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44",
  "#99c1f1", "#8ff0a4", "#ffbe6f", "#f66151", "#dc8add", "#cdab8f",
};

/* Scores 1 to 5, from the palette's red to its green. */
static const char * const score_palette[N_SCORES] = {
  "#e01b24", "#ff7800", "#f6d32d", "#8ff0a4", "#2ec27e",
};

typedef enum
{
  MODE_COSTS,
  MODE_SATISFACTION,
} Mode;

struct _CdChart
{
  GtkWidget   parent_instance;

  /* Owned */
  GStrv       months;    /* "YYYY-MM", in order */
  GStrv       labels;    /* one per series */
  gint64     *values;    /* n_months × n_series: minor units, or counts of scores */
  double     *averages;  /* n_months; satisfaction only, 0 for a month without scores */
  char       *currency;

  Mode        mode;
  guint       n_months;
  guint       n_series;
};

G_DEFINE_FINAL_TYPE (CdChart, cd_chart, GTK_TYPE_WIDGET)

/* Where things go, shared by drawing and the tooltip so they always agree. */
typedef struct
{
  double plot_x;
  double plot_y;
  double plot_width;
  double plot_height;
  double slot;
  double bar;
  double line_height;
  gint64 step;
  guint  n_steps;
} Geometry;

/* Helpers */

static gint64
value_at (CdChart *self,
          guint    month,
          guint    series)
{
  return self->values[month * self->n_series + series];
}

static gint64
month_total (CdChart *self,
             guint    month)
{
  gint64 total = 0;

  for (guint s = 0; s < self->n_series; s++)
    total += value_at (self, month, s);
  return total;
}

static gint64
max_total (CdChart *self)
{
  gint64 max = 0;

  for (guint m = 0; m < self->n_months; m++)
    max = MAX (max, month_total (self, m));
  return max;
}

static char *
format_value (CdChart *self,
              gint64   value)
{
  if (self->mode == MODE_COSTS)
    return cd_money_format (value, self->currency);
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* A round step (1, 2 or 5 × 10ⁿ, at least one major unit or one score) giving about four
 * gridlines. Integer arithmetic only: the UI library does not link libm. */
static void
choose_scale (CdChart *self,
              gint64  *step,
              guint   *n_steps)
{
  static const gint64 factors[] = { 1, 2, 5 };
  gint64 max = max_total (self);
  gint64 unit = 1;
  gint64 rough;

  if (self->mode == MODE_COSTS)
    for (int i = 0; i < cd_money_digits (self->currency); i++)
      unit *= 10;
  rough = MAX ((max + 3) / 4, unit);
  *step = unit;
  for (gint64 magnitude = unit; *step < rough && magnitude <= G_MAXINT64 / 50; magnitude *= 10)
    for (guint i = 0; i < G_N_ELEMENTS (factors) && *step < rough; i++)
      *step = magnitude * factors[i];
  if (*step < rough)
    *step = rough;
  *n_steps = (guint) MAX ((max + *step - 1) / *step, 1);
}

static int
compare_months (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GDateTime *
month_date (const char *month)
{
  int year = 0, mon = 0;

  if (month == NULL || sscanf (month, "%d-%d", &year, &mon) != 2 || mon < 1 || mon > 12)
    return NULL;
  return g_date_time_new_utc (year, mon, 1, 0, 0, 0);
}

static char *
month_title (const char *month)
{
  g_autoptr(GDateTime) date = month_date (month);

  /* Translators: a month in the chart's tooltip, see strftime; e.g. "March 2025" */
  return date != NULL ? g_date_time_format (date, _("%B %Y")) : g_strdup (month);
}

static PangoLayout *
make_layout (PangoContext *pango,
             const char   *text,
             int          *width,
             int          *height)
{
  PangoLayout *layout = pango_layout_new (pango);

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, width, height);
  return layout;
}

static const char *
left_caption (CdChart *self)
{
  return self->mode == MODE_COSTS ? _("Cost") : _("Scores");
}

static void
compute_geometry (CdChart      *self,
                  PangoContext *pango,
                  double        width,
                  double        height,
                  Geometry     *g)
{
  int label_width = 0, line_height = 0, right_width = 0;

  choose_scale (self, &g->step, &g->n_steps);
  for (guint i = 0; i <= g->n_steps; i++)
    {
      g_autofree char *text = format_value (self, g->step * (gint64) i);
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;

      layout = make_layout (pango, text, &w, &h);
      label_width = MAX (label_width, w);
      line_height = MAX (line_height, h);
    }
  if (self->mode == MODE_SATISFACTION)
    {
      g_autoptr(PangoLayout) layout = make_layout (pango, "5", &right_width, NULL);

      right_width += (int) GAP;
    }
  g->line_height = line_height;
  g->plot_x = label_width + GAP;
  /* the axis captions take the first line */
  g->plot_y = line_height + GAP + line_height / 2.0;
  g->plot_width = MAX (width - g->plot_x - PAD - right_width, 1.0);
  g->plot_height = MAX (height - g->plot_y - 2 * line_height - GAP, 1.0);
  g->slot = g->plot_width / MAX (self->n_months, 1);
  g->bar = MIN (g->slot * 0.6, MAX_BAR_WIDTH);
}

static double
rint_px (double v)
{
  return (double) (gint64) (v + 0.5);
}

static double
value_to_y (const Geometry *g,
            gint64          value)
{
  double top = (double) g->step * g->n_steps;

  return g->plot_y + g->plot_height - g->plot_height * (double) value / top;
}

static double
average_to_y (const Geometry *g,
              double          average)
{
  return g->plot_y + g->plot_height - g->plot_height * average / N_SCORES;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *fg,
            double         alpha)
{
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * alpha);
}

static void
show_text (cairo_t      *cr,
           PangoContext *pango,
           const char   *text,
           double        x,
           double        y,
           double        align)   /* 0 left, 0.5 centre, 1 right of x */
{
  int w, h;
  g_autoptr(PangoLayout) layout = make_layout (pango, text, &w, &h);

  cairo_move_to (cr, x - w * align, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_axes (CdChart        *self,
           cairo_t        *cr,
           PangoContext   *pango,
           const Geometry *g,
           const GdkRGBA  *fg)
{
  double right = g->plot_x + g->plot_width;

  set_source (cr, fg, 0.7);
  show_text (cr, pango, left_caption (self), PAD, 0, 0);
  if (self->mode == MODE_SATISFACTION)
    show_text (cr, pango, _("Average"), right + GAP, 0, 1);

  for (guint i = 0; i <= g->n_steps; i++)
    {
      g_autofree char *text = format_value (self, g->step * (gint64) i);
      double y = rint_px (value_to_y (g, g->step * (gint64) i)) + 0.5;

      set_source (cr, fg, i == 0 ? 0.5 : 0.15);
      cairo_move_to (cr, g->plot_x, y);
      cairo_line_to (cr, right, y);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      set_source (cr, fg, 0.7);
      show_text (cr, pango, text, g->plot_x - GAP, y - g->line_height / 2.0, 1);
    }
  if (self->mode != MODE_SATISFACTION)
    return;
  for (int score = 1; score <= N_SCORES; score++)
    {
      char text[2] = { (char) ('0' + score), '\0' };

      set_source (cr, fg, 0.7);
      show_text (cr, pango, text, right + GAP, average_to_y (g, score) - g->line_height / 2.0,
                 0);
    }
}

static void
draw_month_label (CdChart        *self,
                  cairo_t        *cr,
                  PangoContext   *pango,
                  const Geometry *g,
                  const GdkRGBA  *fg,
                  guint           month)
{
  g_autoptr(GDateTime) date = month_date (self->months[month]);
  g_autofree char *name = NULL;
  g_autofree char *year = NULL;
  double centre = g->plot_x + g->slot * (month + 0.5);
  double top = g->plot_y + g->plot_height + GAP / 2;

  if (date == NULL)
    return;
  /* Translators: a month under a bar of the chart, see strftime; e.g. "Mar" */
  name = g_date_time_format (date, _("%b"));
  set_source (cr, fg, 0.8);
  show_text (cr, pango, name, centre, top, 0.5);

  /* The year only where it changes, so twelve months stay legible. */
  if (month != 0 && g_date_time_get_month (date) != 1)
    return;
  year = g_date_time_format (date, "%Y");
  set_source (cr, fg, 0.55);
  show_text (cr, pango, year, centre, top + g->line_height, 0.5);
}

static void
draw_bars (CdChart        *self,
           cairo_t        *cr,
           const Geometry *g)
{
  for (guint m = 0; m < self->n_months; m++)
    {
      double x = rint_px (g->plot_x + g->slot * (m + 0.5) - g->bar / 2);
      gint64 below = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          gint64 value = value_at (self, m, s);
          GdkRGBA color;
          double y0, y1;

          if (value <= 0)
            continue;
          y0 = value_to_y (g, below);
          y1 = value_to_y (g, below + value);
          cd_chart_get_series_color (self, s, &color);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_rectangle (cr, x, y1, rint_px (g->bar), MAX (y0 - y1, 1.0));
          cairo_fill (cr);
          below += value;
        }
    }
}

static gboolean
month_has_scores (CdChart *self,
                  guint    month)
{
  return self->mode == MODE_SATISFACTION && month_total (self, month) > 0;
}

/* The average: dots, joined where months with scores follow each other. */
static void
draw_average (CdChart        *self,
              cairo_t        *cr,
              const Geometry *g,
              const GdkRGBA  *fg)
{
  gboolean joined = FALSE;

  set_source (cr, fg, 0.9);
  cairo_set_line_width (cr, 2.0);
  for (guint m = 0; m < self->n_months; m++)
    {
      double x = g->plot_x + g->slot * (m + 0.5);
      double y = average_to_y (g, self->averages[m]);

      if (!month_has_scores (self, m))
        {
          joined = FALSE;
          continue;
        }
      if (joined)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      joined = TRUE;
    }
  cairo_stroke (cr);
  for (guint m = 0; m < self->n_months; m++)
    {
      if (!month_has_scores (self, m))
        continue;
      cairo_arc (cr, g->plot_x + g->slot * (m + 0.5), average_to_y (g, self->averages[m]),
                 DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* GtkWidget */

static void
cd_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  CdChart *self = CD_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  /* gtk_widget_get_color() is GTK 4.10; this is deprecated only from there. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cd_chart_draw (self, cr, gtk_widget_get_pango_context (widget), width, height, &fg);
  cairo_destroy (cr);
}

static void
cd_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = 200;
      *natural = 260;
    }
}

static gboolean
cd_chart_query_tooltip (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard_tooltip,
                        GtkTooltip *tooltip)
{
  g_autofree char *text = cd_chart_dup_tooltip_at (CD_CHART (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* GObject */

static void
cd_chart_finalize (GObject *object)
{
  CdChart *self = CD_CHART (object);

  g_clear_pointer (&self->months, g_strfreev);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->averages, g_free);
  g_clear_pointer (&self->currency, g_free);
  G_OBJECT_CLASS (cd_chart_parent_class)->finalize (object);
}

static void
cd_chart_class_init (CdChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cd_chart_finalize;
  widget_class->snapshot = cd_chart_snapshot;
  widget_class->measure = cd_chart_measure;
  widget_class->query_tooltip = cd_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cd_chart_init (CdChart *self)
{
  self->months = g_new0 (char *, 1);
  self->labels = g_new0 (char *, 1);
  self->currency = g_strdup ("");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

/* Public API */

/**
 * cd_chart_new:
 *
 * Returns: (transfer floating): an empty chart
 */
GtkWidget *
cd_chart_new (void)
{
  return g_object_new (CD_TYPE_CHART, NULL);
}

/* @months plus any month of @rows (whose "month" is the first member) they lack, in order. */
static void
set_months (CdChart            *self,
            const char * const *months,
            GPtrArray          *rows)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; months[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer) months[i]);
  for (guint i = 0; i < rows->len; i++)
    {
      char *month = *(char **) g_ptr_array_index (rows, i);

      if (!g_ptr_array_find_with_equal_func (all, month, g_str_equal, NULL))
        g_ptr_array_add (all, month);
    }
  g_ptr_array_sort (all, compare_months);

  g_strfreev (self->months);
  self->n_months = all->len;
  self->months = g_new0 (char *, all->len + 1);
  for (guint i = 0; i < all->len; i++)
    self->months[i] = g_strdup (g_ptr_array_index (all, i));
  g_free (self->values);
  self->values = g_new0 (gint64, MAX (self->n_months, 1) * MAX (self->n_series, 1));
  g_free (self->averages);
  self->averages = g_new0 (double, MAX (self->n_months, 1));
}

static guint
month_index (CdChart    *self,
             const char *month)
{
  guint i = 0;

  while (g_strcmp0 (self->months[i], month) != 0)
    i++;
  return i;
}

static void
set_labels (CdChart *self,
            GStrv    labels)
{
  g_strfreev (self->labels);
  self->labels = labels;
  self->n_series = g_strv_length (labels);
}

static char *describe_average (CdChart    *self,
                               guint       month,
                               const char *title);

/* What a screen reader says for the chart, which it cannot point at: each month's total, or
 * its average score. */
static void
update_description (CdChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint m = 0; m < self->n_months; m++)
    {
      g_autofree char *title = month_title (self->months[m]);
      g_autofree char *line = NULL;

      if (self->mode == MODE_SATISFACTION)
        {
          if (!month_has_scores (self, m))
            continue;
          line = describe_average (self, m, title);
        }
      else
        {
          g_autofree char *amount = format_value (self, month_total (self, m));

          line = g_strdup_printf (_("%s: %s in all"), title, amount);
        }
      g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "", line);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
}

/**
 * cd_chart_set_costs:
 * @months: (array zero-terminated=1): the months to show, "YYYY-MM" in order; months in
 *   @rows but not here are added in their place
 * @rows: (element-type CdReportCostRow): the costs, as in CdReport:cost_by_month_kind
 * @currency: the shop's currency, for the axis and the tooltip
 */
void
cd_chart_set_costs (CdChart            *self,
                    const char * const *months,
                    GPtrArray          *rows,
                    const char         *currency)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  guint n_kinds = cd_enum_get_n_values (CD_TYPE_COMPENSATION_KIND);

  g_return_if_fail (CD_IS_CHART (self));
  g_return_if_fail (months != NULL && rows != NULL);

  self->mode = MODE_COSTS;
  for (guint k = 0; k < n_kinds; k++)
    g_strv_builder_add (labels, cd_enum_get_label (CD_TYPE_COMPENSATION_KIND, (int) k));
  set_labels (self, g_strv_builder_end (labels));
  set_months (self, months, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const CdReportCostRow *row = g_ptr_array_index (rows, i);
      int kind = 0;

      if (cd_enum_from_nick (CD_TYPE_COMPENSATION_KIND, row->kind, &kind))
        self->values[month_index (self, row->month) * self->n_series + (guint) kind] +=
          row->cost;
    }
  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Compensation cost per month, by kind"), -1);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cd_chart_set_satisfaction:
 * @months: (array zero-terminated=1): the months to show, as for cd_chart_set_costs()
 * @rows: (element-type CdReportSatisfaction): as in CdReport:satisfaction_by_month
 */
void
cd_chart_set_satisfaction (CdChart            *self,
                           const char * const *months,
                           GPtrArray          *rows)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

  g_return_if_fail (CD_IS_CHART (self));
  g_return_if_fail (months != NULL && rows != NULL);

  self->mode = MODE_SATISFACTION;
  for (int score = 1; score <= N_SCORES; score++)
    {
      g_autofree char *label = g_strdup_printf (ngettext ("%d star", "%d stars", (gulong) score),
                                                score);

      g_strv_builder_add (labels, label);
    }
  set_labels (self, g_strv_builder_end (labels));
  set_months (self, months, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const CdReportSatisfaction *row = g_ptr_array_index (rows, i);
      guint month = month_index (self, row->month);

      for (guint s = 0; s < N_SCORES; s++)
        self->values[month * self->n_series + s] = row->distribution[s];
      self->averages[month] = row->average;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Satisfaction scores per month, and their average"), -1);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cd_chart_get_n_months (CdChart *self)
{
  g_return_val_if_fail (CD_IS_CHART (self), 0);
  return self->n_months;
}

guint
cd_chart_get_n_series (CdChart *self)
{
  g_return_val_if_fail (CD_IS_CHART (self), 0);
  return self->n_series;
}

/* Whether any month has a value in @series: the legend names only those. */
gboolean
cd_chart_series_is_used (CdChart *self,
                         guint    series)
{
  g_return_val_if_fail (CD_IS_CHART (self), FALSE);
  g_return_val_if_fail (series < self->n_series, FALSE);

  for (guint m = 0; m < self->n_months; m++)
    if (value_at (self, m, series) > 0)
      return TRUE;
  return FALSE;
}

const char *
cd_chart_get_series_label (CdChart *self,
                           guint    series)
{
  g_return_val_if_fail (CD_IS_CHART (self), NULL);
  g_return_val_if_fail (series < self->n_series, NULL);
  return self->labels[series];
}

/**
 * cd_chart_get_series_color:
 * @color: (out caller-allocates): the colour of @series' bars
 */
void
cd_chart_get_series_color (CdChart *self,
                           guint    series,
                           GdkRGBA *color)
{
  g_return_if_fail (CD_IS_CHART (self));

  if (self->mode == MODE_SATISFACTION)
    gdk_rgba_parse (color, score_palette[series % N_SCORES]);
  else
    cd_chart_get_kind_color ((int) series, color);
}

/* Whether the chart draws an average line (in the foreground colour). */
gboolean
cd_chart_has_average (CdChart *self)
{
  g_return_val_if_fail (CD_IS_CHART (self), FALSE);
  return self->mode == MODE_SATISFACTION;
}

/**
 * cd_chart_get_point:
 * @x: (out): where the average of @month is drawn, in a chart @width × @height
 * @y: (out):
 *
 * Returns: %TRUE when @month has an average to draw
 */
gboolean
cd_chart_get_point (CdChart *self,
                    guint    month,
                    double   width,
                    double   height,
                    double  *x,
                    double  *y)
{
  Geometry g;

  g_return_val_if_fail (CD_IS_CHART (self), FALSE);

  if (month >= self->n_months || !month_has_scores (self, month))
    return FALSE;
  compute_geometry (self, gtk_widget_get_pango_context (GTK_WIDGET (self)), width, height, &g);
  *x = g.plot_x + g.slot * (month + 0.5);
  *y = average_to_y (&g, self->averages[month]);
  return TRUE;
}

static char *
describe_average (CdChart    *self,
                  guint       month,
                  const char *title)
{
  gint64 n = month_total (self, month);

  /* Translators: the satisfaction chart's tooltip: month, average score, number of scores;
   * e.g. "March 2025 · average 4.2 from 7 scores" */
  return g_strdup_printf (ngettext ("%s · average %.1f from %lu score",
                                    "%s · average %.1f from %lu scores", (gulong) n),
                          title, self->averages[month], (gulong) n);
}

/**
 * cd_chart_dup_tooltip_at:
 * @x: widget coordinates
 *
 * Returns: (transfer full) (nullable): the month, series and value under (@x, @y), or the
 *   month's average near its dot, or the month's total away from its bar; NULL outside any
 *   month
 */
char *
cd_chart_dup_tooltip_at (CdChart *self,
                         double   x,
                         double   y)
{
  g_autofree char *title = NULL;
  g_autofree char *amount = NULL;
  Geometry g;
  gint64 below = 0;
  guint month;

  g_return_val_if_fail (CD_IS_CHART (self), NULL);

  compute_geometry (self, gtk_widget_get_pango_context (GTK_WIDGET (self)),
                    gtk_widget_get_width (GTK_WIDGET (self)),
                    gtk_widget_get_height (GTK_WIDGET (self)), &g);
  if (self->n_months == 0 || x < g.plot_x || x >= g.plot_x + g.plot_width)
    return NULL;
  month = MIN ((guint) ((x - g.plot_x) / g.slot), self->n_months - 1);
  title = month_title (self->months[month]);
  if (month_has_scores (self, month))
    {
      double dx = x - (g.plot_x + g.slot * (month + 0.5));
      double dy = y - average_to_y (&g, self->averages[month]);

      if (dx * dx + dy * dy <= 4 * DOT_RADIUS * DOT_RADIUS)
        return describe_average (self, month, title);
    }
  for (guint s = 0; s < self->n_series; s++)
    {
      gint64 value = value_at (self, month, s);

      if (value <= 0)
        continue;
      if (y <= value_to_y (&g, below) && y > value_to_y (&g, below + value))
        {
          amount = format_value (self, value);
          /* Translators: the chart's tooltip: month, series (a compensation kind or a
           * score), value; e.g. "March 2025 · Full refund: $12.00" */
          return g_strdup_printf (_("%s · %s: %s"), title, self->labels[s], amount);
        }
      below += value;
    }
  if (self->mode == MODE_SATISFACTION)
    return month_has_scores (self, month) ? describe_average (self, month, title)
           /* Translators: the satisfaction chart's tooltip for a month without scores */
           : g_strdup_printf (_("%s: no scores"), title);
  amount = format_value (self, month_total (self, month));
  /* Translators: the chart's tooltip away from a bar: month, total; e.g. "March 2025: $40.00 in all" */
  return g_strdup_printf (_("%s: %s in all"), title, amount);
}

/**
 * cd_chart_draw:
 * @pango: where text is laid out: the widget's, or the print context's
 * @fg: the colour of text, axes and the average
 *
 * Draws the chart into @cr from (0, 0), @width × @height in the units of @cr.
 */
void
cd_chart_draw (CdChart       *self,
               cairo_t       *cr,
               PangoContext  *pango,
               double         width,
               double         height,
               const GdkRGBA *fg)
{
  Geometry g;

  g_return_if_fail (CD_IS_CHART (self));

  compute_geometry (self, pango, width, height, &g);
  cairo_save (cr);
  draw_axes (self, cr, pango, &g, fg);
  draw_bars (self, cr, &g);
  if (self->mode == MODE_SATISFACTION)
    draw_average (self, cr, &g, fg);
  for (guint m = 0; m < self->n_months; m++)
    draw_month_label (self, cr, pango, &g, fg, m);
  cairo_restore (cr);
}

/**
 * cd_chart_get_kind_color:
 * @kind: a CdCompensationKind
 * @color: (out caller-allocates): its colour in the chart
 */
void
cd_chart_get_kind_color (int      kind,
                         GdkRGBA *color)
{
  gdk_rgba_parse (color, palette[(guint) kind % G_N_ELEMENTS (palette)]);
}
