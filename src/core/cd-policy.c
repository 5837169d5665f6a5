/* cd-policy.c — the shop's compensation policy and the remedies it suggests
 *
 * The seeds agree: offer more than one remedy so the buyer can choose, fit the remedy to
 * what went wrong and how badly, never promise what cannot be kept, and when the buyer is
 * responsible, a return with a restocking fee rather than a refund. The policy is data the
 * seller edits (preferences); these are its defaults and the rules that apply it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-policy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cd-blacklist-repository.h"
#include "cd-error.h"
#include "cd-policy.h"
#include "cd-settings-store.h"

#define MAX_SUGGESTIONS 4
/* From this many earlier cases on, a buyer is offered no more cash than one remedy's worth. */
#define FREQUENT_BUYER_CASES 3
#define ALL_KINDS ((1u << 13) - 1)
#define BIT(kind) (1u << (kind))

/* What suits each category, best first (the policy's kinds filter it). */
static const CdCompensationKind preferences[CD_N_CATEGORIES][6] = {
  [CD_CATEGORY_QUALITY] = { CD_COMPENSATION_REPLACEMENT, CD_COMPENSATION_PARTIAL_REFUND,
                            CD_COMPENSATION_FULL_REFUND, CD_COMPENSATION_REPAIR,
                            CD_COMPENSATION_COUPON, CD_COMPENSATION_APOLOGY },
  [CD_CATEGORY_WRONG_ITEM] = { CD_COMPENSATION_EXCHANGE, CD_COMPENSATION_PARTIAL_REFUND,
                               CD_COMPENSATION_FULL_REFUND, CD_COMPENSATION_COUPON,
                               CD_COMPENSATION_APOLOGY, CD_COMPENSATION_APOLOGY },
  [CD_CATEGORY_MISSING_ITEM] = { CD_COMPENSATION_REPLACEMENT, CD_COMPENSATION_PARTIAL_REFUND,
                                 CD_COMPENSATION_FULL_REFUND, CD_COMPENSATION_COUPON,
                                 CD_COMPENSATION_APOLOGY, CD_COMPENSATION_APOLOGY },
  [CD_CATEGORY_DAMAGED] = { CD_COMPENSATION_REPLACEMENT, CD_COMPENSATION_PARTIAL_REFUND,
                            CD_COMPENSATION_FULL_REFUND, CD_COMPENSATION_COUPON,
                            CD_COMPENSATION_APOLOGY, CD_COMPENSATION_APOLOGY },
  [CD_CATEGORY_LOGISTICS_DELAY] = { CD_COMPENSATION_EXPEDITE, CD_COMPENSATION_COUPON,
                                    CD_COMPENSATION_GOODWILL_PAYMENT,
                                    CD_COMPENSATION_PARTIAL_REFUND, CD_COMPENSATION_APOLOGY,
                                    CD_COMPENSATION_APOLOGY },
  [CD_CATEGORY_NOT_AS_DESCRIBED] = { CD_COMPENSATION_EXCHANGE, CD_COMPENSATION_PARTIAL_REFUND,
                                     CD_COMPENSATION_FULL_REFUND, CD_COMPENSATION_COUPON,
                                     CD_COMPENSATION_APOLOGY, CD_COMPENSATION_APOLOGY },
  [CD_CATEGORY_USAGE_QUESTION] = { CD_COMPENSATION_APOLOGY, CD_COMPENSATION_GIFT,
                                   CD_COMPENSATION_COUPON, CD_COMPENSATION_APOLOGY,
                                   CD_COMPENSATION_APOLOGY, CD_COMPENSATION_APOLOGY },
  [CD_CATEGORY_SERVICE_ATTITUDE] = { CD_COMPENSATION_APOLOGY, CD_COMPENSATION_COUPON,
                                     CD_COMPENSATION_GOODWILL_PAYMENT, CD_COMPENSATION_GIFT,
                                     CD_COMPENSATION_APOLOGY, CD_COMPENSATION_APOLOGY },
  [CD_CATEGORY_PRICE_DISPUTE] = { CD_COMPENSATION_PRICE_DIFFERENCE, CD_COMPENSATION_COUPON,
                                  CD_COMPENSATION_DISCOUNT, CD_COMPENSATION_APOLOGY,
                                  CD_COMPENSATION_APOLOGY, CD_COMPENSATION_APOLOGY },
  [CD_CATEGORY_OTHER] = { CD_COMPENSATION_APOLOGY, CD_COMPENSATION_COUPON,
                          CD_COMPENSATION_PARTIAL_REFUND, CD_COMPENSATION_APOLOGY,
                          CD_COMPENSATION_APOLOGY, CD_COMPENSATION_APOLOGY },
};

void
cd_policy_init_default (CdPolicy *policy)
{
  static const int refund[CD_N_SEVERITIES] = { 10, 20, 40, 60 };
  static const int coupon[CD_N_SEVERITIES] = { 5, 10, 15, 20 };

  memcpy (policy->refund_percent, refund, sizeof refund);
  memcpy (policy->coupon_percent, coupon, sizeof coupon);
  policy->coupon_min = 500;
  policy->goodwill_max = 5000;
  policy->cash_cap = 0;
  policy->restocking_fee_percent = 15;
  for (int i = 0; i < CD_N_CATEGORIES; i++)
    policy->kinds[i] = ALL_KINDS;
}

/* Serialisation */

char *
cd_policy_to_json (const CdPolicy *policy)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "refund_percent");
  json_builder_begin_array (builder);
  for (int i = 0; i < CD_N_SEVERITIES; i++)
    json_builder_add_int_value (builder, policy->refund_percent[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "coupon_percent");
  json_builder_begin_array (builder);
  for (int i = 0; i < CD_N_SEVERITIES; i++)
    json_builder_add_int_value (builder, policy->coupon_percent[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "coupon_min");
  json_builder_add_int_value (builder, policy->coupon_min);
  json_builder_set_member_name (builder, "goodwill_max");
  json_builder_add_int_value (builder, policy->goodwill_max);
  json_builder_set_member_name (builder, "cash_cap");
  json_builder_add_int_value (builder, policy->cash_cap);
  json_builder_set_member_name (builder, "restocking_fee_percent");
  json_builder_add_int_value (builder, policy->restocking_fee_percent);
  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_object (builder);
  for (int c = 0; c < CD_N_CATEGORIES; c++)
    {
      json_builder_set_member_name (builder, cd_enum_to_nick (CD_TYPE_CATEGORY, c));
      json_builder_begin_array (builder);
      for (guint k = 0; k < cd_enum_get_n_values (CD_TYPE_COMPENSATION_KIND); k++)
        if (policy->kinds[c] & BIT (k))
          json_builder_add_string_value (builder,
                                         cd_enum_to_nick (CD_TYPE_COMPENSATION_KIND, (int) k));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
read_int (JsonObject  *object,
          const char  *key,
          gint64       min,
          gint64       max,
          gint64      *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return TRUE;  /* a policy from an older version: keep the default */
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      /* Translators: %s are the setting's name and the two limits */
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                   _("The compensation policy’s “%s” is not a number from %s to %s"), key, low,
                   high);
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_percents (JsonObject  *object,
               const char  *key,
               int          percents[CD_N_SEVERITIES],
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (array = json_node_get_array (node)) != CD_N_SEVERITIES)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                   _("The compensation policy’s “%s” needs one percentage per severity"), key);
      return FALSE;
    }
  for (guint i = 0; i < CD_N_SEVERITIES; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_INT64 ||
          json_node_get_int (element) < 0 || json_node_get_int (element) > 100)
        {
          g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                       _("The compensation policy’s “%s” holds a percentage outside 0 to 100"),
                       key);
          return FALSE;
        }
      percents[i] = (int) json_node_get_int (element);
    }
  return TRUE;
}

static void
read_kinds (JsonObject *object,
            CdPolicy   *policy)
{
  JsonNode *node = json_object_get_member (object, "kinds");
  JsonObject *kinds;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  kinds = json_node_get_object (node);
  for (int c = 0; c < CD_N_CATEGORIES; c++)
    {
      JsonNode *list = json_object_get_member (kinds, cd_enum_to_nick (CD_TYPE_CATEGORY, c));

      if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
        continue;
      policy->kinds[c] = 0;
      for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
        {
          const char *nick = json_array_get_string_element (json_node_get_array (list), i);
          int kind;

          if (nick != NULL && cd_enum_from_nick (CD_TYPE_COMPENSATION_KIND, nick, &kind))
            policy->kinds[c] |= BIT (kind);
        }
    }
}

gboolean
cd_policy_from_json (CdPolicy    *policy,
                     const char  *json,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  CdPolicy read;
  JsonObject *object;
  gint64 fee = 0;

  cd_policy_init_default (&read);
  if (!json_parser_load_from_data (parser, json, -1, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID, _("The compensation policy is damaged"));
      return FALSE;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  fee = read.restocking_fee_percent;
  if (!read_percents (object, "refund_percent", read.refund_percent, error) ||
      !read_percents (object, "coupon_percent", read.coupon_percent, error) ||
      !read_int (object, "coupon_min", 0, G_MAXINT64, &read.coupon_min, error) ||
      !read_int (object, "goodwill_max", 0, G_MAXINT64, &read.goodwill_max, error) ||
      !read_int (object, "cash_cap", 0, G_MAXINT64, &read.cash_cap, error) ||
      !read_int (object, "restocking_fee_percent", 0, 100, &fee, error))
    return FALSE;
  read.restocking_fee_percent = (int) fee;
  read_kinds (object, &read);
  *policy = read;
  return TRUE;
}

/**
 * cd_policy_load:
 *
 * Reads the shop's policy, or the defaults when it has never changed them.
 */
gboolean
cd_policy_load (CdPolicy    *policy,
                CdDatabase  *db,
                GError     **error)
{
  g_autofree char *json = NULL;

  cd_policy_init_default (policy);
  if (!cd_settings_store_get (db, CD_POLICY_KEY, &json, error))
    return FALSE;
  return json == NULL || cd_policy_from_json (policy, json, error);
}

gboolean
cd_policy_save (const CdPolicy  *policy,
                CdDatabase      *db,
                GError         **error)
{
  g_autofree char *json = cd_policy_to_json (policy);

  return cd_settings_store_set (db, CD_POLICY_KEY, json, error);
}

/* History */

gboolean
cd_policy_read_history (CdDatabase      *db,
                        CdCase          *kase,
                        CdBuyerHistory  *history,
                        GError         **error)
{
  g_autoptr(CdBlacklistRepository) blacklist = cd_blacklist_repository_new (db);
  g_autoptr(GPtrArray) matches = NULL;
  sqlite3_stmt *stmt;

  history->earlier_cases = 0;
  history->blacklisted = FALSE;

  stmt = cd_database_prepare (db,
    "SELECT COUNT(*) FROM cases WHERE id != :id AND "
    "((:buyer_id != '' AND buyer_id = :buyer_id) OR (:phone != '' AND phone = :phone))", error);
  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":id", kase->id);
  cd_database_bind_text (stmt, ":buyer_id", kase->buyer_id);
  cd_database_bind_text (stmt, ":phone", kase->phone);
  if (cd_database_step (db, stmt, error) != CD_STEP_ROW)
    return FALSE;
  history->earlier_cases = (guint) sqlite3_column_int64 (stmt, 0);
  cd_database_release (stmt);

  matches = cd_blacklist_repository_find_matches (blacklist, kase->buyer_id,
                                                  kase->customer_name, kase->phone, error);
  if (matches == NULL)
    return FALSE;
  history->blacklisted = matches->len > 0;
  return TRUE;
}

/* Suggestions */

static gint64
percent_of (gint64 amount,
            int    percent)
{
  /* amount * percent / 100 without overflow for amounts near 2^63 */
  return amount / 100 * percent + amount % 100 * percent / 100;
}

static gint64
capped (const CdPolicy *policy,
        gint64          amount)
{
  return policy->cash_cap > 0 ? MIN (amount, policy->cash_cap) : amount;
}

static gboolean
is_cash (CdCompensationKind kind)
{
  return kind == CD_COMPENSATION_FULL_REFUND || kind == CD_COMPENSATION_PARTIAL_REFUND ||
         kind == CD_COMPENSATION_GOODWILL_PAYMENT || kind == CD_COMPENSATION_PRICE_DIFFERENCE;
}

static CdCompensation *
make (const CdPolicy     *policy,
      CdCase             *kase,
      CdCompensationKind  kind)
{
  CdCompensation *c = cd_compensation_new (kind, CD_COMPENSATION_SUGGESTED);
  gint64 order = kase->order_amount;
  int severity = CLAMP ((int) kase->severity, 0, CD_N_SEVERITIES - 1);
  gint64 coupon = MAX (policy->coupon_min, percent_of (order, policy->coupon_percent[severity]));

  switch (kind)
    {
    case CD_COMPENSATION_REPLACEMENT:
    case CD_COMPENSATION_EXCHANGE:
    case CD_COMPENSATION_REPAIR:
    case CD_COMPENSATION_FULL_REFUND:
      c->amount = c->cost = order;
      break;
    case CD_COMPENSATION_PARTIAL_REFUND:
      c->amount = c->cost = capped (policy, percent_of (order, policy->refund_percent[severity]));
      break;
    case CD_COMPENSATION_GOODWILL_PAYMENT:
      c->amount = c->cost = capped (policy, MIN (policy->goodwill_max, coupon));
      break;
    case CD_COMPENSATION_COUPON:
    case CD_COMPENSATION_DISCOUNT:
      c->amount = c->cost = coupon;
      break;
    case CD_COMPENSATION_GIFT:
      c->amount = c->cost = policy->coupon_min;
      break;
    case CD_COMPENSATION_RETURN_RESTOCKING_FEE:
      c->amount = order - percent_of (order, policy->restocking_fee_percent);
      c->cost = 0;
      break;
    case CD_COMPENSATION_PRICE_DIFFERENCE:
    case CD_COMPENSATION_EXPEDITE:
    case CD_COMPENSATION_APOLOGY:
    default:
      c->amount = c->cost = 0;
      break;
    }
  return c;
}

static gboolean
already_has (GPtrArray          *list,
             CdCompensationKind  kind)
{
  for (guint i = 0; i < list->len; i++)
    if (((CdCompensation *) g_ptr_array_index (list, i))->kind == kind)
      return TRUE;
  return FALSE;
}

static void
add (GPtrArray          *list,
     const CdPolicy     *policy,
     CdCase             *kase,
     CdCompensationKind  kind,
     const char         *note)
{
  CdCompensation *c;

  if (list->len >= MAX_SUGGESTIONS || already_has (list, kind))
    return;
  c = make (policy, kase, kind);
  cd_case_set_string (&c->note, note);
  g_ptr_array_add (list, c);
}

/**
 * cd_policy_suggest:
 * @history: (nullable): what is known of the buyer
 *
 * Returns: (transfer full) (element-type CdCompensation): two to four remedies, best first,
 *   each with status "suggested" and a note that says why
 */
GPtrArray *
cd_policy_suggest (const CdPolicy       *policy,
                   CdCase               *kase,
                   const CdBuyerHistory *history)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  CdBuyerHistory none = { 0, FALSE };
  int category = CLAMP ((int) kase->category, 0, CD_N_CATEGORIES - 1);
  gboolean goods_fault = kase->category == CD_CATEGORY_QUALITY ||
                         kase->category == CD_CATEGORY_WRONG_ITEM ||
                         kase->category == CD_CATEGORY_MISSING_ITEM ||
                         kase->category == CD_CATEGORY_DAMAGED ||
                         kase->category == CD_CATEGORY_NOT_AS_DESCRIBED;
  gboolean cash_given = FALSE;

  if (history == NULL)
    history = &none;

  if (history->blacklisted)
    {
      /* Do right by the goods, but no money beyond what the platform's rules require. */
      if (goods_fault)
        add (list, policy, kase, kase->category == CD_CATEGORY_WRONG_ITEM
                                 ? CD_COMPENSATION_EXCHANGE : CD_COMPENSATION_REPLACEMENT,
             _("The buyer is on the blacklist: put the goods right, offer no money"));
      add (list, policy, kase, CD_COMPENSATION_RETURN_RESTOCKING_FEE,
           _("The buyer is on the blacklist: a return as the platform’s rules require"));
      add (list, policy, kase, CD_COMPENSATION_APOLOGY,
           _("The buyer is on the blacklist: a polite reply that can be made public"));
      return list;
    }

  if (kase->responsibility == CD_RESPONSIBILITY_BUYER)
    {
      add (list, policy, kase, CD_COMPENSATION_RETURN_RESTOCKING_FEE,
           _("The buyer is responsible: a return, less the restocking fee"));
      if (goods_fault)
        add (list, policy, kase, CD_COMPENSATION_EXCHANGE,
             _("The buyer is responsible: an exchange at the buyer’s cost of shipping"));
      add (list, policy, kase, CD_COMPENSATION_APOLOGY,
           _("Explain, kindly, what to do next"));
      return list;
    }

  for (guint i = 0; i < G_N_ELEMENTS (preferences[category]); i++)
    {
      CdCompensationKind kind = preferences[category][i];

      if (!(policy->kinds[category] & BIT (kind)))
        continue;
      /* A full refund is for serious cases; lesser ones get a part back. */
      if (kind == CD_COMPENSATION_FULL_REFUND && kase->severity < CD_SEVERITY_HIGH)
        continue;
      if (kind == CD_COMPENSATION_PARTIAL_REFUND && kase->order_amount == 0)
        continue;
      if (is_cash (kind) && cash_given && history->earlier_cases >= FREQUENT_BUYER_CASES)
        continue;
      add (list, policy, kase, kind,
           history->earlier_cases >= FREQUENT_BUYER_CASES
           ? _("The buyer has complained often: at most one cash remedy") : "");
      cash_given = cash_given || is_cash (kind);
    }

  /* Always a choice: at least two remedies. */
  if (list->len < 2)
    add (list, policy, kase, CD_COMPENSATION_COUPON, "");
  if (list->len < 2)
    add (list, policy, kase, CD_COMPENSATION_APOLOGY, "");
  return list;
}
