/* cd-blacklist-csv-reader.c — reading blacklist CSV: RFC 4180 records, then rows checked
 * and turned into entries
 *
 * Strict RFC 4180: a field is plain (no quotes in it) or enclosed in quotes, with quotes
 * inside doubled; commas, CR and LF inside quotes are text. Records end in CRLF (LF alone is
 * accepted too, as spreadsheets on Unix write it); a CR elsewhere outside quotes is an error,
 * and so is a quote that is never closed. Empty lines are skipped: with a "reason" column, no
 * row of this table can be empty. Every error names the line a record starts on, counting
 * the lines inside quoted fields before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-blacklist-csv-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-blacklist-csv.h"
#include "cd-blacklist-csv-private.h"
#include "cd-csv.h"
#include "cd-error.h"
#include "cd-text.h"
#include "cd-time.h"

#define UID_MAX_CHARS 64

const char *const cd_blacklist_csv_column_names[N_COLUMNS] = {
  "uid", "platform", "buyer_id", "nickname", "phone", "name", "reason", "evidence",
  "case_uids", "added_at", "active",
};

/* Records */

static void
set_line_error (GError     **error,
                guint        line,
                const char  *message)
{
  /* Translators: an error in a CSV file; %u is a line number, %s says what is wrong */
  g_set_error (error, CD_ERROR, CD_ERROR_INVALID, _("line %u: %s"), line, message);
}

/* A field in quotes: "" stands for one quote; CR, LF and commas are text. */
static gboolean
read_quoted (CdCsvParser  *parser,
             GString      *field,
             GError      **error)
{
  guint start_line = parser->line;

  parser->p++;
  for (;;)
    {
      if (parser->p == parser->end)
        {
          set_line_error (error, start_line,
                          _("a quoted field is not closed: a quote is missing"));
          return FALSE;
        }
      if (*parser->p == '"')
        {
          if (parser->p + 1 < parser->end && parser->p[1] == '"')
            {
              g_string_append_c (field, '"');
              parser->p += 2;
              continue;
            }
          parser->p++;
          break;
        }
      if (*parser->p == '\n')
        parser->line++;
      g_string_append_c (field, *parser->p++);
    }

  if (parser->p < parser->end && *parser->p != ',' && *parser->p != '\r' && *parser->p != '\n')
    {
      set_line_error (error, parser->line,
                      _("text after the closing quote of a field (a quote inside a quoted "
                        "field must be doubled)"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_plain (CdCsvParser  *parser,
            GString      *field,
            GError      **error)
{
  for (; parser->p < parser->end; parser->p++)
    {
      char c = *parser->p;

      if (c == ',' || c == '\r' || c == '\n')
        break;
      if (c == '"')
        {
          set_line_error (error, parser->line,
                          _("a quote inside a field that does not start with one (a field "
                            "holding quotes must be enclosed in quotes, and each quote "
                            "doubled)"));
          return FALSE;
        }
      g_string_append_c (field, c);
    }
  return TRUE;
}

/* Consumes a line end (CRLF or LF) at parser->p; FALSE when there is none. */
static gboolean
take_line_end (CdCsvParser *parser)
{
  if (parser->p < parser->end && *parser->p == '\n')
    parser->p++;
  else if (parser->end - parser->p >= 2 && parser->p[0] == '\r' && parser->p[1] == '\n')
    parser->p += 2;
  else
    return FALSE;
  parser->line++;
  return TRUE;
}

/* Reads the next record into @fields (emptied first), skipping empty lines, which can never
 * be a row of this table. @line is where the record starts. */
CdCsvRecordResult
cd_blacklist_csv_read_record (CdCsvParser  *parser,
                              GPtrArray    *fields,
                              guint        *line,
                              GError      **error)
{
  g_autoptr(GString) field = g_string_new (NULL);

  g_ptr_array_set_size (fields, 0);
  while (take_line_end (parser))
    ;
  if (parser->p == parser->end)
    return CD_CSV_RECORD_END;

  *line = parser->line;
  for (;;)
    {
      gboolean quoted = parser->p < parser->end && *parser->p == '"';

      g_string_truncate (field, 0);
      if (quoted ? !read_quoted (parser, field, error) : !read_plain (parser, field, error))
        return CD_CSV_RECORD_ERROR;
      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (parser->p == parser->end || take_line_end (parser))
        return CD_CSV_RECORD_READ;
      if (*parser->p == ',')
        {
          parser->p++;
          continue;
        }
      set_line_error (error, parser->line,
                      _("a carriage return (CR) that does not end a line; lines end in CRLF "
                        "or LF"));
      return CD_CSV_RECORD_ERROR;
    }
}

/* Rows */

gboolean
cd_blacklist_csv_read_header (CdCsvTable  *table,
                              GPtrArray   *fields,
                              guint        line,
                              GError     **error)
{
  const char *const *names = cd_blacklist_csv_column_names;

  for (int column = 0; column < N_COLUMNS; column++)
    table->column_of[column] = -1;
  table->n_fields = fields->len;

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (g_ptr_array_index (fields, i)));
      int column = 0;

      while (column < N_COLUMNS && g_ascii_strcasecmp (name, names[column]) != 0)
        column++;
      if (column == N_COLUMNS)
        {
          g_autofree char *message =
            /* Translators: %s is a column name from the file, then the known column names */
            g_strdup_printf (_("unknown column “%s”; the columns are %s"), name,
                             CD_BLACKLIST_CSV_HEADER);
          set_line_error (error, line, message);
          return FALSE;
        }
      if (table->column_of[column] >= 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("the column “%s” appears twice"), names[column]);
          set_line_error (error, line, message);
          return FALSE;
        }
      table->column_of[column] = (int) i;
    }

  if (table->column_of[COL_REASON] < 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("the column “%s” is missing"), names[COL_REASON]);
      set_line_error (error, line, message);
      return FALSE;
    }
  return TRUE;
}

static gboolean fail_field (GError     **error,
                            guint        line,
                            int          column,
                            const char  *format,
                            ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail_field (GError     **error,
            guint        line,
            int          column,
            const char  *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: an error in a CSV file: a line number, a column name, what is wrong */
  g_set_error (error, CD_ERROR, CD_ERROR_INVALID, _("line %u, %s: %s"), line,
               cd_blacklist_csv_column_names[column], message);
  return FALSE;
}

/* Returns: (transfer none) (nullable): the row's field for @column, NULL when the file lacks
 * the column */
static const char *
get_field (CdCsvTable *table,
           GPtrArray  *fields,
           int         column)
{
  int index = table->column_of[column];

  return index >= 0 ? g_ptr_array_index (fields, index) : NULL;
}

/* A closed vocabulary, a time or a flag: spaces around it do not count. */
static char *
dup_trimmed (CdCsvTable *table,
             GPtrArray  *fields,
             int         column)
{
  const char *value = get_field (table, fields, column);

  return g_strstrip (g_strdup (value != NULL ? value : ""));
}

/* The text of a free-text field, with the export's apostrophe taken away. */
static char *
dup_text (CdCsvTable *table,
          GPtrArray  *fields,
          int         column)
{
  const char *value = get_field (table, fields, column);

  if (value == NULL)
    return g_strdup ("");
  if (value[0] == '\'' && cd_csv_needs_apostrophe (value + 1))
    value++;
  return g_strdup (value);
}

static gboolean
read_enum (CdCsvTable  *table,
           GPtrArray   *fields,
           guint        line,
           int          column,
           GType        type,
           int         *out,
           GError     **error)
{
  g_autofree char *nick = dup_trimmed (table, fields, column);
  g_autofree char *allowed = NULL;

  /* Only the platform may be left out: it defaults to "other". */
  if (*nick == '\0' && column == COL_PLATFORM)
    return TRUE;
  if (cd_enum_from_nick (type, nick, out))
    return TRUE;
  allowed = cd_enum_list_nicks (type);
  return fail_field (error, line, column, _("must be one of %s"), allowed);
}

static gboolean
read_uid (CdCsvTable        *table,
          GPtrArray         *fields,
          guint              line,
          CdBlacklistEntry  *entry,
          GError           **error)
{
  const char *uid = get_field (table, fields, COL_UID);
  glong length;
  guint first_line;

  if (uid == NULL || *uid == '\0')
    {
      g_free (entry->uid);
      entry->uid = g_uuid_string_random ();
      return TRUE;
    }

  length = g_utf8_strlen (uid, -1);
  if (length > UID_MAX_CHARS)
    return fail_field (error, line, COL_UID,
                       g_dngettext (GETTEXT_PACKAGE, "must be 1 to %d character long",
                                    "must be 1 to %d characters long", UID_MAX_CHARS),
                       UID_MAX_CHARS);
  /* Two versions of one entry in one file have no order to decide between them. */
  first_line = GPOINTER_TO_UINT (g_hash_table_lookup (table->uid_lines, uid));
  if (first_line != 0)
    return fail_field (error, line, COL_UID, _("the same uid as line %u"), first_line);
  g_hash_table_insert (table->uid_lines, g_strdup (uid), GUINT_TO_POINTER (line));

  g_free (entry->uid);
  entry->uid = g_strdup (uid);
  return TRUE;
}

static gboolean
read_case_uids (CdCsvTable        *table,
                GPtrArray         *fields,
                guint              line,
                CdBlacklistEntry  *entry,
                GError           **error)
{
  const char *value = get_field (table, fields, COL_CASE_UIDS);
  g_auto(GStrv) uids = g_strsplit (value != NULL ? value : "", " ", -1);

  for (guint i = 0; uids[i] != NULL; i++)
    {
      if (*uids[i] == '\0')
        continue;
      if (g_utf8_strlen (uids[i], -1) > UID_MAX_CHARS)
        return fail_field (error, line, COL_CASE_UIDS,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "each uid must be 1 to %d character long",
                                        "each uid must be 1 to %d characters long",
                                        UID_MAX_CHARS),
                           UID_MAX_CHARS);
      g_ptr_array_add (entry->case_uids, g_strdup (uids[i]));
    }
  return TRUE;
}

static gboolean
read_added_at (CdCsvTable        *table,
               GPtrArray         *fields,
               guint              line,
               CdBlacklistEntry  *entry,
               GError           **error)
{
  g_autofree char *text = dup_trimmed (table, fields, COL_ADDED_AT);
  g_autoptr(GError) local_error = NULL;

  if (*text == '\0')
    {
      entry->added_at = table->now;
      return TRUE;
    }
  if (!cd_time_parse (text, &entry->added_at, &local_error))
    return fail_field (error, line, COL_ADDED_AT, "%s", local_error->message);
  return TRUE;
}

static gboolean
read_active (CdCsvTable        *table,
             GPtrArray         *fields,
             guint              line,
             CdBlacklistEntry  *entry,
             GError           **error)
{
  g_autofree char *text = dup_trimmed (table, fields, COL_ACTIVE);

  /* Spreadsheets write TRUE and FALSE. */
  if (*text == '\0' || g_ascii_strcasecmp (text, "true") == 0)
    entry->active = TRUE;
  else if (g_ascii_strcasecmp (text, "false") == 0)
    entry->active = FALSE;
  else
    return fail_field (error, line, COL_ACTIVE, _("must be true or false"));
  return TRUE;
}

/* Returns: (transfer full): the row's entry, or NULL with @error naming the line and column */
CdBlacklistEntry *
cd_blacklist_csv_read_row (CdCsvTable  *table,
                           GPtrArray   *fields,
                           guint        line,
                           GError     **error)
{
  g_autoptr(CdBlacklistEntry) entry = cd_blacklist_entry_new ();
  int platform = CD_PLATFORM_OTHER, reason = CD_REASON_OTHER;
  char **texts[] = { &entry->buyer_id, &entry->nickname, &entry->phone, &entry->name,
                     &entry->evidence };
  const int text_columns[] = { COL_BUYER_ID, COL_NICKNAME, COL_PHONE, COL_NAME, COL_EVIDENCE };

  if (fields->len != table->n_fields)
    {
      g_autofree char *message =
        /* Translators: the first %u is the number of fields found in a CSV row */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u field where the header has %u",
                                      "%u fields where the header has %u", fields->len),
                         fields->len, table->n_fields);
      set_line_error (error, line, message);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_free (*texts[i]);
      *texts[i] = dup_text (table, fields, text_columns[i]);
    }

  if (!read_uid (table, fields, line, entry, error) ||
      !read_enum (table, fields, line, COL_PLATFORM, CD_TYPE_PLATFORM, &platform, error) ||
      !read_enum (table, fields, line, COL_REASON, CD_TYPE_BLACKLIST_REASON, &reason, error) ||
      !read_case_uids (table, fields, line, entry, error) ||
      !read_added_at (table, fields, line, entry, error) ||
      !read_active (table, fields, line, entry, error))
    return NULL;
  entry->platform = platform;
  entry->reason = reason;

  if (cd_text_is_blank (entry->buyer_id) && cd_text_is_blank (entry->nickname) &&
      cd_text_is_blank (entry->phone))
    {
      set_line_error (error, line, _("needs a buyer_id, a nickname or a phone"));
      return NULL;
    }
  return g_steal_pointer (&entry);
}
