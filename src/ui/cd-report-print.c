/* cd-report-print.c — the whole report on paper, or saved as PDF
 *
 * The report becomes a list of blocks when printing starts — title, headings, the two charts
 * with their legends, and the tables as rows of text — so that a report computed again while
 * the print dialog is open changes nothing on paper. "begin-print" measures every block on the
 * print context and cuts the list into pages; a heading never ends a page. The charts are the
 * same CdChart drawing as on screen, in black on white. "Print to File" saves a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-report-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cd-chart.h"
#include "cd-enums.h"
#include "cd-format.h"
#include "cd-money.h"
#include "cd-print.h"
#include "cd-report-print.h"

#define BODY_FONT "Sans 10"
#define HEADING_FONT "Sans Bold 12"
#define TITLE_FONT "Sans Bold 18"
#define CHART_HEIGHT 210.0
#define SWATCH 8.0
#define FOOTER_HEIGHT 24.0   /* kept free at the foot of each page for its number */

typedef enum
{
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_HEADING,
  BLOCK_ROW,      /* text, and a value at the right */
  BLOCK_CHART,
  BLOCK_LEGEND,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *text;
  char      *value;
  CdChart   *chart;   /* owned (a floating widget sunk), for charts and legends */
  double     height;  /* set by begin-print */
} Block;

typedef struct
{
  GPtrArray *blocks;       /* (element-type Block) */
  GArray    *page_starts;  /* index of each page's first block */
} PrintJob;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->value);
  g_clear_object (&block->chart);
  g_free (block);
}

static void
print_job_free (PrintJob *job)
{
  g_ptr_array_unref (job->blocks);
  g_array_unref (job->page_starts);
  g_free (job);
}

static Block *
add_block (PrintJob   *job,
           BlockKind   kind,
           const char *text,
           const char *value)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  block->value = g_strdup (value);
  g_ptr_array_add (job->blocks, block);
  return block;
}

static void
add_count_row (PrintJob   *job,
               const char *text,
               gint64      count)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  add_block (job, BLOCK_ROW, text, value);
}

static void
add_chart (PrintJob *job,
           CdChart  *chart)
{
  add_block (job, BLOCK_CHART, NULL, NULL)->chart = g_object_ref (chart);
  add_block (job, BLOCK_LEGEND, NULL, NULL)->chart = g_object_ref (chart);
}

static void
add_counts (PrintJob   *job,
            const char *heading,
            GPtrArray  *rows,
            GType       type)
{
  add_block (job, BLOCK_HEADING, heading, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const CdReportCountRow *row = g_ptr_array_index (rows, i);
      int value = 0;

      add_count_row (job, cd_enum_from_nick (type, row->key, &value)
                          ? cd_enum_get_label (type, value) : row->key, row->count);
    }
  if (rows->len == 0)
    add_block (job, BLOCK_ROW, _("No cases"), "");
}

static void
add_summary (PrintJob       *job,
             const CdReport *report,
             const char     *currency)
{
  g_autofree char *cost = cd_money_format (report->total_cost, currency);
  g_autofree char *average = g_strdup_printf (_("%.1f / 5"), report->satisfaction.average);
  g_autofree char *median = g_strdup_printf ("%.1f", (double) report->median_time_to_close /
                                                     (3600.0 * G_USEC_PER_SEC));

  add_block (job, BLOCK_HEADING, _("Summary"), NULL);
  add_block (job, BLOCK_ROW, _("Compensation Cost"), cost);
  add_count_row (job, _("Cases"), report->n_cases);
  add_count_row (job, _("Closed"), report->n_closed);
  add_block (job, BLOCK_ROW, _("Median hours to close"), report->n_closed > 0 ? median : "—");
  add_count_row (job, _("Promises Kept"), report->promises_kept);
  add_count_row (job, _("Promises Late"), report->promises_late);
  add_count_row (job, _("Promises Pending"), report->promises_pending);
  add_block (job, BLOCK_ROW, _("Average satisfaction"),
             report->satisfaction.count > 0 ? average : "—");
}

static void
add_cost_rows (PrintJob       *job,
               const CdReport *report,
               const char     *currency)
{
  for (guint i = 0; i < report->cost_by_month_kind->len; i++)
    {
      const CdReportCostRow *row = g_ptr_array_index (report->cost_by_month_kind, i);
      g_autofree char *cost = cd_money_format (row->cost, currency);
      g_autofree char *text = NULL;
      int kind = 0;

      text = g_strdup_printf ("%s  %s", row->month,
                              cd_enum_from_nick (CD_TYPE_COMPENSATION_KIND, row->kind, &kind)
                              ? cd_enum_get_label (CD_TYPE_COMPENSATION_KIND, kind) : row->kind);
      add_block (job, BLOCK_ROW, text, cost);
    }
}

static void
add_satisfaction_rows (PrintJob       *job,
                       const CdReport *report)
{
  for (guint i = 0; i < report->satisfaction_by_month->len; i++)
    {
      const CdReportSatisfaction *row = g_ptr_array_index (report->satisfaction_by_month, i);
      /* Translators: a row of the printed report: average score and how many scores */
      g_autofree char *value = g_strdup_printf (ngettext ("%.1f from %lu score",
                                                          "%.1f from %lu scores",
                                                          (gulong) row->count),
                                                row->average, (gulong) row->count);

      add_block (job, BLOCK_ROW, row->month, value);
    }
}

static PrintJob *
print_job_new (const CdReport *report,
               const char     *currency)
{
  PrintJob *job = g_new0 (PrintJob, 1);
  g_autoptr(CdChart) costs = g_object_ref_sink (CD_CHART (cd_chart_new ()));
  g_autoptr(CdChart) satisfaction = g_object_ref_sink (CD_CHART (cd_chart_new ()));
  g_autofree char *first = cd_format_date (report->from);
  g_autofree char *last = cd_format_date (MAX (report->to - 1, report->from));
  g_autofree char *period = g_strdup_printf (_("%s – %s"), first, last);

  job->blocks = g_ptr_array_new_with_free_func (block_free);
  job->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  cd_chart_set_costs (costs, (const char * const *) report->months,
                      report->cost_by_month_kind, currency);
  cd_chart_set_satisfaction (satisfaction, (const char * const *) report->months,
                             report->satisfaction_by_month);

  add_block (job, BLOCK_TITLE, _("Service Report"), NULL);
  add_block (job, BLOCK_SUBTITLE, period, NULL);
  add_summary (job, report, currency);
  add_block (job, BLOCK_HEADING, _("Cost per Month"), NULL);
  add_chart (job, costs);
  add_cost_rows (job, report, currency);
  add_counts (job, _("Cases per Category"), report->cases_by_category, CD_TYPE_CATEGORY);
  add_counts (job, _("Cases per Root Cause"), report->cases_by_root_cause, CD_TYPE_ROOT_CAUSE);
  add_block (job, BLOCK_HEADING, _("Satisfaction"), NULL);
  if (report->satisfaction.count > 0)
    add_chart (job, satisfaction);
  add_satisfaction_rows (job, report);
  if (report->satisfaction.count == 0)
    add_block (job, BLOCK_ROW, _("No follow-up has a score yet"), "");
  return job;
}

/* Layout */

static PangoLayout *
make_layout (GtkPrintContext *context,
             const char      *font,
             const char      *text,
             double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_font_description_free (description);
  return layout;
}

static const char *
block_font (const Block *block)
{
  return block->kind == BLOCK_TITLE ? TITLE_FONT
       : block->kind == BLOCK_HEADING ? HEADING_FONT : BODY_FONT;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
measure_block (GtkPrintContext *context,
               const Block     *block,
               double           width)
{
  g_autoptr(PangoLayout) layout = NULL;

  switch (block->kind)
    {
    case BLOCK_CHART:
      return CHART_HEIGHT + 6;
    case BLOCK_LEGEND:
      layout = make_layout (context, BODY_FONT, "■", width);
      return layout_height (layout) * 2 + 10;
    case BLOCK_HEADING:
      layout = make_layout (context, block_font (block), block->text, width);
      return layout_height (layout) + 14;
    case BLOCK_ROW:
      layout = make_layout (context, block_font (block), block->text, width * 0.65);
      return layout_height (layout) + 3;
    case BLOCK_TITLE:
    case BLOCK_SUBTITLE:
    default:
      layout = make_layout (context, block_font (block), block->text, width);
      return layout_height (layout) + (block->kind == BLOCK_SUBTITLE ? 12 : 2);
    }
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context) - FOOTER_HEIGHT;
  double y = 0;
  guint first = 0;

  g_array_set_size (job->page_starts, 0);
  g_array_append_val (job->page_starts, first);
  for (guint i = 0; i < job->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (job->blocks, i);
      double need;

      block->height = measure_block (context, block, width);
      need = block->height;
      /* a heading keeps its first block with it, a chart its legend */
      if ((block->kind == BLOCK_HEADING || block->kind == BLOCK_CHART) &&
          i + 1 < job->blocks->len)
        need += measure_block (context, g_ptr_array_index (job->blocks, i + 1), width);
      if (y > 0 && y + need > height)
        {
          g_array_append_val (job->page_starts, i);
          y = 0;
        }
      y += block->height;
    }
  gtk_print_operation_set_n_pages (operation, (int) job->page_starts->len);
}

/* Drawing */

static void
draw_legend (GtkPrintContext *context,
             cairo_t         *cr,
             CdChart         *chart,
             double           width,
             double           y)
{
  double x = 0;

  for (guint s = 0; s <= cd_chart_get_n_series (chart); s++)
    {
      gboolean average = s == cd_chart_get_n_series (chart);
      const char *label;
      g_autoptr(PangoLayout) layout = NULL;
      GdkRGBA color = { 0.1, 0.1, 0.1, 1 };
      int w, h;

      if (average ? !cd_chart_has_average (chart) : !cd_chart_series_is_used (chart, s))
        continue;
      label = average ? _("Average") : cd_chart_get_series_label (chart, s);
      layout = make_layout (context, BODY_FONT, label, width);
      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (x > 0 && x + SWATCH + 4 + w > width)
        {
          x = 0;
          y += h + 2;
        }
      if (!average)
        cd_chart_get_series_color (chart, s, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      /* showing text leaves a current point, which an arc would join with a line */
      cairo_new_path (cr);
      if (average)
        cairo_arc (cr, x + SWATCH / 2, y + h / 2.0, SWATCH / 2, 0, 2 * G_PI);
      else
        cairo_rectangle (cr, x, y + (h - SWATCH) / 2.0, SWATCH, SWATCH);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, x + SWATCH + 4, y);
      pango_cairo_show_layout (cr, layout);
      x += SWATCH + 4 + w + 14;
    }
}

static void
draw_block (GtkPrintContext *context,
            cairo_t         *cr,
            const Block     *block,
            double           width,
            double           y)
{
  g_autoptr(PangoLayout) layout = NULL;
  static const GdkRGBA ink = { 0.1, 0.1, 0.1, 1 };

  cairo_set_source_rgb (cr, ink.red, ink.green, ink.blue);
  switch (block->kind)
    {
    case BLOCK_CHART:
      {
        PangoContext *pango = gtk_print_context_create_pango_context (context);
        PangoFontDescription *font = pango_font_description_from_string ("Sans 8");

        pango_context_set_font_description (pango, font);
        cairo_save (cr);
        cairo_translate (cr, 0, y);
        cd_chart_draw (block->chart, cr, pango, width, CHART_HEIGHT, &ink);
        cairo_restore (cr);
        pango_font_description_free (font);
        g_object_unref (pango);
        return;
      }
    case BLOCK_LEGEND:
      draw_legend (context, cr, block->chart, width, y);
      return;
    case BLOCK_ROW:
      layout = make_layout (context, BODY_FONT, block->text, width * 0.65);
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, layout);
      g_clear_object (&layout);
      layout = make_layout (context, BODY_FONT, block->value, width * 0.35);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      cairo_move_to (cr, width * 0.65, y);
      pango_cairo_show_layout (cr, layout);
      return;
    case BLOCK_HEADING:
      layout = make_layout (context, block_font (block), block->text, width);
      cairo_move_to (cr, 0, y + 10);
      pango_cairo_show_layout (cr, layout);
      return;
    case BLOCK_TITLE:
    case BLOCK_SUBTITLE:
    default:
      layout = make_layout (context, block_font (block), block->text, width);
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, layout);
      return;
    }
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  guint start = g_array_index (job->page_starts, guint, page_nr);
  guint end = (guint) page_nr + 1 < job->page_starts->len
              ? g_array_index (job->page_starts, guint, page_nr + 1) : job->blocks->len;
  double y = 0;

  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  for (guint i = start; i < end; i++)
    {
      const Block *block = g_ptr_array_index (job->blocks, i);

      draw_block (context, cr, block, width, y);
      y += block->height;
    }

  /* Translators: at the foot of each page of the printed report */
  footer = g_strdup_printf (_("Page %d of %u"), page_nr + 1, job->page_starts->len);
  layout = make_layout (context, "Sans 8", footer, width);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_move_to (cr, 0, gtk_print_context_get_height (context) - FOOTER_HEIGHT / 2);
  pango_cairo_show_layout (cr, layout);
}

static GtkPrintOperation *
create_operation (const CdReport *report,
                  const char     *currency)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  PrintJob *job = print_job_new (report, currency);

  gtk_print_operation_set_job_name (operation, _("Service Report"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job,
                         (GClosureNotify) (void (*) (void)) print_job_free, 0);
  return operation;
}

/**
 * cd_report_print:
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Opens the print dialog for the whole report; "Print to File" saves a PDF.
 */
void
cd_report_print (GtkWindow      *parent,
                 const CdReport *report,
                 const char     *currency)
{
  g_return_if_fail (report != NULL);

  cd_print_run_dialog (create_operation (report, currency), parent);
}

/**
 * cd_report_print_to_pdf:
 * @path: where to write the PDF
 * @n_pages: (out) (optional): how many pages it has
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
cd_report_print_to_pdf (const CdReport  *report,
                        const char      *currency,
                        const char      *path,
                        int             *n_pages,
                        GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  gboolean ok;

  g_return_val_if_fail (report != NULL, FALSE);

  operation = create_operation (report, currency);
  gtk_print_operation_set_export_filename (operation, path);
  ok = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                error) != GTK_PRINT_OPERATION_RESULT_ERROR;
  if (ok && n_pages != NULL)
    g_object_get (operation, "n-pages", n_pages, NULL);
  return ok;
}
