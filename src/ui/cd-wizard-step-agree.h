/* cd-wizard-step-agree.h — the wizard's "agree" step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-wizard-step.h"

G_BEGIN_DECLS

#define CD_TYPE_WIZARD_STEP_AGREE (cd_wizard_step_agree_get_type ())
G_DECLARE_FINAL_TYPE (CdWizardStepAgree, cd_wizard_step_agree, CD, WIZARD_STEP_AGREE, CdWizardStep)

G_END_DECLS
