/* cd-importer.c — reading the exchange format (../shared/formats) into the database
 *
 * An import is all or nothing: everything is written in one transaction, which is rolled
 * back at the first problem anywhere in the file, so a file that fails changes nothing. The
 * error names the place: `cases[17].order.amount_minor: must be an integer >= 0`.
 *
 * A large export is read a record at a time rather than as one tree. The bytes are checked
 * (size, UTF-8), cd-json-scan finds the top-level members and the elements of "cases" and
 * "blacklist", and a second thread parses each element with json-glib and converts it into
 * a record while this thread stores the records before it. Memory stays small whatever the
 * file's size, and the two cores share the work.
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
#include "cd-import-private.h"
#include "cd-importer.h"
#include "cd-json-scan.h"
#include "cd-template-repository.h"

#define BATCH_SIZE 256
#define BATCHES_IN_FLIGHT 32

enum { LIST_CASES, LIST_BLACKLIST, N_LISTS };

static const char *const list_names[N_LISTS] = { "cases", "blacklist" };
static const CdImportReadFunc list_readers[N_LISTS] = {
  cd_import_read_case,
  cd_import_read_entry,
};

/* Records travel from the reading thread to the writing one in batches. */
typedef struct
{
  guint      list;
  guint      first;    /* index of the first record in its list */
  GPtrArray *records;
  gboolean   last;     /* nothing follows: the end, or the reader's error */
} Batch;

typedef struct
{
  const char  *data;
  GArray      *elements[N_LISTS];  /* CdJsonSpan */

  GAsyncQueue *batches;            /* Batch, reader → writer */
  GAsyncQueue *tokens;             /* bounds the batches in flight: each a Batch stored, for
                                    * the reader to free, or TOKEN_FREE */
  gint         cancelled;          /* the writer gave up: the reader stops */
  GError      *error;              /* the reader's */
} Pipeline;

static void
batch_free (Batch *batch)
{
  g_clear_pointer (&batch->records, g_ptr_array_unref);
  g_free (batch);
}

/* A token with no stored batch to free */
#define TOKEN_FREE GINT_TO_POINTER (1)

/* The stored batches are freed here, on the reader's thread, which allocated their records:
 * freeing them took the storing thread's time, and that thread is the slower. */
static void
send_batch (Pipeline *pipeline,
            Batch    *batch)
{
  gpointer token = g_async_queue_pop (pipeline->tokens);

  if (token != TOKEN_FREE)
    batch_free (token);
  g_async_queue_push (pipeline->batches, batch);
}

static Batch *
new_batch (guint list,
           guint first)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->list = list;
  batch->first = first;
  batch->records = g_ptr_array_new_full (BATCH_SIZE, g_object_unref);
  return batch;
}

/* Parses and converts one element; NULL with the context's error set. */
static gpointer
read_element (CdImportContext *context,
              JsonParser      *parser,
              const char      *data,
              CdJsonSpan       span,
              CdImportReadFunc read)
{
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object;

  if (!json_parser_load_from_data (parser, data + span.offset, (gssize) span.length,
                                   &parse_error))
    {
      cd_import_fail (context, _("not valid JSON: %s"), parse_error->message);
      return NULL;
    }
  object = cd_import_element_object (context, json_parser_get_root (parser));
  return object != NULL ? read (context, object) : NULL;
}

static gpointer
reader_thread (gpointer user_data)
{
  Pipeline *pipeline = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) path = g_string_new (NULL);
  CdImportContext context = { path, &pipeline->error, NULL };

  for (guint list = 0; list < N_LISTS; list++)
    {
      GArray *elements = pipeline->elements[list];
      Batch *batch = new_batch (list, 0);

      for (guint i = 0; i < elements->len; i++)
        {
          gsize mark;
          gpointer record;

          if (g_atomic_int_get (&pipeline->cancelled))
            break;

          mark = cd_import_push_index (&context, list_names[list], i);
          record = read_element (&context, parser, pipeline->data,
                                 g_array_index (elements, CdJsonSpan, i), list_readers[list]);
          cd_import_pop (&context, mark);
          if (record == NULL)
            {
              batch->last = TRUE;
              send_batch (pipeline, batch);
              return NULL;
            }

          g_ptr_array_add (batch->records, record);
          if (batch->records->len == BATCH_SIZE)
            {
              send_batch (pipeline, batch);
              batch = new_batch (list, i + 1);
            }
        }
      send_batch (pipeline, batch);
    }

  {
    Batch *end = new_batch (N_LISTS, 0);

    end->last = TRUE;
    send_batch (pipeline, end);
  }
  return NULL;
}

/* The import as a whole */

typedef struct
{
  CdDatabase            *db;
  CdCaseRepository      *cases;
  CdBlacklistRepository *blacklist;
  CdTemplateRepository  *templates;
  GHashTable            *seen[N_LISTS];  /* uid → index + 1 */
  guint                  unindexed;      /* cases stored and not yet in the search index */
  CdImportStats          stats;
  CdProgressFunc         progress;
  gpointer               progress_data;
  double                 last_reported;
  guint                  total;
  guint                  stored;
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
store_batch (Writer   *writer,
             Batch    *batch,
             GError  **error)
{
  for (guint i = 0; i < batch->records->len; i++)
    {
      gpointer record = g_ptr_array_index (batch->records, i);
      guint index = batch->first + i;
      CdStoreResult result;

      if (batch->list == LIST_CASES)
        {
          CdCase *kase = record;

          if (!check_unique (writer->seen[LIST_CASES], "cases", kase->uid, index, error) ||
              !cd_case_repository_store_imported (writer->cases, kase, &result, error))
            return FALSE;
          writer->unindexed++;
          (*(result == CD_STORE_ADDED ? &writer->stats.cases_added :
             result == CD_STORE_UPDATED ? &writer->stats.cases_updated :
             &writer->stats.cases_unchanged))++;
        }
      else
        {
          CdBlacklistEntry *entry = record;

          if (!check_unique (writer->seen[LIST_BLACKLIST], "blacklist", entry->uid, index,
                             error) ||
              !cd_blacklist_repository_store_imported (writer->blacklist, entry, &result,
                                                       error))
            return FALSE;
          (*(result == CD_STORE_ADDED ? &writer->stats.entries_added :
             result == CD_STORE_UPDATED ? &writer->stats.entries_updated :
             &writer->stats.entries_unchanged))++;
        }
    }
  writer->stored += batch->records->len;
  report (writer, 0.05 + 0.9 * writer->stored / MAX (writer->total, 1));
  return TRUE;
}

/* Runs the reader thread and stores what it sends. The caller holds the transaction. */
static gboolean
store_records (Writer    *writer,
               Pipeline  *pipeline,
               GError   **error)
{
  GError *local_error = NULL;
  GThread *thread;
  gboolean ok = TRUE;

  pipeline->batches = g_async_queue_new ();
  pipeline->tokens = g_async_queue_new ();
  for (int i = 0; i < BATCHES_IN_FLIGHT; i++)
    g_async_queue_push (pipeline->tokens, TOKEN_FREE);

  thread = g_thread_new ("cd-import-reader", reader_thread, pipeline);
  for (;;)
    {
      Batch *batch = g_async_queue_try_pop (pipeline->batches);
      gboolean last;

      if (batch == NULL)
        {
          /* Nothing parsed to store yet (cases are long to parse): meanwhile, the cases
           * stored so far go into the search index, instead of all of them at the end. */
          if (ok && writer->unindexed > 0)
            {
              if (cd_case_repository_index_bulk (writer->cases, &local_error))
                writer->unindexed = 0;
              else
                {
                  ok = FALSE;
                  g_atomic_int_set (&pipeline->cancelled, TRUE);
                }
            }
          batch = g_async_queue_pop (pipeline->batches);
        }
      last = batch->last;

      /* After a failure the batches still coming are only drained. */
      if (ok && !store_batch (writer, batch, &local_error))
        {
          ok = FALSE;
          g_atomic_int_set (&pipeline->cancelled, TRUE);
        }
      if (last)
        {
          batch_free (batch);
          break;
        }
      g_async_queue_push (pipeline->tokens, batch);
    }
  g_thread_join (thread);
  /* The batches the reader, done, did not come back for */
  for (gpointer token; (token = g_async_queue_try_pop (pipeline->tokens)) != NULL;)
    if (token != TOKEN_FREE)
      batch_free (token);
  g_async_queue_unref (pipeline->batches);
  g_async_queue_unref (pipeline->tokens);

  if (pipeline->error != NULL)
    {
      g_clear_error (&local_error);
      g_propagate_error (error, g_steal_pointer (&pipeline->error));
      return FALSE;
    }
  if (!ok)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
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

static gboolean
check_text (const char  *data,
            gsize        length,
            GError     **error)
{
  const char *end = NULL;

  if (!g_utf8_validate (data, (gssize) length, &end))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT,
                   _("the file is not UTF-8 text (byte %zu is not)"), (size_t) (end - data));
      return FALSE;
    }
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
  JsonObject *header;
  CdJsonSpan  lists[N_LISTS];
  gboolean    has_list[N_LISTS];
} Document;

static gboolean
read_top_level (const char  *data,
                gsize        length,
                Document    *doc,
                GError     **error)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (CdJsonMember));
  g_autoptr(JsonParser) parser = json_parser_new ();
  gboolean is_object;
  gboolean ok = TRUE;

  if (!cd_json_scan_root (data, length, CD_IMPORT_MAX_DEPTH, members, &is_object, error))
    ok = FALSE;
  else if (!is_object)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                   _("the file is not a CompDesk export: its top level is not an object"));
      ok = FALSE;
    }

  doc->header = json_object_new ();
  for (guint i = 0; ok && i < members->len; i++)
    {
      CdJsonMember *member = &g_array_index (members, CdJsonMember, i);
      g_autoptr(GError) parse_error = NULL;
      int list = g_str_equal (member->key, "cases") ? LIST_CASES
               : g_str_equal (member->key, "blacklist") ? LIST_BLACKLIST : -1;

      if (list >= 0 && data[member->value.offset] == '[')
        {
          doc->lists[list] = member->value;
          doc->has_list[list] = TRUE;
          json_object_set_array_member (doc->header, member->key, json_array_new ());
          continue;
        }
      if (list >= 0)
        doc->has_list[list] = FALSE;

      if (!json_parser_load_from_data (parser, data + member->value.offset,
                                       (gssize) member->value.length, &parse_error))
        {
          g_set_error (error, CD_ERROR, CD_ERROR_IMPORT, _("%s: not valid JSON: %s"),
                       member->key, parse_error->message);
          ok = FALSE;
          break;
        }
      json_object_set_member (doc->header, member->key,
                              json_node_copy (json_parser_get_root (parser)));
    }

  for (guint i = 0; i < members->len; i++)
    g_free (g_array_index (members, CdJsonMember, i).key);
  return ok;
}

static void
writer_clear (Writer *writer)
{
  g_clear_object (&writer->cases);
  g_clear_object (&writer->blacklist);
  g_clear_object (&writer->templates);
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&writer->seen[i], g_hash_table_unref);
}

/* Everything after the checks, in one transaction. */
static gboolean
store_document (Writer          *writer,
                CdShopSettings  *shop,
                GPtrArray       *templates,
                Pipeline        *pipeline,
                GError         **error)
{
  if (!cd_database_begin (writer->db, error))
    return FALSE;

  if ((shop != NULL && !cd_shop_settings_save (shop, writer->db, error)) ||
      !store_templates (writer, templates, error) ||
      !cd_case_repository_begin_bulk (writer->cases, error))
    goto failed;

  if (!store_records (writer, pipeline, error))
    {
      cd_case_repository_end_bulk (writer->cases, NULL);
      goto failed;
    }
  if (!cd_case_repository_end_bulk (writer->cases, error) ||
      !cd_database_commit (writer->db, error))
    goto failed;
  return TRUE;

failed:
  if (cd_database_in_transaction (writer->db))
    cd_database_rollback (writer->db);
  return FALSE;
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
check_blacklist_only (GArray     *cases,
                      GPtrArray  *templates,
                      GError    **error)
{
  if (cases->len > 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the file holds %u case, not only a blacklist; import it as a "
                                "whole instead",
                                "the file holds %u cases, not only a blacklist; import it as a "
                                "whole instead", cases->len), cases->len);
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
  Pipeline pipeline = { 0 };
  Writer writer = { 0 };
  g_autoptr(GString) path = g_string_new (NULL);
  CdImportContext context = { path, error, NULL };
  g_autoptr(CdShopSettings) shop = NULL;
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
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

  if (!check_size ((goffset) length, error) || !check_text (data, length, error) ||
      !read_top_level (data, length, &doc, error) ||
      !cd_import_read_header (&context, doc.header, &shop) ||
      !cd_import_read_list (&context, doc.header, "templates", cd_import_read_template,
                            templates))
    goto out;

  pipeline.data = data;
  for (guint list = 0; list < N_LISTS; list++)
    {
      pipeline.elements[list] = g_array_new (FALSE, FALSE, sizeof (CdJsonSpan));
      if (doc.has_list[list] &&
          !cd_json_scan_array (data, length, doc.lists[list], CD_IMPORT_MAX_DEPTH,
                               pipeline.elements[list], error))
        goto out;
      writer.total += pipeline.elements[list]->len;
      writer.seen[list] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  if (scope == IMPORT_BLACKLIST)
    {
      if (!check_blacklist_only (pipeline.elements[LIST_CASES], templates, error))
        goto out;
      g_clear_object (&shop);
    }
  report (&writer, 0.05);

  writer.cases = cd_case_repository_new (db);
  writer.blacklist = cd_blacklist_repository_new (db);
  writer.templates = cd_template_repository_new (db);
  if (!store_document (&writer, shop, templates, &pipeline, error))
    goto out;

  report (&writer, 1.0);
  if (stats != NULL)
    *stats = writer.stats;
  ok = TRUE;

out:
  writer_clear (&writer);
  for (guint list = 0; list < N_LISTS; list++)
    g_clear_pointer (&pipeline.elements[list], g_array_unref);
  g_clear_pointer (&doc.header, json_object_unref);
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
