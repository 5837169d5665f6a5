/* cd-wizard-step-apologise.c — step 3: acknowledge and apologise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-wizard-step-apologise"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-wizard-step-apologise.h"

struct _CdWizardStepApologise
{
  CdWizardStep  parent_instance;

  /* Template widgets */
  AdwComboRow  *category_row;
  AdwComboRow  *severity_row;
  AdwComboRow  *responsibility_row;
};

G_DEFINE_FINAL_TYPE (CdWizardStepApologise, cd_wizard_step_apologise, CD_TYPE_WIZARD_STEP)

/* Signal callbacks */

static void
on_field_changed_cb (CdWizardStepApologise *self)
{
  CdWizardStep *step = CD_WIZARD_STEP (self);
  CdCase *kase = cd_wizard_step_get_case (step);

  if (kase == NULL || cd_wizard_step_is_loading (step))
    return;
  kase->category = (CdCategory) adw_combo_row_get_selected (self->category_row);
  kase->severity = (CdSeverity) adw_combo_row_get_selected (self->severity_row);
  kase->responsibility = (CdResponsibility) adw_combo_row_get_selected (self->responsibility_row);
  cd_wizard_step_changed (step);
}

/* CdWizardStep overrides */

static void
cd_wizard_step_apologise_load (CdWizardStep *step,
                               CdCase       *kase)
{
  CdWizardStepApologise *self = CD_WIZARD_STEP_APOLOGISE (step);

  adw_combo_row_set_selected (self->category_row, kase->category);
  adw_combo_row_set_selected (self->severity_row, kase->severity);
  adw_combo_row_set_selected (self->responsibility_row, kase->responsibility);
}

/* GObject overrides */

static void
cd_wizard_step_apologise_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_WIZARD_STEP_APOLOGISE);
  G_OBJECT_CLASS (cd_wizard_step_apologise_parent_class)->dispose (object);
}

static void
cd_wizard_step_apologise_class_init (CdWizardStepApologiseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CdWizardStepClass *step_class = CD_WIZARD_STEP_CLASS (klass);

  object_class->dispose = cd_wizard_step_apologise_dispose;
  step_class->stage = CD_STAGE_APOLOGISE;
  step_class->load = cd_wizard_step_apologise_load;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/CompDesk/ui/cd-wizard-step-apologise.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepApologise, category_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepApologise, severity_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepApologise, responsibility_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
cd_wizard_step_apologise_init (CdWizardStepApologise *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cd_wizard_step_set_enum_model (self->category_row, CD_TYPE_CATEGORY);
  cd_wizard_step_set_enum_model (self->severity_row, CD_TYPE_SEVERITY);
  cd_wizard_step_set_enum_model (self->responsibility_row, CD_TYPE_RESPONSIBILITY);
}
