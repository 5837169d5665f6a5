/* test-ui-reminders.c — CompDesk itself reminds of what fell due, end to end
 *
 * The real application (CdApplication, as main.c runs it) on a database with a late promise
 * and a follow-up due, and a stand-in for the desktop's notification server on the session
 * bus (org.gtk.Notifications, the interface GNOME Shell offers and GIO's "gtk" backend
 * talks to). The test checks what reaches the server, then clicks a notification as the shell
 * would (its default action) and looks at the case the window shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "cd-application.h"
#include "cd-case-page.h"
#include "cd-case-repository.h"
#include "cd-notifier.h"
#include "cd-reminders.h"
#include "cd-test-ui.h"
#include "cd-test-util.h"
#include "cd-time.h"
#include "cd-window.h"

#define HOUR ((gint64) 3600 * G_USEC_PER_SEC)

static const char server_xml[] =
  "<node>"
  "  <interface name='org.gtk.Notifications'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

typedef struct
{
  char             *dir;
  char             *path;
  gint64            late_case;   /* its promise is two hours late */
  gint64            visit_case;  /* its follow-up was due an hour ago */
  GHashTable       *received;    /* notification id → a{sv} */
  GDBusConnection  *server;
  guint             owner;
  gboolean          name_owned;
  GApplication     *app;
  const char       *app_id;      /* the application the notifications are expected from */
  gboolean          checked;
  CdDatabase       *db;
  CdCaseRepository *repo;
  CdNotifier       *notifier;    /* for the tests that drive one without the application */
} Fixture;

static void
server_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  Fixture *f = user_data;

  if (g_str_equal (method_name, "AddNotification"))
    {
      const char *app_id, *id;
      GVariant *notification;

      g_variant_get (parameters, "(&s&s@a{sv})", &app_id, &id, &notification);
      g_assert_cmpstr (app_id, ==, f->app_id);
      g_hash_table_replace (f->received, g_strdup (id), notification);
    }
  else if (g_str_equal (method_name, "RemoveNotification"))
    {
      const char *app_id, *id;

      g_variant_get (parameters, "(&s&s)", &app_id, &id);
      g_assert_cmpstr (app_id, ==, f->app_id);
      g_assert_true (g_hash_table_remove (f->received, id));
    }
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable server_vtable = { .method_call = server_method_call };

static void
name_acquired (GDBusConnection *connection,
               const char      *name,
               gpointer         user_data)
{
  ((Fixture *) user_data)->name_owned = TRUE;
}

/* The notification server on a connection of its own, as another process would have. */
static void
start_server (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (server_xml, &error);
  g_autofree char *address = NULL;
  g_assert_no_error (error);
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  f->server = g_dbus_connection_new_for_address_sync (
    address, G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
    G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION, NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (f->server, "/org/gtk/Notifications",
                                     info->interfaces[0], &server_vtable, f, NULL, &error);
  g_assert_no_error (error);
  f->owner = g_bus_own_name_on_connection (f->server, "org.gtk.Notifications",
                                        G_BUS_NAME_OWNER_FLAGS_NONE, name_acquired, NULL, f,
                                        NULL);
  for (int i = 0; i < 100 && !f->name_owned; i++)
    cd_test_spin (20);
  g_assert_true (f->name_owned);
}

/* Gives up the name and closes the connection, for the next test's server. */
static void
stop_server (Fixture *f)
{
  g_bus_unown_name (f->owner);
  g_dbus_connection_close_sync (f->server, NULL, NULL);
  g_clear_object (&f->server);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = cd_test_make_dir ();
  f->path = g_build_filename (f->dir, "compdesk.db", NULL);
  f->received = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_variant_unref);
  f->db = cd_database_open (f->path, &error);
  g_assert_no_error (error);
  f->repo = cd_case_repository_new (f->db);
  start_server (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->notifier);
  g_clear_object (&f->app);
  stop_server (f);
  g_hash_table_unref (f->received);
  g_clear_object (&f->repo);
  g_clear_object (&f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* A notifier on the fixture's database, in an application of the test's own. */
static void
start_notifier (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->app_id = "com.example.CompDesk.Test";
  f->app = g_application_new (f->app_id, G_APPLICATION_NON_UNIQUE);
  g_application_register (f->app, NULL, &error);
  g_assert_no_error (error);
  f->notifier = cd_notifier_new (f->app, f->db);
}

/* Waits until the server holds @n notifications. */
static void
wait_for_received (Fixture *f,
                   guint    n)
{
  for (int i = 0; i < 100 && g_hash_table_size (f->received) != n; i++)
    cd_test_spin (20);
  g_assert_cmpuint (g_hash_table_size (f->received), ==, n);
}

static gint64
add_case (CdCaseRepository *repo,
          const char       *name,
          CdStage           stage,
          gint64            promised_by,
          gint64            follow_up_due)
{
  g_autoptr(CdCase) kase = cd_case_new ();
  g_autoptr(GError) error = NULL;

  cd_case_set_string (&kase->customer_name, name);
  cd_case_set_string (&kase->product, "Thermos 500 ml");
  cd_case_set_string (&kase->promise, "Send a new lid by courier");
  kase->stage = stage;
  kase->promised_by = promised_by;
  if (follow_up_due != CD_TIME_UNSET)
    g_ptr_array_add (kase->followups, cd_follow_up_new (follow_up_due));
  g_assert_true (cd_case_repository_insert (repo, kase, &error));
  g_assert_no_error (error);
  return kase->id;
}

static const char *
lookup_string (GVariant   *notification,
               const char *key)
{
  const char *value = NULL;

  g_assert_true (g_variant_lookup (notification, key, "&s", &value));
  return value;
}

static CdWindow *
main_window (Fixture *f)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l; l = l->next)
    if (CD_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Runs inside the application's main loop once both reminders have arrived. */
static void
check_and_quit (Fixture *f)
{
  GVariant *promise, *visit;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *promise_id = g_strdup_printf ("due-promise-%" G_GINT64_FORMAT, f->late_case);
  CdWindow *window;
  GtkWidget *page;

  g_assert_cmpuint (g_hash_table_size (f->received), ==, 2);
  promise = g_hash_table_lookup (f->received, promise_id);
  g_assert_nonnull (promise);
  g_assert_cmpstr (lookup_string (promise, "title"), ==, "Promise to Ms Late Is Due");
  g_assert_cmpstr (lookup_string (promise, "body"), ==,
                   "Send a new lid by courier\nThermos 500 ml");
  g_assert_cmpstr (lookup_string (promise, "default-action"), ==, "app.open-case");
  target = g_variant_lookup_value (promise, "default-action-target", G_VARIANT_TYPE_INT64);
  g_assert_nonnull (target);
  g_assert_cmpint (g_variant_get_int64 (target), ==, f->late_case);

  visit = NULL;
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, f->received);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (g_str_has_prefix (key, "due-follow-up-"))
        visit = value;
  }
  g_assert_nonnull (visit);
  g_assert_cmpstr (lookup_string (visit, "title"), ==, "Follow-up With Mr Visit Is Due");

  /* The seller clicks the promise's notification. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-case", target);
  cd_test_spin (200);
  window = main_window (f);
  g_assert_nonnull (window);
  g_assert_cmpstr (cd_window_get_visible_page (window), ==, "case");
  page = cd_test_find_descendant (GTK_WIDGET (window), CD_TYPE_CASE_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpint (cd_case_page_get_case_id (CD_CASE_PAGE (page)), ==, f->late_case);

  /* The other kind of notification: the Overdue list of due items. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "show-view",
                                  g_variant_new_string ("overdue"));
  cd_test_spin (100);
  g_assert_cmpstr (cd_window_get_visible_page (window), ==, "due");

  f->checked = TRUE;
  g_application_quit (f->app);
}

static gboolean
poll_received (gpointer user_data)
{
  Fixture *f = user_data;

  if (g_hash_table_size (f->received) < 2)
    return G_SOURCE_CONTINUE;
  check_and_quit (f);
  return G_SOURCE_REMOVE;
}

static gboolean
give_up (gpointer user_data)
{
  g_error ("No reminder reached the notification server within 30 s");
  return G_SOURCE_REMOVE;
}

static void
test_notified_and_opened (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CdReminders) reminders = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = cd_time_now ();
  char *argv[] = { "compdesk", "--database", NULL, NULL };
  guint timeout;
  int status;

  f->late_case = add_case (f->repo, "Ms Late", CD_STAGE_AGREE, now - 2 * HOUR, CD_TIME_UNSET);
  f->visit_case = add_case (f->repo, "Mr Visit", CD_STAGE_FOLLOW_UP, CD_TIME_UNSET,
                            now - HOUR);
  add_case (f->repo, "Ms Ahead", CD_STAGE_AGREE, now + 24 * HOUR, CD_TIME_UNSET);

  f->app = G_APPLICATION (cd_application_new ());
  f->app_id = "com.example.CompDesk";
  g_timeout_add (100, poll_received, f);
  timeout = g_timeout_add_seconds (30, give_up, NULL);
  argv[2] = f->path;
  status = g_application_run (f->app, 3, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (f->checked);
  g_source_remove (timeout);

  /* Given once: the next run has nothing to remind of. */
  reminders = cd_reminders_new (f->db);
  again = cd_reminders_take (reminders, cd_time_now (), G_MAXUINT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
}

/* After a week away, one notification for all that fell due, opening the Overdue list. */
static void
test_many_at_once (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GVariant) target = NULL;
  gint64 now = cd_time_now ();
  GVariant *summary;

  for (int i = 0; i < CD_NOTIFIER_MAX_SEPARATE + 2; i++)
    add_case (f->repo, "Buyer", CD_STAGE_AGREE, now - (i + 1) * 24 * HOUR, CD_TIME_UNSET);
  start_notifier (f);

  g_assert_cmpuint (cd_notifier_check (f->notifier, now), ==, 1);
  wait_for_received (f, 1);
  summary = g_hash_table_lookup (f->received, "due-summary");
  g_assert_nonnull (summary);
  g_assert_cmpstr (lookup_string (summary, "title"), ==, "5 Promises and Follow-ups Are Due");
  g_assert_cmpstr (lookup_string (summary, "default-action"), ==, "app.show-view");
  target = g_variant_lookup_value (summary, "default-action-target", G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "overdue");

  /* Nothing twice. */
  g_assert_cmpuint (cd_notifier_check (f->notifier, now + 60 * G_USEC_PER_SEC), ==, 0);
}

/* The promise is kept: its notification leaves the desktop's list; the follow-up's stays. */
static void
test_withdrawn_when_done (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CdCase) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *promise_id = NULL;
  gint64 now = cd_time_now ();

  f->late_case = add_case (f->repo, "Ms Late", CD_STAGE_CARRY_OUT, now - HOUR, CD_TIME_UNSET);
  f->visit_case = add_case (f->repo, "Mr Visit", CD_STAGE_FOLLOW_UP, CD_TIME_UNSET,
                            now - HOUR);
  promise_id = g_strdup_printf ("due-promise-%" G_GINT64_FORMAT, f->late_case);
  start_notifier (f);

  g_assert_cmpuint (cd_notifier_check (f->notifier, now), ==, 2);
  wait_for_received (f, 2);

  /* Carried out: the promise is no longer pending. */
  kept = cd_case_repository_load (f->repo, f->late_case, &error);
  g_assert_no_error (error);
  kept->stage = CD_STAGE_FOLLOW_UP;
  g_assert_true (cd_case_repository_update (f->repo, kept, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (cd_notifier_check (f->notifier, now + 60 * G_USEC_PER_SEC), ==, 0);
  wait_for_received (f, 1);
  g_assert_false (g_hash_table_contains (f->received, promise_id));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* GNOME Shell's interface; GIO picks it when the name has an owner, this makes sure. */
  g_setenv ("GNOTIFICATION_BACKEND", "gtk", TRUE);

#define ADD(name, func) g_test_add ("/ui/reminders/" name, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("notified-and-opened", test_notified_and_opened);
  ADD ("many-at-once", test_many_at_once);
  ADD ("withdrawn-when-done", test_withdrawn_when_done);
#undef ADD
  return g_test_run ();
}
