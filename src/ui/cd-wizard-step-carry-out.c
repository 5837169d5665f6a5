/* cd-wizard-step-carry-out.c — step 6: do what was agreed, one checklist item per remedy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-wizard-step-carry-out"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-format.h"
#include "cd-time.h"
#include "cd-wizard-step-carry-out.h"

struct _CdWizardStepCarryOut
{
  CdWizardStep  parent_instance;

  /* Template widgets */
  GtkBox       *remedies_box;

  /* Owned */
  GPtrArray    *groups;   /* (element-type GtkWidget) one per agreed remedy */
};

G_DEFINE_FINAL_TYPE (CdWizardStepCarryOut, cd_wizard_step_carry_out, CD_TYPE_WIZARD_STEP)

#define COMPENSATION_KEY "cd-compensation"

/* Helpers */

static gboolean
is_agreed (CdCompensation *c)
{
  return c->status == CD_COMPENSATION_ACCEPTED || c->status == CD_COMPENSATION_DONE;
}

/* What the reference of a remedy is called: the seller types it from the platform. */
static const char *
reference_title (CdCompensationKind kind)
{
  switch (kind)
    {
    case CD_COMPENSATION_REPLACEMENT:
    case CD_COMPENSATION_EXCHANGE:
    case CD_COMPENSATION_REPAIR:
    case CD_COMPENSATION_GIFT:
      return _("_Tracking Number");
    case CD_COMPENSATION_COUPON:
    case CD_COMPENSATION_DISCOUNT:
      return _("Co_upon Code");
    case CD_COMPENSATION_FULL_REFUND:
    case CD_COMPENSATION_PARTIAL_REFUND:
    case CD_COMPENSATION_PRICE_DIFFERENCE:
    case CD_COMPENSATION_GOODWILL_PAYMENT:
    case CD_COMPENSATION_RETURN_RESTOCKING_FEE:
      return _("_Refund Number");
    case CD_COMPENSATION_EXPEDITE:
    case CD_COMPENSATION_APOLOGY:
    default:
      return _("_Reference");
    }
}

static char *
describe_done (CdCompensation *c)
{
  g_autofree char *when = NULL;

  if (c->done_at == CD_TIME_UNSET)
    return g_strdup (_("Not done yet"));
  when = cd_format_time (c->done_at);
  /* Translators: %s is a date and time */
  return g_strdup_printf (_("Done %s"), when);
}

/* Signal callbacks */

static void
on_done_toggled_cb (GtkCheckButton       *check,
                    CdWizardStepCarryOut *self)
{
  CdCompensation *c = g_object_get_data (G_OBJECT (check), COMPENSATION_KEY);
  GtkWidget *row = g_object_get_data (G_OBJECT (check), "cd-row");
  g_autofree char *subtitle = NULL;

  if (cd_wizard_step_is_loading (CD_WIZARD_STEP (self)))
    return;
  if (gtk_check_button_get_active (check))
    {
      c->status = CD_COMPENSATION_DONE;
      if (c->done_at == CD_TIME_UNSET)
        c->done_at = cd_time_now ();
    }
  else
    {
      c->status = CD_COMPENSATION_ACCEPTED;
      c->done_at = CD_TIME_UNSET;
    }
  subtitle = describe_done (c);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  cd_wizard_step_changed (CD_WIZARD_STEP (self));
}

static void
on_reference_changed_cb (GtkEditable          *editable,
                         CdWizardStepCarryOut *self)
{
  CdCompensation *c = g_object_get_data (G_OBJECT (editable), COMPENSATION_KEY);

  if (cd_wizard_step_is_loading (CD_WIZARD_STEP (self)))
    return;
  cd_case_set_string (&c->reference, gtk_editable_get_text (editable));
  cd_wizard_step_changed (CD_WIZARD_STEP (self));
}

static void
on_cost_changed_cb (GtkEditable          *editable,
                    CdWizardStepCarryOut *self)
{
  CdCompensation *c = g_object_get_data (G_OBJECT (editable), COMPENSATION_KEY);
  gint64 cost;

  if (cd_wizard_step_is_loading (CD_WIZARD_STEP (self)) ||
      !cd_wizard_step_read_money (CD_WIZARD_STEP (self), editable, &cost))
    return;
  c->cost = cost;
  cd_wizard_step_changed (CD_WIZARD_STEP (self));
}

/* Building the checklist */

static GtkWidget *
create_done_row (CdWizardStepCarryOut *self,
                 CdCompensation       *c)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = describe_done (c);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Done"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), c->status == CD_COMPENSATION_DONE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (check), COMPENSATION_KEY, c);
  g_object_set_data (G_OBJECT (check), "cd-row", row);
  g_signal_connect (check, "toggled", G_CALLBACK (on_done_toggled_cb), self);
  return row;
}

static GtkWidget *
create_entry_row (CdCompensation *c,
                  const char     *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), COMPENSATION_KEY, c);
  return row;
}

static GtkWidget *
create_remedy (CdWizardStepCarryOut *self,
               CdCompensation       *c)
{
  CdWizardStep *step = CD_WIZARD_STEP (self);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *reference = create_entry_row (c, reference_title (c->kind));
  GtkWidget *cost = create_entry_row (c, _("Cost to the _Shop"));
  GtkWidget *unit = gtk_label_new (cd_wizard_step_get_currency (step));
  g_autofree char *title = cd_wizard_step_describe_compensation (step, c);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_done_row (self, c));

  gtk_editable_set_text (GTK_EDITABLE (reference), c->reference);
  g_signal_connect (reference, "changed", G_CALLBACK (on_reference_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), reference);

  gtk_widget_add_css_class (unit, "dim-label");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (cost), unit);
  g_object_set (cost, "input-purpose", GTK_INPUT_PURPOSE_NUMBER, NULL);
  cd_wizard_step_show_money (step, GTK_EDITABLE (cost), c->cost);
  g_signal_connect (cost, "changed", G_CALLBACK (on_cost_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), cost);
  return group;
}

/* CdWizardStep overrides */

static void
cd_wizard_step_carry_out_load (CdWizardStep *step,
                               CdCase       *kase)
{
  CdWizardStepCarryOut *self = CD_WIZARD_STEP_CARRY_OUT (step);

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->remedies_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);
      GtkWidget *group;

      if (!is_agreed (c))
        continue;
      group = create_remedy (self, c);
      gtk_box_append (self->remedies_box, group);
      g_ptr_array_add (self->groups, group);
    }
}

static gboolean
cd_wizard_step_carry_out_can_advance (CdWizardStep  *step,
                                      CdCase        *kase,
                                      char         **reason)
{
  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);

      if (c->status == CD_COMPENSATION_ACCEPTED)
        {
          *reason = g_strdup (_("Tick each remedy once it is done. Everything is saved: "
                                "you can come back to it later."));
          return FALSE;
        }
    }
  return TRUE;
}

/* GObject overrides */

static void
cd_wizard_step_carry_out_dispose (GObject *object)
{
  CdWizardStepCarryOut *self = CD_WIZARD_STEP_CARRY_OUT (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_WIZARD_STEP_CARRY_OUT);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (cd_wizard_step_carry_out_parent_class)->dispose (object);
}

static void
cd_wizard_step_carry_out_class_init (CdWizardStepCarryOutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CdWizardStepClass *step_class = CD_WIZARD_STEP_CLASS (klass);

  object_class->dispose = cd_wizard_step_carry_out_dispose;
  step_class->stage = CD_STAGE_CARRY_OUT;
  step_class->load = cd_wizard_step_carry_out_load;
  step_class->can_advance = cd_wizard_step_carry_out_can_advance;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/CompDesk/ui/cd-wizard-step-carry-out.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepCarryOut, remedies_box);
}

static void
cd_wizard_step_carry_out_init (CdWizardStepCarryOut *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
}
