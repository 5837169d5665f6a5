/* cd-text.c — text folding for search and for blacklist keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-text"

#include <string.h>

#include "cd-text.h"

/**
 * cd_text_fold:
 *
 * NFKC, then case folding, trimmed: `ＬｕｃｋｙＳｔａｒ`, `LuckyStar` and ` luckystar ` all fold
 * to `luckystar`.
 *
 * Returns: (transfer full): the folded text; "" for %NULL
 */
static gboolean
is_ascii (const char *text)
{
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Folds @c into @out when it is one of the characters most shop text is made of (ASCII, the
 * common CJK ideographs, full-width forms, Latin-1 letters, Chinese punctuation) and its NFKC
 * and case folding are plain; FALSE for any other character, for which the whole text goes
 * through GLib's tables. None of these combines with what follows it, so folding them one by
 * one is folding the text. tests/test-text.c checks every one against GLib. */
static gboolean
fold_char_fast (gunichar  c,
                GString  *out)
{
  if (c < 0x80)
    g_string_append_c (out, g_ascii_tolower ((char) c));
  else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
           c == 0x3001 || c == 0x3002 || (c >= 0x3008 && c <= 0x3011) ||
           c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201c || c == 0x201d ||
           c == 0x00d7 || c == 0x00f7 || (c >= 0x00e0 && c <= 0x00ff))
    g_string_append_unichar (out, c);
  else if (c >= 0xff01 && c <= 0xff5e)
    g_string_append_c (out, g_ascii_tolower ((char) (c - 0xfee0)));  /* full-width ASCII */
  else if (c == 0x3000)
    g_string_append_c (out, ' ');  /* the ideographic space */
  else if (c >= 0x00c0 && c <= 0x00de && c != 0x00d7)
    g_string_append_unichar (out, c + 0x20);  /* Latin-1 capitals */
  else
    return FALSE;
  return TRUE;
}

char *
cd_text_fold (const char *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GString *fast;

  if (text == NULL)
    return g_strdup ("");
  /* NFKC leaves ASCII as it is, and folding ASCII is lowering it: the common case, cheaply. */
  if (is_ascii (text))
    return g_strstrip (g_ascii_strdown (text, -1));

  fast = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c >= 0x110000 || !fold_char_fast (c, fast))
        {
          g_string_free (fast, TRUE);
          fast = NULL;
          break;
        }
    }
  if (fast != NULL)
    return g_strstrip (g_string_free (fast, FALSE));

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normal, -1);
  return g_strstrip (g_steal_pointer (&folded));
}

/**
 * cd_text_digits:
 *
 * Returns: (transfer full): the ASCII digits of @text after NFKC (so full-width digits
 *   count), in order
 */
char *
cd_text_digits (const char *text)
{
  g_autofree char *normal = NULL;
  GString *digits;

  if (text == NULL)
    return g_strdup ("");

  normal = is_ascii (text) ? g_strdup (text) : g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  digits = g_string_new (NULL);
  for (const char *p = normal != NULL ? normal : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

/**
 * cd_text_phone_key:
 *
 * A phone number as digits alone, without a leading `+86` or `0086` country code, so that
 * `+86 139-0000-1234`, `(139) 0000 1234` and `008613900001234` are one number.
 *
 * Returns: (transfer full): the key; "" when @phone has no digits
 */
char *
cd_text_phone_key (const char *phone)
{
  g_autofree char *normal = NULL;
  g_autofree char *digits = NULL;
  const char *p;

  if (phone == NULL)
    return g_strdup ("");

  normal = is_ascii (phone) ? g_strdup (phone) : g_utf8_normalize (phone, -1, G_NORMALIZE_NFKC);
  digits = cd_text_digits (normal);
  p = normal != NULL ? normal : "";
  while (g_ascii_isspace (*p) || *p == '(')
    p++;

  if (g_str_has_prefix (digits, "0086"))
    return g_strdup (digits + 4);
  if (*p == '+' && g_str_has_prefix (digits, "86"))
    return g_strdup (digits + 2);
  /* 86 followed by an 11-digit mainland mobile number, written without the plus. */
  if (strlen (digits) == 13 && g_str_has_prefix (digits, "861"))
    return g_strdup (digits + 2);
  return g_steal_pointer (&digits);
}

static gboolean
is_cjk (gunichar c)
{
  if (c < 0x02ea)
    return FALSE;  /* nothing below two Bopomofo tone marks is: Latin, Greek, … */
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf))
    return TRUE;
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Folded text with every CJK character standing alone between spaces, so that FTS5's
 * unicode61 tokenizer makes each one a token of its own. */
static void
append_spaced (GString    *out,
               const char *text)
{
  g_autofree char *folded = cd_text_fold (text);

  if (is_ascii (folded))
    {
      g_string_append (out, folded);
      return;
    }
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_cjk (c))
        {
          g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
}

/**
 * cd_text_fold_for_search:
 * @parts: (array zero-terminated=1): texts to index together
 *
 * Returns: (transfer full): the text to hand to the full-text index
 */
char *
cd_text_fold_for_search (const char * const *parts)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) parts);
  GString *out = g_string_sized_new (strlen (joined) + 16);

  /* One fold over the joined text: normalising is the cost, not the joining. */
  append_spaced (out, joined);
  return g_string_free (out, FALSE);
}

static void
append_term (GString    *query,
             const char *term,
             gboolean    prefix)
{
  if (query->len > 0)
    g_string_append_c (query, ' ');
  g_string_append_c (query, '"');
  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');
  if (prefix)
    g_string_append_c (query, '*');
}

/**
 * cd_text_build_match_query:
 * @query: what the user typed
 *
 * Turns free text into an FTS5 query (to be bound as a parameter): every word must occur,
 * each as a prefix; a run of CJK characters must occur as a phrase.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @query has nothing to search
 */
char *
cd_text_build_match_query (const char *query)
{
  g_autoptr(GString) spaced = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p;

  if (query == NULL)
    return NULL;

  /* Split on anything that is not a letter or digit, as the tokenizer does; CJK runs are
   * kept together as one phrase. */
  append_spaced (spaced, query);
  for (p = spaced->str; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = *p == '\0';

      if (!end && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          if (is_cjk (c) && word->len > 0 && !is_cjk (g_utf8_get_char (word->str)))
            {
              append_term (out, word->str, FALSE);
              g_string_truncate (word, 0);
            }
          else if (!is_cjk (c) && word->len > 0 && is_cjk (g_utf8_get_char (word->str)))
            {
              append_term (out, word->str, FALSE);
              g_string_truncate (word, 0);
            }
          if (is_cjk (c) && word->len > 0)
            g_string_append_c (word, ' ');
          g_string_append_unichar (word, c);
        }
      else if (c == ' ' && word->len > 0 && is_cjk (g_utf8_get_char (word->str)) && !end)
        {
          /* The spaces around CJK characters belong to the phrase. */
        }
      else if (word->len > 0)
        {
          append_term (out, word->str, !is_cjk (g_utf8_get_char (word->str)));
          g_string_truncate (word, 0);
        }
      if (end)
        break;
    }

  if (out->len == 0)
    return NULL;
  return g_strdup (out->str);
}

/* TRUE for NULL, "" and text of white space alone. */
gboolean
cd_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}
