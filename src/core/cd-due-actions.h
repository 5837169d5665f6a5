/* cd-due-actions.h — what the Due views do with a promise or a follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-case-repository.h"
#include "cd-due-item.h"

G_BEGIN_DECLS

/* One action done to a case, kept so that it can be undone. */
typedef struct _CdDueChange CdDueChange;

CdDueChange *cd_due_reschedule          (CdCaseRepository  *repository,
                                         CdDueItem         *item,
                                         gint64             due_at,
                                         GError           **error);
CdDueChange *cd_due_mark_promise_done   (CdCaseRepository  *repository,
                                         gint64             case_id,
                                         gint64             done_at,
                                         GError           **error);
CdDueChange *cd_due_record_follow_up    (CdCaseRepository  *repository,
                                         gint64             case_id,
                                         CdFollowUp        *follow_up,
                                         GError           **error);

gint64       cd_due_change_get_case_id  (CdDueChange       *change);
gboolean     cd_due_change_undo         (CdDueChange       *change,
                                         CdCaseRepository  *repository,
                                         GError           **error);
void         cd_due_change_free         (CdDueChange       *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdDueChange, cd_due_change_free)

G_END_DECLS
