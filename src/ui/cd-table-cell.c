/* cd-table-cell.c — a text cell of the case list's and the blacklist's column views
 *
 * One line of text, ellipsized at the end when it does not fit. Like GtkInscription (which
 * it replaces), it asks for a width in characters rather than measuring its text, so its
 * column keeps its width as rows come and go. Unlike GtkInscription it does not ask Pango for
 * the font's metrics each time it is measured (54,000 instructions a time, twice for each new
 * cell: a quarter of what a new row cost) nor make a Pango context of its own: it lays out its
 * text with the column view's context, and the metrics are kept per font (the cells of a
 * column view share its font; CSS classes on a cell may change its colour and opacity, which
 * are drawn from the cell's own style, but not its font). A change of style needs nothing of
 * its own: GTK asks for the size again when a font changes, and the layout is made anew when
 * it was made in another font than the list's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cd-table-cell.h"

struct _CdTableCell
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;       /* laid out for layout_width in layout_font, or NULL */
  int          layout_width;
  gconstpointer layout_font; /* the CdFontMetrics entry of the font it was laid out in */
  int          min_chars;
  int          nat_chars;
  float        xalign;
};

G_DEFINE_FINAL_TYPE (CdTableCell, cd_table_cell, GTK_TYPE_WIDGET)

/* A handful at most (the list's font, perhaps a second after a change of settings); only
 * the main thread measures widgets. */
static GPtrArray *font_metrics;

static void
font_metrics_free (gpointer data)
{
  CdFontMetrics *metrics = data;

  pango_font_description_free (metrics->font);
  g_free (metrics);
}

/**
 * cd_font_metrics_get:
 * @context: the Pango context text is laid out with
 *
 * What measuring a line of text needs of @context's font, asked of Pango once per font and
 * language (pango_context_get_metrics() costs some 54,000 instructions a call).
 *
 * Returns: (transfer none): the metrics, the same pointer for as long as the font is the same
 */
const CdFontMetrics *
cd_font_metrics_get (PangoContext *context)
{
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoLanguage *language = pango_context_get_language (context);
  PangoFontMetrics *pango_metrics;
  CdFontMetrics *metrics;

  if (font_metrics == NULL)
    font_metrics = g_ptr_array_new_with_free_func (font_metrics_free);
  for (guint i = 0; i < font_metrics->len; i++)
    {
      metrics = g_ptr_array_index (font_metrics, i);
      if (metrics->language == language && pango_font_description_equal (metrics->font, font))
        return metrics;
    }

  pango_metrics = pango_context_get_metrics (context, NULL, NULL);
  metrics = g_new0 (CdFontMetrics, 1);
  metrics->font = pango_font_description_copy (font);
  metrics->language = language;
  metrics->char_width = MAX (pango_font_metrics_get_approximate_char_width (pango_metrics),
                             pango_font_metrics_get_approximate_digit_width (pango_metrics));
  metrics->line_height = pango_font_metrics_get_ascent (pango_metrics) +
                         pango_font_metrics_get_descent (pango_metrics);
  pango_font_metrics_unref (pango_metrics);
  g_ptr_array_add (font_metrics, metrics);
  return metrics;
}

/**
 * cd_layout_fit_width:
 * @width: in pixels
 *
 * Lays out @layout's single line whole when it fits in @width, else ellipsized at @width
 * (a layout given a width is also laid out narrower when its text is shorter, which would
 * move text aligned at the end).
 */
void
cd_layout_fit_width (PangoLayout *layout,
                     int          width)
{
  PangoRectangle logical;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (logical.width > width)
    pango_layout_set_width (layout, width * PANGO_SCALE);
}

static PangoContext *
shared_context (CdTableCell *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_COLUMN_VIEW);

  return gtk_widget_get_pango_context (view != NULL ? view : GTK_WIDGET (self));
}

static const CdFontMetrics *
get_font_metrics (CdTableCell *self)
{
  return cd_font_metrics_get (shared_context (self));
}

/* The layout for @width: the whole text when it fits, else ellipsized at @width. */
static PangoLayout *
ensure_layout (CdTableCell *self,
               int          width)
{
  const CdFontMetrics *font = get_font_metrics (self);

  /* A change of font (settings, text scaling) reaches the shared context: lay out anew. */
  if (self->layout != NULL && self->layout_font != font)
    g_clear_object (&self->layout);
  if (self->layout != NULL && self->layout_width == width)
    return self->layout;

  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (shared_context (self));
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (self->layout, self->text != NULL ? self->text : "", -1);
      self->layout_font = font;
    }
  cd_layout_fit_width (self->layout, width);
  self->layout_width = width;
  return self->layout;
}

/* GtkWidget overrides */

static void
cd_table_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CdTableCell *self = CD_TABLE_CELL (widget);
  const CdFontMetrics *metrics = get_font_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (self->min_chars * metrics->char_width);
      *natural = PANGO_PIXELS_CEIL (MAX (self->min_chars, self->nat_chars) *
                                    metrics->char_width);
    }
  else
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (metrics->line_height);
    }
}

static void
cd_table_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CdTableCell *self = CD_TABLE_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float xalign = self->xalign;
  PangoLayout *layout;
  PangoRectangle logical;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  layout = ensure_layout (self, width);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;
  /* Drawn in the colour (and opacity, shadow) of the cell's own style. */
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget),
                              floorf (xalign * (float) (width - logical.width)) - logical.x,
                              floorf ((float) (height - logical.height) / 2.0f) - logical.y,
                              layout);
}

static void
cd_table_cell_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous)
{
  CdTableCell *self = CD_TABLE_CELL (widget);

  g_clear_object (&self->layout);
  gtk_widget_queue_draw (widget);
}

/* GObject overrides */

static void
cd_table_cell_finalize (GObject *object)
{
  CdTableCell *self = CD_TABLE_CELL (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->text, g_free);
  G_OBJECT_CLASS (cd_table_cell_parent_class)->finalize (object);
}

static void
cd_table_cell_class_init (CdTableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cd_table_cell_finalize;
  widget_class->measure = cd_table_cell_measure;
  widget_class->snapshot = cd_table_cell_snapshot;
  widget_class->direction_changed = cd_table_cell_direction_changed;

  /* Styled and read out as a label, as GtkInscription is. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
cd_table_cell_init (CdTableCell *self)
{
}

/**
 * cd_table_cell_new:
 * @min_chars: the narrowest the column may become, in characters; it asks for six more
 *
 * Returns: (transfer floating): an empty cell
 */
GtkWidget *
cd_table_cell_new (int min_chars)
{
  CdTableCell *self = g_object_new (CD_TYPE_TABLE_CELL, NULL);

  self->min_chars = min_chars;
  self->nat_chars = min_chars + 6;
  return GTK_WIDGET (self);
}

/**
 * cd_table_cell_set_text:
 * @text: (nullable): what the cell shows
 *
 * Sets the text, which screen readers read as the cell's label. The cell asks for no other
 * size: only its drawing changes.
 */
void
cd_table_cell_set_text (CdTableCell *self,
                        const char  *text)
{
  g_return_if_fail (CD_IS_TABLE_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    {
      pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
      self->layout_width = -1;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
cd_table_cell_get_text (CdTableCell *self)
{
  g_return_val_if_fail (CD_IS_TABLE_CELL (self), NULL);

  return self->text;
}

/**
 * cd_table_cell_set_xalign:
 * @xalign: 0 puts the text at the start of the cell, 1 at its end (for amounts)
 */
void
cd_table_cell_set_xalign (CdTableCell *self,
                          float        xalign)
{
  g_return_if_fail (CD_IS_TABLE_CELL (self));

  self->xalign = CLAMP (xalign, 0.0f, 1.0f);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
