/* cd-follow-up-dialog.h — recording a follow-up made: satisfaction, remarks, done time
 *
 * A MINIMAL STAND-IN on the `due` branch, with the API of the dialog built in parallel on
 * another branch; that one replaces this file when the branches meet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-follow-up.h"

G_BEGIN_DECLS

#define CD_TYPE_FOLLOW_UP_DIALOG (cd_follow_up_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CdFollowUpDialog, cd_follow_up_dialog, CD, FOLLOW_UP_DIALOG,
                      AdwMessageDialog)

GtkWidget *cd_follow_up_dialog_new (GtkWindow  *parent,
                                    CdFollowUp *follow_up);

G_END_DECLS
