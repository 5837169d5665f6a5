/* cd-reminders.h — what fell due since the seller was last reminded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-database.h"

G_BEGIN_DECLS

#define CD_TYPE_REMINDERS (cd_reminders_get_type ())
G_DECLARE_FINAL_TYPE (CdReminders, cd_reminders, CD, REMINDERS, GObject)

CdReminders *cd_reminders_new  (CdDatabase   *db);
GPtrArray   *cd_reminders_take (CdReminders  *self,
                                gint64        now,
                                guint         limit,
                                gint64       *n_due,
                                GError      **error);

G_END_DECLS
