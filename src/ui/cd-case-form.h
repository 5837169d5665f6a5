/* cd-case-form.h — the window that creates or edits a case's facts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-blacklist-repository.h"
#include "cd-case-repository.h"

G_BEGIN_DECLS

#define CD_TYPE_CASE_FORM (cd_case_form_get_type ())
G_DECLARE_FINAL_TYPE (CdCaseForm, cd_case_form, CD, CASE_FORM, AdwWindow)

CdCaseForm *cd_case_form_new (GtkWindow             *parent,
                              CdCaseRepository      *repository,
                              CdBlacklistRepository *blacklist,
                              const char            *currency,
                              CdCase                *kase);

CdCaseRepository *cd_case_form_get_repository   (CdCaseForm            *self);
void              cd_case_form_set_repositories (CdCaseForm            *self,
                                                 CdCaseRepository      *repository,
                                                 CdBlacklistRepository *blacklist);

G_END_DECLS
