/* cd-blacklist-csv.h — the blacklist as CSV (RFC 4180), out and in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-database.h"
#include "cd-importer.h"

G_BEGIN_DECLS

/* The header row of an export, and the columns an import knows. */
#define CD_BLACKLIST_CSV_HEADER \
  "uid,platform,buyer_id,nickname,phone,name,reason,evidence,case_uids,added_at,active"

gboolean cd_blacklist_csv_export_to_stream (CdDatabase     *db,
                                            GOutputStream  *stream,
                                            GCancellable   *cancellable,
                                            GError        **error);
gboolean cd_blacklist_csv_export_to_file   (CdDatabase     *db,
                                            const char     *path,
                                            GError        **error);

gboolean cd_blacklist_csv_import_bytes     (CdDatabase     *db,
                                            GBytes         *bytes,
                                            CdImportStats  *stats,
                                            GError        **error);
gboolean cd_blacklist_csv_import_file      (CdDatabase     *db,
                                            const char     *path,
                                            CdImportStats  *stats,
                                            GError        **error);

G_END_DECLS
