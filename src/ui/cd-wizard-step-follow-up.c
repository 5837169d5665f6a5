/* cd-wizard-step-follow-up.c — step 7: plan the return visit, then record how it went
 *
 * The step edits the case's open return visit (the latest not yet made, else the latest).
 * A case without one gets a draft that joins the case at the first change, or when Next
 * leaves the step: moving on means the visit is planned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-wizard-step-follow-up"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-date-time-edit.h"
#include "cd-time.h"
#include "cd-wizard-step-follow-up.h"

#define N_SCORES 5

struct _CdWizardStepFollowUp
{
  CdWizardStep    parent_instance;

  /* Template widgets */
  CdDateTimeEdit *date_edit;
  AdwComboRow    *method_row;
  GtkToggleButton *satisfaction_1;
  GtkToggleButton *satisfaction_2;
  GtkToggleButton *satisfaction_3;
  GtkToggleButton *satisfaction_4;
  GtkToggleButton *satisfaction_5;
  AdwEntryRow    *remarks_row;
  GtkSwitch      *done_switch;

  /* Owned */
  CdFollowUp     *visit;    /* in the case's list, or a draft that is not yet */
};

G_DEFINE_FINAL_TYPE (CdWizardStepFollowUp, cd_wizard_step_follow_up, CD_TYPE_WIZARD_STEP)

/* Helpers */

static GtkToggleButton *
score_button (CdWizardStepFollowUp *self,
              int                   score)
{
  GtkToggleButton *buttons[N_SCORES] = { self->satisfaction_1, self->satisfaction_2,
                                         self->satisfaction_3, self->satisfaction_4,
                                         self->satisfaction_5 };

  return buttons[score - 1];
}

static CdFollowUp *
find_open_visit (CdCase *kase)
{
  CdFollowUp *found = NULL;

  for (guint i = 0; i < kase->followups->len; i++)
    {
      CdFollowUp *visit = g_ptr_array_index (kase->followups, i);

      if (found == NULL || visit->done_at == CD_TIME_UNSET || found->done_at != CD_TIME_UNSET)
        found = visit;
    }
  return found;
}

/* Returns: whether the draft joined the case just now */
static gboolean
adopt_visit (CdWizardStepFollowUp *self,
             CdCase               *kase)
{
  for (guint i = 0; i < kase->followups->len; i++)
    if (g_ptr_array_index (kase->followups, i) == self->visit)
      return FALSE;
  g_ptr_array_add (kase->followups, g_object_ref (self->visit));
  return TRUE;
}

/* Signal callbacks */

static void
on_field_changed_cb (CdWizardStepFollowUp *self)
{
  CdWizardStep *step = CD_WIZARD_STEP (self);
  CdCase *kase = cd_wizard_step_get_case (step);
  gboolean done;

  if (kase == NULL || self->visit == NULL || cd_wizard_step_is_loading (step))
    return;
  self->visit->due_at = cd_date_time_edit_get_time (self->date_edit);
  self->visit->method = (CdFollowUpMethod) adw_combo_row_get_selected (self->method_row);
  self->visit->satisfaction = 0;
  for (int score = 1; score <= N_SCORES; score++)
    if (gtk_toggle_button_get_active (score_button (self, score)))
      self->visit->satisfaction = score;
  cd_case_set_string (&self->visit->remarks,
                      gtk_editable_get_text (GTK_EDITABLE (self->remarks_row)));
  done = gtk_switch_get_active (self->done_switch);
  if (done && self->visit->done_at == CD_TIME_UNSET)
    self->visit->done_at = cd_time_now ();
  else if (!done)
    self->visit->done_at = CD_TIME_UNSET;
  adopt_visit (self, kase);
  cd_wizard_step_changed (step);
}

static void
on_date_time_changed_cb (CdWizardStepFollowUp *self)
{
  if (cd_wizard_step_is_loading (CD_WIZARD_STEP (self)))
    return;
  on_field_changed_cb (self);
}

/* CdWizardStep overrides */

static void
cd_wizard_step_follow_up_load (CdWizardStep *step,
                               CdCase       *kase)
{
  CdWizardStepFollowUp *self = CD_WIZARD_STEP_FOLLOW_UP (step);
  CdFollowUp *visit = find_open_visit (kase);

  g_clear_object (&self->visit);
  self->visit = visit != NULL ? g_object_ref (visit)
                              : cd_follow_up_new_planned (kase->channel, cd_time_now ());

  cd_date_time_edit_set_time (self->date_edit, self->visit->due_at);
  adw_combo_row_set_selected (self->method_row, self->visit->method);
  for (int score = 1; score <= N_SCORES; score++)
    gtk_toggle_button_set_active (score_button (self, score),
                                  score == self->visit->satisfaction);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->remarks_row)),
                 self->visit->remarks) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->remarks_row), self->visit->remarks);
  gtk_switch_set_active (self->done_switch, self->visit->done_at != CD_TIME_UNSET);
}

static void
cd_wizard_step_follow_up_commit (CdWizardStep *step,
                                 CdCase       *kase)
{
  CdWizardStepFollowUp *self = CD_WIZARD_STEP_FOLLOW_UP (step);

  if (self->visit != NULL && adopt_visit (self, kase))
    cd_wizard_step_changed (step);
}

/* GObject overrides */

static void
cd_wizard_step_follow_up_dispose (GObject *object)
{
  CdWizardStepFollowUp *self = CD_WIZARD_STEP_FOLLOW_UP (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_WIZARD_STEP_FOLLOW_UP);
  g_clear_object (&self->visit);
  G_OBJECT_CLASS (cd_wizard_step_follow_up_parent_class)->dispose (object);
}

static void
cd_wizard_step_follow_up_class_init (CdWizardStepFollowUpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CdWizardStepClass *step_class = CD_WIZARD_STEP_CLASS (klass);

  object_class->dispose = cd_wizard_step_follow_up_dispose;
  step_class->stage = CD_STAGE_FOLLOW_UP;
  step_class->load = cd_wizard_step_follow_up_load;
  step_class->commit = cd_wizard_step_follow_up_commit;

  g_type_ensure (CD_TYPE_DATE_TIME_EDIT);
  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/CompDesk/ui/cd-wizard-step-follow-up.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepFollowUp, date_edit);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepFollowUp, method_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepFollowUp, satisfaction_1);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepFollowUp, satisfaction_2);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepFollowUp, satisfaction_3);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepFollowUp, satisfaction_4);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepFollowUp, satisfaction_5);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepFollowUp, remarks_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepFollowUp, done_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_time_changed_cb);
}

static void
cd_wizard_step_follow_up_init (CdWizardStepFollowUp *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cd_wizard_step_set_enum_model (self->method_row, CD_TYPE_FOLLOW_UP_METHOD);
}
