/* cd-exporter.h — writing everything in the exchange format (../shared/formats)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-database.h"

G_BEGIN_DECLS

gboolean cd_export_to_stream (CdDatabase     *db,
                              GOutputStream  *stream,
                              gint64          exported_at,
                              GCancellable   *cancellable,
                              GError        **error);
gboolean cd_export_to_file   (CdDatabase     *db,
                              const char     *path,
                              GError        **error);

gboolean cd_export_blacklist_to_stream (CdDatabase     *db,
                                        GOutputStream  *stream,
                                        gint64          exported_at,
                                        GCancellable   *cancellable,
                                        GError        **error);
gboolean cd_export_blacklist_to_file   (CdDatabase     *db,
                                        const char     *path,
                                        GError        **error);

G_END_DECLS
