/* cd-chart.c — a stacked bar chart of compensation cost per month and kind
 *
 * One column per month, one segment per compensation kind, stacked in the enum's order so
 * that a kind keeps its place and colour from one period to the next. Text and axes take the
 * widget's foreground colour, so the chart reads in light and dark style alike; the tooltip
 * names the month, kind and exact amount under the pointer.
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

/* The GNOME palette, one colour per CdCompensationKind: dark shades first, then light. */
static const char * const palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44",
  "#99c1f1", "#8ff0a4", "#ffbe6f", "#f66151", "#dc8add", "#cdab8f",
};

struct _CdChart
{
  GtkWidget   parent_instance;

  /* Owned */
  GStrv       months;    /* "YYYY-MM", in order */
  gint64     *costs;     /* n_months × n_kinds, minor units */
  char       *currency;

  guint       n_months;
  guint       n_kinds;
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
  gint64 step;
  guint  n_steps;
} Geometry;

/* Helpers */

static gint64
cost_at (CdChart *self,
         guint    month,
         guint    kind)
{
  return self->costs[month * self->n_kinds + kind];
}

static gint64
month_total (CdChart *self,
             guint    month)
{
  gint64 total = 0;

  for (guint k = 0; k < self->n_kinds; k++)
    total += cost_at (self, month, k);
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

/* A round step (1, 2 or 5 × 10ⁿ, at least one major unit) giving about four gridlines.
 * Integer arithmetic only: the UI library does not link libm. */
static void
choose_scale (CdChart *self,
              gint64  *step,
              guint   *n_steps)
{
  static const gint64 factors[] = { 1, 2, 5 };
  gint64 max = max_total (self);
  gint64 unit = 1;
  gint64 rough;

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

/* g_ptr_array_sort() passes pointers to the elements. */
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
make_layout (CdChart    *self,
             const char *text,
             int        *width,
             int        *height)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_get_pixel_size (layout, width, height);
  return layout;
}

static void
compute_geometry (CdChart  *self,
                  Geometry *g)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  int label_width = 0, line_height = 0;

  choose_scale (self, &g->step, &g->n_steps);
  for (guint i = 0; i <= g->n_steps; i++)
    {
      g_autofree char *text = cd_money_format (g->step * (gint64) i, self->currency);
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;

      layout = make_layout (self, text, &w, &h);
      label_width = MAX (label_width, w);
      line_height = MAX (line_height, h);
    }
  g->plot_x = label_width + GAP;
  g->plot_y = line_height / 2.0 + PAD;
  g->plot_width = MAX (width - g->plot_x - PAD, 1.0);
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

static void
draw_axes (CdChart        *self,
           cairo_t        *cr,
           const Geometry *g,
           const GdkRGBA  *fg)
{
  for (guint i = 0; i <= g->n_steps; i++)
    {
      g_autofree char *text = cd_money_format (g->step * (gint64) i, self->currency);
      g_autoptr(PangoLayout) layout = NULL;
      double y = rint_px (value_to_y (g, g->step * (gint64) i)) + 0.5;
      int w, h;

      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * (i == 0 ? 0.5 : 0.15));
      cairo_move_to (cr, g->plot_x, y);
      cairo_line_to (cr, g->plot_x + g->plot_width, y);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);

      layout = make_layout (self, text, &w, &h);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * 0.7);
      cairo_move_to (cr, g->plot_x - GAP - w, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_month_label (CdChart        *self,
                  cairo_t        *cr,
                  const Geometry *g,
                  const GdkRGBA  *fg,
                  guint           month)
{
  g_autoptr(GDateTime) date = month_date (self->months[month]);
  g_autofree char *name = NULL;
  g_autofree char *year = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double centre = g->plot_x + g->slot * (month + 0.5);
  int w, h;

  if (date == NULL)
    return;
  /* Translators: a month under a bar of the chart, see strftime; e.g. "Mar" */
  name = g_date_time_format (date, _("%b"));
  layout = make_layout (self, name, &w, &h);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * 0.8);
  cairo_move_to (cr, centre - w / 2.0, g->plot_y + g->plot_height + GAP / 2);
  pango_cairo_show_layout (cr, layout);

  /* The year only where it changes, so twelve months stay legible. */
  if (month != 0 && g_date_time_get_month (date) != 1)
    return;
  year = g_date_time_format (date, "%Y");
  g_clear_object (&layout);
  layout = make_layout (self, year, &w, NULL);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * 0.55);
  cairo_move_to (cr, centre - w / 2.0, g->plot_y + g->plot_height + GAP / 2 + h);
  pango_cairo_show_layout (cr, layout);
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

      for (guint k = 0; k < self->n_kinds; k++)
        {
          gint64 cost = cost_at (self, m, k);
          GdkRGBA color;
          double y0, y1;

          if (cost <= 0)
            continue;
          y0 = value_to_y (g, below);
          y1 = value_to_y (g, below + cost);
          cd_chart_get_kind_color ((int) k, &color);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_rectangle (cr, x, y1, rint_px (g->bar), MAX (y0 - y1, 1.0));
          cairo_fill (cr);
          below += cost;
        }
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
  Geometry g;
  GdkRGBA fg;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  /* gtk_widget_get_color() is GTK 4.10; this is deprecated only from there. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  compute_geometry (self, &g);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_axes (self, cr, &g, &fg);
  draw_bars (self, cr, &g);
  for (guint m = 0; m < self->n_months; m++)
    draw_month_label (self, cr, &g, &fg, m);
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
      *minimum = 180;
      *natural = 240;
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
  g_clear_pointer (&self->costs, g_free);
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
  self->n_kinds = cd_enum_get_n_values (CD_TYPE_COMPENSATION_KIND);
  self->months = g_new0 (char *, 1);
  self->currency = g_strdup ("");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Compensation cost per month, by kind"), -1);
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
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  g_return_if_fail (CD_IS_CHART (self));
  g_return_if_fail (months != NULL && rows != NULL);

  for (guint i = 0; months[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer) months[i]);
  for (guint i = 0; i < rows->len; i++)
    {
      const CdReportCostRow *row = g_ptr_array_index (rows, i);

      if (!g_ptr_array_find_with_equal_func (all, row->month, g_str_equal, NULL))
        g_ptr_array_add (all, row->month);
    }
  g_ptr_array_sort (all, compare_months);

  g_strfreev (self->months);
  self->n_months = all->len;
  self->months = g_new0 (char *, all->len + 1);
  for (guint i = 0; i < all->len; i++)
    self->months[i] = g_strdup (g_ptr_array_index (all, i));
  g_free (self->costs);
  self->costs = g_new0 (gint64, MAX (self->n_months, 1) * self->n_kinds);
  for (guint i = 0; i < rows->len; i++)
    {
      const CdReportCostRow *row = g_ptr_array_index (rows, i);
      int kind = 0;
      guint month = 0;

      if (!cd_enum_from_nick (CD_TYPE_COMPENSATION_KIND, row->kind, &kind) ||
          !g_strv_contains ((const char * const *) self->months, row->month))
        continue;
      while (g_strcmp0 (self->months[month], row->month) != 0)
        month++;
      self->costs[month * self->n_kinds + (guint) kind] += row->cost;
    }
  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : "");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cd_chart_get_n_months (CdChart *self)
{
  g_return_val_if_fail (CD_IS_CHART (self), 0);
  return self->n_months;
}

/**
 * cd_chart_dup_tooltip_at:
 * @x: widget coordinates
 *
 * Returns: (transfer full) (nullable): the month, kind and amount under (@x, @y), the
 *   month's total above or below its bar, or NULL outside any month
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

  compute_geometry (self, &g);
  if (self->n_months == 0 || x < g.plot_x || x >= g.plot_x + g.plot_width)
    return NULL;
  month = MIN ((guint) ((x - g.plot_x) / g.slot), self->n_months - 1);
  title = month_title (self->months[month]);
  for (guint k = 0; k < self->n_kinds; k++)
    {
      gint64 cost = cost_at (self, month, k);

      if (cost <= 0)
        continue;
      if (y <= value_to_y (&g, below) && y > value_to_y (&g, below + cost))
        {
          amount = cd_money_format (cost, self->currency);
          /* Translators: the chart's tooltip: month, compensation kind, amount;
           * e.g. "March 2025 · Full refund: $12.00" */
          return g_strdup_printf (_("%s · %s: %s"), title,
                                  cd_enum_get_label (CD_TYPE_COMPENSATION_KIND, (int) k),
                                  amount);
        }
      below += cost;
    }
  amount = cd_money_format (month_total (self, month), self->currency);
  /* Translators: the chart's tooltip away from a bar: month, total; e.g. "March 2025: $40.00 in all" */
  return g_strdup_printf (_("%s: %s in all"), title, amount);
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
