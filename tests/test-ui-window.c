/* test-ui-window.c — the main window driven as a user drives it, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "cd-case-form.h"
#include "cd-case-page.h"
#include "cd-due-item.h"
#include "cd-due-view.h"
#include "cd-shop-settings.h"
#include "cd-wizard.h"
#include "cd-case-list-view.h"
#include "cd-test-ui.h"
#include "cd-test-util.h"
#include "cd-time.h"
#include "cd-window.h"

#define HOUR ((gint64) 3600 * G_USEC_PER_SEC)

/* One registered application for the whole program, as in CompDesk itself. */
static GtkApplication *application;

typedef struct
{
  char             *dir;
  CdDatabase       *db;
  CdCaseRepository *cases;
  GtkApplication   *app;
  CdWindow         *window;
} Fixture;

static void
add_case_to (CdCaseRepository *cases,
             const char       *name,
             const char       *product,
             CdPlatform        platform,
             CdStage           stage,
             gint64            promised_by)
{
  g_autoptr(CdCase) kase = cd_case_new ();
  g_autoptr(GError) error = NULL;

  cd_case_set_string (&kase->customer_name, name);
  cd_case_set_string (&kase->product, product);
  kase->platform = platform;
  kase->stage = stage;
  kase->promised_by = promised_by;
  g_assert_true (cd_case_repository_insert (cases, kase, &error));
  g_assert_no_error (error);
}

/* Through the window's own repository once it is open, as the window's forms do. */
static void
add_case (Fixture    *f,
          const char *name,
          const char *product,
          CdPlatform  platform,
          CdStage     stage,
          gint64      promised_by)
{
  add_case_to (f->window != NULL ? cd_window_get_case_repository (f->window) : f->cases,
               name, product, platform, stage, promised_by);
}

static void
open_window (Fixture *f)
{
  f->window = cd_window_new (f->app, f->db, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
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
  f->app = g_object_ref (application);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  cd_test_spin (50);
  g_clear_object (&f->cases);
  g_clear_object (&f->app);
  g_clear_object (&f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

static guint
n_listed (Fixture *f)
{
  CdCaseListView *view = cd_window_get_case_list_view (f->window);

  return g_list_model_get_n_items (G_LIST_MODEL (cd_case_list_view_get_model (view)));
}

static CdCaseSummary *
listed (Fixture *f,
        guint    position)
{
  CdCaseListView *view = cd_window_get_case_list_view (f->window);

  return g_list_model_get_item (G_LIST_MODEL (cd_case_list_view_get_model (view)), position);
}

/* A shop with cases opens on its list; the greeting is never built. */
static void
test_welcome_not_built (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *list;
  GtkStack *content;

  add_case (f, "First buyer", "tea", CD_PLATFORM_TAOBAO, CD_STAGE_LISTEN, CD_TIME_UNSET);
  open_window (f);
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "cases");
  list = cd_test_find_descendant (GTK_WIDGET (f->window), CD_TYPE_CASE_LIST_VIEW);
  content = GTK_STACK (gtk_widget_get_ancestor (list, GTK_TYPE_STACK));
  g_assert_nonnull (gtk_stack_get_child_by_name (content, "cases"));
  g_assert_null (gtk_stack_get_child_by_name (content, "welcome"));
}

/* An empty shop greets the seller and offers the sample. */
static void
test_welcome (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *welcome;

  open_window (f);
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "welcome");
  g_assert_true (strstr (gtk_window_get_title (GTK_WINDOW (f->window)), "CompDesk") != NULL);
  /* The greeting (built when first shown) shows the application's icon. */
  welcome = cd_test_find_descendant (
    gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_ancestor (
      GTK_WIDGET (cd_test_find_descendant (GTK_WIDGET (f->window), CD_TYPE_CASE_LIST_VIEW)),
      GTK_TYPE_STACK))),
    ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_get_mapped (welcome));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (welcome)), ==,
                   "Welcome to CompDesk");
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (welcome)), ==,
                   "com.example.CompDesk");

  /* Another process adds a case (compdesk --import): the window notices within seconds. */
  add_case (f, "First buyer", "tea", CD_PLATFORM_TAOBAO, CD_STAGE_LISTEN, CD_TIME_UNSET);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (f->dir, "test.db", NULL);
    g_autoptr(CdDatabase) other = cd_database_open (path, &error);
    g_autoptr(CdCaseRepository) other_cases = cd_case_repository_new (other);
    g_autoptr(CdCase) kase = cd_case_new ();

    g_assert_no_error (error);
    cd_case_set_string (&kase->customer_name, "From another process");
    g_assert_true (cd_case_repository_insert (other_cases, kase, &error));
  }
  for (int i = 0; i < 40 && n_listed (f) < 2; i++)
    cd_test_spin (100);
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "cases");
  g_assert_cmpuint (n_listed (f), ==, 2);
}

static void
test_views_search_filter_sort (Fixture       *f,
                               gconstpointer  data)
{
  CdCaseListView *view;
  GtkSearchEntry *search;
  GtkDropDown *platform;
  GtkMenuButton *filter_button;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) buyer_column = NULL;
  g_autoptr(CdCaseSummary) first = NULL;
  gint64 now = cd_time_now ();

  add_case (f, "Dana Whitfield", "hand-dyed yarn", CD_PLATFORM_SHOPIFY, CD_STAGE_PROPOSE,
            now - HOUR);
  add_case (f, "小林", "龙井茶 罐子压扁了", CD_PLATFORM_TAOBAO, CD_STAGE_LISTEN, CD_TIME_UNSET);
  add_case (f, "Aiko Sato", "teapot", CD_PLATFORM_AMAZON, CD_STAGE_CLOSED, CD_TIME_UNSET);
  add_case (f, "Bo Lindqvist", "cups", CD_PLATFORM_EBAY, CD_STAGE_CLOSED, CD_TIME_UNSET);
  open_window (f);
  view = cd_window_get_case_list_view (f->window);

  /* Open cases: two; the overdue promise is marked. */
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "cases");
  g_assert_cmpuint (n_listed (f), ==, 2);

  first = listed (f, 1);
  g_assert_cmpstr (first->customer_name, ==, "Dana Whitfield");
  g_assert_true (first->overdue);
  g_clear_object (&first);

  /* Overdue lists what fell due, not cases (tests/test-ui-due.c has the rest). */
  cd_window_show_view (f->window, "overdue");
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "due");
  {
    GListModel *items = cd_due_view_get_items (
      CD_DUE_VIEW (cd_test_find_descendant (GTK_WIDGET (f->window), CD_TYPE_DUE_VIEW)));
    g_autoptr(CdDueItem) item = g_list_model_get_item (items, 0);

    g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
    g_assert_cmpstr (item->customer_name, ==, "Dana Whitfield");
  }

  cd_window_show_view (f->window, "closed");
  g_assert_cmpuint (n_listed (f), ==, 2);

  cd_window_show_view (f->window, "all");
  g_assert_cmpuint (n_listed (f), ==, 4);

  /* Ctrl+F: search as you type, in Chinese too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  /* The search bar's entry (drop-downs hide search entries of their own) */
  search = GTK_SEARCH_ENTRY (cd_test_find_descendant (cd_test_find_descendant (GTK_WIDGET (view), GTK_TYPE_SEARCH_BAR),
                                         GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "压");
  cd_test_spin (400);
  g_assert_cmpuint (n_listed (f), ==, 1);
  first = listed (f, 0);
  g_assert_cmpstr (first->customer_name, ==, "小林");
  g_clear_object (&first);
  gtk_editable_set_text (GTK_EDITABLE (search), "tea");
  cd_test_spin (400);
  g_assert_cmpuint (n_listed (f), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  cd_test_spin (400);
  g_assert_cmpuint (n_listed (f), ==, 4);

  /* Filter by platform: the filters are built when their button is first opened. */
  filter_button = GTK_MENU_BUTTON (cd_test_find_descendant (GTK_WIDGET (view),
                                                            GTK_TYPE_MENU_BUTTON));
  g_assert_null (gtk_menu_button_get_popover (filter_button));
  gtk_menu_button_popup (filter_button);
  cd_test_spin (100);
  platform = GTK_DROP_DOWN (cd_test_find_descendant (
    GTK_WIDGET (gtk_menu_button_get_popover (filter_button)), GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (platform);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (platform)));
  gtk_menu_button_popdown (filter_button);
  gtk_drop_down_set_selected (platform, 1 + CD_PLATFORM_TAOBAO);
  g_assert_cmpuint (n_listed (f), ==, 1);
  gtk_drop_down_set_selected (platform, 0);
  g_assert_cmpuint (n_listed (f), ==, 4);

  /* Sorting by the Buyer column happens in SQL (the newest, Bo, is first before). */
  columns = gtk_column_view_get_columns (cd_case_list_view_get_column_view (view));
  buyer_column = g_list_model_get_item (columns, 0);
  gtk_column_view_sort_by_column (cd_case_list_view_get_column_view (view), buyer_column,
                                  GTK_SORT_ASCENDING);
  first = listed (f, 0);
  g_assert_cmpstr (first->customer_name, ==, "Aiko Sato");
  g_clear_object (&first);
  gtk_column_view_sort_by_column (cd_case_list_view_get_column_view (view), buyer_column,
                                  GTK_SORT_DESCENDING);
  first = listed (f, 0);
  g_assert_cmpstr (first->customer_name, ==, "小林");
}

/* Ctrl+N opens the form; saving shows the new case and lists it. */
static void
test_new_case (Fixture       *f,
               gconstpointer  data)
{
  CdCaseForm *form = NULL;
  GtkEditable *name;

  add_case (f, "Someone", "cup", CD_PLATFORM_JD, CD_STAGE_LISTEN, CD_TIME_UNSET);
  open_window (f);
  g_assert_cmpuint (n_listed (f), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL));
  cd_test_spin (100);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (CD_IS_CASE_FORM (l->data))
      form = l->data;
  g_assert_nonnull (form);

  name = GTK_EDITABLE (cd_test_find_descendant (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (name);
  gtk_editable_set_text (name, "New Buyer");
  cd_test_spin (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  cd_test_spin (200);

  g_assert_cmpint (cd_case_repository_count (f->cases, NULL), ==, 2);
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "case");
  g_assert_cmpuint (n_listed (f), ==, 2);
}

static GtkWindow *
find_wizard (void)
{
  GtkWindow *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (CD_IS_WIZARD (l->data))
      found = l->data;
  return found;
}

/* The guided handling opens from a case (Guide) and for a new complaint; the templates it
 * uses are in the Templates view from the start. */
static void
test_guide (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *page;
  GtkWindow *wizard;
  g_autoptr(CdCaseSummary) first = NULL;

  add_case (f, "Dana Whitfield", "yarn", CD_PLATFORM_SHOPIFY, CD_STAGE_PROPOSE, CD_TIME_UNSET);
  open_window (f);
  first = listed (f, 0);
  cd_window_show_case (f->window, first->id);
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "case");

  page = cd_test_find_descendant (GTK_WIDGET (f->window), CD_TYPE_CASE_PAGE);
  g_assert_true (gtk_widget_activate_action (page, "case.guide", NULL));
  cd_test_spin (200);
  wizard = find_wizard ();
  g_assert_nonnull (wizard);
  g_assert_cmpint (cd_wizard_get_case (CD_WIZARD (wizard))->id, ==, first->id);
  g_assert_cmpint (cd_wizard_get_current_step (CD_WIZARD (wizard)), ==, CD_STAGE_PROPOSE);
  gtk_window_destroy (wizard);
  cd_test_spin (50);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-guided", NULL));
  cd_test_spin (200);
  wizard = find_wizard ();
  g_assert_nonnull (wizard);
  g_assert_cmpint (cd_wizard_get_current_step (CD_WIZARD (wizard)), ==, CD_STAGE_LISTEN);
  gtk_window_destroy (wizard);
  cd_test_spin (50);

  cd_window_show_view (f->window, "reports");
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "reports");
  cd_window_show_view (f->window, "templates");
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "templates");
  {
    g_autoptr(CdTemplateRepository) templates = cd_template_repository_new (f->db);
    g_autoptr(GPtrArray) all = cd_template_repository_list (templates, NULL);

    g_assert_cmpuint (all->len, >=, 16);
  }
}

/* Preferences: a new currency is saved and the window takes it. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CdShopSettings) shop = NULL;
  GtkWindow *prefs = NULL;
  GtkWidget *row;

  open_window (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  cd_test_spin (100);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_assert_nonnull (prefs);

  /* The second entry row is the currency. */
  row = cd_test_find_descendant (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);
  row = gtk_widget_get_next_sibling (row);
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "usd");
  g_signal_emit_by_name (row, "apply");
  shop = cd_shop_settings_load (f->db, NULL);
  g_assert_cmpstr (shop->currency, ==, "USD");
  gtk_window_destroy (prefs);
}

static GtkWindow *
find_shortcuts_window (void)
{
  GtkWindow *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (GTK_IS_SHORTCUTS_WINDOW (l->data))
      found = l->data;
  return found;
}

/* Ctrl+? shows the shortcuts, built on first use (not at start-up) and kept for the next time. */
static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  GtkWindow *shortcuts;

  open_window (f);
  g_assert_null (find_shortcuts_window ());

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay",
                                             NULL));
  cd_test_spin (100);
  shortcuts = find_shortcuts_window ();
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (f->window));

  /* Closing hides it; asking again shows the same window. */
  gtk_window_close (shortcuts);
  cd_test_spin (50);
  g_assert_true (find_shortcuts_window () == shortcuts);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay",
                                             NULL));
  cd_test_spin (50);
  g_assert_true (find_shortcuts_window () == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  /* It goes with its window. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  cd_test_spin (50);
  g_assert_null (find_shortcuts_window ());
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The main menu (click or F10) gets its menu when first opened, not at start-up. */
static void
test_main_menu (Fixture       *f,
                gconstpointer  data)
{
  GtkMenuButton *button;
  GtkPopover *popover;

  open_window (f);
  button = find_primary_menu_button (GTK_WIDGET (f->window));
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (button));

  gtk_menu_button_popup (button);
  cd_test_spin (100);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_nonnull (gtk_menu_button_get_menu_model (button));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (button)), >, 0);
  gtk_menu_button_popdown (button);
  cd_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  application = GTK_APPLICATION (adw_application_new ("com.example.CompDesk.Test",
                                                      G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

#define ADD(name, func) g_test_add ("/ui/window/" name, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("welcome", test_welcome);
  ADD ("welcome-not-built", test_welcome_not_built);
  ADD ("views-search-filter-sort", test_views_search_filter_sort);
  ADD ("new-case", test_new_case);
  ADD ("guide", test_guide);
  ADD ("preferences", test_preferences);
  ADD ("shortcuts-window", test_shortcuts_window);
  ADD ("main-menu", test_main_menu);
#undef ADD

  return g_test_run ();
}
