/* cd-table-cell.h — a text cell of the case list's and the blacklist's column views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *cd_table_cell_new (int min_chars);

G_END_DECLS
