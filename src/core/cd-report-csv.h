/* cd-report-csv.h — a report's tables as one CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-report.h"

G_BEGIN_DECLS

char     *cd_report_csv_format         (const CdReport  *report,
                                        const char      *currency);
gboolean  cd_report_csv_export_to_file (const CdReport  *report,
                                        const char      *currency,
                                        const char      *path,
                                        GError         **error);

G_END_DECLS
