/* cd-money.h — gint64 minor units; parsing and formatting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int       cd_money_digits           (const char  *currency);
char     *cd_money_format           (gint64       minor,
                                     const char  *currency);
char     *cd_money_format_for_buyer (gint64       minor,
                                     const char  *currency);
char     *cd_money_format_plain     (gint64       minor,
                                     const char  *currency);
gboolean  cd_money_parse            (const char  *text,
                                     const char  *currency,
                                     gint64      *minor,
                                     GError     **error);

G_END_DECLS
