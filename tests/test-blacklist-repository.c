/* test-blacklist-repository.c — blacklist entries and look-ups (cd-blacklist-repository.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cd-blacklist-repository.h"
#include "cd-error.h"
#include "cd-test-util.h"
#include "cd-time.h"

typedef struct
{
  char                  *dir;
  CdDatabase            *db;
  CdBlacklistRepository *repo;

  guint                  n_added;
  guint                  n_changed;
  guint                  n_removed;
  guint                  n_reset;
  gint64                 last_id;
} Fixture;

static void
on_entry_added_cb (CdBlacklistRepository *repo,
                   gint64                 id,
                   Fixture               *f)
{
  f->n_added++;
  f->last_id = id;
}

static void
on_entry_changed_cb (CdBlacklistRepository *repo,
                     gint64                 id,
                     Fixture               *f)
{
  f->n_changed++;
  f->last_id = id;
}

static void
on_entry_removed_cb (CdBlacklistRepository *repo,
                     gint64                 id,
                     Fixture               *f)
{
  f->n_removed++;
  f->last_id = id;
}

static void
on_reset_cb (CdBlacklistRepository *repo,
             Fixture               *f)
{
  f->n_reset++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->repo = cd_blacklist_repository_new (f->db);
  g_signal_connect (f->repo, "entry-added", G_CALLBACK (on_entry_added_cb), f);
  g_signal_connect (f->repo, "entry-changed", G_CALLBACK (on_entry_changed_cb), f);
  g_signal_connect (f->repo, "entry-removed", G_CALLBACK (on_entry_removed_cb), f);
  g_signal_connect (f->repo, "reset", G_CALLBACK (on_reset_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_false (cd_database_in_transaction (f->db));
  g_assert_finalize_object (f->repo);
  g_assert_finalize_object (f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
reset_counts (Fixture *f)
{
  f->n_added = f->n_changed = f->n_removed = f->n_reset = 0;
  f->last_id = 0;
}

static gint64
count_sql (Fixture    *f,
           const char *sql,
           gint64      id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cd_database_prepare (f->db, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  cd_database_bind_int64 (stmt, ":id", id);
  g_assert_cmpint (cd_database_step (f->db, stmt, &error), ==, CD_STEP_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  cd_database_release (stmt);
  return value;
}

static gint64
count_case_links (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cd_database_prepare (f->db, "SELECT COUNT(*) FROM blacklist_cases",
                                            &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (cd_database_step (f->db, stmt, &error), ==, CD_STEP_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  cd_database_release (stmt);
  return value;
}

static gint64
count_entries (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 n = cd_blacklist_repository_count (f->repo, &error);

  g_assert_no_error (error);
  return n;
}

static CdBlacklistEntry *
make_entry (const char *buyer_id,
            const char *nickname,
            const char *phone)
{
  CdBlacklistEntry *entry = cd_blacklist_entry_new ();

  g_free (entry->buyer_id);
  entry->buyer_id = g_strdup (buyer_id != NULL ? buyer_id : "");
  g_free (entry->nickname);
  entry->nickname = g_strdup (nickname != NULL ? nickname : "");
  g_free (entry->phone);
  entry->phone = g_strdup (phone != NULL ? phone : "");
  return entry;
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static CdBlacklistEntry *
make_full_entry (void)
{
  CdBlacklistEntry *entry = make_entry ("dy_88120931", "ＬｕｃｋｙＳｔａｒ", "+86 139-0000-1234");

  entry->platform = CD_PLATFORM_DOUDIAN;
  set_string (&entry->name, "王某 'Wang'");
  entry->reason = CD_REASON_MALICIOUS_REVIEW;
  set_string (&entry->evidence, "Screenshot 2026-11-02:\n\"不给退款就差评\" 😡\n"
                                "'; DROP TABLE blacklist; --\n=1+1");
  g_ptr_array_add (entry->case_uids, g_strdup ("case-3"));
  g_ptr_array_add (entry->case_uids, g_strdup ("case-1"));
  g_ptr_array_add (entry->case_uids, g_strdup ("case-2"));
  return entry;
}

static void
assert_entries_equal (CdBlacklistEntry *a,
                      CdBlacklistEntry *b)
{
  g_assert_cmpint (b->id, ==, a->id);
  g_assert_cmpstr (b->uid, ==, a->uid);
  g_assert_cmpint (b->platform, ==, a->platform);
  g_assert_cmpstr (b->buyer_id, ==, a->buyer_id);
  g_assert_cmpstr (b->nickname, ==, a->nickname);
  g_assert_cmpstr (b->phone, ==, a->phone);
  g_assert_cmpstr (b->name, ==, a->name);
  g_assert_cmpint (b->reason, ==, a->reason);
  g_assert_cmpstr (b->evidence, ==, a->evidence);
  g_assert_cmpint (b->added_at, ==, a->added_at);
  g_assert_cmpint (b->active, ==, a->active);
  g_assert_cmpuint (b->case_uids->len, ==, a->case_uids->len);
  for (guint i = 0; i < a->case_uids->len; i++)
    g_assert_cmpstr (g_ptr_array_index (b->case_uids, i), ==,
                     g_ptr_array_index (a->case_uids, i));
}

static void
insert_ok (Fixture          *f,
           CdBlacklistEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_blacklist_repository_insert (f->repo, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entry->id, >, 0);
}

static CdBlacklistEntry *
load_ok (Fixture *f,
         gint64   id)
{
  g_autoptr(GError) error = NULL;
  CdBlacklistEntry *entry = cd_blacklist_repository_load (f->repo, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

/* The ids of the entries that match, comma-separated, in the repository's order. */
static char *
match_ids (Fixture    *f,
           const char *buyer_id,
           const char *nickname,
           const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = cd_blacklist_repository_find_matches (f->repo, buyer_id,
                                                                     nickname, phone, &error);
  GString *ids = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  for (guint i = 0; i < found->len; i++)
    {
      CdBlacklistEntry *entry = g_ptr_array_index (found, i);

      g_assert_true (entry->active);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", entry->id);
    }
  return g_string_free (ids, FALSE);
}

static void
assert_matches (Fixture    *f,
                const char *buyer_id,
                const char *nickname,
                const char *phone,
                const char *expected)
{
  g_autofree char *ids = match_ids (f, buyer_id, nickname, phone);

  g_test_message ("buyer_id %s, nickname %s, phone %s → [%s]", buyer_id, nickname, phone, ids);
  g_assert_cmpstr (ids, ==, expected);
}

static char *
id_string (CdBlacklistEntry *entry)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);
}

/* ---- storing ------------------------------------------------------------------------- */

static void
test_insert_load (Fixture       *f,
                  gconstpointer  data)
{
  CdBlacklistEntry *entry = make_full_entry ();
  CdBlacklistEntry *loaded;
  gint64 before = cd_time_now ();

  insert_ok (f, entry);
  g_assert_true (g_uuid_string_is_valid (entry->uid));
  g_assert_cmpint (entry->added_at, >=, before);
  g_assert_cmpint (entry->added_at, <=, cd_time_now ());
  g_assert_true (entry->active);
  g_assert_cmpuint (f->n_added, ==, 1);
  g_assert_cmpint (f->last_id, ==, entry->id);
  g_assert_cmpint (count_entries (f), ==, 1);

  loaded = load_ok (f, entry->id);
  /* Every field, and the cases in the order they were given. */
  assert_entries_equal (entry, loaded);
  g_assert_cmpstr (g_ptr_array_index (loaded->case_uids, 0), ==, "case-3");
  g_assert_cmpstr (g_ptr_array_index (loaded->case_uids, 2), ==, "case-2");
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (entry);
}

static void
test_insert_keeps_given (Fixture       *f,
                         gconstpointer  data)
{
  CdBlacklistEntry *entry = make_entry (NULL, "小林", NULL);
  CdBlacklistEntry *loaded;

  set_string (&entry->uid, "entry-from-the-file");
  entry->added_at = G_GINT64_CONSTANT (1760000000000000);
  entry->active = FALSE;
  insert_ok (f, entry);
  g_assert_cmpstr (entry->uid, ==, "entry-from-the-file");
  g_assert_cmpint (entry->added_at, ==, G_GINT64_CONSTANT (1760000000000000));

  loaded = load_ok (f, entry->id);
  assert_entries_equal (entry, loaded);
  g_assert_false (loaded->active);
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (entry);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdBlacklistEntry *entry = make_full_entry ();
  CdBlacklistEntry *loaded;
  g_autofree char *ids = NULL;

  insert_ok (f, entry);
  reset_counts (f);

  set_string (&entry->nickname, "小林");
  set_string (&entry->phone, "");
  entry->reason = CD_REASON_REFUND_ABUSE;
  set_string (&entry->evidence, "Three refunds for the same order");
  g_ptr_array_set_size (entry->case_uids, 0);
  g_ptr_array_add (entry->case_uids, g_strdup ("case-9"));
  g_assert_true (cd_blacklist_repository_update (f->repo, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (f->last_id, ==, entry->id);

  loaded = load_ok (f, entry->id);
  assert_entries_equal (entry, loaded);
  g_assert_finalize_object (loaded);
  g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM blacklist_cases WHERE entry_id = :id",
                              entry->id), ==, 1);

  /* The look-up keys follow the new values. */
  ids = id_string (entry);
  assert_matches (f, NULL, "小林", NULL, ids);
  assert_matches (f, NULL, "luckystar", NULL, "");
  assert_matches (f, NULL, NULL, "13900001234", "");
  g_assert_finalize_object (entry);
}

static void
test_set_active (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdBlacklistEntry *entry = make_full_entry ();
  CdBlacklistEntry *loaded;

  insert_ok (f, entry);
  reset_counts (f);
  g_assert_true (cd_blacklist_repository_set_active (f->repo, entry->id, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (f->last_id, ==, entry->id);

  /* Deactivated, not lost: every field is still there. */
  loaded = load_ok (f, entry->id);
  g_assert_false (loaded->active);
  entry->active = FALSE;
  assert_entries_equal (entry, loaded);
  g_assert_finalize_object (loaded);

  g_assert_true (cd_blacklist_repository_set_active (f->repo, entry->id, TRUE, &error));
  g_assert_no_error (error);
  loaded = load_ok (f, entry->id);
  g_assert_true (loaded->active);
  g_assert_finalize_object (loaded);
  g_assert_cmpuint (f->n_changed, ==, 2);

  g_assert_false (cd_blacklist_repository_set_active (f->repo, entry->id + 100, FALSE, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_assert_cmpuint (f->n_changed, ==, 2);
  g_assert_finalize_object (entry);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdBlacklistEntry *doomed = make_full_entry ();
  CdBlacklistEntry *kept = make_entry ("kept", NULL, NULL);

  insert_ok (f, doomed);
  insert_ok (f, kept);
  reset_counts (f);

  g_assert_true (cd_blacklist_repository_delete (f->repo, doomed->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_removed, ==, 1);
  g_assert_cmpint (f->last_id, ==, doomed->id);
  g_assert_cmpint (count_entries (f), ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM blacklist_cases WHERE entry_id = :id",
                              doomed->id), ==, 0);
  assert_matches (f, "dy_88120931", "luckystar", "13900001234", "");

  g_assert_null (cd_blacklist_repository_load (f->repo, doomed->id, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cd_blacklist_repository_delete (f->repo, doomed->id, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (f->n_removed, ==, 1);

  /* Updating what is gone is an error too, and writes no orphaned case links. */
  g_assert_false (cd_blacklist_repository_update (f->repo, doomed, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_assert_cmpint (count_case_links (f), ==, 0);
  g_assert_cmpuint (f->n_changed, ==, 0);

  g_assert_finalize_object (doomed);
  g_assert_finalize_object (kept);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  CdBlacklistEntry *old = make_entry ("old", NULL, NULL);
  CdBlacklistEntry *tie_a = make_entry ("tie-a", NULL, NULL);
  CdBlacklistEntry *tie_b = make_entry ("tie-b", NULL, NULL);
  CdBlacklistEntry *newest = make_full_entry ();

  old->added_at = 1000;
  tie_a->added_at = 2000;
  tie_b->added_at = 2000;
  newest->added_at = 3000;
  insert_ok (f, tie_a);
  insert_ok (f, newest);
  insert_ok (f, old);
  insert_ok (f, tie_b);
  g_assert_cmpint (count_entries (f), ==, 4);

  /* Newest first; among equals, the one added last first. */
  list = cd_blacklist_repository_list (f->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  assert_entries_equal (newest, g_ptr_array_index (list, 0));
  assert_entries_equal (tie_b, g_ptr_array_index (list, 1));
  assert_entries_equal (tie_a, g_ptr_array_index (list, 2));
  assert_entries_equal (old, g_ptr_array_index (list, 3));

  g_assert_finalize_object (old);
  g_assert_finalize_object (tie_a);
  g_assert_finalize_object (tie_b);
  g_assert_finalize_object (newest);
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdBlacklistEntry *empty = make_entry (NULL, NULL, NULL);
  CdBlacklistEntry *blank = make_entry ("  ", "\t\n", "\xe3\x80\x80");
  CdBlacklistEntry *entry = make_full_entry ();
  CdBlacklistEntry *loaded;

  /* A name and evidence alone identify nobody on a platform. */
  set_string (&empty->name, "Somebody");
  set_string (&empty->evidence, "Something");
  g_assert_false (cd_blacklist_repository_insert (f->repo, empty, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (empty->id, ==, 0);
  g_assert_false (cd_blacklist_repository_insert (f->repo, blank, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_entries (f), ==, 0);
  g_assert_cmpuint (f->n_added, ==, 0);

  /* Nor may an update take all three away. */
  insert_ok (f, entry);
  reset_counts (f);
  set_string (&entry->buyer_id, "");
  set_string (&entry->nickname, " ");
  set_string (&entry->phone, "");
  g_assert_false (cd_blacklist_repository_update (f->repo, entry, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  g_assert_cmpuint (f->n_changed, ==, 0);
  loaded = load_ok (f, entry->id);
  g_assert_cmpstr (loaded->buyer_id, ==, "dy_88120931");
  g_assert_finalize_object (loaded);

  g_assert_finalize_object (empty);
  g_assert_finalize_object (blank);
  g_assert_finalize_object (entry);
}

static void
test_duplicate_uid (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdBlacklistEntry *first = make_entry ("first", NULL, NULL);
  CdBlacklistEntry *second = make_full_entry ();

  set_string (&first->uid, "same");
  set_string (&second->uid, "same");
  insert_ok (f, first);
  g_assert_false (cd_blacklist_repository_insert (f->repo, second, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_CONFLICT);
  g_assert_cmpint (second->id, ==, 0);
  g_assert_cmpint (count_entries (f), ==, 1);
  g_assert_cmpint (count_case_links (f), ==, 0);
  g_assert_cmpuint (f->n_added, ==, 1);

  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
}

/* ---- matching ------------------------------------------------------------------------ */

static void
test_match_nickname (Fixture       *f,
                     gconstpointer  data)
{
  CdBlacklistEntry *entry = make_entry (NULL, "ＬｕｃｋｙＳｔａｒ", NULL);
  CdBlacklistEntry *chinese = make_entry (NULL, "小林", NULL);
  g_autofree char *ids = NULL;
  g_autofree char *ids_chinese = NULL;

  insert_ok (f, entry);
  insert_ok (f, chinese);
  ids = id_string (entry);
  ids_chinese = id_string (chinese);

  /* Without regard to case or full/half width. */
  assert_matches (f, NULL, "luckystar", NULL, ids);
  assert_matches (f, NULL, "LUCKYSTAR", NULL, ids);
  assert_matches (f, NULL, "LuckyStar", NULL, ids);
  assert_matches (f, NULL, "ＬｕｃｋｙＳｔａｒ", NULL, ids);
  assert_matches (f, NULL, "  luckystar ", NULL, ids);
  /* Whole names only. */
  assert_matches (f, NULL, "lucky", NULL, "");
  assert_matches (f, NULL, "luckystar2", NULL, "");
  assert_matches (f, NULL, "", NULL, "");

  assert_matches (f, NULL, "小林", NULL, ids_chinese);
  assert_matches (f, NULL, "小", NULL, "");
  assert_matches (f, NULL, "小林林", NULL, "");

  g_assert_finalize_object (entry);
  g_assert_finalize_object (chinese);
}

static void
test_match_phone (Fixture       *f,
                  gconstpointer  data)
{
  CdBlacklistEntry *entry = make_entry (NULL, NULL, "+86 139-0000-1234");
  g_autofree char *ids = NULL;

  insert_ok (f, entry);
  ids = id_string (entry);

  /* Any spelling of the same number. */
  assert_matches (f, NULL, NULL, "13900001234", ids);
  assert_matches (f, NULL, NULL, "0086 139 0000 1234", ids);
  assert_matches (f, NULL, NULL, "(139)0000-1234", ids);
  assert_matches (f, NULL, NULL, "+86 13900001234", ids);
  assert_matches (f, NULL, NULL, "8613900001234", ids);
  assert_matches (f, NULL, NULL, "１３９ ００００ １２３４", ids);
  /* Fragments are not numbers. */
  assert_matches (f, NULL, NULL, "139", "");
  assert_matches (f, NULL, NULL, "1234", "");
  assert_matches (f, NULL, NULL, "0000-1234", "");
  assert_matches (f, NULL, NULL, "13900001235", "");
  assert_matches (f, NULL, NULL, "", "");

  g_assert_finalize_object (entry);
}

static void
test_match_short_stored_phone (Fixture       *f,
                               gconstpointer  data)
{
  CdBlacklistEntry *entry = make_entry (NULL, NULL, "1234");

  /* A stored fragment matches nothing either, not even itself. */
  insert_ok (f, entry);
  assert_matches (f, NULL, NULL, "1234", "");
  assert_matches (f, "1234", "1234", "1234", "");
  g_assert_finalize_object (entry);
}

static void
test_match_buyer_id (Fixture       *f,
                     gconstpointer  data)
{
  CdBlacklistEntry *entry = make_entry ("dy_88120931", NULL, NULL);
  g_autofree char *ids = NULL;

  insert_ok (f, entry);
  ids = id_string (entry);

  /* Platform IDs are exact (case matters), apart from surrounding white space. */
  assert_matches (f, "dy_88120931", NULL, NULL, ids);
  assert_matches (f, " dy_88120931\n", NULL, NULL, ids);
  assert_matches (f, "DY_88120931", NULL, NULL, "");
  assert_matches (f, "dy_8812093", NULL, NULL, "");
  assert_matches (f, "88120931", NULL, NULL, "");
  /* A buyer ID is not a nickname. */
  assert_matches (f, NULL, "dy_88120931", NULL, "");

  g_assert_finalize_object (entry);
}

static void
test_match_any_key (Fixture       *f,
                    gconstpointer  data)
{
  CdBlacklistEntry *by_id = make_entry ("tb_lin", NULL, NULL);
  CdBlacklistEntry *by_nick = make_entry (NULL, "Lin", NULL);
  CdBlacklistEntry *by_phone = make_entry (NULL, NULL, "138 0013 8000");
  CdBlacklistEntry *other = make_entry ("someone", "else", "+1 555 0100");
  CdBlacklistEntry *twin = make_entry (NULL, "lin", NULL);
  g_autofree char *expected = NULL;

  by_id->added_at = 1000;
  by_nick->added_at = 3000;
  by_phone->added_at = 2000;
  insert_ok (f, by_id);
  insert_ok (f, by_nick);
  insert_ok (f, by_phone);
  insert_ok (f, other);

  /* One buyer, three keys, three entries: each is found once, newest first. */
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              by_nick->id, by_phone->id, by_id->id);
  assert_matches (f, "tb_lin", "LIN", "+86 138 0013 8000", expected);
  assert_matches (f, NULL, NULL, NULL, "");

  /* An entry matched by several keys at once is listed once. */
  {
    g_autofree char *ids = id_string (other);
    assert_matches (f, "someone", "ELSE", "15550100", ids);
  }

  /* Of two entries added at the same moment, the one stored last comes first. */
  twin->added_at = by_nick->added_at;
  insert_ok (f, twin);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                              ",%" G_GINT64_FORMAT, twin->id, by_nick->id, by_phone->id,
                              by_id->id);
  g_assert_cmpint (twin->id, >, by_nick->id);
  assert_matches (f, "tb_lin", "LIN", "+86 138 0013 8000", expected);

  g_assert_finalize_object (by_id);
  g_assert_finalize_object (by_nick);
  g_assert_finalize_object (by_phone);
  g_assert_finalize_object (other);
  g_assert_finalize_object (twin);
}

static void
test_match_inactive (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  CdBlacklistEntry *entry = make_full_entry ();
  g_autofree char *ids = NULL;

  insert_ok (f, entry);
  ids = id_string (entry);
  assert_matches (f, "dy_88120931", NULL, NULL, ids);

  g_assert_true (cd_blacklist_repository_set_active (f->repo, entry->id, FALSE, &error));
  g_assert_no_error (error);
  assert_matches (f, "dy_88120931", NULL, NULL, "");
  assert_matches (f, NULL, "luckystar", NULL, "");
  assert_matches (f, NULL, NULL, "13900001234", "");
  assert_matches (f, "dy_88120931", "luckystar", "13900001234", "");

  /* Reactivated, it matches again, with its case links. */
  g_assert_true (cd_blacklist_repository_set_active (f->repo, entry->id, TRUE, &error));
  g_assert_no_error (error);
  assert_matches (f, NULL, "LUCKYSTAR", NULL, ids);
  found = cd_blacklist_repository_find_matches (f->repo, NULL, NULL, "13900001234", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  assert_entries_equal (entry, g_ptr_array_index (found, 0));

  /* Deactivated through an update as well. */
  entry->active = FALSE;
  g_assert_true (cd_blacklist_repository_update (f->repo, entry, &error));
  g_assert_no_error (error);
  assert_matches (f, NULL, "luckystar", NULL, "");

  g_assert_finalize_object (entry);
}

static void
test_match_hostile (Fixture       *f,
                    gconstpointer  data)
{
  CdBlacklistEntry *entry = make_entry ("'; DROP TABLE blacklist; --", "%' OR '1'='1", NULL);
  g_autofree char *ids = NULL;

  insert_ok (f, entry);
  ids = id_string (entry);
  assert_matches (f, "'; DROP TABLE blacklist; --", NULL, NULL, ids);
  assert_matches (f, NULL, "%' OR '1'='1", NULL, ids);
  /* No wildcard or injection matches everything. */
  assert_matches (f, "%", "%", "%", "");
  assert_matches (f, "' OR 1=1 --", "' OR 1=1 --", NULL, "");
  g_assert_cmpint (count_entries (f), ==, 1);

  g_assert_finalize_object (entry);
}

/* ---- import -------------------------------------------------------------------------- */

static CdStoreResult
store_imported (Fixture          *f,
                CdBlacklistEntry *entry)
{
  g_autoptr(GError) error = NULL;
  CdStoreResult result = 99;

  g_assert_true (cd_database_begin (f->db, &error));
  g_assert_no_error (error);
  g_assert_true (cd_blacklist_repository_store_imported (f->repo, entry, &result, &error));
  g_assert_no_error (error);
  g_assert_true (cd_database_commit (f->db, &error));
  g_assert_no_error (error);
  return result;
}

static CdBlacklistEntry *
make_imported_entry (void)
{
  CdBlacklistEntry *entry = make_full_entry ();

  set_string (&entry->uid, "b0000000-0000-4000-8000-000000000003");
  entry->added_at = G_GINT64_CONSTANT (1760000000000000);
  return entry;
}

static void
test_store_imported (Fixture       *f,
                     gconstpointer  data)
{
  CdBlacklistEntry *first = make_imported_entry ();
  CdBlacklistEntry *same = make_imported_entry ();
  CdBlacklistEntry *changed = make_imported_entry ();
  CdBlacklistEntry *reordered = make_imported_entry ();
  CdBlacklistEntry *loaded;
  g_autofree char *ids = NULL;

  g_assert_cmpint (store_imported (f, first), ==, CD_STORE_ADDED);
  g_assert_cmpint (first->id, >, 0);
  loaded = load_ok (f, first->id);
  assert_entries_equal (first, loaded);
  g_assert_finalize_object (loaded);

  g_assert_cmpint (store_imported (f, same), ==, CD_STORE_UNCHANGED);
  g_assert_cmpint (same->id, ==, first->id);

  set_string (&changed->evidence, "Updated evidence");
  set_string (&changed->nickname, "NewName");
  g_assert_cmpint (store_imported (f, changed), ==, CD_STORE_UPDATED);
  g_assert_cmpint (changed->id, ==, first->id);
  loaded = load_ok (f, first->id);
  assert_entries_equal (changed, loaded);
  g_assert_finalize_object (loaded);
  ids = id_string (first);
  assert_matches (f, NULL, "newname", NULL, ids);
  assert_matches (f, NULL, "luckystar", NULL, "");

  /* The cases it came from are a list: their order counts. */
  set_string (&reordered->evidence, "Updated evidence");
  set_string (&reordered->nickname, "NewName");
  g_ptr_array_set_size (reordered->case_uids, 0);
  g_ptr_array_add (reordered->case_uids, g_strdup ("case-1"));
  g_ptr_array_add (reordered->case_uids, g_strdup ("case-3"));
  g_ptr_array_add (reordered->case_uids, g_strdup ("case-2"));
  g_assert_cmpint (store_imported (f, reordered), ==, CD_STORE_UPDATED);
  loaded = load_ok (f, first->id);
  assert_entries_equal (reordered, loaded);
  g_assert_finalize_object (loaded);
  g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM blacklist_cases WHERE entry_id = :id",
                              first->id), ==, 3);

  g_assert_cmpint (count_entries (f), ==, 1);
  /* The importer tells everyone at the end, with "reset". */
  g_assert_cmpuint (f->n_added + f->n_changed + f->n_removed + f->n_reset, ==, 0);
  cd_blacklist_repository_emit_reset (f->repo);
  g_assert_cmpuint (f->n_reset, ==, 1);

  g_assert_finalize_object (first);
  g_assert_finalize_object (same);
  g_assert_finalize_object (changed);
  g_assert_finalize_object (reordered);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/blacklist-repository/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("insert-load", test_insert_load);
  ADD ("insert-keeps-given", test_insert_keeps_given);
  ADD ("update", test_update);
  ADD ("set-active", test_set_active);
  ADD ("delete", test_delete);
  ADD ("list", test_list);
  ADD ("invalid", test_invalid);
  ADD ("duplicate-uid", test_duplicate_uid);
  ADD ("match/nickname", test_match_nickname);
  ADD ("match/phone", test_match_phone);
  ADD ("match/short-stored-phone", test_match_short_stored_phone);
  ADD ("match/buyer-id", test_match_buyer_id);
  ADD ("match/any-key", test_match_any_key);
  ADD ("match/inactive", test_match_inactive);
  ADD ("match/hostile", test_match_hostile);
  ADD ("store-imported", test_store_imported);

#undef ADD

  return g_test_run ();
}
