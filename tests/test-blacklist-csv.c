/* test-blacklist-csv.c — the blacklist as CSV (cd-blacklist-csv.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cd-blacklist-csv.h"
#include "cd-blacklist-repository.h"
#include "cd-error.h"
#include "cd-test-util.h"
#include "cd-time.h"

#define HEADER CD_BLACKLIST_CSV_HEADER "\r\n"

typedef struct
{
  char                  *dir;
  CdDatabase            *db;
  CdBlacklistRepository *repo;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->repo = cd_blacklist_repository_new (f->db);
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

static CdDatabase *
open_other_database (Fixture    *f,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  CdDatabase *db = cd_database_open (path, &error);

  g_assert_no_error (error);
  return db;
}

/* Stores an entry; the uid and the added time are fixed, so that exports can be compared. */
static CdBlacklistEntry *
add_entry (CdBlacklistRepository *repo,
           const char            *uid,
           const char            *buyer_id,
           const char            *nickname,
           const char            *phone,
           const char            *name,
           const char            *evidence)
{
  g_autoptr(GError) error = NULL;
  CdBlacklistEntry *entry = cd_blacklist_entry_new ();

  g_free (entry->uid);
  entry->uid = g_strdup (uid);
  g_free (entry->buyer_id);
  entry->buyer_id = g_strdup (buyer_id);
  g_free (entry->nickname);
  entry->nickname = g_strdup (nickname);
  g_free (entry->phone);
  entry->phone = g_strdup (phone);
  g_free (entry->name);
  entry->name = g_strdup (name);
  g_free (entry->evidence);
  entry->evidence = g_strdup (evidence);
  entry->platform = CD_PLATFORM_PINDUODUO;
  entry->reason = CD_REASON_REFUND_ABUSE;
  cd_time_parse ("2026-11-24T08:00:00Z", &entry->added_at, NULL);

  cd_blacklist_repository_insert (repo, entry, &error);
  g_assert_no_error (error);
  return entry;
}

static char *
export_csv (CdDatabase *db)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  cd_blacklist_csv_export_to_stream (db, stream, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, &error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static gboolean
import_csv (CdDatabase     *db,
            const char     *text,
            gssize          length,
            CdImportStats  *stats,
            GError        **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return cd_blacklist_csv_import_bytes (db, bytes, stats, error);
}

/* The export's row for the entry, without its line end. */
static char *
dup_row (const char *csv,
         guint       index)
{
  g_auto(GStrv) rows = g_strsplit (csv, "\r\n", -1);

  g_assert_cmpuint (g_strv_length (rows), >, index + 1);
  return g_strdup (rows[index + 1]);
}

static void
test_escaping (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) entry = add_entry (f->repo, "u1", "b1", "Smith, John",
                                                 "13900001234", "He said \"never\"",
                                                 "line one\nline two\r\nline three, end");
  g_autofree char *csv = export_csv (f->db);
  g_autofree char *row = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_prefix (csv, HEADER));
  row = g_strdup (csv + strlen (HEADER));
  g_assert_cmpstr (row, ==,
                   "u1,pinduoduo,b1,\"Smith, John\",13900001234,\"He said \"\"never\"\"\","
                   "refund_abuse,\"line one\nline two\r\nline three, end\",,"
                   "2026-11-24T08:00:00Z,true\r\n");

  /* Every record ends in CRLF; the only bare LF is inside the quoted evidence. */
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[1], ==, "u1,pinduoduo,b1,\"Smith, John\",13900001234,"
                                 "\"He said \"\"never\"\"\",refund_abuse,\"line one");
}

static void
test_formula (Fixture       *f,
              gconstpointer  data)
{
  const char starts[] = { '=', '+', '-', '@', '\t', '\r' };
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;
  g_autoptr(CdDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  CdImportStats stats = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autofree char *uid = g_strdup_printf ("u%u", i);
      g_autofree char *text = g_strdup_printf ("%c1+1", starts[i]);

      g_ptr_array_add (entries, add_entry (f->repo, uid, text, text, text, text, text));
    }
  csv = export_csv (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autofree char *row = dup_row (csv, i);
      g_autofree char *field = g_strdup_printf (starts[i] == '\r' ? "\"'%c1+1\"" : "'%c1+1",
                                                starts[i]);
      g_autofree char *expected =
        g_strdup_printf ("u%u,pinduoduo,%s,%s,%s,%s,refund_abuse,%s,,2026-11-24T08:00:00Z,true",
                         i, field, field, field, field, field);

      g_assert_cmpstr (row, ==, expected);
    }

  /* The import takes the apostrophe away again: the same database, nothing changes. */
  import_csv (f->db, csv, -1, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.entries_unchanged, ==, G_N_ELEMENTS (starts));
  g_assert_cmpuint (stats.entries_added + stats.entries_updated, ==, 0);

  other = open_other_database (f, "other.db");
  import_csv (other, csv, -1, NULL, &error);
  g_assert_no_error (error);
  again = export_csv (other);
  g_assert_cmpstr (again, ==, csv);
}

/* Apostrophes already there: one more before a formula start, none elsewhere; the uid is no
 * free text and stays as it is. */
static void
test_formula_apostrophes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) a = add_entry (f->repo, "u1", "'=1+1", "''@x", "'139", "'",
                                             "it's -fine");
  g_autoptr(CdBlacklistEntry) b = add_entry (f->repo, "-u2", "x", "", "", "", "");
  g_autofree char *csv = export_csv (f->db);
  g_autofree char *row_a = dup_row (csv, 0);
  g_autofree char *row_b = dup_row (csv, 1);
  g_autoptr(CdDatabase) other = open_other_database (f, "other.db");
  g_autoptr(CdBlacklistRepository) other_repo = cd_blacklist_repository_new (other);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  CdBlacklistEntry *back;

  g_assert_cmpstr (row_a, ==, "u1,pinduoduo,''=1+1,'''@x,'139,',refund_abuse,it's -fine,,"
                              "2026-11-24T08:00:00Z,true");
  g_assert_cmpstr (row_b, ==, "-u2,pinduoduo,x,,,,refund_abuse,,,2026-11-24T08:00:00Z,true");

  import_csv (other, csv, -1, NULL, &error);
  g_assert_no_error (error);
  found = cd_blacklist_repository_find_matches (other_repo, "'=1+1", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  back = g_ptr_array_index (found, 0);
  g_assert_cmpstr (back->buyer_id, ==, "'=1+1");
  g_assert_cmpstr (back->nickname, ==, "''@x");
  g_assert_cmpstr (back->phone, ==, "'139");
  g_assert_cmpstr (back->name, ==, "'");
  g_assert_cmpstr (back->evidence, ==, "it's -fine");
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) a = add_entry (f->repo, "a", "'; DROP TABLE blacklist; --",
                                             "ＬｕｃｋｙＳｔａｒ", "+86 139-0000-1234",
                                             "张三", "差评要挟退款，“五星好评”换红包 🎁\n"
                                             "\"quoted\", =1+1\r\n\ttabbed");
  g_autoptr(CdBlacklistEntry) b = add_entry (f->repo, "b", "", "  spaced  ", "", "", "");
  g_autoptr(CdBlacklistEntry) c = add_entry (f->repo, "c", "dy_1", "", "", "", "");
  g_autoptr(CdDatabase) second = open_other_database (f, "second.db");
  g_autoptr(CdDatabase) third = open_other_database (f, "third.db");
  g_autofree char *first_csv = NULL;
  g_autofree char *second_csv = NULL;
  g_autofree char *third_csv = NULL;
  g_autoptr(GError) error = NULL;
  CdImportStats stats = { 0 };

  g_ptr_array_add (b->case_uids, g_strdup ("case-1"));
  g_ptr_array_add (b->case_uids, g_strdup ("case-2"));
  b->added_at += 123456;   /* a fraction of a second */
  b->platform = CD_PLATFORM_OWN_SITE;
  b->reason = CD_REASON_CHARGEBACK;
  cd_blacklist_repository_update (f->repo, b, &error);
  g_assert_no_error (error);
  cd_blacklist_repository_set_active (f->repo, c->id, FALSE, &error);
  g_assert_no_error (error);

  first_csv = export_csv (f->db);
  g_assert_nonnull (strstr (first_csv, "case-1 case-2,2026-11-24T08:00:00.123456Z,true\r\n"));
  g_assert_nonnull (strstr (first_csv, ",false\r\n"));

  import_csv (second, first_csv, -1, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.entries_added, ==, 3);
  second_csv = export_csv (second);
  g_assert_cmpstr (second_csv, ==, first_csv);

  import_csv (third, second_csv, -1, NULL, &error);
  g_assert_no_error (error);
  third_csv = export_csv (third);
  g_assert_cmpstr (third_csv, ==, first_csv);

  /* And into the database it came from: every field the same. */
  import_csv (f->db, first_csv, -1, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.entries_unchanged, ==, 3);
}

static void
test_chinese (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) entry = add_entry (f->repo, "cn", "买家_001", "ＬｕｃｋｙＳｔａｒ",
                                                 "＋８６ １３９－００００－１２３４", "李四",
                                                 "「差评」要挟，全角：ＡＢＣ１２３，半角：ABC123");
  g_autofree char *csv = export_csv (f->db);
  g_autofree char *row = dup_row (csv, 0);
  g_autoptr(CdDatabase) other = open_other_database (f, "other.db");
  g_autoptr(CdBlacklistRepository) other_repo = cd_blacklist_repository_new (other);
  g_autoptr(GPtrArray) by_nickname = NULL;
  g_autoptr(GPtrArray) by_phone = NULL;
  g_autoptr(GError) error = NULL;
  CdBlacklistEntry *back;

  /* Full-width commas and quotes are text, not separators: nothing to quote. */
  g_assert_cmpstr (row, ==, "cn,pinduoduo,买家_001,ＬｕｃｋｙＳｔａｒ,＋８６ １３９－００００－１２３４,"
                            "李四,refund_abuse,「差评」要挟，全角：ＡＢＣ１２３，半角：ABC123,,"
                            "2026-11-24T08:00:00Z,true");

  import_csv (other, csv, -1, NULL, &error);
  g_assert_no_error (error);
  by_nickname = cd_blacklist_repository_find_matches (other_repo, NULL, "luckystar", NULL,
                                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_nickname->len, ==, 1);
  back = g_ptr_array_index (by_nickname, 0);
  g_assert_cmpstr (back->nickname, ==, "ＬｕｃｋｙＳｔａｒ");
  g_assert_cmpstr (back->evidence, ==, "「差评」要挟，全角：ＡＢＣ１２３，半角：ABC123");
  by_phone = cd_blacklist_repository_find_matches (other_repo, NULL, NULL, "13900001234",
                                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_phone->len, ==, 1);
}

/* Columns in any order, a subset of them, a byte-order mark, LF line ends, blank lines, and
 * what a row leaves out filled in. */
static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  const char *csv = "\xef\xbb\xbf" "nickname,reason,active\n"
                    "alpha,other,\n"
                    "\n"
                    "beta,abusive,FALSE\n"
                    "\n";
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = cd_time_now ();
  CdImportStats stats = { 0 };

  import_csv (f->db, csv, -1, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.entries_added, ==, 2);

  entries = cd_blacklist_repository_list (f->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < entries->len; i++)
    {
      CdBlacklistEntry *entry = g_ptr_array_index (entries, i);
      gboolean is_alpha = g_str_equal (entry->nickname, "alpha");

      g_assert_true (g_uuid_string_is_valid (entry->uid));
      g_assert_cmpint (entry->platform, ==, CD_PLATFORM_OTHER);
      g_assert_cmpint (entry->reason, ==, is_alpha ? CD_REASON_OTHER : CD_REASON_ABUSIVE);
      g_assert_true (entry->active == is_alpha);
      g_assert_cmpint (entry->added_at, >=, before);
      g_assert_cmpint (entry->added_at, <=, cd_time_now ());
      g_assert_cmpuint (entry->case_uids->len, ==, 0);
    }
}

typedef struct
{
  const char *name;
  const char *csv;
  const char *message;   /* the error's start */
} BadFile;

static const BadFile bad_files[] = {
  { "unterminated-quote", "uid,reason,nickname\r\na,other,x\r\nb,other,\"open\r\nc,other,y\r\n",
    "line 3: a quoted field is not closed" },
  { "quote-in-plain-field", "uid,reason,nickname\r\na,other,x\"y\r\n",
    "line 2: a quote inside a field that does not start with one" },
  { "text-after-quote", "uid,reason,nickname\r\na,other,\"x\"y\r\n",
    "line 2: text after the closing quote" },
  { "bare-cr", "uid,reason,nickname\r\na,other,x\ry\r\n",
    "line 2: a carriage return (CR) that does not end a line" },
  { "too-few-fields", "uid,reason,nickname\r\na,other,x\r\nb,other\r\n",
    "line 3: 2 fields where the header has 3" },
  { "too-many-fields", "uid,reason,nickname\r\na,other,x,y\r\n",
    "line 2: 4 fields where the header has 3" },
  { "unknown-column", "uid,reason,nick_name\r\na,other,x\r\n",
    "line 1: unknown column “nick_name”" },
  { "column-twice", "uid,reason,nickname,UID\r\na,other,x,b\r\n",
    "line 1: the column “uid” appears twice" },
  { "no-reason-column", "uid,nickname\r\na,x\r\n", "line 1: the column “reason” is missing" },
  { "bad-reason", "uid,reason,nickname\r\na,other,x\r\nb,spam,y\r\n",
    "line 3, reason: must be one of \"malicious_review\", " },
  { "empty-reason", "uid,reason,nickname\r\na,,x\r\n", "line 2, reason: must be one of " },
  { "bad-platform", "uid,platform,reason,nickname\r\na,weibo,other,x\r\n",
    "line 2, platform: must be one of \"taobao\", " },
  { "bad-time", "uid,reason,nickname,added_at\r\na,other,x,yesterday\r\n",
    "line 2, added_at: must be a date and time with a zone" },
  { "time-without-zone", "uid,reason,nickname,added_at\r\na,other,x,2026-11-24T08:00:00\r\n",
    "line 2, added_at: must be a date and time with a zone" },
  { "bad-active", "uid,reason,nickname,active\r\na,other,x,yes\r\n",
    "line 2, active: must be true or false" },
  { "no-key", "uid,reason,nickname,phone,name\r\na,other,,,Zhang San\r\n",
    "line 2: needs a buyer_id, a nickname or a phone" },
  { "blank-keys", "uid,reason,nickname,phone,buyer_id\r\na,other, ,\u3000,\t\r\n",
    "line 2: needs a buyer_id, a nickname or a phone" },
  { "same-uid", "uid,reason,nickname\r\na,other,x\r\nb,other,y\r\na,other,z\r\n",
    "line 4, uid: the same uid as line 2" },
  { "long-uid", "uid,reason,nickname\r\n"
    "0123456789012345678901234567890123456789012345678901234567890123X,other,x\r\n",
    "line 2, uid: must be 1 to 64 characters long" },
  { "long-case-uid", "uid,reason,nickname,case_uids\r\na,other,x,"
    "ok 0123456789012345678901234567890123456789012345678901234567890123X\r\n",
    "line 2, case_uids: each uid must be 1 to 64 characters long" },
  /* The line a record starts on, counting the lines inside quoted fields before it. */
  { "lines-in-quotes", "uid,reason,evidence,nickname\r\na,other,\"1\r\n2\n3\",x\r\nb,bogus,,y\r\n",
    "line 5, reason: must be one of" },
  { "not-utf8", "uid,reason,nickname\r\na,other,x\r\nb,other,\xc0\xaf\r\n",
    "line 3: the file is not UTF-8 text" },
  { "gbk", "uid,reason,nickname\r\na,other,\xc4\xe3\xba\xc3\r\n",
    "line 2: the file is not UTF-8 text" },
};

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) kept = add_entry (f->repo, "a", "dy_1", "kept", "", "", "");
  g_autofree char *before = export_csv (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s", bad_files[i].name);
      g_assert_false (import_csv (f->db, bad_files[i].csv, -1, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == CD_ERROR);
      if (!g_str_has_prefix (error->message, bad_files[i].message))
        g_error ("%s: “%s” does not start with “%s”", bad_files[i].name, error->message,
                 bad_files[i].message);

      /* Nothing of it got in: the rows before the bad one included. */
      after = export_csv (f->db);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_empty_files (Fixture       *f,
                  gconstpointer  data)
{
  static const char with_nul[] = "reason,nickname\r\nother,a\0b\r\n";
  const char *empties[] = { "", "\xef\xbb\xbf", " \r\n\r\n", "\n" };
  g_autoptr(GError) error = NULL;
  CdImportStats stats = { 1, 1, 1, 1, 1, 1, 1, 1, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    {
      g_assert_false (import_csv (f->db, empties[i], -1, NULL, &error));
      g_assert_error (error, CD_ERROR, CD_ERROR_IMPORT);
      g_assert_cmpstr (error->message, ==, "the file is empty");
      g_clear_error (&error);
    }

  /* A header alone is a list without entries. */
  g_assert_true (import_csv (f->db, HEADER, -1, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.entries_added + stats.entries_updated + stats.entries_unchanged, ==,
                    0);

  /* A NUL byte is no UTF-8 text. */
  g_assert_false (import_csv (f->db, with_nul, sizeof with_nul - 1, NULL, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_IMPORT);
  g_assert_true (g_str_has_prefix (error->message, "line 2: the file is not UTF-8 text"));
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, HEADER, -1, &error);
  g_assert_no_error (error);
  /* Sparse: the size is what counts, and the file is refused before it is read. */
  g_assert_cmpint (truncate (path, CD_IMPORT_MAX_BYTES + 1), ==, 0);

  g_assert_false (cd_blacklist_csv_import_file (f->db, path, NULL, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "larger than"));
}

/* A row that fails only when stored (here: a trigger) rolls back the rows stored before it. */
static void
test_atomic_store (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) kept = add_entry (f->repo, "a", "dy_1", "kept", "", "", "");
  g_autofree char *before = export_csv (f->db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  rc = sqlite3_exec (cd_database_get_handle (f->db),
                     "CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON blacklist "
                     "WHEN NEW.nickname = 'boom' BEGIN SELECT RAISE (ABORT, 'refused'); END",
                     NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);

  g_assert_false (import_csv (f->db, "uid,reason,nickname\r\n"
                                     "a,abusive,changed\r\n"
                                     "b,other,new\r\n"
                                     "c,other,boom\r\n", -1, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "line 4: "));
  after = export_csv (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_export_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) entry = add_entry (f->repo, "a", "dy_1", "x", "", "", "");
  g_autofree char *path = g_build_filename (f->dir, "blacklist.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = export_csv (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;
  guint n_files = 0;
  mode_t old_umask = umask (022);

  g_assert_true (cd_blacklist_csv_export_to_file (f->db, path, &error));
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  contents = cd_test_read_file (path, NULL);
  g_assert_cmpstr (contents, ==, expected);

  /* A failed export (a case uid the column cannot hold) leaves the earlier file alone and
   * no temporary file behind. */
  g_ptr_array_add (entry->case_uids, g_strdup ("has space"));
  cd_blacklist_repository_update (f->repo, entry, &error);
  g_assert_no_error (error);
  g_assert_false (cd_blacklist_csv_export_to_file (f->db, path, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "has space"));
  g_clear_pointer (&contents, g_free);
  contents = cd_test_read_file (path, NULL);
  g_assert_cmpstr (contents, ==, expected);

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_equal (name, "blacklist.csv") && !g_str_has_prefix (name, "test.db"))
        g_error ("left behind: %s", name);
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/blacklist-csv/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("escaping", test_escaping);
  ADD ("formula", test_formula);
  ADD ("formula-apostrophes", test_formula_apostrophes);
  ADD ("round-trip", test_round_trip);
  ADD ("chinese", test_chinese);
  ADD ("defaults", test_defaults);
  ADD ("bad-files", test_bad_files);
  ADD ("empty-files", test_empty_files);
  ADD ("too-large", test_too_large);
  ADD ("atomic-store", test_atomic_store);
  ADD ("export-file", test_export_file);
#undef ADD

  return g_test_run ();
}
