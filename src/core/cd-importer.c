/* cd-importer.c — reading the exchange format (../shared/formats) into the database
 *
 * An import is all or nothing: everything is written in one transaction, which is rolled
 * back at the first problem anywhere in the file, so a file that fails changes nothing. The
 * error names the place: `cases[17].order.amount_minor: must be an integer >= 0`.
 *
 * A large export is read a record at a time rather than as one tree. One pass of cd-json-scan
 * checks the bytes (UTF-8, the structure between values, the nesting) and finds the
 * top-level members and the elements of "cases" and "blacklist". As it finds them, a second
 * thread starts parsing the elements with json-glib, in batches (cd-import-pipeline.c), and
 * once the header is checked this thread stores them in order, the blacklist's before the
 * cases, parsing too whenever the next batch is not ready. Memory stays small whatever the
 * file's size, and both cores work throughout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-importer"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cd-blacklist-repository.h"
#include "cd-case-repository.h"
#include "cd-error.h"
#include "cd-import-pipeline.h"
#include "cd-import-private.h"
#include "cd-importer.h"
#include "cd-json-scan.h"
#include "cd-template-repository.h"

/* The members read a record at a time, by their CD_IMPORT_* number */
static const char *const list_names[CD_IMPORT_N_LISTS + 1] = { "blacklist", "cases", NULL };

/* The import as a whole */

typedef struct
{
  CdDatabase            *db;
  CdCaseRepository      *cases;
  CdBlacklistRepository *blacklist;
  CdTemplateRepository  *templates;
  GHashTable            *seen[CD_IMPORT_N_LISTS];  /* uid → index + 1 */
  guint                  unindexed;      /* cases stored and not yet in the search index */
  CdImportStats          stats;
  CdProgressFunc         progress;
  gpointer               progress_data;
  double                 last_reported;
  guint                  total;
  guint                  stored;
  guint                  n_entries;      /* in the file's blacklist */
} Writer;

static void
report (Writer *writer,
        double  fraction)
{
  if (writer->progress == NULL || (fraction - writer->last_reported < 0.01 && fraction < 1.0))
    return;
  writer->last_reported = fraction;
  writer->progress (MIN (fraction, 1.0), writer->progress_data);
}

/* A uid may stand only once in each list: two versions of one record in one file have no
 * order to decide between them. */
static gboolean
check_unique (GHashTable  *seen,
              const char  *list,
              const char  *uid,
              guint        index,
              GError     **error)
{
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (seen, uid));

  if (first != 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID, _("%s[%u].uid: the same uid as %s[%u]"),
                   list, index, list, first - 1);
      return FALSE;
    }
  g_hash_table_insert (seen, g_strdup (uid), GUINT_TO_POINTER (index + 1));
  return TRUE;
}

static gboolean
store_batch (Writer         *writer,
             CdImportBatch  *batch,
             GError        **error)
{
  for (guint i = 0; i < batch->records->len; i++)
    {
      gpointer record = g_ptr_array_index (batch->records, i);
      guint index = batch->first + i;
      CdStoreResult result;

      if (batch->list == CD_IMPORT_CASES)
        {
          CdCase *kase = record;

          if (!check_unique (writer->seen[CD_IMPORT_CASES], "cases", kase->uid, index, error) ||
              !cd_case_repository_store_imported_full (writer->cases, kase,
                                                       g_ptr_array_index (batch->search_bodies, i),
                                                       &result, error))
            return FALSE;
          writer->unindexed++;
          (*(result == CD_STORE_ADDED ? &writer->stats.cases_added :
             result == CD_STORE_UPDATED ? &writer->stats.cases_updated :
             &writer->stats.cases_unchanged))++;
        }
      else
        {
          CdBlacklistEntry *entry = record;

          if (!check_unique (writer->seen[CD_IMPORT_BLACKLIST], "blacklist", entry->uid, index,
                             error) ||
              !cd_blacklist_repository_store_imported_full (writer->blacklist, entry,
                                                            &g_array_index (batch->keys,
                                                                            CdBlacklistKeys, i),
                                                            &result, error))
            return FALSE;
          (*(result == CD_STORE_ADDED ? &writer->stats.entries_added :
             result == CD_STORE_UPDATED ? &writer->stats.entries_updated :
             &writer->stats.entries_unchanged))++;
        }
    }
  writer->stored += batch->records->len;
  report (writer, 0.05 + 0.9 * writer->stored / MAX (writer->total, 1));
  if (batch->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&batch->error));
      return FALSE;
    }
  return TRUE;
}

/* The search index is filled every so many cases rather than all at the end, when the
 * other thread would have nothing left to do. */
#define INDEX_EVERY 2048

/* Stores every record as the pipeline hands it over. The caller holds the transaction. */
static gboolean
store_records (Writer            *writer,
               CdImportPipeline  *pipeline,
               GError           **error)
{
  CdImportBatch *batch;
  gboolean ok = TRUE;

  while (ok && (batch = cd_import_pipeline_next (pipeline)) != NULL)
    {
      gboolean last_entries = batch->list == CD_IMPORT_BLACKLIST &&
                              batch->first + batch->records->len == writer->n_entries;

      ok = store_batch (writer, batch, error);
      if (ok && writer->unindexed >= INDEX_EVERY)
        {
          ok = cd_case_repository_index_bulk (writer->cases, error);
          writer->unindexed = 0;
        }
      cd_import_pipeline_stored (pipeline, batch, ok);

      /* The blacklist is all stored: its indexes are built while cases are parsed. */
      if (ok && last_entries)
        ok = cd_blacklist_repository_end_bulk (writer->blacklist, TRUE, error);
    }
  return ok;
}

static gboolean
store_templates (Writer     *writer,
                 GPtrArray  *templates,
                 GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < templates->len; i++)
    {
      CdMessageTemplate *tmpl = g_ptr_array_index (templates, i);
      CdStoreResult result;

      if (!check_unique (seen, "templates", tmpl->uid, i, error) ||
          !cd_template_repository_store_imported (writer->templates, tmpl, &result, error))
        return FALSE;
      (*(result == CD_STORE_ADDED ? &writer->stats.templates_added :
         result == CD_STORE_UPDATED ? &writer->stats.templates_updated :
         &writer->stats.templates_unchanged))++;
    }
  return TRUE;
}

/* Checks */

static gboolean
check_size (goffset   length,
            GError  **error)
{
  if (length == 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT, _("the file is empty"));
      return FALSE;
    }
  if (length > CD_IMPORT_MAX_BYTES)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT,
                   _("the file is larger than %d MB, more than any CompDesk export"),
                   (int) (CD_IMPORT_MAX_BYTES / (1024 * 1024)));
      return FALSE;
    }
  return TRUE;
}

/* The scan checks the rest, UTF-8 included. */
static gboolean
check_blank (const char  *data,
             gsize        length,
             GError     **error)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return TRUE;
  g_set_error (error, CD_ERROR, CD_ERROR_IMPORT, _("the file is empty"));
  return FALSE;
}

/* The document without its two big lists: every other member parsed, "cases" and
 * "blacklist" standing as empty arrays (their elements are read one by one), or as what they
 * are when they are not arrays, so that the header check names them. */
typedef struct
{
  CdImportPipeline *pipeline;                  /* what parses the lists' elements */
  GArray           *members;                   /* CdJsonMember, from the scan */
  JsonObject       *header;
  GArray           *lists[CD_IMPORT_N_LISTS];  /* CdJsonSpan: each list's elements */
} Document;

/* The scan found an element of "cases" or "blacklist": the pipeline parses it while the
 * scan goes on. */
static void
on_element (guint      member,
            CdJsonSpan element,
            gpointer   user_data)
{
  Document *doc = user_data;
  const char *key = g_array_index (doc->members, CdJsonMember, member).key;

  cd_import_pipeline_add (doc->pipeline,
                          g_str_equal (key, list_names[CD_IMPORT_CASES]) ? CD_IMPORT_CASES
                                                                         : CD_IMPORT_BLACKLIST,
                          member, element);
}

static gboolean
read_top_level (const char  *data,
                gsize        length,
                Document    *doc,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  int last_members[CD_IMPORT_N_LISTS] = { -1, -1 };
  gboolean is_object;

  doc->members = cd_json_members_new ();
  doc->header = json_object_new ();

  if (!cd_json_scan_root (data, length, CD_IMPORT_MAX_DEPTH, list_names, on_element, doc,
                          doc->members, &is_object, error))
    return FALSE;
  for (guint i = 0; i < doc->members->len; i++)
    for (guint list = 0; list < CD_IMPORT_N_LISTS; list++)
      if (g_str_equal (g_array_index (doc->members, CdJsonMember, i).key, list_names[list]))
        last_members[list] = (int) i;
  cd_import_pipeline_scanned (doc->pipeline, last_members);
  if (!is_object)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                   _("the file is not a CompDesk export: its top level is not an object"));
      return FALSE;
    }

  for (guint i = 0; i < doc->members->len; i++)
    {
      CdJsonMember *member = &g_array_index (doc->members, CdJsonMember, i);
      g_autoptr(GError) parse_error = NULL;
      int list = g_str_equal (member->key, list_names[CD_IMPORT_CASES]) ? CD_IMPORT_CASES
               : g_str_equal (member->key, list_names[CD_IMPORT_BLACKLIST]) ? CD_IMPORT_BLACKLIST
               : -1;

      /* A name twice: the last one counts, as json-glib has it. */
      if (list >= 0)
        doc->lists[list] = member->elements;
      if (member->elements != NULL)
        {
          json_object_set_array_member (doc->header, member->key, json_array_new ());
          continue;
        }

      if (!json_parser_load_from_data (parser, data + member->value.offset,
                                       (gssize) member->value.length, &parse_error))
        {
          g_set_error (error, CD_ERROR, CD_ERROR_IMPORT, _("%s: not valid JSON: %s"),
                       member->key, parse_error->message);
          return FALSE;
        }
      json_object_set_member (doc->header, member->key,
                              json_node_copy (json_parser_get_root (parser)));
    }
  return TRUE;
}

static void
writer_clear (Writer *writer)
{
  g_clear_object (&writer->cases);
  g_clear_object (&writer->blacklist);
  g_clear_object (&writer->templates);
  for (guint i = 0; i < CD_IMPORT_N_LISTS; i++)
    g_clear_pointer (&writer->seen[i], g_hash_table_unref);
}

/* SQLite keeps 2 MB of pages by default. A large import inserts all over the tables and
 * their indexes, and stores about a quarter faster with more of them at hand (bench/import);
 * the connection's own size comes back after. */
#define IMPORT_CACHE_KIB 65536

static gint64
get_cache_size (CdDatabase *db)
{
  sqlite3_stmt *stmt = cd_database_prepare (db, "PRAGMA cache_size", NULL);
  gint64 size = -2000;  /* SQLite's default */

  if (stmt != NULL && cd_database_step (db, stmt, NULL) == CD_STEP_ROW)
    {
      size = sqlite3_column_int64 (stmt, 0);
      cd_database_release (stmt);
    }
  return size;
}

static gboolean
set_cache_size (CdDatabase  *db,
                gint64       size,
                GError     **error)
{
  /* A PRAGMA takes no parameters; this is a number. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);

  return cd_database_exec (db, sql, error);
}

/* Everything after the checks, in one transaction. */
static gboolean
store_in_transaction (Writer            *writer,
                      CdShopSettings    *shop,
                      GPtrArray         *templates,
                      CdImportPipeline  *pipeline,
                      GError           **error)
{
  if (!cd_database_begin (writer->db, error))
    return FALSE;

  if ((shop != NULL && !cd_shop_settings_save (shop, writer->db, error)) ||
      !store_templates (writer, templates, error) ||
      !cd_case_repository_begin_bulk (writer->cases, error))
    goto failed;
  if (!cd_blacklist_repository_begin_bulk (writer->blacklist, writer->n_entries, error))
    {
      cd_case_repository_end_bulk (writer->cases, NULL);
      goto failed;
    }

  if (!store_records (writer, pipeline, error))
    {
      cd_case_repository_end_bulk (writer->cases, NULL);
      cd_blacklist_repository_end_bulk (writer->blacklist, FALSE, NULL);
      goto failed;
    }
  if (!cd_case_repository_end_bulk (writer->cases, error) ||
      !cd_blacklist_repository_end_bulk (writer->blacklist, TRUE, error))
    goto failed;
  if (!cd_database_commit (writer->db, error))
    goto failed;
  return TRUE;

failed:
  if (cd_database_in_transaction (writer->db))
    cd_database_rollback (writer->db);
  return FALSE;
}

/* Everything after the checks, in one transaction, with a larger page cache. */
static gboolean
store_document (Writer            *writer,
                CdShopSettings    *shop,
                GPtrArray         *templates,
                CdImportPipeline  *pipeline,
                GError           **error)
{
  gint64 cache_size = get_cache_size (writer->db);
  gboolean ok;

  if (!set_cache_size (writer->db, -IMPORT_CACHE_KIB, error))
    return FALSE;
  ok = store_in_transaction (writer, shop, templates, pipeline, error);
  set_cache_size (writer->db, cache_size, NULL);
  return ok;
}

/* What an import takes from the document. */
typedef enum
{
  IMPORT_EVERYTHING,
  /* The blacklist alone: a file with cases or templates is refused rather than half read,
   * and the shop's settings in it are left alone, so a list shared by another shop does not
   * rename this one. */
  IMPORT_BLACKLIST,
} ImportScope;

static gboolean
check_blacklist_only (guint       n_cases,
                      GPtrArray  *templates,
                      GError    **error)
{
  if (n_cases > 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the file holds %u case, not only a blacklist; import it as a "
                                "whole instead",
                                "the file holds %u cases, not only a blacklist; import it as a "
                                "whole instead", n_cases), n_cases);
      return FALSE;
    }
  if (templates->len > 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the file holds %u message template, not only a blacklist; "
                                "import it as a whole instead",
                                "the file holds %u message templates, not only a blacklist; "
                                "import it as a whole instead", templates->len),
                   templates->len);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_bytes (CdDatabase      *db,
              GBytes          *bytes,
              ImportScope      scope,
              CdProgressFunc   progress,
              gpointer         user_data,
              CdImportStats   *stats,
              GError         **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  Document doc = { 0 };
  Writer writer = { 0 };
  g_autoptr(GString) path = g_string_new (NULL);
  CdImportContext context = { path, error, NULL };
  g_autoptr(CdShopSettings) shop = NULL;
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_elements[CD_IMPORT_N_LISTS];
  gboolean ok = FALSE;

  /* A UTF-8 byte-order mark is not JSON, but some editors write one. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  writer.db = db;
  writer.progress = progress;
  writer.progress_data = user_data;
  writer.last_reported = -1;
  report (&writer, 0.0);

  if (!check_size ((goffset) length, error) || !check_blank (data, length, error))
    goto out;
  /* Parsing starts on the second thread while the scan goes on. */
  doc.pipeline = cd_import_pipeline_new (data, length);
  if (!read_top_level (data, length, &doc, error) ||
      !cd_import_read_header (&context, doc.header, &shop) ||
      !cd_import_read_list (&context, doc.header, "templates", cd_import_read_template,
                            templates))
    goto out;

  for (guint list = 0; list < CD_IMPORT_N_LISTS; list++)
    {
      n_elements[list] = doc.lists[list] != NULL ? doc.lists[list]->len : 0;
      writer.total += n_elements[list];
      writer.seen[list] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  writer.n_entries = n_elements[CD_IMPORT_BLACKLIST];
  if (scope == IMPORT_BLACKLIST)
    {
      if (!check_blacklist_only (n_elements[CD_IMPORT_CASES], templates, error))
        goto out;
      g_clear_object (&shop);
    }
  report (&writer, 0.05);

  writer.cases = cd_case_repository_new (db);
  writer.blacklist = cd_blacklist_repository_new (db);
  writer.templates = cd_template_repository_new (db);
  if (!store_document (&writer, shop, templates, doc.pipeline, error))
    goto out;

  report (&writer, 1.0);
  if (stats != NULL)
    *stats = writer.stats;
  ok = TRUE;

out:
  g_clear_pointer (&doc.pipeline, cd_import_pipeline_free);
  writer_clear (&writer);
  g_clear_pointer (&doc.header, json_object_unref);
  g_clear_pointer (&doc.members, g_array_unref);
  return ok;
}

/* Returns: (transfer full): the file's bytes, mapped rather than read into memory; NULL with
 * @error set when it is missing, not a regular file, empty or too large. */
GBytes *
cd_import_map_file (const char  *path,
                    GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot be read: %s"), g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT, _("is not a regular file"));
      return NULL;
    }
  if (!check_size (st.st_size, error))
    return NULL;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT, _("cannot be read: %s"),
                   local_error->message);
      return NULL;
    }
  return g_mapped_file_get_bytes (mapped);
}

/**
 * cd_import_bytes:
 * @progress: (nullable) (scope call): told how far the import has come
 * @stats: (out caller-allocates) (optional): what was added, updated and left alone
 *
 * Imports a whole exchange-format document, all or nothing.
 */
gboolean
cd_import_bytes (CdDatabase      *db,
                 GBytes          *bytes,
                 CdProgressFunc   progress,
                 gpointer         user_data,
                 CdImportStats   *stats,
                 GError         **error)
{
  return import_bytes (db, bytes, IMPORT_EVERYTHING, progress, user_data, stats, error);
}

/**
 * cd_import_file:
 * @path: the file
 *
 * Like cd_import_bytes(), for a file, which is mapped rather than read into memory.
 */
gboolean
cd_import_file (CdDatabase      *db,
                const char      *path,
                CdProgressFunc   progress,
                gpointer         user_data,
                CdImportStats   *stats,
                GError         **error)
{
  g_autoptr(GBytes) bytes = cd_import_map_file (path, error);

  if (bytes == NULL)
    return FALSE;
  return import_bytes (db, bytes, IMPORT_EVERYTHING, progress, user_data, stats, error);
}

/**
 * cd_import_blacklist_bytes:
 * @progress: (nullable) (scope call): told how far the import has come
 * @stats: (out caller-allocates) (optional): what was added, updated and left alone
 *
 * Imports the blacklist of an exchange-format document, all or nothing. The document must
 * hold no cases and no templates (cd_export_blacklist_to_file() writes such a one); the
 * shop's settings in it are ignored.
 */
gboolean
cd_import_blacklist_bytes (CdDatabase      *db,
                           GBytes          *bytes,
                           CdProgressFunc   progress,
                           gpointer         user_data,
                           CdImportStats   *stats,
                           GError         **error)
{
  return import_bytes (db, bytes, IMPORT_BLACKLIST, progress, user_data, stats, error);
}

/**
 * cd_import_blacklist_file:
 * @path: the file
 *
 * Like cd_import_blacklist_bytes(), for a file.
 */
gboolean
cd_import_blacklist_file (CdDatabase      *db,
                          const char      *path,
                          CdProgressFunc   progress,
                          gpointer         user_data,
                          CdImportStats   *stats,
                          GError         **error)
{
  g_autoptr(GBytes) bytes = cd_import_map_file (path, error);

  if (bytes == NULL)
    return FALSE;
  return import_bytes (db, bytes, IMPORT_BLACKLIST, progress, user_data, stats, error);
}
