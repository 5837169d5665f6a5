/* cd-time.h — instants as microseconds since the Unix epoch, UTC
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "No time": a promise without a deadline, a follow-up not yet done. */
#define CD_TIME_UNSET G_MININT64

gboolean  cd_time_parse  (const char  *text,
                          gint64      *usec,
                          GError     **error);
char     *cd_time_format (gint64       usec);
gint64    cd_time_now    (void);

GDateTime *cd_time_month_start (GTimeZone *zone,
                                int        year,
                                int        month,
                                int        offset);

G_END_DECLS
