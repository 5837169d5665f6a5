/* cd-case-diff.h — what changed between two versions of a case, for its timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-case.h"

G_BEGIN_DECLS

char *cd_case_describe_changes (CdCase   *before,
                                CdCase   *after,
                                gboolean *stage_only);

G_END_DECLS
