/* test-template-repository.c — message templates (cd-template-repository.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cd-error.h"
#include "cd-template-repository.h"
#include "cd-test-util.h"

typedef struct
{
  char                 *dir;
  CdDatabase           *db;
  CdTemplateRepository *repo;
  guint                 n_changed;
} Fixture;

static void
on_changed_cb (CdTemplateRepository *repo,
               Fixture              *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->repo = cd_template_repository_new (f->db);
  g_signal_connect (f->repo, "changed", G_CALLBACK (on_changed_cb), f);
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

#define HOSTILE_BODY \
  "亲爱的{buyer}，订单{order}的退款{amount}已处理。\n" \
  "Dear {buyer}, it's \"done\" 😀\n'; DROP TABLE templates; --\n=1+1 {unknown} {{braces}}"

static void
assert_templates_equal (CdMessageTemplate *a,
                        CdMessageTemplate *b)
{
  g_assert_cmpint (b->id, ==, a->id);
  g_assert_cmpstr (b->uid, ==, a->uid);
  g_assert_cmpstr (b->name, ==, a->name);
  g_assert_cmpstr (b->stage, ==, a->stage);
  g_assert_cmpstr (b->language, ==, a->language);
  g_assert_cmpstr (b->body, ==, a->body);
}

static void
insert_ok (Fixture           *f,
           CdMessageTemplate *tmpl)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_template_repository_insert (f->repo, tmpl, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tmpl->id, >, 0);
}

static CdMessageTemplate *
load_ok (Fixture *f,
         gint64   id)
{
  g_autoptr(GError) error = NULL;
  CdMessageTemplate *tmpl = cd_template_repository_load (f->repo, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tmpl);
  return tmpl;
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
test_insert_load (Fixture       *f,
                  gconstpointer  data)
{
  CdMessageTemplate *tmpl = cd_message_template_new (NULL, "道歉 'Apology' \"v2\"", "apologise",
                                                     "zh_CN", HOSTILE_BODY);
  CdMessageTemplate *given = cd_message_template_new ("tpl-greeting", "Greeting", "", "en",
                                                      "");
  CdMessageTemplate *loaded;

  insert_ok (f, tmpl);
  g_assert_true (g_uuid_string_is_valid (tmpl->uid));
  g_assert_cmpuint (f->n_changed, ==, 1);
  loaded = load_ok (f, tmpl->id);
  assert_templates_equal (tmpl, loaded);
  g_assert_finalize_object (loaded);

  /* A given uid is kept; an empty body and "any stage" are allowed. */
  insert_ok (f, given);
  g_assert_cmpstr (given->uid, ==, "tpl-greeting");
  g_assert_cmpint (given->id, !=, tmpl->id);
  loaded = load_ok (f, given->id);
  assert_templates_equal (given, loaded);
  g_assert_finalize_object (loaded);
  g_assert_cmpuint (f->n_changed, ==, 2);

  g_assert_finalize_object (tmpl);
  g_assert_finalize_object (given);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdMessageTemplate *tmpl = cd_message_template_new (NULL, "Proposal", "propose", "en",
                                                     "We can offer {amount}.");
  CdMessageTemplate *other = cd_message_template_new (NULL, "Other", "", "en", "untouched");
  CdMessageTemplate *loaded;

  insert_ok (f, tmpl);
  insert_ok (f, other);
  f->n_changed = 0;

  set_string (&tmpl->name, "提议");
  set_string (&tmpl->language, "zh_CN");
  set_string (&tmpl->stage, "agree");
  set_string (&tmpl->body, HOSTILE_BODY);
  g_assert_true (cd_template_repository_update (f->repo, tmpl, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 1);

  loaded = load_ok (f, tmpl->id);
  assert_templates_equal (tmpl, loaded);
  g_assert_finalize_object (loaded);
  loaded = load_ok (f, other->id);
  assert_templates_equal (other, loaded);
  g_assert_finalize_object (loaded);

  g_assert_finalize_object (tmpl);
  g_assert_finalize_object (other);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  CdMessageTemplate *tmpl = cd_message_template_new (NULL, "Doomed", "", "en", "bye");
  CdMessageTemplate *kept = cd_message_template_new (NULL, "Kept", "", "en", "hi");

  insert_ok (f, tmpl);
  insert_ok (f, kept);
  f->n_changed = 0;

  g_assert_true (cd_template_repository_delete (f->repo, tmpl->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_null (cd_template_repository_load (f->repo, tmpl->id, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = cd_template_repository_list (f->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  assert_templates_equal (kept, g_ptr_array_index (list, 0));

  /* Deleting or updating what is gone fails and says nothing. */
  g_assert_false (cd_template_repository_delete (f->repo, tmpl->id, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cd_template_repository_update (f->repo, tmpl, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_assert_cmpuint (f->n_changed, ==, 1);

  g_assert_finalize_object (tmpl);
  g_assert_finalize_object (kept);
}

static void
test_list_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  const char *names[] = { "Zeta", "alpha", "道歉", "Mid", "Alpha" };
  GPtrArray *inserted = g_ptr_array_new_with_free_func (g_object_unref);

  empty = cd_template_repository_list (f->repo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (empty);
  g_assert_cmpuint (empty->len, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CdMessageTemplate *tmpl = cd_message_template_new (NULL, names[i], "", "en", names[i]);

      insert_ok (f, tmpl);
      g_ptr_array_add (inserted, tmpl);
    }
  /* An edit does not move a template. */
  set_string (&((CdMessageTemplate *) g_ptr_array_index (inserted, 0))->name, "AAA first");
  g_assert_true (cd_template_repository_update (f->repo, g_ptr_array_index (inserted, 0),
                                                &error));
  g_assert_no_error (error);

  /* In the order they were added, not by name. */
  list = cd_template_repository_list (f->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, inserted->len);
  for (guint i = 0; i < inserted->len; i++)
    assert_templates_equal (g_ptr_array_index (inserted, i), g_ptr_array_index (list, i));

  g_clear_pointer (&list, g_ptr_array_unref);
  g_ptr_array_unref (inserted);
}

static void
test_blank_name (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *blank[] = { "", " ", "\t\n", "\xe3\x80\x80" };
  CdMessageTemplate *tmpl;
  CdMessageTemplate *loaded;

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      CdMessageTemplate *nameless = cd_message_template_new (NULL, blank[i], "", "en", "body");

      g_assert_false (cd_template_repository_insert (f->repo, nameless, &error));
      g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpint (nameless->id, ==, 0);
      g_assert_finalize_object (nameless);
    }
  list = cd_template_repository_list (f->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (f->n_changed, ==, 0);

  /* Nor can an edit blank it out. */
  tmpl = cd_message_template_new (NULL, "Named", "", "en", "body");
  insert_ok (f, tmpl);
  f->n_changed = 0;
  set_string (&tmpl->name, "  ");
  g_assert_false (cd_template_repository_update (f->repo, tmpl, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  g_assert_cmpuint (f->n_changed, ==, 0);
  loaded = load_ok (f, tmpl->id);
  g_assert_cmpstr (loaded->name, ==, "Named");
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (tmpl);
}

static void
test_duplicate_uid (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  CdMessageTemplate *first = cd_message_template_new ("same", "First", "", "en", "1");
  CdMessageTemplate *second = cd_message_template_new ("same", "Second", "", "en", "2");

  insert_ok (f, first);
  g_assert_false (cd_template_repository_insert (f->repo, second, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_CONFLICT);
  g_assert_cmpuint (f->n_changed, ==, 1);
  list = cd_template_repository_list (f->repo, NULL);
  g_assert_cmpuint (list->len, ==, 1);

  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
}

static CdStoreResult
store_imported (Fixture           *f,
                CdMessageTemplate *tmpl)
{
  g_autoptr(GError) error = NULL;
  CdStoreResult result = 99;

  g_assert_true (cd_database_begin (f->db, &error));
  g_assert_no_error (error);
  g_assert_true (cd_template_repository_store_imported (f->repo, tmpl, &result, &error));
  g_assert_no_error (error);
  g_assert_true (cd_database_commit (f->db, &error));
  g_assert_no_error (error);
  return result;
}

static void
test_store_imported (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  CdMessageTemplate *first = cd_message_template_new ("tpl-done", "Done", "carry_out", "en",
                                                      "Your refund of {amount} is done.");
  CdMessageTemplate *same = cd_message_template_new ("tpl-done", "Done", "carry_out", "en",
                                                     "Your refund of {amount} is done.");
  CdMessageTemplate *changed = cd_message_template_new ("tpl-done", "Done", "carry_out", "zh_CN",
                                                        "您的退款{amount}已完成。");
  CdMessageTemplate *renamed = cd_message_template_new ("tpl-done", "完成", "carry_out", "zh_CN",
                                                        "您的退款{amount}已完成。");
  CdMessageTemplate *restaged = cd_message_template_new ("tpl-done", "完成", "follow_up",
                                                         "zh_CN", "您的退款{amount}已完成。");
  CdMessageTemplate *loaded;

  g_assert_cmpint (store_imported (f, first), ==, CD_STORE_ADDED);
  g_assert_cmpint (first->id, >, 0);
  loaded = load_ok (f, first->id);
  assert_templates_equal (first, loaded);
  g_assert_finalize_object (loaded);

  g_assert_cmpint (store_imported (f, same), ==, CD_STORE_UNCHANGED);
  g_assert_cmpint (same->id, ==, first->id);

  /* Any field that differs makes it an update. */
  g_assert_cmpint (store_imported (f, changed), ==, CD_STORE_UPDATED);
  g_assert_cmpint (store_imported (f, renamed), ==, CD_STORE_UPDATED);
  g_assert_cmpint (store_imported (f, restaged), ==, CD_STORE_UPDATED);
  g_assert_cmpint (store_imported (f, restaged), ==, CD_STORE_UNCHANGED);
  loaded = load_ok (f, first->id);
  assert_templates_equal (restaged, loaded);
  g_assert_finalize_object (loaded);

  list = cd_template_repository_list (f->repo, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  /* Imports run silently; the importer announces the result. */
  g_assert_cmpuint (f->n_changed, ==, 0);

  g_assert_finalize_object (first);
  g_assert_finalize_object (same);
  g_assert_finalize_object (changed);
  g_assert_finalize_object (renamed);
  g_assert_finalize_object (restaged);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/template-repository/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("insert-load", test_insert_load);
  ADD ("update", test_update);
  ADD ("delete", test_delete);
  ADD ("list-order", test_list_order);
  ADD ("blank-name", test_blank_name);
  ADD ("duplicate-uid", test_duplicate_uid);
  ADD ("store-imported", test_store_imported);

#undef ADD

  return g_test_run ();
}
