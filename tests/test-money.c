/* test-money.c — minor units in and out (cd-money.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "cd-error.h"
#include "cd-money.h"
#include "cd-test-util.h"

static void
assert_format (gint64      minor,
               const char *currency,
               const char *expected)
{
  g_autofree char *text = cd_money_format (minor, currency);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_parse (const char *text,
              const char *currency,
              gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = -1;

  g_assert_true (cd_money_parse (text, currency, &minor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (minor, ==, expected);
}

static void
assert_refused (const char *text,
                const char *currency)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 4711;

  g_assert_false (cd_money_parse (text, currency, &minor, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  /* A refused text leaves the output alone. */
  g_assert_cmpint (minor, ==, 4711);
}

static void
test_digits (void)
{
  g_assert_cmpint (cd_money_digits ("CNY"), ==, 2);
  g_assert_cmpint (cd_money_digits ("USD"), ==, 2);
  g_assert_cmpint (cd_money_digits ("EUR"), ==, 2);
  g_assert_cmpint (cd_money_digits ("JPY"), ==, 0);
  g_assert_cmpint (cd_money_digits ("KRW"), ==, 0);
  g_assert_cmpint (cd_money_digits ("VND"), ==, 0);
  g_assert_cmpint (cd_money_digits ("IDR"), ==, 0);
  g_assert_cmpint (cd_money_digits ("KWD"), ==, 3);
  g_assert_cmpint (cd_money_digits ("XYZ"), ==, 2);
  g_assert_cmpint (cd_money_digits (NULL), ==, 2);
}

static void
test_format_symbols (void)
{
  assert_format (12800, "CNY", "¥128.00");
  assert_format (5400, "USD", "$54.00");
  assert_format (350, "EUR", "€3.50");
  assert_format (1999, "GBP", "£19.99");
  assert_format (1280, "JPY", "¥1280");
  assert_format (12800, "XYZ", "128.00 XYZ");
  assert_format (1234, "KWD", "1.234 KWD");
  assert_format (50000, "KRW", "50000 KRW");
  assert_format (12800, NULL, "128.00");
}

static void
test_format_small_and_large (void)
{
  assert_format (0, "CNY", "¥0.00");
  assert_format (1, "CNY", "¥0.01");
  assert_format (10, "CNY", "¥0.10");
  assert_format (100, "CNY", "¥1.00");
  assert_format (0, "JPY", "¥0");
  assert_format (G_MAXINT64, "CNY", "¥92233720368547758.07");
  assert_format (G_MAXINT64, "JPY", "¥9223372036854775807");
  assert_format (G_MAXINT64, "KWD", "9223372036854775.807 KWD");
  /* Not stored, but a difference may be negative; the smallest one has no positive twin. */
  assert_format (-500, "CNY", "-¥5.00");
  assert_format (G_MININT64, "CNY", "-¥92233720368547758.08");
  assert_format (-1, "XYZ", "-0.01 XYZ");
}

static void
assert_for_buyer (gint64      minor,
                  const char *currency,
                  const char *expected)
{
  g_autofree char *text = cd_money_format_for_buyer (minor, currency);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_plain_round_trip (void)
{
  const gint64 amounts[] = { 0, 1, 99, 100, 12850, 128000, G_MAXINT64 };
  const char *currencies[] = { "CNY", "JPY", "KWD", "USD" };

  for (guint c = 0; c < G_N_ELEMENTS (currencies); c++)
    for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
      {
        g_autofree char *plain = cd_money_format_plain (amounts[i], currencies[c]);
        g_autofree char *full = cd_money_format (amounts[i], currencies[c]);

        assert_parse (plain, currencies[c], amounts[i]);
        assert_parse (full, currencies[c], amounts[i]);
      }
}

static void
test_parse_plain (void)
{
  assert_parse ("128", "CNY", 12800);
  assert_parse ("128.5", "CNY", 12850);
  assert_parse ("128.50", "CNY", 12850);
  assert_parse ("0", "CNY", 0);
  assert_parse ("0.01", "CNY", 1);
  assert_parse (".5", "CNY", 50);
  assert_parse ("128.", "CNY", 12800);
  assert_parse ("007", "CNY", 700);
  assert_parse ("1280", "JPY", 1280);
  assert_parse ("1.5", "KWD", 1500);
}

static void
test_parse_decorated (void)
{
  assert_parse (" 1,280.00 ", "CNY", 128000);
  assert_parse ("1,234,567", "CNY", 123456700);
  assert_parse ("¥128", "CNY", 12800);
  assert_parse ("¥ 128.50", "CNY", 12850);
  assert_parse ("$54", "USD", 5400);
  assert_parse ("€3.50", "EUR", 350);
  assert_parse ("£19.99", "GBP", 1999);
  assert_parse ("CNY 128", "CNY", 12800);
  assert_parse ("128 cny", "CNY", 12800);
  assert_parse ("128.00 XYZ", "XYZ", 12800);
  assert_parse ("128元", "CNY", 12800);
  assert_parse ("50 块", "CNY", 5000);
  /* Full width, as a Chinese input method types it (NFKC makes it ASCII). */
  assert_parse ("１２８", "CNY", 12800);
  assert_parse ("１２８．５０", "CNY", 12850);
  assert_parse ("￥１，２８０", "CNY", 128000);
  assert_parse ("\xe3\x80\x80" "128\xe3\x80\x80", "CNY", 12800);  /* ideographic spaces */
  assert_parse ("-0", "CNY", 0);
}

static void
test_parse_refuses (void)
{
  const char *garbage[] = {
    "", "   ", "abc", "12a", "1.2.3", "12,80", "1,2345", ",128", "128,", "1,,280", "¥",
    ".", "1 280", "128 USD", "$128", "= 1+1", "'; DROP TABLE cases; --", "0x10", "1e5",
    "12 8", "128元元", "١٢٨",
  };

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    assert_refused (garbage[i], "CNY");
  assert_refused (NULL, "CNY");
  assert_refused ("128元", "USD");
}

static void
test_parse_negative (void)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 0;

  assert_refused ("-5", "CNY");
  assert_refused ("−5", "CNY");  /* U+2212 */
  assert_refused ("-¥5", "CNY");
  assert_refused ("¥-5", "CNY");
  assert_refused ("－５", "CNY");  /* full-width hyphen-minus */

  g_assert_false (cd_money_parse ("-5", "CNY", &minor, &error));
  g_assert_true (g_strstr_len (error->message, -1, "negative") != NULL);
}

static void
test_parse_decimals (void)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 0;

  assert_refused ("128.505", "CNY");
  assert_refused ("128.5", "JPY");
  assert_refused ("128.00", "JPY");
  assert_refused ("1.2345", "KWD");

  g_assert_false (cd_money_parse ("1.999", "CNY", &minor, &error));
  g_assert_true (g_strstr_len (error->message, -1, "CNY") != NULL);
  g_clear_error (&error);
  g_assert_false (cd_money_parse ("1.5", "JPY", &minor, &error));
  g_assert_true (g_strstr_len (error->message, -1, "JPY") != NULL);
}

static void
test_parse_overflow (void)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 0;

  /* The largest amounts fit exactly … */
  assert_parse ("92233720368547758.07", "CNY", G_MAXINT64);
  assert_parse ("9223372036854775807", "JPY", G_MAXINT64);
  /* … one minor unit more does not, nor do long runs of digits. */
  assert_refused ("92233720368547758.08", "CNY");
  assert_refused ("92233720368547759", "CNY");
  assert_refused ("9223372036854775808", "JPY");
  assert_refused ("99999999999999999999999999999999999", "CNY");
  assert_refused ("0.00000000000000000000001", "CNY");

  g_assert_false (cd_money_parse ("92233720368547759", "CNY", &minor, &error));
  g_assert_true (g_strstr_len (error->message, -1, "large") != NULL);
}

/* Grouping and the decimal mark come from the locale (LC_MONETARY); symbol and decimal
 * places from the currency. C has no grouping; zh_CN groups by three with commas. */
static void
test_format_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  const gint64 amounts[] = { 0, 99, 128000, 123456789, G_MAXINT64 };

  g_assert_nonnull (setlocale (LC_ALL, "C"));
  assert_format (123456789, "CNY", "¥1234567.89");
  assert_format (1234567, "JPY", "¥1234567");
  /* A message to a buyer is in the buyer's language, not the seller's locale: written the
   * way English and Chinese both write money. */
  assert_for_buyer (123456789, "CNY", "¥1,234,567.89");
  assert_for_buyer (1280, "JPY", "¥1,280");
  assert_for_buyer (-500, "USD", "-$5.00");
  assert_for_buyer (12800, "CHF", "128.00 CHF");

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      setlocale (LC_ALL, saved);
      g_test_skip ("the zh_CN.UTF-8 locale is not installed (tools/setup installs it)");
      return;
    }
  assert_format (12800, "CNY", "¥128.00");
  assert_format (128000, "CNY", "¥1,280.00");
  assert_format (123456789, "CNY", "¥1,234,567.89");
  assert_format (1280, "JPY", "¥1,280");
  assert_format (128, "JPY", "¥128");
  assert_format (123456, "USD", "$1,234.56");
  assert_format (123456, "EUR", "€1,234.56");
  assert_format (-123456, "CNY", "-¥1,234.56");
  assert_format (1234567, "KWD", "1,234.567 KWD");
  assert_format (123456, "XYZ", "1,234.56 XYZ");
  assert_format (G_MAXINT64, "CNY", "¥92,233,720,368,547,758.07");
  /* What is shown is read back, in the locale it was shown in. */
  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *cny = cd_money_format (amounts[i], "CNY");
      g_autofree char *jpy = cd_money_format (amounts[i], "JPY");

      assert_parse (cny, "CNY", amounts[i]);
      assert_parse (jpy, "JPY", amounts[i]);
    }
  /* The plain form, for entry fields and files, is the same everywhere. */
  {
    g_autofree char *plain = cd_money_format_plain (123456789, "CNY");

    g_assert_cmpstr (plain, ==, "1234567.89");
  }
  setlocale (LC_ALL, saved);
}

/* Locales that write money otherwise, where installed (tools/setup installs only zh_CN):
 * the grouping, the decimal mark and the symbol's place follow the locale, and what is shown
 * is read back. */
static void
test_format_other_locales (void)
{
  static const struct {
    const char *locale;
    const char *euros;  /* 123456 cents */
    const char *yen;    /* 1280000 yen */
  } cases[] = {
    { "en_US.UTF-8", "€1,234.56", "¥1,280,000" },
    { "de_DE.UTF-8", "1.234,56\u00a0€", "1.280.000\u00a0¥" },
    { "fr_FR.UTF-8", "1\u202f234,56\u00a0€", "1\u202f280\u202f000\u00a0¥" },
  };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  guint tested = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const gint64 amounts[] = { 0, 99, 128000, 123456789 };

      if (setlocale (LC_ALL, cases[i].locale) == NULL)
        continue;
      tested++;
      assert_format (123456, "EUR", cases[i].euros);
      assert_format (1280000, "JPY", cases[i].yen);
      for (guint j = 0; j < G_N_ELEMENTS (amounts); j++)
        {
          g_autofree char *eur = cd_money_format (amounts[j], "EUR");
          g_autofree char *jpy = cd_money_format (amounts[j], "JPY");

          assert_parse (eur, "EUR", amounts[j]);
          assert_parse (jpy, "JPY", amounts[j]);
        }
      assert_for_buyer (123456, "EUR", "€1,234.56");
      /* The ASCII way still reads as it always did. */
      assert_parse ("1234.56", "EUR", 123456);
    }
  setlocale (LC_ALL, saved);
  if (tested == 0)
    g_test_skip ("none of en_US, de_DE, fr_FR is installed");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/digits", test_digits);
  g_test_add_func ("/money/format/symbols", test_format_symbols);
  g_test_add_func ("/money/format/small-and-large", test_format_small_and_large);
  g_test_add_func ("/money/format/plain-round-trip", test_format_plain_round_trip);
  g_test_add_func ("/money/format/locale", test_format_locale);
  g_test_add_func ("/money/format/other-locales", test_format_other_locales);
  g_test_add_func ("/money/parse/plain", test_parse_plain);
  g_test_add_func ("/money/parse/decorated", test_parse_decorated);
  g_test_add_func ("/money/parse/refuses", test_parse_refuses);
  g_test_add_func ("/money/parse/negative", test_parse_negative);
  g_test_add_func ("/money/parse/decimals", test_parse_decimals);
  g_test_add_func ("/money/parse/overflow", test_parse_overflow);

  return g_test_run ();
}
