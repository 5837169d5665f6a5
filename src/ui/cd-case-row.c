/* cd-case-row.c — one row of the case list, every column's text drawn by one widget
 *
 * GTK 4.8's column view makes, for every row, a row widget and for each column a cell widget
 * (a GtkListItemWidget with a GtkListItem, a click gesture and a focus controller) holding
 * the cell's own child: 17 widgets a row for the case list's eight columns, which cost four
 * fifths of what a new row cost to build, style, map and draw, before the first frame and in
 * every frame of a scroll. A CdCaseRow is the one child of a GtkListView row and draws the
 * eight texts itself, each under its column's title in a header-only GtkColumnView above the
 * list (which keeps GTK's sorting, resizing and titles): it reads where each title's content
 * lies when it draws, so a column dragged wider, a wider window or a right-to-left locale
 * move the texts with their titles.
 *
 * Like CdTableCell it lays out with its list's Pango context, keeps one PangoLayout a cell,
 * ellipsizes at the end what does not fit and asks for one line's height of the list's font.
 * Laying out a text (choosing fonts, shaping) was half of what a new row cost; the cells of
 * columns that hold a few labels (platform, stage …) share one layout for each text and
 * width among all rows, in a table the list gives each of its rows.
 * Screen readers read the row as one label: each column's title and text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cd-case-row.h"
#include "cd-table-cell.h"

/* Around the text, as Adwaita's data-table cells: above and below, and at each side */
#define ROW_PADDING 2
#define CELL_PADDING 6

struct _CdCaseRow
{
  GtkWidget      parent_instance;

  GtkColumnView *header;        /* weak */
  guint          end_aligned;   /* a bit a cell: its text at the end of the column (amounts) */
  guint          error_cells;   /* a bit a cell: drawn in the error colour */
  guint          n_cells;
  char         **texts;
  PangoLayout  **layouts;       /* n_cells; each laid out for widths[i] in layout_font */
  int           *widths;
  gconstpointer  layout_font;
  guint          shared_cells;  /* a bit a cell: laid out once for all rows, in shared_layouts */
  GHashTable    *shared_layouts;
};

/* Shared layouts kept at most; a table that grows beyond (every text of a column of labels
 * at many widths, after a lot of resizing) starts again. */
#define MAX_SHARED_LAYOUTS 512

G_DEFINE_FINAL_TYPE (CdCaseRow, cd_case_row, GTK_TYPE_WIDGET)

static PangoContext *
shared_context (CdCaseRow *self)
{
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_LIST_VIEW);

  return gtk_widget_get_pango_context (list != NULL ? list : GTK_WIDGET (self));
}

/* The header's title for @cell: the cell's text goes under it. */
static GtkWidget *
get_title (CdCaseRow *self,
           guint      cell)
{
  GtkWidget *header_row;
  GtkWidget *title;
  guint i = 0;

  if (self->header == NULL)
    return NULL;
  /* The column view's first child is its header, whose children are the titles in the
   * order of the columns (gtkcolumnview.c, gtkcolumnviewcolumn.c). */
  header_row = gtk_widget_get_first_child (GTK_WIDGET (self->header));
  if (header_row == NULL || g_strcmp0 (gtk_widget_get_css_name (header_row), "header") != 0)
    return NULL;
  for (title = gtk_widget_get_first_child (header_row);
       title != NULL && i < cell;
       title = gtk_widget_get_next_sibling (title))
    i++;
  return title;
}

static PangoLayout *
new_layout (PangoContext *context,
            const char   *text,
            int           width)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  cd_layout_fit_width (layout, width);
  return layout;
}

/* The layout of @cell for @width: the whole text when it fits, else ellipsized at @width. */
static PangoLayout *
ensure_layout (CdCaseRow *self,
               guint      cell,
               int        width)
{
  PangoContext *context = shared_context (self);
  const CdFontMetrics *font = cd_font_metrics_get (context);
  PangoLayout *layout;

  if ((self->shared_cells & (1u << cell)) != 0 && self->shared_layouts != NULL)
    {
      /* The font in the key: a layout made in another font is not used again. */
      g_autofree char *key = g_strdup_printf ("%p %d %s", (const void *) font, width,
                                               self->texts[cell]);

      layout = g_hash_table_lookup (self->shared_layouts, key);
      if (layout != NULL)
        return layout;
      if (g_hash_table_size (self->shared_layouts) >= MAX_SHARED_LAYOUTS)
        g_hash_table_remove_all (self->shared_layouts);
      layout = new_layout (context, self->texts[cell], width);
      g_hash_table_insert (self->shared_layouts, g_steal_pointer (&key), layout);
      return layout;
    }

  /* A change of font (settings, text scaling) reaches the shared context: lay out anew. */
  if (self->layout_font != font)
    {
      for (guint i = 0; i < self->n_cells; i++)
        g_clear_object (&self->layouts[i]);
      self->layout_font = font;
    }
  layout = self->layouts[cell];
  if (layout != NULL && self->widths[cell] == width)
    return layout;

  if (layout == NULL)
    {
      self->layouts[cell] = new_layout (context, self->texts[cell], width);
      self->widths[cell] = width;
      return self->layouts[cell];
    }
  cd_layout_fit_width (layout, width);
  self->widths[cell] = width;
  return layout;
}

static void
clear_cells (CdCaseRow *self)
{
  for (guint i = 0; i < self->n_cells; i++)
    g_clear_object (&self->layouts[i]);
  g_clear_pointer (&self->layouts, g_free);
  g_clear_pointer (&self->widths, g_free);
  g_clear_pointer (&self->texts, g_strfreev);
  self->n_cells = 0;
}

/* GtkWidget overrides */

static void
cd_case_row_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  CdCaseRow *self = CD_CASE_ROW (widget);
  const CdFontMetrics *metrics = cd_font_metrics_get (shared_context (self));

  /* As wide as the list makes it: the header's titles say how wide the columns are. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = PANGO_PIXELS_CEIL (metrics->line_height) + 2 * ROW_PADDING;
}

static void
cd_case_row_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  CdCaseRow *self = CD_CASE_ROW (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int height = gtk_widget_get_height (widget);
  GdkRGBA error_color;
  gboolean have_error_color = FALSE;

  for (guint i = 0; i < self->n_cells; i++)
    {
      graphene_rect_t bounds;
      PangoLayout *layout;
      PangoRectangle logical;
      float xalign = (self->end_aligned & (1u << i)) != 0 ? 1.0f : 0.0f;
      float x, y;

      if (self->texts[i][0] == '\0' || !cd_case_row_get_cell_bounds (self, i, &bounds) ||
          bounds.size.width < 1.0f)
        continue;

      /* Held while drawn: a shared layout may be dropped by a later cell's. */
      layout = g_object_ref (ensure_layout (self, i, (int) bounds.size.width));
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (rtl)
        xalign = 1.0f - xalign;
      x = bounds.origin.x + floorf (xalign * (bounds.size.width - (float) logical.width)) -
          (float) logical.x;
      y = floorf ((float) (height - logical.height) / 2.0f) - (float) logical.y;

      if ((self->error_cells & (1u << i)) != 0)
        {
          if (!have_error_color)
            {
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
              if (!gtk_style_context_lookup_color (style, "error_color", &error_color))
                error_color = (GdkRGBA) { 0.75f, 0.11f, 0.16f, 1.0f };
G_GNUC_END_IGNORE_DEPRECATIONS
              have_error_color = TRUE;
            }
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
          gtk_snapshot_append_layout (snapshot, layout, &error_color);
          gtk_snapshot_restore (snapshot);
        }
      else
        {
          /* In the colour of the row's own style (selected, dimmed, high contrast) */
          gtk_snapshot_render_layout (snapshot, style, x, y, layout);
        }
      g_object_unref (layout);
    }
}

static void
cd_case_row_direction_changed (GtkWidget        *widget,
                               GtkTextDirection  previous)
{
  CdCaseRow *self = CD_CASE_ROW (widget);

  for (guint i = 0; i < self->n_cells; i++)
    g_clear_object (&self->layouts[i]);
  gtk_widget_queue_draw (widget);
}

/* GObject overrides */

static void
cd_case_row_dispose (GObject *object)
{
  CdCaseRow *self = CD_CASE_ROW (object);

  g_clear_weak_pointer (&self->header);
  g_clear_pointer (&self->shared_layouts, g_hash_table_unref);
  G_OBJECT_CLASS (cd_case_row_parent_class)->dispose (object);
}

static void
cd_case_row_finalize (GObject *object)
{
  clear_cells (CD_CASE_ROW (object));
  G_OBJECT_CLASS (cd_case_row_parent_class)->finalize (object);
}

static void
cd_case_row_class_init (CdCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_case_row_dispose;
  object_class->finalize = cd_case_row_finalize;
  widget_class->measure = cd_case_row_measure;
  widget_class->snapshot = cd_case_row_snapshot;
  widget_class->direction_changed = cd_case_row_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "cells");
  /* Read out as one label: "Buyer: Dana White, Platform: JD, …" */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
cd_case_row_init (CdCaseRow *self)
{
}

/**
 * cd_case_row_new_shared_layouts:
 *
 * Returns: (transfer full): a table for the layouts the rows of one list share
 */
GHashTable *
cd_case_row_new_shared_layouts (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * cd_case_row_new:
 * @header: the header-only column view whose titles say where each cell's text goes
 * @end_aligned: a bit a cell: the cells whose text goes at the end of the column
 * @shared_cells: a bit a cell: the cells that hold one of a few labels, laid out once for
 *   every row in @shared_layouts
 * @shared_layouts: (nullable): from cd_case_row_new_shared_layouts(), the same for every row
 *   of the list
 *
 * Returns: (transfer floating): a row with no cells
 */
GtkWidget *
cd_case_row_new (GtkColumnView *header,
                 guint          end_aligned,
                 guint          shared_cells,
                 GHashTable    *shared_layouts)
{
  CdCaseRow *self = g_object_new (CD_TYPE_CASE_ROW, NULL);

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (header), GTK_WIDGET (self));

  g_set_weak_pointer (&self->header, header);
  self->end_aligned = end_aligned;
  self->shared_cells = shared_cells;
  if (shared_layouts != NULL)
    self->shared_layouts = g_hash_table_ref (shared_layouts);
  return GTK_WIDGET (self);
}

/**
 * cd_case_row_set_cells:
 * @texts: (transfer full) (array zero-terminated=1): each cell's text, in the order of the
 *   header's columns
 * @error_cells: a bit a cell: the cells drawn in the error colour
 * @accessible_label: what screen readers read for the row
 *
 * Sets what the row shows; it asks for no other size.
 */
void
cd_case_row_set_cells (CdCaseRow   *self,
                       char       **texts,
                       guint        error_cells,
                       const char  *accessible_label)
{
  g_return_if_fail (CD_IS_CASE_ROW (self));
  g_return_if_fail (texts != NULL);

  clear_cells (self);
  self->texts = texts;
  self->n_cells = g_strv_length (texts);
  self->layouts = g_new0 (PangoLayout *, self->n_cells);
  self->widths = g_new0 (int, self->n_cells);
  self->error_cells = error_cells;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label != NULL ? accessible_label : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cd_case_row_get_n_cells (CdCaseRow *self)
{
  g_return_val_if_fail (CD_IS_CASE_ROW (self), 0);

  return self->n_cells;
}

const char *
cd_case_row_get_text (CdCaseRow *self,
                      guint      cell)
{
  g_return_val_if_fail (CD_IS_CASE_ROW (self), NULL);
  g_return_val_if_fail (cell < self->n_cells, NULL);

  return self->texts[cell];
}

/**
 * cd_case_row_get_cell_bounds:
 * @bounds: (out): where the text of @cell goes, in the row's coordinates (only across:
 *   the height is the row's)
 *
 * Returns: whether the header has a title for @cell and both are in the same window
 */
gboolean
cd_case_row_get_cell_bounds (CdCaseRow       *self,
                             guint            cell,
                             graphene_rect_t *bounds)
{
  GtkWidget *title;

  g_return_val_if_fail (CD_IS_CASE_ROW (self), FALSE);

  title = get_title (self, cell);
  if (title == NULL || !gtk_widget_compute_bounds (title, GTK_WIDGET (self), bounds))
    return FALSE;
  bounds->origin.x += CELL_PADDING;
  bounds->size.width = MAX (0.0f, bounds->size.width - 2 * CELL_PADDING);
  bounds->origin.y = 0;
  bounds->size.height = (float) gtk_widget_get_height (GTK_WIDGET (self));
  return TRUE;
}
