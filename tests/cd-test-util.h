/* cd-test-util.h — helpers shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-database.h"

G_BEGIN_DECLS

char       *cd_test_make_dir      (void);
void        cd_test_remove_dir    (const char  *dir);
CdDatabase *cd_test_open_database (const char  *dir);
char       *cd_test_read_file     (const char  *path,
                                   gsize       *length);
gboolean    cd_test_enter_mount_namespace (char **reason);

G_END_DECLS
