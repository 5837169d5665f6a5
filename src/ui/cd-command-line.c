/* cd-command-line.c — compdesk --import/--export/--version, run before GTK starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-command-line"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "cd-command-line.h"
#include "cd-database.h"
#include "cd-exporter.h"
#include "cd-importer.h"

/* Smaller files import in well under a second; a progress display would only flicker. */
#define PROGRESS_MIN_BYTES ((goffset) 4 * 1024 * 1024)

typedef struct
{
  gboolean show;
  gboolean tty;          /* rewrite one line with \r instead of printing a line per step */
  int      last_percent; /* -1 until something was printed */
} ImportProgress;

/* GApplication translates these with the default text domain, so N_() is enough here. */
static const GOptionEntry option_entries[] = {
  { "database", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database in FILE instead of the default one"), N_("FILE") },
  { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write everything to FILE as JSON (“-” for standard output) and exit"), N_("FILE") },
  { "import", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Read cases, blacklist entries and templates from the JSON FILE and exit"), N_("FILE") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  G_OPTION_ENTRY_NULL
};

static char *
dup_display_name (const char *path)
{
  if (g_strcmp0 (path, "-") == 0)
    return g_strdup (_("standard output"));

  return g_filename_display_name (path);
}

static void
on_import_progress_cb (double   fraction,
                       gpointer user_data)
{
  ImportProgress *progress = user_data;
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100.0);

  /* A log file gets a line per tenth, not a few hundred. */
  if (!progress->tty)
    percent -= percent % 10;

  if (!progress->show || percent == progress->last_percent)
    return;

  progress->last_percent = percent;

  g_printerr ("%s", progress->tty ? "\r" : "");
  /* Translators: progress of "compdesk --import"; %d is a number from 0 to 100 */
  g_printerr (_("Importing… %d %%"), percent);
  g_printerr ("%s", progress->tty ? "" : "\n");
}

static gboolean
is_large_file (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 && buf.st_size > PROGRESS_MIN_BYTES;
}

static int
run_import (CdDatabase *db,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = dup_display_name (path);
  ImportProgress progress = { FALSE, FALSE, -1 };
  CdImportStats stats = { 0 };
  gboolean ok;

  progress.show = is_large_file (path);
  progress.tty = isatty (STDERR_FILENO);

  ok = cd_import_file (db, path, on_import_progress_cb, &progress, &stats, &error);

  if (progress.tty && progress.last_percent >= 0)
    g_printerr ("\n");

  if (!ok)
    {
      g_printerr ("%s: %s\n", display_name, error->message);
      return CD_EXIT_FAILED;
    }

  /* Translators: the summary after "compdesk --import FILE"; the first %s is the file name,
   * each %u a number of records. The labels avoid plural forms. */
  g_printerr (_("Imported %s. Cases: %u added, %u updated, %u unchanged. "
                "Blacklist entries: %u added, %u updated, %u unchanged. "
                "Templates: %u added, %u updated, %u unchanged.\n"),
              display_name,
              stats.cases_added, stats.cases_updated, stats.cases_unchanged,
              stats.entries_added, stats.entries_updated, stats.entries_unchanged,
              stats.templates_added, stats.templates_updated, stats.templates_unchanged);

  return CD_EXIT_OK;
}

static int
run_export (CdDatabase *db,
            const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!cd_export_to_file (db, path, &error))
    {
      g_autofree char *display_name = dup_display_name (path);

      g_printerr ("%s: %s\n", display_name, error->message);
      return CD_EXIT_FAILED;
    }

  return CD_EXIT_OK;
}

/**
 * cd_command_line_get_option_entries:
 *
 * Returns: (transfer none): the options for g_application_add_main_option_entries()
 */
const GOptionEntry *
cd_command_line_get_option_entries (void)
{
  return option_entries;
}

/**
 * cd_command_line_run:
 * @options: the parsed options, as handle-local-options gets them
 *
 * Does what the options ask for that needs no window: prints the version, imports or
 * exports. Messages go to stderr; an export to “-” writes JSON to stdout.
 *
 * Returns: a #CdExitStatus, or %CD_COMMAND_LINE_START_GUI when the GUI should start
 */
int
cd_command_line_run (GVariantDict *options)
{
  g_autoptr(CdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *database_path = NULL;
  const char *export_path = NULL;
  const char *import_path = NULL;

  g_return_val_if_fail (options != NULL, CD_EXIT_FAILED);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("compdesk %s\n", PACKAGE_VERSION);
      return CD_EXIT_OK;
    }

  g_variant_dict_lookup (options, "database", "^&ay", &database_path);
  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);

  if (export_path == NULL && import_path == NULL)
    return CD_COMMAND_LINE_START_GUI;

  if (export_path != NULL && import_path != NULL)
    {
      g_printerr ("%s\n", _("Use either --import or --export, not both"));
      return CD_EXIT_FAILED;
    }

  db = cd_database_open (database_path, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return CD_EXIT_NO_DATABASE;
    }

  if (import_path != NULL)
    return run_import (db, import_path);

  return run_export (db, export_path);
}
