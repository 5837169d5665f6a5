/* cd-wizard-step-improve.h — the wizard's "improve" step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-wizard-step.h"

G_BEGIN_DECLS

#define CD_TYPE_WIZARD_STEP_IMPROVE (cd_wizard_step_improve_get_type ())
G_DECLARE_FINAL_TYPE (CdWizardStepImprove, cd_wizard_step_improve,
                      CD, WIZARD_STEP_IMPROVE, CdWizardStep)

G_END_DECLS
