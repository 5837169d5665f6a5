/* cd-case-repository.c — cases in the database
 *
 * Every change a person makes to a case appends a timeline event in the same transaction;
 * the importer's writes (store_imported) carry their own timeline instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case-repository"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stddef.h>
#include <string.h>

#include "cd-case-diff.h"
#include "cd-case-repository.h"
#include "cd-error.h"
#include "cd-text.h"
#include "cd-time.h"

struct _CdCaseRepository
{
  GObject     parent_instance;

  /* Owned */
  CdDatabase *db;

  gboolean    bulk;  /* store_imported defers search indexing to end_bulk() */
  GPtrArray  *dropped_triggers;  /* (element-type utf8) their CREATE statements, in bulk */
};

G_DEFINE_FINAL_TYPE (CdCaseRepository, cd_case_repository, G_TYPE_OBJECT)

enum {
  CASE_ADDED,
  CASE_CHANGED,
  CASE_REMOVED,
  RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define CASE_COLUMNS \
  "id, uid, created_at, updated_at, customer_name, platform, buyer_id, phone, email, " \
  "order_number, product, order_amount, channel, category, severity, responsibility, stage, " \
  "description, summary, summary_confirmed, customer_wants, promise, promised_by, root_cause, " \
  "improvement, language"



static void
cd_case_repository_dispose (GObject *object)
{
  CdCaseRepository *self = (CdCaseRepository *) object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->dropped_triggers, g_ptr_array_unref);
  G_OBJECT_CLASS (cd_case_repository_parent_class)->dispose (object);
}

static void
cd_case_repository_class_init (CdCaseRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_case_repository_dispose;

  /**
   * CdCaseRepository::case-added:
   * @id: the new case's id
   */
  signals[CASE_ADDED] = g_signal_new ("case-added", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CASE_CHANGED] = g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CASE_REMOVED] = g_signal_new ("case-removed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * CdCaseRepository::reset:
   *
   * Many cases changed at once (an import): whoever shows cases reloads.
   */
  signals[RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cd_case_repository_init (CdCaseRepository *self)
{
}

/**
 * cd_case_repository_new:
 *
 * Returns: (transfer full): a repository over @db
 */
CdCaseRepository *
cd_case_repository_new (CdDatabase *db)
{
  CdCaseRepository *self = g_object_new (CD_TYPE_CASE_REPOSITORY, NULL);

  self->db = g_object_ref (db);
  return self;
}

/**
 * cd_case_repository_get_database:
 *
 * Returns: (transfer none): the database
 */
CdDatabase *
cd_case_repository_get_database (CdCaseRepository *self)
{
  return self->db;
}

static void
bind_time_or_null (sqlite3_stmt *stmt,
                   const char   *name,
                   gint64        time)
{
  if (time == CD_TIME_UNSET)
    cd_database_bind_null (stmt, name);
  else
    cd_database_bind_int64 (stmt, name, time);
}

static gint64
column_time (sqlite3_stmt *stmt,
             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return CD_TIME_UNSET;
  return sqlite3_column_int64 (stmt, column);
}

static int
column_enum (sqlite3_stmt *stmt,
             int           column,
             GType         type,
             int           fallback)
{
  int value;

  if (!cd_enum_from_nick (type, cd_database_column_text (stmt, column), &value))
    return fallback;
  return value;
}

/* Binds @kase without copying its texts: it must stay as it is until the statement is
 * stepped. */
static void
bind_case (sqlite3_stmt *stmt,
           CdCase       *kase)
{
  cd_database_bind_text_static (stmt, ":uid", kase->uid);
  cd_database_bind_int64 (stmt, ":created_at", kase->created_at);
  cd_database_bind_int64 (stmt, ":updated_at", kase->updated_at);
  cd_database_bind_text_static (stmt, ":customer_name", kase->customer_name);
  cd_database_bind_text_static (stmt, ":platform",
                                cd_enum_to_nick (CD_TYPE_PLATFORM, kase->platform));
  cd_database_bind_text_static (stmt, ":buyer_id", kase->buyer_id);
  cd_database_bind_text_static (stmt, ":phone", kase->phone);
  cd_database_bind_text_static (stmt, ":email", kase->email);
  cd_database_bind_text_static (stmt, ":order_number", kase->order_number);
  cd_database_bind_text_static (stmt, ":product", kase->product);
  cd_database_bind_int64 (stmt, ":order_amount", kase->order_amount);
  cd_database_bind_text_static (stmt, ":channel",
                                cd_enum_to_nick (CD_TYPE_CHANNEL, kase->channel));
  cd_database_bind_text_static (stmt, ":category",
                                cd_enum_to_nick (CD_TYPE_CATEGORY, kase->category));
  cd_database_bind_text_static (stmt, ":severity",
                                cd_enum_to_nick (CD_TYPE_SEVERITY, kase->severity));
  cd_database_bind_text_static (stmt, ":responsibility",
                                cd_enum_to_nick (CD_TYPE_RESPONSIBILITY, kase->responsibility));
  cd_database_bind_text_static (stmt, ":stage", cd_enum_to_nick (CD_TYPE_STAGE, kase->stage));
  cd_database_bind_text_static (stmt, ":description", kase->description);
  cd_database_bind_text_static (stmt, ":summary", kase->summary);
  cd_database_bind_int64 (stmt, ":summary_confirmed", kase->summary_confirmed ? 1 : 0);
  cd_database_bind_text_static (stmt, ":customer_wants", kase->customer_wants);
  cd_database_bind_text_static (stmt, ":promise", kase->promise);
  bind_time_or_null (stmt, ":promised_by", kase->promised_by);
  cd_database_bind_text_static (stmt, ":root_cause",
                                cd_enum_to_nick (CD_TYPE_ROOT_CAUSE, kase->root_cause));
  cd_database_bind_text_static (stmt, ":improvement", kase->improvement);
  cd_database_bind_text_static (stmt, ":language", kase->language);
}

#define CASE_VALUES \
  ":uid, :created_at, :updated_at, :customer_name, :platform, :buyer_id, :phone, :email, " \
  ":order_number, :product, :order_amount, :channel, :category, :severity, :responsibility, " \
  ":stage, :description, :summary, :summary_confirmed, :customer_wants, :promise, " \
  ":promised_by, :root_cause, :improvement, :language"

static gboolean
insert_case_row (CdCaseRepository  *self,
                 CdCase            *kase,
                 GError           **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "INSERT INTO cases (uid, created_at, updated_at, customer_name, platform, buyer_id, phone, "
    "email, order_number, product, order_amount, channel, category, severity, responsibility, "
    "stage, description, summary, summary_confirmed, customer_wants, promise, promised_by, "
    "root_cause, improvement, language) VALUES (" CASE_VALUES ")", error);

  if (stmt == NULL)
    return FALSE;
  bind_case (stmt, kase);
  if (!cd_database_step_done (self->db, stmt, error))
    return FALSE;
  kase->id = sqlite3_last_insert_rowid (cd_database_get_handle (self->db));
  return TRUE;
}

static gboolean
update_case_row (CdCaseRepository  *self,
                 CdCase            *kase,
                 GError           **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "UPDATE cases SET uid = :uid, created_at = :created_at, updated_at = :updated_at, "
    "customer_name = :customer_name, platform = :platform, buyer_id = :buyer_id, "
    "phone = :phone, email = :email, order_number = :order_number, product = :product, "
    "order_amount = :order_amount, channel = :channel, category = :category, "
    "severity = :severity, responsibility = :responsibility, stage = :stage, "
    "description = :description, summary = :summary, summary_confirmed = :summary_confirmed, "
    "customer_wants = :customer_wants, promise = :promise, promised_by = :promised_by, "
    "root_cause = :root_cause, improvement = :improvement, language = :language "
    "WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  bind_case (stmt, kase);
  cd_database_bind_int64 (stmt, ":id", kase->id);
  if (!cd_database_step_done (self->db, stmt, error))
    return FALSE;
  if (sqlite3_changes (cd_database_get_handle (self->db)) == 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, _("The case no longer exists"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_children (CdCaseRepository  *self,
                 gint64             case_id,
                 gboolean           with_events,
                 GError           **error)
{
  static const char *const sql[] = {
    "DELETE FROM compensations WHERE case_id = :case_id",
    "DELETE FROM followups WHERE case_id = :case_id",
    "DELETE FROM events WHERE case_id = :case_id",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql) - (with_events ? 0 : 1); i++)
    {
      sqlite3_stmt *stmt = cd_database_prepare (self->db, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      cd_database_bind_int64 (stmt, ":case_id", case_id);
      if (!cd_database_step_done (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_compensations (CdCaseRepository  *self,
                      CdCase            *kase,
                      GError           **error)
{
  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);
      sqlite3_stmt *stmt = cd_database_prepare (self->db,
        "INSERT INTO compensations (case_id, kind, status, amount, cost, reference, note, "
        "done_at) VALUES (:case_id, :kind, :status, :amount, :cost, :reference, :note, "
        ":done_at)", error);

      if (stmt == NULL)
        return FALSE;
      cd_database_bind_int64 (stmt, ":case_id", kase->id);
      cd_database_bind_text (stmt, ":kind", cd_enum_to_nick (CD_TYPE_COMPENSATION_KIND, c->kind));
      cd_database_bind_text (stmt, ":status",
                             cd_enum_to_nick (CD_TYPE_COMPENSATION_STATUS, c->status));
      cd_database_bind_int64 (stmt, ":amount", c->amount);
      cd_database_bind_int64 (stmt, ":cost", c->cost);
      cd_database_bind_text (stmt, ":reference", c->reference);
      cd_database_bind_text (stmt, ":note", c->note);
      bind_time_or_null (stmt, ":done_at", c->done_at);
      if (!cd_database_step_done (self->db, stmt, error))
        return FALSE;
      c->id = sqlite3_last_insert_rowid (cd_database_get_handle (self->db));
    }
  return TRUE;
}

/* @keep_ids: write each stored follow-up back under its id (its row was just deleted), so that
 * an id read by the Due views still names the same follow-up after the case is edited. A new
 * case's follow-ups always get new ids. */
static gboolean
insert_followups (CdCaseRepository  *self,
                  CdCase            *kase,
                  gboolean           keep_ids,
                  GError           **error)
{
  for (guint i = 0; i < kase->followups->len; i++)
    {
      CdFollowUp *f = g_ptr_array_index (kase->followups, i);
      sqlite3_stmt *stmt = cd_database_prepare (self->db,
        "INSERT INTO followups (id, case_id, due_at, method, done_at, satisfaction, remarks) "
        "VALUES (:id, :case_id, :due_at, :method, :done_at, :satisfaction, :remarks)", error);

      if (stmt == NULL)
        return FALSE;
      if (keep_ids && f->id > 0)
        cd_database_bind_int64 (stmt, ":id", f->id);
      else
        cd_database_bind_null (stmt, ":id");
      cd_database_bind_int64 (stmt, ":case_id", kase->id);
      cd_database_bind_int64 (stmt, ":due_at", f->due_at);
      cd_database_bind_text (stmt, ":method", cd_enum_to_nick (CD_TYPE_FOLLOW_UP_METHOD, f->method));
      bind_time_or_null (stmt, ":done_at", f->done_at);
      if (f->satisfaction >= 1 && f->satisfaction <= 5)
        cd_database_bind_int64 (stmt, ":satisfaction", f->satisfaction);
      else
        cd_database_bind_null (stmt, ":satisfaction");
      cd_database_bind_text (stmt, ":remarks", f->remarks);
      if (!cd_database_step_done (self->db, stmt, error))
        return FALSE;
      f->id = sqlite3_last_insert_rowid (cd_database_get_handle (self->db));
    }
  return TRUE;
}

static gboolean
insert_event (CdCaseRepository  *self,
              gint64             case_id,
              CdTimelineEvent   *event,
              GError           **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "INSERT INTO events (case_id, at, kind, text) VALUES (:case_id, :at, :kind, :text)", error);

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":case_id", case_id);
  cd_database_bind_int64 (stmt, ":at", event->at);
  cd_database_bind_text (stmt, ":kind", event->kind);
  cd_database_bind_text (stmt, ":text", event->text);
  if (!cd_database_step_done (self->db, stmt, error))
    return FALSE;
  event->id = sqlite3_last_insert_rowid (cd_database_get_handle (self->db));
  return TRUE;
}

static gboolean
insert_events (CdCaseRepository  *self,
               CdCase            *kase,
               GError           **error)
{
  for (guint i = 0; i < kase->events->len; i++)
    if (!insert_event (self, kase->id, g_ptr_array_index (kase->events, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
check_case (CdCase  *kase,
            GError **error)
{
  if (kase->order_amount < 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID, _("The order amount cannot be negative"));
      return FALSE;
    }
  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);

      if (c->amount < 0 || c->cost < 0)
        {
          g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                       _("A compensation amount cannot be negative"));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * cd_case_repository_insert:
 * @kase: a new case; its id, uid (when empty) and times are filled in
 *
 * Stores a new case with its compensations and follow-ups, and records its creation.
 */
gboolean
cd_case_repository_insert (CdCaseRepository  *self,
                           CdCase            *kase,
                           GError           **error)
{
  g_autoptr(CdTimelineEvent) created = NULL;

  g_return_val_if_fail (CD_IS_CASE_REPOSITORY (self), FALSE);
  g_return_val_if_fail (kase->id == 0, FALSE);

  if (!check_case (kase, error))
    return FALSE;

  if (kase->uid[0] == '\0')
    {
      g_free (kase->uid);
      kase->uid = g_uuid_string_random ();
    }
  if (kase->created_at == 0)
    kase->created_at = cd_time_now ();
  kase->updated_at = MAX (kase->created_at, cd_time_now ());

  created = cd_timeline_event_new (kase->created_at, CD_EVENT_CREATED, "");

  if (!cd_database_begin (self->db, error))
    return FALSE;
  if (!insert_case_row (self, kase, error) ||
      !insert_compensations (self, kase, error) ||
      !insert_followups (self, kase, FALSE, error) ||
      !insert_events (self, kase, error) ||
      !insert_event (self, kase->id, created, error) ||
      !cd_database_commit (self->db, error))
    {
      if (cd_database_in_transaction (self->db))
        cd_database_rollback (self->db);
      kase->id = 0;
      return FALSE;
    }

  g_ptr_array_add (kase->events, g_steal_pointer (&created));
  g_signal_emit (self, signals[CASE_ADDED], 0, kase->id);
  return TRUE;
}

static CdCase *
case_from_row (sqlite3_stmt *stmt)
{
  CdCase *kase = cd_case_new ();

  kase->id = sqlite3_column_int64 (stmt, 0);
  cd_case_set_string (&kase->uid, cd_database_column_text (stmt, 1));
  kase->created_at = sqlite3_column_int64 (stmt, 2);
  kase->updated_at = sqlite3_column_int64 (stmt, 3);
  cd_case_set_string (&kase->customer_name, cd_database_column_text (stmt, 4));
  kase->platform = column_enum (stmt, 5, CD_TYPE_PLATFORM, CD_PLATFORM_OTHER);
  cd_case_set_string (&kase->buyer_id, cd_database_column_text (stmt, 6));
  cd_case_set_string (&kase->phone, cd_database_column_text (stmt, 7));
  cd_case_set_string (&kase->email, cd_database_column_text (stmt, 8));
  cd_case_set_string (&kase->order_number, cd_database_column_text (stmt, 9));
  cd_case_set_string (&kase->product, cd_database_column_text (stmt, 10));
  kase->order_amount = sqlite3_column_int64 (stmt, 11);
  kase->channel = column_enum (stmt, 12, CD_TYPE_CHANNEL, CD_CHANNEL_OTHER);
  kase->category = column_enum (stmt, 13, CD_TYPE_CATEGORY, CD_CATEGORY_OTHER);
  kase->severity = column_enum (stmt, 14, CD_TYPE_SEVERITY, CD_SEVERITY_MEDIUM);
  kase->responsibility = column_enum (stmt, 15, CD_TYPE_RESPONSIBILITY,
                                      CD_RESPONSIBILITY_UNDETERMINED);
  kase->stage = column_enum (stmt, 16, CD_TYPE_STAGE, CD_STAGE_LISTEN);
  cd_case_set_string (&kase->description, cd_database_column_text (stmt, 17));
  cd_case_set_string (&kase->summary, cd_database_column_text (stmt, 18));
  kase->summary_confirmed = sqlite3_column_int (stmt, 19) != 0;
  cd_case_set_string (&kase->customer_wants, cd_database_column_text (stmt, 20));
  cd_case_set_string (&kase->promise, cd_database_column_text (stmt, 21));
  kase->promised_by = column_time (stmt, 22);
  kase->root_cause = column_enum (stmt, 23, CD_TYPE_ROOT_CAUSE, CD_ROOT_CAUSE_OTHER);
  cd_case_set_string (&kase->improvement, cd_database_column_text (stmt, 24));
  cd_case_set_string (&kase->language, cd_database_column_text (stmt, 25));
  return kase;
}

static gboolean
load_compensations (CdCaseRepository  *self,
                    CdCase            *kase,
                    GError           **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT id, kind, status, amount, cost, reference, note, done_at FROM compensations "
    "WHERE case_id = :case_id ORDER BY id", error);
  CdStep step;

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":case_id", kase->id);
  while ((step = cd_database_step (self->db, stmt, error)) == CD_STEP_ROW)
    {
      CdCompensation *c = cd_compensation_new (
        column_enum (stmt, 1, CD_TYPE_COMPENSATION_KIND, CD_COMPENSATION_APOLOGY),
        column_enum (stmt, 2, CD_TYPE_COMPENSATION_STATUS, CD_COMPENSATION_SUGGESTED));

      c->id = sqlite3_column_int64 (stmt, 0);
      c->amount = sqlite3_column_int64 (stmt, 3);
      c->cost = sqlite3_column_int64 (stmt, 4);
      cd_case_set_string (&c->reference, cd_database_column_text (stmt, 5));
      cd_case_set_string (&c->note, cd_database_column_text (stmt, 6));
      c->done_at = column_time (stmt, 7);
      g_ptr_array_add (kase->compensations, c);
    }
  return step == CD_STEP_DONE;
}

static gboolean
load_followups (CdCaseRepository  *self,
                CdCase            *kase,
                GError           **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT id, due_at, method, done_at, satisfaction, remarks FROM followups "
    "WHERE case_id = :case_id ORDER BY id", error);
  CdStep step;

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":case_id", kase->id);
  while ((step = cd_database_step (self->db, stmt, error)) == CD_STEP_ROW)
    {
      CdFollowUp *f = cd_follow_up_new (sqlite3_column_int64 (stmt, 1));

      f->id = sqlite3_column_int64 (stmt, 0);
      f->method = column_enum (stmt, 2, CD_TYPE_FOLLOW_UP_METHOD, CD_METHOD_OTHER);
      f->done_at = column_time (stmt, 3);
      f->satisfaction = sqlite3_column_int (stmt, 4);
      cd_case_set_string (&f->remarks, cd_database_column_text (stmt, 5));
      g_ptr_array_add (kase->followups, f);
    }
  return step == CD_STEP_DONE;
}

static gboolean
load_events (CdCaseRepository  *self,
             CdCase            *kase,
             GError           **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT id, at, kind, text FROM events WHERE case_id = :case_id ORDER BY id", error);
  CdStep step;

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":case_id", kase->id);
  while ((step = cd_database_step (self->db, stmt, error)) == CD_STEP_ROW)
    {
      CdTimelineEvent *e = cd_timeline_event_new (sqlite3_column_int64 (stmt, 1),
                                                  cd_database_column_text (stmt, 2),
                                                  cd_database_column_text (stmt, 3));

      e->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (kase->events, e);
    }
  return step == CD_STEP_DONE;
}

static CdCase *
load_where (CdCaseRepository  *self,
            sqlite3_stmt      *stmt,
            GError           **error)
{
  g_autoptr(CdCase) kase = NULL;

  switch (cd_database_step (self->db, stmt, error))
    {
    case CD_STEP_ROW:
      kase = case_from_row (stmt);
      cd_database_release (stmt);
      break;
    case CD_STEP_DONE:
      g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, _("The case no longer exists"));
      return NULL;
    case CD_STEP_ERROR:
    default:
      return NULL;
    }

  if (!load_compensations (self, kase, error) ||
      !load_followups (self, kase, error) ||
      !load_events (self, kase, error))
    return NULL;
  return g_steal_pointer (&kase);
}

/**
 * cd_case_repository_load:
 *
 * Returns: (transfer full): the case with its compensations, follow-ups and timeline, or
 *   %NULL with @error set (%CD_ERROR_NOT_FOUND when there is no such case)
 */
CdCase *
cd_case_repository_load (CdCaseRepository  *self,
                         gint64             id,
                         GError           **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT " CASE_COLUMNS " FROM cases WHERE id = :id", error);

  if (stmt == NULL)
    return NULL;
  cd_database_bind_int64 (stmt, ":id", id);
  return load_where (self, stmt, error);
}

/**
 * cd_case_repository_load_by_uid:
 *
 * Returns: (transfer full): the case, or %NULL with @error set
 */
CdCase *
cd_case_repository_load_by_uid (CdCaseRepository  *self,
                                const char        *uid,
                                GError           **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT " CASE_COLUMNS " FROM cases WHERE uid = :uid", error);

  if (stmt == NULL)
    return NULL;
  cd_database_bind_text (stmt, ":uid", uid);
  return load_where (self, stmt, error);
}

/**
 * cd_case_repository_update:
 * @kase: a stored case, changed by the caller
 *
 * Writes @kase with its compensations and follow-ups, and appends one timeline event that
 * says what changed (appended to @kase->events as well). The timeline itself is never
 * rewritten here: use cd_case_repository_add_event() for notes and messages.
 */
gboolean
cd_case_repository_update (CdCaseRepository  *self,
                           CdCase            *kase,
                           GError           **error)
{
  g_autoptr(CdCase) before = NULL;
  g_autoptr(CdTimelineEvent) event = NULL;
  g_autofree char *changes = NULL;
  gboolean stage_only = FALSE;

  g_return_val_if_fail (CD_IS_CASE_REPOSITORY (self), FALSE);
  g_return_val_if_fail (kase->id > 0, FALSE);

  if (!check_case (kase, error))
    return FALSE;

  if (!cd_database_begin (self->db, error))
    return FALSE;

  before = cd_case_repository_load (self, kase->id, error);
  if (before == NULL)
    goto failed;

  changes = cd_case_describe_changes (before, kase, &stage_only);
  kase->updated_at = MAX (cd_time_now (), before->updated_at + 1);
  event = cd_timeline_event_new (kase->updated_at,
                                 stage_only ? CD_EVENT_STAGE : CD_EVENT_EDITED, changes);

  if (!update_case_row (self, kase, error) ||
      !delete_children (self, kase->id, FALSE, error) ||
      !insert_compensations (self, kase, error) ||
      !insert_followups (self, kase, TRUE, error) ||
      !insert_event (self, kase->id, event, error) ||
      !cd_database_commit (self->db, error))
    goto failed;

  g_ptr_array_add (kase->events, g_steal_pointer (&event));
  g_signal_emit (self, signals[CASE_CHANGED], 0, kase->id);
  return TRUE;

failed:
  if (cd_database_in_transaction (self->db))
    cd_database_rollback (self->db);
  kase->updated_at = before != NULL ? before->updated_at : kase->updated_at;
  return FALSE;
}

/**
 * cd_case_repository_add_event:
 * @kind: one of the `CD_EVENT_` kinds
 * @text: (nullable): what to record
 *
 * Appends a line to the case's timeline (a note, a copied message) and marks it updated.
 */
gboolean
cd_case_repository_add_event (CdCaseRepository  *self,
                              CdCase            *kase,
                              const char        *kind,
                              const char        *text,
                              GError           **error)
{
  g_autoptr(CdTimelineEvent) event = NULL;
  sqlite3_stmt *stmt;
  gint64 now = MAX (cd_time_now (), kase->updated_at + 1);

  g_return_val_if_fail (CD_IS_CASE_REPOSITORY (self), FALSE);
  g_return_val_if_fail (kase->id > 0, FALSE);

  event = cd_timeline_event_new (now, kind, text);

  if (!cd_database_begin (self->db, error))
    return FALSE;

  stmt = cd_database_prepare (self->db, "UPDATE cases SET updated_at = :at WHERE id = :id",
                              error);
  if (stmt == NULL)
    goto failed;
  cd_database_bind_int64 (stmt, ":at", now);
  cd_database_bind_int64 (stmt, ":id", kase->id);
  if (!cd_database_step_done (self->db, stmt, error))
    goto failed;
  if (sqlite3_changes (cd_database_get_handle (self->db)) == 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, _("The case no longer exists"));
      goto failed;
    }
  if (!insert_event (self, kase->id, event, error) || !cd_database_commit (self->db, error))
    goto failed;

  kase->updated_at = now;
  g_ptr_array_add (kase->events, g_steal_pointer (&event));
  g_signal_emit (self, signals[CASE_CHANGED], 0, kase->id);
  return TRUE;

failed:
  if (cd_database_in_transaction (self->db))
    cd_database_rollback (self->db);
  return FALSE;
}

/**
 * cd_case_repository_delete:
 *
 * Deletes the case with everything it holds. (The UI keeps the loaded case for undo and
 * stores it again with cd_case_repository_store_imported().)
 */
gboolean
cd_case_repository_delete (CdCaseRepository  *self,
                           gint64             id,
                           GError           **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db, "DELETE FROM cases WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":id", id);
  if (!cd_database_step_done (self->db, stmt, error))
    return FALSE;
  if (sqlite3_changes (cd_database_get_handle (self->db)) == 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, _("The case no longer exists"));
      return FALSE;
    }
  g_signal_emit (self, signals[CASE_REMOVED], 0, id);
  return TRUE;
}

/**
 * cd_case_repository_restore:
 * @kase: a case as it was loaded before cd_case_repository_delete()
 *
 * Stores a deleted case again, with its id, uid and whole timeline: the undo of a deletion.
 */
gboolean
cd_case_repository_restore (CdCaseRepository  *self,
                            CdCase            *kase,
                            GError           **error)
{
  sqlite3_stmt *stmt;
  gint64 id = kase->id;

  g_return_val_if_fail (CD_IS_CASE_REPOSITORY (self), FALSE);

  if (!cd_database_begin (self->db, error))
    return FALSE;

  /* The same id again, so that links to it (the blacklist's, an open page) still hold. */
  stmt = cd_database_prepare (self->db,
                              "INSERT INTO cases (id, uid, created_at, updated_at) "
                              "VALUES (:id, :uid, :created_at, :updated_at)", error);
  if (stmt == NULL)
    goto failed;
  cd_database_bind_int64 (stmt, ":id", id);
  cd_database_bind_text (stmt, ":uid", kase->uid);
  cd_database_bind_int64 (stmt, ":created_at", kase->created_at);
  cd_database_bind_int64 (stmt, ":updated_at", kase->updated_at);
  if (!cd_database_step_done (self->db, stmt, error) ||
      !update_case_row (self, kase, error) ||
      !insert_compensations (self, kase, error) ||
      !insert_followups (self, kase, TRUE, error) ||
      !insert_events (self, kase, error) ||
      !cd_database_commit (self->db, error))
    goto failed;

  g_signal_emit (self, signals[CASE_ADDED], 0, id);
  return TRUE;

failed:
  if (cd_database_in_transaction (self->db))
    cd_database_rollback (self->db);
  kase->id = id;
  return FALSE;
}

gint64
cd_case_repository_count (CdCaseRepository  *self,
                          GError           **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db, "SELECT COUNT(*) FROM cases", error);
  gint64 count;

  if (stmt == NULL || cd_database_step (self->db, stmt, error) != CD_STEP_ROW)
    return -1;
  count = sqlite3_column_int64 (stmt, 0);
  cd_database_release (stmt);
  return count;
}

static gboolean
search_stmt (CdCaseRepository  *self,
             const char        *sql,
             gint64             id,
             GError           **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":id", id);
  return cd_database_step_done (self->db, stmt, error);
}

/**
 * cd_case_search_body:
 *
 * What the search index holds for @kase: the same text as the case_search_source view
 * (0002-case-search.sql) makes of its stored row. The importer folds it on whichever thread
 * parsed the case, and the database only stores it.
 *
 * Returns: (transfer full): the folded text
 */
char *
cd_case_search_body (const CdCase *kase)
{
  g_autofree char *digits = cd_text_digits (kase->phone);
  g_autofree char *phone_key = cd_text_phone_key (kase->phone);
  const char *fields[] = {
    kase->customer_name, kase->buyer_id, kase->phone, digits, phone_key, kase->email,
    kase->order_number, kase->product, kase->description, kase->summary,
    kase->customer_wants, kase->promise, kase->improvement,
  };
  const char *parts[G_N_ELEMENTS (fields) + 1];
  gsize n = 0;

  /* As cd_search_text() takes its arguments: the empty ones are left out */
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && fields[i][0] != '\0')
      parts[n++] = fields[i];
  parts[n] = NULL;
  return cd_text_fold_for_search (parts);
}

/* Notes @kase, stored in bulk mode, for the search index, with what to index it by. */
static gboolean
note_for_index (CdCaseRepository  *self,
                CdCase            *kase,
                const char        *search_body,
                GError           **error)
{
  g_autofree char *body = search_body == NULL ? cd_case_search_body (kase) : NULL;
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "INSERT INTO temp.cd_reindex (id, body) VALUES (:id, :body)", error);

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":id", kase->id);
  cd_database_bind_text (stmt, ":body", search_body != NULL ? search_body : body);
  return cd_database_step_done (self->db, stmt, error);
}

/**
 * cd_case_repository_store_imported:
 * @kase: a case read from a file, with its own timeline
 * @result: (out): what happened
 *
 * Adds @kase, or replaces the stored case of the same uid when @kase is newer (by
 * updated_at). Runs inside the caller's transaction; emits nothing (see emit_reset()).
 */
gboolean
cd_case_repository_store_imported (CdCaseRepository  *self,
                                   CdCase            *kase,
                                   CdStoreResult     *result,
                                   GError           **error)
{
  return cd_case_repository_store_imported_full (self, kase, NULL, result, error);
}

/**
 * cd_case_repository_store_imported_full:
 * @search_body: (nullable): cd_case_search_body() of @kase, when the caller has it
 *
 * Like cd_case_repository_store_imported().
 */
gboolean
cd_case_repository_store_imported_full (CdCaseRepository  *self,
                                        CdCase            *kase,
                                        const char        *search_body,
                                        CdStoreResult     *result,
                                        GError           **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT id, updated_at FROM cases WHERE uid = :uid", error);
  gint64 stored_updated_at = 0;

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_text (stmt, ":uid", kase->uid);
  switch (cd_database_step (self->db, stmt, error))
    {
    case CD_STEP_ROW:
      kase->id = sqlite3_column_int64 (stmt, 0);
      stored_updated_at = sqlite3_column_int64 (stmt, 1);
      cd_database_release (stmt);
      break;
    case CD_STEP_DONE:
      kase->id = 0;
      break;
    case CD_STEP_ERROR:
    default:
      return FALSE;
    }

  if (kase->id == 0)
    {
      *result = CD_STORE_ADDED;
      return insert_case_row (self, kase, error) &&
             insert_compensations (self, kase, error) &&
             insert_followups (self, kase, FALSE, error) &&
             insert_events (self, kase, error) &&
             (!self->bulk || note_for_index (self, kase, search_body, error));
    }

  if (kase->updated_at <= stored_updated_at)
    {
      *result = CD_STORE_UNCHANGED;
      return TRUE;
    }

  *result = CD_STORE_UPDATED;
  return (!self->bulk || search_stmt (self,
            "INSERT INTO case_search (case_search, rowid, body) "
            "SELECT 'delete', id, body FROM case_search_source WHERE id = :id", kase->id, error)) &&
         update_case_row (self, kase, error) &&
         delete_children (self, kase->id, TRUE, error) &&
         insert_compensations (self, kase, error) &&
         insert_followups (self, kase, FALSE, error) &&
         insert_events (self, kase, error) &&
         (!self->bulk || note_for_index (self, kase, search_body, error));
}

/* Adds the cases stored in bulk mode to the search index. */
static gboolean
index_stored (CdCaseRepository  *self,
              GError           **error)
{
  return cd_database_exec (self->db,
                           "INSERT INTO case_search (rowid, body) "
                           "SELECT id, body FROM temp.cd_reindex;"
                           "DELETE FROM temp.cd_reindex", error);
}

/**
 * cd_case_repository_begin_bulk:
 *
 * Before many store_imported() calls, inside the caller's transaction: the search index is
 * then brought up to date once, by cd_case_repository_end_bulk(), instead of row by row.
 * The triggers that keep it are dropped meanwhile: even with nothing to do, each ran as a
 * sub-program of every insert, a third of its cost. A rollback brings them back.
 */
gboolean
cd_case_repository_begin_bulk (CdCaseRepository  *self,
                               GError           **error)
{
  g_return_val_if_fail (cd_database_in_transaction (self->db), FALSE);
  g_return_val_if_fail (self->dropped_triggers == NULL, FALSE);

  if (!cd_database_exec (self->db,
                         "CREATE TEMP TABLE IF NOT EXISTS cd_reindex "
                         "(id INTEGER PRIMARY KEY, body TEXT);"
                         "DELETE FROM temp.cd_reindex", error))
    return FALSE;
  self->dropped_triggers = cd_database_drop_objects (self->db, "trigger", "cases", error);
  if (self->dropped_triggers == NULL)
    return FALSE;
  cd_database_set_search_auto (self->db, FALSE);
  self->bulk = TRUE;
  return TRUE;
}

/**
 * cd_case_repository_end_bulk:
 *
 * Indexes the cases stored since begin_bulk(), creates the triggers again and returns to
 * row-by-row indexing, whether it succeeds or not.
 */
gboolean
cd_case_repository_end_bulk (CdCaseRepository  *self,
                             GError           **error)
{
  g_autoptr(GPtrArray) triggers = g_steal_pointer (&self->dropped_triggers);

  cd_database_set_search_auto (self->db, TRUE);
  self->bulk = FALSE;
  return index_stored (self, error) &&
         (triggers == NULL || cd_database_create_objects (self->db, triggers, error));
}

/**
 * cd_case_repository_index_bulk:
 *
 * Indexes the cases stored since begin_bulk() or the last call, and stays in bulk mode: an
 * import calls it while it waits for the next cases to be parsed, so that end_bulk() has
 * little left to do.
 */
gboolean
cd_case_repository_index_bulk (CdCaseRepository  *self,
                               GError           **error)
{
  g_return_val_if_fail (self->bulk, FALSE);

  return index_stored (self, error);
}

void
cd_case_repository_emit_reset (CdCaseRepository *self)
{
  g_signal_emit (self, signals[RESET], 0);
}
