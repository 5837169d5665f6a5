/* test-policy.c — the compensation policy's suggestions for a table of situations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cd-blacklist-repository.h"
#include "cd-case-repository.h"
#include "cd-policy.h"
#include "cd-test-util.h"

typedef struct
{
  const char        *name;
  CdCategory         category;
  CdSeverity         severity;
  CdResponsibility   responsibility;
  gint64             order;
  guint              earlier_cases;
  gboolean           blacklisted;
  /* expected, in order; -1 ends */
  int                kinds[5];
  gint64             amounts[5];
} Situation;

static const Situation situations[] = {
  { "damaged-medium", CD_CATEGORY_DAMAGED, CD_SEVERITY_MEDIUM, CD_RESPONSIBILITY_LOGISTICS, 12800,
    0, FALSE,
    { CD_COMPENSATION_REPLACEMENT, CD_COMPENSATION_PARTIAL_REFUND, CD_COMPENSATION_COUPON,
      CD_COMPENSATION_APOLOGY, -1 },
    { 12800, 2560, 1280, 0 } },
  { "damaged-critical-full-refund", CD_CATEGORY_DAMAGED, CD_SEVERITY_CRITICAL,
    CD_RESPONSIBILITY_SELLER, 10000, 0, FALSE,
    { CD_COMPENSATION_REPLACEMENT, CD_COMPENSATION_PARTIAL_REFUND, CD_COMPENSATION_FULL_REFUND,
      CD_COMPENSATION_COUPON, -1 },
    { 10000, 6000, 10000, 2000 } },
  { "delay-low", CD_CATEGORY_LOGISTICS_DELAY, CD_SEVERITY_LOW, CD_RESPONSIBILITY_SELLER, 5400, 0,
    FALSE,
    { CD_COMPENSATION_EXPEDITE, CD_COMPENSATION_COUPON, CD_COMPENSATION_GOODWILL_PAYMENT,
      CD_COMPENSATION_PARTIAL_REFUND, -1 },
    { 0, 500, 500, 540 } },
  { "buyer-responsible", CD_CATEGORY_QUALITY, CD_SEVERITY_HIGH, CD_RESPONSIBILITY_BUYER, 20000, 0,
    FALSE,
    { CD_COMPENSATION_RETURN_RESTOCKING_FEE, CD_COMPENSATION_EXCHANGE, CD_COMPENSATION_APOLOGY,
      -1 },
    { 17000, 20000, 0 } },
  { "blacklisted", CD_CATEGORY_WRONG_ITEM, CD_SEVERITY_HIGH, CD_RESPONSIBILITY_SELLER, 8000, 0,
    TRUE,
    { CD_COMPENSATION_EXCHANGE, CD_COMPENSATION_RETURN_RESTOCKING_FEE, CD_COMPENSATION_APOLOGY,
      -1 },
    { 8000, 6800, 0 } },
  { "frequent-one-cash", CD_CATEGORY_SERVICE_ATTITUDE, CD_SEVERITY_MEDIUM,
    CD_RESPONSIBILITY_SELLER, 3000, 4, FALSE,
    { CD_COMPENSATION_APOLOGY, CD_COMPENSATION_COUPON, CD_COMPENSATION_GOODWILL_PAYMENT,
      CD_COMPENSATION_GIFT, -1 },
    { 0, 500, 500, 500 } },
  { "price-dispute", CD_CATEGORY_PRICE_DISPUTE, CD_SEVERITY_LOW, CD_RESPONSIBILITY_SELLER, 9900,
    0, FALSE,
    { CD_COMPENSATION_PRICE_DIFFERENCE, CD_COMPENSATION_COUPON, CD_COMPENSATION_DISCOUNT,
      CD_COMPENSATION_APOLOGY, -1 },
    { 0, 500, 500, 0 } },
  { "no-order-amount", CD_CATEGORY_OTHER, CD_SEVERITY_LOW, CD_RESPONSIBILITY_UNDETERMINED, 0, 0,
    FALSE,
    { CD_COMPENSATION_APOLOGY, CD_COMPENSATION_COUPON, -1 },
    { 0, 500 } },
};

static void
test_situation (gconstpointer data)
{
  const Situation *s = data;
  g_autoptr(CdCase) kase = cd_case_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  CdBuyerHistory history = { s->earlier_cases, s->blacklisted };
  CdPolicy policy;
  guint n = 0;

  cd_policy_init_default (&policy);
  kase->category = s->category;
  kase->severity = s->severity;
  kase->responsibility = s->responsibility;
  kase->order_amount = s->order;
  suggestions = cd_policy_suggest (&policy, kase, &history);

  while (n < G_N_ELEMENTS (s->kinds) && s->kinds[n] >= 0)
    n++;
  g_assert_cmpuint (suggestions->len, >=, 2);
  g_assert_cmpuint (suggestions->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      CdCompensation *c = g_ptr_array_index (suggestions, i);

      g_assert_cmpint (c->kind, ==, s->kinds[i]);
      g_assert_cmpint (c->amount, ==, s->amounts[i]);
      g_assert_cmpint (c->status, ==, CD_COMPENSATION_SUGGESTED);
    }
}

/* The seller's choices take effect: a kind switched off is not suggested, caps hold. */
static void
test_policy_edits (void)
{
  g_autoptr(CdCase) kase = cd_case_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  CdPolicy policy;

  cd_policy_init_default (&policy);
  policy.kinds[CD_CATEGORY_DAMAGED] &= ~(1u << CD_COMPENSATION_REPLACEMENT);
  policy.cash_cap = 1000;
  kase->category = CD_CATEGORY_DAMAGED;
  kase->severity = CD_SEVERITY_HIGH;
  kase->order_amount = G_MAXINT64;
  suggestions = cd_policy_suggest (&policy, kase, NULL);

  g_assert_cmpint (((CdCompensation *) g_ptr_array_index (suggestions, 0))->kind, ==,
                   CD_COMPENSATION_PARTIAL_REFUND);
  g_assert_cmpint (((CdCompensation *) g_ptr_array_index (suggestions, 0))->amount, ==, 1000);
}

static void
assert_policy_equal (const CdPolicy *a,
                     const CdPolicy *b)
{
  g_assert_cmpmem (a->refund_percent, sizeof a->refund_percent,
                   b->refund_percent, sizeof b->refund_percent);
  g_assert_cmpmem (a->coupon_percent, sizeof a->coupon_percent,
                   b->coupon_percent, sizeof b->coupon_percent);
  g_assert_cmpint (a->coupon_min, ==, b->coupon_min);
  g_assert_cmpint (a->goodwill_max, ==, b->goodwill_max);
  g_assert_cmpint (a->cash_cap, ==, b->cash_cap);
  g_assert_cmpint (a->restocking_fee_percent, ==, b->restocking_fee_percent);
  for (int i = 0; i < CD_N_CATEGORIES; i++)
    g_assert_cmphex (a->kinds[i], ==, b->kinds[i]);
}

static void
test_save_load (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autoptr(CdDatabase) db = cd_test_open_database (dir);
  g_autoptr(GError) error = NULL;
  CdPolicy policy, loaded;

  g_assert_true (cd_policy_load (&loaded, db, &error));
  cd_policy_init_default (&policy);
  assert_policy_equal (&loaded, &policy);

  policy.refund_percent[CD_SEVERITY_LOW] = 7;
  policy.goodwill_max = 12345;
  policy.kinds[CD_CATEGORY_OTHER] = 1u << CD_COMPENSATION_APOLOGY;
  g_assert_true (cd_policy_save (&policy, db, &error));
  g_assert_no_error (error);
  g_assert_true (cd_policy_load (&loaded, db, &error));
  assert_policy_equal (&loaded, &policy);

  g_assert_false (cd_policy_from_json (&loaded, "{\"refund_percent\":[1,2,3,400]}", &error));
  g_assert_nonnull (error);
  g_clear_object (&db);
  cd_test_remove_dir (dir);
}

/* The buyer's history comes from earlier cases and the blacklist. */
static void
test_history (void)
{
  g_autofree char *dir = cd_test_make_dir ();
  g_autoptr(CdDatabase) db = cd_test_open_database (dir);
  g_autoptr(CdCaseRepository) cases = cd_case_repository_new (db);
  g_autoptr(CdBlacklistRepository) blacklist = cd_blacklist_repository_new (db);
  g_autoptr(CdBlacklistEntry) entry = cd_blacklist_entry_new ();
  g_autoptr(GError) error = NULL;
  CdBuyerHistory history;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(CdCase) earlier = cd_case_new ();
      cd_case_set_string (&earlier->buyer_id, "tb_lin2025");
      g_assert_true (cd_case_repository_insert (cases, earlier, &error));
    }
  {
    g_autoptr(CdCase) now = cd_case_new ();
    cd_case_set_string (&now->buyer_id, "tb_lin2025");
    cd_case_set_string (&now->customer_name, "ＬｕｃｋｙＳｔａｒ");
    g_assert_true (cd_case_repository_insert (cases, now, &error));
    g_assert_true (cd_policy_read_history (db, now, &history, &error));
    g_assert_cmpuint (history.earlier_cases, ==, 3);
    g_assert_false (history.blacklisted);

    cd_case_set_string (&entry->nickname, "luckystar");
    g_assert_true (cd_blacklist_repository_insert (blacklist, entry, &error));
    g_assert_true (cd_policy_read_history (db, now, &history, &error));
    g_assert_true (history.blacklisted);
  }
  g_clear_object (&cases);
  g_clear_object (&blacklist);
  g_clear_object (&db);
  cd_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (situations); i++)
    {
      g_autofree char *name = g_strdup_printf ("/policy/suggest/%s", situations[i].name);
      g_test_add_data_func (name, &situations[i], test_situation);
    }
  g_test_add_func ("/policy/edits", test_policy_edits);
  g_test_add_func ("/policy/save-load", test_save_load);
  g_test_add_func ("/policy/history", test_history);
  return g_test_run ();
}
