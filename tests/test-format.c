/* test-format.c — dates, times and money as people read them, in C and in Chinese
 *
 * The formats are translatable strftime() strings (cd-format.c); this reads them through the
 * build's own zh_CN catalogue, so a translation that breaks a format shows here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cd-format.h"
#include "cd-money.h"
#include "cd-time.h"

/* 2026-11-24 02:00:00 UTC: 10:00 in Shanghai, where the test runs (TZ in tests/meson.build). */
#define MORNING ((gint64) 1795485600 * G_USEC_PER_SEC)

static char *saved_locale;

static gboolean
use_locale (const char *locale)
{
  if (setlocale (LC_ALL, locale) == NULL)
    return FALSE;
  /* gettext reads LANGUAGE before the locale; the test decides. */
  g_unsetenv ("LANGUAGE");
  return TRUE;
}

static void
restore_locale (void)
{
  setlocale (LC_ALL, saved_locale);
}

static void
assert_formats (const char *time,
                const char *date,
                const char *time_of_day)
{
  g_autofree char *t = cd_format_time (MORNING);
  g_autofree char *d = cd_format_date (MORNING);
  g_autofree char *h = cd_format_time_of_day (MORNING);

  g_assert_cmpstr (t, ==, time);
  g_assert_cmpstr (d, ==, date);
  g_assert_cmpstr (h, ==, time_of_day);
}

static void
test_c (void)
{
  g_autofree char *unset = NULL;

  g_assert_true (use_locale ("C.UTF-8"));
  assert_formats ("24 Nov 2026, 10:00", "24 Nov 2026", "10:00");
  unset = cd_format_time (CD_TIME_UNSET);
  g_assert_cmpstr (unset, ==, "");
  restore_locale ();
}

static void
test_chinese (void)
{
  g_autofree char *amount = NULL;
  g_autofree char *yen = NULL;

  if (!use_locale ("zh_CN.UTF-8"))
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed (tools/setup installs it)");
      return;
    }
  assert_formats ("2026年11月24日 10:00", "2026年11月24日", "10:00");
  /* Money: the shop's currency, grouped the Chinese way. */
  amount = cd_money_format (12800000, "CNY");
  g_assert_cmpstr (amount, ==, "¥128,000.00");
  yen = cd_money_format (1280000, "JPY");
  g_assert_cmpstr (yen, ==, "¥1,280,000");
  restore_locale ();
}

/* The plural forms come from the catalogue too: Chinese has one form for every number. */
static void
test_chinese_plurals (void)
{
  if (!use_locale ("zh_CN.UTF-8"))
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed (tools/setup installs it)");
      return;
    }
  g_assert_cmpstr (ngettext ("%u match", "%u matches", 1),
                   ==, ngettext ("%u match", "%u matches", 5));
  g_assert_cmpstr (ngettext ("%u match", "%u matches", 5), !=, "%u matches");
  restore_locale ();
  g_assert_cmpstr (ngettext ("%u match", "%u matches", 1), ==, "%u match");
  g_assert_cmpstr (ngettext ("%u match", "%u matches", 0), ==, "%u matches");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("COMPDESK_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  saved_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/format/c", test_c);
  g_test_add_func ("/format/chinese", test_chinese);
  g_test_add_func ("/format/chinese-plurals", test_chinese_plurals);

  return g_test_run ();
}
