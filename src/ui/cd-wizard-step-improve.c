/* cd-wizard-step-improve.c — step 8: root cause and improvement, then close
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-wizard-step-improve"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-wizard-step-improve.h"

struct _CdWizardStepImprove
{
  CdWizardStep  parent_instance;

  /* Template widgets */
  AdwComboRow  *root_cause_row;
  GtkTextView  *improvement_view;
};

G_DEFINE_FINAL_TYPE (CdWizardStepImprove, cd_wizard_step_improve, CD_TYPE_WIZARD_STEP)

/* Signal callbacks */

static void
on_field_changed_cb (CdWizardStepImprove *self)
{
  CdWizardStep *step = CD_WIZARD_STEP (self);
  CdCase *kase = cd_wizard_step_get_case (step);
  g_autofree char *improvement = NULL;

  if (kase == NULL || cd_wizard_step_is_loading (step))
    return;
  kase->root_cause = (CdRootCause) adw_combo_row_get_selected (self->root_cause_row);
  improvement = cd_wizard_step_dup_view_text (self->improvement_view);
  cd_case_set_string (&kase->improvement, improvement);
  cd_wizard_step_changed (step);
}

/* CdWizardStep overrides */

static void
cd_wizard_step_improve_load (CdWizardStep *step,
                             CdCase       *kase)
{
  CdWizardStepImprove *self = CD_WIZARD_STEP_IMPROVE (step);

  adw_combo_row_set_selected (self->root_cause_row, kase->root_cause);
  cd_wizard_step_set_view_text (self->improvement_view, kase->improvement);
}

/* GObject overrides */

static void
cd_wizard_step_improve_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_WIZARD_STEP_IMPROVE);
  G_OBJECT_CLASS (cd_wizard_step_improve_parent_class)->dispose (object);
}

static void
cd_wizard_step_improve_class_init (CdWizardStepImproveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CdWizardStepClass *step_class = CD_WIZARD_STEP_CLASS (klass);

  object_class->dispose = cd_wizard_step_improve_dispose;
  step_class->stage = CD_STAGE_IMPROVE;
  step_class->load = cd_wizard_step_improve_load;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/CompDesk/ui/cd-wizard-step-improve.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepImprove, root_cause_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepImprove, improvement_view);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
cd_wizard_step_improve_init (CdWizardStepImprove *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cd_wizard_step_set_enum_model (self->root_cause_row, CD_TYPE_ROOT_CAUSE);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->improvement_view), "changed",
                            G_CALLBACK (on_field_changed_cb), self);
}
