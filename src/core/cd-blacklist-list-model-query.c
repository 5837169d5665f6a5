/* cd-blacklist-list-model-query.c — which entries the blacklist list shows, in which order
 *
 * Without a search, the list is every entry, newest first. A search matches three keys by
 * prefix, each through its own index range scan (key >= :prefix AND key < :upper, the upper
 * bound being the prefix with its last byte raised by one): the buyer ID as typed, the
 * nickname folded (NFKC + case folding, so `luck` finds `ＬｕｃｋｙＳｔａｒ`) and, when the text
 * looks like a phone number, the phone's digits. The results come grouped by the key that
 * matched, in that order, each group in key order: an exact match leads its group, and no
 * sort is needed, whatever the number of matches.
 *
 * Deactivated entries are hidden unless asked for. The indexes hold the keys but not the
 * active flag, so checking it row by row would read the table for every match: a small
 * result is checked row by row; a large one against the set of inactive ids, read once by a
 * scan and then kept up to date from the repository's signals (cd-blacklist-list-model.c).
 *
 * The same order is written out in C (row_group, compare_rows) for the model's binary
 * searches; the two must agree, which test-blacklist-list-model's random test checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-blacklist-list-model"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cd-blacklist-list-model-private.h"
#include "cd-error.h"
#include "cd-text.h"

/* Up to this many candidates, the active flag is read row by row; beyond, from the set. */
#define MAX_ROW_CHECKS 2000
/* Fewer digits than this is not yet a phone number worth looking up. */
#define MIN_PHONE_SEARCH_DIGITS 3

/* One statement per key, fixed text: the prefixes are bound. */
static const char *const group_sql[N_GROUPS] = {
  [GROUP_BUYER_ID] = "SELECT id FROM blacklist WHERE buyer_id_key >= :prefix AND "
                     "buyer_id_key < :upper ORDER BY buyer_id_key, id",
  [GROUP_NICKNAME] = "SELECT id FROM blacklist WHERE nickname_key >= :prefix AND "
                     "nickname_key < :upper ORDER BY nickname_key, id",
  [GROUP_PHONE] = "SELECT id FROM blacklist WHERE phone_key >= :prefix AND "
                  "phone_key < :upper ORDER BY phone_key, id",
};

static CdDatabase *
get_db (CdBlacklistListModel *self)
{
  return cd_blacklist_repository_get_database (self->repository);
}

gboolean
_cd_blacklist_list_model_is_searching (CdBlacklistListModel *self)
{
  for (int g = 0; g < N_GROUPS; g++)
    if (self->prefixes[g] != NULL)
      return TRUE;
  return FALSE;
}

/* Text of digits, spaces and the usual phone punctuation, with enough digits. A nickname
 * such as `Buyer12345` is no phone number, even though it has digits. */
static gboolean
looks_like_phone (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  guint digits = 0;

  if (normal == NULL)
    return FALSE;
  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        digits++;
      else if (!g_unichar_isspace (c) && (c >= 0x80 || strchr ("+-().", (int) c) == NULL))
        return FALSE;
    }
  return digits >= MIN_PHONE_SEARCH_DIGITS;
}

void
_cd_blacklist_list_model_compute_prefixes (const char *search,
                                           char       *prefixes[N_GROUPS])
{
  g_autofree char *buyer_id = g_strstrip (g_strdup (search != NULL ? search : ""));
  g_autofree char *nickname = cd_text_fold (search);

  for (int g = 0; g < N_GROUPS; g++)
    prefixes[g] = NULL;
  if (cd_text_is_blank (search))
    return;
  if (buyer_id[0] != '\0')
    prefixes[GROUP_BUYER_ID] = g_steal_pointer (&buyer_id);
  if (nickname[0] != '\0')
    prefixes[GROUP_NICKNAME] = g_steal_pointer (&nickname);
  if (looks_like_phone (search))
    {
      char *phone = cd_text_phone_key (search);

      if (phone[0] != '\0')
        prefixes[GROUP_PHONE] = phone;
      else
        g_free (phone);
    }
}

void
_cd_blacklist_list_model_clear_prefixes (char *prefixes[N_GROUPS])
{
  for (int g = 0; g < N_GROUPS; g++)
    g_clear_pointer (&prefixes[g], g_free);
}

/* The least string above every string that starts with @prefix; NULL when there is none
 * (@prefix all 0xff bytes, which UTF-8 never has). */
static char *
prefix_upper_bound (const char *prefix)
{
  char *upper = g_strdup (prefix);
  gsize len = strlen (upper);

  while (len > 0 && (guchar) upper[len - 1] == 0xff)
    upper[--len] = '\0';
  if (len == 0)
    {
      g_free (upper);
      return NULL;
    }
  upper[len - 1] = (char) ((guchar) upper[len - 1] + 1);
  return upper;
}

void
_cd_blacklist_list_model_row_keys_clear (CdBlacklistRowKeys *row)
{
  for (int g = 0; g < N_GROUPS; g++)
    g_clear_pointer (&row->keys[g], g_free);
}

/* Returns: TRUE with @row filled, or FALSE with @error set (CD_ERROR_NOT_FOUND when gone) */
gboolean
_cd_blacklist_list_model_read_row_keys (CdBlacklistListModel  *self,
                                        gint64                 id,
                                        CdBlacklistRowKeys    *row,
                                        GError               **error)
{
  CdDatabase *db = get_db (self);
  sqlite3_stmt *stmt = cd_database_prepare (db,
    "SELECT added_at, active, buyer_id_key, nickname_key, phone_key FROM blacklist "
    "WHERE id = :id", error);
  CdStep step;

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":id", id);
  step = cd_database_step (db, stmt, error);
  if (step == CD_STEP_ERROR)
    return FALSE;
  if (step == CD_STEP_DONE)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, "No blacklist entry %" G_GINT64_FORMAT,
                   id);
      return FALSE;
    }
  row->id = id;
  row->added_at = sqlite3_column_int64 (stmt, 0);
  row->active = sqlite3_column_int (stmt, 1) != 0;
  for (int g = 0; g < N_GROUPS; g++)
    row->keys[g] = g_strdup (cd_database_column_text (stmt, 2 + g));
  cd_database_release (stmt);
  return TRUE;
}

/* Returns: the group @row is listed in, or -1 when the model does not show it */
int
_cd_blacklist_list_model_row_group (CdBlacklistListModel     *self,
                                    const CdBlacklistRowKeys *row)
{
  if (!self->show_inactive && !row->active)
    return -1;
  if (!_cd_blacklist_list_model_is_searching (self))
    return 0;
  for (int g = 0; g < N_GROUPS; g++)
    if (self->prefixes[g] != NULL && g_str_has_prefix (row->keys[g], self->prefixes[g]))
      return g;
  return -1;
}

/* The order the SQL gives: newest first, or by group, key (bytewise, as SQLite's BINARY
 * collation) and id. */
int
_cd_blacklist_list_model_compare_rows (CdBlacklistListModel     *self,
                                       const CdBlacklistRowKeys *a,
                                       int                       group_a,
                                       const CdBlacklistRowKeys *b,
                                       int                       group_b)
{
  int cmp;

  if (!_cd_blacklist_list_model_is_searching (self))
    {
      if (a->added_at != b->added_at)
        return a->added_at > b->added_at ? -1 : 1;
      return (a->id < b->id) - (a->id > b->id);
    }
  if (group_a != group_b)
    return group_a < group_b ? -1 : 1;
  cmp = strcmp (a->keys[group_a], b->keys[group_b]);
  if (cmp != 0)
    return cmp;
  return (a->id > b->id) - (a->id < b->id);
}

/* Reading the ids */

static gboolean
ensure_inactive_set (CdBlacklistListModel  *self,
                     GError               **error)
{
  CdDatabase *db = get_db (self);
  g_autoptr(GHashTable) inactive = NULL;
  sqlite3_stmt *stmt;
  CdStep step;

  if (self->inactive != NULL)
    return TRUE;
  stmt = cd_database_prepare (db, "SELECT id FROM blacklist WHERE active = 0", error);
  if (stmt == NULL)
    return FALSE;
  inactive = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((step = cd_database_step (db, stmt, error)) == CD_STEP_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (inactive, id);
    }
  if (step == CD_STEP_ERROR)
    return FALSE;
  self->inactive = g_steal_pointer (&inactive);
  return TRUE;
}

static gboolean
is_active_row (CdBlacklistListModel  *self,
               gint64                 id,
               gboolean              *active,
               GError               **error)
{
  CdDatabase *db = get_db (self);
  sqlite3_stmt *stmt = cd_database_prepare (db, "SELECT active FROM blacklist WHERE id = :id",
                                            error);
  CdStep step;

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":id", id);
  step = cd_database_step (db, stmt, error);
  if (step == CD_STEP_ERROR)
    return FALSE;
  *active = step == CD_STEP_ROW && sqlite3_column_int (stmt, 0) != 0;
  if (step == CD_STEP_ROW)
    cd_database_release (stmt);
  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Appends the ids of one group to @ids, skipping those in @seen (sorted), which an earlier
 * group listed. */
static gboolean
read_group (CdBlacklistListModel  *self,
            int                    group,
            GArray                *ids,
            GArray                *seen,
            GError               **error)
{
  CdDatabase *db = get_db (self);
  g_autofree char *upper = prefix_upper_bound (self->prefixes[group]);
  sqlite3_stmt *stmt;
  CdStep step;

  if (upper == NULL)
    return TRUE;
  stmt = cd_database_prepare (db, group_sql[group], error);
  if (stmt == NULL)
    return FALSE;
  cd_database_bind_text (stmt, ":prefix", self->prefixes[group]);
  cd_database_bind_text (stmt, ":upper", upper);
  while ((step = cd_database_step (db, stmt, error)) == CD_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (seen == NULL || seen->len == 0 ||
          bsearch (&id, seen->data, seen->len, sizeof id, compare_ids) == NULL)
        g_array_append_val (ids, id);
    }
  return step == CD_STEP_DONE;
}

/* Drops the inactive entries from @ids, in place. */
static gboolean
drop_inactive (CdBlacklistListModel  *self,
               GArray                *ids,
               GError               **error)
{
  guint kept = 0;

  if (ids->len > MAX_ROW_CHECKS && !ensure_inactive_set (self, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean active;

      if (self->inactive != NULL)
        active = !g_hash_table_contains (self->inactive, &id);
      else if (!is_active_row (self, id, &active, error))
        return FALSE;
      if (active)
        g_array_index (ids, gint64, kept++) = id;
    }
  g_array_set_size (ids, kept);
  return TRUE;
}

static GArray *
read_search_ids (CdBlacklistListModel  *self,
                 GError               **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (int g = 0; g < N_GROUPS; g++)
    {
      g_autoptr(GArray) seen = NULL;

      if (self->prefixes[g] == NULL)
        continue;
      /* An entry can match by two keys: it is listed in the first group only. */
      if (ids->len > 0)
        {
          seen = g_array_copy (ids);
          g_array_sort (seen, compare_ids);
        }
      if (!read_group (self, g, ids, seen, error))
        return NULL;
    }

  if (!self->show_inactive && !drop_inactive (self, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

GArray *
_cd_blacklist_list_model_read_ids (CdBlacklistListModel  *self,
                                   GError               **error)
{
  CdDatabase *db = get_db (self);
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  CdStep step;

  if (_cd_blacklist_list_model_is_searching (self))
    return read_search_ids (self, error);

  stmt = cd_database_prepare (db, self->show_inactive
    ? "SELECT id FROM blacklist ORDER BY added_at DESC, id DESC"
    : "SELECT id FROM blacklist WHERE active = 1 ORDER BY added_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((step = cd_database_step (db, stmt, error)) == CD_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (step == CD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&ids);
}
