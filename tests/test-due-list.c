/* test-due-list.c — what falls due: the list, its count, its query plan and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cd-case-list-model.h"
#include "cd-due-actions.h"
#include "cd-due-list.h"
#include "cd-due-private.h"
#include "cd-error.h"
#include "cd-report.h"
#include "cd-test-util.h"
#include "cd-time.h"

#define HOUR ((gint64) 3600 * G_USEC_PER_SEC)
#define DAY (24 * HOUR)

typedef struct
{
  char             *dir;
  CdDatabase       *db;
  CdCaseRepository *repo;
  GArray           *changed;  /* gint64 ids, from case-changed */
} Fixture;

static void
on_case_changed_cb (CdCaseRepository *repository,
                    gint64            id,
                    Fixture          *f)
{
  g_array_append_val (f->changed, id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->repo = cd_case_repository_new (f->db);
  f->changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (f->repo, "case-changed", G_CALLBACK (on_case_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->repo);
  g_assert_finalize_object (f->db);
  g_array_unref (f->changed);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* A case at @stage with a promise due at @promised_by (CD_TIME_UNSET for none) and a
 * follow-up for each of the @n_follow_ups times in @follow_ups. */
static CdCase *
add_case (Fixture      *f,
          const char   *name,
          CdStage       stage,
          gint64        promised_by,
          const gint64 *follow_ups,
          guint         n_follow_ups)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = cd_case_new ();

  cd_case_set_string (&kase->customer_name, name);
  cd_case_set_string (&kase->product, "Teapot 茶壶");
  cd_case_set_string (&kase->promise, promised_by != CD_TIME_UNSET ? "Refund by Friday" : "");
  kase->stage = stage;
  kase->promised_by = promised_by;
  for (guint i = 0; i < n_follow_ups; i++)
    {
      CdFollowUp *follow_up = cd_follow_up_new (follow_ups[i]);

      follow_up->method = CD_METHOD_PHONE;
      g_ptr_array_add (kase->followups, follow_up);
    }
  g_assert_true (cd_case_repository_insert (f->repo, kase, &error));
  g_assert_no_error (error);
  return kase;
}

static GPtrArray *
list (Fixture *f,
      gint64   from,
      gint64   to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = cd_due_list (f->db, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  g_assert_cmpint (cd_due_count (f->db, from, to, &error), ==, items->len);
  g_assert_no_error (error);
  return items;
}

static CdDueItem *
item_at (GPtrArray *items,
         guint      i)
{
  g_assert_cmpuint (i, <, items->len);
  return g_ptr_array_index (items, i);
}

static CdCase *
load (Fixture *f,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = cd_case_repository_load (f->repo, id, &error);

  g_assert_no_error (error);
  return kase;
}

static CdTimelineEvent *
last_event (CdCase *kase)
{
  g_assert_cmpuint (kase->events->len, >, 0);
  return g_ptr_array_index (kase->events, kase->events->len - 1);
}

/* Earliest first; at the same time a promise before a follow-up, follow-ups by id; every
 * field read; hostile text comes through as it was written. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  gint64 t = cd_time_now () + HOUR;
  gint64 a_times[] = { t + 2 * HOUR, t };
  gint64 b_times[] = { t };
  g_autoptr(CdCase) a = add_case (f, "'; DROP TABLE cases; -- 😀", CD_STAGE_CARRY_OUT, t,
                                  a_times, G_N_ELEMENTS (a_times));
  g_autoptr(CdCase) b = add_case (f, "=1+1 \"张三\"", CD_STAGE_AGREE, t - HOUR, b_times,
                                  G_N_ELEMENTS (b_times));
  g_autoptr(GPtrArray) items = list (f, G_MININT64, G_MAXINT64);
  CdDueItem *item;

  g_assert_cmpuint (items->len, ==, 5);

  item = item_at (items, 0);
  g_assert_cmpint (item->kind, ==, CD_DUE_PROMISE);
  g_assert_cmpint (item->case_id, ==, b->id);
  g_assert_cmpint (item->due_at, ==, t - HOUR);

  /* Three things due at t: a's promise, then the follow-ups of a and b by id. */
  item = item_at (items, 1);
  g_assert_cmpint (item->kind, ==, CD_DUE_PROMISE);
  g_assert_cmpint (item->case_id, ==, a->id);
  g_assert_cmpstr (item->case_uid, ==, a->uid);
  g_assert_cmpint (item->follow_up_id, ==, 0);
  g_assert_cmpstr (item->customer_name, ==, "'; DROP TABLE cases; -- 😀");
  g_assert_cmpstr (item->product, ==, "Teapot 茶壶");
  g_assert_cmpstr (item->promise, ==, "Refund by Friday");

  item = item_at (items, 2);
  g_assert_cmpint (item->kind, ==, CD_DUE_FOLLOW_UP);
  g_assert_cmpint (item->case_id, ==, a->id);
  g_assert_cmpint (item->follow_up_id, ==, ((CdFollowUp *) a->followups->pdata[1])->id);
  g_assert_cmpint (item->due_at, ==, t);
  g_assert_cmpint (item->method, ==, CD_METHOD_PHONE);
  g_assert_cmpstr (item->promise, ==, "");

  item = item_at (items, 3);
  g_assert_cmpint (item->kind, ==, CD_DUE_FOLLOW_UP);
  g_assert_cmpint (item->case_id, ==, b->id);
  g_assert_cmpstr (item->customer_name, ==, "=1+1 \"张三\"");
  g_assert_cmpint (item->follow_up_id, >, ((CdFollowUp *) a->followups->pdata[1])->id);

  item = item_at (items, 4);
  g_assert_cmpint (item->due_at, ==, t + 2 * HOUR);
  g_assert_cmpint (item->follow_up_id, ==, ((CdFollowUp *) a->followups->pdata[0])->id);

  /* The head of the list is its first items, in the same order. */
  for (guint limit = 0; limit <= 6; limit++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) head = cd_due_list_head (f->db, G_MININT64, G_MAXINT64, limit,
                                                    &error);

      g_assert_no_error (error);
      g_assert_cmpuint (head->len, ==, MIN (limit, items->len));
      for (guint i = 0; i < head->len; i++)
        {
          g_assert_cmpint (item_at (head, i)->kind, ==, item_at (items, i)->kind);
          g_assert_cmpint (item_at (head, i)->due_at, ==, item_at (items, i)->due_at);
          g_assert_cmpint (item_at (head, i)->follow_up_id, ==, item_at (items, i)->follow_up_id);
        }
    }
}

/* [from, to): from included, to not; G_MININT64 takes all that is overdue. */
static void
test_bounds (Fixture       *f,
             gconstpointer  data)
{
  gint64 t = (gint64) 1700000000 * G_USEC_PER_SEC;
  gint64 times[] = { t + HOUR };
  g_autoptr(CdCase) a = add_case (f, "a", CD_STAGE_LISTEN, t, times, 1);
  g_autoptr(CdCase) old = add_case (f, "old", CD_STAGE_LISTEN, 1, NULL, 0);
  g_autoptr(GPtrArray) at_t = list (f, t, t + 1);
  g_autoptr(GPtrArray) before_t = list (f, G_MININT64, t);
  g_autoptr(GPtrArray) upto_follow_up = list (f, t, t + HOUR);
  g_autoptr(GPtrArray) with_follow_up = list (f, t + 1, t + HOUR + 1);
  g_autoptr(GPtrArray) empty = list (f, t + HOUR + 1, G_MAXINT64);

  g_assert_cmpuint (at_t->len, ==, 1);
  g_assert_cmpint (item_at (at_t, 0)->case_id, ==, a->id);
  g_assert_cmpuint (before_t->len, ==, 1);
  g_assert_cmpint (item_at (before_t, 0)->case_id, ==, old->id);
  g_assert_cmpuint (upto_follow_up->len, ==, 1);
  g_assert_cmpint (item_at (upto_follow_up, 0)->kind, ==, CD_DUE_PROMISE);
  g_assert_cmpuint (with_follow_up->len, ==, 1);
  g_assert_cmpint (item_at (with_follow_up, 0)->kind, ==, CD_DUE_FOLLOW_UP);
  g_assert_cmpuint (empty->len, ==, 0);
}

/* Closed cases have nothing due; a promise is kept once the case is past carrying it out (or
 * escalated); a follow-up made is not due. */
static void
test_excluded (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 t = cd_time_now ();
  gint64 times[] = { t, t + HOUR };
  g_autoptr(CdCase) closed = add_case (f, "closed", CD_STAGE_CLOSED, t, times, 2);
  g_autoptr(CdCase) following = add_case (f, "following", CD_STAGE_FOLLOW_UP, t, NULL, 0);
  g_autoptr(CdCase) escalated = add_case (f, "escalated", CD_STAGE_ESCALATED, t, times, 1);
  g_autoptr(CdCase) none = add_case (f, "no deadline", CD_STAGE_AGREE, CD_TIME_UNSET, NULL, 0);
  g_autoptr(CdCase) made = add_case (f, "made", CD_STAGE_IMPROVE, CD_TIME_UNSET, times, 2);
  g_autoptr(GPtrArray) items = NULL;
  CdFollowUp *first = g_ptr_array_index (made->followups, 0);

  first->done_at = t;
  first->satisfaction = 5;
  g_assert_true (cd_case_repository_update (f->repo, made, &error));
  g_assert_no_error (error);

  items = list (f, G_MININT64, G_MAXINT64);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (item_at (items, 0)->case_id, ==, escalated->id);
  g_assert_cmpint (item_at (items, 0)->kind, ==, CD_DUE_FOLLOW_UP);
  g_assert_cmpint (item_at (items, 1)->case_id, ==, made->id);
  g_assert_cmpint (item_at (items, 1)->due_at, ==, t + HOUR);
  (void) closed;
  (void) following;
  (void) none;
}

static void
collect_plan (CdDatabase *db,
              const char *sql,
              GString    *plan)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (cd_database_get_handle (db), explain, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
}

/* Databases hold a hundred thousand cases: both halves are index range scans, never a scan
 * of a table, whether or not ANALYZE has run. */
static void
test_query_plan (Fixture       *f,
                 gconstpointer  data)
{
  const char *queries[] = { CD_DUE_LIST_SQL, CD_DUE_COUNT_SQL };

  for (int analyzed = 0; analyzed < 2; analyzed++)
    {
      if (analyzed)
        {
          g_autoptr(GError) error = NULL;
          gint64 t = cd_time_now ();

          /* Many open cases at the stages a pending promise has, few with a deadline. */
          g_assert_true (cd_database_begin (f->db, &error));
          for (int i = 0; i < 2000; i++)
            {
              gint64 times[] = { t + i * HOUR };
              g_autoptr(CdCase) kase = add_case (f, "x", CD_STAGE_CARRY_OUT,
                                                 i % 100 == 0 ? t : CD_TIME_UNSET, times,
                                                 i % 50 == 0 ? 1 : 0);
            }
          g_assert_true (cd_database_commit (f->db, &error));
          g_assert_true (cd_database_exec (f->db, "ANALYZE", &error));
          g_assert_no_error (error);
        }
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          g_autoptr(GString) plan = g_string_new (NULL);

          collect_plan (f->db, queries[q], plan);
          g_test_message ("%s", plan->str);
          g_assert_nonnull (strstr (plan->str, "USING INDEX cases_promise_pending (promised_by>? "
                                               "AND promised_by<?)"));
          g_assert_nonnull (strstr (plan->str, "USING INDEX followups_due (due_at>? "
                                               "AND due_at<?)"));
          g_assert_nonnull (strstr (plan->str, "SEARCH c USING INTEGER PRIMARY KEY"));
          g_assert_null (strstr (plan->str, "SCAN c"));
          g_assert_null (strstr (plan->str, "SCAN f"));
        }
    }
}

/* The Due Today and Overdue views list the cases that have something due; the due list has
 * one item per promise or follow-up. The cases must be the same, and with one thing due a
 * case, so must the counts. */
static void
test_agrees_with_views (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CdCaseQuery) query = cd_case_query_new (CD_VIEW_DUE_TODAY);
  g_autoptr(GError) error = NULL;
  gint64 counts[CD_N_VIEWS];
  gint64 now = query->now;
  gint64 views[] = { CD_VIEW_DUE_TODAY, CD_VIEW_OVERDUE };
  gint64 soon = MIN (now + 1, query->day_end - 1);
  gint64 overdue_times[] = { now - DAY };
  gint64 today_times[] = { soon };
  gint64 made_times[] = { now - HOUR };

  g_object_unref (add_case (f, "promise overdue", CD_STAGE_AGREE, now - HOUR, NULL, 0));
  g_object_unref (add_case (f, "promise today", CD_STAGE_CARRY_OUT, soon, NULL, 0));
  g_object_unref (add_case (f, "promise tomorrow", CD_STAGE_AGREE, query->day_end, NULL, 0));
  g_object_unref (add_case (f, "kept", CD_STAGE_FOLLOW_UP, now - HOUR, NULL, 0));
  g_object_unref (add_case (f, "follow-up overdue", CD_STAGE_FOLLOW_UP, CD_TIME_UNSET,
                            overdue_times, 1));
  g_object_unref (add_case (f, "follow-up today", CD_STAGE_IMPROVE, CD_TIME_UNSET,
                            today_times, 1));
  g_object_unref (add_case (f, "closed", CD_STAGE_CLOSED, now - HOUR, made_times, 1));

  g_assert_true (cd_case_list_model_count_views (f->repo, query, counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts[CD_VIEW_DUE_TODAY], ==, 2);
  g_assert_cmpint (counts[CD_VIEW_OVERDUE], ==, 2);
  g_assert_cmpint (cd_due_count (f->db, now, query->day_end, NULL), ==, 2);
  g_assert_cmpint (cd_due_count (f->db, G_MININT64, now, NULL), ==, 2);

  /* A second thing due for a case already in a view: one more item, the same cases. */
  g_object_unref (add_case (f, "both overdue", CD_STAGE_LISTEN, now - 2 * HOUR,
                            overdue_times, 1));
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(CdCaseListModel) model = NULL;
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GHashTable) from_list = g_hash_table_new (g_int64_hash, g_int64_equal);
      guint n;

      cd_case_query_free (query);
      query = cd_case_query_new (views[v]);
      cd_case_query_set_today (query, now);
      model = cd_case_list_model_new (f->repo, query);
      items = views[v] == CD_VIEW_DUE_TODAY ? list (f, now, query->day_end)
                                            : list (f, G_MININT64, now);
      for (guint i = 0; i < items->len; i++)
        g_hash_table_add (from_list, &item_at (items, i)->case_id);

      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      g_assert_cmpuint (n, ==, g_hash_table_size (from_list));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CdCaseSummary) summary = g_list_model_get_item (G_LIST_MODEL (model), i);

          g_assert_true (g_hash_table_contains (from_list, &summary->id));
        }
      g_assert_cmpuint (items->len, ==, views[v] == CD_VIEW_OVERDUE ? 4 : 2);
    }
}

static CdCase *
add_promised_case (Fixture *f,
                   gint64   promised_by)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = cd_case_new ();
  CdCompensation *accepted = cd_compensation_new (CD_COMPENSATION_FULL_REFUND,
                                                  CD_COMPENSATION_ACCEPTED);
  CdCompensation *offered = cd_compensation_new (CD_COMPENSATION_COUPON,
                                                 CD_COMPENSATION_OFFERED);

  cd_case_set_string (&kase->promise, "Full refund");
  kase->stage = CD_STAGE_CARRY_OUT;
  kase->promised_by = promised_by;
  accepted->amount = accepted->cost = 5000;
  g_ptr_array_add (kase->compensations, accepted);
  g_ptr_array_add (kase->compensations, offered);
  g_assert_true (cd_case_repository_insert (f->repo, kase, &error));
  g_assert_no_error (error);
  return kase;
}

/* Rescheduling moves the deadline, and the timeline says from when to when. */
static void
test_reschedule (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 t = (gint64) 1700000000 * G_USEC_PER_SEC;
  gint64 times[] = { t + HOUR };
  g_autoptr(CdCase) kase = add_case (f, "a", CD_STAGE_AGREE, t, times, 1);
  g_autoptr(GPtrArray) items = list (f, G_MININT64, G_MAXINT64);
  g_autoptr(CdDueChange) promise_change = NULL;
  g_autoptr(CdDueChange) follow_up_change = NULL;
  g_autoptr(CdCase) after = NULL;
  g_autofree char *old_text = cd_time_format (t);
  g_autofree char *new_text = cd_time_format (t + DAY);
  g_autofree char *expected = g_strdup_printf ("promised_by: %s → %s", old_text, new_text);
  CdTimelineEvent *event;

  promise_change = cd_due_reschedule (f->repo, item_at (items, 0), t + DAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (promise_change);
  g_assert_cmpuint (f->changed->len, ==, 1);
  g_assert_cmpint (g_array_index (f->changed, gint64, 0), ==, kase->id);

  after = load (f, kase->id);
  g_assert_cmpint (after->promised_by, ==, t + DAY);
  g_assert_cmpint (((CdFollowUp *) after->followups->pdata[0])->due_at, ==, t + HOUR);
  event = last_event (after);
  g_assert_cmpstr (event->kind, ==, CD_EVENT_EDITED);
  g_assert_cmpstr (event->text, ==, expected);
  g_clear_object (&after);

  follow_up_change = cd_due_reschedule (f->repo, item_at (items, 1), t + 3 * DAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (follow_up_change);
  after = load (f, kase->id);
  g_assert_cmpint (after->promised_by, ==, t + DAY);
  g_assert_cmpint (((CdFollowUp *) after->followups->pdata[0])->due_at, ==, t + 3 * DAY);
  g_assert_true (g_str_has_prefix (last_event (after)->text, "follow_up.due_at: "));
  g_clear_pointer (&items, g_ptr_array_unref);

  items = list (f, G_MININT64, G_MAXINT64);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (item_at (items, 0)->due_at, ==, t + DAY);
  g_assert_cmpint (item_at (items, 1)->due_at, ==, t + 3 * DAY);

  /* The follow-ups are written again with every edit of the case, under the same ids: an item
   * read before still names its follow-up; once the follow-up is gone, it names nothing. */
  g_assert_cmpint (item_at (items, 1)->follow_up_id, ==,
                   ((CdFollowUp *) kase->followups->pdata[0])->id);
  g_clear_object (&after);
  after = load (f, kase->id);
  g_ptr_array_set_size (after->followups, 0);
  g_assert_true (cd_case_repository_update (f->repo, after, &error));
  g_assert_null (cd_due_reschedule (f->repo, item_at (items, 1), t, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
}

/* Mark Done on a promise: accepted compensations done at that time, the case on to the
 * follow-up stage, the promise no longer due and counted kept; a second time is refused. */
static void
test_mark_promise_done (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = cd_time_now ();
  g_autoptr(CdCase) kase = add_promised_case (f, now + HOUR);
  g_autoptr(CdDueChange) change = NULL;
  g_autoptr(CdCase) after = NULL;
  g_autoptr(CdReport) report = NULL;
  CdCompensation *refund, *coupon;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (cd_due_count (f->db, G_MININT64, G_MAXINT64, NULL), ==, 1);
  change = cd_due_mark_promise_done (f->repo, kase->id, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_assert_cmpint (cd_due_change_get_case_id (change), ==, kase->id);
  g_assert_cmpuint (f->changed->len, ==, 1);

  after = load (f, kase->id);
  g_assert_cmpint (after->stage, ==, CD_STAGE_FOLLOW_UP);
  g_assert_cmpint (after->promised_by, ==, now + HOUR);
  refund = g_ptr_array_index (after->compensations, 0);
  coupon = g_ptr_array_index (after->compensations, 1);
  g_assert_cmpint (refund->status, ==, CD_COMPENSATION_DONE);
  g_assert_cmpint (refund->done_at, ==, now);
  g_assert_cmpint (coupon->status, ==, CD_COMPENSATION_OFFERED);
  g_assert_cmpint (coupon->done_at, ==, CD_TIME_UNSET);

  lines = g_strsplit (last_event (after)->text, "\n", -1);
  g_assert_cmpstr (last_event (after)->kind, ==, CD_EVENT_EDITED);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "stage: carry_out → follow_up");
  g_assert_cmpstr (lines[1], ==, "compensation.status: accepted → done");
  g_assert_true (g_str_has_prefix (lines[2], "compensation.done_at: — → "));

  g_assert_cmpint (cd_due_count (f->db, G_MININT64, G_MAXINT64, NULL), ==, 0);
  report = cd_report_compute (f->db, now - DAY, now + DAY, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->promises_kept, ==, 1);
  g_assert_cmpint (report->promises_pending, ==, 0);
  g_assert_cmpint (report->promises_late, ==, 0);

  g_assert_null (cd_due_mark_promise_done (f->repo, kase->id, now, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_null (cd_due_mark_promise_done (f->repo, kase->id + 100, now, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_assert_cmpuint (f->changed->len, ==, 1);
}

/* Done after the deadline: no longer due, and the reports count it late. */
static void
test_mark_promise_done_late (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = cd_time_now ();
  g_autoptr(CdCase) kase = add_promised_case (f, now - DAY);
  g_autoptr(CdDueChange) change = cd_due_mark_promise_done (f->repo, kase->id, now, &error);
  g_autoptr(CdReport) report = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (change);
  report = cd_report_compute (f->db, now - 2 * DAY, now + DAY, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->promises_kept, ==, 0);
  g_assert_cmpint (report->promises_late, ==, 1);
  g_assert_cmpint (cd_due_count (f->db, G_MININT64, G_MAXINT64, NULL), ==, 0);
}

/* Recording a follow-up writes when, how satisfied and the remarks; out-of-range values are
 * refused before anything is written. */
static void
test_record_follow_up (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = cd_time_now ();
  gint64 times[] = { now - HOUR, now + HOUR };
  g_autoptr(CdCase) kase = add_case (f, "a", CD_STAGE_FOLLOW_UP, CD_TIME_UNSET, times, 2);
  g_autoptr(GPtrArray) items = list (f, G_MININT64, G_MAXINT64);
  g_autoptr(GPtrArray) remaining = NULL;
  g_autoptr(CdFollowUp) made = cd_follow_up_new (now - HOUR);
  g_autoptr(CdDueChange) change = NULL;
  g_autoptr(CdCase) after = NULL;
  CdFollowUp *first, *second;
  g_auto(GStrv) lines = NULL;

  made->id = item_at (items, 0)->follow_up_id;
  made->method = CD_METHOD_SMS;
  made->satisfaction = 6;
  made->done_at = now;
  cd_case_set_string (&made->remarks, "满意，谢谢 \"quoted\"");

  g_assert_null (cd_due_record_follow_up (f->repo, kase->id, made, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  g_clear_error (&error);
  made->satisfaction = 4;
  made->done_at = CD_TIME_UNSET;
  g_assert_null (cd_due_record_follow_up (f->repo, kase->id, made, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (f->changed->len, ==, 0);

  made->done_at = now;
  change = cd_due_record_follow_up (f->repo, kase->id, made, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);

  after = load (f, kase->id);
  first = g_ptr_array_index (after->followups, 0);
  second = g_ptr_array_index (after->followups, 1);
  g_assert_cmpint (first->done_at, ==, now);
  g_assert_cmpint (first->satisfaction, ==, 4);
  g_assert_cmpint (first->method, ==, CD_METHOD_SMS);
  g_assert_cmpstr (first->remarks, ==, "满意，谢谢 \"quoted\"");
  g_assert_cmpint (first->due_at, ==, now - HOUR);
  g_assert_cmpint (second->done_at, ==, CD_TIME_UNSET);
  g_assert_cmpint (after->stage, ==, CD_STAGE_FOLLOW_UP);

  lines = g_strsplit (last_event (after)->text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "follow_up.recorded: 4");
  g_assert_cmpstr (lines[1], ==, "follow_up.method: phone → sms");
  g_assert_cmpstr (lines[2], ==, "follow_up.remarks:  → 满意，谢谢 \"quoted\"");

  remaining = list (f, G_MININT64, G_MAXINT64);
  g_assert_cmpuint (remaining->len, ==, 1);
  g_assert_cmpint (item_at (remaining, 0)->due_at, ==, now + HOUR);

  /* Made already: it cannot be rescheduled. */
  g_assert_null (cd_due_reschedule (f->repo, item_at (items, 0), now, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_CONFLICT);
}

/* Undo puts the case back as it was, as one more timeline event; once someone else changed
 * the case since, it refuses and writes nothing. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = cd_time_now ();
  g_autoptr(CdCase) kase = add_promised_case (f, now + HOUR);
  g_autoptr(CdDueChange) change = cd_due_mark_promise_done (f->repo, kase->id, now, &error);
  g_autoptr(CdCase) after = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n_events;

  g_assert_no_error (error);
  g_assert_true (cd_due_change_undo (change, f->repo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed->len, ==, 2);

  after = load (f, kase->id);
  g_assert_cmpint (after->stage, ==, CD_STAGE_CARRY_OUT);
  g_assert_cmpint (((CdCompensation *) after->compensations->pdata[0])->status, ==,
                   CD_COMPENSATION_ACCEPTED);
  g_assert_cmpint (((CdCompensation *) after->compensations->pdata[0])->done_at, ==,
                   CD_TIME_UNSET);
  /* created, done, undone */
  g_assert_cmpuint (after->events->len, ==, 3);
  g_assert_true (g_str_has_prefix (last_event (after)->text,
                                   "stage: follow_up → carry_out\n"
                                   "compensation.status: done → accepted\n"
                                   "compensation.done_at: "));
  g_assert_true (g_str_has_suffix (last_event (after)->text, " → —"));
  g_assert_cmpint (cd_due_count (f->db, G_MININT64, G_MAXINT64, NULL), ==, 1);
  g_clear_object (&after);

  /* Rescheduled, then edited elsewhere: the reschedule can no longer be undone. */
  items = list (f, G_MININT64, G_MAXINT64);
  g_clear_pointer (&change, cd_due_change_free);
  change = cd_due_reschedule (f->repo, item_at (items, 0), now + DAY, &error);
  g_assert_no_error (error);
  after = load (f, kase->id);
  cd_case_set_string (&after->customer_name, "renamed");
  g_assert_true (cd_case_repository_update (f->repo, after, &error));
  n_events = after->events->len;
  g_assert_false (cd_due_change_undo (change, f->repo, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_CONFLICT);
  g_clear_object (&after);
  after = load (f, kase->id);
  g_assert_cmpint (after->promised_by, ==, now + DAY);
  g_assert_cmpuint (after->events->len, ==, n_events);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/due-list/order", test_order);
  ADD ("/due-list/bounds", test_bounds);
  ADD ("/due-list/excluded", test_excluded);
  ADD ("/due-list/query-plan", test_query_plan);
  ADD ("/due-list/agrees-with-views", test_agrees_with_views);
  ADD ("/due-list/reschedule", test_reschedule);
  ADD ("/due-list/mark-promise-done", test_mark_promise_done);
  ADD ("/due-list/mark-promise-done-late", test_mark_promise_done_late);
  ADD ("/due-list/record-follow-up", test_record_follow_up);
  ADD ("/due-list/undo", test_undo);
#undef ADD

  return g_test_run ();
}
