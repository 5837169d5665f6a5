/* cd-wizard-actions.c — what the seller can do in the wizard, and the keys for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-print.h"
#include "cd-wizard-private.h"

/* Actions */

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CdWizard *self = CD_WIZARD (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  CdWizardStep *step;
  gboolean closing;
  int next;

  if (self->kase == NULL || self->current < 0)
    return;
  step = self->steps[self->current];
  if (!cd_wizard_step_can_advance (step, &reason))
    {
      _cd_wizard_show_toast (self, reason);
      return;
    }
  cd_wizard_step_commit (step);

  closing = self->current == CD_STAGE_IMPROVE;
  next = MIN (self->current + 1, CD_WIZARD_N_STEPS - 1);
  if (closing || (!_cd_wizard_is_finished (self) && next > _cd_wizard_max_reached (self)))
    _cd_wizard_set_stage (self, closing ? CD_STAGE_CLOSED : (CdStage) next, &error);
  else
    _cd_wizard_save_case (self, TRUE, &error);
  if (error != NULL)
    {
      _cd_wizard_show_save_error (self, error);
      return;
    }
  if (closing)
    {
      _cd_wizard_show_toast (self, _("Case closed. Thank you for looking after this buyer."));
      _cd_wizard_update_navigation (self);
      return;
    }
  _cd_wizard_go_to (self, next);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CdWizard *self = CD_WIZARD (widget);

  _cd_wizard_set_current_step (self, self->current - 1);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CdWizard *self = CD_WIZARD (widget);
  g_autoptr(GError) error = NULL;

  if (self->kase == NULL)
    return;
  if (!_cd_wizard_save_case (self, FALSE, &error))
    {
      _cd_wizard_show_save_error (self, error);
      return;
    }
  cd_print_case (GTK_WINDOW (self), self->kase, self->shop_name, self->currency);
}

static void
copy_message_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  cd_message_box_copy (CD_WIZARD (widget)->message_box);
}

/* GtkWindow overrides */

static void
on_save_failed_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            CdWizard         *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discarding = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
_cd_wizard_close_request (GtkWindow *window)
{
  CdWizard *self = CD_WIZARD (window);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->discarding || _cd_wizard_save_case (self, FALSE, &error))
    return GTK_WINDOW_CLASS (g_type_class_peek (ADW_TYPE_WINDOW))->close_request (window);

  dialog = adw_message_dialog_new (window, _("The Case Could Not Be Saved"), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Open"),
                                    "discard", _("Close _Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_failed_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
_cd_wizard_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "wizard.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "wizard.copy-message", NULL,
                                   copy_message_activated);
  gtk_widget_class_install_property_action (widget_class, "wizard.step", "current-step");
}

/* Keys */

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action,
              GVariant              *argument)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new (action));

  if (argument != NULL)
    gtk_shortcut_set_arguments (shortcut, argument);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* In the capture phase, so Ctrl+Enter goes on even from inside a text field. */
void
_cd_wizard_add_shortcuts (CdWizard *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (shortcuts, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);
  add_shortcut (shortcuts, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);
  add_shortcut (shortcuts, GDK_KEY_Return, GDK_CONTROL_MASK, "wizard.next", NULL);
  add_shortcut (shortcuts, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "wizard.next", NULL);
  add_shortcut (shortcuts, GDK_KEY_p, GDK_CONTROL_MASK, "wizard.print", NULL);
  add_shortcut (shortcuts, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                "wizard.copy-message", NULL);
  add_shortcut (shortcuts, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  for (int i = 0; i < CD_WIZARD_N_STEPS; i++)
    add_shortcut (shortcuts, GDK_KEY_1 + i, GDK_ALT_MASK, "wizard.step",
                  g_variant_new_int32 (i));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
_cd_wizard_create_step_button (int index)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  g_autofree char *digit = g_strdup_printf ("%d", index + 1);
  GtkWidget *number = gtk_label_new (digit);
  const char *name = cd_enum_get_label (CD_TYPE_STAGE, index);
  g_autofree char *tooltip = NULL;

  gtk_widget_add_css_class (number, "cd-pill");
  gtk_widget_set_visible (check, FALSE);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), gtk_label_new (name));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "wizard.step");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", index);
  /* Translators: a step button's tooltip, e.g. "Step 3: Apologise (Alt+3)" */
  tooltip = g_strdup_printf (_("Step %d: %s (Alt+%d)"), index + 1, name, index + 1);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  g_object_set_data (G_OBJECT (button), "cd-check", check);
  g_object_set_data (G_OBJECT (button), "cd-number", number);
  return button;
}
