/* cd-wizard-step-apologise.h — the wizard's "apologise" step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-wizard-step.h"

G_BEGIN_DECLS

#define CD_TYPE_WIZARD_STEP_APOLOGISE (cd_wizard_step_apologise_get_type ())
G_DECLARE_FINAL_TYPE (CdWizardStepApologise, cd_wizard_step_apologise,
                      CD, WIZARD_STEP_APOLOGISE, CdWizardStep)

G_END_DECLS
