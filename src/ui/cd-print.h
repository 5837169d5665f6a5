/* cd-print.h — a one-page written response to the buyer, printed or saved as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cd-case.h"

G_BEGIN_DECLS

void      cd_print_run_dialog  (GtkPrintOperation *operation,
                                GtkWindow         *parent);
void      cd_print_case        (GtkWindow   *parent,
                                CdCase      *kase,
                                const char  *shop_name,
                                const char  *currency);
gboolean  cd_print_case_to_pdf (CdCase      *kase,
                                const char  *shop_name,
                                const char  *currency,
                                const char  *path,
                                GError     **error);
void      cd_print_draw_case   (cairo_t     *cr,
                                double       width,
                                double       height,
                                CdCase      *kase,
                                const char  *shop_name,
                                const char  *currency);

G_END_DECLS
