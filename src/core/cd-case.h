/* cd-case.h — one complaint from one buyer about one order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cd-compensation.h"
#include "cd-enums.h"
#include "cd-follow-up.h"
#include "cd-timeline-event.h"

G_BEGIN_DECLS

#define CD_TYPE_CASE (cd_case_get_type ())
G_DECLARE_FINAL_TYPE (CdCase, cd_case, CD, CASE, GObject)

/* A plain record, as the repository loads and stores it: the fields are public, strings are
 * owned and never NULL, times are UTC microseconds (CD_TIME_UNSET for none), money is in
 * minor units of the shop's currency. */
struct _CdCase
{
  GObject           parent_instance;

  gint64            id;                /* 0 until stored */
  char             *uid;
  gint64            created_at;
  gint64            updated_at;

  /* who and what */
  char             *customer_name;
  CdPlatform        platform;
  char             *buyer_id;
  char             *phone;
  char             *email;
  char             *order_number;
  char             *product;
  gint64            order_amount;
  CdChannel         channel;

  /* what happened */
  CdCategory        category;
  CdSeverity        severity;
  CdResponsibility  responsibility;
  CdStage           stage;
  char             *description;       /* the buyer's own words */
  char             *summary;           /* restated by the seller */
  gboolean          summary_confirmed;
  char             *customer_wants;
  char             *promise;
  gint64            promised_by;
  CdRootCause       root_cause;
  char             *improvement;
  char             *language;          /* the buyer's language for messages, "" for the shop's */

  GPtrArray        *compensations;     /* (element-type CdCompensation) */
  GPtrArray        *followups;         /* (element-type CdFollowUp) */
  GPtrArray        *events;            /* (element-type CdTimelineEvent), oldest first */
};

CdCase  *cd_case_new                 (void);
void     cd_case_set_string          (char          **field,
                                      const char     *value);
gint64   cd_case_get_compensation_total (CdCase     *self);

G_END_DECLS
