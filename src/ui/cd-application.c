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
#include "cd-window.h"

struct _CdApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  char           *database_path;  /* NULL for the default file */
  CdDatabase     *database;       /* NULL when opening failed … */
  GError         *database_error; /* … and this says why */
  GSettings      *settings;       /* NULL when the schema is not installed */
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

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_activated },
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
  if (window == NULL && self->database == NULL)
    window = create_database_error_dialog (self);
  else if (window == NULL)
    window = GTK_WINDOW (cd_window_new (GTK_APPLICATION (self), self->database, self->settings));

  gtk_window_present (window);
}

/* GObject overrides */

static void
cd_application_finalize (GObject *object)
{
  CdApplication *self = CD_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
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
    _("Without --import or --export, the window opens.\n"
      "Exit status: 0 on success, 1 if the import or export failed, 2 if the database "
      "could not be opened."));
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
