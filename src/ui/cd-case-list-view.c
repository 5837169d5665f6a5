/* cd-case-list-view.c — the case list: search, filters, sortable column titles and the rows
 *
 * The titles are a GtkColumnView without rows (sorting, resizing); the rows are a GtkListView
 * of CdCaseRow, each drawing its eight texts under the titles (cd-case-row.c says why). The
 * columns, their widths and what a row shows are in cd-case-list-columns.c.
 *
 * Filtering and sorting happen in SQL (CdCaseListModel), never in GTK list models, so the
 * list costs the same with a hundred cases as with a hundred thousand.
 *
 * GTK 4.8 does not say which column the user sorted by (GtkColumnViewSorter's getters came in
 * 4.10). Each column therefore has a CdColumnSorter that knows its CdCaseSort; when the
 * column view's sorter changes, it is asked to compare two placeholder objects, and the
 * first column sorter it consults (the primary column) writes its key in `probed`. Its
 * result says the direction.
 *
 * GTK 4.8's list builds, binds and measures a widget for up to 200 rows around its anchor
 * (GTK_LIST_VIEW_MAX_LIST_ITEMS in gtklistview.c), however few fit on screen: with a long list
 * that was most of what the window did before its first frame. So the list sees only
 * the rows that fit in the first frame (a GtkSliceListModel; FIRST_FRAME_ROWS unless the
 * window says how high the list will be) until it has been drawn once, and then a few more
 * each frame. It is given its model only once it is in a window, so that those rows are
 * built once, for the number that fits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-case-list-view.h"
#include "cd-case-list-columns.h"
#include "cd-format.h"
#include "cd-time.h"

/* Rows in the first frame when the window does not say how high the list will be: what a
 * maximised window on a 1200-pixel-high screen shows; a taller one shows the rest a frame
 * later. */
#define FIRST_FRAME_ROWS 32
/* What the list's header bar and its column titles take of its height, and the height of a
 * row, at Adwaita's default font: larger text makes rows taller and fewer fit, so a first
 * frame never lacks rows for being estimated from these. */
#define LIST_CHROME_HEIGHT 76
#define ROW_HEIGHT 20
/* Rows added each frame after the first: each costs about a millisecond to build. */
#define ROWS_PER_FRAME 8
/* GTK_LIST_VIEW_MAX_LIST_ITEMS */
#define ROWS_BUILT_BY_GTK 200

/* CdCaseListView */

struct _CdCaseListView
{
  AdwBin              parent_instance;

  /* Template widgets */
  AdwHeaderBar       *header_bar;
  AdwWindowTitle     *window_title;
  GtkButton          *show_sidebar_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkRevealer        *filter_revealer;
  GtkLabel           *filter_label;
  GtkStack           *stack;
  GtkColumnView      *column_view;   /* the titles only */
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;     /* NULL until the list is first empty */
  GtkMenuButton      *filter_button;
  /* In the filter popover, built when first opened (create_filters_cb); NULL until then */
  GtkDropDown        *platform_filter;
  GtkDropDown        *stage_filter;
  GtkDropDown        *category_filter;
  GtkDropDown        *severity_filter;

  /* Owned */
  CdCaseRepository   *repository;
  CdCaseListModel    *model;
  GtkSingleSelection *selection;
  GtkSliceListModel  *slice;
  CdCaseQuery        *query;
  CdCaseListColumns  *columns;
  GObject            *probe_items[2];

  CdCaseSort          probed;
};

G_DEFINE_FINAL_TYPE (CdCaseListView, cd_case_list_view, ADW_TYPE_BIN)

enum {
  CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
update_subtitle (CdCaseListView *self,
                 gboolean        narrowed)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *subtitle = NULL;

  /* Not a number that is about to change: the count comes right after the first frame. */
  if (cd_case_list_model_is_counting (self->model))
    subtitle = NULL;
  else if (narrowed)
    /* Translators: under a case view's title while searching or filtering */
    subtitle = g_strdup_printf (ngettext ("%u matching case", "%u matching cases", n), n);
  else
    /* Translators: under a case view's title, such as "Open Cases" */
    subtitle = g_strdup_printf (ngettext ("%u case", "%u cases", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
ensure_empty_page (CdCaseListView *self)
{
  if (self->empty_page != NULL)
    return;
  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
}

static void
update_empty_state (CdCaseListView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;
  gboolean searching = self->query->search != NULL && self->query->search[0] != '\0';
  gboolean filtering = self->query->platform != CD_ANY || self->query->stage != CD_ANY ||
                       self->query->category != CD_ANY || self->query->severity != CD_ANY;

  update_subtitle (self, searching || filtering);

  if (!empty)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  ensure_empty_page (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");

  if (searching || filtering)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Cases"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try other words, or clear the filters."));
      return;
    }

  adw_status_page_set_icon_name (self->empty_page, "object-select-symbolic");
  switch (self->query->view)
    {
    case CD_VIEW_DUE_TODAY:
      adw_status_page_set_title (self->empty_page, _("Nothing Due Today"));
      adw_status_page_set_description (self->empty_page,
                                       _("No promise or follow-up falls due later today."));
      break;
    case CD_VIEW_OVERDUE:
      adw_status_page_set_title (self->empty_page, _("Nothing Overdue"));
      adw_status_page_set_description (self->empty_page,
                                       _("Every promise and follow-up is on time."));
      break;
    case CD_VIEW_CLOSED:
      adw_status_page_set_title (self->empty_page, _("No Closed Cases"));
      adw_status_page_set_description (self->empty_page,
                                       _("Cases you close are kept here, with their history."));
      break;
    case CD_VIEW_OPEN:
    case CD_VIEW_ALL:
    default:
      adw_status_page_set_title (self->empty_page, _("No Open Cases"));
      adw_status_page_set_description (self->empty_page,
                                       _("Press Ctrl+N to take down a new complaint."));
      break;
    }
}

static void
update_filter_label (CdCaseListView *self)
{
  GtkDropDown *drops[] = { self->platform_filter, self->stage_filter, self->category_filter,
                           self->severity_filter };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (drops) && drops[i] != NULL; i++)
    {
      GtkStringObject *item = gtk_drop_down_get_selected_item (drops[i]);

      if (gtk_drop_down_get_selected (drops[i]) == 0 || item == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, gtk_string_object_get_string (item));
    }

  gtk_label_set_text (self->filter_label, text->str);
  gtk_revealer_set_reveal_child (self->filter_revealer, text->len > 0);
}

static void
apply_query (CdCaseListView *self)
{
  g_autoptr(GError) error = NULL;

  /* The filters' models are set up before there is a list to filter. */
  if (self->model == NULL)
    return;
  if (!cd_case_list_model_set_query (self->model, self->query, &error))
    g_warning ("Cannot show the cases: %s", error->message);
  update_empty_state (self);
}

static GtkStringList *
enum_choices (GType type)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  /* Translators: the first choice of a filter: no filter */
  gtk_string_list_append (list, C_("filter", "Any"));
  for (guint i = 0; i < cd_enum_get_n_values (type); i++)
    gtk_string_list_append (list, cd_enum_get_label (type, (int) i));
  return list;
}

static void
setup_filter (GtkDropDown *drop_down,
              GType        type)
{
  g_autoptr(GtkStringList) choices = enum_choices (type);

  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (choices));
}

static int
filter_value (GtkDropDown *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? CD_ANY : (int) selected - 1;
}

/* The list's font is the columns' measure: when it is first shown, and when the font or the
 * text scaling changes. */
static void
update_column_widths (CdCaseListView *self)
{
  cd_case_list_columns_update_widths (self->columns,
                                      gtk_widget_get_pango_context (GTK_WIDGET (self->list_view)));
}

/* Signal callbacks */

static void
on_view_sorter_changed_cb (GtkSorter       *sorter,
                           GtkSorterChange  change,
                           CdCaseListView  *self)
{
  GtkOrdering order;

  /* Columns go away while the view is disposed. */
  if (self->probe_items[0] == NULL || self->model == NULL)
    return;

  self->probed = (CdCaseSort) -1;
  /* Two distinct items: gtk_sorter_compare() answers "equal" for an item and itself
   * without asking anyone. */
  order = gtk_sorter_compare (sorter, self->probe_items[0], self->probe_items[1]);

  if ((int) self->probed < 0)
    {
      /* No column: newest first. */
      self->query->sort = CD_SORT_CREATED;
      self->query->descending = TRUE;
    }
  else
    {
      self->query->sort = self->probed;
      self->query->descending = order == GTK_ORDERING_SMALLER;
    }
  apply_query (self);
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      CdCaseListView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (g_strcmp0 (text, self->query->search) == 0)
    return;
  g_free (self->query->search);
  self->query->search = g_strdup (text);
  apply_query (self);
}

static void
on_search_activate_cb (GtkSearchEntry *entry,
                       CdCaseListView *self)
{
  /* Enter in the search field opens the first case found. */
  g_autoptr(CdCaseSummary) first = g_list_model_get_item (G_LIST_MODEL (self->model), 0);

  if (first != NULL)
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, first->id);
}

static void
on_filter_changed_cb (GtkDropDown    *drop_down,
                      GParamSpec     *pspec,
                      CdCaseListView *self)
{
  self->query->platform = filter_value (self->platform_filter);
  self->query->stage = filter_value (self->stage_filter);
  self->query->category = filter_value (self->category_filter);
  self->query->severity = filter_value (self->severity_filter);
  update_filter_label (self);
  apply_query (self);
}

static void
on_clear_filters_cb (GtkButton      *button,
                     CdCaseListView *self)
{
  /* The filters are set only from their popover, so it exists when there are some. */
  if (self->platform_filter == NULL)
    return;
  gtk_drop_down_set_selected (self->platform_filter, 0);
  gtk_drop_down_set_selected (self->stage_filter, 0);
  gtk_drop_down_set_selected (self->category_filter, 0);
  gtk_drop_down_set_selected (self->severity_filter, 0);
}

/* The filter popover is built when the filter button is first opened (click, keyboard). */
static void
create_filters_cb (GtkMenuButton *button,
                   gpointer       user_data)
{
  CdCaseListView *self = CD_CASE_LIST_VIEW (user_data);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkDropDown **drops[] = { &self->platform_filter, &self->stage_filter,
                            &self->category_filter, &self->severity_filter };
  const char *ids[] = { "platform_filter", "stage_filter", "category_filter",
                        "severity_filter" };
  GType types[] = { CD_TYPE_PLATFORM, CD_TYPE_STAGE, CD_TYPE_CATEGORY, CD_TYPE_SEVERITY };

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  builder = gtk_builder_new_from_resource ("/com/example/CompDesk/ui/cd-case-list-filters.ui");
  for (guint i = 0; i < G_N_ELEMENTS (drops); i++)
    {
      *drops[i] = GTK_DROP_DOWN (gtk_builder_get_object (builder, ids[i]));
      setup_filter (*drops[i], types[i]);
      g_signal_connect_object (*drops[i], "notify::selected", G_CALLBACK (on_filter_changed_cb),
                               self, 0);
    }
  gtk_menu_button_set_popover (button,
                               GTK_WIDGET (gtk_builder_get_object (builder, "filter_popover")));
}

static void
on_list_view_activate_cb (GtkListView    *view,
                            guint           position,
                            CdCaseListView *self)
{
  g_autoptr(CdCaseSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->model),
                                                            position);

  if (summary != NULL)
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, summary->id);
}

/* The list has been drawn once: it sees ROWS_PER_FRAME more rows each frame until GTK
 * has built its 200 row widgets, then every row, so no one frame builds many. */
static gboolean
on_list_view_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  CdCaseListView *self = CD_CASE_LIST_VIEW (user_data);
  guint size = gtk_slice_list_model_get_size (self->slice);
  int *ticks = g_object_get_data (G_OBJECT (widget), "cd-ticks");

  /* The first tick comes before the first frame is drawn, the second after: the model may
   * count its cases now. */
  if ((*ticks)++ == 0)
    return G_SOURCE_CONTINUE;
  cd_case_list_model_resume (self->model);
  if (size < ROWS_BUILT_BY_GTK && size < g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    {
      gtk_slice_list_model_set_size (self->slice, size + ROWS_PER_FRAME);
      return G_SOURCE_CONTINUE;
    }
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

static void
on_model_items_changed_cb (GListModel     *model,
                           guint           position,
                           guint           removed,
                           guint           added,
                           CdCaseListView *self)
{
  update_empty_state (self);
}

/* GObject overrides */

static void
cd_case_list_view_dispose (GObject *object)
{
  CdCaseListView *self = (CdCaseListView *) object;

  g_clear_object (&self->probe_items[0]);
  g_clear_object (&self->probe_items[1]);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_CASE_LIST_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->model);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->query, cd_case_query_free);
  g_clear_pointer (&self->columns, cd_case_list_columns_free);
  G_OBJECT_CLASS (cd_case_list_view_parent_class)->dispose (object);
}

/* GtkWidget overrides */

static void
cd_case_list_view_root (GtkWidget *widget)
{
  CdCaseListView *self = CD_CASE_LIST_VIEW (widget);

  GTK_WIDGET_CLASS (cd_case_list_view_parent_class)->root (widget);
  /* The rows are built now, as many as cd_case_list_view_set_first_frame_height() said. */
  if (gtk_list_view_get_model (self->list_view) == NULL)
    {
      update_column_widths (self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }
}

static void
cd_case_list_view_class_init (CdCaseListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_case_list_view_dispose;
  widget_class->root = cd_case_list_view_root;

  /**
   * CdCaseListView::case-activated:
   * @id: the case
   *
   * The user opened a case (double click, Enter).
   */
  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/CompDesk/ui/cd-case-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdCaseListView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CdCaseListView, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdCaseListView, show_sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, CdCaseListView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CdCaseListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CdCaseListView, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, CdCaseListView, filter_label);
  gtk_widget_class_bind_template_child (widget_class, CdCaseListView, stack);
  gtk_widget_class_bind_template_child (widget_class, CdCaseListView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CdCaseListView, list_view);
  gtk_widget_class_bind_template_child (widget_class, CdCaseListView, filter_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
}

static void
cd_case_list_view_init (CdCaseListView *self)
{
  GtkListItemFactory *factory;
  GtkSettings *settings;

  self->query = cd_case_query_new (CD_VIEW_OPEN);
  self->probe_items[0] = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_items[1] = g_object_new (G_TYPE_OBJECT, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->filter_button, create_filters_cb, self, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  self->columns = cd_case_list_columns_new (self->column_view, &self->probed);
  /* The titles' column view never has a row. */
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (
                               g_list_store_new (G_TYPE_OBJECT)))));
  factory = cd_case_list_columns_new_factory (self->columns);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  settings = gtk_settings_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_signal_connect_object (settings, "notify::gtk-font-name", G_CALLBACK (update_column_widths),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::gtk-xft-dpi", G_CALLBACK (update_column_widths),
                           self, G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * cd_case_list_view_new:
 *
 * Returns: (transfer full): a list of the open cases of @repository
 */
CdCaseListView *
cd_case_list_view_new (CdCaseRepository *repository)
{
  CdCaseListView *self = g_object_new (CD_TYPE_CASE_LIST_VIEW, NULL);

  self->repository = g_object_ref (repository);
  /* Counted after the first frame: until then only the first rows are needed. */
  self->model = cd_case_list_model_new_deferred (repository, self->query);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->model)), 0,
                                          FIRST_FRAME_ROWS);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (on_model_items_changed_cb), self, 0);
  g_signal_connect_object (self->model, "notify::counting",
                           G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_view_sorter_changed_cb), self, 0);
  g_object_set_data_full (G_OBJECT (self->list_view), "cd-ticks", g_new0 (int, 1), g_free);
  gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), on_list_view_tick_cb, self, NULL);
  update_empty_state (self);
  return self;
}

/**
 * cd_case_list_view_set_first_frame_height:
 * @height: how high the list will be in its window's first frame, in pixels
 *
 * Builds only the rows that fit in @height for the first frame (instead of
 * FIRST_FRAME_ROWS). Has effect only before the list is first drawn.
 */
void
cd_case_list_view_set_first_frame_height (CdCaseListView *self,
                                          int             height)
{
  int *ticks;

  g_return_if_fail (CD_IS_CASE_LIST_VIEW (self));

  ticks = g_object_get_data (G_OBJECT (self->list_view), "cd-ticks");
  if (*ticks > 1 || gtk_slice_list_model_get_size (self->slice) == G_MAXUINT)
    return;
  gtk_slice_list_model_set_size (self->slice,
                                 (guint) MAX (1, (height - LIST_CHROME_HEIGHT + ROW_HEIGHT - 1)
                                                 / ROW_HEIGHT));
}

void
cd_case_list_view_set_view (CdCaseListView *self,
                            CdView          view,
                            const char     *title)
{
  g_return_if_fail (CD_IS_CASE_LIST_VIEW (self));

  adw_window_title_set_title (self->window_title, title);
  if (self->query->view == view)
    return;
  self->query->view = view;
  /* Due dates first where they matter; newest first elsewhere. */
  if (self->query->sort == CD_SORT_CREATED || self->query->sort == CD_SORT_PROMISED_BY)
    {
      gboolean by_due = view == CD_VIEW_DUE_TODAY || view == CD_VIEW_OVERDUE;

      self->query->sort = by_due ? CD_SORT_PROMISED_BY : CD_SORT_CREATED;
      self->query->descending = !by_due;
    }
  apply_query (self);
}

CdView
cd_case_list_view_get_view (CdCaseListView *self)
{
  g_return_val_if_fail (CD_IS_CASE_LIST_VIEW (self), CD_VIEW_OPEN);
  return self->query->view;
}

void
cd_case_list_view_set_currency (CdCaseListView *self,
                                const char     *currency)
{
  g_return_if_fail (CD_IS_CASE_LIST_VIEW (self));

  cd_case_list_columns_set_currency (self->columns, currency);
}

/* Folded (narrow window): the sidebar is a page of its own, reached with a back button. */
void
cd_case_list_view_set_folded (CdCaseListView *self,
                              gboolean        folded)
{
  gtk_widget_set_visible (GTK_WIDGET (self->show_sidebar_button), folded);
}

void
cd_case_list_view_focus_search (CdCaseListView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Called every minute: what was due may now be overdue. */
void
cd_case_list_view_refresh_time (CdCaseListView *self)
{
  g_autoptr(GError) error = NULL;

  cd_case_query_set_today (self->query, cd_time_now ());
  if (!cd_case_list_model_set_now (self->model, self->query->now, &error))
    g_warning ("Cannot refresh the cases: %s", error->message);
}

/**
 * cd_case_list_view_get_model:
 *
 * Returns: (transfer none): the model
 */
CdCaseListModel *
cd_case_list_view_get_model (CdCaseListView *self)
{
  return self->model;
}

/**
 * cd_case_list_view_get_column_view:
 *
 * Returns: (transfer none): the column view of the titles, which has no rows (for tests)
 */
GtkColumnView *
cd_case_list_view_get_column_view (CdCaseListView *self)
{
  return self->column_view;
}

/**
 * cd_case_list_view_get_list_view:
 *
 * Returns: (transfer none): the list of rows (for tests)
 */
GtkListView *
cd_case_list_view_get_list_view (CdCaseListView *self)
{
  return self->list_view;
}
