/* cd-wizard-step-listen.h — the wizard's "listen" step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-wizard-step.h"

G_BEGIN_DECLS

#define CD_TYPE_WIZARD_STEP_LISTEN (cd_wizard_step_listen_get_type ())
G_DECLARE_FINAL_TYPE (CdWizardStepListen, cd_wizard_step_listen,
                      CD, WIZARD_STEP_LISTEN, CdWizardStep)

G_END_DECLS
