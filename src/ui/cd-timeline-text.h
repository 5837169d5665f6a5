/* cd-timeline-text.h — a case's timeline events in words, for the case page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-case.h"

G_BEGIN_DECLS

char       *cd_timeline_text_describe   (CdTimelineEvent *event,
                                         const char      *currency);
const char *cd_timeline_text_kind_label (const char      *kind);

G_END_DECLS
