/* cd-bench-hooks.h — what bench/startup reads from a running CompDesk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cd_bench_hooks_watch_first_frame (GtkWindow *window);

G_END_DECLS
