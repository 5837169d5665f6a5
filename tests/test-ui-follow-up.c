/* test-ui-follow-up.c — the follow-up dialog and the date-and-time editor, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "cd-case-page.h"
#include "cd-case.h"
#include "cd-date-time-edit.h"
#include "cd-follow-up-dialog.h"
#include "cd-format.h"
#include "cd-test-ui.h"
#include "cd-test-util.h"
#include "cd-time.h"

#include <sqlite3.h>

#define MINUTE ((gint64) 60 * G_USEC_PER_SEC)
#define HOUR (60 * MINUTE)
/* 2026-11-20T02:00:00Z */
#define DUE G_GINT64_CONSTANT (1763604000000000)

typedef struct
{
  GtkWindow  *parent;
  CdFollowUp *follow_up;
  GPtrArray  *recorded;   /* (element-type CdFollowUp) what "recorded" handed over, copied */
  GPtrArray  *planned;    /* (element-type CdFollowUp) what "planned" handed over, copied */
  GError     *fail_with;  /* (nullable) what the handlers answer with */
} Fixture;

/* Helpers */

static gpointer
dialog_child (GtkWidget  *dialog,
              const char *name)
{
  GObject *found = gtk_widget_get_template_child (dialog, CD_TYPE_FOLLOW_UP_DIALOG, name);

  g_assert_nonnull (found);
  return found;
}

static gpointer
edit_child (GtkWidget  *edit,
            const char *name)
{
  GObject *found = gtk_widget_get_template_child (edit, CD_TYPE_DATE_TIME_EDIT, name);

  g_assert_nonnull (found);
  return found;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static char *
dup_remarks (GtkWidget *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dialog_child (dialog, "remarks_view"));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_remarks (GtkWidget  *dialog,
             const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (dialog_child (dialog, "remarks_view")),
                            text, -1);
}

static void
on_recorded_cb (CdFollowUpDialog *dialog,
                CdFollowUp       *edited,
                Fixture          *f)
{
  g_ptr_array_add (f->recorded, cd_follow_up_copy (edited));
  if (f->fail_with != NULL)
    cd_follow_up_dialog_show_error (dialog, NULL, f->fail_with);
}

static void
on_planned_cb (CdFollowUpDialog *dialog,
               CdFollowUp       *planned,
               Fixture          *f)
{
  g_ptr_array_add (f->planned, cd_follow_up_copy (planned));
  if (f->fail_with != NULL)
    cd_follow_up_dialog_show_error (dialog, NULL, f->fail_with);
}

static GtkWidget *
open_dialog (Fixture  *f,
             gboolean  plan)
{
  GtkWidget *dialog = plan ? cd_follow_up_dialog_new_plan (f->parent, f->follow_up)
                           : cd_follow_up_dialog_new (f->parent, f->follow_up);

  g_signal_connect (dialog, "recorded", G_CALLBACK (on_recorded_cb), f);
  g_signal_connect (dialog, "planned", G_CALLBACK (on_planned_cb), f);
  gtk_window_present (GTK_WINDOW (dialog));
  cd_test_spin (50);
  g_assert_true (find_toplevel (CD_TYPE_FOLLOW_UP_DIALOG) == GTK_WINDOW (dialog));
  return dialog;
}

static void
assert_follow_up_untouched (CdFollowUp *fu)
{
  g_assert_cmpint (fu->due_at, ==, DUE);
  g_assert_cmpint (fu->method, ==, CD_METHOD_SMS);
  g_assert_cmpint (fu->done_at, ==, CD_TIME_UNSET);
  g_assert_cmpint (fu->satisfaction, ==, 0);
  g_assert_cmpstr (fu->remarks, ==, "");
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->follow_up = cd_follow_up_new (DUE);
  f->follow_up->id = 42;
  f->follow_up->method = CD_METHOD_SMS;
  f->recorded = g_ptr_array_new_with_free_func (g_object_unref);
  f->planned = g_ptr_array_new_with_free_func (g_object_unref);
  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->parent);
  cd_test_spin (20);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *window;

  while ((window = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (window);
  while ((window = find_toplevel (CD_TYPE_FOLLOW_UP_DIALOG)) != NULL)
    gtk_window_destroy (window);
  gtk_window_destroy (f->parent);
  cd_test_spin (20);
  g_clear_error (&f->fail_with);
  g_ptr_array_unref (f->recorded);
  g_ptr_array_unref (f->planned);
  g_assert_finalize_object (f->follow_up);
}

/* Tests */

/* A follow-up due and not yet made: when and how it was due, "now" as the done time, no
 * score yet, and no remarks. */
static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (f, FALSE);
  g_autofree char *due = cd_format_time (DUE);
  g_autofree char *remarks = dup_remarks (dialog);
  gint64 done = cd_date_time_edit_get_time (dialog_child (dialog, "done_edit"));

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == f->parent);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Record Follow-up");
  g_assert_cmpstr (gtk_label_get_text (dialog_child (dialog, "due_label")), ==, due);
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "due_row")));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "due_edit_row")));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "result_group")));
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "method_row")), ==,
                    CD_METHOD_SMS);
  g_assert_true (gtk_toggle_button_get_active (dialog_child (dialog, "satisfaction_none")));
  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("satisfaction_%d", i);
      g_autofree char *spoken = g_strdup_printf ("Satisfaction %d of 5", i);
      g_autofree char *wrong = NULL;

      g_assert_false (gtk_toggle_button_get_active (dialog_child (dialog, name)));
      /* A screen reader says more than the digit on the button. */
      wrong = gtk_test_accessible_check_property (dialog_child (dialog, name),
                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
      g_assert_null (wrong);
    }
  g_assert_cmpstr (remarks, ==, "");
  g_assert_cmpint (ABS (done - cd_time_now ()), <, 10 * G_USEC_PER_SEC);
  /* The score is where the keyboard starts. */
  g_assert_true (gtk_widget_has_focus (dialog_child (dialog, "satisfaction_none")));

  /* A follow-up already made shows what was recorded. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  f->follow_up->done_at = DUE + HOUR;
  f->follow_up->satisfaction = 3;
  cd_case_set_string (&f->follow_up->remarks, "还行吧\n下次快点");
  dialog = open_dialog (f, FALSE);
  g_clear_pointer (&remarks, g_free);
  remarks = dup_remarks (dialog);
  g_assert_true (gtk_toggle_button_get_active (dialog_child (dialog, "satisfaction_3")));
  g_assert_false (gtk_toggle_button_get_active (dialog_child (dialog, "satisfaction_none")));
  g_assert_cmpstr (remarks, ==, "还行吧\n下次快点");
  g_assert_cmpint (cd_date_time_edit_get_time (dialog_child (dialog, "done_edit")), ==,
                   DUE + HOUR);
}

/* What the user sets is what "recorded" hands over; the follow-up given stays as it was. */
static void
test_record (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (f, FALSE);
  CdFollowUp *edited;

  gtk_toggle_button_set_active (dialog_child (dialog, "satisfaction_4"), TRUE);
  set_remarks (dialog, "  Happy with the new cup; asks for '; DROP TABLE followups; -- 🙂\n");
  adw_combo_row_set_selected (dialog_child (dialog, "method_row"), CD_METHOD_PHONE);
  cd_date_time_edit_set_time (dialog_child (dialog, "done_edit"), DUE + 2 * HOUR);
  g_assert_true (gtk_widget_activate_action (dialog, "follow-up.confirm", NULL));
  cd_test_spin (50);

  g_assert_cmpuint (f->recorded->len, ==, 1);
  g_assert_cmpuint (f->planned->len, ==, 0);
  edited = g_ptr_array_index (f->recorded, 0);
  g_assert_cmpint (edited->id, ==, 42);
  g_assert_cmpint (edited->due_at, ==, DUE);
  g_assert_cmpint (edited->method, ==, CD_METHOD_PHONE);
  g_assert_cmpint (edited->done_at, ==, DUE + 2 * HOUR);
  g_assert_cmpint (edited->satisfaction, ==, 4);
  g_assert_cmpstr (edited->remarks, ==,
                   "Happy with the new cup; asks for '; DROP TABLE followups; -- 🙂");
  assert_follow_up_untouched (f->follow_up);
  g_assert_null (find_toplevel (CD_TYPE_FOLLOW_UP_DIALOG));
}

/* "Not given" is a score of 0, even after a star was chosen and taken back. */
static void
test_record_without_score (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (f, FALSE);

  gtk_toggle_button_set_active (dialog_child (dialog, "satisfaction_2"), TRUE);
  gtk_toggle_button_set_active (dialog_child (dialog, "satisfaction_none"), TRUE);
  g_assert_false (gtk_toggle_button_get_active (dialog_child (dialog, "satisfaction_2")));
  g_assert_true (gtk_widget_activate_action (dialog, "follow-up.confirm", NULL));
  cd_test_spin (50);

  g_assert_cmpuint (f->recorded->len, ==, 1);
  g_assert_cmpint (((CdFollowUp *) g_ptr_array_index (f->recorded, 0))->satisfaction, ==, 0);
  g_assert_cmpint (((CdFollowUp *) g_ptr_array_index (f->recorded, 0))->done_at, !=,
                   CD_TIME_UNSET);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (f, FALSE);

  gtk_toggle_button_set_active (dialog_child (dialog, "satisfaction_5"), TRUE);
  set_remarks (dialog, "never mind");
  /* Escape and the Cancel button both close the window. */
  g_assert_cmpstr (gtk_actionable_get_action_name (dialog_child (dialog, "cancel_button")), ==,
                   "window.close");
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  cd_test_spin (50);

  g_assert_null (find_toplevel (CD_TYPE_FOLLOW_UP_DIALOG));
  g_assert_cmpuint (f->recorded->len, ==, 0);
  assert_follow_up_untouched (f->follow_up);
}

/* A listener that cannot store it keeps the dialog open, with what was typed. */
static void
test_error_keeps_input (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (f, FALSE);
  g_autofree char *remarks = NULL;
  GtkWindow *message;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  f->fail_with = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOSPC, "The disk is full.");
  gtk_toggle_button_set_active (dialog_child (dialog, "satisfaction_2"), TRUE);
  set_remarks (dialog, "退货太慢");
  g_assert_true (gtk_widget_activate_action (dialog, "follow-up.confirm", NULL));
  cd_test_spin (50);

  g_assert_cmpuint (f->recorded->len, ==, 1);
  g_assert_nonnull (dialog);
  g_assert_true (find_toplevel (CD_TYPE_FOLLOW_UP_DIALOG) == GTK_WINDOW (dialog));
  message = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_true (gtk_window_get_transient_for (message) == GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   "Could Not Record the Follow-up");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), ==,
                   "The disk is full.");
  remarks = dup_remarks (dialog);
  g_assert_cmpstr (remarks, ==, "退货太慢");
  g_assert_true (gtk_toggle_button_get_active (dialog_child (dialog, "satisfaction_2")));
  gtk_window_destroy (message);

  /* Once the listener can store it, the same input goes through and the dialog closes. */
  g_clear_error (&f->fail_with);
  g_assert_true (gtk_widget_activate_action (dialog, "follow-up.confirm", NULL));
  cd_test_spin (50);
  g_assert_null (dialog);
  g_assert_cmpuint (f->recorded->len, ==, 2);
  g_assert_cmpstr (((CdFollowUp *) g_ptr_array_index (f->recorded, 1))->remarks, ==, "退货太慢");
}

/* Planning asks when and how only, and answers with "planned". */
static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (f, TRUE);
  CdFollowUp *planned;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Plan Follow-up");
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "due_row")));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "due_edit_row")));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "result_group")));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "remarks_group")));
  g_assert_cmpint (cd_date_time_edit_get_time (dialog_child (dialog, "due_edit")), ==, DUE);
  g_assert_cmpstr (gtk_button_get_label (dialog_child (dialog, "confirm_button")), ==, "_Plan");

  cd_date_time_edit_set_time (dialog_child (dialog, "due_edit"), DUE + 24 * HOUR);
  adw_combo_row_set_selected (dialog_child (dialog, "method_row"), CD_METHOD_EMAIL);
  g_assert_true (gtk_widget_activate_action (dialog, "follow-up.confirm", NULL));
  cd_test_spin (50);

  g_assert_cmpuint (f->recorded->len, ==, 0);
  g_assert_cmpuint (f->planned->len, ==, 1);
  planned = g_ptr_array_index (f->planned, 0);
  g_assert_cmpint (planned->due_at, ==, DUE + 24 * HOUR);
  g_assert_cmpint (planned->method, ==, CD_METHOD_EMAIL);
  g_assert_cmpint (planned->done_at, ==, CD_TIME_UNSET);
  g_assert_cmpint (planned->satisfaction, ==, 0);
  assert_follow_up_untouched (f->follow_up);
  g_assert_null (find_toplevel (CD_TYPE_FOLLOW_UP_DIALOG));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

/* The editor shows local time and holds UTC; a time set from code is kept to the
 * microsecond until the person changes a part of it. */
static void
test_date_time_edit (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *edit = g_object_ref_sink (cd_date_time_edit_new ());
  const gint64 odd = DUE + 7 * MINUTE + 123456;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (odd / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDateTime) shown_day = NULL;
  guint n_notify = 0;

  g_signal_connect (edit, "notify::time", G_CALLBACK (on_notify_cb), &n_notify);
  cd_date_time_edit_set_time (CD_DATE_TIME_EDIT (edit), odd);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpint (cd_date_time_edit_get_time (CD_DATE_TIME_EDIT (edit)), ==, odd);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (edit_child (edit, "hour_spin")), ==,
                   g_date_time_get_hour (local));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (edit_child (edit, "minute_spin")), ==,
                   g_date_time_get_minute (local));
  shown_day = gtk_calendar_get_date (edit_child (edit, "calendar"));
  g_assert_cmpint (g_date_time_get_day_of_month (shown_day), ==,
                   g_date_time_get_day_of_month (local));
  g_assert_nonnull (gtk_menu_button_get_label (edit_child (edit, "date_button")));

  /* The same time again is no change. */
  cd_date_time_edit_set_time (CD_DATE_TIME_EDIT (edit), odd);
  g_assert_cmpuint (n_notify, ==, 1);

  /* One hour later on the clock: the seconds are the widgets' (none). */
  gtk_spin_button_set_value (edit_child (edit, "hour_spin"),
                             (g_date_time_get_hour (local) + 1) % 24);
  g_assert_cmpuint (n_notify, ==, 2);
  if (g_date_time_get_hour (local) < 23)
    g_assert_cmpint (cd_date_time_edit_get_time (CD_DATE_TIME_EDIT (edit)), ==,
                     odd - 123456 - g_date_time_get_second (local) * G_USEC_PER_SEC + HOUR);

  g_assert_finalize_object (edit);
}

/* The case page */

typedef struct
{
  char             *dir;
  CdDatabase       *db;
  CdCaseRepository *cases;
  GtkWindow        *window;
  CdCasePage       *page;
  GPtrArray        *toasts;  /* (element-type AdwToast) */
  CdCase           *kase;    /* as inserted: one follow-up made, one overdue */
} PageFixture;

static gpointer
page_child (PageFixture *f,
            const char  *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (f->page), CD_TYPE_CASE_PAGE, name);

  g_assert_nonnull (found);
  return found;
}

/* Whether a label anywhere under @widget shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

static CdCase *
load_case (PageFixture *f)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = cd_case_repository_load (f->cases, f->kase->id, &error);

  g_assert_no_error (error);
  return kase;
}

static CdFollowUp *
follow_up_at (CdCase *kase,
              guint   index)
{
  g_assert_cmpuint (index, <, kase->followups->len);
  return g_ptr_array_index (kase->followups, index);
}

static void
on_page_add_toast_cb (CdCasePage  *page,
                      AdwToast    *toast,
                      PageFixture *f)
{
  g_ptr_array_add (f->toasts, g_object_ref (toast));
}

static void
page_set_up (PageFixture   *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdFollowUp *made = cd_follow_up_new (cd_time_now () - 72 * HOUR);
  CdFollowUp *pending = cd_follow_up_new (cd_time_now () - 2 * HOUR);

  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->cases = cd_case_repository_new (f->db);
  f->toasts = g_ptr_array_new_with_free_func (g_object_unref);

  f->kase = cd_case_new ();
  cd_case_set_string (&f->kase->customer_name, "小林");
  f->kase->channel = CD_CHANNEL_PHONE;
  f->kase->stage = CD_STAGE_FOLLOW_UP;
  made->done_at = cd_time_now () - 70 * HOUR;
  made->satisfaction = 2;
  cd_case_set_string (&made->remarks, "还没收到补发");
  g_ptr_array_add (f->kase->followups, made);
  pending->method = CD_METHOD_PHONE;
  g_ptr_array_add (f->kase->followups, pending);
  g_assert_true (cd_case_repository_insert (f->cases, f->kase, &error));
  g_assert_no_error (error);

  f->page = cd_case_page_new (f->cases, NULL);
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  g_signal_connect (f->page, "add-toast", G_CALLBACK (on_page_add_toast_cb), f);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  cd_case_page_show_case (f->page, f->kase->id);
  cd_test_spin (50);
}

static void
page_tear_down (PageFixture   *f,
                gconstpointer  data)
{
  GtkWindow *window;

  while ((window = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (window);
  while ((window = find_toplevel (CD_TYPE_FOLLOW_UP_DIALOG)) != NULL)
    gtk_window_destroy (window);
  gtk_window_destroy (f->window);
  cd_test_spin (20);
  g_assert_null (f->page);

  g_ptr_array_unref (f->toasts);
  g_assert_finalize_object (f->kase);
  g_assert_finalize_object (f->cases);
  g_assert_finalize_object (f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* The pending follow-up's row has the only Record… button; it opens the dialog on it. */
static GtkWidget *
open_record_dialog (PageFixture *f)
{
  GtkWidget *button = cd_test_find_descendant (page_child (f, "followup_list"),
                                               GTK_TYPE_BUTTON);
  GtkWindow *dialog;

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Record…");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  cd_test_spin (50);
  dialog = find_toplevel (CD_TYPE_FOLLOW_UP_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == f->window);
  g_assert_cmpint (cd_follow_up_dialog_get_follow_up (CD_FOLLOW_UP_DIALOG (dialog))->id, ==,
                   follow_up_at (f->kase, 1)->id);
  return GTK_WIDGET (dialog);
}

static void
test_page_shows_follow_ups (PageFixture   *f,
                            gconstpointer  data)
{
  GtkWidget *list = page_child (f, "followup_list");
  GtkWidget *made_row = gtk_widget_get_first_child (list);
  GtkWidget *pending_row = gtk_widget_get_next_sibling (made_row);

  /* The visit made shows its score and remarks, and cannot be recorded again. */
  g_assert_true (shows_text (made_row, "★★☆☆☆"));
  g_assert_true (shows_text (made_row, "还没收到补发"));
  g_assert_null (cd_test_find_descendant (made_row, GTK_TYPE_BUTTON));
  /* The pending one is overdue and has its button. */
  g_assert_true (shows_text (pending_row, "Overdue"));
  g_assert_true (shows_text (pending_row, "Not done yet"));
  g_assert_nonnull (cd_test_find_descendant (pending_row, GTK_TYPE_BUTTON));
  g_assert_true (gtk_widget_is_sensitive (page_child (f, "plan_follow_up_button")));
}

/* Recording stores the done time, score and remarks, and the timeline says so. */
static void
test_page_record (PageFixture   *f,
                  gconstpointer  data)
{
  GtkWidget *dialog = open_record_dialog (f);
  g_autoptr(CdCase) stored = NULL;
  CdFollowUp *visit;
  CdTimelineEvent *last;
  gint64 done = cd_time_now () - 30 * MINUTE;

  gtk_toggle_button_set_active (dialog_child (dialog, "satisfaction_4"), TRUE);
  set_remarks (dialog, "收到了，谢谢\n下次还来");
  adw_combo_row_set_selected (dialog_child (dialog, "method_row"), CD_METHOD_SMS);
  cd_date_time_edit_set_time (dialog_child (dialog, "done_edit"), done);
  g_assert_true (gtk_widget_activate_action (dialog, "follow-up.confirm", NULL));
  cd_test_spin (50);
  g_assert_null (find_toplevel (CD_TYPE_FOLLOW_UP_DIALOG));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  stored = load_case (f);
  g_assert_cmpuint (stored->followups->len, ==, 2);
  visit = follow_up_at (stored, 1);
  g_assert_cmpint (visit->done_at, ==, done);
  g_assert_cmpint (visit->satisfaction, ==, 4);
  g_assert_cmpint (visit->method, ==, CD_METHOD_SMS);
  g_assert_cmpint (visit->due_at, ==, follow_up_at (f->kase, 1)->due_at);
  g_assert_cmpstr (visit->remarks, ==, "收到了，谢谢\n下次还来");
  /* The other visit is as it was. */
  g_assert_cmpint (follow_up_at (stored, 0)->satisfaction, ==, 2);
  g_assert_cmpstr (follow_up_at (stored, 0)->remarks, ==, "还没收到补发");

  g_assert_cmpuint (stored->events->len, ==, f->kase->events->len + 1);
  last = g_ptr_array_index (stored->events, stored->events->len - 1);
  g_assert_cmpstr (last->kind, ==, CD_EVENT_EDITED);
  /* The remarks hold a line break: named, not quoted. */
  g_assert_cmpstr (last->text, ==,
                   "follow_up.recorded: 4\nfollow_up.method: phone → sms\nfollow_up.remarks");

  /* The page shows it: stars instead of the button, and the timeline's newest line. */
  g_assert_true (shows_text (page_child (f, "followup_list"), "★★★★☆"));
  g_assert_true (shows_text (page_child (f, "followup_list"), "下次还来"));
  g_assert_null (cd_test_find_descendant (page_child (f, "followup_list"), GTK_TYPE_BUTTON));
  g_assert_false (shows_text (page_child (f, "followup_list"), "Overdue"));
  g_assert_true (shows_text (gtk_widget_get_first_child (page_child (f, "timeline_list")),
                             "Follow-up recorded: satisfaction 4/5"));
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (adw_toast_get_title (g_ptr_array_index (f->toasts, 0)), ==,
                   "Follow-up recorded");
}

static void
test_page_record_cancelled (PageFixture   *f,
                            gconstpointer  data)
{
  GtkWidget *dialog = open_record_dialog (f);
  g_autoptr(CdCase) stored = NULL;

  gtk_toggle_button_set_active (dialog_child (dialog, "satisfaction_5"), TRUE);
  set_remarks (dialog, "never mind");
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  cd_test_spin (50);
  g_assert_null (find_toplevel (CD_TYPE_FOLLOW_UP_DIALOG));

  stored = load_case (f);
  g_assert_cmpint (follow_up_at (stored, 1)->done_at, ==, CD_TIME_UNSET);
  g_assert_cmpint (follow_up_at (stored, 1)->satisfaction, ==, 0);
  g_assert_cmpstr (follow_up_at (stored, 1)->remarks, ==, "");
  g_assert_cmpuint (stored->events->len, ==, f->kase->events->len);
  g_assert_cmpint (stored->updated_at, ==, f->kase->updated_at);
  g_assert_cmpuint (f->toasts->len, ==, 0);
}

/* A database that refuses the write (read-only here; a full disk alike): a clear message,
 * the dialog stays with what was typed, and nothing is half stored. */
static void
test_page_record_error (PageFixture   *f,
                        gconstpointer  data)
{
  sqlite3 *handle = cd_database_get_handle (f->db);
  GtkWidget *dialog = open_record_dialog (f);
  g_autoptr(CdCase) stored = NULL;
  g_autofree char *remarks = NULL;
  GtkWindow *message;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_toggle_button_set_active (dialog_child (dialog, "satisfaction_3"), TRUE);
  set_remarks (dialog, "换货慢了两天");
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA query_only = ON", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_true (gtk_widget_activate_action (dialog, "follow-up.confirm", NULL));
  cd_test_spin (50);

  message = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   "Could Not Record the Follow-up");
  g_test_message ("body: %s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), !=, "");
  g_assert_true (gtk_window_get_transient_for (message) == GTK_WINDOW (dialog));
  g_assert_nonnull (dialog);
  remarks = dup_remarks (dialog);
  g_assert_cmpstr (remarks, ==, "换货慢了两天");
  g_assert_true (gtk_toggle_button_get_active (dialog_child (dialog, "satisfaction_3")));
  g_assert_cmpuint (f->toasts->len, ==, 0);

  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA query_only = OFF", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  stored = load_case (f);
  g_assert_cmpint (follow_up_at (stored, 1)->done_at, ==, CD_TIME_UNSET);
  g_assert_cmpuint (stored->events->len, ==, f->kase->events->len);
  g_clear_object (&stored);

  /* Once the database takes writes again, the same input is recorded. */
  gtk_window_destroy (message);
  g_assert_true (gtk_widget_activate_action (dialog, "follow-up.confirm", NULL));
  cd_test_spin (50);
  g_assert_null (dialog);
  stored = load_case (f);
  g_assert_cmpint (follow_up_at (stored, 1)->satisfaction, ==, 3);
  g_assert_cmpstr (follow_up_at (stored, 1)->remarks, ==, "换货慢了两天");
}

/* "Plan Follow-up…" suggests a visit the way the buyer got in touch, and adds it. */
static void
test_page_plan (PageFixture   *f,
                gconstpointer  data)
{
  g_autoptr(CdCase) stored = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *expected_event = NULL;
  g_autofree char *due_text = NULL;
  GtkWidget *dialog;
  CdFollowUp *added;
  gint64 suggested;

  g_signal_emit_by_name (page_child (f, "plan_follow_up_button"), "clicked");
  cd_test_spin (50);
  dialog = GTK_WIDGET (find_toplevel (CD_TYPE_FOLLOW_UP_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Plan Follow-up");
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "method_row")), ==,
                    CD_METHOD_PHONE);
  suggested = cd_date_time_edit_get_time (dialog_child (dialog, "due_edit"));
  g_assert_cmpint (suggested, >, cd_time_now () + 24 * HOUR);
  utc = g_date_time_new_from_unix_utc (suggested / G_USEC_PER_SEC);
  local = g_date_time_to_local (utc);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 10);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 0);

  adw_combo_row_set_selected (dialog_child (dialog, "method_row"), CD_METHOD_PLATFORM_CHAT);
  g_assert_true (gtk_widget_activate_action (dialog, "follow-up.confirm", NULL));
  cd_test_spin (50);
  g_assert_null (find_toplevel (CD_TYPE_FOLLOW_UP_DIALOG));

  stored = load_case (f);
  g_assert_cmpuint (stored->followups->len, ==, 3);
  added = follow_up_at (stored, 2);
  g_assert_cmpint (added->due_at, ==, suggested);
  g_assert_cmpint (added->method, ==, CD_METHOD_PLATFORM_CHAT);
  g_assert_cmpint (added->done_at, ==, CD_TIME_UNSET);
  g_assert_cmpint (follow_up_at (stored, 1)->done_at, ==, CD_TIME_UNSET);
  due_text = cd_time_format (suggested);
  expected_event = g_strdup_printf ("follow_up.planned: %s", due_text);
  g_assert_cmpstr (((CdTimelineEvent *) g_ptr_array_index (stored->events,
                                                           stored->events->len - 1))->text,
                   ==, expected_event);
  g_clear_pointer (&due_text, g_free);
  due_text = cd_format_time (suggested);
  g_assert_true (shows_text (page_child (f, "followup_list"), due_text));
  g_assert_true (shows_text (gtk_widget_get_first_child (page_child (f, "timeline_list")),
                             "Follow-up planned for"));
  g_assert_true (shows_text (gtk_widget_get_first_child (page_child (f, "timeline_list")),
                             due_text));
  g_assert_cmpuint (f->toasts->len, ==, 1);

  /* Planning cancelled adds nothing. */
  g_signal_emit_by_name (page_child (f, "plan_follow_up_button"), "clicked");
  cd_test_spin (50);
  dialog = GTK_WIDGET (find_toplevel (CD_TYPE_FOLLOW_UP_DIALOG));
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  cd_test_spin (50);
  g_clear_object (&stored);
  stored = load_case (f);
  g_assert_cmpuint (stored->followups->len, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  /* GTK's test accessibility backend keeps what a screen reader would be told, without a
   * bus, so the tests can check the satisfaction buttons' names. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(name, func) g_test_add ("/ui/follow-up/" name, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("fields", test_fields);
  ADD ("record", test_record);
  ADD ("record-without-score", test_record_without_score);
  ADD ("cancel", test_cancel);
  ADD ("error-keeps-input", test_error_keeps_input);
  ADD ("plan", test_plan);
  ADD ("date-time-edit", test_date_time_edit);
#undef ADD
#define ADD(name, func) g_test_add ("/ui/follow-up/case-page/" name, PageFixture, NULL, \
                                    page_set_up, func, page_tear_down)
  ADD ("shows-follow-ups", test_page_shows_follow_ups);
  ADD ("record", test_page_record);
  ADD ("record-cancelled", test_page_record_cancelled);
  ADD ("record-error", test_page_record_error);
  ADD ("plan", test_page_plan);
#undef ADD

  return g_test_run ();
}
