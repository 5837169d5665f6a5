/* cd-wizard.h — the guided handling of one case, a step a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-blacklist-repository.h"
#include "cd-case-repository.h"
#include "cd-message-box.h"
#include "cd-template-repository.h"
#include "cd-wizard-step.h"

G_BEGIN_DECLS

/* The steps are the first eight stages, listen … improve. */
#define CD_WIZARD_N_STEPS 8

#define CD_TYPE_WIZARD (cd_wizard_get_type ())
G_DECLARE_FINAL_TYPE (CdWizard, cd_wizard, CD, WIZARD, AdwWindow)

CdWizard     *cd_wizard_new              (GtkWindow             *parent,
                                          CdDatabase            *db,
                                          CdCaseRepository      *cases,
                                          CdBlacklistRepository *blacklist,
                                          CdTemplateRepository  *templates,
                                          const char            *currency,
                                          const char            *shop_name,
                                          gint64                 case_id);

CdStage       cd_wizard_get_current_step (CdWizard              *self);
CdCase       *cd_wizard_get_case         (CdWizard              *self);
CdWizardStep *cd_wizard_get_step         (CdWizard              *self,
                                          CdStage                stage);
CdMessageBox *cd_wizard_get_message_box  (CdWizard              *self);
gboolean      cd_wizard_save             (CdWizard              *self,
                                          GError               **error);

G_END_DECLS
