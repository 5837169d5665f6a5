/* cd-compensation.h — one remedy offered or given to a buyer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cd-enums.h"

G_BEGIN_DECLS

#define CD_TYPE_COMPENSATION (cd_compensation_get_type ())
G_DECLARE_FINAL_TYPE (CdCompensation, cd_compensation, CD, COMPENSATION, GObject)

/* A plain record: the fields are public, strings are owned and never NULL. */
struct _CdCompensation
{
  GObject              parent_instance;

  gint64               id;          /* 0 until stored */
  CdCompensationKind   kind;
  CdCompensationStatus status;
  gint64               amount;      /* minor units, what the buyer gets */
  gint64               cost;        /* minor units, what it costs the shop */
  char                *reference;   /* refund number, coupon code, tracking number */
  char                *note;
  gint64               done_at;     /* CD_TIME_UNSET while not done */
};

CdCompensation *cd_compensation_new  (CdCompensationKind  kind,
                                      CdCompensationStatus status);
CdCompensation *cd_compensation_copy (CdCompensation     *self);

G_END_DECLS
