/* cd-follow-up-dialog.c — recording a return visit, or planning a new one
 *
 * The dialog edits its own copy of the follow-up and hands that copy to whoever listens to
 * "recorded" (or "planned"); it never touches the database, so the case page and the Due
 * views decide how to store it. When storing fails, the listener calls
 * cd_follow_up_dialog_show_error() and the dialog stays open with everything typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-follow-up-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-date-time-edit.h"
#include "cd-enums.h"
#include "cd-follow-up-dialog.h"
#include "cd-format.h"
#include "cd-time.h"

#define N_SCORES 5

struct _CdFollowUpDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkButton       *confirm_button;
  AdwActionRow    *due_row;
  GtkLabel        *due_label;
  AdwActionRow    *due_edit_row;
  CdDateTimeEdit  *due_edit;
  AdwComboRow     *method_row;
  AdwPreferencesGroup *result_group;
  AdwPreferencesGroup *remarks_group;
  CdDateTimeEdit  *done_edit;
  GtkToggleButton *satisfaction_none;
  GtkToggleButton *satisfaction_1;
  GtkToggleButton *satisfaction_2;
  GtkToggleButton *satisfaction_3;
  GtkToggleButton *satisfaction_4;
  GtkToggleButton *satisfaction_5;
  GtkTextView     *remarks_view;

  /* Owned */
  CdFollowUp      *follow_up;

  gboolean         planning;
  gboolean         failed;    /* a listener could not store what was confirmed */
};

G_DEFINE_FINAL_TYPE (CdFollowUpDialog, cd_follow_up_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  PLANNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static GtkToggleButton *
score_button (CdFollowUpDialog *self,
              int               score)
{
  GtkToggleButton *buttons[N_SCORES + 1] = { self->satisfaction_none, self->satisfaction_1,
                                             self->satisfaction_2, self->satisfaction_3,
                                             self->satisfaction_4, self->satisfaction_5 };

  return buttons[CLAMP (score, 0, N_SCORES)];
}

static int
read_score (CdFollowUpDialog *self)
{
  for (int score = 1; score <= N_SCORES; score++)
    if (gtk_toggle_button_get_active (score_button (self, score)))
      return score;
  return 0;
}

static char *
dup_remarks (CdFollowUpDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->remarks_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
set_method_model (AdwComboRow *row)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint n = cd_enum_get_n_values (CD_TYPE_FOLLOW_UP_METHOD);

  /* The enum is numbered from 0 without gaps, so a position is a value. */
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, cd_enum_get_label (CD_TYPE_FOLLOW_UP_METHOD, (int) i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static void
show_follow_up (CdFollowUpDialog *self)
{
  CdFollowUp *f = self->follow_up;
  g_autofree char *due = cd_format_time (f->due_at);

  gtk_label_set_text (self->due_label, due);
  cd_date_time_edit_set_time (self->due_edit, f->due_at);
  adw_combo_row_set_selected (self->method_row, f->method);
  cd_date_time_edit_set_time (self->done_edit,
                              f->done_at != CD_TIME_UNSET ? f->done_at : cd_time_now ());
  gtk_toggle_button_set_active (score_button (self, f->satisfaction), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->remarks_view), f->remarks, -1);
}

/* Planning asks when and how only; the rest is for when the visit is made. */
static void
set_planning (CdFollowUpDialog *self)
{
  self->planning = TRUE;
  /* A width of -1 would leave the window at its natural width, which squeezed the Due On
   * row's title to a letter a line beside the date and time. */
  gtk_window_set_default_size (GTK_WINDOW (self), 580, 380);
  gtk_window_set_title (GTK_WINDOW (self), _("Plan Follow-up"));
  adw_window_title_set_title (self->window_title, _("Plan Follow-up"));
  gtk_button_set_label (self->confirm_button, _("_Plan"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->confirm_button), _("Plan (Ctrl+Enter)"));
  gtk_widget_set_visible (GTK_WIDGET (self->due_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->due_edit_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->remarks_group), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->method_row),
                               _("How you will ask the buyer"));
}

/* Actions */

static void
confirm_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CdFollowUpDialog *self = CD_FOLLOW_UP_DIALOG (widget);
  CdFollowUp *f = self->follow_up;

  f->method = (CdFollowUpMethod) adw_combo_row_get_selected (self->method_row);
  if (self->planning)
    f->due_at = cd_date_time_edit_get_time (self->due_edit);
  else
    {
      f->done_at = cd_date_time_edit_get_time (self->done_edit);
      f->satisfaction = read_score (self);
      g_free (f->remarks);
      f->remarks = dup_remarks (self);
    }

  /* Kept alive for the listeners, which may show an error on it or destroy it. */
  g_object_ref (self);
  self->failed = FALSE;
  g_signal_emit (self, signals[self->planning ? PLANNED : RECORDED], 0, f);
  if (!self->failed)
    gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* Ctrl+Enter confirms from any field. A class binding would not do: bindings act as the key
 * bubbles up, and the remarks text view takes Enter with any modifier for a new line. */
static void
add_confirm_shortcut (CdFollowUpDialog *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut =
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                      gtk_named_action_new ("follow-up.confirm"));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* GObject overrides */

static void
cd_follow_up_dialog_dispose (GObject *object)
{
  CdFollowUpDialog *self = (CdFollowUpDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_FOLLOW_UP_DIALOG);
  g_clear_object (&self->follow_up);
  G_OBJECT_CLASS (cd_follow_up_dialog_parent_class)->dispose (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/CompDesk/ui/cd-follow-up-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, due_label);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, due_edit_row);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, due_edit);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, result_group);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, remarks_group);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, done_edit);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, satisfaction_none);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, satisfaction_1);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, satisfaction_2);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, satisfaction_3);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, satisfaction_4);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, satisfaction_5);
  gtk_widget_class_bind_template_child (widget_class, CdFollowUpDialog, remarks_view);
  /* Named for the tests, which find them with gtk_widget_get_template_child(). */
  gtk_widget_class_bind_template_child_full (widget_class, "cancel_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "done_row", FALSE, 0);
}

static void
cd_follow_up_dialog_class_init (CdFollowUpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_follow_up_dialog_dispose;

  /**
   * CdFollowUpDialog::recorded:
   * @edited: (transfer none): the dialog's copy of the follow-up, now done: its method,
   *   done time, satisfaction (0 when not given) and remarks as the user left them
   *
   * The user confirmed. The dialog closes after the handlers ran, unless one of them called
   * cd_follow_up_dialog_show_error().
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, CD_TYPE_FOLLOW_UP);
  /**
   * CdFollowUpDialog::planned:
   * @planned: (transfer none): the dialog's copy, with the due time and method chosen
   *
   * As #CdFollowUpDialog::recorded, for a dialog from cd_follow_up_dialog_new_plan().
   */
  signals[PLANNED] = g_signal_new ("planned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, CD_TYPE_FOLLOW_UP);

  g_type_ensure (CD_TYPE_DATE_TIME_EDIT);
  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "follow-up.confirm", NULL, confirm_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_follow_up_dialog_init (CdFollowUpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_confirm_shortcut (self);
  set_method_model (self->method_row);
}

static CdFollowUpDialog *
create (GtkWindow  *parent,
        CdFollowUp *follow_up)
{
  CdFollowUpDialog *self = g_object_new (CD_TYPE_FOLLOW_UP_DIALOG,
                                         "transient-for", parent, NULL);

  self->follow_up = cd_follow_up_copy (follow_up);
  show_follow_up (self);
  return self;
}

/* Public API */

/**
 * cd_follow_up_dialog_new:
 * @parent: (nullable): the window it is modal to
 * @follow_up: the follow-up to record; the dialog edits a copy
 *
 * A dialog to record a return visit: how it was made, when (now, unless @follow_up was
 * already done), the buyer's satisfaction and remarks.
 *
 * Returns: (transfer none): the dialog, not yet shown; it destroys itself when closed
 */
GtkWidget *
cd_follow_up_dialog_new (GtkWindow  *parent,
                         CdFollowUp *follow_up)
{
  CdFollowUpDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CD_IS_FOLLOW_UP (follow_up), NULL);

  self = create (parent, follow_up);
  gtk_widget_grab_focus (GTK_WIDGET (score_button (self, self->follow_up->satisfaction)));
  return GTK_WIDGET (self);
}

/**
 * cd_follow_up_dialog_new_plan:
 * @parent: (nullable): the window it is modal to
 * @draft: the follow-up to plan, with a suggested due time and method; the dialog edits a
 *   copy
 *
 * A dialog to plan a return visit: when it is due and how. It emits
 * #CdFollowUpDialog::planned, not ::recorded.
 *
 * Returns: (transfer none): the dialog, not yet shown; it destroys itself when closed
 */
GtkWidget *
cd_follow_up_dialog_new_plan (GtkWindow  *parent,
                              CdFollowUp *draft)
{
  CdFollowUpDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CD_IS_FOLLOW_UP (draft), NULL);

  self = create (parent, draft);
  set_planning (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->due_edit));
  return GTK_WIDGET (self);
}

/**
 * cd_follow_up_dialog_show_error:
 * @heading: (nullable): what failed, e.g. "Could Not Record the Follow-up"
 * @error: why
 *
 * For a ::recorded or ::planned handler that could not store the follow-up: the dialog
 * stays open with everything typed, and a message on top of it says why.
 */
void
cd_follow_up_dialog_show_error (CdFollowUpDialog *self,
                                const char       *heading,
                                const GError     *error)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (CD_IS_FOLLOW_UP_DIALOG (self));
  g_return_if_fail (error != NULL);

  self->failed = TRUE;
  if (heading == NULL)
    heading = self->planning ? _("Could Not Plan the Follow-up")
                             : _("Could Not Record the Follow-up");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cd_follow_up_dialog_get_follow_up:
 *
 * Returns: (transfer none): the dialog's copy, as it was given or last confirmed
 */
CdFollowUp *
cd_follow_up_dialog_get_follow_up (CdFollowUpDialog *self)
{
  g_return_val_if_fail (CD_IS_FOLLOW_UP_DIALOG (self), NULL);

  return self->follow_up;
}
