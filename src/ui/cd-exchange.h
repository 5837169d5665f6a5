/* cd-exchange.h — import and export from the window: everything, or the blacklist alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-window.h"

G_BEGIN_DECLS

typedef enum
{
  CD_EXCHANGE_EVERYTHING, /* the exchange format: cases, blacklist, templates */
  CD_EXCHANGE_BLACKLIST,  /* the blacklist alone, CSV or JSON */
} CdExchangeScope;

void     cd_exchange_install_actions (GtkWidgetClass       *widget_class);

void     cd_exchange_import_async    (CdWindow             *window,
                                      CdExchangeScope       scope,
                                      GFile                *file,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
void     cd_exchange_export_async    (CdWindow             *window,
                                      CdExchangeScope       scope,
                                      GFile                *file,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean cd_exchange_finish          (GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
