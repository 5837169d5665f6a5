/* cd-chart.h — stacked bar charts per month: compensation cost by kind, or satisfaction scores
 * with their average
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CD_TYPE_CHART (cd_chart_get_type ())
G_DECLARE_FINAL_TYPE (CdChart, cd_chart, CD, CHART, GtkWidget)

GtkWidget  *cd_chart_new              (void);
void        cd_chart_set_costs        (CdChart            *self,
                                       const char * const *months,
                                       GPtrArray          *rows,
                                       const char         *currency);
void        cd_chart_set_satisfaction (CdChart            *self,
                                       const char * const *months,
                                       GPtrArray          *rows);
guint       cd_chart_get_n_months     (CdChart            *self);
guint       cd_chart_get_n_series     (CdChart            *self);
gboolean    cd_chart_series_is_used   (CdChart            *self,
                                       guint               series);
const char *cd_chart_get_series_label (CdChart            *self,
                                       guint               series);
void        cd_chart_get_series_color (CdChart            *self,
                                       guint               series,
                                       GdkRGBA            *color);
gboolean    cd_chart_has_average      (CdChart            *self);
gboolean    cd_chart_get_point        (CdChart            *self,
                                       guint               month,
                                       double              width,
                                       double              height,
                                       double             *x,
                                       double             *y);
char       *cd_chart_dup_tooltip_at   (CdChart            *self,
                                       double              x,
                                       double              y);
void        cd_chart_draw             (CdChart            *self,
                                       cairo_t            *cr,
                                       PangoContext       *pango,
                                       double              width,
                                       double              height,
                                       const GdkRGBA      *fg);
void        cd_chart_get_kind_color   (int                 kind,
                                       GdkRGBA            *color);

G_END_DECLS
