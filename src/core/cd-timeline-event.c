/* cd-timeline-event.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-timeline-event"

#include "cd-timeline-event.h"

G_DEFINE_FINAL_TYPE (CdTimelineEvent, cd_timeline_event, G_TYPE_OBJECT)

static void
cd_timeline_event_finalize (GObject *object)
{
  CdTimelineEvent *self = (CdTimelineEvent *) object;

  g_free (self->kind);
  g_free (self->text);
  G_OBJECT_CLASS (cd_timeline_event_parent_class)->finalize (object);
}

static void
cd_timeline_event_class_init (CdTimelineEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_timeline_event_finalize;
}

static void
cd_timeline_event_init (CdTimelineEvent *self)
{
}

/**
 * cd_timeline_event_new:
 *
 * Returns: (transfer full): a new event
 */
CdTimelineEvent *
cd_timeline_event_new (gint64      at,
                       const char *kind,
                       const char *text)
{
  CdTimelineEvent *self = g_object_new (CD_TYPE_TIMELINE_EVENT, NULL);

  self->at = at;
  self->kind = g_strdup (kind != NULL ? kind : "");
  self->text = g_strdup (text != NULL ? text : "");
  return self;
}
