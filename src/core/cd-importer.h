/* cd-importer.h — reading the exchange format (../shared/formats) into the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-database.h"

G_BEGIN_DECLS

/* @fraction runs from 0 to 1 over the whole import; called a few hundred times at most. */
typedef void (*CdProgressFunc) (double      fraction,
                                gpointer    user_data);

typedef struct
{
  guint cases_added;
  guint cases_updated;
  guint cases_unchanged;
  guint entries_added;
  guint entries_updated;
  guint entries_unchanged;
  guint templates_added;
  guint templates_updated;
  guint templates_unchanged;
} CdImportStats;

/* The largest file we accept; a larger one is refused before it is read. */
#define CD_IMPORT_MAX_BYTES ((goffset) 1 << 30)
/* The deepest nesting of arrays and objects we parse; the format needs 5. */
#define CD_IMPORT_MAX_DEPTH 64

gboolean cd_import_file  (CdDatabase      *db,
                          const char      *path,
                          CdProgressFunc   progress,
                          gpointer         user_data,
                          CdImportStats   *stats,
                          GError         **error);
gboolean cd_import_bytes (CdDatabase      *db,
                          GBytes          *bytes,
                          CdProgressFunc   progress,
                          gpointer         user_data,
                          CdImportStats   *stats,
                          GError         **error);

gboolean cd_import_blacklist_file  (CdDatabase      *db,
                                    const char      *path,
                                    CdProgressFunc   progress,
                                    gpointer         user_data,
                                    CdImportStats   *stats,
                                    GError         **error);
gboolean cd_import_blacklist_bytes (CdDatabase      *db,
                                    GBytes          *bytes,
                                    CdProgressFunc   progress,
                                    gpointer         user_data,
                                    CdImportStats   *stats,
                                    GError         **error);

G_END_DECLS
