/* cd-command-line.c — compdesk --import/--export/--check-buyer/--version, run before GTK starts
 *
 * --check-buyer is meant for scripts and for a quick look before answering a buyer, so it
 * does no more than open the database and make the three index probes of
 * cd_blacklist_repository_find_matches(): nothing that grows with the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-command-line"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cd-backup.h"
#include "cd-blacklist-exchange.h"
#include "cd-blacklist-repository.h"
#include "cd-command-line.h"
#include "cd-database.h"
#include "cd-error.h"
#include "cd-exporter.h"
#include "cd-format.h"
#include "cd-importer.h"
#include "cd-text.h"

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
  { "export-blacklist", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the blacklist alone to FILE and exit: as CSV when FILE ends in .csv, otherwise "
       "as JSON (“-” for JSON on standard output)"), N_("FILE") },
  { "import-blacklist", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Read blacklist entries from FILE (a JSON blacklist export, or CSV) and exit"),
    N_("FILE") },
  { "check-buyer", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Look TEXT up in the blacklist as a buyer ID, a nickname and a phone number, print the "
       "active entries that match and exit: 0 if any matched, 1 if none did, 2 on an error"),
    N_("TEXT") },
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

/* The summary after an import: one line a kind of record, each count with its own plural
 * form ("1 case added, 2 cases updated, 0 cases unchanged."). */

static void
print_imported (const char *display_name)
{
  /* Translators: the first line of the summary after "compdesk --import FILE"; %s is the
   * file name. One line for each kind of record follows. */
  g_printerr (_("Imported %s.\n"), display_name);
}

static void
print_counts (const char *added,
              const char *updated,
              const char *unchanged)
{
  /* Translators: one line of the summary after an import: three counts such as
   * "2 cases added", "1 case updated", "0 cases unchanged" */
  g_printerr (_("%s, %s, %s.\n"), added, updated, unchanged);
}

static void
print_case_counts (const CdImportStats *stats)
{
  g_autofree char *added =
    g_strdup_printf (ngettext ("%u case added", "%u cases added", stats->cases_added),
                     stats->cases_added);
  g_autofree char *updated =
    g_strdup_printf (ngettext ("%u case updated", "%u cases updated", stats->cases_updated),
                     stats->cases_updated);
  g_autofree char *unchanged =
    g_strdup_printf (ngettext ("%u case unchanged", "%u cases unchanged",
                               stats->cases_unchanged),
                     stats->cases_unchanged);

  print_counts (added, updated, unchanged);
}

static void
print_entry_counts (const CdImportStats *stats)
{
  g_autofree char *added =
    g_strdup_printf (ngettext ("%u blacklist entry added", "%u blacklist entries added",
                               stats->entries_added),
                     stats->entries_added);
  g_autofree char *updated =
    g_strdup_printf (ngettext ("%u blacklist entry updated", "%u blacklist entries updated",
                               stats->entries_updated),
                     stats->entries_updated);
  g_autofree char *unchanged =
    g_strdup_printf (ngettext ("%u blacklist entry unchanged", "%u blacklist entries unchanged",
                               stats->entries_unchanged),
                     stats->entries_unchanged);

  print_counts (added, updated, unchanged);
}

static void
print_template_counts (const CdImportStats *stats)
{
  g_autofree char *added =
    g_strdup_printf (ngettext ("%u template added", "%u templates added",
                               stats->templates_added),
                     stats->templates_added);
  g_autofree char *updated =
    g_strdup_printf (ngettext ("%u template updated", "%u templates updated",
                               stats->templates_updated),
                     stats->templates_updated);
  g_autofree char *unchanged =
    g_strdup_printf (ngettext ("%u template unchanged", "%u templates unchanged",
                               stats->templates_unchanged),
                     stats->templates_unchanged);

  print_counts (added, updated, unchanged);
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

  print_imported (display_name);
  print_case_counts (&stats);
  print_entry_counts (&stats);
  print_template_counts (&stats);

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

static int
run_import_blacklist (CdDatabase *db,
                      const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = dup_display_name (path);
  ImportProgress progress = { FALSE, FALSE, -1 };
  CdImportStats stats = { 0 };
  gboolean ok;

  progress.show = is_large_file (path);
  progress.tty = isatty (STDERR_FILENO);
  ok = cd_blacklist_import_any_file (db, path, on_import_progress_cb, &progress, &stats,
                                     &error);
  if (progress.tty && progress.last_percent >= 0)
    g_printerr ("\n");

  if (!ok)
    {
      g_printerr ("%s: %s\n", display_name, error->message);
      return CD_EXIT_FAILED;
    }

  print_imported (display_name);
  print_entry_counts (&stats);
  return CD_EXIT_OK;
}

static int
run_export_blacklist (CdDatabase *db,
                      const char *path)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = cd_blacklist_export_any_file (db, path, &error);
  if (!ok)
    {
      g_autofree char *display_name = dup_display_name (path);

      g_printerr ("%s: %s\n", display_name, error->message);
      return CD_EXIT_FAILED;
    }
  return CD_EXIT_OK;
}

/* --check-buyer */

static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069);
}

/* The text as lines safe for a terminal: a shared blacklist is written by others, and
 * escape sequences or direction overrides in it must not reach the screen as such. */
static char *
dup_printable (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\n' || c == '\r')
        g_string_append_c (out, '\n');
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else if (g_unichar_type (c) == G_UNICODE_CONTROL || is_bidi_control (c))
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Columns on a terminal: CJK and full-width characters take two. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* "Label:  value", the value's further lines indented under its first. */
static void
append_field (GString    *out,
              const char *label,
              guint       label_width,
              const char *value)
{
  g_autofree char *printable = dup_printable (value);
  g_auto(GStrv) lines = NULL;
  guint indent = label_width + 2;

  g_string_append (out, label);
  for (guint i = display_width (label); i < indent; i++)
    g_string_append_c (out, ' ');

  if (cd_text_is_blank (printable))
    {
      g_string_append (out, "—\n");
      return;
    }
  lines = g_strsplit (printable, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        for (guint j = 0; j < indent; j++)
          g_string_append_c (out, ' ');
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
}

static void
append_entry (GString          *out,
              CdBlacklistEntry *entry)
{
  g_autofree char *added = cd_format_date (entry->added_at);
  g_autofree char *cases = NULL;
  const char *labels[] = {
    _("Platform:"), _("Buyer ID:"), _("Nickname:"), _("Phone:"), _("Name:"), _("Reason:"),
    _("Evidence:"), _("Added:"), _("Cases:"),
  };
  const char *values[G_N_ELEMENTS (labels)];
  guint label_width = 0;

  g_ptr_array_add (entry->case_uids, NULL);
  /* Translators: between the uids of the cases a blacklist entry came from */
  cases = g_strjoinv (_(", "), (char **) entry->case_uids->pdata);
  g_ptr_array_set_size (entry->case_uids, entry->case_uids->len - 1);

  values[0] = cd_enum_get_label (CD_TYPE_PLATFORM, entry->platform);
  values[1] = entry->buyer_id;
  values[2] = entry->nickname;
  values[3] = entry->phone;
  values[4] = entry->name;
  values[5] = cd_enum_get_label (CD_TYPE_BLACKLIST_REASON, entry->reason);
  values[6] = entry->evidence;
  values[7] = added;
  values[8] = cases;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    label_width = MAX (label_width, display_width (labels[i]));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    append_field (out, labels[i], label_width, values[i]);
}

static int
run_check_buyer (CdDatabase *db,
                 const char *text)
{
  g_autoptr(CdBlacklistRepository) repo = cd_blacklist_repository_new (db);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;

  matches = cd_blacklist_repository_find_matches (repo, text, text, text, &error);
  if (matches == NULL)
    {
      g_printerr ("%s\n", error->message);
      return CD_EXIT_CHECK_FAILED;
    }
  if (matches->len == 0)
    return CD_EXIT_NO_MATCH;

  out = g_string_new (NULL);
  /* Translators: the first line of "compdesk --check-buyer TEXT"; the entries follow */
  g_string_append_printf (out, ngettext ("%u active blacklist entry matches:\n",
                                         "%u active blacklist entries match:\n", matches->len),
                          matches->len);
  for (guint i = 0; i < matches->len; i++)
    {
      g_string_append_c (out, '\n');
      append_entry (out, g_ptr_array_index (matches, i));
    }
  g_print ("%s", out->str);
  return CD_EXIT_OK;
}

/* Damage met on the way (SQLITE_CORRUPT, SQLITE_NOTADB): what the window would do, said on
 * the command line. The failed task has printed its own error already. */
static int
report_damage (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *name = g_filename_display_name (path);

  if (cd_backup_keep_damaged (path, g_get_real_time (), &kept, &error))
    {
      g_autofree char *kept_name = g_filename_display_name (kept);

      /* Translators: the first %s is the database file, the second a copy of it */
      g_printerr (_("The database “%s” is damaged. A copy of it as it was found is in “%s”. "
                    "Start CompDesk to restore the newest backup.\n"), name, kept_name);
    }
  else
    {
      /* Translators: the first %s is the database file, the second why no copy was made */
      g_printerr (_("The database “%s” is damaged, and no copy of it could be kept (%s). "
                    "Copy the file somewhere safe, then start CompDesk to restore the newest "
                    "backup.\n"), name, error->message);
    }
  return CD_EXIT_NO_DATABASE;
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
 * exports, looks a buyer up. Messages go to stderr; an export to “-” writes JSON to stdout,
 * and --check-buyer prints what matched to stdout.
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
  const char *export_blacklist_path = NULL;
  const char *import_blacklist_path = NULL;
  const char *check_buyer = NULL;
  guint n_actions;
  int status;

  g_return_val_if_fail (options != NULL, CD_EXIT_FAILED);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("compdesk %s\n", PACKAGE_VERSION);
      return CD_EXIT_OK;
    }

  g_variant_dict_lookup (options, "database", "^&ay", &database_path);
  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);
  g_variant_dict_lookup (options, "export-blacklist", "^&ay", &export_blacklist_path);
  g_variant_dict_lookup (options, "import-blacklist", "^&ay", &import_blacklist_path);
  g_variant_dict_lookup (options, "check-buyer", "&s", &check_buyer);

  n_actions = (export_path != NULL) + (import_path != NULL) +
              (export_blacklist_path != NULL) + (import_blacklist_path != NULL) +
              (check_buyer != NULL);
  if (n_actions == 0)
    return CD_COMMAND_LINE_START_GUI;

  if (n_actions > 1)
    {
      g_printerr ("%s\n", _("Use only one of --import, --export, --import-blacklist, "
                            "--export-blacklist and --check-buyer"));
      /* For --check-buyer, 1 would read as "no match". */
      return check_buyer != NULL ? CD_EXIT_CHECK_FAILED : CD_EXIT_FAILED;
    }

  db = cd_database_open (database_path, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      if (g_error_matches (error, CD_ERROR, CD_ERROR_CORRUPT))
        {
          g_autofree char *path = database_path != NULL ? g_strdup (database_path)
                                                        : cd_database_dup_default_path ();
          return report_damage (path);
        }
      return CD_EXIT_NO_DATABASE;
    }

  if (check_buyer != NULL)
    status = run_check_buyer (db, check_buyer);
  else if (import_path != NULL)
    status = run_import (db, import_path);
  else if (import_blacklist_path != NULL)
    status = run_import_blacklist (db, import_blacklist_path);
  else if (export_blacklist_path != NULL)
    status = run_export_blacklist (db, export_blacklist_path);
  else
    status = run_export (db, export_path);

  if (cd_database_get_damage (db) != NULL)
    return report_damage (cd_database_get_path (db));
  return status;
}
