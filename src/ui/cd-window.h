/* cd-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-database.h"

G_BEGIN_DECLS

#define CD_TYPE_WINDOW (cd_window_get_type ())
G_DECLARE_FINAL_TYPE (CdWindow, cd_window, CD, WINDOW, AdwApplicationWindow)

CdWindow   *cd_window_new          (GtkApplication *application,
                                    CdDatabase     *database,
                                    GSettings      *settings);
CdDatabase *cd_window_get_database (CdWindow       *self);

G_END_DECLS
