/* cd-format.h — times and money as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cd_format_time        (gint64 usec);
char *cd_format_date        (gint64 usec);
char *cd_format_time_of_day (gint64 usec);

G_END_DECLS
