/* test-text.c — folding, phone keys and full-text queries (cd-text.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "cd-test-util.h"
#include "cd-text.h"

static void
assert_fold (const char *text,
             const char *expected)
{
  g_autofree char *folded = cd_text_fold (text);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold_width_and_case (void)
{
  /* Full-width, mixed case and padded spellings of one nickname are one key. */
  assert_fold ("ＬｕｃｋｙＳｔａｒ", "luckystar");
  assert_fold ("LuckyStar", "luckystar");
  assert_fold (" luckystar ", "luckystar");
  assert_fold ("\tLUCKYSTAR\n", "luckystar");
  assert_fold ("Ｌｕｃｋｙ Ｓｔａｒ", "lucky star");
  /* Full-width digits and punctuation become ASCII. */
  assert_fold ("ＡＢＣ－１２３", "abc-123");
}

static void
test_fold_unicode (void)
{
  /* Chinese has no case and is already in its NFKC form. */
  assert_fold ("小林", "小林");
  assert_fold ("买家要求退款", "买家要求退款");
  /* Case folding, not lowercasing: ß folds to ss, so STRASSE and Straße are one key. */
  assert_fold ("Straße", "strasse");
  assert_fold ("STRASSE", "strasse");
  /* Composed and decomposed é fold to the same bytes (NFKC). */
  assert_fold ("Caf\xc3\xa9", "caf\xc3\xa9");
  assert_fold ("Cafe\xcc\x81", "caf\xc3\xa9");
  /* The ﬁ ligature is a compatibility character. */
  assert_fold ("\xef\xac\x81ne", "fine");
  assert_fold (NULL, "");
  assert_fold ("", "");
  assert_fold ("   ", "");
}

/* What cd_text_fold() promises, the long way */
static char *
fold_slowly (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

  return normal != NULL ? g_strstrip (g_utf8_casefold (normal, -1)) : g_strdup ("");
}

/* cd_text_fold() folds common characters itself: every character folds as GLib folds it. */
static void
test_fold_every_character (void)
{
  for (gunichar c = 1; c < 0x110000; c++)
    {
      char text[8] = { 0 };
      g_autofree char *folded = NULL;
      g_autofree char *expected = NULL;

      if (c >= 0xd800 && c <= 0xdfff)
        continue;
      g_unichar_to_utf8 (c, text);
      folded = cd_text_fold (text);
      expected = fold_slowly (text);
      if (g_strcmp0 (folded, expected) != 0)
        g_error ("U+%04X folds to \"%s\", not \"%s\"", c, folded, expected);
    }
}

/* Texts mixing them fold as GLib folds them too, and a text with a character of another
 * kind (a combining accent here) as a whole. */
static void
test_fold_mixed (void)
{
  const char *texts[] = {
    "  ＬｕｃｋｙＳｔａｒ，王芳！  ",
    "María LÓPEZ（客服）：“好的”。",
    "Ｅ\u0301cole 東京",
    "\u3000全角空格\u3000",
    "ÀÉÎÕÜ × ÷ ß",
    "가나다 ｶﾀｶﾅ",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *folded = cd_text_fold (texts[i]);
      g_autofree char *expected = fold_slowly (texts[i]);

      g_assert_cmpstr (folded, ==, expected);
    }
}

/* The search folding takes the common ideographs for CJK without asking GLib: it would say
 * the same. */
static void
test_fold_for_search_ideographs (void)
{
  for (gunichar c = 0x3400; c <= 0x9fff; c++)
    if (c <= 0x4dbf || c >= 0x4e00)
      g_assert_cmpint (g_unichar_get_script (c), ==, G_UNICODE_SCRIPT_HAN);
  for (gunichar c = 1; c < 0x02ea; c++)
    {
      GUnicodeScript script = g_unichar_get_script (c);

      g_assert_true (script != G_UNICODE_SCRIPT_HAN && script != G_UNICODE_SCRIPT_HIRAGANA &&
                     script != G_UNICODE_SCRIPT_KATAKANA && script != G_UNICODE_SCRIPT_HANGUL &&
                     script != G_UNICODE_SCRIPT_BOPOMOFO);
    }
}

static void
assert_phone_key (const char *phone,
                  const char *expected)
{
  g_autofree char *key = cd_text_phone_key (phone);

  g_assert_cmpstr (key, ==, expected);
}

static void
test_phone_key (void)
{
  assert_phone_key ("+86 139-0000-1234", "13900001234");
  assert_phone_key ("(139) 0000 1234", "13900001234");
  assert_phone_key ("008613900001234", "13900001234");
  assert_phone_key ("0086 139 0000 1234", "13900001234");
  assert_phone_key ("8613900001234", "13900001234");
  assert_phone_key ("１３９００００１２３４", "13900001234");
  assert_phone_key ("＋８６ １３９ ００００ １２３４", "13900001234");
  assert_phone_key ("13900001234", "13900001234");
  assert_phone_key ("139.0000.1234", "13900001234");
}

static void
test_phone_key_other_countries (void)
{
  /* Only the Chinese country code is dropped: other numbers keep every digit. */
  assert_phone_key ("+1 555 0100", "15550100");
  assert_phone_key ("+44 20 7946 0000", "442079460000");
  /* 86 without a plus is a country code only before an 11-digit mobile number. */
  assert_phone_key ("86123", "86123");
  assert_phone_key ("", "");
  assert_phone_key (NULL, "");
  assert_phone_key ("no digits", "");
}

static void
test_digits (void)
{
  g_autofree char *a = cd_text_digits ("138 0013 8000");
  g_autofree char *b = cd_text_digits ("ＴＢ２０２６－０１");
  g_autofree char *c = cd_text_digits (NULL);

  g_assert_cmpstr (a, ==, "13800138000");
  g_assert_cmpstr (b, ==, "202601");
  g_assert_cmpstr (c, ==, "");
}

/* The non-empty space-separated tokens of @text. */
static GStrv
split_tokens (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static void
test_fold_for_search (void)
{
  const char *parts[] = { "买家要求退款", "ＬｕｃｋｙＳｔａｒ Teapot", "", "小林Lin", NULL };
  const char *expected[] = { "买", "家", "要", "求", "退", "款", "luckystar", "teapot", "小",
                             "林", "lin", NULL };
  g_autofree char *text = cd_text_fold_for_search (parts);
  g_auto(GStrv) tokens = split_tokens (text);
  const char *none[] = { NULL };
  g_autofree char *empty = cd_text_fold_for_search (none);

  /* Every CJK character stands alone; everything else is folded but kept together. */
  g_assert_cmpstrv (tokens, expected);
  g_assert_cmpstr (empty, ==, "");
}

static void
assert_query (const char *query,
              const char *expected)
{
  g_autofree char *built = cd_text_build_match_query (query);

  g_assert_cmpstr (built, ==, expected);
}

static void
test_match_query_empty (void)
{
  assert_query (NULL, NULL);
  assert_query ("", NULL);
  assert_query ("  ", NULL);
  assert_query ("!!!", NULL);
  assert_query ("\"\"\"", NULL);
  assert_query ("* - + ( ) : ^", NULL);
  assert_query ("\xf0\x9f\x98\x80", NULL); /* an emoji alone */
}

static void
test_match_query_terms (void)
{
  /* A run of CJK characters is a phrase of single-character tokens, without a prefix. */
  assert_query ("退款", "\"退 款\"");
  assert_query ("退", "\"退\"");
  /* Every other word must occur, each as a prefix, folded like the index. */
  assert_query ("lucky sta", "\"lucky\"* \"sta\"*");
  assert_query ("ＬＵＣＫＹ", "\"lucky\"*");
  assert_query ("  TB2026-0001 ", "\"tb2026\"* \"0001\"*");
  /* Words and CJK runs mixed; the underscore separates words as in the tokenizer. */
  assert_query ("tb_lin退款", "\"tb\"* \"lin\"* \"退 款\"");
  assert_query ("退款 lucky", "\"退 款\" \"lucky\"*");
  /* FTS5 operators are quoted as plain words. */
  assert_query ("OR", "\"or\"*");
  assert_query ("a NEAR b", "\"a\"* \"near\"* \"b\"*");
}

static void
test_match_query_quotes (void)
{
  g_autofree char *built = cd_text_build_match_query ("say \"hi\" it's");

  /* A quote never ends up unbalanced inside the query. */
  g_assert_nonnull (built);
  g_assert_cmpstr (built, ==, "\"say\"* \"hi\"* \"it\"* \"s\"*");
}

/* Runs @match against an FTS5 table like case_search holding @rows (each folded as the
 * database does). Returns the number of matching rows, or -1 when FTS5 refused the query. */
static int
count_fts_matches (const char         *match,
                   const char * const *rows)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc, count = 0;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE s USING fts5 (body, content = '', "
                                     "tokenize = 'unicode61 remove_diacritics 2')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; rows[i] != NULL; i++)
    {
      const char *parts[] = { rows[i], NULL };
      g_autofree char *body = cd_text_fold_for_search (parts);

      g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO s (rowid, body) VALUES (?, ?)", -1,
                                           &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_int (stmt, 1, (int) i + 1);
      sqlite3_bind_text (stmt, 2, body, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM s WHERE s MATCH ?", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    count++;
  if (rc != SQLITE_DONE)
    count = -1;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static void
test_match_query_hostile (void)
{
  const char *rows[] = { "买家要求退款 Lucky Star teapot", "'; DROP TABLE cases; --",
                         "=1+1 say \"hi\"", NULL };
  const char *hostile[] = {
    "\"", "a\"b", "\"\"\"\"", "\"unterminated", "'; DROP TABLE cases; --", "=1+1",
    "NEAR(a b)", "body:lucky", "^lucky", "-lucky", "+lucky", "(lucky", "lucky*", "*",
    "AND OR NOT", "lucky OR star", "\xf0\x9f\x98\x80 lucky", "退\"款", "a\nb\tc", "\\",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *built = cd_text_build_match_query (hostile[i]);

      g_test_message ("query: %s → %s", hostile[i], built != NULL ? built : "(null)");
      if (built != NULL)
        g_assert_cmpint (count_fts_matches (built, rows), >=, 0);
    }
}

static void
test_match_query_finds (void)
{
  const char *rows[] = { "买家要求退款 ＬｕｃｋｙＳｔａｒ teapot TB2026-0001",
                         "款退 other text", NULL };
  struct {
    const char *query;
    int         matches;
  } cases[] = {
    { "退款", 1 },          /* the phrase, in order */
    { "退", 2 },
    { "款退", 1 },
    { "luckystar", 1 },
    { "LUCKY", 1 },         /* a prefix, whatever the case */
    { "ｔｅａ", 1 },
    { "tb2026-0001", 1 },
    { "tb_lin退款", 0 },     /* every word must occur */
    { "teapot 退款", 1 },
    { "teapot other", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *built = cd_text_build_match_query (cases[i].query);

      g_test_message ("query: %s → %s", cases[i].query, built);
      g_assert_nonnull (built);
      g_assert_cmpint (count_fts_matches (built, rows), ==, cases[i].matches);
    }
}

static void
test_is_blank (void)
{
  g_assert_true (cd_text_is_blank (NULL));
  g_assert_true (cd_text_is_blank (""));
  g_assert_true (cd_text_is_blank (" \t\n"));
  g_assert_true (cd_text_is_blank ("\xe3\x80\x80")); /* the ideographic space */
  g_assert_false (cd_text_is_blank (" x "));
  g_assert_false (cd_text_is_blank ("小"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold/width-and-case", test_fold_width_and_case);
  g_test_add_func ("/text/fold/unicode", test_fold_unicode);
  g_test_add_func ("/text/fold/every-character", test_fold_every_character);
  g_test_add_func ("/text/fold/mixed", test_fold_mixed);
  g_test_add_func ("/text/fold-for-search/ideographs", test_fold_for_search_ideographs);
  g_test_add_func ("/text/phone-key/china", test_phone_key);
  g_test_add_func ("/text/phone-key/other-countries", test_phone_key_other_countries);
  g_test_add_func ("/text/digits", test_digits);
  g_test_add_func ("/text/fold-for-search", test_fold_for_search);
  g_test_add_func ("/text/match-query/empty", test_match_query_empty);
  g_test_add_func ("/text/match-query/terms", test_match_query_terms);
  g_test_add_func ("/text/match-query/quotes", test_match_query_quotes);
  g_test_add_func ("/text/match-query/hostile", test_match_query_hostile);
  g_test_add_func ("/text/match-query/finds", test_match_query_finds);
  g_test_add_func ("/text/is-blank", test_is_blank);

  return g_test_run ();
}
