/* cd-due-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-due-item"

#include "cd-due-item.h"

G_DEFINE_FINAL_TYPE (CdDueItem, cd_due_item, G_TYPE_OBJECT)

/* Written out, as in cd-enums.c: the nicks are what a test or a debugger shows. */
GType
cd_due_kind_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { CD_DUE_PROMISE, "CD_DUE_PROMISE", "promise" },
    { CD_DUE_FOLLOW_UP, "CD_DUE_FOLLOW_UP", "follow_up" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("CdDueKind", values));
  return type;
}

static void
cd_due_item_finalize (GObject *object)
{
  CdDueItem *self = (CdDueItem *) object;

  g_free (self->case_uid);
  g_free (self->customer_name);
  g_free (self->product);
  g_free (self->promise);
  G_OBJECT_CLASS (cd_due_item_parent_class)->finalize (object);
}

static void
cd_due_item_class_init (CdDueItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_due_item_finalize;
}

static void
cd_due_item_init (CdDueItem *self)
{
  self->case_uid = g_strdup ("");
  self->customer_name = g_strdup ("");
  self->product = g_strdup ("");
  self->promise = g_strdup ("");
  self->method = CD_METHOD_PLATFORM_CHAT;
}

/**
 * cd_due_item_new:
 *
 * Returns: (transfer full): an empty item of @kind
 */
CdDueItem *
cd_due_item_new (CdDueKind kind)
{
  CdDueItem *self = g_object_new (CD_TYPE_DUE_ITEM, NULL);

  self->kind = kind;
  return self;
}
