/* cd-wizard-step-propose.h — the wizard's "propose" step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-wizard-step.h"

G_BEGIN_DECLS

#define CD_TYPE_WIZARD_STEP_PROPOSE (cd_wizard_step_propose_get_type ())
G_DECLARE_FINAL_TYPE (CdWizardStepPropose, cd_wizard_step_propose,
                      CD, WIZARD_STEP_PROPOSE, CdWizardStep)

G_END_DECLS
