/* cd-template-renderer.c — message templates filled in with a case's values
 *
 * `{name}` stands for a value; `{{` and `}}` for a brace. A placeholder without a value, or
 * one the renderer does not know, is never dropped in silence: it stays in the text as
 * `{name}` and is reported as a segment of its own, so the UI can mark it before the seller
 * copies the message (helpdesks that send placeholders raw are a known complaint).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-template-renderer"

#include <string.h>

#include "cd-template-renderer.h"

/* Placeholder names are short ASCII words; anything longer is text with a brace in it. */
#define MAX_NAME 32

static const char *const placeholders[] = {
  CD_PLACEHOLDER_BUYER, CD_PLACEHOLDER_PRODUCT, CD_PLACEHOLDER_ORDER, CD_PLACEHOLDER_AMOUNT,
  CD_PLACEHOLDER_COUPON, CD_PLACEHOLDER_DEADLINE, CD_PLACEHOLDER_SHOP, CD_PLACEHOLDER_TRACKING,
  CD_PLACEHOLDER_REMEDY, NULL
};

/**
 * cd_template_get_placeholders:
 *
 * Returns: (transfer none) (array zero-terminated=1): the names a template may use
 */
const char * const *
cd_template_get_placeholders (void)
{
  return placeholders;
}

static void
segment_free (gpointer data)
{
  CdSegment *segment = data;

  g_free (segment->text);
  g_free (segment->name);
  g_free (segment);
}

static void
add_segment (CdRendered    *rendered,
             CdSegmentKind  kind,
             const char    *text,
             const char    *name)
{
  CdSegment *segment = g_new0 (CdSegment, 1);

  segment->kind = kind;
  segment->text = g_strdup (text);
  segment->name = g_strdup (name);
  g_ptr_array_add (rendered->segments, segment);
}

/* Literal text gathers in @pending and becomes one segment before the next placeholder. */
static void
flush_text (CdRendered *rendered,
            GString    *pending)
{
  if (pending->len == 0)
    return;
  add_segment (rendered, CD_SEGMENT_TEXT, pending->str, NULL);
  g_string_truncate (pending, 0);
}

static gboolean
is_name (const char *start,
         gsize       length)
{
  if (length == 0 || length > MAX_NAME)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (start[i]) && start[i] != '_')
      return FALSE;
  return TRUE;
}

/**
 * cd_template_render:
 * @body: the template's text
 * @values: (element-type utf8 utf8) (nullable): placeholder name → value
 *
 * Returns: (transfer full): the rendered message, in segments and as one text
 */
CdRendered *
cd_template_render (const char *body,
                    GHashTable *values)
{
  CdRendered *rendered = g_new0 (CdRendered, 1);
  g_autoptr(GString) pending = g_string_new (NULL);
  GString *text = g_string_new (NULL);
  const char *p = body != NULL ? body : "";

  rendered->segments = g_ptr_array_new_with_free_func (segment_free);

  while (*p != '\0')
    {
      const char *close = NULL;
      g_autofree char *name = NULL;
      const char *value;

      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        {
          g_string_append_c (pending, p[0]);
          p += 2;
          continue;
        }
      if (p[0] == '{')
        close = strchr (p + 1, '}');
      if (close == NULL || !is_name (p + 1, (gsize) (close - p - 1)))
        {
          g_string_append_c (pending, *p++);
          continue;
        }

      flush_text (rendered, pending);
      name = g_strndup (p + 1, (gsize) (close - p - 1));
      value = values != NULL ? g_hash_table_lookup (values, name) : NULL;
      if (!g_strv_contains (placeholders, name))
        {
          g_autofree char *shown = g_strndup (p, (gsize) (close - p + 1));
          add_segment (rendered, CD_SEGMENT_UNKNOWN, shown, name);
          rendered->n_unknown++;
        }
      else if (value == NULL || value[0] == '\0')
        {
          g_autofree char *shown = g_strndup (p, (gsize) (close - p + 1));
          add_segment (rendered, CD_SEGMENT_MISSING, shown, name);
          rendered->n_missing++;
        }
      else
        add_segment (rendered, CD_SEGMENT_VALUE, value, name);
      p = close + 1;
    }
  flush_text (rendered, pending);

  for (guint i = 0; i < rendered->segments->len; i++)
    g_string_append (text, ((CdSegment *) g_ptr_array_index (rendered->segments, i))->text);
  rendered->text = g_string_free (text, FALSE);
  return rendered;
}

void
cd_rendered_free (CdRendered *rendered)
{
  if (rendered == NULL)
    return;
  g_ptr_array_unref (rendered->segments);
  g_free (rendered->text);
  g_free (rendered);
}
