/* cd-wizard-step-propose.c — step 4: offer more than one remedy
 *
 * The options are the case's compensations not yet declined. A case that reaches this step
 * without any gets the policy's suggestions (at least two, cd_policy_suggest()); the seller
 * edits, adds and removes them, and Offer (or Next) marks them offered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-wizard-step-propose"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-policy.h"
#include "cd-wizard-step-propose.h"

struct _CdWizardStepPropose
{
  CdWizardStep  parent_instance;

  /* Template widgets */
  GtkBox       *options_box;
  AdwPreferencesGroup *declined_group;

  /* Owned */
  GPtrArray    *shown;     /* (element-type GtkWidget) groups and rows built for the case */
};

G_DEFINE_FINAL_TYPE (CdWizardStepPropose, cd_wizard_step_propose, CD_TYPE_WIZARD_STEP)

#define COMPENSATION_KEY "cd-compensation"

/* Helpers */

static gboolean
is_open_option (CdCompensation *c)
{
  return c->status == CD_COMPENSATION_SUGGESTED || c->status == CD_COMPENSATION_OFFERED;
}

static guint
count_open (CdCase *kase)
{
  guint n = 0;

  for (guint i = 0; i < kase->compensations->len; i++)
    n += is_open_option (g_ptr_array_index (kase->compensations, i));
  return n;
}

static gboolean
was_declined (CdCase             *kase,
              CdCompensationKind  kind)
{
  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);

      if (c->status == CD_COMPENSATION_DECLINED && c->kind == kind)
        return TRUE;
    }
  return FALSE;
}

/* After "declined everything", offering the same again helps no one; but the buyer still
 * gets a choice of two, even if that means an earlier option comes back. */
static void
drop_declined_kinds (CdCase    *kase,
                     GPtrArray *suggestions)
{
  guint n_new = 0;

  for (guint i = 0; i < suggestions->len; i++)
    n_new += !was_declined (kase, ((CdCompensation *) g_ptr_array_index (suggestions, i))->kind);
  if (n_new < 2)
    return;
  for (guint i = suggestions->len; i > 0; i--)
    if (was_declined (kase, ((CdCompensation *) g_ptr_array_index (suggestions, i - 1))->kind))
      g_ptr_array_remove_index (suggestions, i - 1);
}

static gboolean
suggest (CdWizardStepPropose *self,
         CdCase              *kase)
{
  CdWizardStep *step = CD_WIZARD_STEP (self);
  CdDatabase *db = cd_wizard_step_get_database (step);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  CdBuyerHistory history = { 0, FALSE };
  CdPolicy policy;

  if (db == NULL || !cd_policy_load (&policy, db, &error) ||
      !cd_policy_read_history (db, kase, &history, &error))
    {
      if (error != NULL)
        cd_wizard_step_show_error (step, error->message);
      cd_policy_init_default (&policy);
    }
  suggestions = cd_policy_suggest (&policy, kase, &history);
  drop_declined_kinds (kase, suggestions);

  /* Options the buyer already answered stay; the unanswered ones are replaced. */
  for (guint i = kase->compensations->len; i > 0; i--)
    if (is_open_option (g_ptr_array_index (kase->compensations, i - 1)))
      g_ptr_array_remove_index (kase->compensations, i - 1);
  for (guint i = 0; i < suggestions->len; i++)
    g_ptr_array_add (kase->compensations, g_object_ref (g_ptr_array_index (suggestions, i)));
  return suggestions->len > 0;
}

/* Signal callbacks */

static void
on_kind_changed_cb (AdwComboRow         *row,
                    GParamSpec          *pspec,
                    CdWizardStepPropose *self)
{
  CdCompensation *c = g_object_get_data (G_OBJECT (row), COMPENSATION_KEY);

  if (cd_wizard_step_is_loading (CD_WIZARD_STEP (self)))
    return;
  c->kind = (CdCompensationKind) adw_combo_row_get_selected (row);
  cd_wizard_step_changed (CD_WIZARD_STEP (self));
}

static void
on_amount_changed_cb (GtkEditable         *editable,
                      CdWizardStepPropose *self)
{
  CdCompensation *c = g_object_get_data (G_OBJECT (editable), COMPENSATION_KEY);
  gboolean is_cost = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "cd-is-cost"));
  gint64 minor;

  if (cd_wizard_step_is_loading (CD_WIZARD_STEP (self)) ||
      !cd_wizard_step_read_money (CD_WIZARD_STEP (self), editable, &minor))
    return;
  if (is_cost)
    c->cost = minor;
  else
    c->amount = minor;
  cd_wizard_step_changed (CD_WIZARD_STEP (self));
}

/* Building the options */

static GtkWidget *
create_money_row (CdWizardStepPropose *self,
                  CdCompensation      *c,
                  const char          *title,
                  gboolean             is_cost)
{
  CdWizardStep *step = CD_WIZARD_STEP (self);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *unit = gtk_label_new (cd_wizard_step_get_currency (step));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_add_css_class (unit, "dim-label");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), unit);
  g_object_set (row, "input-purpose", GTK_INPUT_PURPOSE_NUMBER, NULL);
  cd_wizard_step_show_money (step, GTK_EDITABLE (row), is_cost ? c->cost : c->amount);
  g_object_set_data (G_OBJECT (row), COMPENSATION_KEY, c);
  g_object_set_data (G_OBJECT (row), "cd-is-cost", GINT_TO_POINTER (is_cost));
  g_signal_connect (row, "changed", G_CALLBACK (on_amount_changed_cb), self);
  return row;
}

static GtkWidget *
create_header_suffix (CdCompensation *c,
                      guint           index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *status = gtk_label_new (cd_enum_get_label (CD_TYPE_COMPENSATION_STATUS,
                                                        c->status));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_add_css_class (status, "cd-pill");
  if (c->status == CD_COMPENSATION_OFFERED)
    gtk_widget_add_css_class (status, "accent");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove This Option"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this option"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "propose.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", index);
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

static GtkWidget *
create_option (CdWizardStepPropose *self,
               CdCompensation      *c,
               guint                index,
               guint                number)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *kind = adw_combo_row_new ();
  g_autofree char *title = g_strdup_printf (_("Option %u"), number);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         *c->note != '\0' ? c->note : NULL);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                           create_header_suffix (c, index));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("_Remedy"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (kind), TRUE);
  cd_wizard_step_set_enum_model (ADW_COMBO_ROW (kind), CD_TYPE_COMPENSATION_KIND);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), c->kind);
  g_object_set_data (G_OBJECT (kind), COMPENSATION_KEY, c);
  g_signal_connect (kind, "notify::selected", G_CALLBACK (on_kind_changed_cb), self);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), kind);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             create_money_row (self, c, _("_Amount for the Buyer"), FALSE));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             create_money_row (self, c, _("Cos_t to the Shop"), TRUE));
  return group;
}

static void
clear_shown (CdWizardStepPropose *self)
{
  for (guint i = 0; i < self->shown->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->shown, i);
      GtkWidget *parent = gtk_widget_get_parent (widget);

      if (parent == GTK_WIDGET (self->options_box))
        gtk_box_remove (self->options_box, widget);
      else
        adw_preferences_group_remove (self->declined_group, widget);
    }
  g_ptr_array_set_size (self->shown, 0);
}

static void
add_declined (CdWizardStepPropose *self,
              CdCompensation      *c)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = cd_wizard_step_describe_compensation (CD_WIZARD_STEP (self), c);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_group_add (self->declined_group, row);
  g_ptr_array_add (self->shown, row);
}

static void
rebuild (CdWizardStepPropose *self)
{
  CdCase *kase = cd_wizard_step_get_case (CD_WIZARD_STEP (self));
  guint number = 0;
  gboolean any_declined = FALSE;

  clear_shown (self);
  for (guint i = 0; kase != NULL && i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);

      if (is_open_option (c))
        {
          GtkWidget *option = create_option (self, c, i, ++number);

          gtk_box_append (self->options_box, option);
          g_ptr_array_add (self->shown, option);
        }
      else if (c->status == CD_COMPENSATION_DECLINED)
        {
          add_declined (self, c);
          any_declined = TRUE;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->declined_group), any_declined);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "propose.offer", number > 0);
}

static gboolean
offer_all (CdCase *kase)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);

      if (c->status == CD_COMPENSATION_SUGGESTED)
        {
          c->status = CD_COMPENSATION_OFFERED;
          changed = TRUE;
        }
    }
  return changed;
}

/* Actions */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CdWizardStepPropose *self = CD_WIZARD_STEP_PROPOSE (widget);
  CdCase *kase = cd_wizard_step_get_case (CD_WIZARD_STEP (self));

  if (kase == NULL)
    return;
  g_ptr_array_add (kase->compensations,
                   cd_compensation_new (CD_COMPENSATION_APOLOGY, CD_COMPENSATION_SUGGESTED));
  rebuild (self);
  cd_wizard_step_changed (CD_WIZARD_STEP (self));
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CdWizardStepPropose *self = CD_WIZARD_STEP_PROPOSE (widget);
  CdCase *kase = cd_wizard_step_get_case (CD_WIZARD_STEP (self));
  guint index = g_variant_get_uint32 (parameter);

  if (kase == NULL || index >= kase->compensations->len)
    return;
  g_ptr_array_remove_index (kase->compensations, index);
  rebuild (self);
  cd_wizard_step_changed (CD_WIZARD_STEP (self));
}

static void
suggest_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CdWizardStepPropose *self = CD_WIZARD_STEP_PROPOSE (widget);
  CdCase *kase = cd_wizard_step_get_case (CD_WIZARD_STEP (self));

  if (kase == NULL)
    return;
  suggest (self, kase);
  rebuild (self);
  cd_wizard_step_changed (CD_WIZARD_STEP (self));
}

static void
offer_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CdWizardStepPropose *self = CD_WIZARD_STEP_PROPOSE (widget);
  CdCase *kase = cd_wizard_step_get_case (CD_WIZARD_STEP (self));

  if (kase == NULL || !offer_all (kase))
    return;
  rebuild (self);
  cd_wizard_step_changed (CD_WIZARD_STEP (self));
}

/* CdWizardStep overrides */

static void
cd_wizard_step_propose_load (CdWizardStep *step,
                             CdCase       *kase)
{
  CdWizardStepPropose *self = CD_WIZARD_STEP_PROPOSE (step);

  if (count_open (kase) == 0 && suggest (self, kase))
    cd_wizard_step_changed (step);
  rebuild (self);
}

static gboolean
cd_wizard_step_propose_can_advance (CdWizardStep  *step,
                                    CdCase        *kase,
                                    char         **reason)
{
  if (count_open (kase) > 0)
    return TRUE;
  *reason = g_strdup (_("Add at least one option to offer"));
  return FALSE;
}

static void
cd_wizard_step_propose_commit (CdWizardStep *step,
                               CdCase       *kase)
{
  if (!offer_all (kase))
    return;
  rebuild (CD_WIZARD_STEP_PROPOSE (step));
  cd_wizard_step_changed (step);
}

/* GObject overrides */

static void
cd_wizard_step_propose_dispose (GObject *object)
{
  CdWizardStepPropose *self = CD_WIZARD_STEP_PROPOSE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_WIZARD_STEP_PROPOSE);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  G_OBJECT_CLASS (cd_wizard_step_propose_parent_class)->dispose (object);
}

static void
cd_wizard_step_propose_class_init (CdWizardStepProposeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CdWizardStepClass *step_class = CD_WIZARD_STEP_CLASS (klass);

  object_class->dispose = cd_wizard_step_propose_dispose;
  step_class->stage = CD_STAGE_PROPOSE;
  step_class->load = cd_wizard_step_propose_load;
  step_class->can_advance = cd_wizard_step_propose_can_advance;
  step_class->commit = cd_wizard_step_propose_commit;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/CompDesk/ui/cd-wizard-step-propose.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepPropose, options_box);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepPropose, declined_group);

  gtk_widget_class_install_action (widget_class, "propose.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "propose.remove", "u", remove_activated);
  gtk_widget_class_install_action (widget_class, "propose.suggest", NULL, suggest_activated);
  gtk_widget_class_install_action (widget_class, "propose.offer", NULL, offer_activated);
}

static void
cd_wizard_step_propose_init (CdWizardStepPropose *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = g_ptr_array_new ();
}
