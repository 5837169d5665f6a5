/* cd-exchange.c — import and export from the window: everything, or the blacklist alone
 *
 * The same work as `compdesk --import/--export/--import-blacklist/--export-blacklist`, behind
 * the main menu and the blacklist view's menu. It runs on a worker thread with a connection
 * of its own, as a second process would: the window keeps drawing and reading (WAL), the
 * import's one transaction is all or nothing, and the window shows the new data as soon as
 * it is committed. A progress window appears when the work takes longer than a moment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-blacklist-exchange.h"
#include "cd-exchange.h"
#include "cd-exporter.h"
#include "cd-importer.h"

/* Tells our tasks from others in cd_exchange_finish(). */
static char exchange_tag;

/* Work done sooner than this shows no progress window; it would only flicker. */
#define PROGRESS_DELAY_MS 300

typedef struct
{
  CdExchangeScope  scope;
  gboolean         importing;
  char            *database_path;
  char            *path;
  char            *display_name;
  CdImportStats    stats;        /* written by the worker, read once it is done */
  int              permille;     /* atomic: the worker's progress, 0–1000 */

  /* The main thread's */
  CdWindow        *window;
  GtkWindow       *progress_window;
  GtkProgressBar  *progress_bar;
  guint            show_source;
  guint            update_source;
} Job;

static void
job_free (Job *job)
{
  g_clear_handle_id (&job->show_source, g_source_remove);
  g_clear_handle_id (&job->update_source, g_source_remove);
  if (job->progress_window != NULL)
    gtk_window_destroy (job->progress_window);
  g_clear_object (&job->window);
  g_free (job->database_path);
  g_free (job->path);
  g_free (job->display_name);
  g_free (job);
}

/* The worker */

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000.0));
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(CdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  db = cd_database_open (job->database_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->importing && job->scope == CD_EXCHANGE_EVERYTHING)
    ok = cd_import_file (db, job->path, on_progress, job, &job->stats, &error);
  else if (job->importing)
    ok = cd_blacklist_import_any_file (db, job->path, on_progress, job, &job->stats, &error);
  else if (job->scope == CD_EXCHANGE_EVERYTHING)
    ok = cd_export_to_file (db, job->path, &error);
  else
    ok = cd_blacklist_export_any_file (db, job->path, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Progress */

static gboolean
update_progress (gpointer user_data)
{
  Job *job = user_data;
  int permille = g_atomic_int_get (&job->permille);

  /* An export, or a CSV read at once, says nothing of its progress. */
  if (permille > 0)
    gtk_progress_bar_set_fraction (job->progress_bar, permille / 1000.0);
  else
    gtk_progress_bar_pulse (job->progress_bar);
  return G_SOURCE_CONTINUE;
}

static gboolean
show_progress (gpointer user_data)
{
  Job *job = user_data;
  GtkWidget *box, *label, *bar;
  g_autofree char *text = NULL;

  job->show_source = 0;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);

  text = job->importing ? g_strdup_printf (_("Importing “%s”…"), job->display_name)
                        : g_strdup_printf (_("Exporting to “%s”…"), job->display_name);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  bar = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_box_append (GTK_BOX (box), bar);

  /* Not closable: the import is one transaction and ends by itself, all or nothing. */
  job->progress_window = g_object_new (ADW_TYPE_WINDOW,
                                       "content", box,
                                       "modal", TRUE,
                                       "transient-for", job->window,
                                       "deletable", FALSE,
                                       "resizable", FALSE,
                                       "default-width", 360,
                                       "title", job->importing ? _("Importing") : _("Exporting"),
                                       NULL);
  job->progress_bar = GTK_PROGRESS_BAR (bar);
  gtk_window_present (job->progress_window);
  job->update_source = g_timeout_add (100, update_progress, job);
  return G_SOURCE_REMOVE;
}

/* One import at a time. */
static void
set_importing (CdWindow *window,
               gboolean  importing)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.import", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.import-blacklist", !importing);
}

/* Results */

static char *
describe_import (const CdImportStats *stats,
                 CdExchangeScope      scope)
{
  guint cases = stats->cases_added + stats->cases_updated;
  guint entries = stats->entries_added + stats->entries_updated;
  guint templates = stats->templates_added + stats->templates_updated;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (cases > 0 || scope == CD_EXCHANGE_EVERYTHING)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u case", "%u cases", cases), cases));
  if (entries > 0 || scope == CD_EXCHANGE_BLACKLIST)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u blacklist entry",
                                                       "%u blacklist entries", entries),
                                             entries));
  if (templates > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u template", "%u templates",
                                                       templates), templates));
  g_ptr_array_add (parts, NULL);
  /* Translators: between the items of a list, as in "3 cases, 2 blacklist entries" */
  return g_strjoinv (C_("list separator", ", "), (char **) parts->pdata);
}

static void
show_error (Job    *job,
            GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (job->window),
                                   job->importing ? _("Nothing Was Imported")
                                                  : _("Nothing Was Exported"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "“%s”: %s\n\n%s",
                                  job->display_name, error->message,
                                  job->importing ? _("The cases and the blacklist are as they "
                                                     "were before.")
                                                 : _("No file was written."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
job_done (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  Job *job = g_task_get_task_data (outer);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  g_clear_handle_id (&job->show_source, g_source_remove);
  g_clear_handle_id (&job->update_source, g_source_remove);
  g_clear_pointer (&job->progress_window, gtk_window_destroy);

  /* The window was closed meanwhile: the work is done (or not) all the same, and there is no
   * one to tell. */
  if (!gtk_widget_get_realized (GTK_WIDGET (job->window)))
    {
      if (g_task_propagate_boolean (G_TASK (result), &error))
        g_task_return_boolean (outer, TRUE);
      else
        g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  set_importing (job->window, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (job, error);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  if (job->importing)
    {
      g_autofree char *summary = describe_import (&job->stats, job->scope);

      cd_window_notice_changes (job->window);
      /* Translators: a toast; the first %s is a file name, the second what was new or
       * changed, such as "3 cases, 2 blacklist entries" */
      toast = adw_toast_new_format (_("Imported from “%s”: %s"), job->display_name, summary);
    }
  else
    {
      /* Translators: a toast; %s is a file name */
      toast = adw_toast_new_format (_("Saved “%s”"), job->display_name);
    }
  adw_toast_set_timeout (toast, 5);
  cd_window_add_toast (job->window, toast);
  g_task_return_boolean (outer, TRUE);
}

static void
start_job (CdWindow            *window,
           CdExchangeScope      scope,
           gboolean             importing,
           GFile               *file,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) outer = g_task_new (window, NULL, callback, user_data);
  g_autoptr(GTask) inner = NULL;
  Job *job = g_new0 (Job, 1);

  job->scope = scope;
  job->importing = importing;
  job->window = g_object_ref (window);
  job->database_path = g_strdup (cd_database_get_path (cd_window_get_database (window)));
  job->path = g_file_get_path (file);
  job->display_name = g_file_get_parse_name (file);
  g_task_set_task_data (outer, job, (GDestroyNotify) job_free);
  g_task_set_source_tag (outer, &exchange_tag);

  if (job->path == NULL)
    {
      GError *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                           _("Only files on this computer can be used"));

      show_error (job, error);
      g_task_return_error (outer, error);
      return;
    }

  if (importing)
    set_importing (window, TRUE);
  job->show_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress, job);

  inner = g_task_new (NULL, NULL, job_done, g_steal_pointer (&outer));
  g_task_set_task_data (inner, job, NULL);
  g_task_run_in_thread (inner, run_job);
}

void
cd_exchange_import_async (CdWindow            *window,
                          CdExchangeScope      scope,
                          GFile               *file,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (CD_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  start_job (window, scope, TRUE, file, callback, user_data);
}

void
cd_exchange_export_async (CdWindow            *window,
                          CdExchangeScope      scope,
                          GFile               *file,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (CD_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  start_job (window, scope, FALSE, file, callback, user_data);
}

/**
 * cd_exchange_finish:
 *
 * Returns: whether the import or export succeeded; the window has already said so
 */
gboolean
cd_exchange_finish (GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &exchange_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Choosing the file */

typedef struct
{
  CdWindow        *window;
  CdExchangeScope  scope;
  gboolean         importing;
  GtkFileFilter   *csv_filter;  /* the blacklist's; NULL otherwise */
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->window);
  g_clear_object (&choice->csv_filter);
  g_free (choice);
}

static GtkFileFilter *
new_filter (const char *name,
            const char *pattern,
            const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  return filter;
}

/* A name typed without a suffix gets the one of the chosen kind, so the format is clear. */
static GFile *
with_suffix (GtkFileChooser *chooser,
             Choice         *choice,
             GFile          *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *named = NULL;
  gboolean csv;

  if (choice->importing || g_str_has_suffix (lower, ".json") || g_str_has_suffix (lower, ".csv"))
    return g_object_ref (file);
  csv = choice->csv_filter != NULL && gtk_file_chooser_get_filter (chooser) == choice->csv_filter;
  parent = g_file_get_parent (file);
  named = g_strconcat (name, csv ? ".csv" : ".json", NULL);
  return parent != NULL ? g_file_get_child (parent, named) : g_object_ref (file);
}

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  Choice *choice = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GFile) file = with_suffix (GTK_FILE_CHOOSER (native), choice, chosen);

      start_job (choice->window, choice->scope, choice->importing, file, NULL, NULL);
    }
  choice_free (choice);
  g_object_unref (native);
}

static void
choose_file (CdWindow        *window,
             CdExchangeScope  scope,
             gboolean         importing)
{
  Choice *choice = g_new0 (Choice, 1);
  GtkFileChooserNative *native;
  GtkFileFilter *json_filter;
  const char *title;

  choice->window = g_object_ref (window);
  choice->scope = scope;
  choice->importing = importing;

  if (scope == CD_EXCHANGE_EVERYTHING)
    title = importing ? _("Import Cases and Blacklist") : _("Export Everything");
  else
    title = importing ? _("Import a Blacklist") : _("Export the Blacklist");
  native = gtk_file_chooser_native_new (title, GTK_WINDOW (window),
                                        importing ? GTK_FILE_CHOOSER_ACTION_OPEN
                                                  : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        importing ? _("_Import") : _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  if (scope == CD_EXCHANGE_BLACKLIST)
    {
      /* A spreadsheet is what other sellers share; it comes first. */
      choice->csv_filter = new_filter (_("Spreadsheets (CSV)"), "*.csv", "text/csv");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), choice->csv_filter);
    }
  json_filter = new_filter (_("CompDesk Exports (JSON)"), "*.json", "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), json_filter);
  g_object_unref (json_filter);

  if (!importing)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      /* Translators: the file name an export suggests; %Y-%m-%d is the date. Keep the
       * suffix. */
      g_autofree char *name = g_date_time_format (now, scope == CD_EXCHANGE_EVERYTHING
                                                         ? _("compdesk-%Y-%m-%d.json")
                                                         : _("blacklist-%Y-%m-%d.csv"));

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }

  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Actions */

/* win.import, win.export, win.import-blacklist and win.export-blacklist */
static void
exchange_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gboolean importing = g_str_has_prefix (action_name, "win.import");
  gboolean blacklist = g_str_has_suffix (action_name, "-blacklist");

  choose_file (CD_WINDOW (widget), blacklist ? CD_EXCHANGE_BLACKLIST : CD_EXCHANGE_EVERYTHING,
               importing);
}

/**
 * cd_exchange_install_actions:
 *
 * Adds win.import (Ctrl+O), win.export (Ctrl+Shift+E), win.import-blacklist and
 * win.export-blacklist to the window class.
 */
void
cd_exchange_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.import-blacklist", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.export-blacklist", NULL, exchange_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  /* Ctrl+E edits a case. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
}
