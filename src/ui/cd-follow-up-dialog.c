/* cd-follow-up-dialog.c — recording a return visit, or planning a new one
 *
 * The dialog edits its own copy of the follow-up and hands that copy to whoever listens to
 * "recorded"; it never touches the database, so the case page and the Due views decide how
 * to store it and what to do when that fails.
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
  AdwWindow   parent_instance;

  /* Owned */
  CdFollowUp *follow_up;
};

G_DEFINE_FINAL_TYPE (CdFollowUpDialog, cd_follow_up_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Actions */

static void
record_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  CdFollowUpDialog *self = CD_FOLLOW_UP_DIALOG (widget);

  if (self->follow_up->done_at == CD_TIME_UNSET)
    self->follow_up->done_at = cd_time_now ();
  g_signal_emit (self, signals[RECORDED], 0, self->follow_up);
  gtk_window_destroy (GTK_WINDOW (self));
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
cd_follow_up_dialog_class_init (CdFollowUpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_follow_up_dialog_dispose;

  /**
   * CdFollowUpDialog::recorded:
   * @edited: (transfer none): the dialog's copy of the follow-up, as the user left it
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, CD_TYPE_FOLLOW_UP);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/CompDesk/ui/cd-follow-up-dialog.ui");
  gtk_widget_class_install_action (widget_class, "follow-up.record", NULL, record_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_follow_up_dialog_init (CdFollowUpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * cd_follow_up_dialog_new:
 * @parent: (nullable): the window it is modal to
 * @follow_up: the follow-up to record; the dialog edits a copy
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

  self = g_object_new (CD_TYPE_FOLLOW_UP_DIALOG, "transient-for", parent, NULL);
  self->follow_up = cd_follow_up_copy (follow_up);
  return GTK_WIDGET (self);
}
