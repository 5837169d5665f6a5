/* cd-follow-up.h — a return visit to the buyer, planned or made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cd-enums.h"

G_BEGIN_DECLS

#define CD_TYPE_FOLLOW_UP (cd_follow_up_get_type ())
G_DECLARE_FINAL_TYPE (CdFollowUp, cd_follow_up, CD, FOLLOW_UP, GObject)

/* A plain record: the fields are public, strings are owned and never NULL. */
struct _CdFollowUp
{
  GObject          parent_instance;

  gint64           id;           /* 0 until stored */
  gint64           due_at;
  CdFollowUpMethod method;
  gint64           done_at;      /* CD_TIME_UNSET while not done */
  int              satisfaction; /* 1–5, 0 when not recorded */
  char            *remarks;
};

CdFollowUp *cd_follow_up_new  (gint64      due_at);
CdFollowUp *cd_follow_up_copy (CdFollowUp *self);
CdFollowUp *cd_follow_up_new_planned (CdChannel channel,
                                      gint64    now);

G_END_DECLS
