/* cd-blacklist-repository.c — the blacklist in the database
 *
 * Look-ups go through normalised keys kept beside each entry and indexed: the buyer ID as
 * typed (trimmed), the nickname folded (NFKC + case folding) and the phone as its digits
 * without a country code. A look-up is then three index probes, whatever the list's size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-blacklist-repository"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-blacklist-repository.h"
#include "cd-error.h"
#include "cd-text.h"
#include "cd-time.h"

/* A phone key shorter than this is a fragment, not a number: it never matches. */
#define MIN_PHONE_DIGITS 5

/* An import of at least this many entries, and more than the list holds, drops the list's
 * indexes and builds them again at the end: sorting the keys once is several times faster
 * than inserting each into five indexes. */
#define BULK_MIN_ENTRIES 10000

struct _CdBlacklistRepository
{
  GObject     parent_instance;

  /* Owned */
  CdDatabase *db;
  GPtrArray  *dropped_indexes;  /* (element-type utf8) their CREATE statements, in bulk */
};

G_DEFINE_FINAL_TYPE (CdBlacklistRepository, cd_blacklist_repository, G_TYPE_OBJECT)

enum {
  ENTRY_ADDED,
  ENTRY_CHANGED,
  ENTRY_REMOVED,
  RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ENTRY_COLUMNS \
  "id, uid, platform, buyer_id, nickname, phone, name, reason, evidence, added_at, active"

static void
cd_blacklist_repository_dispose (GObject *object)
{
  CdBlacklistRepository *self = (CdBlacklistRepository *) object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->dropped_indexes, g_ptr_array_unref);
  G_OBJECT_CLASS (cd_blacklist_repository_parent_class)->dispose (object);
}

static void
cd_blacklist_repository_class_init (CdBlacklistRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_blacklist_repository_dispose;

  signals[ENTRY_ADDED] = g_signal_new ("entry-added", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ENTRY_CHANGED] = g_signal_new ("entry-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ENTRY_REMOVED] = g_signal_new ("entry-removed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cd_blacklist_repository_init (CdBlacklistRepository *self)
{
}

/**
 * cd_blacklist_repository_new:
 *
 * Returns: (transfer full): a repository over @db
 */
CdBlacklistRepository *
cd_blacklist_repository_new (CdDatabase *db)
{
  CdBlacklistRepository *self = g_object_new (CD_TYPE_BLACKLIST_REPOSITORY, NULL);

  self->db = g_object_ref (db);
  return self;
}

static char *
buyer_id_key (const char *buyer_id)
{
  return g_strstrip (g_strdup (buyer_id != NULL ? buyer_id : ""));
}

static char *
phone_key (const char *phone)
{
  char *key = cd_text_phone_key (phone);

  if (strlen (key) < MIN_PHONE_DIGITS)
    {
      g_free (key);
      return g_strdup ("");
    }
  return key;
}

static gboolean
check_entry (CdBlacklistEntry  *entry,
             GError           **error)
{
  if (cd_text_is_blank (entry->buyer_id) && cd_text_is_blank (entry->nickname) &&
      cd_text_is_blank (entry->phone))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                   _("A blacklist entry needs a buyer ID, a nickname or a phone number"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_blacklist_keys_init:
 *
 * Computes @entry's look-up keys into @keys; free them with cd_blacklist_keys_clear().
 * Reads nothing but @entry, so any thread may call it: the importer does on the thread that
 * parsed the entry.
 */
void
cd_blacklist_keys_init (CdBlacklistKeys        *keys,
                        const CdBlacklistEntry *entry)
{
  keys->buyer_id = buyer_id_key (entry->buyer_id);
  keys->nickname = cd_text_fold (entry->nickname);
  keys->phone = phone_key (entry->phone);
}

void
cd_blacklist_keys_clear (CdBlacklistKeys *keys)
{
  g_clear_pointer (&keys->buyer_id, g_free);
  g_clear_pointer (&keys->nickname, g_free);
  g_clear_pointer (&keys->phone, g_free);
}

/* Binds @entry and its @keys without copying them: both must stay as they are until the
 * statement is stepped. */
static void
bind_entry (sqlite3_stmt          *stmt,
            CdBlacklistEntry      *entry,
            const CdBlacklistKeys *keys)
{
  cd_database_bind_text_static (stmt, ":uid", entry->uid);
  cd_database_bind_text_static (stmt, ":platform",
                                cd_enum_to_nick (CD_TYPE_PLATFORM, entry->platform));
  cd_database_bind_text_static (stmt, ":buyer_id", entry->buyer_id);
  cd_database_bind_text_static (stmt, ":nickname", entry->nickname);
  cd_database_bind_text_static (stmt, ":phone", entry->phone);
  cd_database_bind_text_static (stmt, ":name", entry->name);
  cd_database_bind_text_static (stmt, ":reason",
                                cd_enum_to_nick (CD_TYPE_BLACKLIST_REASON, entry->reason));
  cd_database_bind_text_static (stmt, ":evidence", entry->evidence);
  cd_database_bind_int64 (stmt, ":added_at", entry->added_at);
  cd_database_bind_int64 (stmt, ":active", entry->active ? 1 : 0);
  cd_database_bind_text_static (stmt, ":buyer_id_key", keys->buyer_id);
  cd_database_bind_text_static (stmt, ":nickname_key", keys->nickname);
  cd_database_bind_text_static (stmt, ":phone_key", keys->phone);
}

/* Steps @stmt with @entry bound, and its keys: @keys when the caller has them; @with_id for
 * a statement with an :id too. */
static gboolean
step_entry (CdBlacklistRepository  *self,
            sqlite3_stmt           *stmt,
            CdBlacklistEntry       *entry,
            const CdBlacklistKeys  *keys,
            gboolean                with_id,
            GError                **error)
{
  CdBlacklistKeys own = { NULL, };
  gboolean ok;

  if (keys == NULL)
    {
      cd_blacklist_keys_init (&own, entry);
      keys = &own;
    }
  bind_entry (stmt, entry, keys);
  if (with_id)
    cd_database_bind_int64 (stmt, ":id", entry->id);
  ok = cd_database_step_done (self->db, stmt, error);
  cd_blacklist_keys_clear (&own);
  return ok;
}

static gboolean
write_case_uids (CdBlacklistRepository  *self,
                 CdBlacklistEntry       *entry,
                 gboolean                replace,
                 GError                **error)
{
  sqlite3_stmt *stmt;

  if (replace)
    {
      stmt = cd_database_prepare (self->db,
                                  "DELETE FROM blacklist_cases WHERE entry_id = :entry_id", error);
      if (stmt == NULL)
        return FALSE;
      cd_database_bind_int64 (stmt, ":entry_id", entry->id);
      if (!cd_database_step_done (self->db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < entry->case_uids->len; i++)
    {
      stmt = cd_database_prepare (self->db,
        "INSERT INTO blacklist_cases (entry_id, case_uid) VALUES (:entry_id, :case_uid)", error);
      if (stmt == NULL)
        return FALSE;
      cd_database_bind_int64 (stmt, ":entry_id", entry->id);
      cd_database_bind_text (stmt, ":case_uid", g_ptr_array_index (entry->case_uids, i));
      if (!cd_database_step_done (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Inserts @entry; with @if_new, does nothing when its uid is taken, and says so in *added. */
static gboolean
insert_row_full (CdBlacklistRepository  *self,
                 CdBlacklistEntry       *entry,
                 const CdBlacklistKeys  *keys,
                 gboolean                if_new,
                 gboolean               *added,
                 GError                **error)
{
#define INSERT_ENTRY \
  "INSERT INTO blacklist (uid, platform, buyer_id, nickname, phone, name, reason, evidence, " \
  "added_at, active, buyer_id_key, nickname_key, phone_key) VALUES (:uid, :platform, " \
  ":buyer_id, :nickname, :phone, :name, :reason, :evidence, :added_at, :active, " \
  ":buyer_id_key, :nickname_key, :phone_key)"
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
                                            if_new ? INSERT_ENTRY " ON CONFLICT (uid) DO NOTHING"
                                                   : INSERT_ENTRY, error);
#undef INSERT_ENTRY

  if (stmt == NULL)
    return FALSE;
  if (!step_entry (self, stmt, entry, keys, FALSE, error))
    return FALSE;
  *added = sqlite3_changes (cd_database_get_handle (self->db)) > 0;
  if (!*added)
    return TRUE;
  entry->id = sqlite3_last_insert_rowid (cd_database_get_handle (self->db));
  return write_case_uids (self, entry, FALSE, error);
}

static gboolean
insert_row (CdBlacklistRepository  *self,
            CdBlacklistEntry       *entry,
            GError                **error)
{
  gboolean added;

  return insert_row_full (self, entry, NULL, FALSE, &added, error);
}

static gboolean
update_row_full (CdBlacklistRepository  *self,
                 CdBlacklistEntry       *entry,
                 const CdBlacklistKeys  *keys,
                 GError                **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "UPDATE blacklist SET uid = :uid, platform = :platform, buyer_id = :buyer_id, "
    "nickname = :nickname, phone = :phone, name = :name, reason = :reason, "
    "evidence = :evidence, added_at = :added_at, active = :active, "
    "buyer_id_key = :buyer_id_key, nickname_key = :nickname_key, phone_key = :phone_key "
    "WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  if (!step_entry (self, stmt, entry, keys, TRUE, error))
    return FALSE;
  if (sqlite3_changes (cd_database_get_handle (self->db)) == 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, _("The blacklist entry no longer exists"));
      return FALSE;
    }
  return write_case_uids (self, entry, TRUE, error);
}

static gboolean
update_row (CdBlacklistRepository  *self,
            CdBlacklistEntry       *entry,
            GError                **error)
{
  return update_row_full (self, entry, NULL, error);
}

/* Runs @write in a transaction of its own, or as part of the caller's. */
static gboolean
in_transaction (CdBlacklistRepository  *self,
                CdBlacklistEntry       *entry,
                gboolean              (*write) (CdBlacklistRepository *,
                                                CdBlacklistEntry *,
                                                GError **),
                GError                **error)
{
  if (!cd_database_begin (self->db, error))
    return FALSE;
  if (!write (self, entry, error) || !cd_database_commit (self->db, error))
    {
      if (cd_database_in_transaction (self->db))
        cd_database_rollback (self->db);
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_blacklist_repository_insert:
 * @entry: a new entry; its id, uid (when empty) and added_at (when 0) are filled in
 */
gboolean
cd_blacklist_repository_insert (CdBlacklistRepository  *self,
                                CdBlacklistEntry       *entry,
                                GError                **error)
{
  g_return_val_if_fail (CD_IS_BLACKLIST_REPOSITORY (self), FALSE);
  g_return_val_if_fail (entry->id == 0, FALSE);

  if (!check_entry (entry, error))
    return FALSE;
  if (entry->uid[0] == '\0')
    {
      g_free (entry->uid);
      entry->uid = g_uuid_string_random ();
    }
  if (entry->added_at == 0)
    entry->added_at = cd_time_now ();

  if (!in_transaction (self, entry, insert_row, error))
    {
      entry->id = 0;
      return FALSE;
    }
  g_signal_emit (self, signals[ENTRY_ADDED], 0, entry->id);
  return TRUE;
}

gboolean
cd_blacklist_repository_update (CdBlacklistRepository  *self,
                                CdBlacklistEntry       *entry,
                                GError                **error)
{
  g_return_val_if_fail (CD_IS_BLACKLIST_REPOSITORY (self), FALSE);
  g_return_val_if_fail (entry->id > 0, FALSE);

  if (!check_entry (entry, error) || !in_transaction (self, entry, update_row, error))
    return FALSE;
  g_signal_emit (self, signals[ENTRY_CHANGED], 0, entry->id);
  return TRUE;
}

gboolean
cd_blacklist_repository_set_active (CdBlacklistRepository  *self,
                                    gint64                  id,
                                    gboolean                active,
                                    GError                **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "UPDATE blacklist SET active = :active WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":active", active ? 1 : 0);
  cd_database_bind_int64 (stmt, ":id", id);
  if (!cd_database_step_done (self->db, stmt, error))
    return FALSE;
  if (sqlite3_changes (cd_database_get_handle (self->db)) == 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, _("The blacklist entry no longer exists"));
      return FALSE;
    }
  g_signal_emit (self, signals[ENTRY_CHANGED], 0, id);
  return TRUE;
}

gboolean
cd_blacklist_repository_delete (CdBlacklistRepository  *self,
                                gint64                  id,
                                GError                **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db, "DELETE FROM blacklist WHERE id = :id",
                                            error);

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":id", id);
  if (!cd_database_step_done (self->db, stmt, error))
    return FALSE;
  if (sqlite3_changes (cd_database_get_handle (self->db)) == 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, _("The blacklist entry no longer exists"));
      return FALSE;
    }
  g_signal_emit (self, signals[ENTRY_REMOVED], 0, id);
  return TRUE;
}

static CdBlacklistEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  CdBlacklistEntry *entry = cd_blacklist_entry_new ();
  int value;

  entry->id = sqlite3_column_int64 (stmt, 0);
  g_free (entry->uid);
  entry->uid = g_strdup (cd_database_column_text (stmt, 1));
  if (cd_enum_from_nick (CD_TYPE_PLATFORM, cd_database_column_text (stmt, 2), &value))
    entry->platform = value;
  g_free (entry->buyer_id);
  entry->buyer_id = g_strdup (cd_database_column_text (stmt, 3));
  g_free (entry->nickname);
  entry->nickname = g_strdup (cd_database_column_text (stmt, 4));
  g_free (entry->phone);
  entry->phone = g_strdup (cd_database_column_text (stmt, 5));
  g_free (entry->name);
  entry->name = g_strdup (cd_database_column_text (stmt, 6));
  if (cd_enum_from_nick (CD_TYPE_BLACKLIST_REASON, cd_database_column_text (stmt, 7), &value))
    entry->reason = value;
  g_free (entry->evidence);
  entry->evidence = g_strdup (cd_database_column_text (stmt, 8));
  entry->added_at = sqlite3_column_int64 (stmt, 9);
  entry->active = sqlite3_column_int (stmt, 10) != 0;
  return entry;
}

static gboolean
load_case_uids (CdBlacklistRepository  *self,
                CdBlacklistEntry       *entry,
                GError                **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT case_uid FROM blacklist_cases WHERE entry_id = :entry_id ORDER BY id", error);
  CdStep step;

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":entry_id", entry->id);
  while ((step = cd_database_step (self->db, stmt, error)) == CD_STEP_ROW)
    g_ptr_array_add (entry->case_uids, g_strdup (cd_database_column_text (stmt, 0)));
  return step == CD_STEP_DONE;
}

/* Reads every row of @stmt (already bound) into entries with their case uids. */
static GPtrArray *
collect_entries (CdBlacklistRepository  *self,
                 sqlite3_stmt           *stmt,
                 GError                **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  CdStep step;

  while ((step = cd_database_step (self->db, stmt, error)) == CD_STEP_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  if (step == CD_STEP_ERROR)
    return NULL;

  for (guint i = 0; i < entries->len; i++)
    if (!load_case_uids (self, g_ptr_array_index (entries, i), error))
      return NULL;
  return g_steal_pointer (&entries);
}

/**
 * cd_blacklist_repository_load:
 *
 * Returns: (transfer full): the entry, or %NULL with @error set
 */
CdBlacklistEntry *
cd_blacklist_repository_load (CdBlacklistRepository  *self,
                              gint64                  id,
                              GError                **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT " ENTRY_COLUMNS " FROM blacklist WHERE id = :id", error);
  g_autoptr(GPtrArray) found = NULL;

  if (stmt == NULL)
    return NULL;
  cd_database_bind_int64 (stmt, ":id", id);
  found = collect_entries (self, stmt, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, _("The blacklist entry no longer exists"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

/**
 * cd_blacklist_repository_list:
 *
 * Returns: (transfer full) (element-type CdBlacklistEntry): every entry, newest first
 */
GPtrArray *
cd_blacklist_repository_list (CdBlacklistRepository  *self,
                              GError                **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT " ENTRY_COLUMNS " FROM blacklist ORDER BY added_at DESC, id DESC", error);

  if (stmt == NULL)
    return NULL;
  return collect_entries (self, stmt, error);
}

gint64
cd_blacklist_repository_count (CdBlacklistRepository  *self,
                               GError                **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db, "SELECT COUNT(*) FROM blacklist", error);
  gint64 count;

  if (stmt == NULL || cd_database_step (self->db, stmt, error) != CD_STEP_ROW)
    return -1;
  count = sqlite3_column_int64 (stmt, 0);
  cd_database_release (stmt);
  return count;
}

/* Newest first, and of two added at the same moment the one stored last: the order of
 * "ORDER BY added_at DESC, id DESC", which the lists use. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const CdBlacklistEntry *x = *(CdBlacklistEntry * const *) a;
  const CdBlacklistEntry *y = *(CdBlacklistEntry * const *) b;

  if (x->added_at != y->added_at)
    return x->added_at < y->added_at ? 1 : -1;
  return (x->id < y->id) - (x->id > y->id);
}

static void
bind_key_or_null (sqlite3_stmt *stmt,
                  const char   *name,
                  const char   *key)
{
  /* An empty key matches nothing (entries without that field store ''). */
  if (key == NULL || *key == '\0')
    cd_database_bind_null (stmt, name);
  else
    cd_database_bind_text (stmt, name, key);
}

/**
 * cd_blacklist_repository_find_matches:
 * @buyer_id: (nullable): matched exactly
 * @nickname: (nullable): matched after NFKC and case folding
 * @phone: (nullable): matched by its digits, without +86 / 0086
 *
 * Finds the active entries that match any of the keys given. To look up one piece of text
 * of unknown kind, pass it as all three.
 *
 * Returns: (transfer full) (element-type CdBlacklistEntry): the matches, maybe none; %NULL
 *   with @error set on failure
 */
GPtrArray *
cd_blacklist_repository_find_matches (CdBlacklistRepository  *self,
                                      const char             *buyer_id,
                                      const char             *nickname,
                                      const char             *phone,
                                      GError                **error)
{
  g_autofree char *id_key = buyer_id_key (buyer_id);
  g_autofree char *nick_key = cd_text_fold (nickname);
  g_autofree char *tel_key = phone_key (phone);
  g_autoptr(GPtrArray) matches = NULL;
  /* Three index probes whose rows SQLite merges by rowid (a MULTI-INDEX OR), so an entry
   * matched by two keys comes once. "+active" keeps the planner off the (active, added_at)
   * index, which it would rather walk, reading every active entry (10× slower at a million
   * entries). The few matches are sorted here: the statement used to union the probes into
   * a temporary B-tree and sort with a sorter, and was dearer to prepare than to run
   * (--check-buyer prepares it once a process). */
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT " ENTRY_COLUMNS " FROM blacklist"
    " WHERE (buyer_id_key = :buyer_id_key OR nickname_key = :nickname_key"
    " OR phone_key = :phone_key) AND +active = 1", error);

  if (stmt == NULL)
    return NULL;
  bind_key_or_null (stmt, ":buyer_id_key", id_key);
  bind_key_or_null (stmt, ":nickname_key", nick_key);
  bind_key_or_null (stmt, ":phone_key", tel_key);
  matches = collect_entries (self, stmt, error);
  if (matches != NULL)
    g_ptr_array_sort (matches, compare_newest_first);
  return g_steal_pointer (&matches);
}

/**
 * cd_blacklist_repository_store_imported:
 *
 * Adds @entry, or writes it over the stored entry of the same uid (the format carries no
 * modification time for entries, so the file's version is taken). Runs inside the caller's
 * transaction and emits nothing.
 */
gboolean
cd_blacklist_repository_store_imported (CdBlacklistRepository  *self,
                                        CdBlacklistEntry       *entry,
                                        CdStoreResult          *result,
                                        GError                **error)
{
  return cd_blacklist_repository_store_imported_full (self, entry, NULL, result, error);
}

/**
 * cd_blacklist_repository_store_imported_full:
 * @keys: (nullable): cd_blacklist_keys_init() of @entry, when the caller has them
 *
 * Like cd_blacklist_repository_store_imported().
 */
gboolean
cd_blacklist_repository_store_imported_full (CdBlacklistRepository  *self,
                                             CdBlacklistEntry       *entry,
                                             const CdBlacklistKeys  *keys,
                                             CdStoreResult          *result,
                                             GError                **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT " ENTRY_COLUMNS " FROM blacklist WHERE uid = :uid", error);
  g_autoptr(GPtrArray) found = NULL;
  CdBlacklistEntry *stored;
  gboolean same, added;

  if (stmt == NULL)
    return FALSE;

  /* Most imported entries are new: try that first, one statement instead of two. */
  if (!insert_row_full (self, entry, keys, TRUE, &added, error))
    return FALSE;
  if (added)
    {
      *result = CD_STORE_ADDED;
      return TRUE;
    }

  cd_database_bind_text (stmt, ":uid", entry->uid);
  found = collect_entries (self, stmt, error);
  if (found == NULL)
    return FALSE;
  if (found->len == 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_CONFLICT, _("The blacklist entry changed while it "
                                                         "was being imported"));
      return FALSE;
    }

  stored = g_ptr_array_index (found, 0);
  entry->id = stored->id;
  same = stored->platform == entry->platform && stored->reason == entry->reason &&
         stored->added_at == entry->added_at && stored->active == entry->active &&
         g_str_equal (stored->buyer_id, entry->buyer_id) &&
         g_str_equal (stored->nickname, entry->nickname) &&
         g_str_equal (stored->phone, entry->phone) && g_str_equal (stored->name, entry->name) &&
         g_str_equal (stored->evidence, entry->evidence) &&
         stored->case_uids->len == entry->case_uids->len;
  for (guint i = 0; same && i < entry->case_uids->len; i++)
    same = g_str_equal (g_ptr_array_index (stored->case_uids, i),
                        g_ptr_array_index (entry->case_uids, i));

  if (same)
    {
      *result = CD_STORE_UNCHANGED;
      return TRUE;
    }
  *result = CD_STORE_UPDATED;
  return update_row_full (self, entry, keys, error);
}

/**
 * cd_blacklist_repository_begin_bulk:
 * @n_entries: how many entries are about to be stored
 *
 * Before storing many entries with store_imported_full(), inside the caller's transaction:
 * when they are more than the list holds, and many, the list's look-up and ordering indexes
 * are dropped, to be built again by cd_blacklist_repository_end_bulk(). A rollback brings
 * them back as they were.
 */
gboolean
cd_blacklist_repository_begin_bulk (CdBlacklistRepository  *self,
                                    guint                   n_entries,
                                    GError                **error)
{
  gint64 stored;

  g_return_val_if_fail (CD_IS_BLACKLIST_REPOSITORY (self), FALSE);
  g_return_val_if_fail (cd_database_in_transaction (self->db), FALSE);
  g_return_val_if_fail (self->dropped_indexes == NULL, FALSE);

  if (n_entries < BULK_MIN_ENTRIES)
    return TRUE;
  stored = cd_blacklist_repository_count (self, error);
  if (stored < 0)
    return FALSE;
  if ((gint64) n_entries <= stored)
    return TRUE;

  /* Not the uid's, which the import looks entries up by: SQLite's own, it has no SQL */
  self->dropped_indexes = cd_database_drop_objects (self->db, "index", "blacklist", error);
  return self->dropped_indexes != NULL;
}

/**
 * cd_blacklist_repository_end_bulk:
 * @stored: whether the entries were stored, and the transaction is to be committed; if not,
 *   its rollback brings the indexes back
 *
 * Builds the indexes begin_bulk() dropped again.
 */
gboolean
cd_blacklist_repository_end_bulk (CdBlacklistRepository  *self,
                                  gboolean                stored,
                                  GError                **error)
{
  g_autoptr(GPtrArray) creates = g_steal_pointer (&self->dropped_indexes);

  g_return_val_if_fail (CD_IS_BLACKLIST_REPOSITORY (self), FALSE);

  return !stored || creates == NULL || cd_database_create_objects (self->db, creates, error);
}

void
cd_blacklist_repository_emit_reset (CdBlacklistRepository *self)
{
  g_signal_emit (self, signals[RESET], 0);
}

/**
 * cd_blacklist_repository_get_database:
 *
 * Returns: (transfer none): the database
 */
CdDatabase *
cd_blacklist_repository_get_database (CdBlacklistRepository *self)
{
  g_return_val_if_fail (CD_IS_BLACKLIST_REPOSITORY (self), NULL);
  return self->db;
}

static gboolean
restore_row (CdBlacklistRepository  *self,
             CdBlacklistEntry       *entry,
             GError                **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "INSERT INTO blacklist (id, uid, platform, buyer_id, nickname, phone, name, reason, "
    "evidence, added_at, active, buyer_id_key, nickname_key, phone_key) VALUES (:id, :uid, "
    ":platform, :buyer_id, :nickname, :phone, :name, :reason, :evidence, :added_at, :active, "
    ":buyer_id_key, :nickname_key, :phone_key) ON CONFLICT DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  if (!step_entry (self, stmt, entry, NULL, TRUE, error))
    return FALSE;
  if (sqlite3_changes (cd_database_get_handle (self->db)) == 0)
    {
      /* SQLite hands the largest rowid out again once it is deleted, so the old id may be
       * taken by now: the entry comes back under a new one (or fails if its uid is taken). */
      entry->id = 0;
      return insert_row (self, entry, error);
    }
  return write_case_uids (self, entry, FALSE, error);
}

/**
 * cd_blacklist_repository_restore:
 * @entry: an entry as it was loaded before it was deleted
 *
 * Puts a deleted entry back (undo), with its uid, its case links and, when still free, its
 * id, so it returns to the same place in every list. Emits entry-added.
 */
gboolean
cd_blacklist_repository_restore (CdBlacklistRepository  *self,
                                 CdBlacklistEntry       *entry,
                                 GError                **error)
{
  gint64 old_id = entry->id;

  g_return_val_if_fail (CD_IS_BLACKLIST_REPOSITORY (self), FALSE);
  g_return_val_if_fail (entry->id > 0 && entry->uid[0] != '\0', FALSE);

  if (!check_entry (entry, error))
    return FALSE;
  if (!in_transaction (self, entry, restore_row, error))
    {
      entry->id = old_id;
      return FALSE;
    }
  g_signal_emit (self, signals[ENTRY_ADDED], 0, entry->id);
  return TRUE;
}
