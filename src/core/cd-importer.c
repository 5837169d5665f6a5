/* cd-importer.c — reading the exchange format (../shared/formats) into the database
 *
 * An import is all or nothing: everything is written in one transaction, which is rolled
 * back at the first problem anywhere in the file, so a file that fails changes nothing. The
 * error names the place: `cases[17].order.amount_minor: must be an integer >= 0`.
 *
 * A large export is read a record at a time rather than as one tree. One pass of cd-json-scan
 * checks the bytes (UTF-8, the structure between values, the nesting) and finds the
 * top-level members and the elements of "cases" and "blacklist". Then json-glib parses the
 * elements, in batches, on two threads, and this thread stores them in order, the
 * blacklist's before the cases. Memory stays small whatever the file's size, and both cores
 * work throughout.
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
/* Parsed batches waiting to be stored, at most: bounds the memory an import takes. */
#define BATCHES_AHEAD 48

enum { LIST_CASES, LIST_BLACKLIST, N_LISTS };

static const char *const list_names[N_LISTS + 1] = { "cases", "blacklist", NULL };
static const CdImportReadFunc list_readers[N_LISTS] = {
  cd_import_read_case,
  cd_import_read_entry,
};

/* The records of one job: up to BATCH_SIZE consecutive elements of one list. */
typedef struct
{
  GPtrArray *records;
  /* What storing a record needs worked out from it, worked out by the parsing thread */
  GPtrArray *search_bodies;  /* of cases: cd_case_search_body() */
  GArray    *keys;           /* of blacklist entries: CdBlacklistKeys */
  GError    *error;          /* the first element that failed, which ends the batch */
} Batch;

/* Parsing records takes about as long as storing them, so both threads parse: a second
 * thread does nothing else, and this one, which alone stores (SQLite connections are not
 * shared), parses whenever the batch it is to store next is not ready yet. Batches are
 * stored in a fixed order whoever parsed them (the blacklist's, then the cases', each in the
 * order of the file), so the error reported does not depend on the threads, and the same
 * uid twice is found at the second one. */
typedef struct
{
  const char *data;
  GArray     *elements[N_LISTS];   /* CdJsonSpan, from the scan; borrowed */
  guint       n_jobs[N_LISTS];     /* the lists' batches, the blacklist's first */
  guint       total_jobs;

  GMutex      lock;
  GCond       cond;
  guint       next_job;            /* the first no thread has taken */
  guint       stored;              /* the batches stored: no job beyond BATCHES_AHEAD more */
  gboolean    cancelled;           /* storing failed: nothing more is taken */
  Batch     **done;                /* [total_jobs]: a parsed batch until it is stored */
  /* Batches stored, for the second thread to free: that takes the storing thread's time,
   * which is the scarcer. */
  GPtrArray  *stored_batches;
  gboolean    reader_done;         /* nor will it come back for them */
} Pipeline;

/* What one thread needs to parse */
typedef struct
{
  JsonParser *parser;
  GString    *path;
} Reader;

static void
batch_free (Batch *batch)
{
  g_clear_pointer (&batch->records, g_ptr_array_unref);
  g_clear_pointer (&batch->search_bodies, g_ptr_array_unref);
  g_clear_pointer (&batch->keys, g_array_unref);
  g_clear_error (&batch->error);
  g_free (batch);
}

static void
reader_init (Reader *reader)
{
  reader->parser = json_parser_new ();
  reader->path = g_string_new (NULL);
}

static void
reader_clear (Reader *reader)
{
  g_clear_object (&reader->parser);
  g_string_free (reader->path, TRUE);
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

/* Which list a job reads, and from which element. The blacklist comes first: once it is
 * stored, its indexes are built again (see cd_blacklist_repository_begin_bulk()) while the
 * second thread goes on parsing cases. */
static guint
job_list (Pipeline *pipeline,
          guint     job,
          guint    *first)
{
  guint list = LIST_BLACKLIST;

  if (job >= pipeline->n_jobs[LIST_BLACKLIST])
    {
      job -= pipeline->n_jobs[LIST_BLACKLIST];
      list = LIST_CASES;
    }
  *first = job * BATCH_SIZE;
  return list;
}

static Batch *
parse_job (Pipeline *pipeline,
           Reader   *reader,
           guint     job)
{
  Batch *batch = g_new0 (Batch, 1);
  CdImportContext context = { reader->path, &batch->error, NULL };
  guint first;
  guint list = job_list (pipeline, job, &first);
  GArray *elements = pipeline->elements[list];
  guint end = MIN (first + BATCH_SIZE, elements->len);

  batch->records = g_ptr_array_new_full (end - first, g_object_unref);
  if (list == LIST_CASES)
    batch->search_bodies = g_ptr_array_new_full (end - first, g_free);
  else
    {
      batch->keys = g_array_sized_new (FALSE, FALSE, sizeof (CdBlacklistKeys), end - first);
      g_array_set_clear_func (batch->keys, (GDestroyNotify) cd_blacklist_keys_clear);
    }
  for (guint i = first; i < end; i++)
    {
      gsize mark = cd_import_push_index (&context, list_names[list], i);
      gpointer record = read_element (&context, reader->parser, pipeline->data,
                                      g_array_index (elements, CdJsonSpan, i),
                                      list_readers[list]);

      cd_import_pop (&context, mark);
      if (record == NULL)
        break;
      g_ptr_array_add (batch->records, record);
      if (list == LIST_CASES)
        g_ptr_array_add (batch->search_bodies, cd_case_search_body (record));
      else
        {
          CdBlacklistKeys keys;

          cd_blacklist_keys_init (&keys, record);
          g_array_append_val (batch->keys, keys);
        }
    }
  return batch;
}

/* The next job, if one may be taken now: -1 when there is none left, or when the batches
 * parsed and not stored are as many as may be. Called with the lock held. */
static int
take_job (Pipeline *pipeline)
{
  if (pipeline->cancelled || pipeline->next_job >= pipeline->total_jobs ||
      pipeline->next_job >= pipeline->stored + BATCHES_AHEAD)
    return -1;
  return (int) pipeline->next_job++;
}

static void
finish_job (Pipeline *pipeline,
            guint     job,
            Batch    *batch)
{
  g_mutex_lock (&pipeline->lock);
  pipeline->done[job] = batch;
  g_cond_broadcast (&pipeline->cond);
  g_mutex_unlock (&pipeline->lock);
}

static gpointer
reader_thread (gpointer user_data)
{
  Pipeline *pipeline = user_data;
  Reader reader;

  reader_init (&reader);
  for (;;)
    {
      g_autoptr(GPtrArray) garbage = NULL;
      gboolean finished;
      int job;

      g_mutex_lock (&pipeline->lock);
      while ((job = take_job (pipeline)) < 0 && pipeline->stored_batches->len == 0 &&
             !pipeline->cancelled && pipeline->next_job < pipeline->total_jobs)
        g_cond_wait (&pipeline->cond, &pipeline->lock);
      finished = job < 0 &&
                 (pipeline->cancelled || pipeline->next_job >= pipeline->total_jobs);
      if (finished)
        pipeline->reader_done = TRUE;
      garbage = g_steal_pointer (&pipeline->stored_batches);
      pipeline->stored_batches = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_free);
      g_mutex_unlock (&pipeline->lock);

      g_clear_pointer (&garbage, g_ptr_array_unref);
      if (finished)
        break;
      if (job >= 0)
        finish_job (pipeline, (guint) job, parse_job (pipeline, &reader, (guint) job));
    }
  reader_clear (&reader);
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
             guint     list,
             guint     first,
             Batch    *batch,
             GError  **error)
{
  for (guint i = 0; i < batch->records->len; i++)
    {
      gpointer record = g_ptr_array_index (batch->records, i);
      guint index = first + i;
      CdStoreResult result;

      if (list == LIST_CASES)
        {
          CdCase *kase = record;

          if (!check_unique (writer->seen[LIST_CASES], "cases", kase->uid, index, error) ||
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

          if (!check_unique (writer->seen[LIST_BLACKLIST], "blacklist", entry->uid, index,
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

/* Returns the next batch to store, parsing others while it is not ready. */
static Batch *
next_batch (Pipeline *pipeline,
            Reader   *reader,
            guint     wanted)
{
  Batch *batch;

  g_mutex_lock (&pipeline->lock);
  while ((batch = pipeline->done[wanted]) == NULL)
    {
      int job = take_job (pipeline);

      if (job < 0)
        {
          g_cond_wait (&pipeline->cond, &pipeline->lock);
          continue;
        }
      g_mutex_unlock (&pipeline->lock);
      batch = parse_job (pipeline, reader, (guint) job);
      g_mutex_lock (&pipeline->lock);
      pipeline->done[job] = batch;
    }
  pipeline->done[wanted] = NULL;
  g_mutex_unlock (&pipeline->lock);
  return batch;
}

/* Parses and stores every record, with a second thread. The caller holds the transaction. */
static gboolean
store_records (Writer    *writer,
               Pipeline  *pipeline,
               GError   **error)
{
  GThread *thread = NULL;
  Reader reader;
  gboolean ok = TRUE;

  for (guint list = 0; list < N_LISTS; list++)
    {
      pipeline->n_jobs[list] = (pipeline->elements[list]->len + BATCH_SIZE - 1) / BATCH_SIZE;
      pipeline->total_jobs += pipeline->n_jobs[list];
    }
  if (pipeline->total_jobs == 0)
    return TRUE;
  pipeline->done = g_new0 (Batch *, pipeline->total_jobs);
  pipeline->stored_batches = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_free);
  g_mutex_init (&pipeline->lock);
  g_cond_init (&pipeline->cond);
  reader_init (&reader);
  /* One batch is parsed here, without a second thread. */
  pipeline->reader_done = pipeline->total_jobs == 1;
  if (!pipeline->reader_done)
    thread = g_thread_new ("cd-import-reader", reader_thread, pipeline);

  for (guint job = 0; ok && job < pipeline->total_jobs; job++)
    {
      Batch *batch = next_batch (pipeline, &reader, job);
      guint first;
      guint list = job_list (pipeline, job, &first);

      ok = store_batch (writer, list, first, batch, error);
      if (ok && writer->unindexed >= INDEX_EVERY)
        {
          ok = cd_case_repository_index_bulk (writer->cases, error);
          writer->unindexed = 0;
        }

      g_mutex_lock (&pipeline->lock);
      pipeline->stored = job + 1;
      pipeline->cancelled = !ok;
      if (!pipeline->reader_done)
        g_ptr_array_add (pipeline->stored_batches, g_steal_pointer (&batch));
      g_cond_broadcast (&pipeline->cond);
      g_mutex_unlock (&pipeline->lock);
      g_clear_pointer (&batch, batch_free);

      /* The blacklist is all stored: its indexes are built while cases are parsed. */
      if (ok && job + 1 == pipeline->n_jobs[LIST_BLACKLIST] &&
          !cd_blacklist_repository_end_bulk (writer->blacklist, TRUE, error))
        {
          ok = FALSE;
          g_mutex_lock (&pipeline->lock);
          pipeline->cancelled = TRUE;
          g_cond_broadcast (&pipeline->cond);
          g_mutex_unlock (&pipeline->lock);
        }
    }

  if (thread != NULL)
    g_thread_join (thread);
  reader_clear (&reader);
  /* What was parsed after a failure, and stored after the second thread ended */
  for (guint job = 0; job < pipeline->total_jobs; job++)
    g_clear_pointer (&pipeline->done[job], batch_free);
  g_clear_pointer (&pipeline->done, g_free);
  g_clear_pointer (&pipeline->stored_batches, g_ptr_array_unref);
  g_mutex_clear (&pipeline->lock);
  g_cond_clear (&pipeline->cond);
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
  GArray     *members;           /* CdJsonMember, from the scan */
  JsonObject *header;
  GArray     *lists[N_LISTS];    /* CdJsonSpan: the elements of each list, in members */
} Document;

static gboolean
read_top_level (const char  *data,
                gsize        length,
                Document    *doc,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gboolean is_object;

  doc->members = cd_json_members_new ();
  doc->header = json_object_new ();
  if (!cd_json_scan_root (data, length, CD_IMPORT_MAX_DEPTH, list_names, doc->members,
                          &is_object, error))
    return FALSE;
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
      int list = g_str_equal (member->key, list_names[LIST_CASES]) ? LIST_CASES
               : g_str_equal (member->key, list_names[LIST_BLACKLIST]) ? LIST_BLACKLIST : -1;

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
  for (guint i = 0; i < N_LISTS; i++)
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
store_in_transaction (Writer          *writer,
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
  if (!cd_blacklist_repository_begin_bulk (writer->blacklist,
                                           pipeline->elements[LIST_BLACKLIST]->len, error))
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
store_document (Writer          *writer,
                CdShopSettings  *shop,
                GPtrArray       *templates,
                Pipeline        *pipeline,
                GError         **error)
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

  if (!check_size ((goffset) length, error) || !check_blank (data, length, error) ||
      !read_top_level (data, length, &doc, error) ||
      !cd_import_read_header (&context, doc.header, &shop) ||
      !cd_import_read_list (&context, doc.header, "templates", cd_import_read_template,
                            templates))
    goto out;

  pipeline.data = data;
  for (guint list = 0; list < N_LISTS; list++)
    {
      pipeline.elements[list] = doc.lists[list] != NULL ? g_array_ref (doc.lists[list])
                                                        : g_array_new (FALSE, FALSE,
                                                                       sizeof (CdJsonSpan));
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
