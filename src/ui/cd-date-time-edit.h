/* cd-date-time-edit.h — a local date and time, picked from a calendar and two spin buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CD_TYPE_DATE_TIME_EDIT (cd_date_time_edit_get_type ())
G_DECLARE_FINAL_TYPE (CdDateTimeEdit, cd_date_time_edit, CD, DATE_TIME_EDIT, GtkWidget)

GtkWidget *cd_date_time_edit_new      (void);
gint64     cd_date_time_edit_get_time (CdDateTimeEdit *self);
void       cd_date_time_edit_set_time (CdDateTimeEdit *self,
                                       gint64          usec);

G_END_DECLS
