/* cd-message-template.h — a reusable message with {placeholders}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CD_TYPE_MESSAGE_TEMPLATE (cd_message_template_get_type ())
G_DECLARE_FINAL_TYPE (CdMessageTemplate, cd_message_template, CD, MESSAGE_TEMPLATE, GObject)

/* A plain record: the fields are public, strings are owned and never NULL. */
struct _CdMessageTemplate
{
  GObject  parent_instance;

  gint64   id;        /* 0 until stored */
  char    *uid;
  char    *name;
  char    *stage;     /* a wizard stage nick, or "" for any */
  char    *language;  /* "en", "zh_CN" … */
  char    *body;
};

CdMessageTemplate *cd_message_template_new (const char *uid,
                                            const char *name,
                                            const char *stage,
                                            const char *language,
                                            const char *body);

G_END_DECLS
