/* test-report.c — what service costs, over a period (cd-report.h)
 *
 * One fixed data set; every figure below is worked out by hand in the comments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cd-case-repository.h"
#include "cd-report.h"
#include "cd-test-util.h"
#include "cd-time.h"

#define SECOND G_GINT64_CONSTANT (1000000)
#define HOUR   (3600 * SECOND)
#define DAY    (24 * HOUR)

typedef struct
{
  char             *dir;
  CdDatabase       *db;
  CdCaseRepository *repo;
} Fixture;

static gint64
utc (int year,
     int month,
     int day,
     int hour)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (dt) * SECOND;
}

static CdCase *
make_case (const char  *uid,
           gint64       created_at,
           gint64       updated_at,
           CdCategory   category,
           CdRootCause  root_cause,
           CdStage      stage,
           gint64       promised_by)
{
  CdCase *kase = cd_case_new ();

  cd_case_set_string (&kase->uid, uid);
  kase->created_at = created_at;
  kase->updated_at = updated_at;
  kase->category = category;
  kase->root_cause = root_cause;
  kase->stage = stage;
  kase->promised_by = promised_by;
  return kase;
}

static void
add_compensation (CdCase               *kase,
                  CdCompensationKind    kind,
                  CdCompensationStatus  status,
                  gint64                cost,
                  gint64                done_at)
{
  CdCompensation *c = cd_compensation_new (kind, status);

  c->amount = cost;
  c->cost = cost;
  c->done_at = done_at;
  g_ptr_array_add (kase->compensations, c);
}

static void
add_follow_up (CdCase *kase,
               gint64  done_at,
               int     satisfaction)
{
  /* A visit not made yet is due far ahead (and CD_TIME_UNSET - DAY would overflow). */
  CdFollowUp *f = cd_follow_up_new (done_at == CD_TIME_UNSET ? G_MAXINT64 / 2 : done_at - DAY);

  f->done_at = done_at;
  f->satisfaction = satisfaction;
  g_ptr_array_add (kase->followups, f);
}

static void
store (Fixture *f,
       CdCase  *kase)
{
  g_autoptr(GError) error = NULL;
  CdStoreResult result;

  g_assert_true (cd_case_repository_store_imported (f->repo, kase, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, CD_STORE_ADDED);
}

/* The period is March and April 2024; "now" is 20 April. */
#define FROM utc (2024, 3, 1, 0)
#define TO   utc (2024, 5, 1, 0)
#define NOW  utc (2024, 4, 20, 0)

/* Case A, entered through the UI path (insert: its updated_at becomes the real now). */
static void
insert_case_a (Fixture *f)
{
  g_autoptr(CdCase) a = make_case ("", utc (2024, 3, 5, 10), 0, CD_CATEGORY_QUALITY,
                                   CD_ROOT_CAUSE_PRODUCT_QUALITY, CD_STAGE_CARRY_OUT,
                                   utc (2024, 3, 12, 0));
  g_autoptr(GError) error = NULL;

  /* done 10 March, by the deadline: March partial_refund 1500, and the promise is kept */
  add_compensation (a, CD_COMPENSATION_PARTIAL_REFUND, CD_COMPENSATION_DONE, 1500,
                    utc (2024, 3, 10, 0));
  /* accepted, not done: placed at the case's created_at, March coupon 300 */
  add_compensation (a, CD_COMPENSATION_COUPON, CD_COMPENSATION_ACCEPTED, 300, CD_TIME_UNSET);
  /* declined and offered cost nothing */
  add_compensation (a, CD_COMPENSATION_GOODWILL_PAYMENT, CD_COMPENSATION_DECLINED, 999,
                    CD_TIME_UNSET);
  add_compensation (a, CD_COMPENSATION_GIFT, CD_COMPENSATION_OFFERED, 777, CD_TIME_UNSET);
  /* done 2 May, after the period: not counted although the case is in it */
  add_compensation (a, CD_COMPENSATION_FULL_REFUND, CD_COMPENSATION_DONE, 700,
                    utc (2024, 5, 2, 0));
  add_follow_up (a, utc (2024, 3, 20, 9), 4);
  g_assert_true (cd_case_repository_insert (f->repo, a, &error));
  g_assert_no_error (error);
}

static void
store_cases_b_to_e (Fixture *f)
{
  g_autoptr(CdCase) b = make_case ("b", utc (2024, 3, 20, 8), utc (2024, 3, 22, 8),
                                   CD_CATEGORY_QUALITY, CD_ROOT_CAUSE_PACKAGING,
                                   CD_STAGE_CLOSED, utc (2024, 4, 1, 0));
  g_autoptr(CdCase) c = make_case ("c", utc (2024, 4, 10, 12), utc (2024, 4, 11, 0),
                                   CD_CATEGORY_DAMAGED, CD_ROOT_CAUSE_COURIER,
                                   CD_STAGE_CLOSED, utc (2024, 4, 15, 0));
  g_autoptr(CdCase) d = make_case ("d", utc (2024, 4, 15, 0), utc (2024, 4, 20, 0),
                                   CD_CATEGORY_DAMAGED, CD_ROOT_CAUSE_COURIER,
                                   CD_STAGE_CLOSED, utc (2024, 4, 25, 0));
  g_autoptr(CdCase) e = make_case ("e", utc (2024, 3, 25, 0), utc (2024, 3, 25, 0),
                                   CD_CATEGORY_WRONG_ITEM, CD_ROOT_CAUSE_NONE,
                                   CD_STAGE_LISTEN, utc (2024, 5, 3, 0));

  /* B, created in March, closed after 2 days; its costs fall in April, when they were done,
   * after the 1 April deadline, so its promise is late */
  add_compensation (b, CD_COMPENSATION_REPLACEMENT, CD_COMPENSATION_DONE, 2000,
                    utc (2024, 4, 2, 0));
  add_compensation (b, CD_COMPENSATION_PARTIAL_REFUND, CD_COMPENSATION_DONE, 500,
                    utc (2024, 4, 3, 0));
  add_follow_up (b, utc (2024, 4, 5, 0), 5);
  add_follow_up (b, utc (2024, 4, 6, 0), 2);
  add_follow_up (b, CD_TIME_UNSET, 0);            /* not done yet */

  /* C, closed after 12 hours; nothing done and its 15 April deadline is before now: late */
  add_follow_up (c, utc (2024, 4, 12, 0), 4);
  add_follow_up (c, utc (2024, 4, 13, 0), 0);     /* done, no score */

  /* D, closed after 5 days; its 25 April deadline is after now: pending */
  add_follow_up (d, utc (2024, 4, 18, 0), 3);

  /* E: a coupon done in the last second of the period counts (April coupon 250); its
   * deadline (3 May) and its follow-up (done at the period's end) fall outside */
  add_compensation (e, CD_COMPENSATION_COUPON, CD_COMPENSATION_DONE, 250,
                    utc (2024, 4, 30, 23) + 3599 * SECOND);
  add_follow_up (e, utc (2024, 5, 1, 0), 1);

  store (f, b);
  store (f, c);
  store (f, d);
  store (f, e);
}

static void
store_cases_outside (Fixture *f)
{
  g_autoptr(CdCase) outside = make_case ("f", utc (2024, 2, 20, 0), utc (2024, 2, 21, 0),
                                         CD_CATEGORY_QUALITY, CD_ROOT_CAUSE_PRODUCT_QUALITY,
                                         CD_STAGE_CLOSED, utc (2024, 2, 25, 0));
  g_autoptr(CdCase) g = make_case ("g", utc (2024, 2, 10, 0), utc (2024, 3, 15, 0),
                                   CD_CATEGORY_OTHER, CD_ROOT_CAUSE_OTHER,
                                   CD_STAGE_LISTEN, CD_TIME_UNSET);
  g_autoptr(CdCase) h = make_case ("h", TO, TO, CD_CATEGORY_OTHER, CD_ROOT_CAUSE_STOCK,
                                   CD_STAGE_CLOSED, TO);

  /* F lies wholly in February and must not count anywhere */
  add_compensation (outside, CD_COMPENSATION_FULL_REFUND, CD_COMPENSATION_DONE, 5000,
                    utc (2024, 2, 22, 0));
  add_compensation (outside, CD_COMPENSATION_EXPEDITE, CD_COMPENSATION_ACCEPTED, 900,
                    CD_TIME_UNSET);
  add_follow_up (outside, utc (2024, 2, 28, 0), 1);

  /* G is a February case, so not counted as a case, but its cost was paid on 15 March:
   * March goodwill_payment 600 */
  add_compensation (g, CD_COMPENSATION_GOODWILL_PAYMENT, CD_COMPENSATION_DONE, 600,
                    utc (2024, 3, 15, 0));

  /* H starts exactly at the end of the period, which is excluded */
  add_compensation (h, CD_COMPENSATION_COUPON, CD_COMPENSATION_DONE, 100, TO);

  store (f, outside);
  store (f, g);
  store (f, h);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->repo = cd_case_repository_new (f->db);
  if (data == NULL)
    return;

  insert_case_a (f);
  g_assert_true (cd_database_begin (f->db, &error));
  store_cases_b_to_e (f);
  store_cases_outside (f);
  g_assert_true (cd_database_commit (f->db, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->repo);
  g_clear_object (&f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

static CdReport *
compute (Fixture *f,
         gint64   from,
         gint64   to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  CdReport *report = cd_report_compute_in_zone (f->db, zone, from, to, NOW, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
assert_cost_row (const CdReport *report,
                 guint           i,
                 const char     *month,
                 const char     *kind,
                 gint64          cost)
{
  const CdReportCostRow *row = g_ptr_array_index (report->cost_by_month_kind, i);

  g_assert_cmpstr (row->month, ==, month);
  g_assert_cmpstr (row->kind, ==, kind);
  g_assert_cmpint (row->cost, ==, cost);
}

static void
assert_count_row (GPtrArray  *rows,
                  guint       i,
                  const char *key,
                  gint64      count)
{
  const CdReportCountRow *row = g_ptr_array_index (rows, i);

  g_assert_cmpstr (row->key, ==, key);
  g_assert_cmpint (row->count, ==, count);
}

static void
assert_satisfaction (const CdReportSatisfaction *s,
                     const char                 *month,
                     gint64                      count,
                     double                      average,
                     const gint64                distribution[5])
{
  g_assert_cmpstr (s->month, ==, month);
  g_assert_cmpint (s->count, ==, count);
  g_assert_cmpfloat_with_epsilon (s->average, average, 1e-12);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (s->distribution[i], ==, distribution[i]);
}

/* March and April 2024 */
static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CdReport) report = compute (f, FROM, TO);
  static const gint64 all[5] = { 0, 1, 1, 2, 1 };
  static const gint64 march[5] = { 0, 0, 0, 1, 0 };
  static const gint64 april[5] = { 0, 1, 1, 1, 1 };

  g_assert_cmpint (report->from, ==, FROM);
  g_assert_cmpint (report->to, ==, TO);
  g_assert_cmpint (report->now, ==, NOW);
  g_assert_cmpuint (g_strv_length (report->months), ==, 2);
  g_assert_cmpstr (report->months[0], ==, "2024-03");
  g_assert_cmpstr (report->months[1], ==, "2024-04");

  /* March: coupon 300 (A), goodwill_payment 600 (G), partial_refund 1500 (A);
   * April: coupon 250 (E), partial_refund 500 (B), replacement 2000 (B);
   * total 300 + 600 + 1500 + 250 + 500 + 2000 = 5150 */
  g_assert_cmpint (report->total_cost, ==, 5150);
  g_assert_cmpuint (report->cost_by_month_kind->len, ==, 6);
  assert_cost_row (report, 0, "2024-03", "coupon", 300);
  assert_cost_row (report, 1, "2024-03", "goodwill_payment", 600);
  assert_cost_row (report, 2, "2024-03", "partial_refund", 1500);
  assert_cost_row (report, 3, "2024-04", "coupon", 250);
  assert_cost_row (report, 4, "2024-04", "partial_refund", 500);
  assert_cost_row (report, 5, "2024-04", "replacement", 2000);

  /* cases A, B, C, D, E; not F, G (February) nor H (at the end, excluded) */
  g_assert_cmpint (report->n_cases, ==, 5);
  /* quality A B, damaged C D, wrong_item E; most first, ties by nick */
  g_assert_cmpuint (report->cases_by_category->len, ==, 3);
  assert_count_row (report->cases_by_category, 0, "damaged", 2);
  assert_count_row (report->cases_by_category, 1, "quality", 2);
  assert_count_row (report->cases_by_category, 2, "wrong_item", 1);
  /* courier C D, then "" (not yet known) E, packaging B, product_quality A */
  g_assert_cmpuint (report->cases_by_root_cause->len, ==, 4);
  assert_count_row (report->cases_by_root_cause, 0, "courier", 2);
  assert_count_row (report->cases_by_root_cause, 1, "", 1);
  assert_count_row (report->cases_by_root_cause, 2, "packaging", 1);
  assert_count_row (report->cases_by_root_cause, 3, "product_quality", 1);

  /* scores done in the period: A 4 (20 March); B 5 and 2, C 4, D 3 (April); not B's open
   * follow-up, C's unscored one, E's (1 May) nor F's (February).
   * All: 4 + 5 + 2 + 4 + 3 = 18 over 5 = 3.6; March: 4 over 1; April: 14 over 4 = 3.5 */
  assert_satisfaction (&report->satisfaction, NULL, 5, 3.6, all);
  g_assert_cmpuint (report->satisfaction_by_month->len, ==, 2);
  assert_satisfaction (g_ptr_array_index (report->satisfaction_by_month, 0),
                       "2024-03", 1, 4.0, march);
  assert_satisfaction (g_ptr_array_index (report->satisfaction_by_month, 1),
                       "2024-04", 4, 3.5, april);

  /* closed: C 12 h, B 2 days, D 5 days (F is February); the median is B's 2 days */
  g_assert_cmpint (report->n_closed, ==, 3);
  g_assert_cmpint (report->median_time_to_close, ==, 2 * DAY);

  /* deadlines in the period: A kept, B late (done after), C late (passed, nothing done),
   * D pending; E's (May) and F's (February) are outside */
  g_assert_cmpint (report->promises_kept, ==, 1);
  g_assert_cmpint (report->promises_late, ==, 2);
  g_assert_cmpint (report->promises_pending, ==, 1);

  /* 5150 / 7 = 735.71 → 736; 5150 / 4 = 1287.5 → 1288 (half up); 5150 / 5150 = 1 */
  g_assert_cmpint (cd_report_cost_per_order (report, 7), ==, 736);
  g_assert_cmpint (cd_report_cost_per_order (report, 4), ==, 1288);
  g_assert_cmpint (cd_report_cost_per_order (report, 5150), ==, 1);
  g_assert_cmpint (cd_report_cost_per_order (report, 0), ==, 0);
  g_assert_cmpint (cd_report_cost_per_order (report, -3), ==, 0);
  /* 5150 / 100 000 = 51.5 ‰ → 52; 5150 / 1 000 000 = 5.15 ‰ → 5; 5150 / 5150 = 1000 ‰;
   * 5150 / 1000 = 5150 ‰ */
  g_assert_cmpint (cd_report_cost_share_per_mille (report, 100000), ==, 52);
  g_assert_cmpint (cd_report_cost_share_per_mille (report, 1000000), ==, 5);
  g_assert_cmpint (cd_report_cost_share_per_mille (report, 5150), ==, 1000);
  g_assert_cmpint (cd_report_cost_share_per_mille (report, 1000), ==, 5150);
  g_assert_cmpint (cd_report_cost_share_per_mille (report, 0), ==, 0);
}

/* April alone */
static void
test_april (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CdReport) report = compute (f, utc (2024, 4, 1, 0), TO);
  static const gint64 april[5] = { 0, 1, 1, 1, 1 };

  /* coupon 250 + partial_refund 500 + replacement 2000 = 2750 */
  g_assert_cmpint (report->total_cost, ==, 2750);
  g_assert_cmpuint (report->cost_by_month_kind->len, ==, 3);
  assert_cost_row (report, 0, "2024-04", "coupon", 250);
  assert_cost_row (report, 2, "2024-04", "replacement", 2000);

  /* C and D */
  g_assert_cmpint (report->n_cases, ==, 2);
  g_assert_cmpuint (report->cases_by_category->len, ==, 1);
  assert_count_row (report->cases_by_category, 0, "damaged", 2);

  assert_satisfaction (&report->satisfaction, NULL, 4, 3.5, april);

  /* an even count: the mean of 12 h and 5 days, (43 200 s + 432 000 s) / 2 = 237 600 s */
  g_assert_cmpint (report->n_closed, ==, 2);
  g_assert_cmpint (report->median_time_to_close, ==, 237600 * SECOND);

  /* B, C late; D pending; A's deadline is in March */
  g_assert_cmpint (report->promises_kept, ==, 0);
  g_assert_cmpint (report->promises_late, ==, 2);
  g_assert_cmpint (report->promises_pending, ==, 1);
}

static void
assert_all_zero (const CdReport *report)
{
  static const gint64 none[5] = { 0, 0, 0, 0, 0 };

  g_assert_cmpint (report->total_cost, ==, 0);
  g_assert_cmpuint (report->cost_by_month_kind->len, ==, 0);
  g_assert_cmpint (report->n_cases, ==, 0);
  g_assert_cmpuint (report->cases_by_category->len, ==, 0);
  g_assert_cmpuint (report->cases_by_root_cause->len, ==, 0);
  assert_satisfaction (&report->satisfaction, NULL, 0, 0.0, none);
  g_assert_cmpuint (report->satisfaction_by_month->len, ==, 0);
  g_assert_cmpint (report->n_closed, ==, 0);
  g_assert_cmpint (report->median_time_to_close, ==, 0);
  g_assert_cmpint (report->promises_kept, ==, 0);
  g_assert_cmpint (report->promises_late, ==, 0);
  g_assert_cmpint (report->promises_pending, ==, 0);
  g_assert_cmpint (cd_report_cost_per_order (report, 10), ==, 0);
  g_assert_cmpint (cd_report_cost_per_order (report, 0), ==, 0);
  g_assert_cmpint (cd_report_cost_share_per_mille (report, 10000), ==, 0);
  g_assert_cmpint (cd_report_cost_share_per_mille (report, 0), ==, 0);
}

/* A period with nothing in it, on the data set and on an empty database, and a period
 * that is empty because it ends where it starts. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CdReport) later = compute (f, utc (2030, 1, 1, 0), utc (2030, 2, 1, 0));
  g_autoptr(CdReport) instant = compute (f, FROM, FROM);

  assert_all_zero (later);
  assert_all_zero (instant);
  g_assert_cmpuint (g_strv_length (later->months), ==, 1);
  g_assert_cmpstr (later->months[0], ==, "2030-01");
  g_assert_cmpuint (g_strv_length (instant->months), ==, 0);
}

/* Computing inside the caller's transaction nests and leaves it open. */
static void
test_in_transaction (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdReport) report = NULL;

  g_assert_true (cd_database_begin (f->db, &error));
  report = compute (f, FROM, TO);
  g_assert_true (cd_database_in_transaction (f->db));
  g_assert_true (cd_database_commit (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->total_cost, ==, 5150);
}

/* Local months */

static gint64
local (GTimeZone *zone,
       int        year,
       int        month,
       int        day,
       int        hour,
       int        minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (zone, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt) * SECOND;
}

/* A case first contacted at @at, with one compensation done then and one score then. */
static void
store_sale (Fixture            *f,
            const char         *uid,
            gint64              at,
            CdCompensationKind  kind,
            gint64              cost,
            int                 score)
{
  g_autoptr(CdCase) kase = make_case (uid, at, at, CD_CATEGORY_QUALITY, CD_ROOT_CAUSE_NONE,
                                      CD_STAGE_FOLLOW_UP, CD_TIME_UNSET);

  add_compensation (kase, kind, CD_COMPENSATION_DONE, cost, at);
  add_follow_up (kase, at, score);
  store (f, kase);
}

static CdReport *
compute_in (Fixture    *f,
            const char *zone_id,
            gint64      from,
            gint64      to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);
  CdReport *report;

  g_assert_nonnull (zone);
  report = cd_report_compute_in_zone (f->db, zone, from, to, NOW, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* A seller in UTC+8 sees a sale at 00:30 on 1 April in April, although it is still
 * 31 March in UTC; and one at 01:00 on 1 May outside April, although UTC says April. */
static void
test_zone_shanghai (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(CdReport) april = NULL;
  g_autoptr(CdReport) both = NULL;
  static const gint64 march_scores[5] = { 0, 0, 1, 0, 0 };
  static const gint64 april_scores[5] = { 0, 0, 0, 0, 1 };

  /* 2024-03-31 16:30 UTC = 1 April 00:30 in Shanghai */
  store_sale (f, "s1", utc (2024, 3, 31, 16) + 30 * 60 * SECOND, CD_COMPENSATION_COUPON, 100, 5);
  /* 2024-03-31 15:30 UTC = 31 March 23:30 */
  store_sale (f, "s2", utc (2024, 3, 31, 15) + 30 * 60 * SECOND,
              CD_COMPENSATION_PARTIAL_REFUND, 200, 3);
  /* 2024-04-30 17:00 UTC = 1 May 01:00 */
  store_sale (f, "s3", utc (2024, 4, 30, 17), CD_COMPENSATION_GIFT, 400, 1);

  /* April in Shanghai is [31 March 16:00 UTC, 30 April 16:00 UTC) */
  g_assert_cmpint (local (zone, 2024, 4, 1, 0, 0), ==, utc (2024, 3, 31, 16));
  april = compute_in (f, "Asia/Shanghai", local (zone, 2024, 4, 1, 0, 0),
                      local (zone, 2024, 5, 1, 0, 0));
  g_assert_cmpuint (g_strv_length (april->months), ==, 1);
  g_assert_cmpstr (april->months[0], ==, "2024-04");
  g_assert_cmpint (april->n_cases, ==, 1);
  g_assert_cmpint (april->total_cost, ==, 100);
  g_assert_cmpuint (april->cost_by_month_kind->len, ==, 1);
  assert_cost_row (april, 0, "2024-04", "coupon", 100);
  g_assert_cmpuint (april->satisfaction_by_month->len, ==, 1);
  assert_satisfaction (g_ptr_array_index (april->satisfaction_by_month, 0), "2024-04", 1, 5.0,
                       april_scores);

  /* March and April: s2 in March, s1 in April, s3 in May (outside) */
  both = compute_in (f, "Asia/Shanghai", local (zone, 2024, 3, 1, 0, 0),
                     local (zone, 2024, 5, 1, 0, 0));
  g_assert_cmpuint (g_strv_length (both->months), ==, 2);
  g_assert_cmpint (both->total_cost, ==, 300);
  g_assert_cmpuint (both->cost_by_month_kind->len, ==, 2);
  assert_cost_row (both, 0, "2024-03", "partial_refund", 200);
  assert_cost_row (both, 1, "2024-04", "coupon", 100);
  g_assert_cmpuint (both->satisfaction_by_month->len, ==, 2);
  assert_satisfaction (g_ptr_array_index (both->satisfaction_by_month, 0), "2024-03", 1, 3.0,
                       march_scores);
  assert_satisfaction (g_ptr_array_index (both->satisfaction_by_month, 1), "2024-04", 1, 5.0,
                       april_scores);
}

/* Berlin moves from UTC+1 to UTC+2 on 31 March 2024, so March starts at 23:00 UTC and April
 * at 22:00 UTC: one fixed offset for the period would put a sale in the wrong month. */
static void
test_zone_daylight_saving (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(CdReport) report = NULL;
  gint64 from = local (zone, 2024, 3, 1, 0, 0);
  gint64 to = local (zone, 2024, 5, 1, 0, 0);
  gint64 half_hour = 30 * 60 * SECOND;

  g_assert_cmpint (from, ==, utc (2024, 2, 29, 23));
  g_assert_cmpint (local (zone, 2024, 4, 1, 0, 0), ==, utc (2024, 3, 31, 22));
  g_assert_cmpint (to, ==, utc (2024, 4, 30, 22));

  /* 1 March 00:30 CET: March */
  store_sale (f, "b1", utc (2024, 2, 29, 23) + half_hour, CD_COMPENSATION_COUPON, 10, 4);
  /* 31 March 23:30 CEST: March */
  store_sale (f, "b2", utc (2024, 3, 31, 21) + half_hour, CD_COMPENSATION_COUPON, 20, 4);
  /* 1 April 00:30 CEST: April (at UTC+1 it would still be March) */
  store_sale (f, "b3", utc (2024, 3, 31, 22) + half_hour, CD_COMPENSATION_COUPON, 40, 2);
  /* 29 February 23:30 CET and 1 May 00:30 CEST: outside */
  store_sale (f, "b4", utc (2024, 2, 29, 22) + half_hour, CD_COMPENSATION_COUPON, 80, 1);
  store_sale (f, "b5", utc (2024, 4, 30, 22) + half_hour, CD_COMPENSATION_COUPON, 160, 1);

  report = compute_in (f, "Europe/Berlin", from, to);
  g_assert_cmpuint (g_strv_length (report->months), ==, 2);
  g_assert_cmpint (report->n_cases, ==, 3);
  g_assert_cmpint (report->total_cost, ==, 70);
  g_assert_cmpuint (report->cost_by_month_kind->len, ==, 2);
  assert_cost_row (report, 0, "2024-03", "coupon", 30);
  assert_cost_row (report, 1, "2024-04", "coupon", 40);
  g_assert_cmpuint (report->satisfaction_by_month->len, ==, 2);
  g_assert_cmpint (((CdReportSatisfaction *) g_ptr_array_index (report->satisfaction_by_month,
                                                                 0))->count, ==, 2);
  g_assert_cmpint (((CdReportSatisfaction *) g_ptr_array_index (report->satisfaction_by_month,
                                                                 1))->count, ==, 1);
}

/* A period that does not start or end on a month's first: every month it touches is named,
 * and each counts only its part of the period. */
static void
test_partial_months (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CdReport) report = NULL;

  store_sale (f, "p1", utc (2024, 3, 10, 0), CD_COMPENSATION_COUPON, 1, 5);   /* before */
  store_sale (f, "p2", utc (2024, 3, 20, 0), CD_COMPENSATION_COUPON, 2, 5);
  store_sale (f, "p3", utc (2024, 5, 9, 0), CD_COMPENSATION_COUPON, 4, 5);
  store_sale (f, "p4", utc (2024, 5, 11, 0), CD_COMPENSATION_COUPON, 8, 5);   /* after */

  report = compute_in (f, "UTC", utc (2024, 3, 15, 0), utc (2024, 5, 10, 0));
  g_assert_cmpuint (g_strv_length (report->months), ==, 3);
  g_assert_cmpstr (report->months[0], ==, "2024-03");
  g_assert_cmpstr (report->months[1], ==, "2024-04");
  g_assert_cmpstr (report->months[2], ==, "2024-05");
  g_assert_cmpint (report->total_cost, ==, 6);
  g_assert_cmpuint (report->cost_by_month_kind->len, ==, 2);
  assert_cost_row (report, 0, "2024-03", "coupon", 2);
  assert_cost_row (report, 1, "2024-05", "coupon", 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/figures", Fixture, "data", fixture_set_up, test_figures,
              fixture_tear_down);
  g_test_add ("/report/april", Fixture, "data", fixture_set_up, test_april,
              fixture_tear_down);
  g_test_add ("/report/empty-period", Fixture, "data", fixture_set_up, test_empty,
              fixture_tear_down);
  g_test_add ("/report/empty-database", Fixture, NULL, fixture_set_up, test_empty,
              fixture_tear_down);
  g_test_add ("/report/in-transaction", Fixture, "data", fixture_set_up, test_in_transaction,
              fixture_tear_down);
  g_test_add ("/report/zone/shanghai", Fixture, NULL, fixture_set_up, test_zone_shanghai,
              fixture_tear_down);
  g_test_add ("/report/zone/daylight-saving", Fixture, NULL, fixture_set_up,
              test_zone_daylight_saving, fixture_tear_down);
  g_test_add ("/report/partial-months", Fixture, NULL, fixture_set_up, test_partial_months,
              fixture_tear_down);
  return g_test_run ();
}
