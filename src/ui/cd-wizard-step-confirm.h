/* cd-wizard-step-confirm.h — the wizard's "confirm" step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-wizard-step.h"

G_BEGIN_DECLS

#define CD_TYPE_WIZARD_STEP_CONFIRM (cd_wizard_step_confirm_get_type ())
G_DECLARE_FINAL_TYPE (CdWizardStepConfirm, cd_wizard_step_confirm,
                      CD, WIZARD_STEP_CONFIRM, CdWizardStep)

G_END_DECLS
