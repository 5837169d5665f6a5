/* cd-table-cell.h — a text cell of the case list's and the blacklist's column views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What measuring needs of a font, in Pango units. */
typedef struct
{
  PangoFontDescription *font;
  PangoLanguage        *language;
  int                   char_width;
  int                   line_height;
} CdFontMetrics;

const CdFontMetrics *cd_font_metrics_get (PangoContext *context);
void                 cd_layout_fit_width (PangoLayout  *layout,
                                          int           width);

#define CD_TYPE_TABLE_CELL (cd_table_cell_get_type ())
G_DECLARE_FINAL_TYPE (CdTableCell, cd_table_cell, CD, TABLE_CELL, GtkWidget)

GtkWidget  *cd_table_cell_new        (int          min_chars);
void        cd_table_cell_set_text   (CdTableCell *self,
                                      const char  *text);
const char *cd_table_cell_get_text   (CdTableCell *self);
void        cd_table_cell_set_xalign (CdTableCell *self,
                                      float        xalign);

G_END_DECLS
