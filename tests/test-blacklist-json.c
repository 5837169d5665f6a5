/* test-blacklist-json.c — the blacklist alone in the exchange format
 * (cd_export_blacklist_*, cd_import_blacklist_*)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "cd-blacklist-repository.h"
#include "cd-error.h"
#include "cd-exporter.h"
#include "cd-importer.h"
#include "cd-shop-settings.h"
#include "cd-test-util.h"
#include "cd-time.h"

#define ENTRIES \
  "\"blacklist\": [" \
  "{\"uid\": \"e1\", \"platform\": \"doudian\", \"buyer_id\": \"dy_1\", " \
  "\"nickname\": \"ＬｕｃｋｙＳｔａｒ\", \"phone\": \"+86 139-0000-1234\", \"reason\": " \
  "\"malicious_review\", \"evidence\": \"=1+1 \\\"quoted\\\"\\n差评\", \"case_uids\": [\"k1\"], " \
  "\"added_at\": \"2026-10-02T11:00:00+08:00\", \"active\": true}," \
  "{\"uid\": \"e2\", \"nickname\": \"gone\", \"reason\": \"other\", " \
  "\"added_at\": \"2026-10-03T11:00:00Z\", \"active\": false}]"

static const char full_document[] =
  "{\"format\": \"compdesk-export\", \"version\": 1, "
  "\"shop\": {\"name\": \"Little Tea House\", \"currency\": \"CNY\"}, "
  "\"cases\": [{\"uid\": \"k1\", \"created_at\": \"2026-10-01T00:00:00Z\", "
  "\"customer\": {\"name\": \"A\"}, \"stage\": \"listen\"}], "
  ENTRIES ", "
  "\"templates\": [{\"uid\": \"t1\", \"name\": \"Hello\", \"body\": \"Hello {buyer}\"}]}";

static const char templates_document[] =
  "{\"format\": \"compdesk-export\", \"version\": 1, \"cases\": [], " ENTRIES ", "
  "\"templates\": [{\"uid\": \"t1\", \"name\": \"Hello\", \"body\": \"Hello {buyer}\"}]}";

static const char other_shop_document[] =
  "{\"format\": \"compdesk-export\", \"version\": 1, "
  "\"shop\": {\"name\": \"Another Shop\", \"currency\": \"USD\"}, \"cases\": [], " ENTRIES "}";

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
  g_assert_false (cd_database_in_transaction (f->db));
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

static void
import_text (CdDatabase *db,
             const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;

  cd_import_bytes (db, bytes, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
export_blacklist (CdDatabase *db)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gint64 exported_at = 0;

  cd_time_parse ("2026-11-24T08:00:00Z", &exported_at, NULL);
  cd_export_blacklist_to_stream (db, stream, exported_at, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, &error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static char *
dup_shop_name (CdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdShopSettings) shop = cd_shop_settings_load (db, &error);

  g_assert_no_error (error);
  return g_strdup (shop->name);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) members = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  const char *expected[] = { "format", "version", "exported_at", "cases", "blacklist" };
  guint i = 0;

  import_text (f->db, full_document);
  text = export_blacklist (f->db);

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (root);
  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (expected));
  for (GList *l = members; l != NULL; l = l->next)
    g_assert_cmpstr (l->data, ==, expected[i++]);

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "compdesk-export");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "exported_at"), ==,
                   "2026-11-24T08:00:00Z");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "cases")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "blacklist")),
                    ==, 2);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"compdesk-export\",\n"));
  g_assert_nonnull (strstr (text, "\n  \"cases\": [],\n  \"blacklist\": [\n"));
}

/* Both importers read the file, and it comes back the same. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "blacklist.json", NULL);
  g_autofree char *first = NULL;
  g_autofree char *shop_before = NULL;
  g_autofree char *shop_after = NULL;
  g_autoptr(CdDatabase) second = open_other_database (f, "second.db");
  g_autoptr(CdDatabase) third = open_other_database (f, "third.db");
  g_autoptr(GError) error = NULL;
  CdImportStats stats = { 0 };
  GStatBuf st;

  import_text (f->db, full_document);
  first = export_blacklist (f->db);
  cd_export_blacklist_to_file (f->db, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  shop_before = dup_shop_name (second);
  cd_import_file (second, path, NULL, NULL, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.entries_added, ==, 2);
  g_assert_cmpuint (stats.cases_added + stats.templates_added, ==, 0);
  shop_after = dup_shop_name (second);
  g_assert_cmpstr (shop_after, ==, shop_before);
  {
    g_autofree char *again = export_blacklist (second);
    g_assert_cmpstr (again, ==, first);
  }

  cd_import_blacklist_file (third, path, NULL, NULL, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.entries_added, ==, 2);
  {
    g_autofree char *again = export_blacklist (third);
    g_assert_cmpstr (again, ==, first);
  }

  /* Into the database it came from: nothing to change. */
  cd_import_blacklist_file (f->db, path, NULL, NULL, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.entries_unchanged, ==, 2);
}

static void
test_refuse (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GBytes) full = g_bytes_new_static (full_document, strlen (full_document));
  g_autoptr(GBytes) templates = g_bytes_new_static (templates_document,
                                                    strlen (templates_document));
  g_autoptr(CdBlacklistRepository) repo = cd_blacklist_repository_new (f->db);
  g_autoptr(GError) error = NULL;

  g_assert_false (cd_import_blacklist_bytes (f->db, full, NULL, NULL, NULL, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_IMPORT);
  g_assert_cmpstr (error->message, ==, "the file holds 1 case, not only a blacklist; import it "
                                       "as a whole instead");
  g_clear_error (&error);

  g_assert_false (cd_import_blacklist_bytes (f->db, templates, NULL, NULL, NULL, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "1 message template"));
  g_clear_error (&error);

  g_assert_cmpint (cd_blacklist_repository_count (repo, &error), ==, 0);
  g_assert_no_error (error);
}

/* A list shared by another shop does not rename this one. */
static void
test_shop_ignored (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (other_shop_document,
                                                strlen (other_shop_document));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  CdImportStats stats = { 0 };

  import_text (f->db, full_document);
  before = dup_shop_name (f->db);
  g_assert_cmpstr (before, ==, "Little Tea House");

  cd_import_blacklist_bytes (f->db, bytes, NULL, NULL, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.entries_unchanged, ==, 2);
  after = dup_shop_name (f->db);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/blacklist-json/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("export", test_export);
  ADD ("round-trip", test_round_trip);
  ADD ("refuse", test_refuse);
  ADD ("shop-ignored", test_shop_ignored);
#undef ADD

  return g_test_run ();
}
