/* cd-due-list.h — the promises and follow-ups that fall due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-database.h"
#include "cd-due-item.h"

G_BEGIN_DECLS

/* Pending promises and follow-ups of cases not closed with from <= due_at < to, earliest
 * first (ties: promise before follow-up, then by id). from may be G_MININT64. */
GPtrArray *cd_due_list  (CdDatabase  *db,
                         gint64       from,
                         gint64       to,
                         GError     **error);  /* element-type CdDueItem */
GPtrArray *cd_due_list_head (CdDatabase  *db,
                            gint64       from,
                            gint64       to,
                            guint        limit,
                            GError     **error);  /* element-type CdDueItem */
gint64     cd_due_count (CdDatabase  *db,
                         gint64       from,
                         gint64       to,
                         GError     **error);  /* -1 on error */

gboolean   cd_due_item_is_pending (CdDatabase  *db,
                                   CdDueItem   *item,
                                   gboolean    *pending,
                                   GError     **error);

G_END_DECLS
