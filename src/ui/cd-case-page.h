/* cd-case-page.h — everything about one case, and what can be done with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-blacklist-repository.h"
#include "cd-case-repository.h"

G_BEGIN_DECLS

#define CD_TYPE_CASE_PAGE (cd_case_page_get_type ())
G_DECLARE_FINAL_TYPE (CdCasePage, cd_case_page, CD, CASE_PAGE, AdwBin)

CdCasePage *cd_case_page_new          (CdCaseRepository      *repository,
                                       CdBlacklistRepository *blacklist);
void        cd_case_page_show_case    (CdCasePage            *self,
                                       gint64                 case_id);
gint64      cd_case_page_get_case_id  (CdCasePage            *self);
void        cd_case_page_set_currency (CdCasePage            *self,
                                       const char            *currency);

G_END_DECLS
