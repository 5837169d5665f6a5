/* cd-timeline-event.h — one time-stamped line of a case's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CD_TYPE_TIMELINE_EVENT (cd_timeline_event_get_type ())
G_DECLARE_FINAL_TYPE (CdTimelineEvent, cd_timeline_event, CD, TIMELINE_EVENT, GObject)

/* Kinds the application writes; imported files may carry others, which are kept. */
#define CD_EVENT_CREATED           "created"
#define CD_EVENT_EDITED            "edited"
#define CD_EVENT_STAGE             "stage"
#define CD_EVENT_NOTE              "note"
#define CD_EVENT_MESSAGE           "message"
#define CD_EVENT_COMPENSATION      "compensation"
#define CD_EVENT_COMPENSATION_DONE "compensation_done"
#define CD_EVENT_FOLLOW_UP         "follow_up"

/* A plain record: the fields are public, strings are owned and never NULL. */
struct _CdTimelineEvent
{
  GObject  parent_instance;

  gint64   id;    /* 0 until stored */
  gint64   at;
  char    *kind;
  char    *text;
};

CdTimelineEvent *cd_timeline_event_new (gint64      at,
                                        const char *kind,
                                        const char *text);

G_END_DECLS
