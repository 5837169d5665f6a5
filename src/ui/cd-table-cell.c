/* cd-table-cell.c — a text cell of the case list's and the blacklist's column views
 *
 * A GtkInscription, made for list cells: it takes the width its column gives it without
 * measuring its text, which keeps scrolling through long lists cheap, and ellipsizes what
 * does not fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cd-table-cell.h"

/**
 * cd_table_cell_new:
 * @min_chars: the narrowest the column may become, in characters; it asks for six more
 *
 * Returns: (transfer floating): an empty cell
 */
GtkWidget *
cd_table_cell_new (int min_chars)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), (guint) min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), (guint) min_chars + 6);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  return cell;
}
