/* cd-safekeeping.c — integrity checks and backups while the application runs
 *
 * Checking and copying cost time that grows with the database, so they never run on the
 * start-up path: a few seconds after the window is shown, a worker thread opens a connection
 * of its own, runs the integrity checks and makes the day's copy. When the check fails, the
 * seller is told at once and offered the newest good copy; the damaged file is kept aside,
 * never deleted, and an empty database is never opened in silence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-safekeeping"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-backup.h"
#include "cd-error.h"
#include "cd-safekeeping.h"
#include "cd-time.h"

#define CHECK_DELAY_SECONDS 5

typedef struct
{
  GtkWindow     *parent;    /* weak */
  char          *path;
  CdRestoreFunc  restore;
  gpointer       user_data;
} Check;

static void
check_free (Check *check)
{
  g_clear_weak_pointer (&check->parent);
  g_free (check->path);
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

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Check            *check)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "cd-backup");

  if (g_strcmp0 (response, "restore") == 0 && backup != NULL)
    check->restore (backup, check->user_data);
  check_free (check);
}

static void
offer_restore (Check      *check,
               const char *heading,
               const char *problem)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (check->path);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autoptr(GPtrArray) copies = cd_backup_list (folder, &error);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (check->parent, heading, NULL);
  if (copies == NULL || copies->len == 0)
    {
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s\n\nThere is no backup to restore. Export what you "
                                        "can with “compdesk --export” and keep the file "
                                        "“%s”."), problem, check->path);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      check_free (check);
    }
  else
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (copies, 0));

      /* Translators: the first %s is the problem, the second a file name such as
       * compdesk-2026-11-24.db */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s\n\nRestore the newest backup, “%s”? The damaged "
                                        "file is kept beside it and nothing is deleted. "
                                        "Changes since that backup are not in it."),
                                      problem, name);
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
  if (check->parent == NULL && GTK_IS_APPLICATION (g_application_get_default ()))
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
      /* The task owns @check; the dialog needs its own. */
      Check *copy = g_new0 (Check, 1);

      g_set_weak_pointer (&copy->parent, check->parent);
      copy->path = g_strdup (check->path);
      copy->restore = check->restore;
      copy->user_data = check->user_data;
      offer_restore (copy, _("The Database Is Damaged"), error->message);
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
 * A few seconds from now, checks @db in the background and makes the day's copy.
 */
void
cd_safekeeping_check_soon (GtkWindow     *parent,
                           CdDatabase    *db,
                           CdRestoreFunc  restore,
                           gpointer       user_data)
{
  Check *check = g_new0 (Check, 1);

  g_set_weak_pointer (&check->parent, parent);
  check->path = g_strdup (cd_database_get_path (db));
  check->restore = restore;
  check->user_data = user_data;
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
  Check *check = g_new0 (Check, 1);

  g_set_weak_pointer (&check->parent, parent);
  check->path = g_strdup (database_path);
  check->restore = restore;
  check->user_data = user_data;
  offer_restore (check, heading, problem);
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
