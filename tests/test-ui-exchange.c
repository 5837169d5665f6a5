/* test-ui-exchange.c — Import… and Export… from the window, as a seller uses them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cd-blacklist-csv.h"
#include "cd-blacklist-repository.h"
#include "cd-case-list-view.h"
#include "cd-exchange.h"
#include "cd-test-ui.h"
#include "cd-test-util.h"
#include "cd-window.h"

static GtkApplication *application;

typedef struct
{
  char         *dir;
  CdDatabase   *db;
  CdWindow     *window;
  GAsyncResult *result;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->window = cd_window_new (application, f->db, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  cd_test_spin (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Dialogs the tests left open, then the window. */
  for (GList *l = gtk_application_get_windows (application); l != NULL;
       l = gtk_application_get_windows (application))
    gtk_window_destroy (l->data);
  g_list_free_full (gtk_window_list_toplevels (), (GDestroyNotify) gtk_window_destroy);
  cd_test_spin (50);
  g_clear_object (&f->result);
  g_clear_object (&f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *f = user_data;

  f->result = g_object_ref (result);
}

static void
wait_for_result (Fixture *f)
{
  for (int i = 0; i < 500 && f->result == NULL; i++)
    cd_test_spin (20);
  g_assert_nonnull (f->result);
}

static gint64
count_rows (Fixture    *f,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (cd_database_get_handle (f->db), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static guint
n_listed (Fixture *f)
{
  CdCaseListView *view = cd_window_get_case_list_view (f->window);

  return g_list_model_get_n_items (G_LIST_MODEL (cd_case_list_view_get_model (view)));
}

/* The message dialog the window shows, if any. */
static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The example file comes in; the open list shows its cases at once, not two seconds later. */
static void
test_import_everything (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("EXAMPLE_JSON"));
  g_autoptr(GError) error = NULL;

  cd_window_show_view (f->window, "all");
  g_assert_cmpuint (n_listed (f), ==, 0);

  cd_exchange_import_async (f->window, CD_EXCHANGE_EVERYTHING, file, on_done, f);
  wait_for_result (f);
  g_assert_true (cd_exchange_finish (f->result, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_rows (f, "cases"), ==, 2);
  g_assert_cmpint (count_rows (f, "blacklist"), ==, 1);
  cd_test_spin (100);
  g_assert_cmpuint (n_listed (f), ==, 2);
  g_assert_null (find_message_dialog ());
}

/* A broken file: a dialog names the problem, and nothing changed. */
static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) good = g_file_new_for_path (g_getenv ("EXAMPLE_JSON"));
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  cd_exchange_import_async (f->window, CD_EXCHANGE_EVERYTHING, good, on_done, f);
  wait_for_result (f);
  g_assert_true (cd_exchange_finish (f->result, NULL));
  g_clear_object (&f->result);

  g_assert_true (g_file_set_contents (path, "{\"format\": \"compdesk-export\", \"version\": 1, "
                                      "\"cases\": [{\"uid\": ", -1, NULL));
  cd_exchange_import_async (f->window, CD_EXCHANGE_EVERYTHING, file, on_done, f);
  wait_for_result (f);
  g_assert_false (cd_exchange_finish (f->result, &error));
  g_assert_nonnull (error);

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing Was Imported");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "broken.json"));
  g_assert_nonnull (strstr (body, error->message));
  g_assert_cmpint (count_rows (f, "cases"), ==, 2);

  /* Another import may start once this one is over. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", NULL));
}

/* Everything out, 0600, and back in unchanged; the blacklist as a spreadsheet. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) example = g_file_new_for_path (g_getenv ("EXAMPLE_JSON"));
  g_autofree char *json_path = g_build_filename (f->dir, "all.json", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "list.csv", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;

  cd_exchange_import_async (f->window, CD_EXCHANGE_EVERYTHING, example, on_done, f);
  wait_for_result (f);
  g_assert_true (cd_exchange_finish (f->result, NULL));
  g_clear_object (&f->result);

  cd_exchange_export_async (f->window, CD_EXCHANGE_EVERYTHING, json_file, on_done, f);
  wait_for_result (f);
  g_assert_true (cd_exchange_finish (f->result, &error));
  g_assert_no_error (error);
  g_clear_object (&f->result);
  g_assert_cmpint (g_stat (json_path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  json = cd_test_read_file (json_path, NULL);
  g_assert_nonnull (strstr (json, "\"format\": \"compdesk-export\""));
  g_assert_nonnull (strstr (json, "Little Tea House"));

  cd_exchange_export_async (f->window, CD_EXCHANGE_BLACKLIST, csv_file, on_done, f);
  wait_for_result (f);
  g_assert_true (cd_exchange_finish (f->result, &error));
  g_assert_no_error (error);
  g_clear_object (&f->result);
  csv = cd_test_read_file (csv_path, NULL);
  g_assert_true (g_str_has_prefix (csv, CD_BLACKLIST_CSV_HEADER));

  /* The spreadsheet comes back into an emptied blacklist. */
  g_assert_true (cd_database_exec (f->db, "DELETE FROM blacklist", &error));
  g_assert_cmpint (count_rows (f, "blacklist"), ==, 0);
  cd_exchange_import_async (f->window, CD_EXCHANGE_BLACKLIST, csv_file, on_done, f);
  wait_for_result (f);
  g_assert_true (cd_exchange_finish (f->result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "blacklist"), ==, 1);
}

/* The window closed while the import runs: the import finishes all the same, quietly. */
static void
test_window_closed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("EXAMPLE_JSON"));
  g_autoptr(GError) error = NULL;

  cd_exchange_import_async (f->window, CD_EXCHANGE_EVERYTHING, file, on_done, f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  wait_for_result (f);
  g_assert_true (cd_exchange_finish (f->result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "cases"), ==, 2);
  g_assert_null (find_message_dialog ());
}

/* The menu's Import… opens a file chooser (a dialog in a session without portals). */
static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GList) toplevels = NULL;
  gboolean chooser = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", NULL));
  cd_test_spin (200);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_FILE_CHOOSER (l->data) && gtk_widget_get_visible (l->data))
      chooser = TRUE;
  g_assert_true (chooser);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  application = GTK_APPLICATION (adw_application_new ("com.example.CompDesk.TestExchange",
                                                      G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

#define ADD(name, func) g_test_add ("/ui/exchange/" name, Fixture, NULL, fixture_set_up, \
                                    func, fixture_tear_down)
  ADD ("import-everything", test_import_everything);
  ADD ("import-refused", test_import_refused);
  ADD ("export", test_export);
  ADD ("window-closed", test_window_closed);
  ADD ("actions", test_actions);
#undef ADD

  return g_test_run ();
}
