/* cd-wizard-step-follow-up.h — the wizard's "follow up" step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-wizard-step.h"

G_BEGIN_DECLS

#define CD_TYPE_WIZARD_STEP_FOLLOW_UP (cd_wizard_step_follow_up_get_type ())
G_DECLARE_FINAL_TYPE (CdWizardStepFollowUp, cd_wizard_step_follow_up,
                      CD, WIZARD_STEP_FOLLOW_UP, CdWizardStep)

G_END_DECLS
