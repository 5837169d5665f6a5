/* cd-reminders.c — what fell due since the seller was last reminded
 *
 * A promise or a follow-up is reminded of once, when its due time passes: the database keeps
 * the instant up to which reminders were given (a watermark), and each call hands out what
 * fell due after it and moves it to now. So nothing is reminded of twice, across restarts
 * too, and what fell due while CompDesk was closed is reminded of at the next start; moving
 * a deadline to a later time reminds of it again when that time comes. On a read-only
 * database the watermark is only kept in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cd-due-list.h"
#include "cd-error.h"
#include "cd-reminders.h"
#include "cd-settings-store.h"
#include "cd-time.h"

#define WATERMARK_KEY "reminders.given_until"

struct _CdReminders
{
  GObject     parent_instance;

  CdDatabase *db;
  gint64      given_until; /* CD_TIME_UNSET until known */
};

G_DEFINE_FINAL_TYPE (CdReminders, cd_reminders, G_TYPE_OBJECT)

static void
cd_reminders_finalize (GObject *object)
{
  CdReminders *self = CD_REMINDERS (object);

  g_clear_object (&self->db);
  G_OBJECT_CLASS (cd_reminders_parent_class)->finalize (object);
}

static void
cd_reminders_class_init (CdRemindersClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_reminders_finalize;
}

static void
cd_reminders_init (CdReminders *self)
{
  self->given_until = CD_TIME_UNSET;
}

CdReminders *
cd_reminders_new (CdDatabase *db)
{
  CdReminders *self;

  g_return_val_if_fail (CD_IS_DATABASE (db), NULL);

  self = g_object_new (CD_TYPE_REMINDERS, NULL);
  self->db = g_object_ref (db);
  return self;
}

/* The later of the stored and the remembered watermark; CD_TIME_UNSET when neither is. */
static gboolean
read_given_until (CdReminders  *self,
                  gint64       *given_until,
                  GError      **error)
{
  g_autofree char *value = NULL;
  gint64 stored;

  *given_until = self->given_until;
  if (!cd_settings_store_get (self->db, WATERMARK_KEY, &value, error))
    return FALSE;
  /* A value that does not parse is treated as never set: remind of everything once more
   * rather than never again. */
  if (value != NULL && g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64,
                                                 &stored, NULL) &&
      (*given_until == CD_TIME_UNSET || stored > *given_until))
    *given_until = stored;
  return TRUE;
}

/**
 * cd_reminders_take:
 * @now: the current time, UTC microseconds
 * @limit: how many items to read at most
 * @n_due: (out) (optional): how many fell due in all, which may be more than @limit
 *
 * The first time ever, every pending promise and follow-up already due is handed out. Only
 * the first @limit are read: after a long absence a database can hold a hundred thousand
 * overdue items, and one notification tells of them all.
 *
 * Returns: (transfer full) (element-type CdDueItem): the promises and follow-ups of open
 *   cases that fell due since the last call, earliest first; %NULL on error
 */
GPtrArray *
cd_reminders_take (CdReminders  *self,
                   gint64        now,
                   guint         limit,
                   gint64       *n_due,
                   GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;
  gint64 given_until, from, count;

  g_return_val_if_fail (CD_IS_REMINDERS (self), NULL);

  if (n_due != NULL)
    *n_due = 0;
  if (!read_given_until (self, &given_until, error))
    return NULL;
  /* Time set back: nothing new is due before the instant already reminded of. */
  if (given_until != CD_TIME_UNSET && given_until >= now)
    return g_ptr_array_new_with_free_func (g_object_unref);

  from = given_until == CD_TIME_UNSET ? G_MININT64 : given_until + 1;
  items = cd_due_list_head (self->db, from, now + 1, limit, error);
  if (items == NULL)
    return NULL;
  count = items->len < limit ? (gint64) items->len : cd_due_count (self->db, from, now + 1, error);
  if (count < 0)
    return NULL;
  if (n_due != NULL)
    *n_due = count;

  self->given_until = now;
  /* Nothing fell due: the stored mark may lag, since starting from it again finds nothing
   * more. That spares the disk a synchronous write every minute. */
  if (count == 0 && given_until != CD_TIME_UNSET)
    return g_steal_pointer (&items);
  value = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  if (!cd_settings_store_set (self->db, WATERMARK_KEY, value, &local_error))
    {
      if (!g_error_matches (local_error, CD_ERROR, CD_ERROR_READ_ONLY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return g_steal_pointer (&items);
}
