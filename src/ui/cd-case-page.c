/* cd-case-page.c — everything about one case, and what can be done with it
 *
 * The page shows what the repository holds and reloads whenever the repository says its case
 * changed, so every change (its own, the edit form's, the wizard's) shows the same way. It
 * never reaches into the window: toasts and "go back" are signals the window acts on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-case-form.h"
#include "cd-blacklist-entry-dialog.h"
#include "cd-case-page-private.h"
#include "cd-error.h"
#include "cd-text.h"
#include "cd-time.h"

G_DEFINE_FINAL_TYPE (CdCasePage, cd_case_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPOSITORY,
  PROP_BLACKLIST,
  N_PROPS
};

enum {
  ADD_TOAST,
  BACK,
  GUIDE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the Undo button of a "Case deleted" toast needs. It outlives the page's interest in
 * the case: the page may show another case, or be gone, when the button is pressed. */
typedef struct
{
  CdCaseRepository *repository;
  CdCase           *kase;
  GWeakRef          page;
} UndoDelete;

/* Helpers */

static void
undo_delete_free (gpointer  data,
                  GClosure *closure)
{
  UndoDelete *undo = data;

  g_clear_object (&undo->repository);
  g_clear_object (&undo->kase);
  g_weak_ref_clear (&undo->page);
  g_free (undo);
}

static GtkWindow *
get_window (CdCasePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (CdCasePage *self,
            const char *heading,
            GError     *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), heading,
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Follows whether a case is shown: the actions, and the sections (empty ones would only
 * flash by while the window goes back to the list). */
static void
update_state (CdCasePage *self)
{
  gboolean shown = self->kase != NULL;

  gtk_widget_set_visible (self->content, shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.edit", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.add-note", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.delete", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.blacklist",
                                 shown && self->blacklist != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.guide", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.record-follow-up", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.plan-follow-up", shown);
  /* Closed is the end, and an escalated case is the platform's to decide. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.advance",
                                 shown && self->kase->stage < CD_STAGE_CLOSED);
}

static void
clear_case (CdCasePage *self)
{
  self->case_id = 0;
  g_clear_object (&self->kase);
  cd_case_page_clear_sections (self);
  update_state (self);
}

/* The case is gone from under the page (deleted elsewhere, or by an import): there is
 * nothing left to show, so the list comes back. */
static void
leave_missing_case (CdCasePage *self)
{
  clear_case (self);
  g_signal_emit (self, signals[BACK], 0);
}

static void
reload (CdCasePage *self)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase;

  if (self->case_id == 0)
    return;

  kase = cd_case_repository_load (self->repository, self->case_id, &error);
  if (kase == NULL)
    {
      if (g_error_matches (error, CD_ERROR, CD_ERROR_NOT_FOUND))
        leave_missing_case (self);
      else
        show_error (self, _("Could Not Show the Case"), error);
      return;
    }

  g_clear_object (&self->kase);
  self->kase = kase;
  cd_case_page_fill_sections (self, cd_time_now ());
  update_state (self);
}

/* Signal callbacks */

static void
on_repository_case_changed_cb (CdCasePage *self,
                               gint64      case_id)
{
  if (case_id == self->case_id)
    reload (self);
}

static void
on_repository_case_removed_cb (CdCasePage *self,
                               gint64      case_id)
{
  if (case_id == self->case_id && self->case_id != 0)
    leave_missing_case (self);
}

static void
on_repository_reset_cb (CdCasePage *self)
{
  reload (self);
}

static void
on_form_saved_cb (CdCasePage *self,
                  gint64      case_id)
{
  if (case_id == self->case_id)
    reload (self);
}

static void
on_undo_delete_clicked_cb (AdwToast   *toast,
                           UndoDelete *undo)
{
  g_autoptr(CdCasePage) page = g_weak_ref_get (&undo->page);
  g_autoptr(GError) error = NULL;

  if (cd_case_repository_restore (undo->repository, undo->kase, &error))
    return;
  if (page != NULL)
    show_error (page, _("Could Not Restore the Case"), error);
  else
    g_message ("Could not restore a deleted case: %s", error->message);
}

static void
on_note_buffer_changed_cb (GtkTextBuffer    *buffer,
                           AdwMessageDialog *dialog)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  adw_message_dialog_set_response_enabled (dialog, "add", !cd_text_is_blank (text));
}

static void
on_note_dialog_response_cb (CdCasePage       *self,
                            const char       *response,
                            AdwMessageDialog *dialog)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "buffer");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (g_strcmp0 (response, "add") != 0 || self->kase == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  if (*text == '\0')
    return;
  if (!cd_case_repository_add_event (self->repository, self->kase, CD_EVENT_NOTE, text, &error))
    show_error (self, _("Could Not Add the Note"), error);
}

/* Actions */

static void
case_back_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
case_edit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CdCasePage *self = CD_CASE_PAGE (widget);
  CdCaseForm *form;

  if (self->kase == NULL)
    return;
  form = cd_case_form_new (get_window (self), self->repository, self->blacklist, self->currency,
                           self->kase);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
}

static void
case_advance_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CdCasePage *self = CD_CASE_PAGE (widget);
  g_autoptr(CdCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  if (self->kase == NULL)
    return;

  /* Written from the stored case, so a stale copy here cannot undo anyone's change. */
  kase = cd_case_repository_load (self->repository, self->case_id, &error);
  if (kase != NULL && kase->stage >= CD_STAGE_CLOSED)
    return;
  if (kase != NULL)
    kase->stage++;
  if (kase == NULL || !cd_case_repository_update (self->repository, kase, &error))
    show_error (self, _("Could Not Change the Stage"), error);
}

static void
case_add_note_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CdCasePage *self = CD_CASE_PAGE (widget);
  AdwMessageDialog *dialog;
  GtkWidget *frame, *view;
  GtkTextBuffer *buffer;

  if (self->kase == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), _("Add Note"),
    _("The note goes into the case’s timeline. The buyer never sees it.")));
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note"), -1);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "cd-text-frame");
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_message_dialog_set_extra_child (dialog, frame);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add Note"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_object_set_data (G_OBJECT (dialog), "buffer", buffer);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_note_buffer_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_note_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
on_blacklisted_cb (CdBlacklistEntryDialog *dialog,
                   gint64                  entry_id,
                   CdCasePage             *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;

  if (self->kase == NULL)
    return;
  /* The case remembers it too, in its timeline. */
  if (!cd_case_repository_add_event (self->repository, self->kase, CD_EVENT_NOTE,
                                     _("The buyer was added to the blacklist."), &error))
    show_error (self, _("Could Not Record the Blacklisting"), error);
  toast = adw_toast_new (_("Buyer added to the blacklist"));
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
case_guide_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CdCasePage *self = CD_CASE_PAGE (widget);

  if (self->kase != NULL)
    g_signal_emit (self, signals[GUIDE], 0, self->kase->id);
}

static void
case_record_follow_up_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  cd_case_page_record_follow_up (CD_CASE_PAGE (widget), g_variant_get_uint32 (parameter));
}

static void
case_plan_follow_up_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  cd_case_page_plan_follow_up (CD_CASE_PAGE (widget));
}

/* "Blacklist This Buyer…": an entry filled in from the case and linked to it. */
static void
case_blacklist_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CdCasePage *self = CD_CASE_PAGE (widget);
  CdBlacklistEntryDialog *dialog;

  if (self->kase == NULL || self->blacklist == NULL)
    return;
  dialog = cd_blacklist_entry_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                          self->blacklist, NULL, self->kase);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_blacklisted_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
case_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CdCasePage *self = CD_CASE_PAGE (widget);
  g_autoptr(CdCase) kept = NULL;
  g_autoptr(GError) error = NULL;
  UndoDelete *undo;
  AdwToast *toast;

  if (self->kase == NULL)
    return;

  /* No question first: the toast's Undo puts back the case with its whole timeline. */
  kept = g_object_ref (self->kase);
  self->case_id = 0;
  if (!cd_case_repository_delete (self->repository, kept->id, &error))
    {
      self->case_id = kept->id;
      show_error (self, _("Could Not Delete the Case"), error);
      return;
    }

  clear_case (self);
  g_signal_emit (self, signals[BACK], 0);

  undo = g_new0 (UndoDelete, 1);
  undo->repository = g_object_ref (self->repository);
  undo->kase = g_steal_pointer (&kept);
  g_weak_ref_init (&undo->page, self);

  toast = adw_toast_new (_("Case deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete_clicked_cb), undo,
                         undo_delete_free, 0);
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  g_object_unref (toast);
}

/* GObject overrides */

static void
cd_case_page_constructed (GObject *object)
{
  CdCasePage *self = CD_CASE_PAGE (object);

  G_OBJECT_CLASS (cd_case_page_parent_class)->constructed (object);

  g_signal_connect_object (self->repository, "case-changed",
                           G_CALLBACK (on_repository_case_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->repository, "case-removed",
                           G_CALLBACK (on_repository_case_removed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->repository, "reset",
                           G_CALLBACK (on_repository_reset_cb), self, G_CONNECT_SWAPPED);
}

static void
cd_case_page_dispose (GObject *object)
{
  CdCasePage *self = CD_CASE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_CASE_PAGE);
  g_clear_object (&self->kase);
  g_clear_object (&self->repository);
  g_clear_object (&self->blacklist);

  G_OBJECT_CLASS (cd_case_page_parent_class)->dispose (object);
}

static void
cd_case_page_finalize (GObject *object)
{
  CdCasePage *self = CD_CASE_PAGE (object);

  g_free (self->currency);

  G_OBJECT_CLASS (cd_case_page_parent_class)->finalize (object);
}

static void
cd_case_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CdCasePage *self = CD_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;

    case PROP_BLACKLIST:
      g_value_set_object (value, self->blacklist);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_case_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CdCasePage *self = CD_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;

    case PROP_BLACKLIST:
      self->blacklist = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "case.back", NULL, case_back_action);
  gtk_widget_class_install_action (widget_class, "case.edit", NULL, case_edit_action);
  gtk_widget_class_install_action (widget_class, "case.advance", NULL, case_advance_action);
  gtk_widget_class_install_action (widget_class, "case.add-note", NULL, case_add_note_action);
  gtk_widget_class_install_action (widget_class, "case.delete", NULL, case_delete_action);
  gtk_widget_class_install_action (widget_class, "case.blacklist", NULL, case_blacklist_action);
  gtk_widget_class_install_action (widget_class, "case.guide", NULL, case_guide_action);
  /* The follow-up's position among the case's, as the page shows them. */
  gtk_widget_class_install_action (widget_class, "case.record-follow-up", "u",
                                   case_record_follow_up_action);
  gtk_widget_class_install_action (widget_class, "case.plan-follow-up", NULL,
                                   case_plan_follow_up_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "case.guide",
                                       NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "case.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "case.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "case.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "case.edit",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "case.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "case.delete", NULL);
}

static void
cd_case_page_class_init (CdCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cd_case_page_constructed;
  object_class->dispose = cd_case_page_dispose;
  object_class->finalize = cd_case_page_finalize;
  object_class->get_property = cd_case_page_get_property;
  object_class->set_property = cd_case_page_set_property;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, CD_TYPE_CASE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLACKLIST] =
    g_param_spec_object ("blacklist", NULL, NULL, CD_TYPE_BLACKLIST_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdCasePage::add-toast:
   * @toast: (transfer none): what to show
   *
   * The page has something to say; the window shows it in its toast overlay.
   */
  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  /**
   * CdCasePage::back:
   *
   * The user wants the case list again, or the case shown is gone.
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CdCasePage::guide:
   * @case_id: the case shown
   *
   * The user wants to continue the case in the guided handling; the window opens it.
   */
  signals[GUIDE] = g_signal_new ("guide", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/CompDesk/ui/cd-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, content);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, blacklist_revealer);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, blacklist_title);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, blacklist_body);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, status_box);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, buyer_list);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, order_list);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, complaint_list);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, promise_list);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, compensation_list);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, compensation_total);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, followup_list);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, improvement_list);
  gtk_widget_class_bind_template_child (widget_class, CdCasePage, timeline_list);
  /* Named for the tests, which find it with gtk_widget_get_template_child(). */
  gtk_widget_class_bind_template_child_full (widget_class, "plan_follow_up_button", FALSE, 0);

  install_actions (widget_class);
}

static void
cd_case_page_init (CdCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->currency = g_strdup ("CNY");
  update_state (self);
}

/* Public API */

/**
 * cd_case_page_new:
 * @repository: (transfer none): where the cases are
 * @blacklist: (transfer none) (nullable): where the edit form looks buyers up
 *
 * Returns: (transfer floating): a page showing no case yet
 */
CdCasePage *
cd_case_page_new (CdCaseRepository      *repository,
                  CdBlacklistRepository *blacklist)
{
  g_return_val_if_fail (CD_IS_CASE_REPOSITORY (repository), NULL);
  g_return_val_if_fail (blacklist == NULL || CD_IS_BLACKLIST_REPOSITORY (blacklist), NULL);

  return g_object_new (CD_TYPE_CASE_PAGE,
                       "repository", repository,
                       "blacklist", blacklist,
                       NULL);
}

/**
 * cd_case_page_show_case:
 * @case_id: a stored case
 *
 * Shows the case from the top. A case that cannot be found emits #CdCasePage::back; any
 * other failure is shown in a dialog.
 */
void
cd_case_page_show_case (CdCasePage *self,
                        gint64      case_id)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (CD_IS_CASE_PAGE (self));
  g_return_if_fail (case_id > 0);

  self->case_id = case_id;
  reload (self);
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/**
 * cd_case_page_get_case_id:
 *
 * Returns: the id of the case shown, 0 when none is
 */
gint64
cd_case_page_get_case_id (CdCasePage *self)
{
  g_return_val_if_fail (CD_IS_CASE_PAGE (self), 0);

  return self->case_id;
}

/**
 * cd_case_page_set_currency:
 * @currency: the shop's ISO 4217 currency, for the amounts shown
 */
void
cd_case_page_set_currency (CdCasePage *self,
                           const char *currency)
{
  g_return_if_fail (CD_IS_CASE_PAGE (self));
  g_return_if_fail (currency != NULL);

  if (g_strcmp0 (self->currency, currency) == 0)
    return;
  g_free (self->currency);
  self->currency = g_strdup (currency);
  if (self->kase != NULL)
    cd_case_page_fill_sections (self, cd_time_now ());
}
