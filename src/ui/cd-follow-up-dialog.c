/* cd-follow-up-dialog.c — recording a follow-up made: satisfaction, remarks, done time
 *
 * A MINIMAL STAND-IN on the `due` branch (see the header): the satisfaction and the remarks,
 * the done time being now. It emits "recorded" with the edited copy and writes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-follow-up-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-follow-up-dialog.h"
#include "cd-time.h"

struct _CdFollowUpDialog
{
  AdwMessageDialog parent_instance;

  /* Owned */
  CdFollowUp      *follow_up;

  /* Borrowed */
  GtkSpinButton   *satisfaction;
  GtkEntry        *remarks;
};

G_DEFINE_FINAL_TYPE (CdFollowUpDialog, cd_follow_up_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_response_cb (CdFollowUpDialog *self,
                const char       *response)
{
  g_autoptr(CdFollowUp) edited = NULL;

  if (g_strcmp0 (response, "record") != 0)
    return;
  edited = cd_follow_up_copy (self->follow_up);
  if (edited->done_at == CD_TIME_UNSET)
    edited->done_at = cd_time_now ();
  edited->satisfaction = gtk_spin_button_get_value_as_int (self->satisfaction);
  g_free (edited->remarks);
  edited->remarks = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->remarks)));
  g_signal_emit (self, signals[RECORDED], 0, edited);
}

static void
cd_follow_up_dialog_finalize (GObject *object)
{
  CdFollowUpDialog *self = (CdFollowUpDialog *) object;

  g_clear_object (&self->follow_up);
  G_OBJECT_CLASS (cd_follow_up_dialog_parent_class)->finalize (object);
}

static void
cd_follow_up_dialog_class_init (CdFollowUpDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_follow_up_dialog_finalize;

  /**
   * CdFollowUpDialog::recorded:
   * @edited: (transfer none): the follow-up as made
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, CD_TYPE_FOLLOW_UP);
}

static void
cd_follow_up_dialog_init (CdFollowUpDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *satisfaction_label = gtk_label_new_with_mnemonic (_("_Satisfaction (1–5, 0 if not given)"));
  GtkWidget *remarks_label = gtk_label_new_with_mnemonic (_("_Remarks"));

  self->satisfaction = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 5, 1));
  self->remarks = GTK_ENTRY (gtk_entry_new ());
  gtk_label_set_xalign (GTK_LABEL (satisfaction_label), 0);
  gtk_label_set_xalign (GTK_LABEL (remarks_label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (satisfaction_label), GTK_WIDGET (self->satisfaction));
  gtk_label_set_mnemonic_widget (GTK_LABEL (remarks_label), GTK_WIDGET (self->remarks));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->satisfaction),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, satisfaction_label, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->remarks),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, remarks_label, NULL, -1);
  gtk_entry_set_activates_default (self->remarks, TRUE);
  gtk_box_append (GTK_BOX (box), satisfaction_label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->satisfaction));
  gtk_box_append (GTK_BOX (box), remarks_label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->remarks));

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Record Follow-up"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "record",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
}

/**
 * cd_follow_up_dialog_new:
 * @follow_up: (transfer none): the follow-up to record; it is copied
 *
 * Returns: (transfer none): a new modal dialog; present it
 */
GtkWidget *
cd_follow_up_dialog_new (GtkWindow  *parent,
                         CdFollowUp *follow_up)
{
  CdFollowUpDialog *self = g_object_new (CD_TYPE_FOLLOW_UP_DIALOG,
                                         "transient-for", parent,
                                         "modal", TRUE,
                                         NULL);

  self->follow_up = cd_follow_up_copy (follow_up);
  gtk_spin_button_set_value (self->satisfaction, follow_up->satisfaction);
  gtk_editable_set_text (GTK_EDITABLE (self->remarks), follow_up->remarks);
  return GTK_WIDGET (self);
}
