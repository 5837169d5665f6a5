/* cd-message-box.h — the message the seller copies into the platform chat
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cd-message-template.h"

G_BEGIN_DECLS

#define CD_TYPE_MESSAGE_BOX (cd_message_box_get_type ())
G_DECLARE_FINAL_TYPE (CdMessageBox, cd_message_box, CD, MESSAGE_BOX, AdwBin)

CdMessageBox *cd_message_box_new            (void);
void          cd_message_box_set_template   (CdMessageBox      *self,
                                             CdMessageTemplate *tmpl);
void          cd_message_box_set_values     (CdMessageBox      *self,
                                             GHashTable        *values);
const char   *cd_message_box_get_language   (CdMessageBox      *self);
void          cd_message_box_set_language   (CdMessageBox      *self,
                                             const char        *language);
char         *cd_message_box_dup_text       (CdMessageBox      *self);
guint         cd_message_box_get_n_missing  (CdMessageBox      *self);
gboolean      cd_message_box_get_edited     (CdMessageBox      *self);
void          cd_message_box_copy           (CdMessageBox      *self);

GtkTextTag   *cd_message_box_create_placeholder_tag (GtkTextBuffer *buffer);
guint         cd_message_box_highlight_placeholders (GtkTextBuffer *buffer,
                                                     GtkTextTag    *tag,
                                                     GPtrArray     *names);

G_END_DECLS
