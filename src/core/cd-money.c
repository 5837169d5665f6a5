/* cd-money.c — gint64 minor units; parsing and formatting
 *
 * Money never passes through a double: amounts are whole numbers of the currency's minor unit
 * (fen, cents), and text is read digit by digit with explicit overflow checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

#include "cd-error.h"
#include "cd-money.h"

/* ISO 4217 currencies whose minor unit is not a hundredth. IDR and a few others have cents on
 * paper that nobody uses; sellers write whole rupiah, so they count as 0 here. */
static const struct {
  const char *code;
  int         digits;
} digit_table[] = {
  { "BIF", 0 }, { "CLP", 0 }, { "DJF", 0 }, { "GNF", 0 }, { "IDR", 0 }, { "ISK", 0 },
  { "JPY", 0 }, { "KMF", 0 }, { "KRW", 0 }, { "PYG", 0 }, { "RWF", 0 }, { "UGX", 0 },
  { "VND", 0 }, { "VUV", 0 }, { "XAF", 0 }, { "XOF", 0 }, { "XPF", 0 },
  { "BHD", 3 }, { "IQD", 3 }, { "JOD", 3 }, { "KWD", 3 }, { "LYD", 3 }, { "OMR", 3 },
  { "TND", 3 },
};

/* Only where the symbol is unambiguous for a one-shop application; the rest show their code. */
static const struct {
  const char *code;
  const char *symbol;
} symbol_table[] = {
  { "CNY", "¥" }, { "JPY", "¥" }, { "USD", "$" }, { "EUR", "€" }, { "GBP", "£" },
};

static const gint64 powers_of_ten[] = { 1, 10, 100, 1000 };

/* Helpers */

/* How the locale writes money (LC_MONETARY): "1,280.00" in zh_CN and en_US, "1.280,00" in
 * de_DE, "1280.00" in C, which has no grouping and no decimal mark of its own. */
typedef struct
{
  char     *thousands;
  char     *decimal;
  char     *grouping;
  gboolean  symbol_after;   /* "12,80 €" rather than "€12,80" */
  gboolean  symbol_spaced;  /* a space between number and symbol */
} Separators;

static void
separators_get (Separators *sep)
{
  const struct lconv *conv = localeconv ();

  /* Copied at once: the next localeconv() or setlocale() may overwrite them. */
  sep->thousands = g_strdup (conv->mon_thousands_sep != NULL ? conv->mon_thousands_sep : "");
  sep->decimal = g_strdup (conv->mon_decimal_point != NULL && conv->mon_decimal_point[0] != '\0'
                           ? conv->mon_decimal_point : ".");
  sep->grouping = g_strdup (conv->mon_grouping != NULL ? conv->mon_grouping : "");
  /* CHAR_MAX (as in C) says nothing: the symbol goes first. */
  sep->symbol_after = conv->p_cs_precedes == 0;
  sep->symbol_spaced = conv->p_sep_by_space == 1;
}

static void
separators_clear (Separators *sep)
{
  g_clear_pointer (&sep->thousands, g_free);
  g_clear_pointer (&sep->decimal, g_free);
  g_clear_pointer (&sep->grouping, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Separators, separators_clear)

/* Appends the ASCII digits @digits with the locale's thousands separators: @grouping lists
 * group sizes from the right, the last one repeating; 0 repeats the previous, CHAR_MAX ends
 * the grouping. */
static void
append_grouped (GString          *out,
                const char       *digits,
                const Separators *sep)
{
  gsize n = strlen (digits);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize pos = n;
  const char *g = sep->grouping;
  int size = 0;

  if (sep->thousands[0] != '\0')
    while (TRUE)
      {
        if (*g != '\0' && *g != 0)
          size = *g++;
        if (size <= 0 || size == CHAR_MAX || pos <= (gsize) size)
          break;
        pos -= (gsize) size;
        g_array_prepend_val (cuts, pos);
      }

  pos = 0;
  for (guint i = 0; i < cuts->len; i++)
    {
      gsize cut = g_array_index (cuts, gsize, i);

      g_string_append_len (out, digits + pos, (gssize) (cut - pos));
      g_string_append (out, sep->thousands);
      pos = cut;
    }
  g_string_append (out, digits + pos);
}

/* The locale's way back to the ASCII one cd_money_parse() reads: thousands separators
 * dropped, the decimal mark made a point. NULL if the locale writes money as C does. */
static char *
dup_delocalized (const char *text)
{
  g_auto(Separators) sep = { NULL, NULL, NULL, FALSE, FALSE };
  g_autoptr(GString) out = NULL;

  separators_get (&sep);
  if (g_str_equal (sep.decimal, ".") &&
      (sep.thousands[0] == '\0' || g_str_equal (sep.thousands, ",")))
    return NULL;
  out = g_string_new (text);
  if (sep.thousands[0] != '\0')
    g_string_replace (out, sep.thousands, "", 0);
  if (!g_str_equal (sep.decimal, "."))
    g_string_replace (out, sep.decimal, ".", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
lookup_symbol (const char *currency)
{
  if (currency == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (symbol_table); i++)
    if (strcmp (symbol_table[i].code, currency) == 0)
      return symbol_table[i].symbol;
  return NULL;
}

/* |minor| without overflow: G_MININT64 has no positive counterpart in a gint64. */
static guint64
magnitude (gint64 minor)
{
  return minor < 0 ? (guint64) (-(minor + 1)) + 1 : (guint64) minor;
}

static gboolean
skip_prefix (const char **p,
             const char  *prefix,
             gboolean     ignore_case)
{
  gsize len;

  if (prefix == NULL || *prefix == '\0')
    return FALSE;
  len = strlen (prefix);
  if ((ignore_case ? g_ascii_strncasecmp (*p, prefix, len) : strncmp (*p, prefix, len)) != 0)
    return FALSE;
  *p += len;
  return TRUE;
}

static void
skip_spaces (const char **p)
{
  while (**p != '\0' && g_unichar_isspace (g_utf8_get_char (*p)))
    *p = g_utf8_next_char (*p);
}

static gboolean
skip_minus (const char **p)
{
  /* ASCII hyphen-minus and U+2212 MINUS SIGN (NFKC keeps it as it is). */
  return skip_prefix (p, "-", FALSE) || skip_prefix (p, "\xe2\x88\x92", FALSE);
}

static void
skip_currency_prefix (const char **p,
                      const char  *currency)
{
  if (!skip_prefix (p, lookup_symbol (currency), FALSE))
    skip_prefix (p, currency, TRUE);
  skip_spaces (p);
}

static void
skip_currency_suffix (const char **p,
                      const char  *currency)
{
  skip_spaces (p);
  /* "1.234,56 €", as German and French write it. */
  if (skip_prefix (p, lookup_symbol (currency), FALSE))
    {
      skip_spaces (p);
      return;
    }
  if (!skip_prefix (p, currency, TRUE) && g_strcmp0 (currency, "CNY") == 0)
    {
      /* 元 and 块 are how Chinese sellers write yuan after a number. */
      if (!skip_prefix (p, "元", FALSE))
        skip_prefix (p, "块", FALSE);
    }
  skip_spaces (p);
}

/* Digits with optional thousands separators, each group of three: "1,280" but not "12,80",
 * which in much of the world means 12.80. */
static gboolean
read_whole (const char **p,
            guint64     *value,
            int         *n_digits,
            gboolean    *overflow)
{
  int group = -1;  /* digits since the last separator; -1 before the first one */

  *value = 0;
  *n_digits = 0;
  for (; **p != '\0'; (*p)++)
    {
      if (g_ascii_isdigit (**p))
        {
          guint64 d = (guint64) (**p - '0');

          if (*value > ((guint64) G_MAXINT64 - d) / 10)
            *overflow = TRUE;
          else
            *value = *value * 10 + d;
          (*n_digits)++;
          if (group >= 0)
            group++;
        }
      else if (**p == ',')
        {
          if (*n_digits == 0 || (group < 0 && *n_digits > 3) || (group >= 0 && group != 3))
            return FALSE;
          group = 0;
        }
      else
        break;
    }
  return group < 0 || group == 3;
}

static gboolean
read_fraction (const char **p,
               guint64     *value,
               int         *n_digits)
{
  *value = 0;
  *n_digits = 0;
  if (**p != '.')
    return TRUE;
  for ((*p)++; g_ascii_isdigit (**p); (*p)++)
    {
      /* Digits beyond the fourth are refused below anyway; don't let them overflow. */
      if (*n_digits < 4)
        *value = *value * 10 + (guint64) (**p - '0');
      (*n_digits)++;
    }
  /* "128." is accepted: it is what the field holds on the way to "128.5". */
  return TRUE;
}

static gboolean
set_garbage_error (GError **error)
{
  g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
               _("Not an amount of money: write it as 128 or 128.50"));
  return FALSE;
}

static gboolean
set_decimals_error (const char  *currency,
                    int          digits,
                    GError     **error)
{
  if (digits == 0)
    /* Translators: %s is a currency code such as JPY */
    g_set_error (error, CD_ERROR, CD_ERROR_INVALID, _("%s amounts have no decimal places"),
                 currency);
  else
    g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                 /* Translators: %s is a currency code such as CNY, %d a number of digits */
                 ngettext ("%s amounts have at most %d decimal place",
                           "%s amounts have at most %d decimal places", digits),
                 currency, digits);
  return FALSE;
}

static gboolean
parse_ascii (const char  *text,
             const char  *currency,
             gint64      *minor,
             GError     **error)
{
  g_autofree char *normal = NULL;
  int digits = cd_money_digits (currency);
  guint64 whole, fraction, scaled;
  int n_whole, n_fraction;
  gboolean negative = FALSE, overflow = FALSE;
  const char *p;

  g_return_val_if_fail (minor != NULL, FALSE);

  normal = text != NULL ? g_utf8_normalize (text, -1, G_NORMALIZE_NFKC) : NULL;
  if (normal == NULL)
    return set_garbage_error (error);

  p = normal;
  skip_spaces (&p);
  negative |= skip_minus (&p);
  skip_currency_prefix (&p, currency);
  negative |= skip_minus (&p);
  skip_spaces (&p);

  if (!read_whole (&p, &whole, &n_whole, &overflow) ||
      !read_fraction (&p, &fraction, &n_fraction) ||
      n_whole + n_fraction == 0)
    return set_garbage_error (error);
  skip_currency_suffix (&p, currency);
  if (*p != '\0')
    return set_garbage_error (error);

  if (negative && (whole != 0 || fraction != 0))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID, _("The amount cannot be negative"));
      return FALSE;
    }
  if (n_fraction > digits)
    return set_decimals_error (currency != NULL ? currency : "", digits, error);

  scaled = fraction * (guint64) powers_of_ten[digits - n_fraction];
  if (overflow || whole > ((guint64) G_MAXINT64 - scaled) / (guint64) powers_of_ten[digits])
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID, _("The amount is too large"));
      return FALSE;
    }

  *minor = (gint64) (whole * (guint64) powers_of_ten[digits] + scaled);
  return TRUE;
}

static char *
format_with (gint64            minor,
             const char       *currency,
             const Separators *sep)
{
  int digits = cd_money_digits (currency);
  guint64 divisor = (guint64) powers_of_ten[digits];
  guint64 m = magnitude (minor);
  g_autofree char *whole = g_strdup_printf ("%" G_GUINT64_FORMAT, m / divisor);
  const char *symbol = lookup_symbol (currency);
  GString *out = g_string_new (NULL);

  /* The sign goes before the symbol: -¥5.00, not ¥-5.00. */
  if (minor < 0)
    g_string_append_c (out, '-');
  if (symbol != NULL && !sep->symbol_after)
    g_string_append_printf (out, "%s%s", symbol, sep->symbol_spaced ? "\u00a0" : "");
  append_grouped (out, whole, sep);
  if (digits > 0)
    g_string_append_printf (out, "%s%0*" G_GUINT64_FORMAT, sep->decimal, digits, m % divisor);
  if (symbol != NULL && sep->symbol_after)
    g_string_append_printf (out, "%s%s", sep->symbol_spaced ? "\u00a0" : "", symbol);
  if (symbol == NULL && currency != NULL && *currency != '\0')
    g_string_append_printf (out, " %s", currency);
  return g_string_free (out, FALSE);
}

/* Public API */

/**
 * cd_money_digits:
 * @currency: (nullable): an ISO 4217 code
 *
 * Returns: how many decimal digits the currency's minor unit has: 2 for CNY, 0 for JPY
 */
int
cd_money_digits (const char *currency)
{
  if (currency == NULL)
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (digit_table); i++)
    if (strcmp (digit_table[i].code, currency) == 0)
      return digit_table[i].digits;
  return 2;
}

/**
 * cd_money_format_plain:
 * @currency: (nullable): an ISO 4217 code
 *
 * The number alone, as cd_money_parse() reads it back: "128.50" for 12850 fen.
 *
 * Returns: (transfer full): @minor in major units, without symbol or code
 */
char *
cd_money_format_plain (gint64      minor,
                       const char *currency)
{
  int digits = cd_money_digits (currency);
  guint64 divisor = (guint64) powers_of_ten[digits];
  guint64 m = magnitude (minor);
  const char *sign = minor < 0 ? "-" : "";

  if (digits == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, m);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT, sign, m / divisor,
                          digits, m % divisor);
}

/**
 * cd_money_format:
 * @currency: (nullable): an ISO 4217 code
 *
 * For people: the currency's symbol and decimal places; the locale's grouping, decimal mark
 * and place for the symbol. "¥1,280.00" in zh_CN, "¥1280" for JPY in C, "1.280,00 €" in
 * de_DE; a currency without a symbol shows its code after the number ("1,280.00 CHF").
 *
 * Returns: (transfer full): @minor for people: "¥128.00", "$54.00", "128.00 CHF"
 */
char *
cd_money_format (gint64      minor,
                 const char *currency)
{
  g_auto(Separators) sep = { NULL, NULL, NULL, FALSE, FALSE };

  separators_get (&sep);
  return format_with (minor, currency, &sep);
}

/**
 * cd_money_format_for_buyer:
 * @currency: (nullable): an ISO 4217 code
 *
 * For a message to a buyer, whose language is not the seller's locale: the way both English
 * and Chinese write money, whatever the locale: "¥1,280.00", "$54.00".
 *
 * Returns: (transfer full): @minor for a buyer
 */
char *
cd_money_format_for_buyer (gint64      minor,
                           const char *currency)
{
  Separators sep = { (char *) ",", (char *) ".", (char *) "\3", FALSE, FALSE };

  return format_with (minor, currency, &sep);
}

/**
 * cd_money_parse:
 * @text: what the user typed: "128", "128.5", " 1,280.00 ", "¥128", "１２８"
 * @currency: (nullable): the shop's ISO 4217 code; it decides the decimal places
 * @minor: (out): the amount in minor units
 *
 * Reads a non-negative amount. Full-width digits and punctuation are read as ASCII (NFKC),
 * the currency's symbol or code may come first, thousands separators are allowed in groups
 * of three. What the locale writes ("1.280,00" in de_DE) is read too, when the ASCII reading
 * fails.
 *
 * Returns: %TRUE, or %FALSE with a translated CD_ERROR_INVALID that says what is wrong
 */
gboolean
cd_money_parse (const char  *text,
                const char  *currency,
                gint64      *minor,
                GError     **error)
{
  g_autoptr(GError) ascii_error = NULL;
  g_autofree char *local = NULL;

  g_return_val_if_fail (minor != NULL, FALSE);

  if (parse_ascii (text, currency, minor, &ascii_error))
    return TRUE;
  local = text != NULL ? dup_delocalized (text) : NULL;
  if (local != NULL && parse_ascii (local, currency, minor, NULL))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&ascii_error));
  return FALSE;
}
