/* cd-test-ui.h — helpers shared by the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       cd_test_spin            (guint      msec);
GtkWidget *cd_test_find_descendant (GtkWidget *root,
                                    GType      type);

G_END_DECLS
