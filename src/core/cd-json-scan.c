/* cd-json-scan.c — finding the members and elements of a JSON document without parsing them
 *
 * The importer reads a large export a record at a time: this scanner finds where the
 * top-level members and the elements of the big arrays begin and end, checking the
 * structure between them (commas, colons, brackets, strings, nesting depth), and json-glib
 * then parses each record on its own. A record json-glib refuses is an error in that record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-json-scan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cd-error.h"
#include "cd-json-scan.h"

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  int         max_depth;
  GError    **error;
} Scanner;

static gboolean
syntax_error (Scanner    *s,
              const char *what)
{
  guint line = 1, column = 1;

  for (gsize i = 0; i < s->pos && i < s->length; i++)
    {
      if (s->data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) s->data[i] & 0xc0) != 0x80)
        column++;
    }
  /* Translators: %u are a line and a column number; the last %s says what was wrong */
  g_set_error (s->error, CD_ERROR, CD_ERROR_IMPORT,
               _("the file is not valid JSON: line %u, column %u: %s"), line, column, what);
  return FALSE;
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length &&
         (s->data[s->pos] == ' ' || s->data[s->pos] == '\t' || s->data[s->pos] == '\n' ||
          s->data[s->pos] == '\r'))
    s->pos++;
}

static gboolean
skip_string (Scanner *s)
{
  s->pos++;  /* the opening quote */
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c == '\\')
        s->pos += 2;
      else if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      else
        s->pos++;
    }
  return syntax_error (s, _("a string does not end"));
}

/* Skips one value of any kind, checking only what separates its parts. */
static gboolean
skip_value (Scanner *s,
            int      depth)
{
  char c;

  skip_space (s);
  if (s->pos >= s->length)
    return syntax_error (s, _("the file ends where a value should be"));

  c = s->data[s->pos];
  if (c == '"')
    return skip_string (s);

  if (c == '{' || c == '[')
    {
      char close = c == '{' ? '}' : ']';

      if (depth + 1 > s->max_depth)
        {
          g_set_error (s->error, CD_ERROR, CD_ERROR_IMPORT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "the file is nested more than %d level deep (at byte %zu); "
                                    "it is not a CompDesk export",
                                    "the file is nested more than %d levels deep (at byte %zu); "
                                    "it is not a CompDesk export",
                                    s->max_depth),
                       s->max_depth, (size_t) s->pos);
          return FALSE;
        }
      s->pos++;
      skip_space (s);
      if (s->pos < s->length && s->data[s->pos] == close)
        {
          s->pos++;
          return TRUE;
        }
      for (;;)
        {
          if (close == '}')
            {
              skip_space (s);
              if (s->pos >= s->length || s->data[s->pos] != '"')
                return syntax_error (s, _("a name in quotes was expected"));
              if (!skip_string (s))
                return FALSE;
              skip_space (s);
              if (s->pos >= s->length || s->data[s->pos] != ':')
                return syntax_error (s, _("a colon was expected"));
              s->pos++;
            }
          if (!skip_value (s, depth + 1))
            return FALSE;
          skip_space (s);
          if (s->pos >= s->length)
            return syntax_error (s, _("the file ends before the closing bracket"));
          if (s->data[s->pos] == close)
            {
              s->pos++;
              return TRUE;
            }
          if (s->data[s->pos] != ',')
            return syntax_error (s, _("a comma or a closing bracket was expected"));
          s->pos++;
        }
    }

  /* A number, true, false or null: json-glib checks its spelling. */
  while (s->pos < s->length && strchr (",}] \t\r\n", s->data[s->pos]) == NULL)
    s->pos++;
  return TRUE;
}

static char *
decode_key (const char *data,
            CdJsonSpan  span)
{
  g_autoptr(JsonParser) parser = NULL;

  if (memchr (data + span.offset, '\\', span.length) == NULL)
    return g_strndup (data + span.offset + 1, span.length - 2);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data + span.offset, (gssize) span.length, NULL) ||
      !JSON_NODE_HOLDS_VALUE (json_parser_get_root (parser)))
    return g_strdup ("");
  return g_strdup (json_node_get_string (json_parser_get_root (parser)));
}

/* Reads the members of an object whose brace is behind s->pos, up to its closing brace. */
static gboolean
scan_members (Scanner *s,
              GArray  *members)
{
  for (;;)
    {
      CdJsonMember member;
      CdJsonSpan key;

      skip_space (s);
      if (s->pos < s->length && s->data[s->pos] == '}')
        {
          s->pos++;
          return TRUE;
        }
      if (s->pos >= s->length || s->data[s->pos] != '"')
        return syntax_error (s, _("a name in quotes was expected"));
      key.offset = s->pos;
      if (!skip_string (s))
        return FALSE;
      key.length = s->pos - key.offset;
      skip_space (s);
      if (s->pos >= s->length || s->data[s->pos] != ':')
        return syntax_error (s, _("a colon was expected"));
      s->pos++;
      skip_space (s);
      member.value.offset = s->pos;
      if (!skip_value (s, 1))
        return FALSE;
      member.value.length = s->pos - member.value.offset;
      member.key = decode_key (s->data, key);
      g_array_append_val (members, member);
      skip_space (s);
      if (s->pos < s->length && s->data[s->pos] == ',')
        s->pos++;
      else if (s->pos >= s->length || s->data[s->pos] != '}')
        return syntax_error (s, _("a comma or a closing bracket was expected"));
    }
}

/**
 * cd_json_scan_root:
 * @members: (element-type CdJsonMember): filled with the top-level object's members, in
 *   order; free their keys
 * @is_object: (out): FALSE when the document is valid JSON but not an object
 *
 * Scans a whole document that should be one object, and checks that nothing but white space
 * follows it.
 */
gboolean
cd_json_scan_root (const char  *data,
                   gsize        length,
                   int          max_depth,
                   GArray      *members,
                   gboolean    *is_object,
                   GError     **error)
{
  Scanner s = { data, length, 0, max_depth, error };

  skip_space (&s);
  *is_object = s.pos < s.length && data[s.pos] == '{';
  if (!*is_object)
    {
      if (!skip_value (&s, 0))
        return FALSE;
    }
  else
    {
      s.pos++;
      if (!scan_members (&s, members))
        return FALSE;
    }
  skip_space (&s);
  if (s.pos < s.length)
    return syntax_error (&s, _("there is more after the end of the document"));
  return TRUE;
}

/**
 * cd_json_scan_array:
 * @array: the span of an array, from its bracket to its bracket
 * @elements: (element-type CdJsonSpan): filled with the elements, in order
 */
gboolean
cd_json_scan_array (const char  *data,
                    gsize        length,
                    CdJsonSpan   array,
                    int          max_depth,
                    GArray      *elements,
                    GError     **error)
{
  Scanner s = { data, array.offset + array.length, array.offset + 1, max_depth, error };

  (void) length;

  g_return_val_if_fail (data[array.offset] == '[', FALSE);

  for (;;)
    {
      CdJsonSpan element;

      skip_space (&s);
      if (s.pos < s.length && data[s.pos] == ']')
        return TRUE;
      element.offset = s.pos;
      if (!skip_value (&s, 2))
        return FALSE;
      element.length = s.pos - element.offset;
      g_array_append_val (elements, element);
      skip_space (&s);
      if (s.pos < s.length && data[s.pos] == ',')
        s.pos++;
      else if (s.pos >= s.length || data[s.pos] != ']')
        return syntax_error (&s, _("a comma or a closing bracket was expected"));
    }
}
