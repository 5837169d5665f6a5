/* cd-application.c — the one CdApplication: owns the database, opens the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-application.h"
#include "cd-command-line.h"
#include "cd-database.h"
#include "cd-backup.h"
#include "cd-bench-hooks.h"
#include "cd-error.h"
#include "cd-notifier.h"
#include "cd-safekeeping.h"
#include "cd-sample-shop.h"
#include "cd-time.h"
#include "cd-window.h"

struct _CdApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  char           *database_path;  /* NULL for the default file */
  CdDatabase     *database;       /* NULL when opening failed … */
  GError         *database_error; /* … and this says why */
  GSettings      *settings;       /* NULL when the schema is not installed */
  CdNotifier     *notifier;       /* reminds of what falls due in database */
};

G_DEFINE_FINAL_TYPE (CdApplication, cd_application, ADW_TYPE_APPLICATION)

/* Helpers */

/* An uninstalled build run by hand has no schema; it should still start, only forgetting
 * the window size, rather than abort inside g_settings_new(). */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_message ("Settings schema %s is not installed; the window size will not be saved",
                 APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* Opening an empty database instead would look as if every case had been lost. */
static GtkWindow *
create_database_error_dialog (CdApplication *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Cannot Open the Database"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s",
                                  self->database_error->message,
                                  _("Nothing was changed. To use another file, start CompDesk "
                                    "with --database FILE."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));

  return GTK_WINDOW (dialog);
}

/* Actions */

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CdApplication *self = CD_APPLICATION (user_data);
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", "CompDesk",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The CompDesk developers"),
                        "comments", _("Handle every buyer complaint step by step, keep every "
                                      "promise, and see what service costs your shop."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

/* Closing each window, rather than g_application_quit(), lets it save its state; the
 * application ends when the last one is gone. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closing one window changes the application's list and may destroy another. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));

  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
}

static void
show_sample_error (CdApplication *self,
                   const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (gtk_application_get_active_window (
                                                GTK_APPLICATION (self)),
                                              _("The Sample Shop Could Not Be Opened"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The sample lives in a database of its own beside the real one, made afresh each time, so
 * exploring it never touches the seller's data and always looks current. */
static void
open_sample_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CdApplication *self = CD_APPLICATION (user_data);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "compdesk",
                                            "sample-shop.db", NULL);
  g_autoptr(GBytes) json = NULL;
  g_autoptr(CdDatabase) sample = NULL;
  g_autoptr(GError) error = NULL;
  CdWindow *window;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (CD_IS_WINDOW (l->data) &&
        g_strcmp0 (cd_database_get_path (cd_window_get_database (l->data)), path) == 0)
      {
        gtk_window_present (l->data);
        return;
      }

  json = g_resources_lookup_data ("/com/example/CompDesk/sample-shop.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (json != NULL)
    sample = cd_sample_shop_create (path, json, cd_time_now (), &error);
  if (sample == NULL)
    {
      show_sample_error (self, error);
      return;
    }

  window = cd_window_new (GTK_APPLICATION (self), sample, NULL);
  /* Translators: shown under the title of the window with the made-up sample cases */
  cd_window_set_subtitle (window, _("Sample Shop"));
  gtk_window_present (GTK_WINDOW (window));
}

static void restore_backup (const char *backup,
                            gpointer    user_data);

static CdWindow *
present_main_window (CdApplication *self)
{
  CdWindow *window = cd_window_new (GTK_APPLICATION (self), self->database, self->settings);

  cd_bench_hooks_watch_first_frame (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  /* Damage met in any work on the database (a save, a list, a report) offers a backup. */
  cd_safekeeping_watch (GTK_WINDOW (window), self->database, restore_backup, self);

  /* Reminders start a little after the window is shown, never on the start-up path. */
  g_clear_object (&self->notifier);
  self->notifier = cd_notifier_new (G_APPLICATION (self), self->database);
  cd_notifier_start (self->notifier, 5);
  return window;
}

/* The window on the seller's database (not the sample shop's), opened when there is none. */
static CdWindow *
find_main_window (CdApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CD_IS_WINDOW (l->data) && cd_window_get_database (l->data) == self->database)
      return l->data;
  if (self->database == NULL)
    return NULL;
  return present_main_window (self);
}

/* Closes every window on the seller's database, puts the copy in its place and opens it
 * again. The replaced file is kept aside (cd_backup_restore). */
static void
restore_backup (const char *backup,
                gpointer    user_data)
{
  CdApplication *self = CD_APPLICATION (user_data);
  g_autofree char *path = self->database != NULL ? g_strdup (cd_database_get_path (self->database))
                          : self->database_path != NULL ? g_strdup (self->database_path)
                          : cd_database_dup_default_path ();
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) windows = NULL;
  GPtrArray *forms = NULL;
  CdWindow *window = NULL;

  /* Hold the application while no window is open. */
  g_application_hold (G_APPLICATION (self));
  /* What the seller was typing survives the window it was typed in. */
  if (self->database != NULL)
    forms = cd_safekeeping_hold_forms (self->database);
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (CD_IS_WINDOW (l->data) && cd_window_get_database (l->data) == self->database)
      gtk_window_destroy (l->data);
  g_clear_object (&self->notifier);
  g_clear_object (&self->database);
  g_clear_error (&self->database_error);

  if (!cd_backup_restore (backup, path, cd_time_now (), &aside, &error))
    g_warning ("Restoring %s failed: %s", backup, error->message);
  self->database = cd_database_open (path, &self->database_error);
  if (self->database == NULL)
    gtk_window_present (create_database_error_dialog (self));
  else
    {
      window = present_main_window (self);
      if (error != NULL)
        cd_window_add_toast (window, adw_toast_new (error->message));
      else
        {
          g_autofree char *name = g_path_get_basename (backup);
          /* Translators: %s is a backup's file name */
          cd_window_add_toast (window, adw_toast_new_format (_("Restored the backup “%s”"),
                                                             name));
        }
    }
  if (forms != NULL)
    cd_safekeeping_hand_over_forms (forms, window);
  g_application_release (G_APPLICATION (self));
}

static void
back_up_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CdApplication *self = CD_APPLICATION (user_data);

  if (self->database != NULL)
    cd_safekeeping_back_up_now (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                self->database);
}

static void
restore_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CdApplication *self = CD_APPLICATION (user_data);

  if (self->database != NULL)
    cd_safekeeping_offer_restore (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                  cd_database_get_path (self->database),
                                  _("Restore From Backup?"),
                                  _("The cases, blacklist and templates in CompDesk will be "
                                    "replaced by those of the backup."),
                                  restore_backup, self);
}

/* The default actions of the reminders' notifications: the main window, brought forward,
 * showing a case (open-case) or a view (show-view). */
static void
show_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CdWindow *window = find_main_window (CD_APPLICATION (user_data));

  if (window == NULL)
    return;
  if (g_variant_is_of_type (parameter, G_VARIANT_TYPE_INT64))
    cd_window_show_case (window, g_variant_get_int64 (parameter));
  else
    cd_window_show_view (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { .name = "open-case", .activate = show_activated, .parameter_type = "x" },
  { .name = "show-view", .activate = show_activated, .parameter_type = "s" },
  { .name = "back-up", .activate = back_up_activated },
  { .name = "restore", .activate = restore_activated },
  { .name = "about", .activate = about_activated },
  { .name = "open-sample", .activate = open_sample_activated },
  { .name = "quit", .activate = quit_activated },
};

/* GApplication overrides */

static int
cd_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CdApplication *self = CD_APPLICATION (app);
  const char *database_path = NULL;
  int status;

  status = cd_command_line_run (options);
  if (status != CD_COMMAND_LINE_START_GUI)
    return status;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database_path))
    {
      self->database_path = g_canonicalize_filename (database_path, NULL);
      /* A window on another file must not be handed over to the instance already running. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
cd_application_startup (GApplication *app)
{
  CdApplication *self = CD_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (cd_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);

  self->settings = create_settings ();
  self->database = cd_database_open (self->database_path, &self->database_error);
}

static void
cd_application_activate (GApplication *app)
{
  CdApplication *self = CD_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (self->database == NULL &&
      g_error_matches (self->database_error, CD_ERROR, CD_ERROR_CORRUPT))
    {
      g_autofree char *path = self->database_path != NULL ? g_strdup (self->database_path)
                                                          : cd_database_dup_default_path ();

      cd_safekeeping_report_damage (NULL, path, self->database_error->message,
                                    restore_backup, self);
      return;
    }
  if (self->database == NULL)
    {
      gtk_window_present (create_database_error_dialog (self));
      return;
    }

  window = GTK_WINDOW (present_main_window (self));
  /* Soon after the window is shown, never before: its cost grows with the database. */
  cd_safekeeping_check_soon (window, self->database, restore_backup, self);
}

/* GObject overrides */

static void
cd_application_finalize (GObject *object)
{
  CdApplication *self = CD_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->notifier);
  g_clear_object (&self->database);
  g_clear_error (&self->database_error);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cd_application_parent_class)->finalize (object);
}

static void
cd_application_class_init (CdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cd_application_finalize;

  app_class->handle_local_options = cd_application_handle_local_options;
  app_class->startup = cd_application_startup;
  app_class->activate = cd_application_activate;
}

static void
cd_application_init (CdApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self),
                                         cd_command_line_get_option_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Handle buyer complaints step by step."));
  g_application_set_option_context_description (G_APPLICATION (self),
    _("Without an option that does a task, the window opens.\n"
      "Exit status: 0 on success, 1 if an import or export failed, 2 if the database "
      "could not be opened or is damaged. --check-buyer exits like grep: 0 when an entry "
      "matched, 1 when none did, 2 on an error."));
}

/* Public API */

/**
 * cd_application_new:
 *
 * Returns: (transfer full): the application; there is one per process
 */
CdApplication *
cd_application_new (void)
{
  return g_object_new (CD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/com/example/CompDesk",
                       NULL);
}
