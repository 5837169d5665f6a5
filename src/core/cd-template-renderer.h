/* cd-template-renderer.h — message templates filled in with a case's values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The placeholders a template may use. */
#define CD_PLACEHOLDER_BUYER    "buyer"
#define CD_PLACEHOLDER_PRODUCT  "product"
#define CD_PLACEHOLDER_ORDER    "order"
#define CD_PLACEHOLDER_AMOUNT   "amount"
#define CD_PLACEHOLDER_COUPON   "coupon"
#define CD_PLACEHOLDER_DEADLINE "deadline"
#define CD_PLACEHOLDER_SHOP     "shop"
#define CD_PLACEHOLDER_TRACKING "tracking"
#define CD_PLACEHOLDER_REMEDY   "remedy"

typedef enum
{
  CD_SEGMENT_TEXT,         /* literal text */
  CD_SEGMENT_VALUE,        /* a placeholder's value */
  CD_SEGMENT_MISSING,      /* a known placeholder with no value: shown as {name} */
  CD_SEGMENT_UNKNOWN,      /* a name the renderer does not know: shown as {name} */
} CdSegmentKind;

typedef struct
{
  CdSegmentKind kind;
  char         *text;      /* what to show */
  char         *name;      /* the placeholder's name, NULL for text */
} CdSegment;

typedef struct
{
  GPtrArray *segments;     /* (element-type CdSegment) */
  char      *text;         /* all segments joined */
  guint      n_missing;
  guint      n_unknown;
} CdRendered;

const char * const *cd_template_get_placeholders (void);
CdRendered         *cd_template_render           (const char *body,
                                                  GHashTable *values);
void                cd_rendered_free             (CdRendered *rendered);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdRendered, cd_rendered_free)

G_END_DECLS
