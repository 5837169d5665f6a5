/* cd-command-line.h — compdesk --import/--export/--check-buyer/--version, run before GTK starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line; scripts rely on them. */
typedef enum
{
  CD_EXIT_OK = 0,
  CD_EXIT_FAILED = 1,       /* the import or export failed, or the options contradict */
  CD_EXIT_NO_DATABASE = 2,  /* the database could not be opened, or is damaged */

  /* --check-buyer answers as grep does: 0 when something matched, and */
  CD_EXIT_NO_MATCH = 1,     /* nothing matched */
  CD_EXIT_CHECK_FAILED = 2, /* the look-up could not be made (or the options contradict) */
} CdExitStatus;

/* Returned by cd_command_line_run() when no option asked to exit: start the GUI. */
#define CD_COMMAND_LINE_START_GUI (-1)

const GOptionEntry *cd_command_line_get_option_entries (void);
int                 cd_command_line_run                (GVariantDict *options);

G_END_DECLS
