/* cd-chart.h — a stacked bar chart of compensation cost per month and kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CD_TYPE_CHART (cd_chart_get_type ())
G_DECLARE_FINAL_TYPE (CdChart, cd_chart, CD, CHART, GtkWidget)

GtkWidget  *cd_chart_new            (void);
void        cd_chart_set_costs      (CdChart            *self,
                                     const char * const *months,
                                     GPtrArray          *rows,
                                     const char         *currency);
guint       cd_chart_get_n_months   (CdChart            *self);
char       *cd_chart_dup_tooltip_at (CdChart            *self,
                                     double              x,
                                     double              y);
void        cd_chart_get_kind_color (int                 kind,
                                     GdkRGBA            *color);

G_END_DECLS
