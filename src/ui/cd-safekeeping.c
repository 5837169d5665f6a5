/* cd-safekeeping.c — integrity checks and backups while the application runs
 *
 * Checking and copying cost time that grows with the database, so they never run on the
 * start-up path: a few seconds after the window is shown, a worker thread opens a connection
 * of its own, runs the integrity checks and makes the day's copy. When the check fails, the
 * seller is told at once and offered the newest good copy; the damaged file is kept aside,
 * never deleted, and an empty database is never opened in silence.
 *
 * Damage met by ordinary work (a save, a list, a report) takes the same path: the database
 * notes it whoever met it (CdDatabase:damage), and the watch installed here tells the seller,
 * once, after whatever was being done has shown its own error. Case forms open at the time
 * keep what was typed, across a restore too: they move to the restored database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-safekeeping"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-backup.h"
#include "cd-case-form.h"
#include "cd-error.h"
#include "cd-safekeeping.h"
#include "cd-time.h"

#define CHECK_DELAY_SECONDS 5

typedef struct
{
  GtkWindow     *parent;    /* weak */
  CdDatabase    *db;        /* weak; NULL when only the path is known */
  char          *path;
  char          *backup;    /* the copy the seller chose */
  CdRestoreFunc  restore;
  gpointer       user_data;
} Check;

/* A database being watched for damage, as long as the handler is connected. */
typedef struct
{
  GtkWindow     *parent;    /* weak */
  CdDatabase    *db;        /* borrowed: the handler goes with it */
  CdRestoreFunc  restore;
  gpointer       user_data;
  guint          report_source;
} Watch;

static Check *
check_new (GtkWindow     *parent,
           CdDatabase    *db,
           const char    *path,
           CdRestoreFunc  restore,
           gpointer       user_data)
{
  Check *check = g_new0 (Check, 1);

  g_set_weak_pointer (&check->parent, parent);
  g_set_weak_pointer (&check->db, db);
  check->path = g_strdup (path);
  check->restore = restore;
  check->user_data = user_data;
  return check;
}

static void
check_free (Check *check)
{
  g_clear_weak_pointer (&check->parent);
  g_clear_weak_pointer (&check->db);
  g_free (check->path);
  g_free (check->backup);
  g_free (check);
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Check *check = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDatabase) db = cd_database_open (check->path, &error);
  g_autofree char *copy = NULL;

  if (db == NULL || !cd_backup_check (db, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  copy = cd_backup_make_if_due (db, cd_time_now (), &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static gboolean
run_restore (gpointer user_data)
{
  Check *check = user_data;

  check->restore (check->backup, check->user_data);
  return G_SOURCE_REMOVE;
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Check            *check)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "cd-backup");

  if (g_strcmp0 (response, "restore") != 0 || backup == NULL)
    {
      check_free (check);
      return;
    }
  /* Restoring closes the window this dialog belongs to: not while the dialog is still
   * answering. */
  check->backup = g_strdup (backup);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_restore, check, (GDestroyNotify) check_free);
}

static GtkWidget *
create_no_backup_dialog (Check      *check,
                         const char *heading,
                         const char *problem,
                         const char *kept)
{
  GtkWidget *dialog = adw_message_dialog_new (check->parent, heading, NULL);

  if (kept != NULL)
    /* Translators: the first %s is the problem, the second the path of a copy of the
     * damaged file */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("%s\n\nThere is no backup to restore. A copy of the "
                                      "damaged file as it was found is in “%s”. Export what "
                                      "can still be read with “compdesk --export”."),
                                    problem, kept);
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("%s\n\nThere is no backup to restore. Export what you "
                                      "can with “compdesk --export” and keep the file "
                                      "“%s”."), problem, check->path);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  return dialog;
}

/* @kept: (nullable): where a copy of the damaged file went, if one was made */
static void
offer_restore (Check      *check,
               const char *heading,
               const char *problem,
               const char *kept)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (check->path);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autoptr(GPtrArray) copies = cd_backup_list (folder, &error);
  g_autofree char *full_problem = NULL;
  GtkWidget *dialog;

  if (kept != NULL)
    /* Translators: the first %s is the problem, the second the path of a copy of the
     * damaged file */
    full_problem = g_strdup_printf (_("%s\n\nA copy of the damaged file as it was found is "
                                      "in “%s”."), problem, kept);

  if (copies == NULL || copies->len == 0)
    {
      dialog = create_no_backup_dialog (check, heading, problem, kept);
      check_free (check);
    }
  else
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (copies, 0));

      dialog = adw_message_dialog_new (check->parent, heading, NULL);
      /* Translators: the first %s is the problem, the second a file name such as
       * compdesk-2026-11-24.db */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s\n\nRestore the newest backup, “%s”? The damaged "
                                        "file is kept beside it and nothing is deleted. "
                                        "Changes since that backup are not in it."),
                                      full_problem != NULL ? full_problem : problem, name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "later", _("_Not Now"),
                                        "restore", _("_Restore Backup"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
      g_object_set_data_full (G_OBJECT (dialog), "cd-backup",
                              g_strdup (g_ptr_array_index (copies, 0)), g_free);
      g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response_cb), check);
    }
  /* With no window yet (a damaged file at start), the dialog keeps the application alive. */
  if (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == NULL &&
      GTK_IS_APPLICATION (g_application_get_default ()))
    gtk_window_set_application (GTK_WINDOW (dialog),
                                GTK_APPLICATION (g_application_get_default ()));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_check_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Check *check = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return;

  if (g_error_matches (error, CD_ERROR, CD_ERROR_CORRUPT))
    {
      /* The watch on the window's database tells the seller, as for damage met at work. */
      if (check->db != NULL)
        cd_database_mark_damaged (check->db, error->message);
      else
        cd_safekeeping_report_damage (check->parent, check->path, error->message,
                                      check->restore, check->user_data);
      return;
    }
  /* A copy that could not be made (a full disk) is worth knowing about, not alarming. */
  g_warning ("The daily backup was not made: %s", error->message);
}

static gboolean
start_check (gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_check_done_cb, NULL);

  g_task_set_task_data (task, user_data, (GDestroyNotify) check_free);
  g_task_run_in_thread (task, check_thread);
  return G_SOURCE_REMOVE;
}

/**
 * cd_safekeeping_check_soon:
 * @restore: (scope notified): called with the copy to restore, when the seller wants it
 *
 * A few seconds from now, checks @db in the background and makes the day's copy. Damage
 * it finds is reported as cd_safekeeping_watch() reports it, which this installs.
 */
void
cd_safekeeping_check_soon (GtkWindow     *parent,
                           CdDatabase    *db,
                           CdRestoreFunc  restore,
                           gpointer       user_data)
{
  Check *check = check_new (parent, db, cd_database_get_path (db), restore, user_data);

  cd_safekeeping_watch (parent, db, restore, user_data);
  g_timeout_add_seconds_full (G_PRIORITY_LOW, CHECK_DELAY_SECONDS, start_check, check, NULL);
}

/**
 * cd_safekeeping_offer_restore:
 * @heading: the dialog's heading
 * @problem: what went wrong, or why restore, for the dialog
 *
 * Offers the newest copy of the database at @database_path.
 */
void
cd_safekeeping_offer_restore (GtkWindow     *parent,
                              const char    *database_path,
                              const char    *heading,
                              const char    *problem,
                              CdRestoreFunc  restore,
                              gpointer       user_data)
{
  offer_restore (check_new (parent, NULL, database_path, restore, user_data), heading, problem,
                 NULL);
}

static void
watch_free (gpointer  data,
            GClosure *closure)
{
  Watch *watch = data;

  g_clear_handle_id (&watch->report_source, g_source_remove);
  g_clear_weak_pointer (&watch->parent);
  g_free (watch);
}

/**
 * cd_safekeeping_report_damage:
 * @parent: (nullable): the window the dialog belongs to
 * @problem: what showed the damage
 *
 * Keeps a copy of the damaged file at @database_path as it is now, then tells the seller
 * and offers the newest backup.
 */
void
cd_safekeeping_report_damage (GtkWindow     *parent,
                              const char    *database_path,
                              const char    *problem,
                              CdRestoreFunc  restore,
                              gpointer       user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *full_problem = NULL;

  if (!cd_backup_keep_damaged (database_path, cd_time_now (), &kept, &error))
    full_problem = g_strdup_printf ("%s\n\n%s", problem, error->message);
  offer_restore (check_new (parent, NULL, database_path, restore, user_data),
                 _("The Database Is Damaged"), full_problem != NULL ? full_problem : problem,
                 kept);
}

/* After the work that met the damage has rolled back and shown its own error. */
static gboolean
report_damage (gpointer user_data)
{
  Watch *watch = user_data;

  watch->report_source = 0;
  cd_safekeeping_report_damage (watch->parent, cd_database_get_path (watch->db),
                                cd_database_get_damage (watch->db), watch->restore,
                                watch->user_data);
  return G_SOURCE_REMOVE;
}

static void
on_damage_cb (CdDatabase *db,
              GParamSpec *pspec,
              Watch      *watch)
{
  if (watch->report_source == 0 && cd_database_get_damage (db) != NULL)
    watch->report_source = g_idle_add (report_damage, watch);
}

/**
 * cd_safekeeping_watch:
 * @parent: (nullable): the window the dialog belongs to
 * @restore: (scope notified): called with the copy to restore, when the seller wants it
 *
 * When @db is found damaged — SQLITE_CORRUPT or SQLITE_NOTADB in any work on it, or a failed
 * check — keeps a copy of the file as found aside and offers the newest backup. Once per
 * database; watching it again changes nothing.
 */
void
cd_safekeeping_watch (GtkWindow     *parent,
                      CdDatabase    *db,
                      CdRestoreFunc  restore,
                      gpointer       user_data)
{
  Watch *watch;

  g_return_if_fail (CD_IS_DATABASE (db));

  if (g_object_get_data (G_OBJECT (db), "cd-safekeeping-watch") != NULL)
    return;
  watch = g_new0 (Watch, 1);
  g_set_weak_pointer (&watch->parent, parent);
  watch->db = db;
  watch->restore = restore;
  watch->user_data = user_data;
  g_object_set_data (G_OBJECT (db), "cd-safekeeping-watch", watch);
  g_signal_connect_data (db, "notify::damage", G_CALLBACK (on_damage_cb), watch, watch_free, 0);
  /* Damage met before the window was there (while it was built) counts too. */
  on_damage_cb (db, NULL, watch);
}

/**
 * cd_safekeeping_hold_forms:
 *
 * Keeps the case forms open on @db from closing with their window, for
 * cd_safekeeping_hand_over_forms() once the restored database has a window.
 *
 * Returns: (transfer full) (element-type CdCaseForm): the forms
 */
GPtrArray *
cd_safekeeping_hold_forms (CdDatabase *db)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_object_unref);
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CD_IS_CASE_FORM (l->data) &&
        cd_case_repository_get_database (cd_case_form_get_repository (l->data)) == db)
      {
        gtk_window_set_destroy_with_parent (l->data, FALSE);
        gtk_window_set_transient_for (l->data, NULL);
        g_ptr_array_add (forms, g_object_ref (l->data));
      }
  g_list_free (toplevels);
  return forms;
}

static void
on_handed_over_form_saved_cb (CdCaseForm *form,
                              gint64      case_id,
                              CdWindow   *window)
{
  cd_window_show_case (window, case_id);
}

/**
 * cd_safekeeping_hand_over_forms:
 * @forms: (transfer full) (element-type CdCaseForm): from cd_safekeeping_hold_forms()
 * @window: (nullable): the window on the restored database, or %NULL when there is none
 *
 * Gives the held forms, with what was typed in them, to @window's database. With no window
 * to give them to they close: they would save into the file put aside.
 */
void
cd_safekeeping_hand_over_forms (GPtrArray *forms,
                                CdWindow  *window)
{
  g_autoptr(GPtrArray) owned = forms;

  for (guint i = 0; i < owned->len; i++)
    {
      CdCaseForm *form = g_ptr_array_index (owned, i);

      if (window == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (form));
          continue;
        }
      cd_case_form_set_repositories (form, cd_window_get_case_repository (window),
                                     cd_window_get_blacklist_repository (window));
      gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (window));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (form), TRUE);
      g_signal_connect_object (form, "saved", G_CALLBACK (on_handed_over_form_saved_cb),
                               window, 0);
      gtk_window_present (GTK_WINDOW (form));
    }
}

/* "Back Up Now": a copy made here and now, told in a dialog. */
void
cd_safekeeping_back_up_now (GtkWindow  *parent,
                            CdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = cd_backup_make (db, cd_time_now (), &error);
  GtkWidget *dialog;

  if (copy == NULL)
    dialog = adw_message_dialog_new (parent, _("No Backup Was Made"), error->message);
  else
    {
      dialog = adw_message_dialog_new (parent, _("Backup Made"), NULL);
      /* Translators: %s is the backup file's path */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("A copy of everything is in “%s”. CompDesk also makes "
                                        "one every day and keeps the last seven and one a "
                                        "month."), copy);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
