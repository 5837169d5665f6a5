/* cd-blacklist-exchange.h — a blacklist file, CSV or JSON, whichever it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-importer.h"

G_BEGIN_DECLS

gboolean cd_blacklist_file_is_csv          (const char      *path);
gboolean cd_blacklist_import_any_file      (CdDatabase      *db,
                                            const char      *path,
                                            CdProgressFunc   progress,
                                            gpointer         user_data,
                                            CdImportStats   *stats,
                                            GError         **error);
gboolean cd_blacklist_export_any_file      (CdDatabase      *db,
                                            const char      *path,
                                            GError         **error);

G_END_DECLS
