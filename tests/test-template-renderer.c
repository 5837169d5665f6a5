/* test-template-renderer.c — placeholders filled, missing and unknown ones kept and marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cd-template-renderer.h"

static GHashTable *
values (const char *first,
        ...)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  const char *key;
  va_list args;

  va_start (args, first);
  for (key = first; key != NULL; key = va_arg (args, const char *))
    g_hash_table_insert (table, (gpointer) key, va_arg (args, char *));
  va_end (args);
  return table;
}

static void
test_filled (void)
{
  g_autoptr(GHashTable) v = values ("buyer", "小林", "product", "Longjing tea 250 g",
                                    "deadline", "18:00", NULL);
  g_autoptr(CdRendered) r = cd_template_render ("亲爱的{buyer}，您的{product}将在{deadline}前补发。", v);

  g_assert_cmpstr (r->text, ==, "亲爱的小林，您的Longjing tea 250 g将在18:00前补发。");
  g_assert_cmpuint (r->n_missing, ==, 0);
  g_assert_cmpuint (r->n_unknown, ==, 0);
  g_assert_cmpuint (r->segments->len, ==, 7);
}

static void
test_missing_and_unknown (void)
{
  g_autoptr(GHashTable) v = values ("buyer", "Dana", "coupon", "", NULL);
  g_autoptr(CdRendered) r = cd_template_render ("Hi {buyer}, code {coupon} for {custmer}.", v);
  CdSegment *missing, *unknown;

  /* Nothing is dropped: the text still says where a value is wanting. */
  g_assert_cmpstr (r->text, ==, "Hi Dana, code {coupon} for {custmer}.");
  g_assert_cmpuint (r->n_missing, ==, 1);
  g_assert_cmpuint (r->n_unknown, ==, 1);
  missing = g_ptr_array_index (r->segments, 3);
  g_assert_cmpint (missing->kind, ==, CD_SEGMENT_MISSING);
  g_assert_cmpstr (missing->name, ==, "coupon");
  unknown = g_ptr_array_index (r->segments, 5);
  g_assert_cmpint (unknown->kind, ==, CD_SEGMENT_UNKNOWN);
  g_assert_cmpstr (unknown->name, ==, "custmer");
}

static void
test_odd_text (void)
{
  g_autoptr(GHashTable) v = values ("buyer", "{order}", "shop", "Tea \"House\" & {Co}", NULL);
  const char *body = "{{literal}} {buyer} { not a placeholder } {shop}{ {buyer";
  g_autoptr(CdRendered) r = cd_template_render (body, v);
  g_autoptr(CdRendered) empty = cd_template_render ("", v);
  g_autoptr(CdRendered) null_body = cd_template_render (NULL, NULL);
  g_autoptr(CdRendered) emoji = cd_template_render ("😀{buyer}😀", NULL);

  /* A value is inserted as it is, never rendered again; stray braces are text. */
  g_assert_cmpstr (r->text, ==,
                   "{literal} {order} { not a placeholder } Tea \"House\" & {Co}{ {buyer");
  g_assert_cmpuint (r->n_missing, ==, 0);
  g_assert_cmpstr (empty->text, ==, "");
  g_assert_cmpuint (empty->segments->len, ==, 0);
  g_assert_cmpstr (null_body->text, ==, "");
  g_assert_cmpstr (emoji->text, ==, "😀{buyer}😀");
  g_assert_cmpuint (emoji->n_missing, ==, 1);
}

static void
test_placeholders_listed (void)
{
  const char * const *names = cd_template_get_placeholders ();

  g_assert_true (g_strv_contains (names, "buyer"));
  g_assert_true (g_strv_contains (names, "deadline"));
  g_assert_false (g_strv_contains (names, "custmer"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/template-renderer/filled", test_filled);
  g_test_add_func ("/template-renderer/missing-and-unknown", test_missing_and_unknown);
  g_test_add_func ("/template-renderer/odd-text", test_odd_text);
  g_test_add_func ("/template-renderer/placeholders", test_placeholders_listed);
  return g_test_run ();
}
