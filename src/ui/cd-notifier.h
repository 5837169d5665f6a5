/* cd-notifier.h — desktop notifications for promises and follow-ups that fall due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cd-database.h"

G_BEGIN_DECLS

#define CD_TYPE_NOTIFIER (cd_notifier_get_type ())
G_DECLARE_FINAL_TYPE (CdNotifier, cd_notifier, CD, NOTIFIER, GObject)

/* More items falling due at once than this are told of in one notification. */
#define CD_NOTIFIER_MAX_SEPARATE 3

CdNotifier *cd_notifier_new   (GApplication *application,
                               CdDatabase   *db);
void        cd_notifier_start (CdNotifier   *self,
                               guint         first_check_seconds);
guint       cd_notifier_check (CdNotifier   *self,
                               gint64        now);

G_END_DECLS
