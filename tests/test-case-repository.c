/* test-case-repository.c — cases, their children, timeline, signals and search
 * (cd-case-repository.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cd-case-repository.h"
#include "cd-error.h"
#include "cd-test-util.h"
#include "cd-text.h"
#include "cd-time.h"

typedef struct
{
  char             *dir;
  CdDatabase       *db;
  CdCaseRepository *repo;

  /* signal counts and the id each last carried */
  guint             n_added;
  guint             n_changed;
  guint             n_removed;
  guint             n_reset;
  gint64            last_added;
  gint64            last_changed;
  gint64            last_removed;
} Fixture;

static void
on_case_added_cb (CdCaseRepository *repo,
                  gint64            id,
                  Fixture          *f)
{
  f->n_added++;
  f->last_added = id;
}

static void
on_case_changed_cb (CdCaseRepository *repo,
                    gint64            id,
                    Fixture          *f)
{
  f->n_changed++;
  f->last_changed = id;
}

static void
on_case_removed_cb (CdCaseRepository *repo,
                    gint64            id,
                    Fixture          *f)
{
  f->n_removed++;
  f->last_removed = id;
}

static void
on_reset_cb (CdCaseRepository *repo,
             Fixture          *f)
{
  f->n_reset++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->repo = cd_case_repository_new (f->db);
  g_assert_true (cd_case_repository_get_database (f->repo) == f->db);
  g_signal_connect (f->repo, "case-added", G_CALLBACK (on_case_added_cb), f);
  g_signal_connect (f->repo, "case-changed", G_CALLBACK (on_case_changed_cb), f);
  g_signal_connect (f->repo, "case-removed", G_CALLBACK (on_case_removed_cb), f);
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
  f->last_added = f->last_changed = f->last_removed = 0;
}

static void
assert_no_signals (Fixture *f)
{
  g_assert_cmpuint (f->n_added, ==, 0);
  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_cmpuint (f->n_removed, ==, 0);
  g_assert_cmpuint (f->n_reset, ==, 0);
}

/* An integer from SQL with one :id parameter. */
static gint64
count_where (Fixture    *f,
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
count_all (Fixture    *f,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cd_database_prepare (f->db, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (cd_database_step (f->db, stmt, &error), ==, CD_STEP_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  cd_database_release (stmt);
  return value;
}

static gint64
n_compensations (Fixture *f,
                 gint64   id)
{
  return count_where (f, "SELECT COUNT(*) FROM compensations WHERE case_id = :id", id);
}

static gint64
n_followups (Fixture *f,
             gint64   id)
{
  return count_where (f, "SELECT COUNT(*) FROM followups WHERE case_id = :id", id);
}

static gint64
n_events (Fixture *f,
          gint64   id)
{
  return count_where (f, "SELECT COUNT(*) FROM events WHERE case_id = :id", id);
}

static gint64
n_cases (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 n = cd_case_repository_count (f->repo, &error);

  g_assert_no_error (error);
  return n;
}

/* ---- building and comparing cases ---------------------------------------------------- */

static const char *const hostile[] = {
  "It's \"broken\" — 'quoted' `backtick`",
  "line one\nline two\r\nline three\ttab",
  "emoji 😀🎉👍🏽 family 👨‍👩‍👧 flag 🇨🇳",
  "买家说茶杯碎了，要求退款",
  "ＬｕｃｋｙＳｔａｒ ＦＵＬＬ－ＷＩＤＴＨ １２３",
  "'; DROP TABLE cases; --",
  "=1+1",
  "%s %n %x {buyer} $(rm -rf /) <b>bold</b> \\ \\\\ NULL",
  "Robert'); DELETE FROM events WHERE ('1'='1",
  "\xe2\x80\xae right-to-left override \xe2\x80\xac and zero\xe2\x80\x8bwidth",
};

/* About 200 KB of mixed text: long descriptions are pasted chat logs. */
static char *
make_big_text (void)
{
  GString *big = g_string_new (NULL);
  guint line = 0;

  while (big->len < 200 * 1024)
    g_string_append_printf (big, "%u: 买家: 退款!!! 'quote' \"dq\" 😀 =1+1\n", line++);
  return g_string_free (big, FALSE);
}

static CdCompensation *
make_compensation (CdCompensationKind   kind,
                   CdCompensationStatus status,
                   gint64               amount,
                   gint64               cost,
                   const char          *reference,
                   gint64               done_at)
{
  CdCompensation *c = cd_compensation_new (kind, status);

  c->amount = amount;
  c->cost = cost;
  cd_case_set_string (&c->reference, reference);
  cd_case_set_string (&c->note, hostile[0]);
  c->done_at = done_at;
  return c;
}

static CdFollowUp *
make_follow_up (gint64           due_at,
                CdFollowUpMethod method,
                gint64           done_at,
                int              satisfaction,
                const char      *remarks)
{
  CdFollowUp *fu = cd_follow_up_new (due_at);

  fu->method = method;
  fu->done_at = done_at;
  fu->satisfaction = satisfaction;
  cd_case_set_string (&fu->remarks, remarks);
  return fu;
}

/* A case with every field set away from its default. */
static CdCase *
make_full_case (const char *description)
{
  CdCase *kase = cd_case_new ();

  cd_case_set_string (&kase->customer_name, hostile[4]);
  kase->platform = CD_PLATFORM_PINDUODUO;
  cd_case_set_string (&kase->buyer_id, hostile[5]);
  cd_case_set_string (&kase->phone, "+86 139-0000-1234");
  cd_case_set_string (&kase->email, "o'neil+\"test\"@example.com");
  cd_case_set_string (&kase->order_number, hostile[6]);
  cd_case_set_string (&kase->product, hostile[2]);
  /* Above 2^53: survives only as an integer, never as a double. */
  kase->order_amount = G_GINT64_CONSTANT (9007199254740993);
  kase->channel = CD_CHANNEL_SMS;
  kase->category = CD_CATEGORY_NOT_AS_DESCRIBED;
  kase->severity = CD_SEVERITY_CRITICAL;
  kase->responsibility = CD_RESPONSIBILITY_PLATFORM;
  kase->stage = CD_STAGE_FOLLOW_UP;
  cd_case_set_string (&kase->description, description);
  cd_case_set_string (&kase->summary, hostile[1]);
  kase->summary_confirmed = TRUE;
  cd_case_set_string (&kase->customer_wants, hostile[3]);
  cd_case_set_string (&kase->promise, hostile[7]);
  kase->promised_by = G_GINT64_CONSTANT (1764316800123456);
  kase->root_cause = CD_ROOT_CAUSE_LISTING_DESCRIPTION;
  cd_case_set_string (&kase->improvement, hostile[8]);
  cd_case_set_string (&kase->language, "zh_CN");

  g_ptr_array_add (kase->compensations,
                   make_compensation (CD_COMPENSATION_PARTIAL_REFUND, CD_COMPENSATION_DONE,
                                      2000, 2000, hostile[9],
                                      G_GINT64_CONSTANT (1764000000000001)));
  g_ptr_array_add (kase->compensations,
                   make_compensation (CD_COMPENSATION_COUPON, CD_COMPENSATION_OFFERED,
                                      0, 0, "", CD_TIME_UNSET));
  g_ptr_array_add (kase->compensations,
                   make_compensation (CD_COMPENSATION_GOODWILL_PAYMENT,
                                      CD_COMPENSATION_ACCEPTED, G_MAXINT64, G_MAXINT64,
                                      hostile[5], 0));
  g_ptr_array_add (kase->followups,
                   make_follow_up (G_GINT64_CONSTANT (1764400000000000), CD_METHOD_PHONE,
                                   G_GINT64_CONSTANT (1764400500000000), 4, hostile[3]));
  g_ptr_array_add (kase->followups,
                   make_follow_up (G_GINT64_CONSTANT (1765000000000000), CD_METHOD_EMAIL,
                                   CD_TIME_UNSET, 0, ""));
  return kase;
}

static CdCase *
make_simple_case (const char *customer_name)
{
  CdCase *kase = cd_case_new ();

  cd_case_set_string (&kase->customer_name, customer_name);
  return kase;
}

static void
assert_compensations_equal (GPtrArray *expected,
                            GPtrArray *actual)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      CdCompensation *a = g_ptr_array_index (expected, i);
      CdCompensation *b = g_ptr_array_index (actual, i);

      g_assert_cmpint (b->id, ==, a->id);
      g_assert_cmpint (b->kind, ==, a->kind);
      g_assert_cmpint (b->status, ==, a->status);
      g_assert_cmpint (b->amount, ==, a->amount);
      g_assert_cmpint (b->cost, ==, a->cost);
      g_assert_cmpstr (b->reference, ==, a->reference);
      g_assert_cmpstr (b->note, ==, a->note);
      g_assert_cmpint (b->done_at, ==, a->done_at);
    }
}

static void
assert_followups_equal (GPtrArray *expected,
                        GPtrArray *actual)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      CdFollowUp *a = g_ptr_array_index (expected, i);
      CdFollowUp *b = g_ptr_array_index (actual, i);

      g_assert_cmpint (b->id, ==, a->id);
      g_assert_cmpint (b->due_at, ==, a->due_at);
      g_assert_cmpint (b->method, ==, a->method);
      g_assert_cmpint (b->done_at, ==, a->done_at);
      g_assert_cmpint (b->satisfaction, ==, a->satisfaction);
      g_assert_cmpstr (b->remarks, ==, a->remarks);
    }
}

static void
assert_events_equal (GPtrArray *expected,
                     GPtrArray *actual)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      CdTimelineEvent *a = g_ptr_array_index (expected, i);
      CdTimelineEvent *b = g_ptr_array_index (actual, i);

      g_assert_cmpint (b->id, ==, a->id);
      g_assert_cmpint (b->at, ==, a->at);
      g_assert_cmpstr (b->kind, ==, a->kind);
      g_assert_cmpstr (b->text, ==, a->text);
    }
}

static void
assert_cases_equal (CdCase *a,
                    CdCase *b)
{
  g_assert_cmpint (b->id, ==, a->id);
  g_assert_cmpstr (b->uid, ==, a->uid);
  g_assert_cmpint (b->created_at, ==, a->created_at);
  g_assert_cmpint (b->updated_at, ==, a->updated_at);
  g_assert_cmpstr (b->customer_name, ==, a->customer_name);
  g_assert_cmpint (b->platform, ==, a->platform);
  g_assert_cmpstr (b->buyer_id, ==, a->buyer_id);
  g_assert_cmpstr (b->phone, ==, a->phone);
  g_assert_cmpstr (b->email, ==, a->email);
  g_assert_cmpstr (b->order_number, ==, a->order_number);
  g_assert_cmpstr (b->product, ==, a->product);
  g_assert_cmpint (b->order_amount, ==, a->order_amount);
  g_assert_cmpint (b->channel, ==, a->channel);
  g_assert_cmpint (b->category, ==, a->category);
  g_assert_cmpint (b->severity, ==, a->severity);
  g_assert_cmpint (b->responsibility, ==, a->responsibility);
  g_assert_cmpint (b->stage, ==, a->stage);
  g_assert_cmpstr (b->description, ==, a->description);
  g_assert_cmpstr (b->summary, ==, a->summary);
  g_assert_cmpint (b->summary_confirmed, ==, a->summary_confirmed);
  g_assert_cmpstr (b->customer_wants, ==, a->customer_wants);
  g_assert_cmpstr (b->promise, ==, a->promise);
  g_assert_cmpint (b->promised_by, ==, a->promised_by);
  g_assert_cmpint (b->root_cause, ==, a->root_cause);
  g_assert_cmpstr (b->improvement, ==, a->improvement);
  g_assert_cmpstr (b->language, ==, a->language);
  assert_compensations_equal (a->compensations, b->compensations);
  assert_followups_equal (a->followups, b->followups);
  assert_events_equal (a->events, b->events);
}

static void
insert_ok (Fixture *f,
           CdCase  *kase)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_case_repository_insert (f->repo, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kase->id, >, 0);
}

static void
update_ok (Fixture *f,
           CdCase  *kase)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_case_repository_update (f->repo, kase, &error));
  g_assert_no_error (error);
}

static CdCase *
load_ok (Fixture *f,
         gint64   id)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = cd_case_repository_load (f->repo, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (kase);
  return kase;
}

static CdTimelineEvent *
last_event (CdCase *kase)
{
  g_assert_cmpuint (kase->events->len, >, 0);
  return g_ptr_array_index (kase->events, kase->events->len - 1);
}

/* ---- insert and load ----------------------------------------------------------------- */

static void
test_insert (Fixture       *f,
             gconstpointer  data)
{
  CdCase *kase = make_simple_case ("林小姐");
  CdCase *loaded;
  CdTimelineEvent *created;
  gint64 before = cd_time_now ();
  gint64 after;

  g_assert_cmpint (kase->id, ==, 0);
  g_assert_cmpstr (kase->uid, ==, "");
  insert_ok (f, kase);
  after = cd_time_now ();

  g_assert_true (g_uuid_string_is_valid (kase->uid));
  g_assert_cmpint (kase->created_at, >=, before);
  g_assert_cmpint (kase->created_at, <=, after);
  g_assert_cmpint (kase->updated_at, >=, kase->created_at);
  g_assert_cmpint (kase->updated_at, <=, after);
  g_assert_cmpuint (kase->events->len, ==, 1);
  created = last_event (kase);
  g_assert_cmpstr (created->kind, ==, CD_EVENT_CREATED);
  g_assert_cmpint (created->at, ==, kase->created_at);
  g_assert_cmpint (created->id, >, 0);
  g_assert_cmpint (n_events (f, kase->id), ==, 1);
  g_assert_cmpint (n_cases (f), ==, 1);

  loaded = load_ok (f, kase->id);
  assert_cases_equal (kase, loaded);
  g_assert_finalize_object (loaded);

  loaded = NULL;
  {
    g_autoptr(GError) error = NULL;
    loaded = cd_case_repository_load_by_uid (f->repo, kase->uid, &error);
    g_assert_no_error (error);
  }
  assert_cases_equal (kase, loaded);
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (kase);
}

static void
test_insert_keeps_given_uid_and_time (Fixture       *f,
                                      gconstpointer  data)
{
  CdCase *kase = make_simple_case ("given");
  CdCase *other = make_simple_case ("other");
  CdCase *loaded;

  cd_case_set_string (&kase->uid, "case-from-the-wizard");
  kase->created_at = G_GINT64_CONSTANT (1763971200000000);
  insert_ok (f, kase);
  g_assert_cmpstr (kase->uid, ==, "case-from-the-wizard");
  g_assert_cmpint (kase->created_at, ==, G_GINT64_CONSTANT (1763971200000000));
  g_assert_cmpint (kase->updated_at, >, kase->created_at);

  /* Each new case gets a uid of its own. */
  insert_ok (f, other);
  g_assert_cmpstr (other->uid, !=, kase->uid);
  g_assert_cmpint (other->id, !=, kase->id);

  loaded = load_ok (f, kase->id);
  assert_cases_equal (kase, loaded);
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (other);
  g_assert_finalize_object (kase);
}

static void
test_insert_duplicate_uid (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdCase *first = make_simple_case ("first");
  CdCase *second = make_full_case ("second");

  cd_case_set_string (&first->uid, "same-uid");
  cd_case_set_string (&second->uid, "same-uid");
  insert_ok (f, first);
  reset_counts (f);

  g_assert_false (cd_case_repository_insert (f->repo, second, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_CONFLICT);
  g_assert_cmpint (second->id, ==, 0);
  assert_no_signals (f);
  /* All or nothing: none of the second case's children were written. */
  g_assert_cmpint (n_cases (f), ==, 1);
  g_assert_cmpint (count_all (f, "SELECT COUNT(*) FROM compensations"), ==, 0);
  g_assert_cmpint (count_all (f, "SELECT COUNT(*) FROM followups"), ==, 0);
  g_assert_cmpint (count_all (f, "SELECT COUNT(*) FROM events"), ==, 1);

  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
}

static void
test_round_trip_hostile (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *big = make_big_text ();
  CdCase *kase = make_full_case (big);
  CdCase *loaded;

  insert_ok (f, kase);
  loaded = load_ok (f, kase->id);
  assert_cases_equal (kase, loaded);
  g_assert_cmpuint (strlen (loaded->description), >=, 200 * 1024);
  g_assert_finalize_object (loaded);

  /* The schema is intact after all that text. */
  g_assert_cmpint (n_cases (f), ==, 1);
  g_assert_cmpint (n_events (f, kase->id), ==, 1);

  /* Every hostile string in every text field. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      CdCase *each = make_simple_case (hostile[i]);

      cd_case_set_string (&each->buyer_id, hostile[i]);
      cd_case_set_string (&each->phone, hostile[i]);
      cd_case_set_string (&each->email, hostile[i]);
      cd_case_set_string (&each->order_number, hostile[i]);
      cd_case_set_string (&each->product, hostile[i]);
      cd_case_set_string (&each->description, hostile[i]);
      cd_case_set_string (&each->summary, hostile[i]);
      cd_case_set_string (&each->customer_wants, hostile[i]);
      cd_case_set_string (&each->promise, hostile[i]);
      cd_case_set_string (&each->improvement, hostile[i]);
      cd_case_set_string (&each->language, hostile[i]);
      insert_ok (f, each);
      loaded = load_ok (f, each->id);
      assert_cases_equal (each, loaded);
      g_assert_finalize_object (loaded);
      g_assert_finalize_object (each);
    }
  g_assert_cmpint (n_cases (f), ==, 1 + G_N_ELEMENTS (hostile));

  g_assert_finalize_object (kase);
}

static void
test_defaults_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  CdCase *kase = cd_case_new ();
  CdCase *loaded;

  insert_ok (f, kase);
  loaded = load_ok (f, kase->id);
  assert_cases_equal (kase, loaded);
  g_assert_cmpint (loaded->promised_by, ==, CD_TIME_UNSET);
  g_assert_cmpint (loaded->root_cause, ==, CD_ROOT_CAUSE_NONE);
  g_assert_cmpint (loaded->stage, ==, CD_STAGE_LISTEN);
  g_assert_false (loaded->summary_confirmed);
  g_assert_cmpint (count_where (f, "SELECT promised_by IS NULL FROM cases WHERE id = :id",
                                kase->id), ==, 1);
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (kase);
}

static void
test_children (Fixture       *f,
               gconstpointer  data)
{
  CdCase *kase = make_full_case ("children");
  CdCase *loaded;
  CdCompensation *unset_comp, *zero_comp;
  CdFollowUp *open_fu, *done_fu;

  insert_ok (f, kase);
  for (guint i = 0; i < kase->compensations->len; i++)
    g_assert_cmpint (((CdCompensation *) g_ptr_array_index (kase->compensations, i))->id, >, 0);
  for (guint i = 0; i < kase->followups->len; i++)
    g_assert_cmpint (((CdFollowUp *) g_ptr_array_index (kase->followups, i))->id, >, 0);

  loaded = load_ok (f, kase->id);
  assert_compensations_equal (kase->compensations, loaded->compensations);
  assert_followups_equal (kase->followups, loaded->followups);

  /* "Not done" is NULL in the table and CD_TIME_UNSET in memory; 0 is a real instant. */
  unset_comp = g_ptr_array_index (loaded->compensations, 1);
  g_assert_cmpint (unset_comp->done_at, ==, CD_TIME_UNSET);
  g_assert_cmpint (count_where (f, "SELECT done_at IS NULL FROM compensations WHERE id = :id",
                                unset_comp->id), ==, 1);
  zero_comp = g_ptr_array_index (loaded->compensations, 2);
  g_assert_cmpint (zero_comp->done_at, ==, 0);
  g_assert_cmpint (count_where (f, "SELECT done_at FROM compensations WHERE id = :id",
                                zero_comp->id), ==, 0);
  g_assert_cmpint (zero_comp->amount, ==, G_MAXINT64);

  /* No satisfaction recorded is NULL, and comes back as 0. */
  done_fu = g_ptr_array_index (loaded->followups, 0);
  g_assert_cmpint (done_fu->satisfaction, ==, 4);
  open_fu = g_ptr_array_index (loaded->followups, 1);
  g_assert_cmpint (open_fu->done_at, ==, CD_TIME_UNSET);
  g_assert_cmpint (open_fu->satisfaction, ==, 0);
  g_assert_cmpint (count_where (f, "SELECT satisfaction IS NULL AND done_at IS NULL "
                                   "FROM followups WHERE id = :id", open_fu->id), ==, 1);

  g_assert_finalize_object (loaded);
  g_assert_finalize_object (kase);
}

static void
test_load_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = make_simple_case ("x");

  g_assert_null (cd_case_repository_load (f->repo, 4242, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cd_case_repository_load_by_uid (f->repo, "no-such-uid", &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  insert_ok (f, kase);
  g_assert_null (cd_case_repository_load (f->repo, kase->id + 1, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_assert_finalize_object (kase);
}

/* ---- update, events, delete ---------------------------------------------------------- */

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  CdCase *kase = make_full_case ("It arrived broken");
  CdCase *loaded;
  CdTimelineEvent *edited;
  gint64 old_updated_at;
  guint old_events;

  insert_ok (f, kase);
  old_updated_at = kase->updated_at;
  old_events = kase->events->len;
  reset_counts (f);

  cd_case_set_string (&kase->customer_wants, "A replacement");
  kase->category = CD_CATEGORY_QUALITY;
  kase->order_amount = 12900;
  g_ptr_array_set_size (kase->compensations, 0);
  g_ptr_array_add (kase->compensations,
                   make_compensation (CD_COMPENSATION_REPLACEMENT, CD_COMPENSATION_ACCEPTED,
                                      12900, 4500, "SF1234567890", CD_TIME_UNSET));
  update_ok (f, kase);

  g_assert_cmpint (kase->updated_at, >, old_updated_at);
  g_assert_cmpuint (kase->events->len, ==, old_events + 1);
  edited = last_event (kase);
  g_assert_cmpstr (edited->kind, ==, CD_EVENT_EDITED);
  g_assert_cmpint (edited->at, ==, kase->updated_at);
  g_test_message ("edited: %s", edited->text);
  /* It names what changed, and only that. */
  g_assert_nonnull (strstr (edited->text, "customer_wants"));
  g_assert_nonnull (strstr (edited->text, "A replacement"));
  g_assert_nonnull (strstr (edited->text, "category"));
  g_assert_nonnull (strstr (edited->text, "quality"));
  g_assert_nonnull (strstr (edited->text, "order.amount_minor"));
  g_assert_null (strstr (edited->text, "description"));
  g_assert_null (strstr (edited->text, "summary"));
  g_assert_null (strstr (edited->text, "stage"));

  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (f->last_changed, ==, kase->id);
  g_assert_cmpuint (f->n_added + f->n_removed, ==, 0);

  /* Compensations are replaced, not added to. */
  g_assert_cmpint (n_compensations (f, kase->id), ==, 1);
  g_assert_cmpint (n_followups (f, kase->id), ==, 2);
  g_assert_cmpint (n_events (f, kase->id), ==, old_events + 1);
  loaded = load_ok (f, kase->id);
  assert_cases_equal (kase, loaded);
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (kase);
}

static void
test_update_stage (Fixture       *f,
                   gconstpointer  data)
{
  CdCase *kase = make_simple_case ("stage");
  CdCase *loaded;
  CdTimelineEvent *event;

  insert_ok (f, kase);
  kase->stage = CD_STAGE_CONFIRM;
  update_ok (f, kase);
  event = last_event (kase);
  g_assert_cmpstr (event->kind, ==, CD_EVENT_STAGE);
  g_assert_nonnull (strstr (event->text, "listen"));
  g_assert_nonnull (strstr (event->text, "confirm"));
  g_assert_cmpuint (kase->events->len, ==, 2);

  /* A stage change together with other changes is an edit. */
  kase->stage = CD_STAGE_APOLOGISE;
  cd_case_set_string (&kase->summary, "The cup is broken");
  update_ok (f, kase);
  event = last_event (kase);
  g_assert_cmpstr (event->kind, ==, CD_EVENT_EDITED);
  g_assert_nonnull (strstr (event->text, "stage"));
  g_assert_nonnull (strstr (event->text, "summary"));
  g_assert_cmpuint (kase->events->len, ==, 3);

  loaded = load_ok (f, kase->id);
  assert_cases_equal (kase, loaded);
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (kase);
}

static void
test_update_long_text (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *big = make_big_text ();
  CdCase *kase = make_simple_case ("long");
  CdTimelineEvent *event;

  insert_ok (f, kase);
  cd_case_set_string (&kase->description, big);
  update_ok (f, kase);
  event = last_event (kase);
  g_assert_cmpstr (event->kind, ==, CD_EVENT_EDITED);
  /* Long texts are named, not copied into the timeline. */
  g_assert_nonnull (strstr (event->text, "description"));
  g_assert_cmpuint (strlen (event->text), <, 200);

  g_assert_finalize_object (kase);
}

static void
test_update_children_named (Fixture       *f,
                            gconstpointer  data)
{
  CdCase *kase = make_full_case ("children change");
  CdCompensation *c;
  CdTimelineEvent *event;

  insert_ok (f, kase);

  /* The refund was issued: the same compensation, now done. "Nothing is silently
   * overwritten" (DOMAIN.md), so the timeline says so. */
  c = g_ptr_array_index (kase->compensations, 1);
  c->status = CD_COMPENSATION_DONE;
  c->done_at = G_GINT64_CONSTANT (1764500000000000);
  cd_case_set_string (&c->reference, "RF-2026-0042");
  kase->stage = CD_STAGE_IMPROVE;
  update_ok (f, kase);
  event = last_event (kase);
  g_test_message ("%s: %s", event->kind, event->text);
  g_assert_cmpstr (event->kind, ==, CD_EVENT_EDITED);

  /* The follow-up call was made and the buyer was satisfied: named field by field, and the
   * follow-ups keep their ids, which the Due views hold on to. */
  {
    CdFollowUp *fu = g_ptr_array_index (kase->followups, 1);
    gint64 ids[2] = { ((CdFollowUp *) kase->followups->pdata[0])->id, fu->id };
    CdCase *loaded;
    CdCase *later = make_full_case ("later");

    /* Another case's follow-ups after these, so that new rows would get other ids. */
    insert_ok (f, later);
    g_assert_finalize_object (later);
    fu->done_at = G_GINT64_CONSTANT (1765000000000000);
    fu->satisfaction = 5;
    update_ok (f, kase);
    event = last_event (kase);
    g_assert_cmpstr (event->kind, ==, CD_EVENT_EDITED);
    g_assert_cmpstr (event->text, ==, "follow_up.recorded: 5");

    loaded = load_ok (f, kase->id);
    g_assert_cmpint (((CdFollowUp *) loaded->followups->pdata[0])->id, ==, ids[0]);
    g_assert_cmpint (((CdFollowUp *) loaded->followups->pdata[1])->id, ==, ids[1]);
    g_assert_finalize_object (loaded);
  }

  g_assert_finalize_object (kase);
}

/* Planning and recording a return visit read as such in the timeline; other changes to the
 * follow-ups are named once, as before. */
static void
test_update_follow_ups_named (Fixture       *f,
                              gconstpointer  data)
{
  CdCase *kase = make_full_case ("follow-ups");
  CdFollowUp *fu;
  CdTimelineEvent *event;
  const gint64 due = G_GINT64_CONSTANT (1765000000000000);

  insert_ok (f, kase);
  g_assert_cmpuint (kase->followups->len, ==, 2);
  fu = g_ptr_array_index (kase->followups, 1);
  g_assert_cmpint (fu->done_at, ==, CD_TIME_UNSET);

  fu->done_at = due + (gint64) 3600 * G_USEC_PER_SEC;
  fu->satisfaction = 4;
  cd_case_set_string (&fu->remarks, "很满意\n'; DROP TABLE followups; --");
  update_ok (f, kase);
  event = last_event (kase);
  g_assert_cmpstr (event->kind, ==, CD_EVENT_EDITED);
  /* The remarks hold a line break: named, not quoted. */
  g_assert_cmpstr (event->text, ==, "follow_up.recorded: 4\nfollow_up.remarks");

  g_ptr_array_add (kase->followups, cd_follow_up_new (due));
  update_ok (f, kase);
  g_assert_cmpstr (last_event (kase)->text, ==, "follow_up.planned: 2025-12-06T05:46:40Z");

  /* Done without a score: recorded all the same. */
  fu = g_ptr_array_index (kase->followups, 2);
  fu->done_at = due;
  update_ok (f, kase);
  g_assert_cmpstr (last_event (kase)->text, ==, "follow_up.recorded: 0");

  /* New remarks on a visit already made, field by field; then one visit gone. */
  cd_case_set_string (&fu->remarks, "again");
  update_ok (f, kase);
  g_assert_cmpstr (last_event (kase)->text, ==, "follow_up.remarks:  → again");
  g_ptr_array_remove_index (kase->followups, 0);
  update_ok (f, kase);
  g_assert_cmpstr (last_event (kase)->text, ==, "follow_ups");

  g_assert_finalize_object (kase);
}

static void
test_update_missing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = make_simple_case ("gone");
  gint64 updated_at;
  guint n;

  insert_ok (f, kase);
  g_assert_true (cd_case_repository_delete (f->repo, kase->id, &error));
  g_assert_no_error (error);
  reset_counts (f);
  updated_at = kase->updated_at;
  n = kase->events->len;

  cd_case_set_string (&kase->summary, "edited elsewhere");
  g_assert_false (cd_case_repository_update (f->repo, kase, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_assert_cmpint (kase->updated_at, ==, updated_at);
  g_assert_cmpuint (kase->events->len, ==, n);
  g_clear_error (&error);

  g_assert_false (cd_case_repository_add_event (f->repo, kase, CD_EVENT_NOTE, "x", &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_assert_cmpuint (kase->events->len, ==, n);
  g_assert_cmpint (n_events (f, kase->id), ==, 0);
  assert_no_signals (f);

  g_assert_finalize_object (kase);
}

static void
test_add_event (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = make_simple_case ("events");
  CdCase *loaded;
  CdTimelineEvent *event;
  gint64 updated_at;

  insert_ok (f, kase);
  reset_counts (f);
  updated_at = kase->updated_at;

  g_assert_true (cd_case_repository_add_event (f->repo, kase, CD_EVENT_NOTE, hostile[1], &error));
  g_assert_no_error (error);
  g_assert_true (cd_case_repository_add_event (f->repo, kase, CD_EVENT_MESSAGE, hostile[3],
                                               &error));
  g_assert_no_error (error);
  g_assert_true (cd_case_repository_add_event (f->repo, kase, "custom_kind", NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (kase->events->len, ==, 4);
  event = g_ptr_array_index (kase->events, 1);
  g_assert_cmpstr (event->kind, ==, CD_EVENT_NOTE);
  g_assert_cmpstr (event->text, ==, hostile[1]);
  event = last_event (kase);
  g_assert_cmpstr (event->kind, ==, "custom_kind");
  g_assert_cmpstr (event->text, ==, "");
  g_assert_cmpint (kase->updated_at, >, updated_at);
  g_assert_cmpint (event->at, ==, kase->updated_at);
  /* Oldest first, each later than the one before. */
  for (guint i = 1; i < kase->events->len; i++)
    g_assert_cmpint (((CdTimelineEvent *) g_ptr_array_index (kase->events, i))->at, >,
                     ((CdTimelineEvent *) g_ptr_array_index (kase->events, i - 1))->at);

  g_assert_cmpuint (f->n_changed, ==, 3);
  g_assert_cmpint (f->last_changed, ==, kase->id);

  loaded = load_ok (f, kase->id);
  assert_cases_equal (kase, loaded);
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (kase);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdCase *doomed = make_full_case ("doomed");
  CdCase *kept = make_full_case ("kept");
  CdCase *loaded;

  insert_ok (f, doomed);
  insert_ok (f, kept);
  g_assert_true (cd_case_repository_add_event (f->repo, doomed, CD_EVENT_NOTE, "n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_compensations (f, doomed->id), ==, 3);
  g_assert_cmpint (n_followups (f, doomed->id), ==, 2);
  g_assert_cmpint (n_events (f, doomed->id), ==, 2);
  reset_counts (f);

  g_assert_true (cd_case_repository_delete (f->repo, doomed->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_removed, ==, 1);
  g_assert_cmpint (f->last_removed, ==, doomed->id);
  g_assert_cmpuint (f->n_added + f->n_changed, ==, 0);

  /* Everything the case held goes with it; the other case keeps its own. */
  g_assert_cmpint (n_compensations (f, doomed->id), ==, 0);
  g_assert_cmpint (n_followups (f, doomed->id), ==, 0);
  g_assert_cmpint (n_events (f, doomed->id), ==, 0);
  g_assert_cmpint (n_compensations (f, kept->id), ==, 3);
  g_assert_cmpint (n_followups (f, kept->id), ==, 2);
  g_assert_cmpint (n_events (f, kept->id), ==, 1);
  g_assert_cmpint (n_cases (f), ==, 1);

  g_assert_null (cd_case_repository_load (f->repo, doomed->id, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Twice is an error, and says nothing. */
  g_assert_false (cd_case_repository_delete (f->repo, doomed->id, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_assert_cmpuint (f->n_removed, ==, 1);

  loaded = load_ok (f, kept->id);
  assert_cases_equal (kept, loaded);
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (doomed);
  g_assert_finalize_object (kept);
}

/* ---- validation and signals ---------------------------------------------------------- */

static void
test_negative_amounts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = make_full_case ("negative");
  CdCase *loaded;
  CdCompensation *c;

  kase->order_amount = -1;
  g_assert_false (cd_case_repository_insert (f->repo, kase, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kase->id, ==, 0);

  kase->order_amount = 100;
  c = g_ptr_array_index (kase->compensations, 0);
  c->amount = -500;
  g_assert_false (cd_case_repository_insert (f->repo, kase, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  g_clear_error (&error);

  c->amount = 500;
  c->cost = -1;
  g_assert_false (cd_case_repository_insert (f->repo, kase, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing was written, and nobody was told. */
  g_assert_cmpint (kase->id, ==, 0);
  g_assert_cmpint (n_cases (f), ==, 0);
  g_assert_cmpint (count_all (f, "SELECT (SELECT COUNT(*) FROM compensations) + "
                                 "(SELECT COUNT(*) FROM followups) + "
                                 "(SELECT COUNT(*) FROM events)"), ==, 0);
  assert_no_signals (f);

  /* The same on update: the stored case stays as it was. */
  c->cost = 100;
  insert_ok (f, kase);
  reset_counts (f);
  c->amount = -1;
  kase->order_amount = -7;
  cd_case_set_string (&kase->summary, "never stored");
  g_assert_false (cd_case_repository_update (f->repo, kase, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  assert_no_signals (f);
  g_assert_cmpint (n_events (f, kase->id), ==, 1);
  loaded = load_ok (f, kase->id);
  g_assert_cmpint (loaded->order_amount, ==, 100);
  g_assert_cmpstr (loaded->summary, !=, "never stored");
  g_assert_cmpint (((CdCompensation *) g_ptr_array_index (loaded->compensations, 0))->amount,
                   ==, 500);
  g_assert_finalize_object (loaded);
  g_assert_finalize_object (kase);
}

static void
test_signals (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdCase *a = make_simple_case ("a");
  CdCase *b = make_simple_case ("b");

  insert_ok (f, a);
  g_assert_cmpuint (f->n_added, ==, 1);
  g_assert_cmpint (f->last_added, ==, a->id);
  insert_ok (f, b);
  g_assert_cmpuint (f->n_added, ==, 2);
  g_assert_cmpint (f->last_added, ==, b->id);
  g_assert_cmpuint (f->n_changed + f->n_removed, ==, 0);

  reset_counts (f);
  cd_case_set_string (&a->summary, "changed");
  update_ok (f, a);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (f->last_changed, ==, a->id);

  reset_counts (f);
  g_assert_true (cd_case_repository_delete (f->repo, b->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_removed, ==, 1);
  g_assert_cmpint (f->last_removed, ==, b->id);
  g_assert_cmpuint (f->n_added + f->n_changed, ==, 0);

  reset_counts (f);
  cd_case_repository_emit_reset (f->repo);
  g_assert_cmpuint (f->n_reset, ==, 1);
  g_assert_cmpuint (f->n_added + f->n_changed + f->n_removed, ==, 0);

  g_assert_finalize_object (a);
  g_assert_finalize_object (b);
}

/* ---- import -------------------------------------------------------------------------- */

static CdCase *
make_imported_case (gint64      updated_at,
                    const char *description,
                    guint       n_events_wanted)
{
  CdCase *kase = make_full_case (description);
  const char *kinds[] = { CD_EVENT_CREATED, CD_EVENT_NOTE, CD_EVENT_MESSAGE, "from_the_future" };

  cd_case_set_string (&kase->uid, "c0ffee00-0000-4000-8000-000000000001");
  kase->created_at = G_GINT64_CONSTANT (1763971200000000);
  kase->updated_at = updated_at;
  for (guint i = 0; i < n_events_wanted; i++)
    g_ptr_array_add (kase->events,
                     cd_timeline_event_new (kase->created_at + i, kinds[i % G_N_ELEMENTS (kinds)],
                                            hostile[i % G_N_ELEMENTS (hostile)]));
  return kase;
}

static CdStoreResult
store_imported (Fixture *f,
                CdCase  *kase)
{
  g_autoptr(GError) error = NULL;
  CdStoreResult result = 99;

  g_assert_true (cd_database_begin (f->db, &error));
  g_assert_no_error (error);
  g_assert_true (cd_case_repository_store_imported (f->repo, kase, &result, &error));
  g_assert_no_error (error);
  g_assert_true (cd_database_commit (f->db, &error));
  g_assert_no_error (error);
  return result;
}

static void
test_store_imported (Fixture       *f,
                     gconstpointer  data)
{
  gint64 t1 = G_GINT64_CONSTANT (1764000000000000);
  CdCase *first = make_imported_case (t1, "first version", 2);
  CdCase *older = make_imported_case (t1 - 1, "older version", 1);
  CdCase *same = make_imported_case (t1, "same time, other text", 1);
  CdCase *newer = make_imported_case (t1 + 10, "newer version", 4);
  CdCase *loaded;

  g_assert_cmpint (store_imported (f, first), ==, CD_STORE_ADDED);
  g_assert_cmpint (first->id, >, 0);
  loaded = load_ok (f, first->id);
  /* Stored as it came: its own times and timeline, no "created" event added. */
  assert_cases_equal (first, loaded);
  g_assert_cmpint (loaded->updated_at, ==, t1);
  g_assert_cmpint (n_events (f, first->id), ==, 2);
  g_assert_finalize_object (loaded);

  g_assert_cmpint (store_imported (f, older), ==, CD_STORE_UNCHANGED);
  g_assert_cmpint (store_imported (f, same), ==, CD_STORE_UNCHANGED);
  loaded = load_ok (f, first->id);
  g_assert_cmpstr (loaded->description, ==, "first version");
  g_assert_cmpint (n_events (f, first->id), ==, 2);
  g_assert_finalize_object (loaded);

  g_ptr_array_set_size (newer->compensations, 1);
  g_ptr_array_set_size (newer->followups, 0);
  g_assert_cmpint (store_imported (f, newer), ==, CD_STORE_UPDATED);
  g_assert_cmpint (newer->id, ==, first->id);
  loaded = load_ok (f, first->id);
  /* The file's timeline replaces the stored one; so do the children. */
  assert_cases_equal (newer, loaded);
  g_assert_cmpint (n_events (f, first->id), ==, 4);
  g_assert_cmpint (n_compensations (f, first->id), ==, 1);
  g_assert_cmpint (n_followups (f, first->id), ==, 0);
  g_assert_cmpint (n_cases (f), ==, 1);
  g_assert_finalize_object (loaded);

  /* The importer emits "reset" itself, once, at the end. */
  assert_no_signals (f);

  g_assert_finalize_object (first);
  g_assert_finalize_object (older);
  g_assert_finalize_object (same);
  g_assert_finalize_object (newer);
}

/* ---- search -------------------------------------------------------------------------- */

/* The ids of the cases case_search finds for what a user typed, in order. */
static char *
search (Fixture    *f,
        const char *typed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *match = cd_text_build_match_query (typed);
  GString *ids = g_string_new (NULL);
  sqlite3_stmt *stmt;
  CdStep step;

  g_assert_nonnull (match);
  stmt = cd_database_prepare (f->db, "SELECT rowid FROM case_search WHERE case_search MATCH :q "
                                     "ORDER BY rowid", &error);
  g_assert_no_error (error);
  cd_database_bind_text (stmt, ":q", match);
  while ((step = cd_database_step (f->db, stmt, &error)) == CD_STEP_ROW)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 0 ? "," : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, CD_STEP_DONE);
  return g_string_free (ids, FALSE);
}

static void
assert_search (Fixture    *f,
               const char *typed,
               const char *expected_ids)
{
  g_autofree char *ids = search (f, typed);

  g_test_message ("search %s → [%s]", typed, ids);
  g_assert_cmpstr (ids, ==, expected_ids);
}

static void
assert_search_index_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_database_exec (f->db, "INSERT INTO case_search (case_search) "
                                          "VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
}

/* The importer computes what the search index holds of a case itself, off the database's
 * thread: it must be what the index's view makes of the stored case, or a case imported and
 * then deleted could not be taken out of the contentless index. */
static void
test_search_body (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);

  for (gsize i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_ptr_array_add (cases, make_full_case (hostile[i]));
  g_ptr_array_add (cases, make_simple_case ("王芳"));
  g_ptr_array_add (cases, make_simple_case (""));
  cd_case_set_string (&((CdCase *) g_ptr_array_index (cases, 1))->phone, "（139）０００ 1234");
  cd_case_set_string (&((CdCase *) g_ptr_array_index (cases, 2))->email, "");

  for (guint i = 0; i < cases->len; i++)
    {
      CdCase *kase = g_ptr_array_index (cases, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *body = NULL;
      sqlite3_stmt *stmt;

      g_assert_true (cd_case_repository_insert (f->repo, kase, &error));
      g_assert_no_error (error);
      stmt = cd_database_prepare (f->db, "SELECT body FROM case_search_source WHERE id = :id",
                                  &error);
      g_assert_no_error (error);
      cd_database_bind_int64 (stmt, ":id", kase->id);
      g_assert_cmpint (cd_database_step (f->db, stmt, &error), ==, CD_STEP_ROW);
      body = cd_case_search_body (kase);
      g_assert_cmpstr (body, ==, cd_database_column_text (stmt, 0));
      cd_database_release (stmt);
    }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdCase *a = make_simple_case ("林小姐");
  CdCase *b = make_simple_case ("John O'Neil");
  CdCase *c = make_simple_case ("王先生");
  g_autofree char *ids_a = NULL;
  g_autofree char *ids_ac = NULL;
  g_autofree char *ids_b = NULL;
  g_autofree char *ids_c = NULL;

  cd_case_set_string (&a->phone, "138 0013 8000");
  cd_case_set_string (&a->order_number, "TB20261124-0001");
  cd_case_set_string (&a->product, "Lucky Star teapot");
  cd_case_set_string (&a->description, "买家说茶壶碎了，要求退款。");
  cd_case_set_string (&b->phone, "+1 555 0100");
  cd_case_set_string (&b->order_number, "AMZ-113-7788");
  cd_case_set_string (&b->product, "Coffee grinder");
  cd_case_set_string (&b->description, "Package arrived late; wants a partial refund");
  cd_case_set_string (&c->description, "付款成功但未发货 '; DROP TABLE cases; --");
  insert_ok (f, a);
  insert_ok (f, b);
  insert_ok (f, c);
  ids_a = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
  ids_b = g_strdup_printf ("%" G_GINT64_FORMAT, b->id);
  ids_c = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);
  ids_ac = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, a->id, c->id);

  /* Chinese: one character, two in order, not two in the wrong order. */
  assert_search (f, "退", ids_a);
  assert_search (f, "退款", ids_a);
  assert_search (f, "款", ids_ac);
  assert_search (f, "款退", "");
  assert_search (f, "林小姐", ids_a);
  /* The phone as digits alone, though it was stored with spaces. */
  assert_search (f, "13800138000", ids_a);
  assert_search (f, "138 0013", ids_a);
  /* The order number, whole or in part, in any case. */
  assert_search (f, "TB20261124-0001", ids_a);
  assert_search (f, "tb20261124", ids_a);
  assert_search (f, "amz-113", ids_b);
  /* English by prefix; every word must occur. */
  assert_search (f, "teap", ids_a);
  assert_search (f, "LUCKY tea", ids_a);
  assert_search (f, "lucky grinder", "");
  assert_search (f, "refund", ids_b);
  assert_search (f, "o'neil", ids_b);
  /* Hostile text is searched for, not run. */
  assert_search (f, "drop table", ids_c);
  g_assert_cmpint (n_cases (f), ==, 3);

  /* After an edit the old words are gone from the index and the new ones are in it. */
  cd_case_set_string (&a->description, "Customer wants a replacement");
  update_ok (f, a);
  assert_search (f, "退款", "");
  assert_search (f, "退", "");
  assert_search (f, "replace", ids_a);
  assert_search (f, "teap", ids_a);

  /* After a delete nothing of it matches. */
  g_assert_true (cd_case_repository_delete (f->repo, a->id, &error));
  g_assert_no_error (error);
  assert_search (f, "teap", "");
  assert_search (f, "replace", "");
  assert_search (f, "13800138000", "");
  assert_search (f, "tb20261124", "");
  assert_search (f, "款", ids_c);
  assert_search_index_ok (f);

  g_assert_finalize_object (a);
  g_assert_finalize_object (b);
  g_assert_finalize_object (c);
}

static void
test_search_imported (Fixture       *f,
                      gconstpointer  data)
{
  CdCase *first = make_imported_case (100, "Lid was cracked", 1);
  CdCase *newer = make_imported_case (200, "Handle fell off", 1);
  g_autofree char *ids = NULL;

  g_assert_cmpint (store_imported (f, first), ==, CD_STORE_ADDED);
  ids = g_strdup_printf ("%" G_GINT64_FORMAT, first->id);
  assert_search (f, "cracked", ids);
  g_assert_cmpint (store_imported (f, newer), ==, CD_STORE_UPDATED);
  assert_search (f, "cracked", "");
  assert_search (f, "handle", ids);

  g_assert_finalize_object (first);
  g_assert_finalize_object (newer);
}

static void
test_search_imported_bulk (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdCase *added = make_imported_case (100, "Lid was cracked", 1);
  CdCase *stored = make_simple_case ("stored");
  CdCase *newer = make_imported_case (G_MAXINT64, "Spout leaks", 1);
  CdCase *same = NULL;
  CdCase *later = make_simple_case ("later");
  CdStoreResult result;
  g_autofree char *ids_added = NULL;
  g_autofree char *ids_stored = NULL;
  g_autofree char *ids_added_later = NULL;

  cd_case_set_string (&added->uid, "bulk-added");
  cd_case_set_string (&stored->uid, "bulk-stored");
  cd_case_set_string (&stored->description, "Handle fell off");
  insert_ok (f, stored);
  cd_case_set_string (&newer->uid, "bulk-stored");

  /* As the importer does it: many cases, one transaction, the index brought up to date
   * once at the end. */
  g_assert_true (cd_database_begin (f->db, &error));
  g_assert_true (cd_case_repository_begin_bulk (f->repo, &error));
  g_assert_no_error (error);
  g_assert_true (cd_case_repository_store_imported (f->repo, added, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, CD_STORE_ADDED);
  g_assert_true (cd_case_repository_store_imported (f->repo, newer, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, CD_STORE_UPDATED);
  same = load_ok (f, added->id);
  g_assert_true (cd_case_repository_store_imported (f->repo, same, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, CD_STORE_UNCHANGED);
  g_assert_true (cd_case_repository_end_bulk (f->repo, &error));
  g_assert_no_error (error);
  g_assert_true (cd_database_commit (f->db, &error));
  g_assert_no_error (error);

  ids_added = g_strdup_printf ("%" G_GINT64_FORMAT, added->id);
  ids_stored = g_strdup_printf ("%" G_GINT64_FORMAT, stored->id);
  g_assert_cmpint (newer->id, ==, stored->id);
  assert_search (f, "cracked", ids_added);
  assert_search (f, "handle", "");
  assert_search (f, "spout", ids_stored);
  assert_search_index_ok (f);

  /* Row-by-row indexing is back afterwards. */
  cd_case_set_string (&later->description, "Teapot lid");
  insert_ok (f, later);
  ids_added_later = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, added->id,
                                     later->id);
  assert_search (f, "lid", ids_added_later);
  g_assert_true (cd_case_repository_delete (f->repo, added->id, &error));
  g_assert_no_error (error);
  assert_search (f, "cracked", "");
  assert_search_index_ok (f);

  g_assert_finalize_object (added);
  g_assert_finalize_object (stored);
  g_assert_finalize_object (newer);
  g_assert_finalize_object (same);
  g_assert_finalize_object (later);
}

static void
test_search_phone_with_country_code (Fixture       *f,
                                     gconstpointer  data)
{
  CdCase *kase = make_simple_case ("phone");
  g_autofree char *ids = NULL;
  g_autofree char *found = NULL;

  /* Buyers' numbers are written every which way; the blacklist matches them all as one. */
  cd_case_set_string (&kase->phone, "+86 138-0013-8000");
  insert_ok (f, kase);
  ids = g_strdup_printf ("%" G_GINT64_FORMAT, kase->id);
  assert_search (f, "138-0013-8000", ids);

  found = search (f, "13800138000");
  g_assert_cmpstr (found, ==, ids);
  g_assert_finalize_object (kase);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/case-repository/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("insert", test_insert);
  ADD ("insert/given-uid-and-time", test_insert_keeps_given_uid_and_time);
  ADD ("insert/duplicate-uid", test_insert_duplicate_uid);
  ADD ("round-trip/hostile", test_round_trip_hostile);
  ADD ("round-trip/defaults", test_defaults_round_trip);
  ADD ("children", test_children);
  ADD ("load-missing", test_load_missing);
  ADD ("update", test_update);
  ADD ("update/stage", test_update_stage);
  ADD ("update/long-text", test_update_long_text);
  ADD ("update/children-named", test_update_children_named);
  ADD ("update/follow-ups-named", test_update_follow_ups_named);
  ADD ("update/missing", test_update_missing);
  ADD ("add-event", test_add_event);
  ADD ("delete", test_delete);
  ADD ("negative-amounts", test_negative_amounts);
  ADD ("signals", test_signals);
  ADD ("store-imported", test_store_imported);
  ADD ("search", test_search);
  ADD ("search/body", test_search_body);
  ADD ("search/imported", test_search_imported);
  ADD ("search/imported-bulk", test_search_imported_bulk);
  ADD ("search/phone-with-country-code", test_search_phone_with_country_code);

#undef ADD

  return g_test_run ();
}
