/* cd-policy.h — the shop's compensation policy and the remedies it suggests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-case.h"
#include "cd-database.h"

G_BEGIN_DECLS

#define CD_N_SEVERITIES 4
#define CD_N_CATEGORIES 10

/* Percentages are of the order amount; money is in minor units. */
typedef struct
{
  int     refund_percent[CD_N_SEVERITIES];  /* a partial refund, by severity */
  int     coupon_percent[CD_N_SEVERITIES];  /* a coupon's value, by severity */
  gint64  coupon_min;                       /* the smallest coupon worth offering */
  gint64  goodwill_max;                     /* the largest small cash payment (小额打款) */
  gint64  cash_cap;                         /* the most any suggestion short of a full refund
                                               gives back; 0 for no cap */
  int     restocking_fee_percent;           /* kept back when the buyer is responsible */
  guint32 kinds[CD_N_CATEGORIES];           /* which kinds suit each category (bit per kind) */
} CdPolicy;

/* What the shop knows of the buyer beyond this case. */
typedef struct
{
  guint    earlier_cases;   /* other cases of the same buyer (buyer ID or phone) */
  gboolean blacklisted;     /* an active blacklist entry matches */
} CdBuyerHistory;

#define CD_POLICY_KEY "compensation-policy"

void       cd_policy_init_default (CdPolicy             *policy);
gboolean   cd_policy_load         (CdPolicy             *policy,
                                   CdDatabase           *db,
                                   GError              **error);
gboolean   cd_policy_save         (const CdPolicy       *policy,
                                   CdDatabase           *db,
                                   GError              **error);
char      *cd_policy_to_json      (const CdPolicy       *policy);
gboolean   cd_policy_from_json    (CdPolicy             *policy,
                                   const char           *json,
                                   GError              **error);
gboolean   cd_policy_read_history (CdDatabase           *db,
                                   CdCase               *kase,
                                   CdBuyerHistory       *history,
                                   GError              **error);
GPtrArray *cd_policy_suggest      (const CdPolicy       *policy,
                                   CdCase               *kase,
                                   const CdBuyerHistory *history);

G_END_DECLS
