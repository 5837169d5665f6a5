/* cd-wizard-step-carry-out.h — the wizard's "carry out" step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-wizard-step.h"

G_BEGIN_DECLS

#define CD_TYPE_WIZARD_STEP_CARRY_OUT (cd_wizard_step_carry_out_get_type ())
G_DECLARE_FINAL_TYPE (CdWizardStepCarryOut, cd_wizard_step_carry_out,
                      CD, WIZARD_STEP_CARRY_OUT, CdWizardStep)

G_END_DECLS
