/* fuzz-template.c — libFuzzer harness: arbitrary template bodies into cd_template_render()
 *
 * Bodies come from the database and from the template editor, both UTF-8; other inputs are
 * outside the renderer's contract and skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "cd-template-renderer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static GHashTable *
make_values (void)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (values, (char *) CD_PLACEHOLDER_BUYER, (char *) "小林 \"Lin\" 🍵");
  g_hash_table_insert (values, (char *) CD_PLACEHOLDER_PRODUCT, (char *) "Longjing {tea}");
  g_hash_table_insert (values, (char *) CD_PLACEHOLDER_ORDER, (char *) "3521998820011");
  g_hash_table_insert (values, (char *) CD_PLACEHOLDER_AMOUNT, (char *) "¥128.00");
  g_hash_table_insert (values, (char *) CD_PLACEHOLDER_DEADLINE, (char *) "");
  g_hash_table_insert (values, (char *) CD_PLACEHOLDER_SHOP, (char *) "'; DROP TABLE =1+1");
  return values;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static GHashTable *values;
  g_autofree char *body = NULL;
  g_autoptr(CdRendered) rendered = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);

  if (values == NULL)
    values = make_values ();
  if (!g_utf8_validate ((const char *) data, (gssize) size, NULL))
    return 0;

  body = g_strndup ((const char *) data, size);
  rendered = cd_template_render (body, values);

  /* The segments make up the text, and every segment is valid UTF-8. */
  for (guint i = 0; i < rendered->segments->len; i++)
    {
      CdSegment *segment = g_ptr_array_index (rendered->segments, i);

      g_assert_true (g_utf8_validate (segment->text, -1, NULL));
      g_string_append (joined, segment->text);
    }
  g_assert_cmpstr (joined->str, ==, rendered->text);
  return 0;
}
