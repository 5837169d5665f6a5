/* test-ui-case-list.c — the case list view on a long list, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "cd-case-list-view.h"
#include "cd-case-row.h"
#include "cd-table-cell.h"
#include "cd-test-ui.h"
#include "cd-test-util.h"
#include "cd-time.h"

#define N_CASES 300

typedef struct
{
  char             *dir;
  CdDatabase       *db;
  CdCaseRepository *cases;
  GtkWindow        *window;
  CdCaseListView   *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = cd_time_now () - (gint64) N_CASES * 3600 * G_USEC_PER_SEC;

  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->cases = cd_case_repository_new (f->db);
  g_assert_true (cd_database_begin (f->db, &error));
  for (guint i = 0; i < N_CASES; i++)
    {
      g_autoptr(CdCase) kase = cd_case_new ();
      g_autofree char *name = g_strdup_printf ("buyer %03u", i);

      cd_case_set_string (&kase->customer_name, name);
      kase->created_at = t0 + (gint64) i * 3600 * G_USEC_PER_SEC;
      g_assert_true (cd_case_repository_insert (f->cases, kase, &error));
      g_assert_no_error (error);
    }
  g_assert_true (cd_database_commit (f->db, &error));

  f->view = cd_case_list_view_new (f->cases);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 600);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  cd_test_spin (50);
  g_clear_object (&f->cases);
  g_clear_object (&f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Records the largest number of rows one items-changed added while fewer than 200 were shown. */
static void
on_shown_items_changed_cb (GListModel *model,
                           guint       position,
                           guint       removed,
                           guint       added,
                           guint      *largest)
{
  if (position < 200)
    *largest = MAX (*largest, added);
}

static guint
n_shown (Fixture *f)
{
  GtkListView *list_view = cd_case_list_view_get_list_view (f->view);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view)));
}

/* Until it is first drawn the list sees only the first rows (GTK builds a widget for up
 * to 200 of them before the first frame); once drawn, a few more a frame up to 200, then all,
 * in the model's order. */
static void
test_first_frame_rows (Fixture       *f,
                       gconstpointer  data)
{
  GtkListView *list_view = cd_case_list_view_get_list_view (f->view);
  GListModel *model = G_LIST_MODEL (cd_case_list_view_get_model (f->view));
  g_autoptr(CdCaseSummary) last = NULL;
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  AdwWindowTitle *title;
  guint largest = 0;
  guint first;

  /* Only the first ids are read before the first frame, and they are not all. */
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 20);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, N_CASES);
  /* No count under the title until the list has counted, after its first frame. */
  title = ADW_WINDOW_TITLE (cd_test_find_descendant (GTK_WIDGET (f->view),
                                                     ADW_TYPE_WINDOW_TITLE));
  g_assert_true (cd_case_list_model_is_counting (CD_CASE_LIST_MODEL (model)));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "");
  first = n_shown (f);
  g_assert_cmpuint (first, >, 20);
  g_assert_cmpuint (first, <, N_CASES);

  g_signal_connect (gtk_list_view_get_model (list_view), "items-changed",
                    G_CALLBACK (on_shown_items_changed_cb), &largest);
  gtk_window_present (f->window);
  while (n_shown (f) < N_CASES && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_shown (f), ==, N_CASES);
  g_assert_false (cd_case_list_model_is_counting (CD_CASE_LIST_MODEL (model)));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "300 cases");
  g_assert_cmpuint (largest, >, 0);
  g_assert_cmpuint (largest, <=, first);
  g_signal_handlers_disconnect_by_data (gtk_list_view_get_model (list_view), &largest);

  last = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list_view)),
                                N_CASES - 1);
  g_assert_cmpstr (last->customer_name, ==, "buyer 000");

  /* A search replaces the rows shown, whatever their number. */
  cd_case_list_view_focus_search (f->view);
  {
    /* The search bar's entry (drop-downs hide search entries of their own) */
    GtkWidget *entry = cd_test_find_descendant (
      cd_test_find_descendant (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_BAR), GTK_TYPE_SEARCH_ENTRY);

    gtk_editable_set_text (GTK_EDITABLE (entry), "buyer 29");
    cd_test_spin (400);
    g_assert_cmpuint (n_shown (f), ==, 10);
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    cd_test_spin (400);
    g_assert_cmpuint (n_shown (f), ==, N_CASES);
  }
}

/* Told how high the list will be, the first frame builds the rows that fill it, and no more
 * than fit (the model comes only once the list is in a window, so none are built twice). */
static void
test_first_frame_height (Fixture       *f,
                         gconstpointer  data)
{
  CdCaseListView *view = cd_case_list_view_new (f->cases);
  GtkListView *list_view = cd_case_list_view_get_list_view (view);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scrolled, *row;
  int list_height, row_height;
  guint first;

  cd_case_list_view_set_first_frame_height (view, 300);
  g_assert_null (gtk_list_view_get_model (list_view));
  gtk_window_set_default_size (window, 1000, 300);
  gtk_window_set_child (window, GTK_WIDGET (view));
  first = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view)));
  g_assert_cmpuint (first, >, 5);
  g_assert_cmpuint (first, <, 32);

  gtk_window_present (window);
  cd_test_spin (300);
  /* The rows' own scrolled window: the titles are above it. */
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list_view), GTK_TYPE_SCROLLED_WINDOW);
  row = cd_test_find_descendant (GTK_WIDGET (list_view), CD_TYPE_CASE_ROW);
  g_assert_nonnull (row);
  row_height = gtk_widget_get_height (gtk_widget_get_parent (row));
  list_height = gtk_widget_get_height (scrolled);
  g_assert_cmpint (row_height, >, 0);
  /* Enough rows to fill the list, and not a whole row more. */
  g_assert_cmpint ((int) first * row_height, >=, list_height);
  g_assert_cmpint ((int) (first - 1) * row_height, <, list_height + row_height);
  gtk_window_destroy (window);
}

/* A cell asks for its width in characters of its font (not its text's width), one line's
 * height, and is read out as a label with its text; a long text does not make it wider. */
static void
test_table_cell (Fixture       *f,
                 gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *cell = cd_table_cell_new (10);
  PangoFontMetrics *metrics;
  int char_width, line_height;
  int min, nat, min_after, nat_after;

  gtk_window_set_child (window, cell);
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (cell), NULL, NULL);
  char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  line_height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
  pango_font_metrics_unref (metrics);

  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, PANGO_PIXELS_CEIL (10 * char_width));
  g_assert_cmpint (nat, ==, PANGO_PIXELS_CEIL (16 * char_width));
  g_assert_cmpint (min, >, 0);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, PANGO_PIXELS_CEIL (line_height));
  g_assert_cmpint (nat, ==, min);

  /* Read out as a label (its text as the label property: ui-a11y checks every row of the
   * case list is named by it, with GTK's test accessibility backend). */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell)), ==,
                   GTK_ACCESSIBLE_ROLE_LABEL);
  cd_table_cell_set_text (CD_TABLE_CELL (cell),
                          "小雨点 — a buyer whose name is far longer than ten characters");
  g_assert_cmpstr (cd_table_cell_get_text (CD_TABLE_CELL (cell)), ==,
                   "小雨点 — a buyer whose name is far longer than ten characters");
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min_after, &nat_after, NULL, NULL);
  g_assert_cmpint (min_after, ==, PANGO_PIXELS_CEIL (10 * char_width));
  g_assert_cmpint (nat_after, ==, PANGO_PIXELS_CEIL (16 * char_width));

  /* Drawn within its width at any size, also narrower than its text and right-aligned. */
  cd_table_cell_set_xalign (CD_TABLE_CELL (cell), 1.0f);
  gtk_window_set_default_size (window, 60, 20);
  gtk_window_present (window);
  cd_test_spin (200);
  g_assert_true (gtk_widget_get_mapped (cell));
  {
    g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;
    graphene_rect_t bounds;

    GTK_WIDGET_GET_CLASS (cell)->snapshot (cell, snapshot);
    node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    g_assert_nonnull (node);
    gsk_render_node_get_bounds (node, &bounds);
    g_assert_cmpfloat (bounds.origin.x, >=, -1.0f);
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                       (float) gtk_widget_get_width (cell) + 1.0f);
  }

  /* A larger font (text scaling, settings): the cell asks for more room, from the new
   * font's metrics. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
    int height_before;

    gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &height_before, NULL, NULL, NULL);
    gtk_css_provider_load_from_data (provider, "label { font-size: 40px; }", -1);
    gtk_style_context_add_provider_for_display (gtk_widget_get_display (cell),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_USER);
    cd_test_spin (200);
    gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &min, NULL, NULL, NULL);
    g_assert_cmpint (min, >, height_before + 10);
    gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min_after, NULL, NULL, NULL);
    g_assert_cmpint (min_after, >, PANGO_PIXELS_CEIL (10 * char_width));
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (cell),
                                                   GTK_STYLE_PROVIDER (provider));
  }
  gtk_window_destroy (window);
}

/* Collects the bounds of the text nodes under @node (in its coordinates: GTK 4.8 folds a
 * snapshot's translations into the nodes it makes, or wraps them in transform nodes). */
static void
collect_text_bounds (GskRenderNode *node,
                     float          dx,
                     float          dy,
                     GArray        *bounds)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_text_bounds (gsk_container_node_get_child (node, i), dx, dy, bounds);
      break;
    case GSK_TRANSFORM_NODE:
      {
        float tx = 0, ty = 0;

        gsk_transform_to_translate (gsk_transform_node_get_transform (node), &tx, &ty);
        collect_text_bounds (gsk_transform_node_get_child (node), dx + tx, dy + ty, bounds);
      }
      break;
    case GSK_TEXT_NODE:
      {
        graphene_rect_t rect;

        gsk_render_node_get_bounds (node, &rect);
        rect.origin.x += dx;
        rect.origin.y += dy;
        g_array_append_val (bounds, rect);
      }
      break;
    default:
      break;
    }
}

static GArray *
row_text_bounds (GtkWidget *row)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GArray *bounds = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  GTK_WIDGET_GET_CLASS (row)->snapshot (row, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    collect_text_bounds (node, 0, 0, bounds);
  return bounds;
}

/* A row draws each cell's text under its column's title, within the column (ellipsized when
 * it is narrower), and follows a column the user makes wider; screen readers read it as
 * one label of titles and texts. */
static void
test_case_row (Fixture       *f,
               gconstpointer  data)
{
  GtkColumnView *titles = cd_case_list_view_get_column_view (f->view);
  g_autoptr(GtkColumnViewColumn) buyer = NULL;
  g_autoptr(GString) label = g_string_new (NULL);
  g_autoptr(GArray) texts = NULL;
  g_autofree char *problem = NULL;
  graphene_rect_t cells[8];
  graphene_rect_t moved;
  CdCaseRow *row;
  guint n_texts = 0;

  gtk_window_present (f->window);
  cd_test_spin (300);
  /* The titles' column view has no row of its own. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (titles))),
                    ==, 0);
  row = CD_CASE_ROW (cd_test_find_descendant (
    GTK_WIDGET (cd_case_list_view_get_list_view (f->view)), CD_TYPE_CASE_ROW));
  g_assert_nonnull (row);
  g_assert_cmpuint (cd_case_row_get_n_cells (row), ==, 8);
  /* Newest first */
  g_assert_cmpstr (cd_case_row_get_text (row, 0), ==, "buyer 299");

  /* Side by side, in the titles' order, each where its title is. */
  for (guint i = 0; i < 8; i++)
    {
      g_assert_true (cd_case_row_get_cell_bounds (row, i, &cells[i]));
      g_assert_cmpfloat (cells[i].size.width, >, 10.0f);
      if (i > 0)
        g_assert_cmpfloat (cells[i].origin.x, >=, cells[i - 1].origin.x + cells[i - 1].size.width);
      if (cd_case_row_get_text (row, i)[0] == '\0')
        continue;
      n_texts++;
      if (label->len > 0)
        g_string_append (label, ", ");
      {
        g_autoptr(GtkColumnViewColumn) column =
          g_list_model_get_item (gtk_column_view_get_columns (titles), i);

        g_string_append_printf (label, "%s: %s", gtk_column_view_column_get_title (column),
                                cd_case_row_get_text (row, i));
      }
    }
  g_assert_false (cd_case_row_get_cell_bounds (row, 8, &moved));
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, label->str);
  g_assert_null (problem);

  /* What it draws lies in the cells. */
  texts = row_text_bounds (GTK_WIDGET (row));
  g_assert_cmpuint (texts->len, >=, n_texts);
  for (guint t = 0; t < texts->len; t++)
    {
      graphene_rect_t *text = &g_array_index (texts, graphene_rect_t, t);
      gboolean inside = FALSE;

      for (guint i = 0; i < 8 && !inside; i++)
        inside = text->origin.x >= cells[i].origin.x - 1.0f &&
                 text->origin.x + text->size.width <=
                   cells[i].origin.x + cells[i].size.width + 1.0f;
      g_assert_true (inside);
    }

  /* The buyer's column dragged wider: the next cells move with their titles. Narrower than
   * its text: the text is cut short to fit. */
  buyer = g_list_model_get_item (gtk_column_view_get_columns (titles), 0);
  gtk_column_view_column_set_fixed_width (buyer, (int) cells[0].size.width + 100);
  cd_test_spin (200);
  g_assert_true (cd_case_row_get_cell_bounds (row, 1, &moved));
  g_assert_cmpfloat (moved.origin.x, >=, cells[1].origin.x + 90.0f);

  gtk_column_view_column_set_fixed_width (buyer, 30);
  cd_test_spin (200);
  g_assert_true (cd_case_row_get_cell_bounds (row, 0, &moved));
  g_clear_pointer (&texts, g_array_unref);
  texts = row_text_bounds (GTK_WIDGET (row));
  for (guint t = 0; t < texts->len; t++)
    {
      graphene_rect_t *text = &g_array_index (texts, graphene_rect_t, t);

      if (text->origin.x < moved.origin.x + moved.size.width)
        g_assert_cmpfloat (text->origin.x + text->size.width, <=,
                           moved.origin.x + moved.size.width + 1.0f);
    }
}

/* A larger font (settings, text scaling) widens the columns, as it lengthens their texts. */
static void
test_font_widens_columns (Fixture       *f,
                          gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GtkColumnView *titles = cd_case_list_view_get_column_view (f->view);
  g_autoptr(GtkColumnViewColumn) order = NULL;
  g_autofree char *font = NULL;
  int before;

  gtk_window_present (f->window);
  cd_test_spin (300);
  order = g_list_model_get_item (gtk_column_view_get_columns (titles), 2);
  before = gtk_column_view_column_get_fixed_width (order);
  g_assert_cmpint (before, >, 40);

  g_object_get (settings, "gtk-font-name", &font, NULL);
  g_object_set (settings, "gtk-font-name", "Sans 24", NULL);
  cd_test_spin (300);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (order), >, before * 3 / 2);
  g_object_set (settings, "gtk-font-name", font, NULL);
  cd_test_spin (300);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (order), ==, before);
}

/* Finds, under @node, the border nodes that draw something and the one-pixel-high colour
 * rectangles. */
static void
walk_nodes (GskRenderNode *node,
            guint         *visible_borders,
            guint         *hairlines)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        walk_nodes (gsk_container_node_get_child (node, i), visible_borders, hairlines);
      break;
    case GSK_TRANSFORM_NODE:
      walk_nodes (gsk_transform_node_get_child (node), visible_borders, hairlines);
      break;
    case GSK_CLIP_NODE:
      walk_nodes (gsk_clip_node_get_child (node), visible_borders, hairlines);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      walk_nodes (gsk_rounded_clip_node_get_child (node), visible_borders, hairlines);
      break;
    case GSK_OPACITY_NODE:
      walk_nodes (gsk_opacity_node_get_child (node), visible_borders, hairlines);
      break;
    case GSK_DEBUG_NODE:
      walk_nodes (gsk_debug_node_get_child (node), visible_borders, hairlines);
      break;
    case GSK_BORDER_NODE:
      {
        const GdkRGBA *colors = gsk_border_node_get_colors (node);

        for (guint i = 0; i < 4; i++)
          if (colors[i].alpha > 0 && gsk_border_node_get_widths (node)[i] > 0)
            {
              (*visible_borders)++;
              break;
            }
      }
      break;
    case GSK_COLOR_NODE:
      {
        graphene_rect_t bounds;

        gsk_render_node_get_bounds (node, &bounds);
        if (bounds.size.height == 1 && gsk_color_node_get_color (node)->alpha > 0)
          (*hairlines)++;
      }
      break;
    default:
      break;
    }
}

/* The rows' separators are one-pixel rectangles, not borders: GTK 4.8's cairo renderer draws a
 * one-sided border through a clip the size of the row, a third of a scroll frame's drawing. */
static void
test_row_separators (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GtkWidget *list_view;
  GtkWidget *row;
  guint rows = 0;
  guint visible_borders = 0;
  guint hairlines = 0;

  /* AdwApplication loads the application's style sheet; this test has none. */
  gtk_css_provider_load_from_resource (provider, "/com/example/CompDesk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_present (f->window);
  cd_test_spin (300);

  list_view = GTK_WIDGET (cd_case_list_view_get_list_view (f->view));
  g_assert_nonnull (list_view);
  for (row = gtk_widget_get_first_child (list_view); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GtkSnapshot) snapshot = NULL;
      g_autoptr(GskRenderNode) node = NULL;

      if (!gtk_widget_get_mapped (row) || g_strcmp0 (gtk_widget_get_css_name (row), "row") != 0)
        continue;
      snapshot = gtk_snapshot_new ();
      gtk_widget_snapshot_child (list_view, row, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      g_assert_nonnull (node);
      walk_nodes (node, &visible_borders, &hairlines);
      rows++;
    }
  g_assert_cmpuint (rows, >, 10);
  g_assert_cmpuint (visible_borders, ==, 0);
  g_assert_cmpuint (hairlines, ==, rows);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/case-list/first-frame-rows", Fixture, NULL, fixture_set_up,
              test_first_frame_rows, fixture_tear_down);
  g_test_add ("/ui/case-list/first-frame-height", Fixture, NULL, fixture_set_up,
              test_first_frame_height, fixture_tear_down);
  g_test_add ("/ui/case-list/table-cell", Fixture, NULL, fixture_set_up,
              test_table_cell, fixture_tear_down);
  g_test_add ("/ui/case-list/case-row", Fixture, NULL, fixture_set_up,
              test_case_row, fixture_tear_down);
  g_test_add ("/ui/case-list/font-widens-columns", Fixture, NULL, fixture_set_up,
              test_font_widens_columns, fixture_tear_down);
  g_test_add ("/ui/case-list/row-separators", Fixture, NULL, fixture_set_up,
              test_row_separators, fixture_tear_down);
  return g_test_run ();
}
