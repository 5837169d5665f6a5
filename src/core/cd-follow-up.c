/* cd-follow-up.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-follow-up"

#include "cd-follow-up.h"
#include "cd-time.h"

G_DEFINE_FINAL_TYPE (CdFollowUp, cd_follow_up, G_TYPE_OBJECT)

static void
cd_follow_up_finalize (GObject *object)
{
  CdFollowUp *self = (CdFollowUp *) object;

  g_free (self->remarks);
  G_OBJECT_CLASS (cd_follow_up_parent_class)->finalize (object);
}

static void
cd_follow_up_class_init (CdFollowUpClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_follow_up_finalize;
}

static void
cd_follow_up_init (CdFollowUp *self)
{
  self->method = CD_METHOD_PLATFORM_CHAT;
  self->done_at = CD_TIME_UNSET;
  self->remarks = g_strdup ("");
}

/**
 * cd_follow_up_new:
 *
 * Returns: (transfer full): a follow-up due at @due_at
 */
CdFollowUp *
cd_follow_up_new (gint64 due_at)
{
  CdFollowUp *self = g_object_new (CD_TYPE_FOLLOW_UP, NULL);

  self->due_at = due_at;
  return self;
}

/**
 * cd_follow_up_copy:
 *
 * Returns: (transfer full): a copy of @self
 */
CdFollowUp *
cd_follow_up_copy (CdFollowUp *self)
{
  CdFollowUp *copy = cd_follow_up_new (self->due_at);

  copy->id = self->id;
  copy->method = self->method;
  copy->done_at = self->done_at;
  copy->satisfaction = self->satisfaction;
  g_free (copy->remarks);
  copy->remarks = g_strdup (self->remarks);
  return copy;
}
