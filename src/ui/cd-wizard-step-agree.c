/* cd-wizard-step-agree.c — step 5: what the buyer accepted, and the promise
 *
 * Each option on offer gets a tick box; the ticked ones are accepted, and when Next leaves
 * the step the others are declined. If the buyer declined everything, the seller goes back
 * to Propose or escalates to the platform.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-wizard-step-agree"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-date-time-edit.h"
#include "cd-time.h"
#include "cd-wizard-step-agree.h"

/* A promise closer than this is one the shop cannot usually keep. */
#define USUAL_DELIVERY_USEC ((gint64) 24 * 3600 * G_USEC_PER_SEC)
#define DEFAULT_DAYS_AHEAD 2
#define DEFAULT_HOUR 18

struct _CdWizardStepAgree
{
  CdWizardStep   parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *accepted_group;
  AdwEntryRow   *promise_row;
  CdDateTimeEdit *date_edit;
  GtkRevealer   *early_revealer;

  /* Owned */
  GPtrArray     *rows;    /* (element-type GtkWidget) one per option */
};

G_DEFINE_FINAL_TYPE (CdWizardStepAgree, cd_wizard_step_agree, CD_TYPE_WIZARD_STEP)

#define COMPENSATION_KEY "cd-compensation"

/* Helpers */

static gboolean
is_shown (CdCompensation *c)
{
  return c->status == CD_COMPENSATION_OFFERED || c->status == CD_COMPENSATION_ACCEPTED ||
         c->status == CD_COMPENSATION_DONE || c->status == CD_COMPENSATION_SUGGESTED;
}

static gboolean
is_agreed (CdCompensation *c)
{
  return c->status == CD_COMPENSATION_ACCEPTED || c->status == CD_COMPENSATION_DONE;
}

static gint64
default_deadline (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, DEFAULT_DAYS_AHEAD);
  g_autoptr(GDateTime) due = g_date_time_new_local (g_date_time_get_year (later),
                                                    g_date_time_get_month (later),
                                                    g_date_time_get_day_of_month (later),
                                                    DEFAULT_HOUR, 0, 0);

  return g_date_time_to_unix (due) * G_USEC_PER_SEC;
}

static void
update_early_warning (CdWizardStepAgree *self,
                      gint64             deadline)
{
  gtk_revealer_set_reveal_child (self->early_revealer,
                                 deadline < cd_time_now () + USUAL_DELIVERY_USEC);
}

/* "Replacement, Coupon · ¥12.80": what was agreed, when the seller wrote no promise. */
static char *
describe_agreed (CdWizardStepAgree *self,
                 CdCase            *kase)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);
      g_autofree char *text = NULL;

      if (!is_agreed (c))
        continue;
      text = cd_wizard_step_describe_compensation (CD_WIZARD_STEP (self), c);
      if (out->len > 0)
        /* Translators: between the remedies of a promise */
        g_string_append (out, _(", "));
      g_string_append (out, text);
    }
  return g_string_free (out, FALSE);
}

/* Signal callbacks */

static void
on_accepted_toggled_cb (GtkCheckButton    *check,
                        CdWizardStepAgree *self)
{
  CdCompensation *c = g_object_get_data (G_OBJECT (check), COMPENSATION_KEY);

  if (cd_wizard_step_is_loading (CD_WIZARD_STEP (self)) || c->status == CD_COMPENSATION_DONE)
    return;
  c->status = gtk_check_button_get_active (check) ? CD_COMPENSATION_ACCEPTED
                                                  : CD_COMPENSATION_OFFERED;
  cd_wizard_step_changed (CD_WIZARD_STEP (self));
}

static void
on_field_changed_cb (CdWizardStepAgree *self)
{
  CdWizardStep *step = CD_WIZARD_STEP (self);
  CdCase *kase = cd_wizard_step_get_case (step);

  if (kase == NULL || cd_wizard_step_is_loading (step))
    return;
  cd_case_set_string (&kase->promise, gtk_editable_get_text (GTK_EDITABLE (self->promise_row)));
  kase->promised_by = cd_date_time_edit_get_time (self->date_edit);
  update_early_warning (self, kase->promised_by);
  cd_wizard_step_changed (step);
}

static void
on_date_time_changed_cb (CdWizardStepAgree *self)
{
  if (cd_wizard_step_is_loading (CD_WIZARD_STEP (self)))
    return;
  on_field_changed_cb (self);
}

/* Building the options */

static GtkWidget *
create_option_row (CdWizardStepAgree *self,
                   CdCompensation    *c)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *title = cd_wizard_step_describe_compensation (CD_WIZARD_STEP (self), c);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (*c->note != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), c->note);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_agreed (c));
  gtk_widget_set_sensitive (check, c->status != CD_COMPENSATION_DONE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (check), COMPENSATION_KEY, c);
  g_signal_connect (check, "toggled", G_CALLBACK (on_accepted_toggled_cb), self);
  return row;
}

static void
rebuild (CdWizardStepAgree *self,
         CdCase            *kase)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->accepted_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);
      GtkWidget *row;

      if (!is_shown (c))
        continue;
      row = create_option_row (self, c);
      adw_preferences_group_add (self->accepted_group, row);
      g_ptr_array_add (self->rows, row);
    }
  adw_preferences_group_set_description (self->accepted_group, self->rows->len == 0
                                         ? _("Nothing was offered yet: go back to Propose.")
                                         : _("Tick what the buyer chose."));
}

/* Actions */

static void
decline_all (CdCase *kase)
{
  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);

      if (c->status != CD_COMPENSATION_DONE)
        c->status = CD_COMPENSATION_DECLINED;
    }
}

static void
declined_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CdWizardStep *step = CD_WIZARD_STEP (widget);
  CdCase *kase = cd_wizard_step_get_case (step);

  if (kase == NULL)
    return;
  decline_all (kase);
  cd_wizard_step_changed (step);
  cd_wizard_step_request_stage (step, CD_STAGE_PROPOSE);
}

static void
on_escalate_response_cb (AdwMessageDialog  *dialog,
                         const char        *response,
                         CdWizardStep      *step)
{
  CdCase *kase = cd_wizard_step_get_case (step);

  if (kase == NULL || g_strcmp0 (response, "escalate") != 0)
    return;
  decline_all (kase);
  cd_wizard_step_changed (step);
  cd_wizard_step_request_stage (step, CD_STAGE_ESCALATED);
}

static void
escalate_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Escalate to the Platform?"),
                                   _("The options on offer are marked declined and the case "
                                     "waits for the platform’s ruling. Keep the chat history "
                                     "and photos at hand."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "escalate", _("_Escalate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "escalate",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_escalate_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* CdWizardStep overrides */

static void
cd_wizard_step_agree_load (CdWizardStep *step,
                           CdCase       *kase)
{
  CdWizardStepAgree *self = CD_WIZARD_STEP_AGREE (step);

  /* The message on this page names the deadline: a case at this step starts from one the
   * shop can keep (an escalated case is left as it is). */
  if (kase->promised_by == CD_TIME_UNSET && kase->stage == CD_STAGE_AGREE)
    {
      kase->promised_by = default_deadline ();
      cd_wizard_step_changed (step);
    }
  rebuild (self, kase);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->promise_row)), kase->promise) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->promise_row), kase->promise);
  cd_date_time_edit_set_time (self->date_edit, kase->promised_by != CD_TIME_UNSET
                                              ? kase->promised_by : default_deadline ());
  update_early_warning (self, kase->promised_by != CD_TIME_UNSET ? kase->promised_by
                                                                 : default_deadline ());
}

static gboolean
cd_wizard_step_agree_can_advance (CdWizardStep  *step,
                                  CdCase        *kase,
                                  char         **reason)
{
  for (guint i = 0; i < kase->compensations->len; i++)
    if (is_agreed (g_ptr_array_index (kase->compensations, i)))
      return TRUE;
  *reason = g_strdup (_("Tick the option the buyer accepted, or go back to Propose"));
  return FALSE;
}

static void
cd_wizard_step_agree_commit (CdWizardStep *step,
                             CdCase       *kase)
{
  CdWizardStepAgree *self = CD_WIZARD_STEP_AGREE (step);
  gint64 deadline = cd_date_time_edit_get_time (self->date_edit);
  gboolean changed = FALSE;

  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);

      if (c->status == CD_COMPENSATION_OFFERED || c->status == CD_COMPENSATION_SUGGESTED)
        {
          c->status = CD_COMPENSATION_DECLINED;
          changed = TRUE;
        }
    }
  if (kase->promised_by != deadline)
    {
      kase->promised_by = deadline;
      changed = TRUE;
    }
  if (*kase->promise == '\0')
    {
      g_autofree char *promise = describe_agreed (self, kase);

      cd_case_set_string (&kase->promise, promise);
      changed = TRUE;
    }
  if (!changed)
    return;
  cd_wizard_step_reload (step);
  cd_wizard_step_changed (step);
}

/* GObject overrides */

static void
cd_wizard_step_agree_dispose (GObject *object)
{
  CdWizardStepAgree *self = CD_WIZARD_STEP_AGREE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_WIZARD_STEP_AGREE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (cd_wizard_step_agree_parent_class)->dispose (object);
}

static void
cd_wizard_step_agree_class_init (CdWizardStepAgreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CdWizardStepClass *step_class = CD_WIZARD_STEP_CLASS (klass);

  object_class->dispose = cd_wizard_step_agree_dispose;
  step_class->stage = CD_STAGE_AGREE;
  step_class->load = cd_wizard_step_agree_load;
  step_class->can_advance = cd_wizard_step_agree_can_advance;
  step_class->commit = cd_wizard_step_agree_commit;

  g_type_ensure (CD_TYPE_DATE_TIME_EDIT);
  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/CompDesk/ui/cd-wizard-step-agree.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepAgree, accepted_group);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepAgree, promise_row);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepAgree, date_edit);
  gtk_widget_class_bind_template_child (widget_class, CdWizardStepAgree, early_revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_time_changed_cb);

  gtk_widget_class_install_action (widget_class, "agree.declined", NULL, declined_activated);
  gtk_widget_class_install_action (widget_class, "agree.escalate", NULL, escalate_activated);
}

static void
cd_wizard_step_agree_init (CdWizardStepAgree *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}
