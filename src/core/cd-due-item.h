/* cd-due-item.h — one promise or follow-up that falls due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cd-enums.h"

G_BEGIN_DECLS

typedef enum
{
  CD_DUE_PROMISE,
  CD_DUE_FOLLOW_UP,
} CdDueKind;

#define CD_TYPE_DUE_KIND (cd_due_kind_get_type ())
GType cd_due_kind_get_type (void) G_GNUC_CONST;

#define CD_TYPE_DUE_ITEM (cd_due_item_get_type ())
G_DECLARE_FINAL_TYPE (CdDueItem, cd_due_item, CD, DUE_ITEM, GObject)

/* A plain record, read from the database by cd_due_list(): the fields are public, strings are
 * owned and never NULL, times are UTC microseconds. */
struct _CdDueItem
{
  GObject          parent_instance;

  CdDueKind        kind;
  gint64           case_id;
  char            *case_uid;
  gint64           follow_up_id;   /* 0 for a promise */
  gint64           due_at;         /* UTC microseconds */
  char            *customer_name;  /* never NULL */
  char            *product;        /* never NULL */
  char            *promise;        /* the promise text for a promise, "" for a follow-up */
  CdFollowUpMethod method;         /* for a follow-up */
};

CdDueItem *cd_due_item_new (CdDueKind kind);

G_END_DECLS
