/* cd-enums.c — the closed vocabularies of the exchange format
 *
 * In each table the nick is the exchange-format spelling and the name is the English label
 * shown in the UI (translated by cd_enum_get_label()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cd-enums.h"

#define DEFINE_ENUM_TYPE(TypeName, type_name, values)                         \
  GType                                                                       \
  type_name##_get_type (void)                                                 \
  {                                                                           \
    static gsize type = 0;                                                    \
    if (g_once_init_enter (&type))                                            \
      g_once_init_leave (&type, g_enum_register_static (#TypeName, values));  \
    return type;                                                              \
  }

static const GEnumValue platform_values[] = {
  { CD_PLATFORM_TAOBAO, N_("Taobao"), "taobao" },
  { CD_PLATFORM_TMALL, N_("Tmall"), "tmall" },
  { CD_PLATFORM_DOUDIAN, N_("Doudian"), "doudian" },
  { CD_PLATFORM_JD, N_("JD"), "jd" },
  { CD_PLATFORM_PINDUODUO, N_("Pinduoduo"), "pinduoduo" },
  { CD_PLATFORM_SHOPIFY, N_("Shopify"), "shopify" },
  { CD_PLATFORM_AMAZON, N_("Amazon"), "amazon" },
  { CD_PLATFORM_EBAY, N_("eBay"), "ebay" },
  { CD_PLATFORM_OWN_SITE, N_("Own web shop"), "own_site" },
  { CD_PLATFORM_OTHER, N_("Other platform"), "other" },
  { 0, NULL, NULL }
};
DEFINE_ENUM_TYPE (CdPlatform, cd_platform, platform_values)

static const GEnumValue channel_values[] = {
  { CD_CHANNEL_PLATFORM_CHAT, N_("Platform chat"), "platform_chat" },
  { CD_CHANNEL_PHONE, N_("Phone"), "phone" },
  { CD_CHANNEL_EMAIL, N_("E-mail"), "email" },
  { CD_CHANNEL_SMS, N_("SMS"), "sms" },
  { CD_CHANNEL_OTHER, N_("Other channel"), "other" },
  { 0, NULL, NULL }
};
DEFINE_ENUM_TYPE (CdChannel, cd_channel, channel_values)

static const GEnumValue category_values[] = {
  { CD_CATEGORY_QUALITY, N_("Quality defect"), "quality" },
  { CD_CATEGORY_WRONG_ITEM, N_("Wrong item"), "wrong_item" },
  { CD_CATEGORY_MISSING_ITEM, N_("Missing item"), "missing_item" },
  { CD_CATEGORY_DAMAGED, N_("Damaged in transit"), "damaged" },
  { CD_CATEGORY_LOGISTICS_DELAY, N_("Delivery delay"), "logistics_delay" },
  { CD_CATEGORY_NOT_AS_DESCRIBED, N_("Not as described"), "not_as_described" },
  { CD_CATEGORY_USAGE_QUESTION, N_("Usage question"), "usage_question" },
  { CD_CATEGORY_SERVICE_ATTITUDE, N_("Service attitude"), "service_attitude" },
  { CD_CATEGORY_PRICE_DISPUTE, N_("Price dispute"), "price_dispute" },
  { CD_CATEGORY_OTHER, N_("Other problem"), "other" },
  { 0, NULL, NULL }
};
DEFINE_ENUM_TYPE (CdCategory, cd_category, category_values)

static const GEnumValue severity_values[] = {
  { CD_SEVERITY_LOW, N_("Low"), "low" },
  { CD_SEVERITY_MEDIUM, N_("Medium"), "medium" },
  { CD_SEVERITY_HIGH, N_("High"), "high" },
  { CD_SEVERITY_CRITICAL, N_("Critical"), "critical" },
  { 0, NULL, NULL }
};
DEFINE_ENUM_TYPE (CdSeverity, cd_severity, severity_values)

static const GEnumValue responsibility_values[] = {
  { CD_RESPONSIBILITY_UNDETERMINED, N_("Not yet determined"), "undetermined" },
  { CD_RESPONSIBILITY_SELLER, N_("Seller"), "seller" },
  { CD_RESPONSIBILITY_LOGISTICS, N_("Logistics"), "logistics" },
  { CD_RESPONSIBILITY_BUYER, N_("Buyer"), "buyer" },
  { CD_RESPONSIBILITY_PLATFORM, N_("Platform"), "platform" },
  { 0, NULL, NULL }
};
DEFINE_ENUM_TYPE (CdResponsibility, cd_responsibility, responsibility_values)

static const GEnumValue stage_values[] = {
  { CD_STAGE_LISTEN, N_("Listen"), "listen" },
  { CD_STAGE_CONFIRM, N_("Confirm"), "confirm" },
  { CD_STAGE_APOLOGISE, N_("Apologise"), "apologise" },
  { CD_STAGE_PROPOSE, N_("Propose"), "propose" },
  { CD_STAGE_AGREE, N_("Agree"), "agree" },
  { CD_STAGE_CARRY_OUT, N_("Carry out"), "carry_out" },
  { CD_STAGE_FOLLOW_UP, N_("Follow up"), "follow_up" },
  { CD_STAGE_IMPROVE, N_("Improve"), "improve" },
  { CD_STAGE_CLOSED, N_("Closed"), "closed" },
  { CD_STAGE_ESCALATED, N_("Escalated"), "escalated" },
  { 0, NULL, NULL }
};
DEFINE_ENUM_TYPE (CdStage, cd_stage, stage_values)

static const GEnumValue root_cause_values[] = {
  { CD_ROOT_CAUSE_NONE, N_("Not yet known"), "" },
  { CD_ROOT_CAUSE_PRODUCT_QUALITY, N_("Product quality"), "product_quality" },
  { CD_ROOT_CAUSE_PACKAGING, N_("Packaging"), "packaging" },
  { CD_ROOT_CAUSE_COURIER, N_("Courier"), "courier" },
  { CD_ROOT_CAUSE_LISTING_DESCRIPTION, N_("Listing description"), "listing_description" },
  { CD_ROOT_CAUSE_STOCK, N_("Stock"), "stock" },
  { CD_ROOT_CAUSE_SERVICE_ATTITUDE, N_("Service attitude"), "service_attitude" },
  { CD_ROOT_CAUSE_BUYER_MISUSE, N_("Buyer misuse"), "buyer_misuse" },
  { CD_ROOT_CAUSE_OTHER, N_("Other cause"), "other" },
  { 0, NULL, NULL }
};
DEFINE_ENUM_TYPE (CdRootCause, cd_root_cause, root_cause_values)

static const GEnumValue compensation_kind_values[] = {
  { CD_COMPENSATION_REPLACEMENT, N_("Replacement"), "replacement" },
  { CD_COMPENSATION_EXCHANGE, N_("Exchange"), "exchange" },
  { CD_COMPENSATION_REPAIR, N_("Repair"), "repair" },
  { CD_COMPENSATION_FULL_REFUND, N_("Full refund"), "full_refund" },
  { CD_COMPENSATION_PARTIAL_REFUND, N_("Partial refund"), "partial_refund" },
  { CD_COMPENSATION_PRICE_DIFFERENCE, N_("Price-difference refund"), "price_difference" },
  { CD_COMPENSATION_GOODWILL_PAYMENT, N_("Goodwill payment"), "goodwill_payment" },
  { CD_COMPENSATION_COUPON, N_("Coupon"), "coupon" },
  { CD_COMPENSATION_DISCOUNT, N_("Extra discount"), "discount" },
  { CD_COMPENSATION_EXPEDITE, N_("Faster processing"), "expedite" },
  { CD_COMPENSATION_GIFT, N_("Gift"), "gift" },
  { CD_COMPENSATION_RETURN_RESTOCKING_FEE, N_("Return with restocking fee"),
    "return_restocking_fee" },
  { CD_COMPENSATION_APOLOGY, N_("Apology only"), "apology" },
  { 0, NULL, NULL }
};
DEFINE_ENUM_TYPE (CdCompensationKind, cd_compensation_kind, compensation_kind_values)

static const GEnumValue compensation_status_values[] = {
  { CD_COMPENSATION_SUGGESTED, N_("Suggested"), "suggested" },
  { CD_COMPENSATION_OFFERED, N_("Offered"), "offered" },
  { CD_COMPENSATION_ACCEPTED, N_("Accepted"), "accepted" },
  { CD_COMPENSATION_DECLINED, N_("Declined"), "declined" },
  { CD_COMPENSATION_DONE, N_("Done"), "done" },
  { 0, NULL, NULL }
};
DEFINE_ENUM_TYPE (CdCompensationStatus, cd_compensation_status, compensation_status_values)

static const GEnumValue follow_up_method_values[] = {
  { CD_METHOD_PHONE, N_("Phone"), "phone" },
  { CD_METHOD_SMS, N_("SMS"), "sms" },
  { CD_METHOD_EMAIL, N_("E-mail"), "email" },
  { CD_METHOD_PLATFORM_CHAT, N_("Platform chat"), "platform_chat" },
  { CD_METHOD_OTHER, N_("Other channel"), "other" },
  { 0, NULL, NULL }
};
DEFINE_ENUM_TYPE (CdFollowUpMethod, cd_follow_up_method, follow_up_method_values)

static const GEnumValue blacklist_reason_values[] = {
  { CD_REASON_MALICIOUS_REVIEW, N_("Malicious review"), "malicious_review" },
  { CD_REASON_REFUND_ABUSE, N_("Refund abuse"), "refund_abuse" },
  { CD_REASON_FALSE_CLAIM, N_("False claim"), "false_claim" },
  { CD_REASON_CHARGEBACK, N_("Chargeback fraud"), "chargeback" },
  { CD_REASON_ABUSIVE, N_("Abusive language"), "abusive" },
  { CD_REASON_OTHER, N_("Other reason"), "other" },
  { 0, NULL, NULL }
};
DEFINE_ENUM_TYPE (CdBlacklistReason, cd_blacklist_reason, blacklist_reason_values)

/* The enum classes are static: the first reference is kept for the life of the program. */
static GEnumClass *
enum_class (GType type)
{
  GEnumClass *klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);
}

static const GEnumValue *
lookup_value (GType type,
              int   value)
{
  return g_enum_get_value (enum_class (type), value);
}

/**
 * cd_enum_to_nick:
 *
 * Returns: (transfer none): the exchange-format spelling of @value
 */
const char *
cd_enum_to_nick (GType type,
                 int   value)
{
  const GEnumValue *found = lookup_value (type, value);

  g_return_val_if_fail (found != NULL, "");
  return found->value_nick;
}

gboolean
cd_enum_from_nick (GType       type,
                   const char *nick,
                   int        *value)
{
  const GEnumValue *found;

  if (nick == NULL)
    return FALSE;

  found = g_enum_get_value_by_nick (enum_class (type), nick);
  if (found == NULL)
    return FALSE;
  *value = found->value;
  return TRUE;
}

/**
 * cd_enum_get_label:
 *
 * Returns: (transfer none): the translated name of @value, for people
 */
const char *
cd_enum_get_label (GType type,
                   int   value)
{
  const GEnumValue *found = lookup_value (type, value);

  g_return_val_if_fail (found != NULL, "");
  return g_dgettext (GETTEXT_PACKAGE, found->value_name);
}

guint
cd_enum_get_n_values (GType type)
{
  return enum_class (type)->n_values;
}

/**
 * cd_enum_list_nicks:
 *
 * Returns: (transfer full): the allowed spellings, for error messages: `"low", "medium" …`
 */
char *
cd_enum_list_nicks (GType type)
{
  GEnumClass *klass = enum_class (type);
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (list, "%s\"%s\"", i > 0 ? ", " : "", klass->values[i].value_nick);
  return g_string_free (list, FALSE);
}
