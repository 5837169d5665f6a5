/* cd-json-scan.h — finding the members and elements of a JSON document without parsing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A value's bytes in the document. */
typedef struct
{
  gsize offset;
  gsize length;
} CdJsonSpan;

typedef struct
{
  char       *key;       /* decoded */
  CdJsonSpan  value;
  GArray     *elements;  /* CdJsonSpan: when asked for and the value is an array; else NULL */
} CdJsonMember;

typedef void (*CdJsonElementFunc) (guint      member,
                                   CdJsonSpan element,
                                   gpointer   user_data);

GArray  *cd_json_members_new (void);
gboolean cd_json_scan_root   (const char         *data,
                              gsize               length,
                              int                 max_depth,
                              const char * const *list_keys,
                              CdJsonElementFunc   element_func,
                              gpointer            user_data,
                              GArray             *members,
                              gboolean           *is_object,
                              GError            **error);

G_END_DECLS
