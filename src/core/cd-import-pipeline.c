/* cd-import-pipeline.c — parsing an export's records on two threads
 *
 * Parsing records with json-glib takes about as long as storing them, so both threads
 * parse. A second thread does nothing else. The importer's thread, which alone stores
 * (SQLite connections are not shared), parses whenever the batch it is to store next is not
 * ready yet.
 *
 * The second thread starts before the file is scanned: the scan hands each element of the
 * two lists over as it finds it (cd_import_pipeline_add()), 256 make a job, and the second
 * thread parses jobs while the scan goes on. Batches are stored in a fixed order whoever
 * parsed them: the blacklist's, then the cases', each in the order of the file. So the error
 * reported does not depend on the threads, and the same uid twice is found at the second
 * one. The blacklist goes first so that its indexes are built again (see
 * cd_blacklist_repository_begin_bulk()) while cases are still being parsed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cd-blacklist-repository.h"
#include "cd-case-repository.h"
#include "cd-import-pipeline.h"
#include "cd-import-private.h"

#define BATCH_SIZE 256
/* A smaller file is parsed on the storing thread alone: starting a thread would take longer
 * than parsing it. */
#define THREAD_MIN_BYTES (32 * 1024)
/* Batches parsed and not yet stored, at most: bounds the memory an import takes. While the
 * file is still being scanned, the place of a batch among the others is not known yet, and
 * this many are parsed at most. */
#define BATCHES_AHEAD 48

static const char *const list_names[CD_IMPORT_N_LISTS] = { "blacklist", "cases" };
static const CdImportReadFunc list_readers[CD_IMPORT_N_LISTS] = {
  cd_import_read_entry,
  cd_import_read_case,
};

/* Up to BATCH_SIZE consecutive elements of one list, to parse */
typedef struct
{
  guint          list;
  guint          first;
  guint          count;
  gboolean       taken;   /* a thread parses it, or has */
  CdImportBatch *batch;   /* parsed, until it is handed over to be stored */
  CdJsonSpan     spans[BATCH_SIZE];
} Job;

/* What one thread needs to parse */
typedef struct
{
  JsonParser *parser;
  GString    *path;
} Reader;

struct _CdImportPipeline
{
  const char *data;
  GThread    *thread;
  Reader      reader;                          /* the storing thread's */

  /* The scan's side, the storing thread's alone */
  Job        *filling[CD_IMPORT_N_LISTS];      /* being filled, not yet published */
  int         member[CD_IMPORT_N_LISTS];       /* the member the list's elements come from */
  guint       n_elements[CD_IMPORT_N_LISTS];

  /* Under the lock */
  GMutex      lock;
  GCond       cond;
  GPtrArray  *jobs[CD_IMPORT_N_LISTS];         /* Job, published */
  guint       first_untaken[CD_IMPORT_N_LISTS];  /* every job before it is taken */
  GPtrArray  *discarded;                       /* Job, of a list named twice in the file */
  gboolean    scanned;                         /* every job is published */
  guint       taken_unplaced;                  /* taken before the scan was over */
  guint       stored;                          /* jobs stored, in their order */
  gboolean    cancelled;                       /* nothing more is to be taken */
  GPtrArray  *stored_batches;                  /* for the second thread to free */
  gboolean    reader_done;                     /* nor will it come back for them */
};

static void
batch_free (CdImportBatch *batch)
{
  g_clear_pointer (&batch->records, g_ptr_array_unref);
  g_clear_pointer (&batch->search_bodies, g_ptr_array_unref);
  g_clear_pointer (&batch->keys, g_array_unref);
  g_clear_error (&batch->error);
  g_free (batch);
}

static void
job_free (Job *job)
{
  g_clear_pointer (&job->batch, batch_free);
  g_free (job);
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

static CdImportBatch *
parse_job (CdImportPipeline *self,
           Reader           *reader,
           const Job        *job)
{
  CdImportBatch *batch = g_new0 (CdImportBatch, 1);
  CdImportContext context = { reader->path, &batch->error, NULL };

  batch->list = job->list;
  batch->first = job->first;
  batch->records = g_ptr_array_new_full (job->count, g_object_unref);
  if (job->list == CD_IMPORT_CASES)
    batch->search_bodies = g_ptr_array_new_full (job->count, g_free);
  else
    {
      batch->keys = g_array_sized_new (FALSE, FALSE, sizeof (CdBlacklistKeys), job->count);
      g_array_set_clear_func (batch->keys, (GDestroyNotify) cd_blacklist_keys_clear);
    }

  for (guint i = 0; i < job->count; i++)
    {
      gsize mark = cd_import_push_index (&context, list_names[job->list], job->first + i);
      gpointer record = read_element (&context, reader->parser, self->data, job->spans[i],
                                      list_readers[job->list]);

      cd_import_pop (&context, mark);
      if (record == NULL)
        break;
      g_ptr_array_add (batch->records, record);
      if (job->list == CD_IMPORT_CASES)
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

/* The place of @job in the order of storing, once the scan is over */
static guint
position (CdImportPipeline *self,
          const Job        *job)
{
  guint before = job->list == CD_IMPORT_CASES ? self->jobs[CD_IMPORT_BLACKLIST]->len : 0;

  return before + job->first / BATCH_SIZE;
}

static guint
total_jobs (CdImportPipeline *self)
{
  return self->jobs[CD_IMPORT_BLACKLIST]->len + self->jobs[CD_IMPORT_CASES]->len;
}

/* The first job no thread has taken, in the order of storing, or NULL. With the lock. */
static Job *
first_untaken (CdImportPipeline *self)
{
  for (guint list = 0; list < CD_IMPORT_N_LISTS; list++)
    {
      GPtrArray *jobs = self->jobs[list];

      while (self->first_untaken[list] < jobs->len &&
             ((Job *) g_ptr_array_index (jobs, self->first_untaken[list]))->taken)
        self->first_untaken[list]++;
      if (self->first_untaken[list] < jobs->len)
        return g_ptr_array_index (jobs, self->first_untaken[list]);
    }
  return NULL;
}

/* Whether every job is taken (or nothing more is to be). With the lock. */
static gboolean
all_taken (CdImportPipeline *self)
{
  return self->cancelled || (self->scanned && first_untaken (self) == NULL);
}

/* The next job to parse ahead of the storing, if one may be taken now: NULL when there is
 * none, or when as many batches wait to be stored as may. With the lock. */
static Job *
take_job (CdImportPipeline *self)
{
  Job *job;

  if (self->cancelled || (job = first_untaken (self)) == NULL)
    return NULL;
  /* Those taken during the scan may lie anywhere ahead (cases parsed before the blacklist
   * is found): they widen the window, or they would fill it while the blacklist's indexes
   * are built and leave this thread idle. */
  if (self->scanned
      ? position (self, job) >= self->stored + self->taken_unplaced + BATCHES_AHEAD
      : self->taken_unplaced >= BATCHES_AHEAD)
    return NULL;
  if (!self->scanned)
    self->taken_unplaced++;
  job->taken = TRUE;
  return job;
}

static void
finish_job (CdImportPipeline *self,
            Job              *job,
            CdImportBatch    *batch)
{
  g_mutex_lock (&self->lock);
  job->batch = batch;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

static gpointer
reader_thread (gpointer user_data)
{
  CdImportPipeline *self = user_data;
  Reader reader;

  reader_init (&reader);
  for (;;)
    {
      g_autoptr(GPtrArray) garbage = NULL;
      gboolean finished;
      Job *job;

      g_mutex_lock (&self->lock);
      while ((job = take_job (self)) == NULL && self->stored_batches->len == 0 &&
             !all_taken (self))
        g_cond_wait (&self->cond, &self->lock);
      finished = job == NULL && all_taken (self);
      if (finished)
        self->reader_done = TRUE;
      garbage = g_steal_pointer (&self->stored_batches);
      self->stored_batches = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_free);
      g_mutex_unlock (&self->lock);

      g_clear_pointer (&garbage, g_ptr_array_unref);
      if (finished)
        break;
      if (job != NULL)
        finish_job (self, job, parse_job (self, &reader, job));
    }
  reader_clear (&reader);
  return NULL;
}

/**
 * cd_import_pipeline_new:
 * @data: the file's bytes, which must outlive the pipeline
 * @length: how many
 *
 * Starts the second thread, which waits for the scan's first elements (unless the file is
 * small).
 */
CdImportPipeline *
cd_import_pipeline_new (const char *data,
                        gsize       length)
{
  CdImportPipeline *self = g_new0 (CdImportPipeline, 1);

  self->data = data;
  reader_init (&self->reader);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  for (guint list = 0; list < CD_IMPORT_N_LISTS; list++)
    {
      self->jobs[list] = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
      self->member[list] = -1;
    }
  self->discarded = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  self->stored_batches = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_free);
  if (length >= THREAD_MIN_BYTES)
    self->thread = g_thread_new ("cd-import-reader", reader_thread, self);
  else
    self->reader_done = TRUE;
  return self;
}

static void
publish (CdImportPipeline *self,
         guint             list)
{
  Job *job = g_steal_pointer (&self->filling[list]);

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->jobs[list], job);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* Sets aside what a list brought so far: the file names it again. */
static void
discard (CdImportPipeline *self,
         guint             list)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);

  g_mutex_lock (&self->lock);
  /* The second thread may be parsing one: they are freed after it ends. */
  g_ptr_array_extend_and_steal (self->discarded, g_steal_pointer (&self->jobs[list]));
  self->jobs[list] = g_steal_pointer (&jobs);
  self->first_untaken[list] = 0;
  g_mutex_unlock (&self->lock);
  g_clear_pointer (&self->filling[list], job_free);
  self->n_elements[list] = 0;
  self->member[list] = -1;
}

/**
 * cd_import_pipeline_add:
 * @list: which list @element belongs to
 * @member: the index of the document's member holding the list
 *
 * Hands over an element the scan found. A list named twice counts as json-glib counts it,
 * the second time: what the first brought is set aside.
 */
void
cd_import_pipeline_add (CdImportPipeline *self,
                        guint             list,
                        guint             member,
                        CdJsonSpan        element)
{
  Job *job;

  g_return_if_fail (list < CD_IMPORT_N_LISTS);

  if (self->member[list] != (int) member)
    {
      discard (self, list);
      self->member[list] = (int) member;
    }

  job = self->filling[list];
  if (job == NULL)
    {
      job = self->filling[list] = g_new0 (Job, 1);
      job->list = list;
      job->first = self->n_elements[list];
    }
  job->spans[job->count++] = element;
  self->n_elements[list]++;
  if (job->count == BATCH_SIZE)
    publish (self, list);
}

/**
 * cd_import_pipeline_scanned:
 * @members: (array fixed-size=2): for each list, the index of the last member naming it, or
 *   -1: the one that counts
 *
 * Says that the scan is over, and the elements handed over are all there are.
 */
void
cd_import_pipeline_scanned (CdImportPipeline *self,
                            const int        *members)
{
  for (guint list = 0; list < CD_IMPORT_N_LISTS; list++)
    {
      /* A list named again as an empty array, or as no array at all */
      if (self->member[list] != members[list])
        discard (self, list);
      if (self->filling[list] != NULL)
        publish (self, list);
    }

  g_mutex_lock (&self->lock);
  self->scanned = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

static Job *
job_at (CdImportPipeline *self,
        guint             position)
{
  GPtrArray *blacklist = self->jobs[CD_IMPORT_BLACKLIST];

  if (position < blacklist->len)
    return g_ptr_array_index (blacklist, position);
  return g_ptr_array_index (self->jobs[CD_IMPORT_CASES], position - blacklist->len);
}

/**
 * cd_import_pipeline_next:
 *
 * Returns the next batch to store, in order, parsing others while it is not ready. Hand it
 * back with cd_import_pipeline_stored().
 *
 * Returns: (transfer full) (nullable): the batch, or NULL when every batch has been stored
 */
CdImportBatch *
cd_import_pipeline_next (CdImportPipeline *self)
{
  CdImportBatch *batch;
  Job *wanted;

  g_return_val_if_fail (self->scanned, NULL);

  g_mutex_lock (&self->lock);
  if (self->stored >= total_jobs (self))
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  wanted = job_at (self, self->stored);
  while (wanted->batch == NULL)
    {
      /* The batch wanted, if no thread has taken it yet; else, while the second thread
       * parses it, another one ahead */
      Job *job = wanted->taken ? take_job (self) : wanted;

      if (job == NULL)
        {
          g_cond_wait (&self->cond, &self->lock);
          continue;
        }
      job->taken = TRUE;
      g_mutex_unlock (&self->lock);
      batch = parse_job (self, &self->reader, job);
      g_mutex_lock (&self->lock);
      job->batch = batch;
    }
  batch = g_steal_pointer (&wanted->batch);
  g_mutex_unlock (&self->lock);
  return batch;
}

/**
 * cd_import_pipeline_stored:
 * @batch: (transfer full): from cd_import_pipeline_next()
 * @ok: FALSE when storing failed: nothing more is parsed
 */
void
cd_import_pipeline_stored (CdImportPipeline *self,
                           CdImportBatch    *batch,
                           gboolean          ok)
{
  g_mutex_lock (&self->lock);
  self->stored++;
  self->cancelled = self->cancelled || !ok;
  /* Freeing takes the storing thread's time, which is the scarcer. */
  if (!self->reader_done)
    g_ptr_array_add (self->stored_batches, g_steal_pointer (&batch));
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  g_clear_pointer (&batch, batch_free);
}

/**
 * cd_import_pipeline_free:
 *
 * Stops the second thread, whether or not everything was stored, and frees what is left.
 */
void
cd_import_pipeline_free (CdImportPipeline *self)
{
  g_mutex_lock (&self->lock);
  self->cancelled = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  if (self->thread != NULL)
    g_thread_join (self->thread);

  for (guint list = 0; list < CD_IMPORT_N_LISTS; list++)
    {
      g_clear_pointer (&self->filling[list], job_free);
      g_ptr_array_unref (self->jobs[list]);
    }
  g_ptr_array_unref (self->discarded);
  g_ptr_array_unref (self->stored_batches);
  reader_clear (&self->reader);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}
