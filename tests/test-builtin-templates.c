/* test-builtin-templates.c — the shipped templates and how one is picked (cd-builtin-templates.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cd-builtin-templates.h"
#include "cd-error.h"
#include "cd-template-renderer.h"
#include "cd-test-util.h"
#include "cd-time.h"

static const char *const stages[] = {
  "listen", "confirm", "apologise", "propose", "agree", "carry_out", "follow_up", "improve", "",
};

typedef struct
{
  char                 *dir;
  CdDatabase           *db;
  CdTemplateRepository *repo;
  GBytes               *json;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates.json",
                                                 NULL);
  gsize length = 0;
  char *contents = cd_test_read_file (path, &length);

  f->json = g_bytes_new_take (contents, length);
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->repo = cd_template_repository_new (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_false (cd_database_in_transaction (f->db));
  g_assert_finalize_object (f->repo);
  g_assert_finalize_object (f->db);
  g_bytes_unref (f->json);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

static guint
count_templates (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = cd_template_repository_list (f->repo, &error);

  g_assert_no_error (error);
  return list->len;
}

static void
seed (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_builtin_templates_seed (f->db, f->json, &error));
  g_assert_no_error (error);
}

static void
test_seed_once (Fixture       *f,
                gconstpointer  data)
{
  seed (f);
  /* Every stage and the review reply, in English and Chinese. */
  g_assert_cmpuint (count_templates (f), ==, G_N_ELEMENTS (stages) * 2);
  seed (f);
  g_assert_cmpuint (count_templates (f), ==, G_N_ELEMENTS (stages) * 2);
}

static void
test_deletion_sticks (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  seed (f);
  list = cd_template_repository_list (f->repo, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      CdMessageTemplate *tmpl = g_ptr_array_index (list, i);

      g_assert_true (cd_template_repository_delete (f->repo, tmpl->id, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_templates (f), ==, 0);
  seed (f);
  g_assert_cmpuint (count_templates (f), ==, 0);
}

/* An import may have brought a built-in with the seller's edits before the first seeding. */
static void
test_seed_keeps_imported (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdMessageTemplate) own = cd_message_template_new ("builtin-apologise-en", "Mine",
                                                              "apologise", "en", "So sorry!");
  g_autoptr(CdMessageTemplate) picked = NULL;

  g_assert_true (cd_template_repository_insert (f->repo, own, &error));
  g_assert_no_error (error);
  seed (f);
  g_assert_cmpuint (count_templates (f), ==, G_N_ELEMENTS (stages) * 2);
  picked = cd_builtin_templates_pick (f->repo, "apologise", "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (picked->body, ==, "So sorry!");
}

static void
test_seed_damaged (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *damaged = "{\"templates\": [{\"uid\": \"x\"}]}";
  g_autoptr(GBytes) bad = g_bytes_new_static (damaged, strlen (damaged));

  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  g_assert_false (cd_builtin_templates_seed (f->db, empty, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cd_builtin_templates_seed (f->db, bad, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  g_assert_cmpuint (count_templates (f), ==, 0);
  /* Nothing was remembered: the good file still seeds. */
  seed (f);
  g_assert_cmpuint (count_templates (f), >, 0);
}

static void
test_pick (Fixture       *f,
           gconstpointer  data)
{
  seed (f);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CdMessageTemplate) en = cd_builtin_templates_pick (f->repo, stages[i], "en",
                                                                   &error);
      g_autoptr(CdMessageTemplate) zh = cd_builtin_templates_pick (f->repo, stages[i],
                                                                   "zh_CN.UTF-8", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (en->stage, ==, stages[i]);
      g_assert_cmpstr (en->language, ==, "en");
      g_assert_cmpstr (zh->stage, ==, stages[i]);
      g_assert_cmpstr (zh->language, ==, "zh_CN");
    }
}

static void
delete_uid (Fixture    *f,
            const char *uid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = cd_template_repository_list (f->repo, &error);

  for (guint i = 0; i < list->len; i++)
    {
      CdMessageTemplate *tmpl = g_ptr_array_index (list, i);

      if (g_str_equal (tmpl->uid, uid))
        g_assert_true (cd_template_repository_delete (f->repo, tmpl->id, &error));
    }
  g_assert_no_error (error);
}

static void
test_pick_fallback (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdMessageTemplate) other = NULL;
  g_autoptr(CdMessageTemplate) any = NULL;
  g_autoptr(CdMessageTemplate) ja = cd_message_template_new ("ja", "ja", "agree", "ja", "はい");
  g_autoptr(CdMessageTemplate) none = NULL;

  seed (f);
  /* No Chinese apology: the English one. */
  delete_uid (f, "builtin-apologise-zh_CN");
  other = cd_builtin_templates_pick (f->repo, "apologise", "zh_CN", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (other->language, ==, "en");

  /* Neither shipped language: any language at all. */
  delete_uid (f, "builtin-agree-en");
  delete_uid (f, "builtin-agree-zh_CN");
  g_assert_true (cd_template_repository_insert (f->repo, ja, &error));
  any = cd_builtin_templates_pick (f->repo, "agree", "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (any->language, ==, "ja");

  /* Nothing for the step. */
  delete_uid (f, "ja");
  none = cd_builtin_templates_pick (f->repo, "agree", "en", &error);
  g_assert_null (none);
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
}

/* A template the seller adds for a step wins over the shipped one. */
static void
test_pick_prefers_own (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdMessageTemplate) own = cd_message_template_new (NULL, "Mine", "listen", "zh_CN",
                                                              "亲，在的！");
  g_autoptr(CdMessageTemplate) picked = NULL;

  seed (f);
  g_assert_true (cd_template_repository_insert (f->repo, own, &error));
  picked = cd_builtin_templates_pick (f->repo, "listen", "zh_CN", &error);
  g_assert_no_error (error);
  g_assert_cmpint (picked->id, ==, own->id);
}

static CdCase *
make_full_case (void)
{
  CdCase *kase = cd_case_new ();
  CdCompensation *coupon = cd_compensation_new (CD_COMPENSATION_COUPON, CD_COMPENSATION_DONE);
  CdCompensation *parcel = cd_compensation_new (CD_COMPENSATION_REPLACEMENT,
                                                CD_COMPENSATION_ACCEPTED);

  cd_case_set_string (&kase->customer_name, "王小姐");
  cd_case_set_string (&kase->product, "保温杯 500ml");
  cd_case_set_string (&kase->order_number, "TB20261124001");
  kase->order_amount = 12800;
  kase->promised_by = cd_time_now () + (gint64) 48 * 3600 * G_USEC_PER_SEC;
  coupon->amount = 1000;
  cd_case_set_string (&coupon->reference, "CPN-88");
  cd_case_set_string (&parcel->reference, "SF1234567890");
  g_ptr_array_add (kase->compensations, parcel);
  g_ptr_array_add (kase->compensations, coupon);
  return kase;
}

static void
test_all_render (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CdCase) kase = make_full_case ();

  seed (f);
  list = cd_template_repository_list (f->repo, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      CdMessageTemplate *tmpl = g_ptr_array_index (list, i);
      g_autoptr(GHashTable) values = cd_builtin_templates_case_values (kase, tmpl->language,
                                                                       "CNY", "小店");
      g_autoptr(CdRendered) rendered = cd_template_render (tmpl->body, values);

      g_test_message ("%s", tmpl->uid);
      g_assert_cmpuint (rendered->n_unknown, ==, 0);
      g_assert_cmpuint (rendered->n_missing, ==, 0);
      g_assert_null (strchr (rendered->text, '{'));
    }
}

static void
test_values (void)
{
  g_autoptr(CdCase) kase = make_full_case ();
  g_autoptr(GHashTable) en = cd_builtin_templates_case_values (kase, "en", "CNY", "Shop");
  g_autoptr(GHashTable) zh = cd_builtin_templates_case_values (kase, "zh_CN", "CNY", "Shop");
  CdCompensation *parcel = g_ptr_array_index (kase->compensations, 0);
  g_autoptr(GHashTable) offered = NULL;

  g_assert_cmpstr (g_hash_table_lookup (en, "remedy"), ==,
                   "a free replacement and a coupon worth ¥10.00");
  g_assert_cmpstr (g_hash_table_lookup (zh, "remedy"), ==, "免费补发新品和¥10.00优惠券一张");
  g_assert_cmpstr (g_hash_table_lookup (en, "amount"), ==, "¥10.00");
  g_assert_cmpstr (g_hash_table_lookup (en, "tracking"), ==, "SF1234567890");
  g_assert_cmpstr (g_hash_table_lookup (en, "coupon"), ==, "CPN-88");
  g_assert_nonnull (strstr (g_hash_table_lookup (zh, "deadline"), "月"));

  /* Before agreement: the options on offer, as a choice. */
  parcel->status = CD_COMPENSATION_OFFERED;
  ((CdCompensation *) g_ptr_array_index (kase->compensations, 1))->status =
    CD_COMPENSATION_OFFERED;
  offered = cd_builtin_templates_case_values (kase, "en", "CNY", "");
  g_assert_cmpstr (g_hash_table_lookup (offered, "remedy"), ==,
                   "a free replacement or a coupon worth ¥10.00");
  g_assert_false (g_hash_table_contains (offered, "shop"));
  g_assert_false (g_hash_table_contains (offered, "tracking"));
}

static void
test_pair_key (void)
{
  g_autofree char *a = cd_builtin_templates_dup_pair_key ("builtin-listen-zh_CN");
  g_autofree char *b = cd_builtin_templates_dup_pair_key ("builtin-listen-en");
  g_autofree char *c = cd_builtin_templates_dup_pair_key ("tpl-apology-zh");
  g_autofree char *d = cd_builtin_templates_dup_pair_key ("en");

  g_assert_cmpstr (a, ==, "builtin-listen");
  g_assert_cmpstr (b, ==, "builtin-listen");
  g_assert_cmpstr (c, ==, "tpl-apology");
  g_assert_cmpstr (d, ==, "en");
}

static void
test_resolve_language (void)
{
  g_assert_cmpstr (cd_builtin_templates_resolve_language ("zh_CN.UTF-8"), ==, "zh_CN");
  g_assert_cmpstr (cd_builtin_templates_resolve_language ("en_GB"), ==, "en");
  g_assert_cmpstr (cd_builtin_templates_resolve_language ("ja_JP.UTF-8"), ==, "ja_JP");
  g_assert_cmpstr (cd_builtin_templates_resolve_language (""), ==,
                   cd_builtin_templates_get_default_language ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/builtin-templates/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("seed-once", test_seed_once);
  ADD ("deletion-sticks", test_deletion_sticks);
  ADD ("seed-keeps-imported", test_seed_keeps_imported);
  ADD ("seed-damaged", test_seed_damaged);
  ADD ("pick", test_pick);
  ADD ("pick-fallback", test_pick_fallback);
  ADD ("pick-prefers-own", test_pick_prefers_own);
  ADD ("all-render", test_all_render);
#undef ADD
  g_test_add_func ("/builtin-templates/values", test_values);
  g_test_add_func ("/builtin-templates/pair-key", test_pair_key);
  g_test_add_func ("/builtin-templates/resolve-language", test_resolve_language);

  return g_test_run ();
}
