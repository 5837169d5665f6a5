/* cd-case-form-private.h — the checks behind CdCaseForm, shared with the case page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-case-form.h"

G_BEGIN_DECLS

char     *cd_case_form_format_local_time (gint64      usec);
gboolean  cd_case_form_parse_local_time  (const char *text,
                                          gint64     *usec);
gboolean  cd_case_form_phone_is_valid    (const char *phone);
gboolean  cd_case_form_email_is_valid    (const char *email);
char     *cd_case_form_describe_matches  (GPtrArray  *matches,
                                          char      **title);

G_END_DECLS
