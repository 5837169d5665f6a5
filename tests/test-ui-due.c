/* test-ui-due.c — the Due Today and Overdue views in the main window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "cd-case-page.h"
#include "cd-date-time-edit.h"
#include "cd-due-view-private.h"
#include "cd-follow-up-dialog.h"
#include "cd-format.h"
#include "cd-test-ui.h"
#include "cd-test-util.h"
#include "cd-time.h"
#include "cd-window.h"

#define MINUTE ((gint64) 60 * G_USEC_PER_SEC)
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

/* One registered application for the whole program, as in CompDesk itself. */
static GtkApplication *application;

typedef struct
{
  char             *dir;
  CdDatabase       *db;
  CdCaseRepository *cases;   /* the window's own, once it is open */
  CdWindow         *window;
  CdDueView        *view;
  GPtrArray        *toasts;  /* every AdwToast the view raised */
  gint64            now;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->cases = cd_case_repository_new (f->db);
  f->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  f->now = cd_time_now ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (l->data != f->window)
      gtk_window_destroy (l->data);
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  cd_test_spin (50);
  g_ptr_array_unref (f->toasts);
  g_clear_object (&f->cases);
  g_clear_object (&f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
on_add_toast_cb (CdDueView *view,
                 AdwToast  *toast,
                 Fixture   *f)
{
  g_ptr_array_add (f->toasts, g_object_ref (toast));
}

/* A case with a promise (CD_TIME_UNSET for none) kept by an accepted refund, and a phone
 * follow-up (CD_TIME_UNSET for none). */
static gint64
add_case (Fixture    *f,
          const char *name,
          CdStage     stage,
          gint64      promised_by,
          gint64      follow_up_at)
{
  g_autoptr(CdCase) kase = cd_case_new ();
  g_autoptr(GError) error = NULL;

  cd_case_set_string (&kase->customer_name, name);
  cd_case_set_string (&kase->product, "西湖龙井 250克");
  cd_case_set_string (&kase->promise, "今天六点前退款 <b>&</b>");
  kase->stage = stage;
  kase->promised_by = promised_by;
  if (promised_by != CD_TIME_UNSET)
    {
      CdCompensation *refund = cd_compensation_new (CD_COMPENSATION_FULL_REFUND,
                                                    CD_COMPENSATION_ACCEPTED);

      refund->amount = refund->cost = 12800;
      g_ptr_array_add (kase->compensations, refund);
    }
  if (follow_up_at != CD_TIME_UNSET)
    {
      CdFollowUp *follow_up = cd_follow_up_new (follow_up_at);

      follow_up->method = CD_METHOD_PHONE;
      g_ptr_array_add (kase->followups, follow_up);
    }
  g_assert_true (cd_case_repository_insert (f->cases, kase, &error));
  g_assert_no_error (error);
  return kase->id;
}

static void
open_window (Fixture    *f,
             const char *view_name)
{
  f->window = cd_window_new (application, f->db, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  cd_test_spin (100);
  /* From now on, changes go through the window's repository, as its forms' do. */
  g_clear_object (&f->cases);
  f->cases = g_object_ref (cd_window_get_case_repository (f->window));

  cd_window_show_view (f->window, view_name);
  cd_test_spin (50);
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "due");
  f->view = CD_DUE_VIEW (cd_test_find_descendant (GTK_WIDGET (f->window), CD_TYPE_DUE_VIEW));
  g_assert_nonnull (f->view);
  g_signal_connect (f->view, "add-toast", G_CALLBACK (on_add_toast_cb), f);
}

static guint
n_items (Fixture *f)
{
  return g_list_model_get_n_items (cd_due_view_get_items (f->view));
}

static CdDueItem *
item_at (Fixture *f,
         guint    i)
{
  CdDueItem *item = g_list_model_get_item (cd_due_view_get_items (f->view), i);

  g_assert_nonnull (item);
  g_object_unref (item);  /* the store keeps it */
  return item;
}

static GtkWidget *
row_at (Fixture *f,
        int      i)
{
  GtkListBox *list = GTK_LIST_BOX (cd_test_find_descendant (GTK_WIDGET (f->view),
                                                            GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_by_name (GtkWidget  *root,
              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_name (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The sidebar's count for a view, "" when hidden (nothing to count). */
static const char *
sidebar_count (Fixture    *f,
               const char *row_name)
{
  GtkWidget *row = find_by_name (GTK_WIDGET (f->window), row_name);
  GtkWidget *count;

  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  count = gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
  return gtk_widget_get_visible (count) ? gtk_label_get_text (GTK_LABEL (count)) : "";
}

/* The window counts in an idle, which animations (a toast coming in) may hold back a while. */
static void
assert_sidebar_count (Fixture    *f,
                      const char *row_name,
                      const char *expected)
{
  for (int i = 0; i < 40 && g_strcmp0 (sidebar_count (f, row_name), expected) != 0; i++)
    cd_test_spin (50);
  g_assert_cmpstr (sidebar_count (f, row_name), ==, expected);
}

static CdCase *
load (Fixture *f,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = cd_case_repository_load (f->cases, id, &error);

  g_assert_no_error (error);
  return kase;
}

/* Something later today, or -1 when today has too little left for the test. */
static gint64
later_today (Fixture *f,
             gint64   wanted)
{
  g_autoptr(CdCaseQuery) today = cd_case_query_new (CD_VIEW_DUE_TODAY);

  cd_case_query_set_today (today, f->now);
  if (f->now + wanted >= today->day_end)
    return -1;
  return f->now + wanted;
}

/* Each promise and follow-up is a row of its own, earliest first; the sidebar counts them,
 * not cases; closed cases, kept promises and tomorrow's items are not there. */
static void
test_lists_and_counts (Fixture       *f,
                       gconstpointer  data)
{
  gint64 soon = later_today (f, 2 * MINUTE);
  gint64 both, follow_up_only;
  GtkWidget *row, *label;
  g_autofree char *absolute = NULL;

  both = add_case (f, "小林", CD_STAGE_CARRY_OUT, f->now - 2 * HOUR, f->now - 3 * DAY);
  follow_up_only = add_case (f, "Dana", CD_STAGE_FOLLOW_UP, CD_TIME_UNSET, f->now - HOUR);
  add_case (f, "closed", CD_STAGE_CLOSED, f->now - HOUR, f->now - HOUR);
  add_case (f, "kept", CD_STAGE_IMPROVE, f->now - HOUR, CD_TIME_UNSET);
  add_case (f, "tomorrow", CD_STAGE_AGREE, f->now + 2 * DAY, CD_TIME_UNSET);
  if (soon > 0)
    add_case (f, "today", CD_STAGE_AGREE, soon, CD_TIME_UNSET);
  open_window (f, "overdue");

  g_assert_cmpuint (n_items (f), ==, 3);
  g_assert_cmpint (item_at (f, 0)->case_id, ==, both);
  g_assert_cmpint (item_at (f, 0)->kind, ==, CD_DUE_FOLLOW_UP);
  g_assert_cmpint (item_at (f, 1)->case_id, ==, both);
  g_assert_cmpint (item_at (f, 1)->kind, ==, CD_DUE_PROMISE);
  g_assert_cmpint (item_at (f, 2)->case_id, ==, follow_up_only);

  /* What, for whom and when, overdue in the error colour; the promise as typed, not markup. */
  row = row_at (f, 0);
  g_assert_true (shows_text (row, "Follow-up by phone"));
  g_assert_true (shows_text (row, "小林 · 西湖龙井 250克"));
  g_assert_true (shows_text (row, "3 days overdue"));
  g_assert_true (shows_text (row_at (f, 1), "今天六点前退款 <b>&</b>"));
  g_assert_true (shows_text (row_at (f, 1), "2 hours overdue"));
  g_assert_true (shows_text (row_at (f, 2), "1 hour overdue"));
  /* The relative time has the date and time as its tooltip. */
  absolute = cd_format_time (f->now - 3 * DAY);
  label = find_by_tooltip (row, absolute);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "error"));

  /* Every action button says what it does, to the eye and to a screen reader. */
  g_assert_nonnull (find_by_tooltip (row, "Mark Done"));
  g_assert_nonnull (find_by_tooltip (row, "Reschedule"));
  g_assert_nonnull (find_by_tooltip (row, "Open Case"));

  cd_test_spin (50);
  assert_sidebar_count (f, "overdue", "3");
  assert_sidebar_count (f, "due-today", soon > 0 ? "1" : "");

  if (soon > 0)
    {
      cd_window_show_view (f->window, "due-today");
      g_assert_cmpuint (n_items (f), ==, 1);
      g_assert_true (shows_text (row_at (f, 0), "in 1 minute"));
      g_clear_pointer (&absolute, g_free);
      absolute = cd_format_time (soon);
      label = find_by_tooltip (row_at (f, 0), absolute);
      g_assert_nonnull (label);
      g_assert_false (gtk_widget_has_css_class (label, "error"));
    }
}

/* Mark Done on a promise: carried out in the database, gone from the list and the count; its
 * toast's Undo brings it all back. */
static void
test_mark_promise_done (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = add_case (f, "小林", CD_STAGE_CARRY_OUT, f->now - 2 * HOUR, CD_TIME_UNSET);
  g_autoptr(CdCase) after = NULL;
  CdCompensation *refund;

  add_case (f, "Dana", CD_STAGE_FOLLOW_UP, CD_TIME_UNSET, f->now - HOUR);
  open_window (f, "overdue");
  g_assert_cmpuint (n_items (f), ==, 2);

  gtk_widget_grab_focus (find_by_tooltip (row_at (f, 0), "Mark Done"));
  g_signal_emit_by_name (find_by_tooltip (row_at (f, 0), "Mark Done"), "clicked");
  cd_test_spin (100);

  after = load (f, id);
  refund = g_ptr_array_index (after->compensations, 0);
  g_assert_cmpint (after->stage, ==, CD_STAGE_FOLLOW_UP);
  g_assert_cmpint (refund->status, ==, CD_COMPENSATION_DONE);
  g_assert_cmpint (refund->done_at, >=, f->now);
  g_assert_cmpuint (n_items (f), ==, 1);
  g_assert_true (shows_text (row_at (f, 0), "Dana"));
  assert_sidebar_count (f, "overdue", "1");
  /* The keyboard goes on with the next row. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         row_at (f, 0)) ||
                 gtk_root_get_focus (GTK_ROOT (f->window)) == row_at (f, 0));

  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (adw_toast_get_title (g_ptr_array_index (f->toasts, 0)), ==,
                   "Promise marked as kept");
  g_signal_emit_by_name (g_ptr_array_index (f->toasts, 0), "button-clicked");
  cd_test_spin (100);
  g_clear_object (&after);
  after = load (f, id);
  g_assert_cmpint (after->stage, ==, CD_STAGE_CARRY_OUT);
  g_assert_cmpint (((CdCompensation *) after->compensations->pdata[0])->status, ==,
                   CD_COMPENSATION_ACCEPTED);
  g_assert_cmpuint (n_items (f), ==, 2);
  assert_sidebar_count (f, "overdue", "2");

  /* A second Undo does nothing more. */
  g_signal_emit_by_name (g_ptr_array_index (f->toasts, 0), "button-clicked");
  cd_test_spin (50);
  g_assert_cmpuint (f->toasts->len, ==, 1);
}

/* Mark Done on a follow-up asks how it went; what the dialog records is written. */
static void
test_mark_follow_up_done (Fixture       *f,
                          gconstpointer  data)
{
  gint64 id = add_case (f, "Dana", CD_STAGE_FOLLOW_UP, CD_TIME_UNSET, f->now - HOUR);
  g_autoptr(CdCase) after = NULL;
  g_autoptr(CdFollowUp) edited = NULL;
  GtkWidget *dialog = NULL;
  CdFollowUp *stored;

  open_window (f, "overdue");
  g_assert_cmpuint (n_items (f), ==, 1);
  g_signal_emit_by_name (find_by_tooltip (row_at (f, 0), "Mark Done"), "clicked");
  cd_test_spin (100);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (CD_IS_FOLLOW_UP_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  /* Nothing is written before the dialog says so. */
  g_assert_cmpuint (n_items (f), ==, 1);

  edited = cd_follow_up_new (f->now - HOUR);
  edited->id = item_at (f, 0)->follow_up_id;
  edited->method = CD_METHOD_PHONE;
  edited->done_at = f->now;
  edited->satisfaction = 4;
  cd_case_set_string (&edited->remarks, "满意");
  g_signal_emit_by_name (dialog, "recorded", edited);
  cd_test_spin (100);

  after = load (f, id);
  stored = g_ptr_array_index (after->followups, 0);
  g_assert_cmpint (stored->done_at, ==, f->now);
  g_assert_cmpint (stored->satisfaction, ==, 4);
  g_assert_cmpstr (stored->remarks, ==, "满意");
  g_assert_cmpuint (n_items (f), ==, 0);
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (adw_toast_get_title (g_ptr_array_index (f->toasts, 0)), ==,
                   "Follow-up recorded");
}

/* Reschedule to tomorrow morning: the new deadline is stored, the item leaves Overdue, and
 * Undo puts it back. */
static void
test_reschedule (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = add_case (f, "小林", CD_STAGE_AGREE, f->now - 2 * HOUR, CD_TIME_UNSET);
  g_autoptr(CdCase) after = NULL;
  g_autofree char *key = NULL;
  GtkMenuButton *menu_button;
  gint64 expected;

  open_window (f, "overdue");
  g_assert_cmpuint (n_items (f), ==, 1);
  /* The menu is made when first opened, with the five choices. */
  menu_button = GTK_MENU_BUTTON (find_by_tooltip (row_at (f, 0), "Reschedule"));
  g_assert_null (gtk_menu_button_get_menu_model (menu_button));
  gtk_menu_button_popup (menu_button);
  cd_test_spin (50);
  g_assert_nonnull (gtk_menu_button_get_menu_model (menu_button));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (menu_button)), ==,
                   5);
  gtk_menu_button_popdown (menu_button);

  key = cd_due_view_item_key (item_at (f, 0));
  expected = cd_due_view_preset_time ("tomorrow", cd_time_now ());
  g_assert_true (gtk_widget_activate_action (find_by_tooltip (row_at (f, 0), "Reschedule"),
                                             "due.reschedule", "(ss)", key, "tomorrow"));
  cd_test_spin (100);

  after = load (f, id);
  g_assert_cmpint (after->promised_by, ==, expected);
  g_assert_cmpuint (n_items (f), ==, 0);
  assert_sidebar_count (f, "overdue", "");
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (g_ptr_array_index (f->toasts, 0)),
                                   "Rescheduled to "));

  g_signal_emit_by_name (g_ptr_array_index (f->toasts, 0), "button-clicked");
  cd_test_spin (100);
  g_clear_object (&after);
  after = load (f, id);
  g_assert_cmpint (after->promised_by, ==, f->now - 2 * HOUR);
  g_assert_cmpuint (n_items (f), ==, 1);
}

/* "Pick a date and time…": the shared date-time editor, starting at the current deadline;
 * Reschedule stores what was picked. */
static void
test_pick_time (Fixture       *f,
                gconstpointer  data)
{
  gint64 due = f->now - 2 * HOUR - (f->now % (60 * G_USEC_PER_SEC));
  gint64 id = add_case (f, "小林", CD_STAGE_AGREE, due, CD_TIME_UNSET);
  g_autoptr(CdCase) after = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GList) toplevels = NULL;
  AdwMessageDialog *dialog = NULL;
  CdDateTimeEdit *edit;
  gint64 picked = due + 3 * 24 * HOUR;

  open_window (f, "overdue");
  key = cd_due_view_item_key (item_at (f, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "due.pick-time", "s", key));
  cd_test_spin (100);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  edit = CD_DATE_TIME_EDIT (cd_test_find_descendant (GTK_WIDGET (dialog),
                                                     CD_TYPE_DATE_TIME_EDIT));
  g_assert_cmpint (cd_date_time_edit_get_time (edit), ==, due);

  cd_date_time_edit_set_time (edit, picked);
  adw_message_dialog_response (dialog, "reschedule");
  cd_test_spin (100);
  after = load (f, id);
  g_assert_cmpint (after->promised_by, ==, picked);
  g_assert_cmpuint (n_items (f), ==, 0);
}

/* In a narrow window the due time moves under the title, so the title keeps its width. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *relative = NULL;
  GtkWidget *row;

  add_case (f, "小林", CD_STAGE_AGREE, f->now - 2 * HOUR, CD_TIME_UNSET);
  open_window (f, "overdue");
  row = row_at (f, 0);
  relative = cd_due_view_format_due (item_at (f, 0)->due_at, f->view->now);
  g_assert_true (gtk_widget_get_visible (g_object_get_data (G_OBJECT (row), "time-label")));
  g_assert_false (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                    relative));

  cd_due_view_set_folded (f->view, TRUE);
  g_assert_false (gtk_widget_get_visible (g_object_get_data (G_OBJECT (row), "time-label")));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   relative));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "小林"));

  cd_due_view_set_folded (f->view, FALSE);
  g_assert_true (gtk_widget_get_visible (g_object_get_data (G_OBJECT (row), "time-label")));
}

/* Row activation and the Open Case button open the case; Back returns to the due list. */
static void
test_open_case (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = add_case (f, "小林", CD_STAGE_AGREE, f->now - 2 * HOUR, CD_TIME_UNSET);
  GtkWidget *page;

  open_window (f, "overdue");
  g_signal_emit_by_name (cd_test_find_descendant (GTK_WIDGET (f->view), GTK_TYPE_LIST_BOX),
                         "row-activated", row_at (f, 0));
  cd_test_spin (50);
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "case");
  page = cd_test_find_descendant (GTK_WIDGET (f->window), CD_TYPE_CASE_PAGE);
  g_assert_cmpint (cd_case_page_get_case_id (CD_CASE_PAGE (page)), ==, id);

  g_signal_emit_by_name (page, "back");
  cd_test_spin (50);
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "due");

  g_signal_emit_by_name (find_by_tooltip (row_at (f, 0), "Open Case"), "clicked");
  cd_test_spin (50);
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "case");
}

/* Past CD_DUE_VIEW_MAX_ROWS the earliest are shown, and the header and a note say how many
 * there are in all. */
static void
test_long_list (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CdCase) kase = cd_case_new ();
  g_autoptr(GError) error = NULL;
  guint n = CD_DUE_VIEW_MAX_ROWS + 5;
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;
  g_autofree char *count = NULL;
  GtkWidget *window_title;

  kase->stage = CD_STAGE_FOLLOW_UP;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (kase->followups, cd_follow_up_new (f->now - DAY - (gint64) i * MINUTE));
  g_assert_true (cd_case_repository_insert (f->cases, kase, &error));
  g_assert_no_error (error);
  open_window (f, "overdue");

  g_assert_cmpuint (n_items (f), ==, CD_DUE_VIEW_MAX_ROWS);
  g_assert_cmpint (item_at (f, 0)->due_at, ==, f->now - DAY - (gint64) (n - 1) * MINUTE);
  window_title = cd_test_find_descendant (GTK_WIDGET (f->view), ADW_TYPE_WINDOW_TITLE);
  subtitle = g_strdup_printf ("%u things to do", n);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (window_title)), ==,
                   subtitle);
  note = g_strdup_printf ("The earliest %u of %u are shown.", CD_DUE_VIEW_MAX_ROWS, n);
  g_assert_true (shows_text (GTK_WIDGET (f->view), note));
  count = g_strdup_printf ("%u", n);
  assert_sidebar_count (f, "overdue", count);

  /* Fewer again: the note goes. */
  for (guint i = 0; i < 5; i++)
    g_ptr_array_remove_index (kase->followups, kase->followups->len - 1);
  g_assert_true (cd_case_repository_update (f->cases, kase, &error));
  cd_test_spin (100);
  g_assert_cmpuint (n_items (f), ==, CD_DUE_VIEW_MAX_ROWS);
  g_assert_false (shows_text (GTK_WIDGET (f->view), "are shown."));
}

/* Nothing due: the empty state says so, for each view. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  add_case (f, "closed", CD_STAGE_CLOSED, f->now - HOUR, CD_TIME_UNSET);
  open_window (f, "due-today");
  g_assert_cmpuint (n_items (f), ==, 0);
  g_assert_true (shows_text (GTK_WIDGET (f->view), "Nothing Due Today"));
  cd_window_show_view (f->window, "overdue");
  g_assert_true (shows_text (GTK_WIDGET (f->view), "Nothing Overdue"));
  g_assert_false (shows_text (GTK_WIDGET (f->view), "Nothing Due Today"));
}

/* What passes its time moves from Due Today to Overdue at the next tick of the clock. */
static void
test_time_passes (Fixture       *f,
                  gconstpointer  data)
{
  gint64 soon = later_today (f, 1500 * 1000);

  if (soon < 0)
    {
      g_test_skip ("Too close to midnight");
      return;
    }
  add_case (f, "Dana", CD_STAGE_FOLLOW_UP, CD_TIME_UNSET, soon);
  open_window (f, "due-today");
  g_assert_cmpuint (n_items (f), ==, 1);
  g_assert_true (shows_text (row_at (f, 0), "due now"));

  g_usleep (2 * G_USEC_PER_SEC);
  cd_due_view_refresh_time (f->view);
  g_assert_cmpuint (n_items (f), ==, 0);
  cd_window_show_view (f->window, "overdue");
  g_assert_cmpuint (n_items (f), ==, 1);
  g_assert_true (shows_text (row_at (f, 0), "just overdue"));
}

/* The relative times and the Reschedule presets, from a fixed now. */
static void
test_times (void)
{
  g_autoptr(GDateTime) base = g_date_time_new_local (2026, 11, 25, 14, 30, 0);  /* a Wednesday */
  gint64 now = g_date_time_to_unix (base) * G_USEC_PER_SEC;
  struct {
    gint64      due_at;
    const char *text;
  } cases[] = {
    { now, "due now" },
    { now + 59 * G_USEC_PER_SEC, "due now" },
    { now - 30 * G_USEC_PER_SEC, "just overdue" },
    { now + MINUTE, "in 1 minute" },
    { now + 2 * HOUR + 5 * MINUTE, "in 2 hours" },
    { now - MINUTE * 45, "45 minutes overdue" },
    { now - HOUR, "1 hour overdue" },
    { now + DAY, "in 1 day" },
    { now - 3 * DAY - HOUR, "3 days overdue" },
  };
  struct {
    const char *preset;
    int         day, hour, minute;
  } presets[] = {
    { "tomorrow", 26, 9, 0 },
    { "three-days", 28, 14, 30 },
    { "next-week", 30, 9, 0 },  /* Monday */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cd_due_view_format_due (cases[i].due_at, now);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  g_assert_cmpint (cd_due_view_preset_time ("hour", now), ==, now + HOUR);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      gint64 at = cd_due_view_preset_time (presets[i].preset, now);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);

      g_assert_cmpint (g_date_time_get_day_of_month (local), ==, presets[i].day);
      g_assert_cmpint (g_date_time_get_hour (local), ==, presets[i].hour);
      g_assert_cmpint (g_date_time_get_minute (local), ==, presets[i].minute);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  application = GTK_APPLICATION (adw_application_new ("com.example.CompDesk.Test",
                                                      G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

#define ADD(name, func) g_test_add ("/ui/due/" name, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("lists-and-counts", test_lists_and_counts);
  ADD ("mark-promise-done", test_mark_promise_done);
  ADD ("mark-follow-up-done", test_mark_follow_up_done);
  ADD ("reschedule", test_reschedule);
  ADD ("pick-time", test_pick_time);
  ADD ("narrow", test_narrow);
  ADD ("open-case", test_open_case);
  ADD ("long-list", test_long_list);
  ADD ("empty", test_empty);
  ADD ("time-passes", test_time_passes);
#undef ADD
  g_test_add_func ("/ui/due/times", test_times);

  return g_test_run ();
}
