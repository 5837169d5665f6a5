/* test-database.c — opening, pragmas, migrations, transactions and copies (cd-database.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cd-blacklist-repository.h"
#include "cd-case-repository.h"
#include "cd-error.h"
#include "cd-template-repository.h"
#include "cd-test-util.h"
#include "cd-text.h"
#include "cd-time.h"

static int
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* The first column of the first row of @sql, as an integer. */
static gint64
query_int (CdDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (cd_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (CdDatabase *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (cd_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
exec_ok (CdDatabase *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

static CdDatabase *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  CdDatabase *db = cd_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

/* Writes a database with plain SQLite, so that CompDesk has never touched it. */
static void
write_foreign_database (const char *path,
                        const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static void
test_create (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *parent = g_build_filename (dir, "data", NULL);
  g_autofree char *nested = g_build_filename (parent, "compdesk", NULL);
  g_autofree char *path = g_build_filename (nested, "compdesk.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal_mode = NULL;
  CdDatabase *db;

  db = open_ok (path);
  g_assert_cmpstr (cd_database_get_path (db), ==, path);
  g_assert_false (cd_database_is_read_only (db));
  g_assert_cmpint (cd_database_get_schema_version (db), ==, CD_DATABASE_SCHEMA_VERSION);

  /* Personal data: every folder created and the file are the user's alone. */
  g_assert_cmpint (file_mode (parent), ==, 0700);
  g_assert_cmpint (file_mode (nested), ==, 0700);
  g_assert_cmpint (file_mode (path), ==, 0600);

  journal_mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (query_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, CD_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "PRAGMA busy_timeout"), >, 0);

  exec_ok (db, "UPDATE shop SET name = 'Lucky ''Star'' 小店'");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (file_mode (wal), ==, 0600);
  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    g_assert_cmpint (file_mode (shm), ==, 0600);

  g_assert_finalize_object (db);
  cd_test_remove_dir (dir);
}

static void
test_create_with_open_umask (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *nested = g_build_filename (dir, "open", NULL);
  g_autofree char *path = g_build_filename (nested, "test.db", NULL);
  mode_t old_mask = umask (0);
  CdDatabase *db = open_ok (path);

  umask (old_mask);
  /* A permissive umask changes nothing. */
  g_assert_cmpint (file_mode (nested), ==, 0700);
  g_assert_cmpint (file_mode (path), ==, 0600);

  g_assert_finalize_object (db);
  cd_test_remove_dir (dir);
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *name = NULL;
  CdDatabase *db;

  db = open_ok (path);
  exec_ok (db, "UPDATE shop SET name = '小店 \"Lucky\"', currency = 'EUR'");
  g_assert_finalize_object (db);

  db = open_ok (path);
  name = query_text (db, "SELECT name || '/' || currency FROM shop");
  g_assert_cmpstr (name, ==, "小店 \"Lucky\"/EUR");
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, CD_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM shop"), ==, 1);
  g_assert_finalize_object (db);

  cd_test_remove_dir (dir);
}

/* A second connection opens the file the window has, and never makes one where it is gone. */
static void
test_open_existing (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  CdDatabase *db;
  CdDatabase *second;

  g_assert_null (cd_database_open_existing (path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  db = open_ok (path);
  exec_ok (db, "UPDATE shop SET name = 'Second'");
  second = cd_database_open_existing (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_assert_cmpint (query_int (second, "SELECT COUNT(*) FROM shop WHERE name = 'Second'"), ==, 1);
  g_assert_finalize_object (second);
  g_assert_finalize_object (db);
  cd_test_remove_dir (dir);
}

/* ---- migrations ---------------------------------------------------------------------- */

#define V1_EVIDENCE "聊天截图 2026-11-02: \"不退款就差评\"\n'; DROP TABLE blacklist; --\n=1+1 😡"
#define V1_DESCRIPTION "The tea cup arrived broken.\n茶杯碎了，买家要求退款 'quoted' \"double\""

/* Rows as a schema-1 build of CompDesk wrote them: every column given. */
static const char v1_rows[] =
  "INSERT INTO cases (id, uid, created_at, updated_at, customer_name, platform, buyer_id, "
  "  phone, email, order_number, product, order_amount, channel, category, severity, "
  "  responsibility, stage, description, summary, summary_confirmed, customer_wants, promise, "
  "  promised_by, root_cause, improvement, language) VALUES (7, "
  "  'a3c1f6e2-0000-4000-8000-000000000007', 1763971200000000, 1763974800000000, "
  "  '林小姐', 'taobao', 'tb_lin_2026', '138 0013 8000', 'lin@example.com', "
  "  'TB20261124-0001', 'Green tea cup 青瓷茶杯', 12900, 'phone', 'damaged', 'high', "
  "  'logistics', 'carry_out', '', 'Cup broken in transit', 1, "
  "  'A new cup', 'Reship by Friday', 1764316800000000, 'packaging', 'Double box', 'zh_CN');"
  "INSERT INTO compensations (case_id, kind, status, amount, cost, reference, note, done_at) "
  "  VALUES (7, 'replacement', 'done', 12900, 4500, 'SF1234567890', 'reshipped', "
  "  1764000000000000);"
  "INSERT INTO compensations (case_id, kind, status, amount, cost, reference, note, done_at) "
  "  VALUES (7, 'coupon', 'offered', 500, 500, 'CPN-5', '', NULL);"
  "INSERT INTO followups (case_id, due_at, method, done_at, satisfaction, remarks) "
  "  VALUES (7, 1764400000000000, 'sms', 1764400500000000, 5, '很满意');"
  "INSERT INTO followups (case_id, due_at, method, done_at, satisfaction, remarks) "
  "  VALUES (7, 1765000000000000, 'phone', NULL, NULL, '');"
  "INSERT INTO events (case_id, at, kind, text) VALUES (7, 1763971200000000, 'created', '');"
  "INSERT INTO events (case_id, at, kind, text) VALUES (7, 1763972000000000, 'note', "
  "  'Buyer sent photos');"
  "INSERT INTO blacklist (id, uid, platform, buyer_id, nickname, phone, name, reason, "
  "  evidence, added_at, active, buyer_id_key, nickname_key, phone_key) VALUES (3, "
  "  'b0000000-0000-4000-8000-000000000003', 'doudian', 'dy_88120931', 'ＬｕｃｋｙＳｔａｒ', "
  "  '+86 139-0000-1234', '王某', 'refund_abuse', '', 1760000000000000, 1, "
  "  'dy_88120931', 'luckystar', '13900001234');"
  "INSERT INTO blacklist_cases (entry_id, case_uid) VALUES (3, "
  "  'a3c1f6e2-0000-4000-8000-000000000007');"
  "INSERT INTO blacklist_cases (entry_id, case_uid) VALUES (3, 'older-case-uid');"
  "INSERT INTO templates (id, uid, name, stage, language, body) VALUES (1, 'tpl-apology', "
  "  'Apology', 'apologise', 'en', 'Dear {buyer}, we are sorry about order {order}.');"
  "UPDATE shop SET name = '青瓷小店', currency = 'CNY';";

static void
check_v1_case (CdCase *kase)
{
  CdCompensation *c;
  CdFollowUp *f;
  CdTimelineEvent *e;

  g_assert_cmpint (kase->id, ==, 7);
  g_assert_cmpstr (kase->uid, ==, "a3c1f6e2-0000-4000-8000-000000000007");
  g_assert_cmpint (kase->created_at, ==, G_GINT64_CONSTANT (1763971200000000));
  g_assert_cmpint (kase->updated_at, ==, G_GINT64_CONSTANT (1763974800000000));
  g_assert_cmpstr (kase->customer_name, ==, "林小姐");
  g_assert_cmpint (kase->platform, ==, CD_PLATFORM_TAOBAO);
  g_assert_cmpstr (kase->buyer_id, ==, "tb_lin_2026");
  g_assert_cmpstr (kase->phone, ==, "138 0013 8000");
  g_assert_cmpstr (kase->email, ==, "lin@example.com");
  g_assert_cmpstr (kase->order_number, ==, "TB20261124-0001");
  g_assert_cmpstr (kase->product, ==, "Green tea cup 青瓷茶杯");
  g_assert_cmpint (kase->order_amount, ==, 12900);
  g_assert_cmpint (kase->channel, ==, CD_CHANNEL_PHONE);
  g_assert_cmpint (kase->category, ==, CD_CATEGORY_DAMAGED);
  g_assert_cmpint (kase->severity, ==, CD_SEVERITY_HIGH);
  g_assert_cmpint (kase->responsibility, ==, CD_RESPONSIBILITY_LOGISTICS);
  g_assert_cmpint (kase->stage, ==, CD_STAGE_CARRY_OUT);
  g_assert_cmpstr (kase->description, ==, V1_DESCRIPTION);
  g_assert_cmpstr (kase->summary, ==, "Cup broken in transit");
  g_assert_true (kase->summary_confirmed);
  g_assert_cmpstr (kase->customer_wants, ==, "A new cup");
  g_assert_cmpstr (kase->promise, ==, "Reship by Friday");
  g_assert_cmpint (kase->promised_by, ==, G_GINT64_CONSTANT (1764316800000000));
  g_assert_cmpint (kase->root_cause, ==, CD_ROOT_CAUSE_PACKAGING);
  g_assert_cmpstr (kase->improvement, ==, "Double box");
  g_assert_cmpstr (kase->language, ==, "zh_CN");

  g_assert_cmpuint (kase->compensations->len, ==, 2);
  c = g_ptr_array_index (kase->compensations, 0);
  g_assert_cmpint (c->kind, ==, CD_COMPENSATION_REPLACEMENT);
  g_assert_cmpint (c->status, ==, CD_COMPENSATION_DONE);
  g_assert_cmpint (c->amount, ==, 12900);
  g_assert_cmpint (c->cost, ==, 4500);
  g_assert_cmpstr (c->reference, ==, "SF1234567890");
  g_assert_cmpstr (c->note, ==, "reshipped");
  g_assert_cmpint (c->done_at, ==, G_GINT64_CONSTANT (1764000000000000));
  c = g_ptr_array_index (kase->compensations, 1);
  g_assert_cmpint (c->kind, ==, CD_COMPENSATION_COUPON);
  g_assert_cmpint (c->status, ==, CD_COMPENSATION_OFFERED);
  g_assert_cmpint (c->done_at, ==, CD_TIME_UNSET);

  g_assert_cmpuint (kase->followups->len, ==, 2);
  f = g_ptr_array_index (kase->followups, 0);
  g_assert_cmpint (f->method, ==, CD_METHOD_SMS);
  g_assert_cmpint (f->satisfaction, ==, 5);
  g_assert_cmpstr (f->remarks, ==, "很满意");
  g_assert_cmpint (f->done_at, ==, G_GINT64_CONSTANT (1764400500000000));
  f = g_ptr_array_index (kase->followups, 1);
  g_assert_cmpint (f->method, ==, CD_METHOD_PHONE);
  g_assert_cmpint (f->satisfaction, ==, 0);
  g_assert_cmpint (f->done_at, ==, CD_TIME_UNSET);

  g_assert_cmpuint (kase->events->len, ==, 2);
  e = g_ptr_array_index (kase->events, 1);
  g_assert_cmpstr (e->kind, ==, "note");
  g_assert_cmpstr (e->text, ==, "Buyer sent photos");
}

static void
check_v1_entry (CdBlacklistEntry *entry)
{
  g_assert_cmpint (entry->id, ==, 3);
  g_assert_cmpstr (entry->uid, ==, "b0000000-0000-4000-8000-000000000003");
  g_assert_cmpint (entry->platform, ==, CD_PLATFORM_DOUDIAN);
  g_assert_cmpstr (entry->buyer_id, ==, "dy_88120931");
  g_assert_cmpstr (entry->nickname, ==, "ＬｕｃｋｙＳｔａｒ");
  g_assert_cmpstr (entry->phone, ==, "+86 139-0000-1234");
  g_assert_cmpstr (entry->name, ==, "王某");
  /* What osTicket lost in an upgrade: the reason and the evidence. */
  g_assert_cmpint (entry->reason, ==, CD_REASON_REFUND_ABUSE);
  g_assert_cmpstr (entry->evidence, ==, V1_EVIDENCE);
  g_assert_cmpint (entry->added_at, ==, G_GINT64_CONSTANT (1760000000000000));
  g_assert_true (entry->active);
  g_assert_cmpuint (entry->case_uids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (entry->case_uids, 0), ==,
                   "a3c1f6e2-0000-4000-8000-000000000007");
  g_assert_cmpstr (g_ptr_array_index (entry->case_uids, 1), ==, "older-case-uid");
}

/* The rowids case_search finds for what a user typed. */
static GArray *
search_cases (CdDatabase *db,
              const char *typed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *match = cd_text_build_match_query (typed);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  CdStep step;

  g_assert_nonnull (match);
  stmt = cd_database_prepare (db, "SELECT rowid FROM case_search WHERE case_search MATCH :q "
                                  "ORDER BY rowid", &error);
  g_assert_no_error (error);
  cd_database_bind_text (stmt, ":q", match);
  while ((step = cd_database_step (db, stmt, &error)) == CD_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, CD_STEP_DONE);
  return ids;
}

static void
test_migrate_from (gconstpointer data)
{
  int from = GPOINTER_TO_INT (data);
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", path, from);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  CdDatabase *db;
  CdCaseRepository *cases;
  CdBlacklistRepository *blacklist;
  CdTemplateRepository *templates;
  CdCase *kase;
  CdBlacklistEntry *entry;
  CdMessageTemplate *tmpl;
  g_autofree char *shop = NULL;

  db = cd_database_open_at_version (path, from, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_database_get_schema_version (db), ==, from);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, from);
  exec_ok (db, v1_rows);
  /* The hostile texts are bound, as CompDesk itself writes them. */
  {
    sqlite3_stmt *stmt = cd_database_prepare (db, "UPDATE cases SET description = :d "
                                                  "WHERE id = 7", &error);
    g_assert_no_error (error);
    cd_database_bind_text (stmt, ":d", V1_DESCRIPTION);
    g_assert_true (cd_database_step_done (db, stmt, &error));
    g_assert_no_error (error);
    stmt = cd_database_prepare (db, "UPDATE blacklist SET evidence = :e WHERE id = 3", &error);
    g_assert_no_error (error);
    cd_database_bind_text (stmt, ":e", V1_EVIDENCE);
    g_assert_true (cd_database_step_done (db, stmt, &error));
    g_assert_no_error (error);
  }
  g_assert_finalize_object (db);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  db = open_ok (path);
  g_assert_cmpint (cd_database_get_schema_version (db), ==, CD_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, CD_DATABASE_SCHEMA_VERSION);

  cases = cd_case_repository_new (db);
  kase = cd_case_repository_load (cases, 7, &error);
  g_assert_no_error (error);
  check_v1_case (kase);

  blacklist = cd_blacklist_repository_new (db);
  entry = cd_blacklist_repository_load (blacklist, 3, &error);
  g_assert_no_error (error);
  check_v1_entry (entry);
  g_assert_finalize_object (entry);
  {
    g_autoptr(GPtrArray) matches = cd_blacklist_repository_find_matches (blacklist, NULL,
                                                                         "luckystar", NULL,
                                                                         &error);
    g_assert_no_error (error);
    g_assert_cmpuint (matches->len, ==, 1);
  }

  templates = cd_template_repository_new (db);
  tmpl = cd_template_repository_load (templates, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tmpl->body, ==, "Dear {buyer}, we are sorry about order {order}.");
  g_assert_finalize_object (tmpl);

  shop = query_text (db, "SELECT name FROM shop");
  g_assert_cmpstr (shop, ==, "青瓷小店");

  /* The rows that predate the search index are in it. */
  found = search_cases (db, "tea");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, 7);
  g_clear_pointer (&found, g_array_unref);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (cd_database_get_handle (db),
                                         "SELECT rowid FROM case_search WHERE case_search "
                                         "MATCH '\"tea\"*'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 7);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
  }
  found = search_cases (db, "退款");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  found = search_cases (db, "green");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  found = search_cases (db, "13800138000");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);

  /* …and the index follows later edits of those rows. */
  cd_case_set_string (&kase->product, "Porcelain mug");
  g_assert_true (cd_case_repository_update (cases, kase, &error));
  g_assert_no_error (error);
  found = search_cases (db, "green");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);
  found = search_cases (db, "porcel");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);

  g_assert_finalize_object (kase);
  g_assert_finalize_object (cases);
  g_assert_finalize_object (blacklist);
  g_assert_finalize_object (templates);
  g_assert_finalize_object (db);

  /* The file as it was before the upgrade is kept beside it, as private as the original. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (file_mode (backup), ==, 0600);
  {
    sqlite3 *handle = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (backup, &handle, SQLITE_OPEN_READONLY, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT (SELECT user_version FROM "
                                         "pragma_user_version), (SELECT evidence FROM blacklist "
                                         "WHERE id = 3), (SELECT COUNT(*) FROM cases)",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, from);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, V1_EVIDENCE);
    g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (handle);
  }

  /* Opening again migrates nothing and keeps the data. */
  db = open_ok (path);
  g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM cases"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM blacklist"), ==, 1);
  g_assert_finalize_object (db);

  cd_test_remove_dir (dir);
}

static void
test_schema_too_new (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  CdDatabase *db;

  write_foreign_database (path, "CREATE TABLE cases (id INTEGER PRIMARY KEY, future TEXT);"
                                "INSERT INTO cases (future) VALUES ('from a newer CompDesk');"
                                "PRAGMA user_version = 99;");
  before = cd_test_read_file (path, &before_len);

  db = cd_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, CD_ERROR, CD_ERROR_SCHEMA_TOO_NEW);

  /* Refused means untouched: not migrated, not switched to WAL, no copy made. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autofree char *backup = g_strconcat (path, ".v99.bak", NULL);
    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }
  after = cd_test_read_file (path, &after_len);
  g_assert_cmpmem (after, after_len, before, before_len);

  cd_test_remove_dir (dir);
}

static void
assert_refused_as_corrupt (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  CdDatabase *db;

  before = cd_test_read_file (path, &before_len);
  db = cd_database_open (path, &error);
  /* Never an empty database in place of the user's file. */
  g_assert_null (db);
  g_assert_error (error, CD_ERROR, CD_ERROR_CORRUPT);
  after = cd_test_read_file (path, &after_len);
  g_assert_cmpmem (after, after_len, before, before_len);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *random_path = g_build_filename (dir, "random.db", NULL);
  g_autofree char *text_path = g_build_filename (dir, "text.db", NULL);
  g_autofree char *short_path = g_build_filename (dir, "short.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  g_autoptr(GString) text = g_string_new (NULL);
  guint8 noise[16384];

  for (gsize i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_file_set_contents (random_path, (const char *) noise, sizeof noise, &error);
  g_assert_no_error (error);
  assert_refused_as_corrupt (random_path);

  for (int i = 0; i < 200; i++)
    g_string_append_printf (text, "case %d,林小姐,138 0013 8000,\"退款\"\n", i);
  g_file_set_contents (text_path, text->str, text->len, &error);
  g_assert_no_error (error);
  assert_refused_as_corrupt (text_path);

  g_file_set_contents (short_path, "hello\n", -1, &error);
  g_assert_no_error (error);
  assert_refused_as_corrupt (short_path);

  cd_test_remove_dir (dir);
}

static void
test_damaged_header (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  CdDatabase *db = open_ok (path);

  g_assert_finalize_object (db);
  /* A real CompDesk file whose first bytes were overwritten. */
  contents = cd_test_read_file (path, &length);
  g_assert_cmpuint (length, >, 100);
  memcpy (contents, "CompDesk backup!", 16);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  assert_refused_as_corrupt (path);

  cd_test_remove_dir (dir);
}

/* ---- transactions -------------------------------------------------------------------- */

static CdDatabase *
open_with_scratch (const char *dir)
{
  CdDatabase *db = cd_test_open_database (dir);

  exec_ok (db, "CREATE TABLE scratch (v TEXT NOT NULL)");
  return db;
}

static void
insert_scratch (CdDatabase *db,
                const char *value)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cd_database_prepare (db, "INSERT INTO scratch (v) VALUES (:v)", &error);

  g_assert_no_error (error);
  cd_database_bind_text (stmt, ":v", value);
  g_assert_true (cd_database_step_done (db, stmt, &error));
  g_assert_no_error (error);
}

static char *
scratch_values (CdDatabase *db)
{
  g_autofree char *joined = query_text (db, "SELECT group_concat(v, ',') FROM "
                                            "(SELECT v FROM scratch ORDER BY rowid)");

  return g_strdup (joined != NULL ? joined : "");
}

static void
begin_ok (CdDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_database_begin (db, &error));
  g_assert_no_error (error);
  g_assert_true (cd_database_in_transaction (db));
}

static void
commit_ok (CdDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_database_commit (db, &error));
  g_assert_no_error (error);
}

static void
test_transaction_commit (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  CdDatabase *db = open_with_scratch (dir);
  g_autofree char *values = NULL;

  g_assert_false (cd_database_in_transaction (db));
  begin_ok (db);
  g_assert_false (sqlite3_get_autocommit (cd_database_get_handle (db)));
  insert_scratch (db, "a");
  insert_scratch (db, "b");
  commit_ok (db);
  g_assert_false (cd_database_in_transaction (db));
  g_assert_true (sqlite3_get_autocommit (cd_database_get_handle (db)));

  values = scratch_values (db);
  g_assert_cmpstr (values, ==, "a,b");

  g_assert_finalize_object (db);
  cd_test_remove_dir (dir);
}

static void
test_transaction_rollback (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  CdDatabase *db = open_with_scratch (dir);
  g_autofree char *values = NULL;

  insert_scratch (db, "kept");
  begin_ok (db);
  insert_scratch (db, "discarded");
  insert_scratch (db, "discarded too");
  cd_database_rollback (db);
  g_assert_false (cd_database_in_transaction (db));
  g_assert_true (sqlite3_get_autocommit (cd_database_get_handle (db)));

  values = scratch_values (db);
  g_assert_cmpstr (values, ==, "kept");

  g_assert_finalize_object (db);
  cd_test_remove_dir (dir);
}

static void
test_transaction_nested (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  CdDatabase *db = open_with_scratch (dir);
  g_autofree char *values = NULL;

  /* The inner rollback undoes only the inner part. */
  begin_ok (db);
  insert_scratch (db, "outer");
  begin_ok (db);
  insert_scratch (db, "inner");
  cd_database_rollback (db);
  g_assert_true (cd_database_in_transaction (db));
  insert_scratch (db, "after");
  commit_ok (db);
  g_assert_false (cd_database_in_transaction (db));
  values = scratch_values (db);
  g_assert_cmpstr (values, ==, "outer,after");
  g_clear_pointer (&values, g_free);

  /* An inner commit is provisional: the outer rollback takes it back. */
  begin_ok (db);
  insert_scratch (db, "outer2");
  begin_ok (db);
  insert_scratch (db, "inner2");
  commit_ok (db);
  g_assert_true (cd_database_in_transaction (db));
  cd_database_rollback (db);
  g_assert_false (cd_database_in_transaction (db));
  values = scratch_values (db);
  g_assert_cmpstr (values, ==, "outer,after");
  g_clear_pointer (&values, g_free);

  /* Three levels: the middle rollback takes the innermost with it. */
  begin_ok (db);
  insert_scratch (db, "1");
  begin_ok (db);
  insert_scratch (db, "2");
  begin_ok (db);
  insert_scratch (db, "3");
  commit_ok (db);
  cd_database_rollback (db);
  insert_scratch (db, "4");
  commit_ok (db);
  values = scratch_values (db);
  g_assert_cmpstr (values, ==, "outer,after,1,4");

  g_assert_finalize_object (db);
  cd_test_remove_dir (dir);
}

static void
test_failed_step_in_transaction (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  CdDatabase *db = open_with_scratch (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *values = NULL;
  sqlite3_stmt *stmt;

  begin_ok (db);
  insert_scratch (db, "x");
  /* NOT NULL violated: a constraint error, and the statement is usable again. */
  stmt = cd_database_prepare (db, "INSERT INTO scratch (v) VALUES (:v)", &error);
  g_assert_no_error (error);
  cd_database_bind_null (stmt, ":v");
  g_assert_false (cd_database_step_done (db, stmt, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_CONFLICT);
  g_clear_error (&error);
  cd_database_rollback (db);

  insert_scratch (db, "y");
  values = scratch_values (db);
  g_assert_cmpstr (values, ==, "y");

  g_assert_finalize_object (db);
  cd_test_remove_dir (dir);
}

/* ---- statements ---------------------------------------------------------------------- */

/* Statements are looked up by the SQL's address first: a different text at an address
 * already seen must still get its own statement. */
static void
test_statement_cache_same_address (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  CdDatabase *db = cd_test_open_database (dir);
  g_autoptr(GError) error = NULL;
  char sql[] = "SELECT 1";
  sqlite3_stmt *one, *two;

  one = cd_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  sql[7] = '2';
  two = cd_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (one != two);
  g_assert_cmpint (cd_database_step (db, two, &error), ==, CD_STEP_ROW);
  g_assert_cmpint (sqlite3_column_int (two, 0), ==, 2);
  cd_database_release (two);
  /* and the first text, back at that address, its first statement */
  sql[7] = '1';
  g_assert_true (cd_database_prepare (db, sql, &error) == one);

  g_object_unref (db);
  cd_test_remove_dir (dir);
}

/* Parameter indexes are remembered per statement and name: one name at different places in
 * two statements binds each at its own. */
static void
test_bind_names (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  CdDatabase *db = cd_test_open_database (dir);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *ab = cd_database_prepare (db, "SELECT :a, :b", &error);
  sqlite3_stmt *ba = cd_database_prepare (db, "SELECT :b, :a", &error);

  g_assert_no_error (error);
  for (int round = 0; round < 2; round++)
    {
      cd_database_bind_text (ab, ":a", "A");
      cd_database_bind_text_static (ab, ":b", "B");
      cd_database_bind_text (ba, ":a", "A");
      cd_database_bind_int64 (ba, ":b", 2);
      g_assert_cmpint (cd_database_step (db, ab, &error), ==, CD_STEP_ROW);
      g_assert_cmpint (cd_database_step (db, ba, &error), ==, CD_STEP_ROW);
      g_assert_cmpstr (cd_database_column_text (ab, 0), ==, "A");
      g_assert_cmpstr (cd_database_column_text (ab, 1), ==, "B");
      g_assert_cmpint (sqlite3_column_int (ba, 0), ==, 2);
      g_assert_cmpstr (cd_database_column_text (ba, 1), ==, "A");
      cd_database_release (ab);
      cd_database_release (ba);
    }

  g_object_unref (db);
  cd_test_remove_dir (dir);
}

static void
test_statement_cache (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  CdDatabase *db = cd_test_open_database (dir);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *a, *b, *c;
  const char *sql = "SELECT :v";
  g_autofree char *copy = g_strdup (sql);

  a = cd_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  /* Cached by text, not by pointer. */
  b = cd_database_prepare (db, copy, &error);
  g_assert_no_error (error);
  g_assert_true (a == b);
  c = cd_database_prepare (db, "SELECT :v + 1", &error);
  g_assert_no_error (error);
  g_assert_true (c != a);

  /* Released statements come back reset with their bindings cleared. */
  cd_database_bind_text (a, ":v", "bound");
  g_assert_cmpint (cd_database_step (db, a, &error), ==, CD_STEP_ROW);
  g_assert_cmpstr (cd_database_column_text (a, 0), ==, "bound");
  cd_database_release (a);
  g_assert_cmpint (cd_database_step (db, a, &error), ==, CD_STEP_ROW);
  g_assert_cmpint (sqlite3_column_type (a, 0), ==, SQLITE_NULL);
  g_assert_cmpstr (cd_database_column_text (a, 0), ==, "");
  g_assert_cmpint (cd_database_step (db, a, &error), ==, CD_STEP_DONE);
  g_assert_no_error (error);
  g_assert_false (sqlite3_stmt_busy (a));

  g_assert_finalize_object (db);
  cd_test_remove_dir (dir);
}

static void
test_prepare_error (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  CdDatabase *db = cd_test_open_database (dir);
  g_autoptr(GError) error = NULL;

  g_assert_null (cd_database_prepare (db, "SELEC nonsense", &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_DATABASE);
  g_clear_error (&error);
  g_assert_null (cd_database_prepare (db, "SELECT * FROM no_such_table", &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_DATABASE);
  g_clear_error (&error);
  g_assert_false (cd_database_exec (db, "DROP TABLE no_such_table", &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_DATABASE);

  g_assert_finalize_object (db);
  cd_test_remove_dir (dir);
}

/* ---- copies -------------------------------------------------------------------------- */

static void
test_backup (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *dest = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *partial = g_strconcat (dest, ".partial", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *values = NULL;
  CdDatabase *db = open_with_scratch (dir);
  CdDatabase *copy;

  insert_scratch (db, "小林 'quoted'");
  insert_scratch (db, "second");
  g_assert_true (cd_database_backup_to (db, dest, &error));
  g_assert_no_error (error);
  insert_scratch (db, "after the copy");

  g_assert_cmpint (file_mode (dest), ==, 0600);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  copy = open_ok (dest);
  values = scratch_values (copy);
  g_assert_cmpstr (values, ==, "小林 'quoted',second");
  g_assert_cmpint (query_int (copy, "PRAGMA user_version"), ==, CD_DATABASE_SCHEMA_VERSION);
  g_assert_finalize_object (copy);

  /* A second copy replaces the first. */
  g_assert_true (cd_database_backup_to (db, dest, &error));
  g_assert_no_error (error);
  copy = open_ok (dest);
  g_clear_pointer (&values, g_free);
  values = scratch_values (copy);
  g_assert_cmpstr (values, ==, "小林 'quoted',second,after the copy");
  g_assert_finalize_object (copy);

  g_assert_finalize_object (db);
  cd_test_remove_dir (dir);
}

static void
test_backup_to_missing_folder (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *blocker = g_build_filename (dir, "file", NULL);
  g_autofree char *dest = g_build_filename (blocker, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  CdDatabase *db = cd_test_open_database (dir);

  /* The destination's folder cannot exist: a plain file is in its way. */
  g_file_set_contents (blocker, "", 0, &error);
  g_assert_no_error (error);
  g_assert_false (cd_database_backup_to (db, dest, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (db);
  cd_test_remove_dir (dir);
}

/* Another program holds the write lock: a write waits, then fails with a message that says
 * so, leaves no transaction open, and works once the lock is gone. */
static void
test_locked_by_another_connection (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdCaseRepository) cases = NULL;
  g_autoptr(CdCase) kase = cd_case_new ();
  CdDatabase *db = open_ok (path);
  sqlite3 *other = NULL;

  cases = cd_case_repository_new (db);
  /* A tenth of a second, not the application's ten, to keep the test short. */
  sqlite3_busy_timeout (cd_database_get_handle (db), 100);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  cd_case_set_string (&kase->customer_name, "Dana");
  g_assert_false (cd_case_repository_insert (cases, kase, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_assert_false (cd_database_in_transaction (db));
  g_assert_null (cd_database_get_damage (db));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  g_assert_true (cd_case_repository_insert (cases, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cd_case_repository_count (cases, NULL), ==, 1);

  g_clear_object (&cases);
  g_assert_finalize_object (db);
  cd_test_remove_dir (dir);
}

/* Read-only, two ways. File permissions stop only a user who is not root; a read-only file
 * system (a bind mount made read-only, as on read-only media or a locked-down volume) stops
 * root too, so CI, which runs as root, checks the same path as a seller's read-only file. */

/* Makes @dir read-only for this process alone: a read-only bind mount of it in a mount
 * namespace of its own. */
static gboolean
mount_read_only (const char  *dir,
                 char       **reason)
{
  if (!cd_test_enter_mount_namespace (reason))
    return FALSE;
  if (mount (dir, dir, NULL, MS_BIND, NULL) != 0 ||
      mount (NULL, dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0)
    {
      *reason = g_strdup_printf ("no read-only bind mount: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Whether mount_read_only() works here, tried in a child that exits at once. */
static gboolean
can_mount_read_only (const char  *dir,
                     char       **reason)
{
  char buffer[256] = "";
  ssize_t n;
  int status = 0;
  int fds[2];
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      char *why = NULL;

      close (fds[0]);
      if (mount_read_only (dir, &why))
        _exit (0);
      if (write (fds[1], why, strlen (why)) < 0)
        _exit (2);
      g_free (why);
      _exit (1);
    }
  close (fds[1]);
  n = read (fds[0], buffer, sizeof buffer - 1);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
    return TRUE;
  buffer[MAX (n, 0)] = '\0';
  *reason = g_strdup_printf ("cannot make a read-only file system here (%s)",
                             buffer[0] != '\0' ? buffer : "the probe failed");
  return FALSE;
}

/* A file the database may read but not write opens read-only and keeps its data. */
static void
check_opens_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  CdDatabase *db = open_ok (path);

  g_assert_true (cd_database_is_read_only (db));
  name = query_text (db, "SELECT name FROM shop");
  g_assert_cmpstr (name, ==, "read me");
  g_assert_false (cd_database_exec (db, "UPDATE shop SET name = 'changed'", &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_READ_ONLY);
  g_assert_null (cd_database_get_damage (db));
  g_assert_finalize_object (db);
}

/* An old file that cannot be written cannot be upgraded: it is refused, not half-changed. */
static void
check_upgrade_refused (const char *path)
{
  g_autoptr(GError) error = NULL;
  CdDatabase *db = cd_database_open (path, &error);

  g_assert_null (db);
  g_assert_error (error, CD_ERROR, CD_ERROR_READ_ONLY);
}

static void
create_file (const char *path,
             int         version)
{
  g_autoptr(GError) error = NULL;
  CdDatabase *db = cd_database_open_at_version (path, version, &error);

  g_assert_no_error (error);
  if (version == CD_DATABASE_SCHEMA_VERSION)
    exec_ok (db, "UPDATE shop SET name = 'read me'");
  g_assert_finalize_object (db);
}

static void
run_with_permissions (int    version,
                      void (*check) (const char *path))
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores file permissions (the read-only file system test runs)");
      return;
    }

  dir = cd_test_make_dir ();
  path = g_build_filename (dir, "test.db", NULL);
  create_file (path, version);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  check (path);
  g_chmod (path, 0600);
  cd_test_remove_dir (dir);
}

/* The file lies on a read-only file system; the check runs in a subprocess, the only one
 * that sees the read-only mount. */
static void
run_on_read_only_file_system (int    version,
                              void (*check) (const char *path))
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length;
  gsize after_length;

  if (g_test_subprocess ())
    {
      const char *ro_dir = g_getenv ("CD_TEST_READ_ONLY_DIR");

      g_assert_nonnull (ro_dir);
      path = g_build_filename (ro_dir, "test.db", NULL);
      g_assert_true (mount_read_only (ro_dir, &reason));
      /* Not even root may write here. */
      g_assert_cmpint (access (path, W_OK), !=, 0);
      g_assert_cmpint (errno, ==, EROFS);
      check (path);
      return;
    }

  dir = cd_test_make_dir ();
  if (!can_mount_read_only (dir, &reason))
    {
      g_test_skip (reason);
      cd_test_remove_dir (dir);
      return;
    }
  path = g_build_filename (dir, "test.db", NULL);
  create_file (path, version);
  before = cd_test_read_file (path, &before_length);
  g_setenv ("CD_TEST_READ_ONLY_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("CD_TEST_READ_ONLY_DIR");
  g_test_trap_assert_passed ();
  /* Nothing was written: the file is byte for byte as it was. */
  after = cd_test_read_file (path, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
  cd_test_remove_dir (dir);
}

static void
test_read_only_permissions (void)
{
  run_with_permissions (CD_DATABASE_SCHEMA_VERSION, check_opens_read_only);
}

static void
test_read_only_file_system (void)
{
  run_on_read_only_file_system (CD_DATABASE_SCHEMA_VERSION, check_opens_read_only);
}

static void
test_read_only_needs_upgrade_permissions (void)
{
  run_with_permissions (1, check_upgrade_refused);
}

static void
test_read_only_needs_upgrade_file_system (void)
{
  run_on_read_only_file_system (1, check_upgrade_refused);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/create-with-open-umask", test_create_with_open_umask);
  g_test_add_func ("/database/reopen", test_reopen_keeps_data);
  g_test_add_func ("/database/open-existing", test_open_existing);
  for (int version = 1; version < CD_DATABASE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("/database/migrate/from-v%d", version);
      g_test_add_data_func (name, GINT_TO_POINTER (version), test_migrate_from);
    }
  g_test_add_func ("/database/schema-too-new", test_schema_too_new);
  g_test_add_func ("/database/not-a-database", test_not_a_database);
  g_test_add_func ("/database/damaged-header", test_damaged_header);
  g_test_add_func ("/database/transaction/commit", test_transaction_commit);
  g_test_add_func ("/database/transaction/rollback", test_transaction_rollback);
  g_test_add_func ("/database/transaction/nested", test_transaction_nested);
  g_test_add_func ("/database/transaction/failed-step", test_failed_step_in_transaction);
  g_test_add_func ("/database/statement-cache", test_statement_cache);
  g_test_add_func ("/database/statement-cache/same-address", test_statement_cache_same_address);
  g_test_add_func ("/database/bind-names", test_bind_names);
  g_test_add_func ("/database/prepare-error", test_prepare_error);
  g_test_add_func ("/database/backup", test_backup);
  g_test_add_func ("/database/backup-to-missing-folder", test_backup_to_missing_folder);
  g_test_add_func ("/database/locked", test_locked_by_another_connection);
  g_test_add_func ("/database/read-only/permissions", test_read_only_permissions);
  g_test_add_func ("/database/read-only/file-system", test_read_only_file_system);
  g_test_add_func ("/database/read-only-needs-upgrade/permissions",
                   test_read_only_needs_upgrade_permissions);
  g_test_add_func ("/database/read-only-needs-upgrade/file-system",
                   test_read_only_needs_upgrade_file_system);

  return g_test_run ();
}
