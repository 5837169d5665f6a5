/* test-ui-a11y.c — every control has a name a screen reader can speak; keys reach everything
 *
 * The real main window over the sample shop, every sidebar view, a case page, the
 * preferences, the case form, the blacklist and its dialog, the note dialog and the wizard at
 * every step, checked with tests/cd-test-a11y.c (which says how names are found).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "cd-a11y.h"
#include "cd-blacklist-entry-dialog.h"
#include "cd-blacklist-view.h"
#include "cd-case-form.h"
#include "cd-case-page.h"
#include "cd-due-list.h"
#include "cd-sample-shop.h"
#include "cd-templates-view.h"
#include "cd-test-a11y.h"
#include "cd-test-ui.h"
#include "cd-test-util.h"
#include "cd-time.h"
#include "cd-window.h"
#include "cd-wizard.h"

static GtkApplication *application;

typedef struct
{
  char       *dir;
  CdDatabase *db;
  CdWindow   *window;
} Fixture;

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *json_path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                      "sample-shop.json", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  f->dir = cd_test_make_dir ();
  path = g_build_filename (f->dir, "sample.db", NULL);
  contents = cd_test_read_file (json_path, &length);
  json = g_bytes_new_take (g_steal_pointer (&contents), length);
  f->db = cd_sample_shop_create (path, json, cd_time_now (), &error);
  g_assert_no_error (error);

  f->window = cd_window_new (application, f->db, NULL);
  /* data: "narrow" for a window as narrow as a phone's, where the sidebar folds away */
  if (g_strcmp0 (data, "narrow") == 0)
    gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  else
    gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  cd_test_spin (300);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_destroy (l->data);
  cd_test_spin (50);
  g_clear_object (&f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Returns: (transfer none) (nullable): the open toplevel of @type other than the main window */
static GtkWindow *
find_toplevel (GType type)
{
  GtkWindow *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_mapped (l->data))
      found = l->data;
  return found;
}

static gint64
first_case_id (Fixture *f)
{
  CdCaseListView *view = cd_window_get_case_list_view (f->window);
  g_autoptr(CdCaseSummary) first =
    g_list_model_get_item (G_LIST_MODEL (cd_case_list_view_get_model (view)), 0);

  g_assert_nonnull (first);
  return first->id;
}

/* Tests */

/* The checker itself: an icon-only button is caught, and a label or tooltip-plus-label
 * passes. A test that cannot fail would prove nothing. */
static void
test_checker (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bare = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *labelled = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *text = gtk_button_new_with_label ("Add");
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *caption = gtk_label_new ("Name");
  GtkWidget *row = adw_entry_row_new ();

  gtk_box_append (GTK_BOX (box), bare);
  gtk_box_append (GTK_BOX (box), labelled);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), row);
  gtk_widget_set_tooltip_text (bare, "Add");  /* a tooltip is a description, not a name */
  gtk_accessible_update_property (GTK_ACCESSIBLE (labelled), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Add", -1);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  cd_test_spin (100);

  g_assert_null (cd_test_a11y_dup_name (bare, window));
  {
    g_autofree char *name = cd_test_a11y_dup_name (labelled, window);
    g_autofree char *content = cd_test_a11y_dup_name (text, window);

    g_assert_cmpstr (name, ==, "Add");
    g_assert_nonnull (content);
  }
  g_assert_null (cd_test_a11y_dup_name (entry, window));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  caption, NULL, -1);
  {
    g_autofree char *name = cd_test_a11y_dup_name (entry, window);

    g_assert_cmpstr (name, ==, "Name");
  }
  /* An entry row without a title is labelled by an empty label: no name. */
  g_assert_null (cd_test_a11y_dup_name (row, window));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Phone");
  {
    g_autofree char *name = cd_test_a11y_dup_name (row, window);

    g_assert_cmpstr (name, ==, "Phone");
  }

  /* A mnemonic is no part of a name. */
  {
    g_autofree char *save = cd_a11y_strip_mnemonic ("_Save");
    g_autofree char *back = cd_a11y_strip_mnemonic ("Back to _Propose");
    g_autofree char *literal = cd_a11y_strip_mnemonic ("snake__case_");

    g_assert_cmpstr (save, ==, "Save");
    g_assert_cmpstr (back, ==, "Back to Propose");
    g_assert_cmpstr (literal, ==, "snake_case");
  }

  /* A plain window has no Escape; the dialogs below must. */
  g_assert_false (cd_test_a11y_has_shortcut (window, GDK_KEY_Escape, 0));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_button_named (GtkWidget  *root,
                   GtkWidget  *widget,
                   const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *own = GTK_IS_BUTTON (child) ? cd_test_a11y_dup_name (child, root) : NULL;
      GtkWidget *found;

      if (g_strcmp0 (own, name) == 0)
        return child;
      if ((found = find_button_named (root, child, name)) != NULL)
        return found;
    }
  return NULL;
}

/* The calendar's arrows are named for what they do (cd-a11y.c names them by position, so
 * this checks the position: each arrow moves the calendar as its name says). */
static void
test_calendar_arrows (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 6, 15, 12, 0, 0);
  const struct {
    const char *name;
    int         month;  /* 0 for January, as GtkCalendar counts */
    int         year;
  } arrows[] = {
    { "Previous Month", 4, 2026 }, { "Next Month", 6, 2026 },
    { "Previous Year", 5, 2025 }, { "Next Year", 5, 2027 },
  };

  gtk_window_set_child (GTK_WINDOW (window), calendar);
  gtk_window_present (GTK_WINDOW (window));
  cd_test_spin (100);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      GtkWidget *button = find_button_named (calendar, calendar, arrows[i].name);
      int month, year;

      g_assert_nonnull (button);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, arrows[i].name);
      gtk_calendar_select_day (GTK_CALENDAR (calendar), start);
      g_signal_emit_by_name (button, "clicked");
      g_object_get (calendar, "month", &month, "year", &year, NULL);
      g_assert_cmpint (month, ==, arrows[i].month);
      g_assert_cmpint (year, ==, arrows[i].year);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each check fails where it should, in a subprocess: a control without a name, an icon
 * without a tooltip, a widget that swallows Tab, two controls on one Alt key; and the same
 * window without the fault passes them all. */
static void
test_checker_fails (gconstpointer data)
{
  const char *which = data;
  GtkWidget *window;
  GtkWidget *box;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      if (g_str_equal (which, "clean"))
        g_test_trap_assert_passed ();
      else
        g_test_trap_assert_failed ();
      return;
    }

  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_mnemonic ("_First"));
  if (g_str_equal (which, "unnamed"))
    gtk_box_append (GTK_BOX (box), gtk_button_new_from_icon_name ("list-add-symbolic"));
  else if (g_str_equal (which, "no-tooltip"))
    {
      GtkWidget *icon = gtk_button_new_from_icon_name ("list-add-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      "Add", -1);
      gtk_box_append (GTK_BOX (box), icon);
    }
  else if (g_str_equal (which, "trap"))
    {
      GtkWidget *flow = gtk_flow_box_new ();

      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), gtk_label_new ("42"));
      gtk_widget_set_focusable (gtk_widget_get_first_child (flow), FALSE);
      gtk_box_append (GTK_BOX (box), flow);
    }
  else if (g_str_equal (which, "mnemonic"))
    gtk_box_append (GTK_BOX (box), gtk_button_new_with_mnemonic ("_Further"));
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_mnemonic ("_Last"));
  gtk_window_present (GTK_WINDOW (window));
  cd_test_spin (100);
  gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);

  if (g_str_equal (which, "unnamed") || g_str_equal (which, "no-tooltip") ||
      g_str_equal (which, "clean"))
    cd_test_a11y_assert_named (window, which, 2);
  if (g_str_equal (which, "trap") || g_str_equal (which, "clean"))
    cd_test_a11y_assert_keyboard_reaches (window, which);
  if (g_str_equal (which, "mnemonic") || g_str_equal (which, "clean"))
    cd_test_a11y_assert_mnemonics_unique (window, which);
}

/* The sidebar row named @view, wherever it is in the window. */
static GtkWidget *
find_sidebar_row (GtkWidget  *root,
                  const char *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), view) == 0)
        return child;
      found = find_sidebar_row (child, view);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A sidebar row says how many cases it holds, in words with the right plural; the list says
 * it too, under its title. */
static void
assert_row_count_spoken (Fixture    *f,
                         const char *view)
{
  CdCaseListView *list = cd_window_get_case_list_view (f->window);
  GtkWidget *row;
  guint n;
  g_autofree char *expected = NULL;
  g_autofree char *mismatch = NULL;

  cd_window_show_view (f->window, view);
  cd_test_spin (300);
  n = g_list_model_get_n_items (G_LIST_MODEL (cd_case_list_view_get_model (list)));
  g_assert_cmpuint (n, >, 0);
  row = find_sidebar_row (GTK_WIDGET (f->window), view);
  g_assert_nonnull (row);
  expected = g_strdup_printf (n == 1 ? "%u case" : "%u cases", n);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_null (mismatch);

  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (
                     cd_test_find_descendant (GTK_WIDGET (list), ADW_TYPE_WINDOW_TITLE))),
                   ==, expected);
}

/* The Overdue row counts promises and follow-ups, not cases. */
static void
assert_due_count_spoken (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 n = cd_due_count (cd_window_get_database (f->window), G_MININT64, cd_time_now (),
                           &error);
  g_autofree char *expected = NULL;
  g_autofree char *mismatch = NULL;
  GtkWidget *row = find_sidebar_row (GTK_WIDGET (f->window), "overdue");

  g_assert_no_error (error);
  g_assert_cmpint (n, >, 1);
  g_assert_nonnull (row);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " promises and follow-ups", n);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_null (mismatch);
}

/* Every sidebar view, then a case page: everything named, the focus in what was shown. */
static void
test_main_window (Fixture       *f,
                  gconstpointer  data)
{
  static const char *views[] = {
    "open", "due-today", "overdue", "closed", "all", "blacklist", "reports", "templates",
  };

  cd_test_a11y_assert_named (GTK_WIDGET (f->window), "cases", 10);
  assert_row_count_spoken (f, "open");
  assert_row_count_spoken (f, "closed");
  assert_due_count_spoken (f);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *where = g_strdup_printf ("view %s", views[i]);

      cd_window_show_view (f->window, views[i]);
      cd_test_a11y_settle (GTK_WIDGET (f->window));
      cd_test_a11y_assert_named (GTK_WIDGET (f->window), where, 10);
      cd_test_a11y_assert_keyboard_reaches (GTK_WIDGET (f->window), where);
      cd_test_a11y_assert_mnemonics_unique (GTK_WIDGET (f->window), where);
    }

  /* The case list with its search bar open and each of its popovers. */
  cd_window_show_view (f->window, "open");
  cd_test_spin (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  cd_test_spin (200);
  cd_test_a11y_assert_focus_within (cd_test_find_descendant (GTK_WIDGET (f->window),
                                                             GTK_TYPE_SEARCH_BAR),
                                    "case search");
  cd_test_a11y_assert_named (GTK_WIDGET (f->window), "case search", 10);
  cd_test_a11y_assert_popovers_named (GTK_WIDGET (f->window), "cases");

  cd_window_show_case (f->window, first_case_id (f));
  cd_test_a11y_settle (GTK_WIDGET (f->window));
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "case");
  cd_test_a11y_assert_named (GTK_WIDGET (f->window), "case page", 10);
  cd_test_a11y_assert_focus_within (cd_test_find_descendant (GTK_WIDGET (f->window),
                                                             CD_TYPE_CASE_PAGE),
                                    "case page");
  cd_test_a11y_assert_keyboard_reaches (GTK_WIDGET (f->window), "case page");
  cd_test_a11y_assert_mnemonics_unique (GTK_WIDGET (f->window), "case page");
  cd_test_a11y_assert_popovers_named (GTK_WIDGET (f->window), "case page");
  /* Escape and Alt+Left lead back to the list. */
  g_assert_true (cd_test_a11y_has_shortcut (cd_test_find_descendant (GTK_WIDGET (f->window),
                                                        CD_TYPE_CASE_PAGE),
                               GDK_KEY_Escape, 0));
}

/* Narrow, the sidebar folds away when a view is chosen; the focus goes with the view, and
 * the view's sidebar button leads back with the focus on the sidebar. */
static void
test_folded (Fixture       *f,
             gconstpointer  data)
{
  static const char *views[] = { "blacklist", "reports", "templates", "open" };
  GtkWidget *sidebar_list = gtk_widget_get_parent (
    cd_test_find_descendant (GTK_WIDGET (f->window), GTK_TYPE_LIST_BOX_ROW));

  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (
    cd_test_find_descendant (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET))));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *where = g_strdup_printf ("folded, view %s", views[i]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sidebar",
                                                 NULL));
      cd_test_a11y_settle (GTK_WIDGET (f->window));
      cd_test_a11y_assert_focus_within (sidebar_list, "folded, sidebar");

      cd_window_show_view (f->window, views[i]);
      cd_test_a11y_settle (GTK_WIDGET (f->window));
      g_assert_false (gtk_widget_get_mapped (sidebar_list));
      cd_test_a11y_assert_focus_within (GTK_WIDGET (f->window), where);
      g_assert_true (gtk_widget_get_mapped (gtk_root_get_focus (GTK_ROOT (f->window))));
      cd_test_a11y_assert_named (GTK_WIDGET (f->window), where, 3);
    }
}

/* Preferences, every page of it. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  GtkWindow *prefs;
  GtkWidget *stack;
  guint n_pages = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  cd_test_spin (200);
  prefs = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  cd_test_a11y_assert_escape_closes (prefs);

  stack = cd_test_find_descendant (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_PAGE);
  g_assert_nonnull (stack);
  for (GtkWidget *page = stack; page != NULL; page = gtk_widget_get_next_sibling (page))
    {
      g_autofree char *where = NULL;

      if (!ADW_IS_PREFERENCES_PAGE (page))
        continue;
      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                               ADW_PREFERENCES_PAGE (page));
      cd_test_a11y_settle (GTK_WIDGET (prefs));
      where = g_strdup_printf ("preferences page %u", n_pages++);
      cd_test_a11y_assert_named (GTK_WIDGET (prefs), where, 3);
      cd_test_a11y_assert_keyboard_reaches (GTK_WIDGET (prefs), where);
      cd_test_a11y_assert_mnemonics_unique (GTK_WIDGET (prefs), where);
    }
  g_assert_cmpuint (n_pages, >=, 1);
}

/* The case form, for a new case and for editing one. */
static void
test_case_form (Fixture       *f,
                gconstpointer  data)
{
  GtkWindow *form;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL));
  cd_test_spin (300);
  form = find_toplevel (CD_TYPE_CASE_FORM);
  g_assert_nonnull (form);
  cd_test_a11y_assert_named (GTK_WIDGET (form), "new case form", 10);
  /* Its date popover is not opened here: under Xvfb the dialog's surface has no monitor to
   * place a popup on. Its calendar is the wizard's, which the wizard test opens. */
  cd_test_a11y_assert_focus_within (GTK_WIDGET (form), "new case form");
  cd_test_a11y_assert_escape_closes (form);
  cd_test_a11y_assert_keyboard_reaches (GTK_WIDGET (form), "new case form");
  cd_test_a11y_assert_mnemonics_unique (GTK_WIDGET (form), "new case form");
  gtk_window_destroy (form);
  cd_test_spin (100);

  cd_window_show_case (f->window, first_case_id (f));
  cd_test_spin (300);
  g_assert_true (gtk_widget_activate_action (cd_test_find_descendant (GTK_WIDGET (f->window),
                                                                      CD_TYPE_CASE_PAGE),
                                             "case.edit", NULL));
  cd_test_spin (300);
  form = find_toplevel (CD_TYPE_CASE_FORM);
  g_assert_nonnull (form);
  cd_test_a11y_assert_named (GTK_WIDGET (form), "case form", 10);
}

/* The blacklist entry dialog. */
static void
test_blacklist_dialog (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *view;
  GtkWindow *dialog;

  cd_window_show_view (f->window, "blacklist");
  cd_test_spin (300);
  view = cd_test_find_descendant (GTK_WIDGET (f->window), CD_TYPE_BLACKLIST_VIEW);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_activate_action (view, "blacklist.add", NULL));
  cd_test_spin (300);
  dialog = find_toplevel (CD_TYPE_BLACKLIST_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  cd_test_a11y_assert_named (GTK_WIDGET (dialog), "blacklist entry dialog", 5);
  cd_test_a11y_assert_focus_within (GTK_WIDGET (dialog), "blacklist entry dialog");
  cd_test_a11y_assert_escape_closes (dialog);
}

/* The blacklist with an entry selected (its action bar) and searching. */
static void
test_blacklist_view (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *view;
  GtkWidget *list;
  GtkSelectionModel *selection = NULL;

  cd_window_show_view (f->window, "blacklist");
  cd_test_spin (300);
  view = cd_test_find_descendant (GTK_WIDGET (f->window), CD_TYPE_BLACKLIST_VIEW);
  list = cd_test_find_descendant (view, GTK_TYPE_COLUMN_VIEW);
  if (list != NULL)
    selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (list));
  else if ((list = cd_test_find_descendant (view, GTK_TYPE_LIST_VIEW)) != NULL)
    selection = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  g_assert_true (GTK_IS_SINGLE_SELECTION (selection));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >, 0);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), 0);
  cd_test_spin (300);
  cd_test_a11y_assert_named (GTK_WIDGET (f->window), "blacklist, an entry selected", 10);
  cd_test_a11y_assert_popovers_named (GTK_WIDGET (f->window), "blacklist");

  g_assert_true (gtk_widget_activate_action (view, "blacklist.search", NULL));
  cd_test_spin (200);
  cd_test_a11y_assert_focus_within (view, "blacklist search");
  cd_test_a11y_assert_named (GTK_WIDGET (f->window), "blacklist search", 10);
}

/* The note dialog a case page opens. */
static void
test_note_dialog (Fixture       *f,
                  gconstpointer  data)
{
  GtkWindow *dialog;

  cd_window_show_case (f->window, first_case_id (f));
  cd_test_spin (300);
  g_assert_true (gtk_widget_activate_action (cd_test_find_descendant (GTK_WIDGET (f->window),
                                                                      CD_TYPE_CASE_PAGE),
                                             "case.add-note", NULL));
  cd_test_spin (300);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  cd_test_a11y_assert_named (GTK_WIDGET (dialog), "note dialog", 2);
  cd_test_a11y_assert_focus_within (GTK_WIDGET (dialog), "note dialog");
  cd_test_a11y_assert_escape_closes (dialog);
  cd_test_a11y_assert_keyboard_reaches (GTK_WIDGET (dialog), "blacklist entry dialog");
  cd_test_a11y_assert_mnemonics_unique (GTK_WIDGET (dialog), "blacklist entry dialog");
}

/* The wizard at every step, on a case far enough along to visit each. */
static void
test_wizard (Fixture       *f,
             gconstpointer  data)
{
  GtkWindow *wizard;

  cd_window_show_view (f->window, "closed");
  cd_test_spin (300);
  cd_window_show_case (f->window, first_case_id (f));
  cd_test_spin (300);
  g_assert_true (gtk_widget_activate_action (cd_test_find_descendant (GTK_WIDGET (f->window),
                                                                      CD_TYPE_CASE_PAGE),
                                             "case.guide", NULL));
  cd_test_spin (300);
  wizard = find_toplevel (CD_TYPE_WIZARD);
  g_assert_nonnull (wizard);
  cd_test_a11y_assert_escape_closes (wizard);

  for (int step = 0; step < CD_WIZARD_N_STEPS; step++)
    {
      g_autofree char *where = g_strdup_printf ("wizard step %d", step + 1);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.step", "i",
                                                 step));
      cd_test_a11y_settle (GTK_WIDGET (wizard));
      g_assert_cmpint (cd_wizard_get_current_step (CD_WIZARD (wizard)), ==, step);
      cd_test_a11y_assert_named (GTK_WIDGET (wizard), where, 10);
      cd_test_a11y_assert_popovers_named (GTK_WIDGET (wizard), where);
      cd_test_a11y_assert_focus_within (GTK_WIDGET (cd_wizard_get_step (CD_WIZARD (wizard),
                                                                         step)),
                                        where);
      cd_test_a11y_assert_keyboard_reaches (GTK_WIDGET (wizard), where);
      cd_test_a11y_assert_mnemonics_unique (GTK_WIDGET (wizard), where);
    }
}

/* The shortcuts window (Ctrl+?) lists every key the window, its views and the wizard bind. */
static void
test_shortcuts_listed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GArray) listed = cd_test_a11y_dup_listed_shortcuts ();
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkWindow *wizard;

  g_assert_cmpuint (listed->len, >=, 20);
  cd_test_a11y_assert_shortcuts_listed (window, listed);
  cd_window_show_view (f->window, "blacklist");
  cd_test_a11y_settle (window);
  cd_test_a11y_assert_shortcuts_listed (cd_test_find_descendant (window, CD_TYPE_BLACKLIST_VIEW),
                                        listed);
  cd_window_show_view (f->window, "templates");
  cd_test_a11y_settle (window);
  cd_test_a11y_assert_shortcuts_listed (cd_test_find_descendant (window, CD_TYPE_TEMPLATES_VIEW),
                                        listed);
  cd_window_show_view (f->window, "open");
  cd_test_a11y_settle (window);
  cd_window_show_case (f->window, first_case_id (f));
  cd_test_a11y_settle (window);
  cd_test_a11y_assert_shortcuts_listed (cd_test_find_descendant (window, CD_TYPE_CASE_PAGE),
                                        listed);
  g_assert_true (gtk_widget_activate_action (window, "win.new-guided", NULL));
  cd_test_spin (200);
  wizard = find_toplevel (CD_TYPE_WIZARD);
  g_assert_nonnull (wizard);
  cd_test_a11y_assert_shortcuts_listed (GTK_WIDGET (wizard), listed);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  /* As CdWindow's class does; the checker's own windows need it before any CdWindow. */
  cd_a11y_init ();
  application = GTK_APPLICATION (adw_application_new ("com.example.CompDesk.Test",
                                                      G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/a11y/checker", test_checker);
  g_test_add_func ("/ui/a11y/calendar-arrows", test_calendar_arrows);
  g_test_add_data_func ("/ui/a11y/checker-fails/unnamed", "unnamed", test_checker_fails);
  g_test_add_data_func ("/ui/a11y/checker-fails/no-tooltip", "no-tooltip", test_checker_fails);
  g_test_add_data_func ("/ui/a11y/checker-fails/trap", "trap", test_checker_fails);
  g_test_add_data_func ("/ui/a11y/checker-fails/mnemonic", "mnemonic", test_checker_fails);
  g_test_add_data_func ("/ui/a11y/checker-fails/clean", "clean", test_checker_fails);
#define ADD(name, func) g_test_add ("/ui/a11y/" name, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("main-window", test_main_window);
  ADD ("preferences", test_preferences);
  g_test_add ("/ui/a11y/folded", Fixture, "narrow", fixture_set_up, test_folded,
              fixture_tear_down);
  ADD ("case-form", test_case_form);
  ADD ("blacklist-view", test_blacklist_view);
  ADD ("blacklist-dialog", test_blacklist_dialog);
  ADD ("note-dialog", test_note_dialog);
  ADD ("wizard", test_wizard);
  ADD ("shortcuts-listed", test_shortcuts_listed);
#undef ADD

  return g_test_run ();
}
