/* cd-wizard-step-confirm.c — step 2: restate and confirm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-wizard-step-confirm"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-wizard-step-confirm.h"

struct _CdWizardStepConfirm
{
  CdWizardStep  parent_instance;

  /* Template widgets */
  GtkLabel     *said_label;
  GtkTextView  *summary_view;
  GtkSwitch    *confirmed_switch;
  AdwEntryRow  *wants_row;
};

G_DEFINE_FINAL_TYPE (CdWizardStepConfirm, cd_wizard_step_confirm, CD_TYPE_WIZARD_STEP)

/* Signal callbacks */

static void
on_field_changed_cb (CdWizardStepConfirm *self)
{
  CdWizardStep *step = CD_WIZARD_STEP (self);
  CdCase *kase = cd_wizard_step_get_case (step);
  g_autofree char *summary = NULL;

  if (kase == NULL || cd_wizard_step_is_loading (step))
    return;
  summary = cd_wizard_step_dup_view_text (self->summary_view);
  cd_case_set_string (&kase->summary, summary);
  cd_case_set_string (&kase->customer_wants,
                      gtk_editable_get_text (GTK_EDITABLE (self->wants_row)));
  kase->summary_confirmed = gtk_switch_get_active (self->confirmed_switch);
  cd_wizard_step_changed (step);
}

/* CdWizardStep overrides */

static void
cd_wizard_step_confirm_load (CdWizardStep *step,
                             CdCase       *kase)
{
  CdWizardStepConfirm *self = CD_WIZARD_STEP_CONFIRM (step);

  gtk_label_set_text (self->said_label, *kase->description != '\0'
                                        ? kase->description
                                        : _("Nothing written down yet (see Listen)."));
  cd_wizard_step_set_view_text (self->summary_view, kase->summary);
  gtk_switch_set_active (self->confirmed_switch, kase->summary_confirmed);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->wants_row)),
                 kase->customer_wants) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->wants_row), kase->customer_wants);
}

/* GObject overrides */

static void
cd_wizard_step_confirm_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_WIZARD_STEP_CONFIRM);
  G_OBJECT_CLASS (cd_wizard_step_confirm_parent_class)->dispose (object);
}

static void
cd_wizard_step_confirm_class_init (CdWizardStepConfirmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CdWizardStepClass *step_class = CD_WIZARD_STEP_CLASS (klass);

  object_class->dispose = cd_wizard_step_confirm_dispose;
  step_class->stage = CD_STAGE_CONFIRM;
  step_class->load = cd_wizard_step_confirm_load;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/CompDesk/ui/cd-wizard-step-confirm.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepConfirm, said_label);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepConfirm, summary_view);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepConfirm, confirmed_switch);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepConfirm, wants_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
cd_wizard_step_confirm_init (CdWizardStepConfirm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (on_field_changed_cb), self);
}
