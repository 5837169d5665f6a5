/* cd-case-list-columns.h — the case list's columns: titles, widths, and what each row shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cd-case-list-model.h"

G_BEGIN_DECLS

typedef struct _CdCaseListColumns CdCaseListColumns;

CdCaseListColumns  *cd_case_list_columns_new           (GtkColumnView     *titles,
                                                        CdCaseSort        *probe);
void                cd_case_list_columns_free          (CdCaseListColumns *self);
GtkListItemFactory *cd_case_list_columns_new_factory   (CdCaseListColumns *self);
void                cd_case_list_columns_set_currency  (CdCaseListColumns *self,
                                                        const char        *currency);
void                cd_case_list_columns_update_widths (CdCaseListColumns *self,
                                                        PangoContext      *context);

G_END_DECLS
