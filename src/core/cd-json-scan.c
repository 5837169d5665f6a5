/* cd-json-scan.c — finding the members and elements of a JSON document without parsing them
 *
 * The importer reads a large export a record at a time: this scanner finds where the
 * top-level members and the elements of the big arrays begin and end, checking the
 * structure between them (commas, colons, brackets, strings, nesting depth), and json-glib
 * then parses each record on its own. A record json-glib refuses is an error in that record.
 *
 * The same single pass checks that the file is UTF-8, so the importer reads every byte once
 * before json-glib does: bytes above 0x7f may only stand in strings, and there each sequence
 * is checked as it is skipped.
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
  const char        *data;
  gsize              length;
  gsize              pos;
  int                max_depth;
  GError           **error;
  CdJsonElementFunc  element_func;
  gpointer           user_data;
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

/* What a number or a literal is spelt with; json-glib checks the spelling. */
static inline gboolean
is_word (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.';
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length &&
         (s->data[s->pos] == ' ' || s->data[s->pos] == '\t' || s->data[s->pos] == '\n' ||
          s->data[s->pos] == '\r'))
    s->pos++;
}

/* The length of the UTF-8 sequence at @p (whose first byte is above 0x7f), or 0 when it is
 * not one: overlong forms, surrogates and code points past U+10FFFF are refused, as
 * g_utf8_validate() refuses them. */
static gsize
utf8_sequence (const guchar *p,
               const guchar *end)
{
  guchar c = p[0];
  gsize n;
  guchar low = 0x80, high = 0xbf;  /* the second byte's range */

  if (c < 0xc2)
    return 0;
  if (c < 0xe0)
    n = 2;
  else if (c < 0xf0)
    {
      n = 3;
      if (c == 0xe0)
        low = 0xa0;
      else if (c == 0xed)
        high = 0x9f;
    }
  else if (c < 0xf5)
    {
      n = 4;
      if (c == 0xf0)
        low = 0x90;
      else if (c == 0xf4)
        high = 0x8f;
    }
  else
    return 0;

  if ((gsize) (end - p) < n || p[1] < low || p[1] > high)
    return 0;
  for (gsize i = 2; i < n; i++)
    if ((p[i] & 0xc0) != 0x80)
      return 0;
  return n;
}

static gboolean
not_utf8 (Scanner *s)
{
  g_set_error (s->error, CD_ERROR, CD_ERROR_IMPORT,
               _("the file is not UTF-8 text (byte %zu is not)"), (size_t) s->pos);
  return FALSE;
}

/* Where the structure is wrong: the byte there may be the reason, when it is no UTF-8. */
static gboolean
structure_error (Scanner    *s,
                 const char *what)
{
  if (s->pos < s->length)
    {
      const guchar *p = (const guchar *) s->data + s->pos;

      if (*p == 0 || (*p > 0x7f && utf8_sequence (p, (const guchar *) s->data + s->length) == 0))
        return not_utf8 (s);
    }
  return syntax_error (s, what);
}

static gboolean
skip_string (Scanner *s)
{
  const guchar *start = (const guchar *) s->data;
  const guchar *p = start + s->pos + 1;  /* after the opening quote */
  const guchar *end = start + s->length;

  while (p < end)
    {
      guchar c = *p;

      if (G_LIKELY (c >= 0x20 && c < 0x80))
        {
          if (c == '"')
            {
              s->pos = (gsize) (p + 1 - start);
              return TRUE;
            }
          /* An escape: its second character, when it is plain ASCII, is no quote's end. */
          if (c == '\\' && p + 1 < end && p[1] >= 0x20 && p[1] < 0x80)
            p++;
          p++;
        }
      else if (c > 0x7f)
        {
          gsize n = utf8_sequence (p, end);

          if (n == 0)
            {
              s->pos = (gsize) (p - start);
              return not_utf8 (s);
            }
          p += n;
        }
      else if (c == 0)
        {
          s->pos = (gsize) (p - start);
          return not_utf8 (s);
        }
      else
        p++;  /* a control character: json-glib refuses it, in its record */
    }
  s->pos = s->length;
  return syntax_error (s, _("a string does not end"));
}

static gboolean
too_deep (Scanner *s,
          int      depth)
{
  if (depth <= s->max_depth)
    return FALSE;
  g_set_error (s->error, CD_ERROR, CD_ERROR_IMPORT,
               g_dngettext (GETTEXT_PACKAGE,
                            "the file is nested more than %d level deep (at byte %zu); "
                            "it is not a CompDesk export",
                            "the file is nested more than %d levels deep (at byte %zu); "
                            "it is not a CompDesk export",
                            s->max_depth),
               s->max_depth, (size_t) s->pos);
  return TRUE;
}

/* Skips one value of any kind, checking only what separates its parts. */
static gboolean
skip_value (Scanner *s,
            int      depth)
{
  char c;

  skip_space (s);
  if (s->pos >= s->length)
    return structure_error (s, _("the file ends where a value should be"));

  c = s->data[s->pos];
  if (c == '"')
    return skip_string (s);

  if (c == '{' || c == '[')
    {
      char close = c == '{' ? '}' : ']';

      if (too_deep (s, depth + 1))
        return FALSE;
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
                return structure_error (s, _("a name in quotes was expected"));
              if (!skip_string (s))
                return FALSE;
              skip_space (s);
              if (s->pos >= s->length || s->data[s->pos] != ':')
                return structure_error (s, _("a colon was expected"));
              s->pos++;
            }
          if (!skip_value (s, depth + 1))
            return FALSE;
          skip_space (s);
          if (s->pos >= s->length)
            return structure_error (s, _("the file ends before the closing bracket"));
          if (s->data[s->pos] == close)
            {
              s->pos++;
              return TRUE;
            }
          if (s->data[s->pos] != ',')
            return structure_error (s, _("a comma or a closing bracket was expected"));
          s->pos++;
        }
    }

  /* A number, true, false or null: json-glib checks its spelling. It is plain ASCII: any
   * other byte ends it, and the check of what follows finds it. */
  if (!is_word (c))
    return structure_error (s, _("a value was expected"));
  while (s->pos < s->length && is_word (s->data[s->pos]))
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

/* Reads the elements of an array whose bracket is at s->pos, at @depth, up to its closing
 * bracket, and notes where each begins and ends. */
static gboolean
scan_elements (Scanner *s,
               int      depth,
               guint    member,
               GArray  *elements)
{
  if (too_deep (s, depth))
    return FALSE;
  s->pos++;
  skip_space (s);
  if (s->pos < s->length && s->data[s->pos] == ']')
    {
      s->pos++;
      return TRUE;
    }
  for (;;)
    {
      CdJsonSpan element;

      skip_space (s);
      element.offset = s->pos;
      if (!skip_value (s, depth))
        return FALSE;
      element.length = s->pos - element.offset;
      g_array_append_val (elements, element);
      if (s->element_func != NULL)
        s->element_func (member, element, s->user_data);
      skip_space (s);
      if (s->pos >= s->length)
        return structure_error (s, _("the file ends before the closing bracket"));
      if (s->data[s->pos] == ']')
        {
          s->pos++;
          return TRUE;
        }
      if (s->data[s->pos] != ',')
        return structure_error (s, _("a comma or a closing bracket was expected"));
      s->pos++;
    }
}

/* Reads the members of an object whose brace is behind s->pos, up to its closing brace. */
static gboolean
scan_members (Scanner            *s,
              const char * const *list_keys,
              GArray             *members)
{
  for (;;)
    {
      CdJsonMember member = { NULL, };
      CdJsonSpan key;

      skip_space (s);
      if (s->pos < s->length && s->data[s->pos] == '}')
        {
          s->pos++;
          return TRUE;
        }
      if (s->pos >= s->length || s->data[s->pos] != '"')
        return structure_error (s, _("a name in quotes was expected"));
      key.offset = s->pos;
      if (!skip_string (s))
        return FALSE;
      key.length = s->pos - key.offset;
      skip_space (s);
      if (s->pos >= s->length || s->data[s->pos] != ':')
        return structure_error (s, _("a colon was expected"));
      s->pos++;
      skip_space (s);

      /* Appended first, so that the array frees what a failure leaves behind */
      member.key = decode_key (s->data, key);
      member.value.offset = s->pos;
      g_array_append_val (members, member);
      {
        CdJsonMember *added = &g_array_index (members, CdJsonMember, members->len - 1);

        if (s->pos < s->length && s->data[s->pos] == '[' && list_keys != NULL &&
            g_strv_contains (list_keys, added->key))
          {
            added->elements = g_array_new (FALSE, FALSE, sizeof (CdJsonSpan));
            if (!scan_elements (s, 2, members->len - 1, added->elements))
              return FALSE;
          }
        else if (!skip_value (s, 1))
          return FALSE;
        added->value.length = s->pos - added->value.offset;
      }

      skip_space (s);
      if (s->pos < s->length && s->data[s->pos] == ',')
        s->pos++;
      else if (s->pos >= s->length || s->data[s->pos] != '}')
        return structure_error (s, _("a comma or a closing bracket was expected"));
    }
}

static void
member_clear (gpointer data)
{
  CdJsonMember *member = data;

  g_clear_pointer (&member->key, g_free);
  g_clear_pointer (&member->elements, g_array_unref);
}

/**
 * cd_json_members_new:
 *
 * Returns: (transfer full) (element-type CdJsonMember): an empty array for
 *   cd_json_scan_root(), which frees its members' keys and elements with it
 */
GArray *
cd_json_members_new (void)
{
  GArray *members = g_array_new (FALSE, TRUE, sizeof (CdJsonMember));

  g_array_set_clear_func (members, member_clear);
  return members;
}

/**
 * cd_json_scan_root:
 * @list_keys: (nullable): the names of the members whose elements to find, when they are
 *   arrays
 * @members: (element-type CdJsonMember): from cd_json_members_new(), filled with the
 *   top-level object's members, in order
 * @element_func: (nullable) (scope call): told of each element of those arrays as soon as
 *   it is scanned, with the index of its member in @members
 * @is_object: (out): FALSE when the document is valid JSON but not an object
 *
 * Scans a whole document that should be one object, and checks that nothing but white space
 * follows it and that it is UTF-8. Each member named in @list_keys whose value is an array
 * gets the spans of its elements.
 */
gboolean
cd_json_scan_root (const char         *data,
                   gsize               length,
                   int                 max_depth,
                   const char * const *list_keys,
                   CdJsonElementFunc   element_func,
                   gpointer            user_data,
                   GArray             *members,
                   gboolean           *is_object,
                   GError            **error)
{
  Scanner s = { data, length, 0, max_depth, error, element_func, user_data };

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
      if (!scan_members (&s, list_keys, members))
        return FALSE;
    }
  skip_space (&s);
  if (s.pos < s.length)
    return structure_error (&s, _("there is more after the end of the document"));
  return TRUE;
}
