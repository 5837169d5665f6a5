/* cd-import-private.h — the importer's record readers (cd-import-records.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cd-blacklist-entry.h"
#include "cd-case.h"
#include "cd-message-template.h"
#include "cd-shop-settings.h"

G_BEGIN_DECLS

/* Where a reader is in the document, for error messages, and where errors go. */
typedef struct
{
  GString        *path;   /* "cases[17].order" */
  GError        **error;
  CdShopSettings *shop;   /* read_header's scratch */
} CdImportContext;

typedef gpointer (*CdImportReadFunc) (CdImportContext *import,
                                      JsonObject      *object);

gboolean    cd_import_fail            (CdImportContext  *import,
                                       const char       *format,
                                       ...) G_GNUC_PRINTF (2, 3);
gsize       cd_import_push_key        (CdImportContext  *import,
                                       const char       *key);
gsize       cd_import_push_index      (CdImportContext  *import,
                                       const char       *key,
                                       guint             index);
void        cd_import_pop             (CdImportContext  *import,
                                       gsize             mark);

gpointer    cd_import_read_case       (CdImportContext  *import,
                                       JsonObject       *object);
gpointer    cd_import_read_entry      (CdImportContext  *import,
                                       JsonObject       *object);
gpointer    cd_import_read_template   (CdImportContext  *import,
                                       JsonObject       *object);
gboolean    cd_import_read_list       (CdImportContext  *import,
                                       JsonObject       *object,
                                       const char       *key,
                                       CdImportReadFunc  read,
                                       GPtrArray        *into);
gboolean    cd_import_read_header     (CdImportContext  *import,
                                       JsonObject       *root,
                                       CdShopSettings  **shop);
JsonObject *cd_import_element_object  (CdImportContext  *import,
                                       JsonNode         *node);

/* In cd-importer.c; cd-blacklist-csv.c reads its files the same way. */
GBytes     *cd_import_map_file        (const char       *path,
                                       GError          **error);

G_END_DECLS
