/* cd-follow-up-dialog.h — recording a return visit, or planning a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-follow-up.h"

G_BEGIN_DECLS

#define CD_TYPE_FOLLOW_UP_DIALOG (cd_follow_up_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CdFollowUpDialog, cd_follow_up_dialog, CD, FOLLOW_UP_DIALOG, AdwWindow)

/* signal "recorded" (CdFollowUpDialog *self, CdFollowUp *edited, gpointer user_data):
 * emitted when the user confirms; the dialog never touches the database. */
GtkWidget  *cd_follow_up_dialog_new           (GtkWindow        *parent,
                                               CdFollowUp       *follow_up);

/* signal "planned" (CdFollowUpDialog *self, CdFollowUp *planned, gpointer user_data):
 * the same, for a dialog that plans a new follow-up (due time and method). */
GtkWidget  *cd_follow_up_dialog_new_plan      (GtkWindow        *parent,
                                               CdFollowUp       *draft);

/* For a "recorded" or "planned" handler that could not store the follow-up: the dialog
 * stays open with everything typed and says why. */
void        cd_follow_up_dialog_show_error    (CdFollowUpDialog *self,
                                               const char       *heading,
                                               const GError     *error);
CdFollowUp *cd_follow_up_dialog_get_follow_up (CdFollowUpDialog *self);

G_END_DECLS
