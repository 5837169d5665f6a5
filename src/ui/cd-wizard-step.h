/* cd-wizard-step.h — what every page of the wizard shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-case.h"
#include "cd-database.h"

G_BEGIN_DECLS

#define CD_TYPE_WIZARD_STEP (cd_wizard_step_get_type ())
G_DECLARE_DERIVABLE_TYPE (CdWizardStep, cd_wizard_step, CD, WIZARD_STEP, AdwBin)

/* A step edits the wizard's case in place: every change a person makes is written into the
 * case at once and announced with ::changed; the wizard saves. */
struct _CdWizardStepClass
{
  AdwBinClass parent_class;

  CdStage     stage;

  /* Show @kase in the widgets. Runs with ::changed held back. */
  void      (*load)        (CdWizardStep  *self,
                            CdCase        *kase);
  /* Whether Next may leave the step; if not, @reason says why, for people. */
  gboolean  (*can_advance) (CdWizardStep  *self,
                            CdCase        *kase,
                            char         **reason);
  /* Just before Next leaves the step: settle what leaving means (options offered …). */
  void      (*commit)      (CdWizardStep  *self,
                            CdCase        *kase);
};

CdStage     cd_wizard_step_get_stage        (CdWizardStep   *self);
void        cd_wizard_step_set_context      (CdWizardStep   *self,
                                             CdDatabase     *db,
                                             const char     *currency);
CdDatabase *cd_wizard_step_get_database     (CdWizardStep   *self);
const char *cd_wizard_step_get_currency     (CdWizardStep   *self);
void        cd_wizard_step_set_case         (CdWizardStep   *self,
                                             CdCase         *kase);
CdCase     *cd_wizard_step_get_case         (CdWizardStep   *self);
void        cd_wizard_step_reload           (CdWizardStep   *self);
gboolean    cd_wizard_step_is_loading       (CdWizardStep   *self);
gboolean    cd_wizard_step_can_advance      (CdWizardStep   *self,
                                             char          **reason);
void        cd_wizard_step_commit           (CdWizardStep   *self);

/* For the steps themselves */
void        cd_wizard_step_changed          (CdWizardStep   *self);
void        cd_wizard_step_request_stage    (CdWizardStep   *self,
                                             CdStage         stage);
void        cd_wizard_step_show_error       (CdWizardStep   *self,
                                             const char     *message);

void        cd_wizard_step_set_enum_model   (AdwComboRow    *row,
                                             GType           type);
gboolean    cd_wizard_step_read_money       (CdWizardStep   *self,
                                             GtkEditable    *editable,
                                             gint64         *minor);
void        cd_wizard_step_show_money       (CdWizardStep   *self,
                                             GtkEditable    *editable,
                                             gint64          minor);
char       *cd_wizard_step_describe_compensation (CdWizardStep   *self,
                                                  CdCompensation *c);
char       *cd_wizard_step_dup_view_text    (GtkTextView    *view);
void        cd_wizard_step_set_view_text    (GtkTextView    *view,
                                             const char     *text);

G_END_DECLS
