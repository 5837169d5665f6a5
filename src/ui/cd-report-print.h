/* cd-report-print.h — the whole report on paper, or saved as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cd-report.h"

G_BEGIN_DECLS

void      cd_report_print        (GtkWindow       *parent,
                                  const CdReport  *report,
                                  const char      *currency);
gboolean  cd_report_print_to_pdf (const CdReport  *report,
                                  const char      *currency,
                                  const char      *path,
                                  int             *n_pages,
                                  GError         **error);

G_END_DECLS
