/* cd-due-view-actions.c — Mark Done and Reschedule in the due views, each with Undo
 *
 * The actions are widget-scoped ("due.mark-done", "due.reschedule"), their target names the
 * item ("promise:<case id>" or "follow-up:<follow-up id>"), and the work is done by
 * cd-due-actions.c in the core. Marking a follow-up done asks first how it went
 * (CdFollowUpDialog). Every change comes with a toast whose Undo puts it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-due-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-date-time-edit.h"
#include "cd-due-view-private.h"
#include "cd-error.h"
#include "cd-follow-up-dialog.h"
#include "cd-format.h"
#include "cd-time.h"

/* When the day's work starts, for "tomorrow morning" and "next week". */
#define MORNING_HOUR 9

static const struct {
  const char *preset;
  const char *label;
} presets[] = {
  { "hour", N_("In 1 Hour") },
  { "tomorrow", N_("Tomorrow Morning") },
  { "three-days", N_("In 3 Days") },
  { "next-week", N_("Next Week") },
};

/* What a toast's Undo needs; it outlives the view's interest in it. */
typedef struct
{
  CdCaseRepository *repository;
  CdDueChange      *change;
  GWeakRef          view;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_clear_object (&undo->repository);
  g_clear_pointer (&undo->change, cd_due_change_free);
  g_weak_ref_clear (&undo->view);
  g_free (undo);
}

static void
show_error (CdDueView  *self,
            const char *what,
            GError     *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  g_autoptr(AdwToast) toast = NULL;

  /* Translators: the first %s says what failed ("Could not mark it done"), the second why */
  toast = adw_toast_new_format (_("%s: %s"), what, escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  cd_due_view_emit_toast (self, toast);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Undo     *undo)
{
  g_autoptr(CdDueView) view = g_weak_ref_get (&undo->view);
  g_autoptr(GError) error = NULL;

  if (undo->change == NULL || cd_due_change_undo (undo->change, undo->repository, &error))
    {
      /* Once is enough: a second click must not write the old state again. */
      g_clear_pointer (&undo->change, cd_due_change_free);
      return;
    }
  if (view != NULL)
    show_error (view, _("Could not undo"), error);
  else
    g_message ("Could not undo a change to a case: %s", error->message);
}

/* Takes @change, and says @title with an Undo for it. */
static void
offer_undo (CdDueView   *self,
            CdDueChange *change,
            const char  *title)
{
  g_autoptr(AdwToast) toast = adw_toast_new (title);
  Undo *undo = g_new0 (Undo, 1);

  undo->repository = g_object_ref (self->repository);
  undo->change = change;
  g_weak_ref_init (&undo->view, self);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo,
                         undo_free, 0);
  cd_due_view_emit_toast (self, toast);
}

/* Mark Done */

static void
on_follow_up_recorded_cb (GtkWidget  *dialog,
                          CdFollowUp *edited,
                          CdDueView  *self)
{
  gint64 case_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "case-id"));
  g_autoptr(GError) error = NULL;
  CdDueChange *change = cd_due_record_follow_up (self->repository, case_id, edited, &error);

  /* The dialog stays open with what was typed, and says why. */
  if (change == NULL)
    {
      cd_follow_up_dialog_show_error (CD_FOLLOW_UP_DIALOG (dialog),
                                      _("Could not record the follow-up"), error);
      return;
    }
  offer_undo (self, change, _("Follow-up recorded"));
}

static void
record_follow_up (CdDueView *self,
                  CdDueItem *item)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdCase) kase = cd_case_repository_load (self->repository, item->case_id, &error);
  CdFollowUp *follow_up = NULL;
  GtkWidget *dialog;

  for (guint i = 0; kase != NULL && i < kase->followups->len; i++)
    if (((CdFollowUp *) g_ptr_array_index (kase->followups, i))->id == item->follow_up_id)
      follow_up = g_ptr_array_index (kase->followups, i);
  if (follow_up == NULL)
    {
      if (error == NULL)
        g_set_error (&error, CD_ERROR, CD_ERROR_NOT_FOUND,
                     _("The follow-up no longer exists"));
      show_error (self, _("Could not record the follow-up"), error);
      return;
    }

  dialog = cd_follow_up_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    follow_up);
  /* Case ids fit a pointer on the platforms CompDesk runs on (64-bit Linux). */
  g_object_set_data (G_OBJECT (dialog), "case-id", GSIZE_TO_POINTER ((gsize) item->case_id));
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_follow_up_recorded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CdDueView *self = CD_DUE_VIEW (widget);
  CdDueItem *item = cd_due_view_find_item (self, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  CdDueChange *change;

  if (item == NULL)
    return;
  if (item->kind == CD_DUE_FOLLOW_UP)
    {
      record_follow_up (self, item);
      return;
    }

  change = cd_due_mark_promise_done (self->repository, item->case_id, cd_time_now (), &error);
  if (change == NULL)
    {
      show_error (self, _("Could not mark it done"), error);
      return;
    }
  offer_undo (self, change, _("Promise marked as kept"));
}

/* Reschedule */

/**
 * cd_due_view_preset_time:
 * @preset: "hour", "tomorrow", "three-days" or "next-week"
 *
 * Returns: the time @preset means, seen from @now: in an hour; tomorrow at nine; in three
 *   days at the same time of day; next Monday at nine (local time)
 */
gint64
cd_due_view_preset_time (const char *preset,
                         gint64      now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDateTime) morning = g_date_time_new_local (g_date_time_get_year (local),
                                                        g_date_time_get_month (local),
                                                        g_date_time_get_day_of_month (local),
                                                        MORNING_HOUR, 0, 0);
  g_autoptr(GDateTime) result = NULL;

  if (g_str_equal (preset, "hour"))
    return now + (gint64) 3600 * G_USEC_PER_SEC;
  if (g_str_equal (preset, "tomorrow"))
    result = g_date_time_add_days (morning, 1);
  else if (g_str_equal (preset, "three-days"))
    result = g_date_time_add_days (local, 3);
  else if (g_str_equal (preset, "next-week"))
    result = g_date_time_add_days (morning, 8 - g_date_time_get_day_of_week (local));
  else
    g_return_val_if_reached (now);
  return g_date_time_to_unix (result) * G_USEC_PER_SEC;
}

/**
 * cd_due_view_reschedule_menu:
 *
 * Returns: (transfer full): the Reschedule menu of the item named @key
 */
GMenuModel *
cd_due_view_reschedule_menu (const char *key)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  g_autoptr(GMenuItem) pick = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autoptr(GMenuItem) entry = g_menu_item_new (_(presets[i].label), NULL);

      g_menu_item_set_action_and_target_value (entry, "due.reschedule",
                                               g_variant_new ("(ss)", key, presets[i].preset));
      g_menu_append_item (menu, entry);
    }
  pick = g_menu_item_new (_("Pick a Date and Time…"), NULL);
  g_menu_item_set_action_and_target_value (pick, "due.pick-time", g_variant_new_string (key));
  g_menu_append_item (section, pick);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  return G_MENU_MODEL (menu);
}

static void
reschedule (CdDueView *self,
            CdDueItem *item,
            gint64     due_at)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *when = cd_format_time (due_at);
  g_autofree char *escaped = g_markup_escape_text (when, -1);
  g_autofree char *title = NULL;
  CdDueChange *change = cd_due_reschedule (self->repository, item, due_at, &error);

  if (change == NULL)
    {
      show_error (self, _("Could not reschedule"), error);
      return;
    }
  /* Translators: %s is a date and time */
  title = g_strdup_printf (_("Rescheduled to %s"), escaped);
  offer_undo (self, change, title);
}

static void
reschedule_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CdDueView *self = CD_DUE_VIEW (widget);
  const char *key, *preset;
  CdDueItem *item;

  g_variant_get (parameter, "(&s&s)", &key, &preset);
  item = cd_due_view_find_item (self, key);
  if (item != NULL)
    reschedule (self, item, cd_due_view_preset_time (preset, cd_time_now ()));
}

/* Pick a date and time */

static void
on_pick_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CdDueView        *self)
{
  CdDueItem *item = g_object_get_data (G_OBJECT (dialog), "item");
  CdDateTimeEdit *edit = g_object_get_data (G_OBJECT (dialog), "edit");

  if (g_strcmp0 (response, "reschedule") == 0)
    reschedule (self, item, cd_date_time_edit_get_time (edit));
}

static void
pick_time_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CdDueView *self = CD_DUE_VIEW (widget);
  CdDueItem *item = cd_due_view_find_item (self, g_variant_get_string (parameter, NULL));
  GtkWidget *dialog, *edit;

  if (item == NULL)
    return;
  /* The same date and time editor as the wizard's and the follow-up dialog's. */
  edit = cd_date_time_edit_new ();
  cd_date_time_edit_set_time (CD_DATE_TIME_EDIT (edit), item->due_at);
  gtk_widget_set_halign (edit, GTK_ALIGN_CENTER);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Reschedule"), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), edit);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reschedule", _("_Reschedule"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reschedule",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reschedule");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "edit", edit);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_pick_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cd_due_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "due.mark-done", "s", mark_done_action);
  gtk_widget_class_install_action (widget_class, "due.reschedule", "(ss)", reschedule_action);
  gtk_widget_class_install_action (widget_class, "due.pick-time", "s", pick_time_action);
}
