/* cd-csv.h — writing CSV fields (RFC 4180) that spreadsheets cannot run as formulas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What Excel and WPS need to read a UTF-8 file as UTF-8 rather than the local code page. */
#define CD_CSV_BOM "\xef\xbb\xbf"

gboolean cd_csv_needs_apostrophe (const char *text);
void     cd_csv_append_field     (GString    *out,
                                  const char *text,
                                  gboolean    neutralise);

G_END_DECLS
