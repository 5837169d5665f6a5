/* cd-enums.h — the closed vocabularies of the exchange format
 *
 * Each enum is registered with GLib; a value's nick is its spelling in the exchange format
 * and in the database, and cd_enum_get_label() gives its translated name for the UI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum { CD_PLATFORM_TAOBAO, CD_PLATFORM_TMALL, CD_PLATFORM_DOUDIAN, CD_PLATFORM_JD,
               CD_PLATFORM_PINDUODUO, CD_PLATFORM_SHOPIFY, CD_PLATFORM_AMAZON, CD_PLATFORM_EBAY,
               CD_PLATFORM_OWN_SITE, CD_PLATFORM_OTHER } CdPlatform;

typedef enum { CD_CHANNEL_PLATFORM_CHAT, CD_CHANNEL_PHONE, CD_CHANNEL_EMAIL, CD_CHANNEL_SMS,
               CD_CHANNEL_OTHER } CdChannel;

typedef enum { CD_CATEGORY_QUALITY, CD_CATEGORY_WRONG_ITEM, CD_CATEGORY_MISSING_ITEM,
               CD_CATEGORY_DAMAGED, CD_CATEGORY_LOGISTICS_DELAY, CD_CATEGORY_NOT_AS_DESCRIBED,
               CD_CATEGORY_USAGE_QUESTION, CD_CATEGORY_SERVICE_ATTITUDE,
               CD_CATEGORY_PRICE_DISPUTE, CD_CATEGORY_OTHER } CdCategory;

typedef enum { CD_SEVERITY_LOW, CD_SEVERITY_MEDIUM, CD_SEVERITY_HIGH,
               CD_SEVERITY_CRITICAL } CdSeverity;

typedef enum { CD_RESPONSIBILITY_UNDETERMINED, CD_RESPONSIBILITY_SELLER,
               CD_RESPONSIBILITY_LOGISTICS, CD_RESPONSIBILITY_BUYER,
               CD_RESPONSIBILITY_PLATFORM } CdResponsibility;

typedef enum { CD_STAGE_LISTEN, CD_STAGE_CONFIRM, CD_STAGE_APOLOGISE, CD_STAGE_PROPOSE,
               CD_STAGE_AGREE, CD_STAGE_CARRY_OUT, CD_STAGE_FOLLOW_UP, CD_STAGE_IMPROVE,
               CD_STAGE_CLOSED, CD_STAGE_ESCALATED } CdStage;

typedef enum { CD_ROOT_CAUSE_NONE, CD_ROOT_CAUSE_PRODUCT_QUALITY, CD_ROOT_CAUSE_PACKAGING,
               CD_ROOT_CAUSE_COURIER, CD_ROOT_CAUSE_LISTING_DESCRIPTION, CD_ROOT_CAUSE_STOCK,
               CD_ROOT_CAUSE_SERVICE_ATTITUDE, CD_ROOT_CAUSE_BUYER_MISUSE,
               CD_ROOT_CAUSE_OTHER } CdRootCause;

typedef enum { CD_COMPENSATION_REPLACEMENT, CD_COMPENSATION_EXCHANGE, CD_COMPENSATION_REPAIR,
               CD_COMPENSATION_FULL_REFUND, CD_COMPENSATION_PARTIAL_REFUND,
               CD_COMPENSATION_PRICE_DIFFERENCE, CD_COMPENSATION_GOODWILL_PAYMENT,
               CD_COMPENSATION_COUPON, CD_COMPENSATION_DISCOUNT, CD_COMPENSATION_EXPEDITE,
               CD_COMPENSATION_GIFT, CD_COMPENSATION_RETURN_RESTOCKING_FEE,
               CD_COMPENSATION_APOLOGY } CdCompensationKind;

typedef enum { CD_COMPENSATION_SUGGESTED, CD_COMPENSATION_OFFERED, CD_COMPENSATION_ACCEPTED,
               CD_COMPENSATION_DECLINED, CD_COMPENSATION_DONE } CdCompensationStatus;

typedef enum { CD_METHOD_PHONE, CD_METHOD_SMS, CD_METHOD_EMAIL, CD_METHOD_PLATFORM_CHAT,
               CD_METHOD_OTHER } CdFollowUpMethod;

typedef enum { CD_REASON_MALICIOUS_REVIEW, CD_REASON_REFUND_ABUSE, CD_REASON_FALSE_CLAIM,
               CD_REASON_CHARGEBACK, CD_REASON_ABUSIVE, CD_REASON_OTHER } CdBlacklistReason;

#define CD_TYPE_PLATFORM            (cd_platform_get_type ())
#define CD_TYPE_CHANNEL             (cd_channel_get_type ())
#define CD_TYPE_CATEGORY            (cd_category_get_type ())
#define CD_TYPE_SEVERITY            (cd_severity_get_type ())
#define CD_TYPE_RESPONSIBILITY      (cd_responsibility_get_type ())
#define CD_TYPE_STAGE               (cd_stage_get_type ())
#define CD_TYPE_ROOT_CAUSE          (cd_root_cause_get_type ())
#define CD_TYPE_COMPENSATION_KIND   (cd_compensation_kind_get_type ())
#define CD_TYPE_COMPENSATION_STATUS (cd_compensation_status_get_type ())
#define CD_TYPE_FOLLOW_UP_METHOD    (cd_follow_up_method_get_type ())
#define CD_TYPE_BLACKLIST_REASON    (cd_blacklist_reason_get_type ())

GType cd_platform_get_type            (void) G_GNUC_CONST;
GType cd_channel_get_type             (void) G_GNUC_CONST;
GType cd_category_get_type            (void) G_GNUC_CONST;
GType cd_severity_get_type            (void) G_GNUC_CONST;
GType cd_responsibility_get_type      (void) G_GNUC_CONST;
GType cd_stage_get_type               (void) G_GNUC_CONST;
GType cd_root_cause_get_type          (void) G_GNUC_CONST;
GType cd_compensation_kind_get_type   (void) G_GNUC_CONST;
GType cd_compensation_status_get_type (void) G_GNUC_CONST;
GType cd_follow_up_method_get_type    (void) G_GNUC_CONST;
GType cd_blacklist_reason_get_type    (void) G_GNUC_CONST;

const char *cd_enum_to_nick      (GType       type,
                                  int         value);
gboolean    cd_enum_from_nick    (GType       type,
                                  const char *nick,
                                  int        *value);
const char *cd_enum_get_label    (GType       type,
                                  int         value);
guint       cd_enum_get_n_values (GType       type);
char       *cd_enum_list_nicks   (GType       type);

G_END_DECLS
