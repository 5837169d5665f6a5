/* cd-notifier.c — desktop notifications for promises and follow-ups that fall due
 *
 * Soon after the main window is shown, and then once a minute, whatever fell due since the
 * last reminder (cd-reminders.c keeps track, in the database) becomes a GNotification whose
 * default action opens the case ("app.open-case"). A few items get one notification each,
 * replacing an earlier one for the same item; many at once (after a holiday, say) get a
 * single one that opens the Overdue list ("app.show-view"). A notification for an item that
 * was since done or moved to later is withdrawn at the next check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-due-item.h"
#include "cd-due-list.h"
#include "cd-enums.h"
#include "cd-notifier.h"
#include "cd-reminders.h"
#include "cd-time.h"

/* How often to look for what fell due while running, in seconds. */
#define CHECK_INTERVAL 60

struct _CdNotifier
{
  GObject       parent_instance;

  GApplication *application; /* unowned: the application owns the notifier */
  CdReminders  *reminders;
  CdDatabase   *db;
  GHashTable   *shown;       /* notification id → the CdDueItem it is about */
  guint         source;
};

G_DEFINE_FINAL_TYPE (CdNotifier, cd_notifier, G_TYPE_OBJECT)

static const char *
buyer_of (CdDueItem *item)
{
  /* Translators: stands for the buyer's name in a reminder when no name was taken down */
  return item->customer_name[0] != '\0' ? item->customer_name : _("the buyer");
}

static GNotification *
notification_for_item (CdDueItem *item)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) body = g_string_new (NULL);

  if (item->kind == CD_DUE_PROMISE)
    {
      /* Translators: a desktop notification's title; %s is the buyer's name */
      title = g_strdup_printf (_("Promise to %s Is Due"), buyer_of (item));
      g_string_append (body, item->promise[0] != '\0' ? item->promise
                                                      : _("The remedy you agreed on is due."));
    }
  else
    {
      /* Translators: a desktop notification's title; %s is the buyer's name */
      title = g_strdup_printf (_("Follow-up With %s Is Due"), buyer_of (item));
      /* Translators: %s is how to contact the buyer, such as "Phone" or "Platform chat" */
      g_string_append_printf (body, _("Ask how it went: %s"),
                              cd_enum_get_label (CD_TYPE_FOLLOW_UP_METHOD, item->method));
    }
  if (item->product[0] != '\0')
    g_string_append_printf (body, "\n%s", item->product);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_default_action_and_target_value (notification, "app.open-case",
                                                      g_variant_new_int64 (item->case_id));
  return g_steal_pointer (&notification);
}

static char *
id_for_item (CdDueItem *item)
{
  if (item->kind == CD_DUE_PROMISE)
    return g_strdup_printf ("due-promise-%" G_GINT64_FORMAT, item->case_id);
  return g_strdup_printf ("due-follow-up-%" G_GINT64_FORMAT, item->follow_up_id);
}

static GNotification *
notification_for_many (guint n)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;

  title = g_strdup_printf (ngettext ("%u Promise or Follow-up Is Due",
                                     "%u Promises and Follow-ups Are Due", n), n);
  notification = g_notification_new (title);
  g_notification_set_body (notification, _("They are listed under Overdue."));
  g_notification_set_default_action_and_target_value (notification, "app.show-view",
                                                      g_variant_new_string ("overdue"));
  return g_steal_pointer (&notification);
}

/* A notification whose promise was kept or follow-up made (or moved to later) since is taken
 * back, so the desktop's list holds only what still needs doing. */
static void
withdraw_settled (CdNotifier *self)
{
  GHashTableIter iter;
  gpointer id, item;

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, &id, &item))
    {
      g_autoptr(GError) error = NULL;
      gboolean pending;

      if (!cd_due_item_is_pending (self->db, item, &pending, &error))
        return;
      if (!pending)
        {
          g_application_withdraw_notification (self->application, id);
          g_hash_table_iter_remove (&iter);
        }
    }
}

/**
 * cd_notifier_check:
 * @now: the current time, UTC microseconds
 *
 * Sends the notifications for what fell due since the last check.
 *
 * Returns: how many notifications were sent
 */
guint
cd_notifier_check (CdNotifier *self,
                   gint64      now)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_due = 0;

  g_return_val_if_fail (CD_IS_NOTIFIER (self), 0);

  withdraw_settled (self);
  items = cd_reminders_take (self->reminders, now, CD_NOTIFIER_MAX_SEPARATE + 1, &n_due,
                             &error);
  if (items == NULL)
    {
      /* The window reports database trouble when the seller works; a reminder is not worth
       * a dialog of its own. */
      g_message ("Cannot look for what falls due: %s", error->message);
      return 0;
    }

  if (n_due > CD_NOTIFIER_MAX_SEPARATE)
    {
      g_autoptr(GNotification) notification = notification_for_many ((guint) MIN (n_due,
                                                                             G_MAXUINT));

      g_application_send_notification (self->application, "due-summary", notification);
      return 1;
    }

  for (guint i = 0; i < items->len; i++)
    {
      CdDueItem *item = g_ptr_array_index (items, i);
      g_autoptr(GNotification) notification = notification_for_item (item);
      g_autofree char *id = id_for_item (item);

      g_application_send_notification (self->application, id, notification);
      g_hash_table_insert (self->shown, g_steal_pointer (&id), g_object_ref (item));
    }
  return items->len;
}

static gboolean
check_cb (gpointer user_data)
{
  CdNotifier *self = CD_NOTIFIER (user_data);

  cd_notifier_check (self, cd_time_now ());
  return G_SOURCE_CONTINUE;
}

static gboolean
first_check_cb (gpointer user_data)
{
  CdNotifier *self = CD_NOTIFIER (user_data);

  cd_notifier_check (self, cd_time_now ());
  self->source = g_timeout_add_seconds (CHECK_INTERVAL, check_cb, self);
  return G_SOURCE_REMOVE;
}

/**
 * cd_notifier_start:
 * @first_check_seconds: when to look the first time; the start-up path never waits for it
 *
 * Looks for what fell due after @first_check_seconds, then once a minute.
 */
void
cd_notifier_start (CdNotifier *self,
                   guint       first_check_seconds)
{
  g_return_if_fail (CD_IS_NOTIFIER (self));

  g_clear_handle_id (&self->source, g_source_remove);
  self->source = g_timeout_add_seconds (first_check_seconds, first_check_cb, self);
}

/* GObject */

static void
cd_notifier_dispose (GObject *object)
{
  CdNotifier *self = CD_NOTIFIER (object);

  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_object (&self->reminders);
  g_clear_object (&self->db);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  G_OBJECT_CLASS (cd_notifier_parent_class)->dispose (object);
}

static void
cd_notifier_class_init (CdNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cd_notifier_dispose;
}

static void
cd_notifier_init (CdNotifier *self)
{
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

CdNotifier *
cd_notifier_new (GApplication *application,
                 CdDatabase   *db)
{
  CdNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CD_IS_DATABASE (db), NULL);

  self = g_object_new (CD_TYPE_NOTIFIER, NULL);
  self->application = application;
  self->reminders = cd_reminders_new (db);
  self->db = g_object_ref (db);
  return self;
}
