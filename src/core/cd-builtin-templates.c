/* cd-builtin-templates.c — the message templates CompDesk ships, and choosing one for a step
 *
 * The built-ins (data/templates.json) are added to the shop's templates once; after that
 * they are the seller's to edit or delete, and a deleted one does not come back.
 *
 * A message is written in the buyer's language, which need not be the seller's: so the
 * words a template's placeholders expand to (a remedy, a date) come from the tables here,
 * one per shipped language, and not from the interface's translation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-builtin-templates"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cd-builtin-templates.h"
#include "cd-error.h"
#include "cd-money.h"
#include "cd-settings-store.h"
#include "cd-template-renderer.h"
#include "cd-time.h"

/* How a remedy reads in a message; "%s" is its amount, and the second form is used when
 * the amount is zero. */
static const struct {
  const char *en;
  const char *en_plain;
  const char *zh;
  const char *zh_plain;
} remedies[] = {
  [CD_COMPENSATION_REPLACEMENT] = { "a free replacement", NULL, "免费补发新品", NULL },
  [CD_COMPENSATION_EXCHANGE] = { "a free exchange", NULL, "免费换货", NULL },
  [CD_COMPENSATION_REPAIR] = { "a free repair", NULL, "免费维修", NULL },
  [CD_COMPENSATION_FULL_REFUND] = { "a full refund of %s", "a full refund",
                                    "全额退款%s", "全额退款" },
  [CD_COMPENSATION_PARTIAL_REFUND] = { "a partial refund of %s", "a partial refund",
                                       "部分退款%s", "部分退款" },
  [CD_COMPENSATION_PRICE_DIFFERENCE] = { "a refund of the price difference (%s)",
                                         "a refund of the price difference",
                                         "退还差价%s", "退还差价" },
  [CD_COMPENSATION_GOODWILL_PAYMENT] = { "a goodwill payment of %s", "a goodwill payment",
                                         "小额打款%s作为补偿", "小额打款作为补偿" },
  [CD_COMPENSATION_COUPON] = { "a coupon worth %s", "a coupon", "%s优惠券一张", "优惠券一张" },
  [CD_COMPENSATION_DISCOUNT] = { "an extra discount of %s on your next order",
                                 "an extra discount on your next order",
                                 "下次购物额外优惠%s", "下次购物额外优惠" },
  [CD_COMPENSATION_EXPEDITE] = { "priority handling and faster delivery", NULL,
                                 "优先处理并加急发货", NULL },
  [CD_COMPENSATION_GIFT] = { "a small gift", NULL, "一份小礼品", NULL },
  [CD_COMPENSATION_RETURN_RESTOCKING_FEE] = { "a return with a refund of %s",
                                              "a return and refund",
                                              "退货退款%s", "退货退款" },
  [CD_COMPENSATION_APOLOGY] = { "our sincere apology", NULL, "我们诚挚的歉意", NULL },
};

static const char *const english_months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"
};

/* Helpers */

static gboolean
is_chinese (const char *language)
{
  return g_str_has_prefix (language, "zh");
}

static gboolean
read_seeded (CdDatabase  *db,
             gboolean    *seeded,
             GError     **error)
{
  g_autofree char *value = NULL;

  if (!cd_settings_store_get (db, CD_BUILTIN_TEMPLATES_KEY, &value, error))
    return FALSE;
  *seeded = value != NULL;
  return TRUE;
}

static gboolean
write_seeded (CdDatabase  *db,
              GError     **error)
{
  return cd_settings_store_set (db, CD_BUILTIN_TEMPLATES_KEY, "1", error);
}

static gboolean
uid_exists (CdDatabase  *db,
            const char  *uid,
            gboolean    *exists,
            GError     **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (db, "SELECT 1 FROM templates WHERE uid = :uid",
                                            error);
  CdStep step;

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_text (stmt, ":uid", uid);
  step = cd_database_step (db, stmt, error);
  if (step == CD_STEP_ROW)
    cd_database_release (stmt);
  *exists = step == CD_STEP_ROW;
  return step != CD_STEP_ERROR;
}

static const char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static GPtrArray *
parse_templates (GBytes  *json,
                 GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  gsize size = 0;
  const char *data = g_bytes_get_data (json, &size);
  JsonNode *root, *templates;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, data, (gssize) size, error))
    return NULL;
  root = json_parser_get_root (parser);
  templates = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
              ? json_object_get_member (json_node_get_object (root), "templates") : NULL;
  if (templates == NULL || !JSON_NODE_HOLDS_ARRAY (templates))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID, _("The built-in templates are damaged"));
      return NULL;
    }
  array = json_node_get_array (templates);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (object == NULL || member_string (object, "uid") == NULL ||
          member_string (object, "name") == NULL || member_string (object, "body") == NULL)
        {
          g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                       _("The built-in templates are damaged (templates[%u])"), i);
          return NULL;
        }
      g_ptr_array_add (list, cd_message_template_new (member_string (object, "uid"),
                                                      member_string (object, "name"),
                                                      member_string (object, "stage"),
                                                      member_string (object, "language"),
                                                      member_string (object, "body")));
    }
  return g_steal_pointer (&list);
}

static gboolean
insert_missing (CdDatabase  *db,
                GPtrArray   *list,
                GError     **error)
{
  g_autoptr(CdTemplateRepository) repo = cd_template_repository_new (db);

  for (guint i = 0; i < list->len; i++)
    {
      CdMessageTemplate *tmpl = g_ptr_array_index (list, i);
      CdStoreResult result;
      gboolean exists = FALSE;

      /* A template of the same uid came in with an import: it may carry the seller's edits. */
      if (!uid_exists (db, tmpl->uid, &exists, error))
        return FALSE;
      if (!exists && !cd_template_repository_store_imported (repo, tmpl, &result, error))
        return FALSE;
    }
  return TRUE;
}

/* Public API */

/**
 * cd_builtin_templates_seed:
 * @json: the built-ins in the exchange format's shape (`{"templates": […]}`)
 *
 * Adds the built-in templates the first time it is called on @db, and remembers that it
 * did; later calls change nothing, so templates the seller deleted stay deleted. Emits no
 * repository signal: call it before the views are built.
 *
 * Returns: %TRUE, or %FALSE with @error set (and nothing changed)
 */
gboolean
cd_builtin_templates_seed (CdDatabase  *db,
                           GBytes      *json,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  gboolean seeded = FALSE;

  g_return_val_if_fail (CD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (!read_seeded (db, &seeded, error))
    return FALSE;
  if (seeded)
    return TRUE;
  list = parse_templates (json, error);
  if (list == NULL)
    return FALSE;

  if (!cd_database_begin (db, error))
    return FALSE;
  if (!insert_missing (db, list, error) || !write_seeded (db, error) ||
      !cd_database_commit (db, error))
    {
      if (cd_database_in_transaction (db))
        cd_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_builtin_templates_get_default_language:
 *
 * Returns: (transfer none): the language messages are written in when a case names none:
 *   "zh_CN" when the interface is in Chinese, otherwise "en"
 */
const char *
cd_builtin_templates_get_default_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        continue;
      return is_chinese (names[i]) ? "zh_CN" : "en";
    }
  return "en";
}

/**
 * cd_builtin_templates_resolve_language:
 * @language: (nullable): a case's language: "en", "zh_CN", "zh_CN.UTF-8", "" …
 *
 * Returns: (transfer none): the language to write in: the shipped "en" or "zh_CN" when it
 *   is one of them, the default for "" or %NULL, otherwise @language itself (interned)
 */
const char *
cd_builtin_templates_resolve_language (const char *language)
{
  g_autofree char *bare = NULL;

  if (language == NULL || *language == '\0')
    return cd_builtin_templates_get_default_language ();
  if (is_chinese (language))
    return "zh_CN";
  if (g_str_has_prefix (language, "en"))
    return "en";
  bare = g_strndup (language, strcspn (language, ".@"));
  return g_intern_string (bare);
}

/* How well a template's language serves @want: 3 the same, 2 the same language in another
 * country, 1 the other shipped language, 0 any other. */
static int
language_score (const char *have,
                const char *want)
{
  gsize primary = strcspn (want, "_-.@");

  if (g_str_equal (have, want))
    return 3;
  if (strncmp (have, want, primary) == 0 && strcspn (have, "_-.@") == primary)
    return 2;
  if ((is_chinese (want) && g_str_has_prefix (have, "en")) ||
      (!is_chinese (want) && is_chinese (have)))
    return 1;
  return 0;
}

/**
 * cd_builtin_templates_pick:
 * @stage: a stage nick ("listen" …), or "" for templates meant for no step
 * @language: (nullable): the buyer's language; "" or %NULL for the interface's
 *
 * Chooses the template for @stage in @language; failing that, in the other shipped
 * language; failing that, in any. Among equals the newest wins, so a template the seller
 * wrote comes before the one CompDesk shipped.
 *
 * Returns: (transfer full): the template, or %NULL with %CD_ERROR_NOT_FOUND when @stage has
 *   none (or another error when reading failed)
 */
CdMessageTemplate *
cd_builtin_templates_pick (CdTemplateRepository  *repo,
                           const char            *stage,
                           const char            *language,
                           GError               **error)
{
  g_autoptr(GPtrArray) list = NULL;
  const char *want = cd_builtin_templates_resolve_language (language);
  CdMessageTemplate *best = NULL;
  int best_score = -1;

  g_return_val_if_fail (CD_IS_TEMPLATE_REPOSITORY (repo), NULL);

  list = cd_template_repository_list (repo, error);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      CdMessageTemplate *tmpl = g_ptr_array_index (list, i);
      int score;

      if (g_strcmp0 (tmpl->stage, stage != NULL ? stage : "") != 0)
        continue;
      score = language_score (tmpl->language, want);
      if (score > best_score || (score == best_score && tmpl->id > best->id))
        {
          best = tmpl;
          best_score = score;
        }
    }
  if (best == NULL)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, _("There is no template for this step"));
      return NULL;
    }
  return g_object_ref (best);
}

/**
 * cd_builtin_templates_dup_pair_key:
 *
 * The language versions of one reply share a uid but for a language suffix
 * ("tpl-apology-en", "tpl-apology-zh"): the templates view shows them side by side.
 *
 * Returns: (transfer full): @uid without its language suffix
 */
char *
cd_builtin_templates_dup_pair_key (const char *uid)
{
  static const char *const suffixes[] = { "-zh_CN", "-zh-CN", "-zh", "-en", "_zh_CN", "_en" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (uid, suffixes[i]) && strlen (uid) > strlen (suffixes[i]))
      return g_strndup (uid, strlen (uid) - strlen (suffixes[i]));
  return g_strdup (uid);
}

/**
 * cd_builtin_templates_describe_remedy:
 *
 * Returns: (transfer full): @compensation as a message to the buyer says it, in @language
 *   ("a partial refund of ¥25.60", "部分退款¥25.60")
 */
char *
cd_builtin_templates_describe_remedy (CdCompensation *compensation,
                                      const char     *language,
                                      const char     *currency)
{
  gboolean zh = is_chinese (cd_builtin_templates_resolve_language (language));
  guint kind = MIN ((guint) compensation->kind, G_N_ELEMENTS (remedies) - 1);
  const char *with = zh ? remedies[kind].zh : remedies[kind].en;
  const char *plain = zh ? remedies[kind].zh_plain : remedies[kind].en_plain;
  g_autofree char *amount = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *at;

  if (plain == NULL)
    return g_strdup (with);
  if (compensation->amount <= 0)
    return g_strdup (plain);
  amount = cd_money_format_for_buyer (compensation->amount, currency);
  at = strstr (with, "%s");
  g_string_append_len (out, with, at - with);
  g_string_append (out, amount);
  g_string_append (out, at + 2);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cd_builtin_templates_format_deadline:
 *
 * Returns: (transfer full): @usec in local time as a message in @language writes a date
 *   ("26 November, 18:00", "11月26日 18:00"; with the year when it is not this year), or ""
 *   for %CD_TIME_UNSET
 */
char *
cd_builtin_templates_format_deadline (gint64      usec,
                                      const char *language)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gboolean this_year;

  if (usec == CD_TIME_UNSET)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  this_year = g_date_time_get_year (local) == g_date_time_get_year (now);
  if (is_chinese (cd_builtin_templates_resolve_language (language)))
    return g_date_time_format (local, this_year ? "%-m月%-d日 %H:%M" : "%Y年%-m月%-d日 %H:%M");
  if (this_year)
    return g_strdup_printf ("%d %s, %02d:%02d", g_date_time_get_day_of_month (local),
                            english_months[g_date_time_get_month (local) - 1],
                            g_date_time_get_hour (local), g_date_time_get_minute (local));
  return g_strdup_printf ("%d %s %d, %02d:%02d", g_date_time_get_day_of_month (local),
                          english_months[g_date_time_get_month (local) - 1],
                          g_date_time_get_year (local), g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

static gboolean
is_agreed (CdCompensation *c)
{
  return c->status == CD_COMPENSATION_ACCEPTED || c->status == CD_COMPENSATION_DONE;
}

static gboolean
is_on_offer (CdCompensation *c)
{
  return c->status == CD_COMPENSATION_SUGGESTED || c->status == CD_COMPENSATION_OFFERED;
}

/* "A, B or C" / "A、B或C" */
static char *
join_remedies (GPtrArray  *phrases,
               gboolean    zh,
               gboolean    agreed)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < phrases->len; i++)
    {
      if (i > 0 && i + 1 < phrases->len)
        g_string_append (out, zh ? "、" : ", ");
      else if (i > 0)
        g_string_append (out, zh ? (agreed ? "和" : "或") : (agreed ? " and " : " or "));
      g_string_append (out, g_ptr_array_index (phrases, i));
    }
  return g_string_free (out, FALSE);
}

static char *
describe_remedies (CdCase     *kase,
                   const char *language,
                   const char *currency)
{
  g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
  gboolean agreed = FALSE;

  for (guint i = 0; i < kase->compensations->len; i++)
    agreed = agreed || is_agreed (g_ptr_array_index (kase->compensations, i));
  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);

      if (agreed ? is_agreed (c) : is_on_offer (c))
        g_ptr_array_add (phrases, cd_builtin_templates_describe_remedy (c, language, currency));
    }
  return join_remedies (phrases, is_chinese (language), agreed);
}

static CdCompensation *
find_compensation (CdCase   *kase,
                   gboolean (*wanted) (CdCompensation *),
                   guint32   kinds,
                   gboolean  need_amount)
{
  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);

      if (!wanted (c) || (kinds != 0 && !(kinds & (1u << c->kind))))
        continue;
      if (need_amount ? c->amount > 0 : c->reference[0] != '\0')
        return c;
    }
  return NULL;
}

static const char *
find_reference (CdCase  *kase,
                guint32  preferred_kinds)
{
  CdCompensation *c = find_compensation (kase, is_agreed, preferred_kinds, FALSE);

  if (c == NULL)
    c = find_compensation (kase, is_agreed, 0, FALSE);
  return c != NULL ? c->reference : NULL;
}

static void
insert_value (GHashTable *values,
              const char *name,
              const char *value)
{
  if (value != NULL && *value != '\0')
    g_hash_table_insert (values, g_strdup (name), g_strdup (value));
}

/**
 * cd_builtin_templates_case_values:
 * @language: (nullable): the language of the message
 *
 * What each placeholder stands for in a message about @kase. A placeholder without a value
 * is left out, so the renderer reports it as missing.
 *
 * Returns: (transfer full) (element-type utf8 utf8): placeholder name → value
 */
GHashTable *
cd_builtin_templates_case_values (CdCase     *kase,
                                  const char *language,
                                  const char *currency,
                                  const char *shop_name)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *lang = cd_builtin_templates_resolve_language (language);
  const guint32 coupons = (1u << CD_COMPENSATION_COUPON) | (1u << CD_COMPENSATION_DISCOUNT);
  const guint32 parcels = (1u << CD_COMPENSATION_REPLACEMENT) |
                          (1u << CD_COMPENSATION_EXCHANGE) | (1u << CD_COMPENSATION_REPAIR) |
                          (1u << CD_COMPENSATION_GIFT);
  CdCompensation *paid = find_compensation (kase, is_agreed, 0, TRUE);
  g_autofree char *amount = NULL;
  g_autofree char *deadline = cd_builtin_templates_format_deadline (kase->promised_by, lang);
  g_autofree char *remedy = describe_remedies (kase, lang, currency);

  if (paid == NULL)
    paid = find_compensation (kase, is_on_offer, 0, TRUE);
  if (paid != NULL)
    amount = cd_money_format_for_buyer (paid->amount, currency);

  insert_value (values, CD_PLACEHOLDER_BUYER, kase->customer_name);
  insert_value (values, CD_PLACEHOLDER_PRODUCT, kase->product);
  insert_value (values, CD_PLACEHOLDER_ORDER, kase->order_number);
  insert_value (values, CD_PLACEHOLDER_SHOP, shop_name);
  insert_value (values, CD_PLACEHOLDER_AMOUNT, amount);
  insert_value (values, CD_PLACEHOLDER_DEADLINE, deadline);
  insert_value (values, CD_PLACEHOLDER_REMEDY, remedy);
  insert_value (values, CD_PLACEHOLDER_COUPON, find_reference (kase, coupons));
  insert_value (values, CD_PLACEHOLDER_TRACKING, find_reference (kase, parcels));
  return values;
}
