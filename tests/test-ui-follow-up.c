/* test-ui-follow-up.c — the follow-up dialog and the date-and-time editor, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "cd-case.h"
#include "cd-date-time-edit.h"
#include "cd-follow-up-dialog.h"
#include "cd-format.h"
#include "cd-test-ui.h"
#include "cd-time.h"

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

      g_assert_false (gtk_toggle_button_get_active (dialog_child (dialog, name)));
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

int
main (int    argc,
      char **argv)
{
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

  return g_test_run ();
}
