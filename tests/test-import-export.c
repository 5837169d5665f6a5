/* test-import-export.c — the exchange format in and out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cd-blacklist-repository.h"
#include "cd-case-repository.h"
#include "cd-error.h"
#include "cd-exporter.h"
#include "cd-importer.h"
#include "cd-template-repository.h"
#include "cd-test-util.h"
#include "cd-time.h"

/* A fixed exported_at, so that two exports can be compared byte for byte. */
#define EXPORTED_AT ((gint64) 1795000000 * G_USEC_PER_SEC)

typedef struct
{
  char       *dir;
  CdDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char *
export_string (CdDatabase *db)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  char zero = '\0';

  g_assert_true (cd_export_to_stream (db, out, EXPORTED_AT, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write (out, &zero, 1, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static gboolean
import_string (CdDatabase     *db,
               const char     *json,
               CdImportStats  *stats,
               GError        **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return cd_import_bytes (db, bytes, NULL, NULL, stats, error);
}

static gint64
count_rows (CdDatabase *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (cd_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static char *
example_json (void)
{
  const char *path = g_getenv ("EXAMPLE_JSON");

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return cd_test_read_file (path, NULL);
}

static void
test_example_imports (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *json = example_json ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CdCaseRepository) cases = cd_case_repository_new (f->db);
  g_autoptr(CdBlacklistRepository) blacklist = cd_blacklist_repository_new (f->db);
  g_autoptr(CdCase) lin = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *created = NULL;
  CdImportStats stats = { 0 };
  CdCompensation *replacement;

  if (json == NULL)
    {
      g_test_skip ("../shared/formats/example.json is not beside the project");
      return;
    }

  g_assert_true (import_string (f->db, json, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.cases_added, ==, 2);
  g_assert_cmpuint (stats.entries_added, ==, 1);
  g_assert_cmpuint (stats.templates_added, ==, 2);

  lin = cd_case_repository_load_by_uid (cases, "0b6f3c52-5a8e-4b7e-9d7e-2f1c9a6d1e01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lin->customer_name, ==, "小林");
  g_assert_cmpint (lin->platform, ==, CD_PLATFORM_TAOBAO);
  g_assert_cmpstr (lin->phone, ==, "138 0013 8000");
  g_assert_cmpint (lin->order_amount, ==, 12800);
  g_assert_cmpint (lin->stage, ==, CD_STAGE_FOLLOW_UP);
  g_assert_cmpint (lin->root_cause, ==, CD_ROOT_CAUSE_PACKAGING);
  g_assert_true (lin->summary_confirmed);
  created = cd_time_format (lin->created_at);
  /* 09:12 at +08:00 is 01:12 UTC */
  g_assert_cmpstr (created, ==, "2026-11-18T01:12:00Z");
  g_assert_cmpuint (lin->compensations->len, ==, 2);
  replacement = g_ptr_array_index (lin->compensations, 0);
  g_assert_cmpint (replacement->kind, ==, CD_COMPENSATION_REPLACEMENT);
  g_assert_cmpint (replacement->cost, ==, 5200);
  g_assert_cmpstr (replacement->reference, ==, "SF1403928877");
  g_assert_cmpuint (lin->followups->len, ==, 1);
  g_assert_cmpint (((CdFollowUp *) g_ptr_array_index (lin->followups, 0))->satisfaction, ==, 0);
  g_assert_cmpuint (lin->events->len, ==, 3);

  /* The nickname was stored full-width; the look-up key is folded. */
  matches = cd_blacklist_repository_find_matches (blacklist, NULL, "luckystar", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);

  /* A second import of the same file changes nothing. */
  memset (&stats, 0, sizeof stats);
  g_assert_true (import_string (f->db, json, &stats, &error));
  g_assert_cmpuint (stats.cases_added + stats.cases_updated, ==, 0);
  g_assert_cmpuint (stats.cases_unchanged, ==, 2);
  g_assert_cmpuint (stats.entries_unchanged, ==, 1);
  g_assert_cmpuint (stats.templates_unchanged, ==, 2);
  g_assert_cmpint (count_rows (f->db, "cases"), ==, 2);
  g_assert_cmpint (count_rows (f->db, "events"), ==, 4);
}

/* example.json imports, exports and re-imports unchanged; export → import → export is
 * byte-identical. */
static void
test_example_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *json = example_json ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDatabase) other = NULL;
  g_autofree char *other_path = NULL;
  CdImportStats stats = { 0 };

  if (json == NULL)
    {
      g_test_skip ("../shared/formats/example.json is not beside the project");
      return;
    }

  g_assert_true (import_string (f->db, json, NULL, &error));
  first = export_string (f->db);

  /* Re-importing our own export into the same database changes nothing. */
  g_assert_true (import_string (f->db, first, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.cases_unchanged, ==, 2);
  g_assert_cmpuint (stats.entries_unchanged, ==, 1);
  g_assert_cmpuint (stats.templates_unchanged, ==, 2);

  other_path = g_build_filename (f->dir, "other.db", NULL);
  other = cd_database_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (import_string (other, first, NULL, &error));
  g_assert_no_error (error);
  second = export_string (other);
  g_assert_cmpstr (first, ==, second);
}

static const char *const hostile[] = {
  "He said \"it's broken\" \\ twice",
  "line one\nline two\r\nline three\ttabbed",
  "emoji 😡📦🙏 and ZWJ 👩‍👩‍👧",
  "罐子压扁了，茶叶撒了一半。退款！",
  "ＬｕｃｋｙＳｔａｒ full-width",
  "'; DROP TABLE cases; --",
  "=1+1",
  "@SUM(A1:A9)",
  "\x01\x02 control \x1f characters \x7f",
  "",
};

static void
test_hostile_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CdCaseRepository) cases = cd_case_repository_new (f->db);
  g_autoptr(CdBlacklistRepository) blacklist = cd_blacklist_repository_new (f->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *big = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(CdDatabase) other = NULL;
  g_autoptr(CdCaseRepository) other_cases = NULL;
  GString *builder = g_string_new (NULL);

  while (builder->len < 200 * 1024)
    g_string_append (builder, "两百千字节的字段 200 KB field \"quoted\"\n");
  big = g_string_free (builder, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(CdCase) kase = cd_case_new ();
      g_autoptr(CdBlacklistEntry) entry = cd_blacklist_entry_new ();
      CdCompensation *c = cd_compensation_new (CD_COMPENSATION_COUPON, CD_COMPENSATION_DONE);

      cd_case_set_string (&kase->customer_name, hostile[i]);
      cd_case_set_string (&kase->buyer_id, hostile[i]);
      cd_case_set_string (&kase->description, i == 0 ? big : hostile[i]);
      cd_case_set_string (&kase->summary, hostile[i]);
      cd_case_set_string (&kase->improvement, hostile[i]);
      kase->order_amount = i == 1 ? G_MAXINT64 : (gint64) i * 100;
      kase->promised_by = i % 2 == 0 ? CD_TIME_UNSET : EXPORTED_AT + i * 1500;
      cd_case_set_string (&c->reference, hostile[i]);
      c->amount = G_MAXINT64;
      c->done_at = EXPORTED_AT - 1;
      g_ptr_array_add (kase->compensations, c);
      g_assert_true (cd_case_repository_insert (cases, kase, &error));
      g_assert_no_error (error);
      g_assert_true (cd_case_repository_add_event (cases, kase, "message", hostile[i], &error));

      cd_case_set_string (&entry->nickname, hostile[i][0] != '\0' ? hostile[i] : "x");
      cd_case_set_string (&entry->evidence, hostile[i]);
      g_ptr_array_add (entry->case_uids, g_strdup (kase->uid));
      g_assert_true (cd_blacklist_repository_insert (blacklist, entry, &error));
      g_assert_no_error (error);
    }

  first = export_string (f->db);
  g_assert_true (g_utf8_validate (first, -1, NULL));

  other = cd_database_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (import_string (other, first, NULL, &error));
  g_assert_no_error (error);
  second = export_string (other);
  g_assert_cmpstr (first, ==, second);

  /* And the text came back byte for byte. */
  other_cases = cd_case_repository_new (other);
  for (gint64 id = 1; id <= (gint64) G_N_ELEMENTS (hostile); id++)
    {
      g_autoptr(CdCase) kase = cd_case_repository_load (other_cases, id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (kase->summary, ==, hostile[id - 1]);
      g_assert_cmpstr (kase->description, ==, id == 1 ? big : hostile[id - 1]);
    }
}

typedef struct
{
  const char *name;
  const char *json;
  const char *expected;  /* a part of the message */
} BadFile;

#define CASE_HEAD "{\"format\":\"compdesk-export\",\"version\":1,\"blacklist\":[],\"cases\":["
#define GOOD_CASE(uid) "{\"uid\":\"" uid "\",\"created_at\":\"2026-11-01T00:00:00Z\"," \
                       "\"customer\":{\"name\":\"A\"},\"stage\":\"listen\"}"
#define ONE_CASE(fields) CASE_HEAD "{\"uid\":\"u1\",\"created_at\":\"2026-11-01T00:00:00Z\"," \
                         "\"customer\":{\"name\":\"A\"},\"stage\":\"listen\"" fields "}]}"
#define ONE_ENTRY(fields) "{\"format\":\"compdesk-export\",\"version\":1,\"cases\":[]," \
                          "\"blacklist\":[{\"uid\":\"b1\",\"reason\":\"other\"," \
                          "\"added_at\":\"2026-11-01T00:00:00Z\"" fields "}]}"

static const BadFile bad_files[] = {
  { "empty", "", "the file is empty" },
  { "blank", "  \n ", "the file is empty" },
  { "truncated", CASE_HEAD GOOD_CASE ("u1"), "not valid JSON" },
  { "trailing-garbage", CASE_HEAD GOOD_CASE ("u1") "]} {}", "more after the end" },
  { "missing-comma", CASE_HEAD GOOD_CASE ("u1") " " GOOD_CASE ("u2") "]}",
    "a comma or a closing bracket was expected" },
  { "bad-literal", CASE_HEAD "{\"uid\":\"u\",\"created_at\":\"2026-11-01T00:00:00Z\","
    "\"customer\":{\"name\":\"A\"},\"stage\":\"listen\",\"summary_confirmed\":ture}]}",
    "cases[0]: not valid JSON" },
  { "unterminated-string", CASE_HEAD "{\"uid\":\"u", "a string does not end" },
  { "not-utf8", "{\"format\":\"compdesk-export\xff\"}", "not UTF-8" },
  /* The scan checks the UTF-8 as it goes, and names the first bad byte. */
  { "not-utf8-in-case", CASE_HEAD GOOD_CASE ("u\xc3\x28") "]}",
    "the file is not UTF-8 text (byte 73 is not)" },
  { "overlong-utf8", CASE_HEAD GOOD_CASE ("\xc0\xaf") "]}", "(byte 72 is not)" },
  { "surrogate-utf8", CASE_HEAD GOOD_CASE ("\xed\xa0\x80") "]}", "(byte 72 is not)" },
  { "too-high-utf8", CASE_HEAD GOOD_CASE ("\xf4\x90\x80\x80") "]}", "(byte 72 is not)" },
  { "cut-utf8", CASE_HEAD GOOD_CASE ("\xe7\x8e") "]}", "(byte 72 is not)" },
  { "not-utf8-between", CASE_HEAD "\xff]}", "(byte 64 is not)" },
  { "utf8-between", CASE_HEAD "王]}", "line 1, column 65: a value was expected" },
  { "not-a-value", CASE_HEAD "@]}", "a value was expected" },
  { "array", "[1,2]", "top level is not an object" },
  { "wrong-format", "{\"format\":\"other\",\"version\":1,\"cases\":[],\"blacklist\":[]}",
    "\"format\"" },
  { "version-2", "{\"format\":\"compdesk-export\",\"version\":2,\"cases\":[],\"blacklist\":[]}",
    "version: must be 1" },
  { "no-cases", "{\"format\":\"compdesk-export\",\"version\":1,\"blacklist\":[]}",
    "cases: is required" },
  { "cases-object", "{\"format\":\"compdesk-export\",\"version\":1,\"cases\":{},\"blacklist\":[]}",
    "cases: must be an array" },
  { "case-not-object", CASE_HEAD "42]}", "cases[0]: must be an object" },
  { "no-uid", CASE_HEAD "{\"created_at\":\"2026-11-01T00:00:00Z\",\"customer\":{\"name\":\"A\"},"
    "\"stage\":\"listen\"}]}", "cases[0].uid: is required" },
  { "long-uid", CASE_HEAD GOOD_CASE ("0123456789012345678901234567890123456789012345678901234567890123456789") "]}",
    "cases[0].uid: must be 1 to 64" },
  { "no-customer-name", CASE_HEAD "{\"uid\":\"u\",\"created_at\":\"2026-11-01T00:00:00Z\","
    "\"customer\":{},\"stage\":\"listen\"}]}", "cases[0].customer.name: is required" },
  { "negative-amount", ONE_CASE (",\"order\":{\"amount_minor\":-1}"),
    "cases[0].order.amount_minor: must be an integer >= 0" },
  { "fraction-amount", ONE_CASE (",\"order\":{\"amount_minor\":12.5}"),
    "cases[0].order.amount_minor: must be an integer >= 0" },
  { "string-amount", ONE_CASE (",\"order\":{\"amount_minor\":\"100\"}"),
    "cases[0].order.amount_minor: must be an integer >= 0" },
  { "bad-stage", CASE_HEAD "{\"uid\":\"u\",\"created_at\":\"2026-11-01T00:00:00Z\","
    "\"customer\":{\"name\":\"A\"},\"stage\":\"done\"}]}", "cases[0].stage: must be one of" },
  { "bad-time", CASE_HEAD "{\"uid\":\"u\",\"created_at\":\"yesterday\","
    "\"customer\":{\"name\":\"A\"},\"stage\":\"listen\"}]}", "cases[0].created_at: must be" },
  { "time-without-zone", ONE_CASE (",\"promised_by\":\"2026-11-01T10:00:00\""),
    "cases[0].promised_by: must be" },
  { "compensation-kind", ONE_CASE (",\"compensations\":[{\"status\":\"done\"}]"),
    "cases[0].compensations[0].kind: is required" },
  { "compensation-cost", ONE_CASE (",\"compensations\":[{\"kind\":\"gift\",\"status\":\"done\","
    "\"cost_minor\":-5}]"), "cases[0].compensations[0].cost_minor: must be an integer >= 0" },
  { "satisfaction", ONE_CASE (",\"followups\":[{\"due_at\":\"2026-11-01T00:00:00Z\","
    "\"satisfaction\":6}]"), "cases[0].followups[0].satisfaction:" },
  { "event-kind", ONE_CASE (",\"events\":[{\"at\":\"2026-11-01T00:00:00Z\",\"kind\":7}]"),
    "cases[0].events[0].kind: must be a string" },
  { "confirmed", ONE_CASE (",\"summary_confirmed\":\"yes\""),
    "cases[0].summary_confirmed: must be true or false" },
  { "entry-no-keys", ONE_ENTRY (""), "blacklist[0]: needs a buyer_id" },
  { "entry-reason", "{\"format\":\"compdesk-export\",\"version\":1,\"cases\":[],\"blacklist\":"
    "[{\"uid\":\"b\",\"buyer_id\":\"x\",\"reason\":\"rude\",\"added_at\":\"2026-11-01T00:00:00Z\"}]}",
    "blacklist[0].reason: must be one of" },
  { "entry-case-uids", ONE_ENTRY (",\"phone\":\"139\",\"case_uids\":[\"\"]"),
    "blacklist[0].case_uids[0]:" },
  { "duplicate-uid", CASE_HEAD GOOD_CASE ("same") "," GOOD_CASE ("same") "]}",
    "cases[1].uid: the same uid as cases[0]" },
  { "currency", "{\"format\":\"compdesk-export\",\"version\":1,\"shop\":{\"currency\":\"cny\"},"
    "\"cases\":[],\"blacklist\":[]}", "shop.currency:" },
  { "template-body", "{\"format\":\"compdesk-export\",\"version\":1,\"cases\":[],\"blacklist\":[],"
    "\"templates\":[{\"uid\":\"t\",\"name\":\"n\"}]}", "templates[0].body: is required" },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *dir = cd_test_make_dir ();
  g_autoptr(CdDatabase) db = cd_test_open_database (dir);
  g_autoptr(GError) error = NULL;

  /* Something already there must survive the failed import untouched. */
  g_assert_true (import_string (db, CASE_HEAD GOOD_CASE ("before") "]}", NULL, &error));
  g_assert_no_error (error);

  g_assert_false (import_string (db, bad->json, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == CD_ERROR);
  if (strstr (error->message, bad->expected) == NULL)
    g_error ("%s: expected “%s” in “%s”", bad->name, bad->expected, error->message);
  g_assert_cmpint (count_rows (db, "cases"), ==, 1);
  g_assert_cmpint (count_rows (db, "blacklist"), ==, 0);

  g_clear_object (&db);
  cd_test_remove_dir (dir);
}

static void
test_deep_nesting (Fixture       *f,
                   gconstpointer  data)
{
  GString *json = g_string_new ("{\"format\":\"compdesk-export\",\"version\":1,\"blacklist\":[],"
                                "\"cases\":");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (int i = 0; i < 200000; i++)
    g_string_append_c (json, '[');
  text = g_string_free (json, FALSE);

  g_assert_false (import_string (f->db, text, NULL, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "nested"));
}

static void
test_huge_number (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (import_string (f->db, ONE_CASE (",\"order\":{\"amount_minor\":"
                                                  "92233720368547758080}"), NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count_rows (f->db, "cases"), ==, 0);
}

/* A failure in the 18th case leaves no trace of the first 17. */
static void
test_atomic (Fixture       *f,
             gconstpointer  data)
{
  GString *json = g_string_new (CASE_HEAD);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (int i = 0; i < 17; i++)
    g_string_append_printf (json, "{\"uid\":\"c%d\",\"created_at\":\"2026-11-01T00:00:00Z\","
                            "\"customer\":{\"name\":\"A\"},\"stage\":\"listen\"},", i);
  g_string_append (json, "{\"uid\":\"c17\",\"created_at\":\"2026-11-01T00:00:00Z\","
                   "\"customer\":{\"name\":\"A\"},\"stage\":\"listen\","
                   "\"order\":{\"amount_minor\":-3}}]}");
  text = g_string_free (json, FALSE);

  g_assert_false (import_string (f->db, text, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==,
                   "cases[17].order.amount_minor: must be an integer >= 0 "
                   "(minor units, such as cents or fen)");
  g_assert_cmpint (count_rows (f->db, "cases"), ==, 0);
  g_assert_cmpint (count_rows (f->db, "events"), ==, 0);
}

/* Records are parsed in batches, on two threads, and stored in order, the blacklist's
 * first: the error reported is the first of the blacklist, or else of the cases, whichever
 * thread found it, and a uid repeated batches apart is found. Nothing of a failed import is
 * left. */
static void
test_errors_across_batches (Fixture       *f,
                            gconstpointer  data)
{
  const struct {
    int         bad_case;      /* this case has a negative amount */
    int         repeats;       /* this case takes case 3's uid */
    int         bad_entry;     /* this entry has no keys */
    const char *expected;
  } files[] = {
    { 777, -1, -1, "cases[777].order.amount_minor: must be an integer >= 0" },
    { 999, 900, -1, "cases[900].uid: the same uid as cases[3]" },
    { -1, -1, 700, "blacklist[700]: needs a buyer_id" },
    { 5, -1, 998, "blacklist[998]: needs a buyer_id" },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (files); k++)
    {
      GString *json = g_string_new ("{\"format\":\"compdesk-export\",\"version\":1,"
                                    "\"cases\":[");
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      for (int i = 0; i < 1000; i++)
        g_string_append_printf (json, "%s{\"uid\":\"c%d\",\"created_at\":\"2026-11-01T00:00:00Z\","
                                "\"customer\":{\"name\":\"A\"},\"stage\":\"listen\""
                                "%s}", i > 0 ? "," : "", i == files[k].repeats ? 3 : i,
                                i == files[k].bad_case ? ",\"order\":{\"amount_minor\":-1}" : "");
      g_string_append (json, "],\"blacklist\":[");
      for (int i = 0; i < 1000; i++)
        g_string_append_printf (json, "%s{\"uid\":\"b%d\",\"reason\":\"other\","
                                "\"added_at\":\"2026-11-01T00:00:00Z\"%s}", i > 0 ? "," : "", i,
                                i == files[k].bad_entry ? "" : ",\"buyer_id\":\"x\"");
      g_string_append (json, "]}");
      text = g_string_free (json, FALSE);

      g_assert_false (import_string (f->db, text, NULL, &error));
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, files[k].expected))
        g_error ("expected “%s” in “%s”", files[k].expected, error->message);
      g_assert_cmpint (count_rows (f->db, "cases"), ==, 0);
      g_assert_cmpint (count_rows (f->db, "blacklist"), ==, 0);
      g_assert_cmpint (count_rows (f->db, "case_search"), ==, 0);
    }
}

/* A list named twice counts the second time, as json-glib reads it, even when the first
 * one's records were already being parsed while the file was scanned. */
static void
test_list_named_twice (Fixture       *f,
                       gconstpointer  data)
{
  const struct {
    const char *second;   /* the second "cases" */
    gboolean    ok;
  } files[] = {
    { "[" GOOD_CASE ("again") "]", TRUE },
    { "[]", TRUE },
    { "{}", FALSE },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (files); k++)
    {
      GString *json = g_string_new ("{\"format\":\"compdesk-export\",\"version\":1,"
                                    "\"blacklist\":[],\"cases\":[");
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      for (int i = 0; i < 600; i++)
        g_string_append_printf (json, "%s{\"uid\":\"first%d\",\"created_at\":"
                                "\"2026-11-01T00:00:00Z\",\"customer\":{\"name\":\"A\"},"
                                "\"stage\":\"listen\"}", i > 0 ? "," : "", i);
      g_string_append_printf (json, "],\"cases\":%s}", files[k].second);
      text = g_string_free (json, FALSE);

      g_assert_cmpint (import_string (f->db, text, NULL, &error), ==, files[k].ok);
      if (files[k].ok)
        g_assert_no_error (error);
      else
        g_assert_nonnull (strstr (error->message, "cases: must be an array"));
      /* the first file's one case, and nothing of the first lists */
      g_assert_cmpint (count_rows (f->db, "cases"), ==, 1);
      g_assert_cmpint (count_rows (f->db, "cases WHERE uid = 'again'"), ==, 1);
    }
}

static gint64
count_blacklist_indexes (CdDatabase *db)
{
  return count_rows (db, "sqlite_schema WHERE type = 'index' AND tbl_name = 'blacklist'");
}

/* A large blacklist is stored without its indexes, which are built again once it is in (and
 * the cases without the triggers of the search index); a failed import brings them back as
 * they were, and the list is found by its keys after. */
static void
test_bulk_blacklist (Fixture       *f,
                     gconstpointer  data)
{
  gint64 n_indexes = count_blacklist_indexes (f->db);
  g_autoptr(CdBlacklistRepository) repo = cd_blacklist_repository_new (f->db);

  g_assert_cmpint (n_indexes, >=, 6);
  for (int failing = 1; failing >= 0; failing--)
    {
      GString *json = g_string_new ("{\"format\":\"compdesk-export\",\"version\":1,"
                                    "\"cases\":[],\"blacklist\":[");
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;
      g_autofree char *text = NULL;
      const int n = 12000;

      for (int i = 0; i < n; i++)
        g_string_append_printf (json, "%s{\"uid\":\"b%d\",\"reason\":\"other\","
                                "\"added_at\":\"2026-11-01T00:00:00Z\",\"nickname\":"
                                "\"Ｎｉｃｋ%d\",\"phone\":\"+86 139 0000 %04d\"%s}",
                                i > 0 ? "," : "", i, i, i,
                                failing && i == n - 1 ? ",\"reason\":7" : "");
      g_string_append (json, "]}");
      text = g_string_free (json, FALSE);

      g_assert_cmpint (import_string (f->db, text, NULL, &error), ==, !failing);
      g_assert_true ((error != NULL) == failing);
      g_clear_error (&error);
      g_assert_cmpint (count_blacklist_indexes (f->db), ==, n_indexes);
      /* and the triggers that keep the search index, dropped during any import */
      g_assert_cmpint (count_rows (f->db, "sqlite_schema WHERE type = 'trigger'"), ==, 3);
      g_assert_cmpint (count_rows (f->db, "blacklist"), ==, failing ? 0 : n);
      g_assert_cmpint (count_rows (f->db, "pragma_integrity_check WHERE integrity_check = 'ok'"),
                       ==, 1);
      found = cd_blacklist_repository_find_matches (repo, NULL, "nick4321", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, failing ? 0 : 1);
    }
}

/* Every imported case can be searched for: the search index is filled while the cases are
 * parsed and at the end, whatever the number of cases (more than one batch here), and an
 * import that fails half-way leaves none of it behind. */
static void
test_searchable (Fixture       *f,
                 gconstpointer  data)
{
  GString *json = g_string_new (CASE_HEAD);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const int n = 2500;  /* the index is filled every 2,048 */

  for (int i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"uid\":\"c%d\",\"created_at\":\"2026-11-01T00:00:00Z\","
                            "\"customer\":{\"name\":\"buyer%04d\"},\"stage\":\"listen\","
                            "\"description\":\"teapot number %d arrived cracked\"}",
                            i > 0 ? "," : "", i, i, i);
  g_string_append (json, "]}");
  text = g_string_free (json, FALSE);

  g_assert_true (import_string (f->db, text, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->db, "cases"), ==, n);
  g_assert_cmpint (count_rows (f->db, "case_search"), ==, n);
  for (int i = 0; i < n; i += 249)
    {
      g_autofree char *sql = g_strdup_printf ("case_search WHERE case_search MATCH 'buyer%04d'",
                                              i);

      g_assert_cmpint (count_rows (f->db, sql), ==, 1);
    }
  g_assert_cmpint (count_rows (f->db, "case_search WHERE case_search MATCH 'cracked'"), ==, n);
}

/* Newer updated_at wins; older or equal changes nothing; unknown keys are ignored. */
static void
test_update_rules (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CdCaseRepository) cases = cd_case_repository_new (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdCase) kase = NULL;
  CdImportStats stats = { 0 };

#define VERSION(updated, summary) \
  CASE_HEAD "{\"uid\":\"u\",\"created_at\":\"2026-11-01T00:00:00Z\",\"updated_at\":\"" updated \
  "\",\"customer\":{\"name\":\"A\",\"shoe_size\":44},\"stage\":\"listen\",\"summary\":\"" \
  summary "\",\"future_field\":{\"x\":[1,2]}}], \"extra\":true}"

  g_assert_true (import_string (f->db, VERSION ("2026-11-02T00:00:00Z", "first"), &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.cases_added, ==, 1);

  memset (&stats, 0, sizeof stats);
  g_assert_true (import_string (f->db, VERSION ("2026-11-01T12:00:00Z", "older"), &stats, &error));
  g_assert_cmpuint (stats.cases_unchanged, ==, 1);
  kase = cd_case_repository_load_by_uid (cases, "u", &error);
  g_assert_cmpstr (kase->summary, ==, "first");
  g_clear_object (&kase);

  memset (&stats, 0, sizeof stats);
  g_assert_true (import_string (f->db, VERSION ("2026-11-03T08:00:00+08:00", "newer"), &stats,
                                &error));
  g_assert_cmpuint (stats.cases_updated, ==, 1);
  kase = cd_case_repository_load_by_uid (cases, "u", &error);
  g_assert_cmpstr (kase->summary, ==, "newer");
  g_assert_cmpint (count_rows (f->db, "cases"), ==, 1);
#undef VERSION
}

static void
test_export_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "no", "such", "dir.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_assert_true (cd_export_to_file (f->db, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  contents = cd_test_read_file (path, NULL);
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"compdesk-export\""));

  g_assert_false (cd_export_to_file (f->db, bad_path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, bad_path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/import-export/" name, Fixture, NULL, fixture_set_up, \
                                    func, fixture_tear_down)
  ADD ("example", test_example_imports);
  ADD ("example-round-trip", test_example_round_trip);
  ADD ("hostile-round-trip", test_hostile_round_trip);
  ADD ("deep-nesting", test_deep_nesting);
  ADD ("huge-number", test_huge_number);
  ADD ("atomic", test_atomic);
  ADD ("errors-across-batches", test_errors_across_batches);
  ADD ("bulk-blacklist", test_bulk_blacklist);
  ADD ("list-named-twice", test_list_named_twice);
  ADD ("searchable", test_searchable);
  ADD ("update-rules", test_update_rules);
  ADD ("export-file", test_export_file);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/import-export/bad/%s", bad_files[i].name);
      g_test_add_data_func (name, &bad_files[i], test_bad_file);
    }

  return g_test_run ();
}
