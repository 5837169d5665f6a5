/* main.c — the compdesk executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "compdesk"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cd-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CdApplication) app = NULL;
  const char *localedir = g_getenv ("COMPDESK_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* COMPDESK_LOCALEDIR: the build's po/ folder, so an uninstalled build (tools/run, tools/
   * screenshot) shows its translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cd_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
