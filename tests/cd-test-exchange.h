/* cd-test-exchange.h — synthetic exchange-format files for the robustness tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns: (transfer full): an exchange-format document with @n_cases cases and @n_entries
 * blacklist entries whose uids all start with @prefix, so files made with different prefixes
 * add up instead of updating each other. */
GString *cd_test_exchange_generate (const char *prefix,
                                    guint       n_cases,
                                    guint       n_entries);

/* Writes the document to @path; asserts on failure. */
void     cd_test_exchange_write    (const char *path,
                                    const char *prefix,
                                    guint       n_cases,
                                    guint       n_entries);

G_END_DECLS
