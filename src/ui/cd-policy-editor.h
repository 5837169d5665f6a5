/* cd-policy-editor.h — the shop's compensation policy, as a preferences page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-database.h"

G_BEGIN_DECLS

#define CD_TYPE_POLICY_EDITOR (cd_policy_editor_get_type ())
G_DECLARE_FINAL_TYPE (CdPolicyEditor, cd_policy_editor, CD, POLICY_EDITOR, AdwPreferencesPage)

GtkWidget *cd_policy_editor_new (CdDatabase *db,
                                 const char *currency);

G_END_DECLS
