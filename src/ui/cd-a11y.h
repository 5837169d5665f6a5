/* cd-a11y.h — what GTK 4.8 gets wrong for screen readers, put right in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *cd_a11y_strip_mnemonic (const char *label);
void  cd_a11y_init           (void);

G_END_DECLS
