/* cd-templates-view.h — the shop's message templates, each reply in both languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-template-repository.h"

G_BEGIN_DECLS

#define CD_TYPE_TEMPLATES_VIEW (cd_templates_view_get_type ())
G_DECLARE_FINAL_TYPE (CdTemplatesView, cd_templates_view, CD, TEMPLATES_VIEW, AdwBin)

CdTemplatesView *cd_templates_view_new        (CdTemplateRepository *templates);
void             cd_templates_view_set_folded (CdTemplatesView      *self,
                                               gboolean              folded);
gboolean         cd_templates_view_get_folded (CdTemplatesView      *self);
void             cd_templates_view_reload     (CdTemplatesView      *self);

G_END_DECLS
