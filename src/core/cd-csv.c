/* cd-csv.c — writing CSV fields (RFC 4180) that spreadsheets cannot run as formulas
 *
 * A field is quoted when it holds a comma, a quote, CR or LF, and quotes inside are doubled;
 * records end in CRLF (the caller writes them).
 *
 * Spreadsheets run a cell that starts with =, +, -, @, TAB or CR as a formula (OWASP "CSV
 * injection"), and buyers choose their own nicknames. A field that may hold such text is
 * neutralised: when it starts like a formula, possibly after apostrophes, it gets one more
 * apostrophe in front, which spreadsheets read as "this is text". A reader takes exactly one
 * apostrophe away from such a field, so writing and reading give back the same text:
 * `=1+1` ↔ `'=1+1`, `'=1+1` ↔ `''=1+1`, `'abc` ↔ `'abc`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-csv"

#include "config.h"

#include <string.h>

#include "cd-csv.h"

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/**
 * cd_csv_needs_apostrophe:
 *
 * Returns: %TRUE when @text, after any apostrophes, starts like a formula: a writer puts one
 *   more apostrophe in front, and a reader takes one away
 */
gboolean
cd_csv_needs_apostrophe (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  while (*text == '\'')
    text++;
  return is_formula_start (*text);
}

/**
 * cd_csv_append_field:
 * @out: where the record is being written
 * @text: the field's value, UTF-8
 * @neutralise: whether @text is free text that could start like a formula (numbers, dates
 *   and closed vocabularies are written as they are, so that -5 stays a number)
 *
 * Appends one field, quoted when it must be; the caller writes the commas and line ends.
 */
void
cd_csv_append_field (GString    *out,
                     const char *text,
                     gboolean    neutralise)
{
  gboolean quote;

  g_return_if_fail (out != NULL && text != NULL);

  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (neutralise && cd_csv_needs_apostrophe (text))
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}
