/* test-reminders.c — each promise and follow-up reminded of once, when it falls due
 * (cd-reminders.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cd-case-repository.h"
#include "cd-due-item.h"
#include "cd-due-list.h"
#include "cd-reminders.h"
#include "cd-settings-store.h"
#include "cd-test-util.h"
#include "cd-time.h"

#define HOUR ((gint64) 3600 * G_USEC_PER_SEC)

/* A fixed "now": 24 Nov 2026 10:00 UTC. */
#define NOW ((gint64) 1795514400 * G_USEC_PER_SEC)

typedef struct
{
  char             *dir;
  CdDatabase       *db;
  CdCaseRepository *repo;
  CdReminders      *reminders;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->repo = cd_case_repository_new (f->db);
  f->reminders = cd_reminders_new (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->reminders);
  g_clear_object (&f->repo);
  g_clear_object (&f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

static CdCase *
add_case (Fixture    *f,
          const char *name,
          CdStage     stage,
          gint64      promised_by,
          gint64      follow_up_due)
{
  CdCase *kase = cd_case_new ();
  g_autoptr(GError) error = NULL;

  cd_case_set_string (&kase->customer_name, name);
  cd_case_set_string (&kase->promise, "Send a replacement");
  kase->stage = stage;
  kase->promised_by = promised_by;
  if (follow_up_due != CD_TIME_UNSET)
    g_ptr_array_add (kase->followups, cd_follow_up_new (follow_up_due));
  g_assert_true (cd_case_repository_insert (f->repo, kase, &error));
  g_assert_no_error (error);
  return kase;
}

static GPtrArray *
take (Fixture *f,
      gint64   now)
{
  g_autoptr(GError) error = NULL;
  gint64 n_due = -1;
  GPtrArray *items = cd_reminders_take (f->reminders, now, G_MAXUINT, &n_due, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  g_assert_cmpint (n_due, ==, items->len);
  return items;
}

/* What fell due is handed out once, earliest first; what is still ahead waits its turn. */
static void
test_once_each (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CdCase) late = add_case (f, "Late", CD_STAGE_AGREE, NOW - 2 * HOUR, CD_TIME_UNSET);
  g_autoptr(CdCase) visit = add_case (f, "Visit", CD_STAGE_FOLLOW_UP, CD_TIME_UNSET,
                                      NOW - HOUR);
  g_autoptr(CdCase) ahead = add_case (f, "Ahead", CD_STAGE_CARRY_OUT, NOW + HOUR,
                                      CD_TIME_UNSET);
  g_autoptr(GPtrArray) first = take (f, NOW);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) later = NULL;
  CdDueItem *item;

  g_assert_cmpuint (first->len, ==, 2);
  item = g_ptr_array_index (first, 0);
  g_assert_cmpint (item->kind, ==, CD_DUE_PROMISE);
  g_assert_cmpint (item->case_id, ==, late->id);
  g_assert_cmpstr (item->customer_name, ==, "Late");
  item = g_ptr_array_index (first, 1);
  g_assert_cmpint (item->kind, ==, CD_DUE_FOLLOW_UP);
  g_assert_cmpint (item->case_id, ==, visit->id);
  g_assert_cmpint (item->follow_up_id, !=, 0);

  /* A minute later: nothing new. */
  again = take (f, NOW + 60 * G_USEC_PER_SEC);
  g_assert_cmpuint (again->len, ==, 0);

  /* The promise ahead falls due exactly at its time, not before. */
  g_clear_pointer (&again, g_ptr_array_unref);
  again = take (f, NOW + HOUR - 1);
  g_assert_cmpuint (again->len, ==, 0);
  later = take (f, NOW + HOUR);
  g_assert_cmpuint (later->len, ==, 1);
  item = g_ptr_array_index (later, 0);
  g_assert_cmpint (item->case_id, ==, ahead->id);
}

/* Done follow-ups, kept promises and closed cases are not reminded of. */
static void
test_only_pending (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CdCase) closed = add_case (f, "Closed", CD_STAGE_CLOSED, NOW - HOUR, NOW - HOUR);
  g_autoptr(CdCase) kept = add_case (f, "Kept", CD_STAGE_FOLLOW_UP, NOW - HOUR, CD_TIME_UNSET);
  g_autoptr(CdCase) visited = add_case (f, "Visited", CD_STAGE_IMPROVE, CD_TIME_UNSET,
                                        NOW - HOUR);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  CdFollowUp *follow_up = g_ptr_array_index (visited->followups, 0);

  follow_up->done_at = NOW - 2 * HOUR;
  follow_up->satisfaction = 5;
  g_assert_true (cd_case_repository_update (f->repo, visited, &error));
  g_assert_no_error (error);

  items = take (f, NOW);
  g_assert_cmpuint (items->len, ==, 0);
}

/* Moved to a later time, a deadline is reminded of again when that time comes. */
static void
test_rescheduled (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CdCase) kase = add_case (f, "Moved", CD_STAGE_AGREE, NOW - HOUR, CD_TIME_UNSET);
  g_autoptr(GPtrArray) first = take (f, NOW);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (first->len, ==, 1);
  kase->promised_by = NOW + 3 * HOUR;
  g_assert_true (cd_case_repository_update (f->repo, kase, &error));
  g_assert_no_error (error);

  before = take (f, NOW + 2 * HOUR);
  g_assert_cmpuint (before->len, ==, 0);
  after = take (f, NOW + 3 * HOUR);
  g_assert_cmpuint (after->len, ==, 1);
}

/* The database remembers: another run, or a clock set back, repeats nothing. */
static void
test_remembered (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CdCase) kase = add_case (f, "Once", CD_STAGE_AGREE, NOW - HOUR, CD_TIME_UNSET);
  g_autoptr(GPtrArray) first = take (f, NOW);
  g_autoptr(GPtrArray) next_run = NULL;
  g_autoptr(GPtrArray) set_back = NULL;

  g_assert_cmpuint (first->len, ==, 1);

  g_clear_object (&f->reminders);
  f->reminders = cd_reminders_new (f->db);
  next_run = take (f, NOW + HOUR);
  g_assert_cmpuint (next_run->len, ==, 0);

  /* The clock set back by a day: what was already reminded of stays so. */
  set_back = take (f, NOW - 24 * HOUR);
  g_assert_cmpuint (set_back->len, ==, 0);
}

/* A stored value that does not parse means "never reminded": everything due comes once more
 * rather than never again. */
static void
test_damaged_watermark (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CdCase) kase = add_case (f, "Again", CD_STAGE_AGREE, NOW - HOUR, CD_TIME_UNSET);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_settings_store_set (f->db, "reminders.given_until", "yesterday", &error));
  g_assert_no_error (error);
  items = take (f, NOW);
  g_assert_cmpuint (items->len, ==, 1);
}

/* Asking after one item: pending until kept, made or moved. */
static void
test_item_pending (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CdCase) promise = add_case (f, "Promise", CD_STAGE_AGREE, NOW - HOUR, CD_TIME_UNSET);
  g_autoptr(CdCase) visit = add_case (f, "Visit", CD_STAGE_FOLLOW_UP, CD_TIME_UNSET,
                                      NOW - HOUR);
  g_autoptr(GPtrArray) items = take (f, NOW);
  g_autoptr(GError) error = NULL;
  CdFollowUp *follow_up = g_ptr_array_index (visit->followups, 0);
  gboolean pending = FALSE;

  g_assert_cmpuint (items->len, ==, 2);
  for (guint i = 0; i < items->len; i++)
    {
      g_assert_true (cd_due_item_is_pending (f->db, items->pdata[i], &pending, &error));
      g_assert_no_error (error);
      g_assert_true (pending);
    }

  /* The promise kept, the visit moved: neither is the item that was shown any more. */
  promise->stage = CD_STAGE_FOLLOW_UP;
  g_assert_true (cd_case_repository_update (f->repo, promise, &error));
  follow_up->due_at = NOW + HOUR;
  g_assert_true (cd_case_repository_update (f->repo, visit, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      g_assert_true (cd_due_item_is_pending (f->db, items->pdata[i], &pending, &error));
      g_assert_false (pending);
    }
}

/* After a long absence: the first few read, all counted, and all of them given. */
static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) head = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_due = 0;

  for (int i = 0; i < 5; i++)
    g_object_unref (add_case (f, "Away", CD_STAGE_AGREE, NOW - (i + 1) * HOUR, CD_TIME_UNSET));

  head = cd_reminders_take (f->reminders, NOW, 2, &n_due, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (head->len, ==, 2);
  g_assert_cmpint (n_due, ==, 5);
  /* Earliest first. */
  g_assert_cmpint (((CdDueItem *) head->pdata[0])->due_at, ==, NOW - 5 * HOUR);

  after = take (f, NOW + HOUR);
  g_assert_cmpuint (after->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/reminders/" name, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("once-each", test_once_each);
  ADD ("only-pending", test_only_pending);
  ADD ("rescheduled", test_rescheduled);
  ADD ("remembered", test_remembered);
  ADD ("damaged-watermark", test_damaged_watermark);
  ADD ("item-pending", test_item_pending);
  ADD ("limit", test_limit);
#undef ADD

  return g_test_run ();
}
