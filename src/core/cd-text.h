/* cd-text.h — text folding for search and for blacklist keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *cd_text_fold                 (const char         *text);
char    *cd_text_digits               (const char         *text);
char    *cd_text_phone_key            (const char         *phone);
char    *cd_text_fold_for_search      (const char * const *parts);
char    *cd_text_build_match_query    (const char         *query);
gboolean cd_text_is_blank             (const char         *text);

G_END_DECLS
