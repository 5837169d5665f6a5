/* cd-case-row.h — one row of the case list, every column's text drawn by one widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CD_TYPE_CASE_ROW (cd_case_row_get_type ())
G_DECLARE_FINAL_TYPE (CdCaseRow, cd_case_row, CD, CASE_ROW, GtkWidget)

GHashTable *cd_case_row_new_shared_layouts (void);
GtkWidget  *cd_case_row_new       (GtkColumnView *header,
                                   guint          end_aligned,
                                   guint          shared_cells,
                                   GHashTable    *shared_layouts);
void        cd_case_row_set_cells (CdCaseRow     *self,
                                   char         **texts,
                                   guint          error_cells,
                                   const char    *accessible_label);
guint       cd_case_row_get_n_cells (CdCaseRow   *self);
const char *cd_case_row_get_text  (CdCaseRow     *self,
                                   guint          cell);
gboolean    cd_case_row_get_cell_bounds (CdCaseRow       *self,
                                         guint            cell,
                                         graphene_rect_t *bounds);

G_END_DECLS
