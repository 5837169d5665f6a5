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

static CdFollowUpMethod
method_for_channel (CdChannel channel)
{
  switch (channel)
    {
    case CD_CHANNEL_PHONE:
      return CD_METHOD_PHONE;
    case CD_CHANNEL_SMS:
      return CD_METHOD_SMS;
    case CD_CHANNEL_EMAIL:
      return CD_METHOD_EMAIL;
    case CD_CHANNEL_PLATFORM_CHAT:
      return CD_METHOD_PLATFORM_CHAT;
    case CD_CHANNEL_OTHER:
    default:
      return CD_METHOD_OTHER;
    }
}

/**
 * cd_follow_up_new_planned:
 * @channel: how the buyer reached the shop
 * @now: the current time, UTC microseconds
 *
 * The return visit the wizard and the case page suggest: a few days after @now, at ten in
 * the morning local time (a decent hour to call), the way the buyer got in touch.
 *
 * Returns: (transfer full): a follow-up not yet done
 */
CdFollowUp *
cd_follow_up_new_planned (CdChannel channel,
                          gint64    now)
{
  const int days_ahead = 3;
  const int hour = 10;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) due = NULL;
  CdFollowUp *self;

  g_return_val_if_fail (utc != NULL, NULL);

  local = g_date_time_to_local (utc);
  later = g_date_time_add_days (local, days_ahead);
  due = g_date_time_new_local (g_date_time_get_year (later), g_date_time_get_month (later),
                               g_date_time_get_day_of_month (later), hour, 0, 0);
  self = cd_follow_up_new (g_date_time_to_unix (due) * G_USEC_PER_SEC);
  self->method = method_for_channel (channel);
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
