/* cd-wizard-step-listen.c — step 1: listen and record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-wizard-step-listen"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-wizard-step-listen.h"

struct _CdWizardStepListen
{
  CdWizardStep  parent_instance;

  /* Template widgets */
  AdwEntryRow  *name_row;
  AdwComboRow  *platform_row;
  AdwEntryRow  *buyer_id_row;
  AdwEntryRow  *phone_row;
  AdwComboRow  *channel_row;
  AdwEntryRow  *order_row;
  AdwEntryRow  *product_row;
  AdwEntryRow  *amount_row;
  GtkLabel     *currency_label;
  GtkTextView  *words_view;
};

G_DEFINE_FINAL_TYPE (CdWizardStepListen, cd_wizard_step_listen, CD_TYPE_WIZARD_STEP)

/* Helpers */

static void
show_text (AdwEntryRow *row,
           const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Signal callbacks */

static void
on_field_changed_cb (CdWizardStepListen *self)
{
  CdWizardStep *step = CD_WIZARD_STEP (self);
  CdCase *kase = cd_wizard_step_get_case (step);
  g_autofree char *words = NULL;
  gint64 amount;

  if (kase == NULL || cd_wizard_step_is_loading (step))
    return;
  cd_case_set_string (&kase->customer_name, get_text (self->name_row));
  cd_case_set_string (&kase->buyer_id, get_text (self->buyer_id_row));
  cd_case_set_string (&kase->phone, get_text (self->phone_row));
  cd_case_set_string (&kase->order_number, get_text (self->order_row));
  cd_case_set_string (&kase->product, get_text (self->product_row));
  kase->platform = (CdPlatform) adw_combo_row_get_selected (self->platform_row);
  kase->channel = (CdChannel) adw_combo_row_get_selected (self->channel_row);
  if (cd_wizard_step_read_money (step, GTK_EDITABLE (self->amount_row), &amount))
    kase->order_amount = amount;
  words = cd_wizard_step_dup_view_text (self->words_view);
  cd_case_set_string (&kase->description, words);
  cd_wizard_step_changed (step);
}

/* CdWizardStep overrides */

static void
cd_wizard_step_listen_load (CdWizardStep *step,
                            CdCase       *kase)
{
  CdWizardStepListen *self = CD_WIZARD_STEP_LISTEN (step);

  show_text (self->name_row, kase->customer_name);
  show_text (self->buyer_id_row, kase->buyer_id);
  show_text (self->phone_row, kase->phone);
  show_text (self->order_row, kase->order_number);
  show_text (self->product_row, kase->product);
  adw_combo_row_set_selected (self->platform_row, kase->platform);
  adw_combo_row_set_selected (self->channel_row, kase->channel);
  cd_wizard_step_show_money (step, GTK_EDITABLE (self->amount_row), kase->order_amount);
  cd_wizard_step_set_view_text (self->words_view, kase->description);
  gtk_label_set_text (self->currency_label, cd_wizard_step_get_currency (step));
}

static gboolean
cd_wizard_step_listen_can_advance (CdWizardStep  *step,
                                   CdCase        *kase,
                                   char         **reason)
{
  CdWizardStepListen *self = CD_WIZARD_STEP_LISTEN (step);
  gint64 amount;

  if (!cd_wizard_step_read_money (step, GTK_EDITABLE (self->amount_row), &amount))
    {
      *reason = g_strdup (_("The order amount is not an amount of money"));
      return FALSE;
    }
  return TRUE;
}

/* GObject overrides */

static void
cd_wizard_step_listen_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_WIZARD_STEP_LISTEN);
  G_OBJECT_CLASS (cd_wizard_step_listen_parent_class)->dispose (object);
}

static void
cd_wizard_step_listen_class_init (CdWizardStepListenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CdWizardStepClass *step_class = CD_WIZARD_STEP_CLASS (klass);

  object_class->dispose = cd_wizard_step_listen_dispose;
  step_class->stage = CD_STAGE_LISTEN;
  step_class->load = cd_wizard_step_listen_load;
  step_class->can_advance = cd_wizard_step_listen_can_advance;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/CompDesk/ui/cd-wizard-step-listen.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepListen, name_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepListen, platform_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepListen, buyer_id_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepListen, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepListen, channel_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepListen, order_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepListen, product_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepListen, amount_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepListen, currency_label);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepListen, words_view);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
cd_wizard_step_listen_init (CdWizardStepListen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cd_wizard_step_set_enum_model (self->platform_row, CD_TYPE_PLATFORM);
  cd_wizard_step_set_enum_model (self->channel_row, CD_TYPE_CHANNEL);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->words_view), "changed",
                            G_CALLBACK (on_field_changed_cb), self);
}
