/* cd-case-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case-summary"

#include "cd-case-summary.h"
#include "cd-time.h"

G_DEFINE_FINAL_TYPE (CdCaseSummary, cd_case_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOMER_NAME,
  PROP_ORDER_NUMBER,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cd_case_summary_finalize (GObject *object)
{
  CdCaseSummary *self = (CdCaseSummary *) object;

  g_free (self->customer_name);
  g_free (self->buyer_id);
  g_free (self->order_number);
  g_free (self->product);
  G_OBJECT_CLASS (cd_case_summary_parent_class)->finalize (object);
}

static void
cd_case_summary_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CdCaseSummary *self = CD_CASE_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, self->customer_name);
      break;
    case PROP_ORDER_NUMBER:
      g_value_set_string (value, self->order_number);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_case_summary_class_init (CdCaseSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_case_summary_finalize;
  object_class->get_property = cd_case_summary_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER_NAME] =
    g_param_spec_string ("customer-name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORDER_NUMBER] =
    g_param_spec_string ("order-number", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_case_summary_init (CdCaseSummary *self)
{
  self->customer_name = g_strdup ("");
  self->buyer_id = g_strdup ("");
  self->order_number = g_strdup ("");
  self->product = g_strdup ("");
  self->promised_by = CD_TIME_UNSET;
  self->next_follow_up = CD_TIME_UNSET;
}

/**
 * cd_case_summary_new:
 *
 * Returns: (transfer full): an empty summary
 */
CdCaseSummary *
cd_case_summary_new (void)
{
  return g_object_new (CD_TYPE_CASE_SUMMARY, NULL);
}
