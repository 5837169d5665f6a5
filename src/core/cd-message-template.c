/* cd-message-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-message-template"

#include "cd-message-template.h"

G_DEFINE_FINAL_TYPE (CdMessageTemplate, cd_message_template, G_TYPE_OBJECT)

static void
cd_message_template_finalize (GObject *object)
{
  CdMessageTemplate *self = (CdMessageTemplate *) object;

  g_free (self->uid);
  g_free (self->name);
  g_free (self->stage);
  g_free (self->language);
  g_free (self->body);
  G_OBJECT_CLASS (cd_message_template_parent_class)->finalize (object);
}

static void
cd_message_template_class_init (CdMessageTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_message_template_finalize;
}

static void
cd_message_template_init (CdMessageTemplate *self)
{
}

/**
 * cd_message_template_new:
 *
 * Returns: (transfer full): a new template
 */
CdMessageTemplate *
cd_message_template_new (const char *uid,
                         const char *name,
                         const char *stage,
                         const char *language,
                         const char *body)
{
  CdMessageTemplate *self = g_object_new (CD_TYPE_MESSAGE_TEMPLATE, NULL);

  self->uid = g_strdup (uid != NULL ? uid : "");
  self->name = g_strdup (name != NULL ? name : "");
  self->stage = g_strdup (stage != NULL ? stage : "");
  self->language = g_strdup (language != NULL ? language : "");
  self->body = g_strdup (body != NULL ? body : "");
  return self;
}
