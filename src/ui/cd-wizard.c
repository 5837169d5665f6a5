/* cd-wizard.c — the guided handling of one case, a step a page
 *
 * The wizard owns the case it edits; each step writes into it as the seller types. The
 * case is saved when the seller moves (Next, Back, a step in the bar), copies a message,
 * prints, or closes the window, so nothing typed is lost and the timeline gets one entry
 * per visit rather than one per key. Advancing also records the new stage, as an entry of
 * its own. A case is resumed at its stage; the steps before it stay one click away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-builtin-templates.h"
#include "cd-error.h"
#include "cd-format.h"
#include "cd-time.h"
#include "cd-wizard-private.h"
#include "cd-wizard-step-agree.h"
#include "cd-wizard-step-apologise.h"
#include "cd-wizard-step-carry-out.h"
#include "cd-wizard-step-confirm.h"
#include "cd-wizard-step-follow-up.h"
#include "cd-wizard-step-improve.h"
#include "cd-wizard-step-listen.h"
#include "cd-wizard-step-propose.h"

/* As in the case form: a fast typist is not interrupted by a look-up per key. */
#define BLACKLIST_DELAY_MS 150
#define MAX_SHOWN_MATCHES 3
#define TEMPLATES_RESOURCE "/com/example/CompDesk/templates.json"

G_DEFINE_FINAL_TYPE (CdWizard, cd_wizard, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CURRENT_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CASE_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static const char *
stage_nick (int stage)
{
  return cd_enum_to_nick (CD_TYPE_STAGE, stage);
}

/* The furthest step the case has reached, which the bar lets the seller click. */
int
_cd_wizard_max_reached (CdWizard *self)
{
  if (self->kase == NULL)
    return 0;
  switch (self->kase->stage)
    {
    case CD_STAGE_CLOSED:
      return CD_STAGE_IMPROVE;
    case CD_STAGE_ESCALATED:
      return CD_STAGE_AGREE;
    default:
      return CLAMP ((int) self->kase->stage, 0, CD_WIZARD_N_STEPS - 1);
    }
}

gboolean
_cd_wizard_is_finished (CdWizard *self)
{
  return self->kase != NULL &&
         (self->kase->stage == CD_STAGE_CLOSED || self->kase->stage == CD_STAGE_ESCALATED);
}

void
_cd_wizard_show_toast (CdWizard   *self,
                       const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_title (CdWizard *self)
{
  g_autofree char *subtitle = NULL;

  adw_window_title_set_title (self->window_title, *self->kase->customer_name != '\0'
                                                  ? self->kase->customer_name
                                                  : _("New Case"));
  if (self->kase->stage == CD_STAGE_CLOSED)
    subtitle = g_strdup (_("Closed"));
  else if (self->kase->stage == CD_STAGE_ESCALATED)
    subtitle = g_strdup (_("Escalated to the platform"));
  else
    /* Translators: the wizard's subtitle, e.g. "Step 3 of 8: Apologise" */
    subtitle = g_strdup_printf (_("Step %d of %d: %s"), self->current + 1, CD_WIZARD_N_STEPS,
                                cd_enum_get_label (CD_TYPE_STAGE, self->current));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_saved_label (CdWizard *self)
{
  g_autofree char *text = NULL;

  if (self->dirty || self->kase->id == 0)
    text = g_strdup (_("Saved when you go on or close"));
  else if (self->saved_at != 0)
    {
      g_autofree char *time = cd_format_time_of_day (self->saved_at);

      /* Translators: %s is a time of day */
      text = g_strdup_printf (_("Saved at %s"), time);
    }
  gtk_label_set_text (self->saved_label, text != NULL ? text : "");
}

static void
update_step_bar (CdWizard *self)
{
  int reached = _cd_wizard_max_reached (self);

  for (int i = 0; i < CD_WIZARD_N_STEPS; i++)
    {
      GtkWidget *button = self->step_buttons[i];
      GtkWidget *check = g_object_get_data (G_OBJECT (button), "cd-check");
      GtkWidget *number = g_object_get_data (G_OBJECT (button), "cd-number");
      gboolean done = i < reached || self->kase->stage == CD_STAGE_CLOSED;

      gtk_widget_set_sensitive (button, i <= reached);
      gtk_widget_set_visible (check, done);
      gtk_widget_set_visible (number, !done);
    }
}

void
_cd_wizard_update_navigation (CdWizard *self)
{
  gboolean at_end = _cd_wizard_is_finished (self) &&
                    self->current >= _cd_wizard_max_reached (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", !at_end);
  gtk_widget_set_visible (self->next_button, !at_end);
  gtk_widget_set_visible (self->done_button, at_end);
  gtk_button_set_label (GTK_BUTTON (self->next_button),
                        self->current == CD_STAGE_IMPROVE ? _("_Close Case") : _("_Next"));
  update_title (self);
  update_step_bar (self);
  update_saved_label (self);
}

/* Saving */

gboolean
_cd_wizard_save_case (CdWizard  *self,
                      gboolean   even_if_new,
                      GError   **error)
{
  gboolean created = FALSE;

  if (self->kase == NULL)
    return TRUE;
  if (self->kase->id == 0)
    {
      /* A new case is stored once there is something in it, or when it must exist. */
      if (!self->dirty && !even_if_new)
        return TRUE;
      if (!cd_case_repository_insert (self->cases, self->kase, error))
        return FALSE;
      created = TRUE;
    }
  else if (self->dirty && !cd_case_repository_update (self->cases, self->kase, error))
    return FALSE;

  self->dirty = FALSE;
  self->saved_at = cd_time_now ();
  update_saved_label (self);
  if (created)
    g_signal_emit (self, signals[CASE_CREATED], 0, self->kase->id);
  return TRUE;
}

/* Saves what changed, then records the move to @stage as a timeline entry of its own. */
gboolean
_cd_wizard_set_stage (CdWizard  *self,
                      CdStage    stage,
                      GError   **error)
{
  CdStage before = self->kase->stage;

  if (!_cd_wizard_save_case (self, TRUE, error))
    return FALSE;
  if (before == stage)
    return TRUE;
  self->kase->stage = stage;
  if (!cd_case_repository_update (self->cases, self->kase, error))
    {
      self->kase->stage = before;
      return FALSE;
    }
  return TRUE;
}

void
_cd_wizard_show_save_error (CdWizard     *self,
                            const GError *error)
{
  g_autofree char *text = NULL;

  /* Translators: %s says why, e.g. "The disk is full" */
  text = g_strdup_printf (_("Could not save the case: %s"), error->message);
  _cd_wizard_show_toast (self, text);
}

/* The message */

void
_cd_wizard_render_message (CdWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdMessageTemplate) tmpl = NULL;
  g_autoptr(GHashTable) values = NULL;
  const char *language = self->kase->language;

  if (self->current < 0)
    return;
  tmpl = cd_builtin_templates_pick (self->templates, stage_nick (self->current), language,
                                    &error);
  if (tmpl == NULL && !g_error_matches (error, CD_ERROR, CD_ERROR_NOT_FOUND))
    _cd_wizard_show_toast (self, error->message);
  values = cd_builtin_templates_case_values (self->kase, language, self->currency,
                                             self->shop_name);
  cd_message_box_set_language (self->message_box, language);
  cd_message_box_set_template (self->message_box, tmpl);
  cd_message_box_set_values (self->message_box, values);
}

/* The blacklist */

static void
show_blacklist (CdWizard  *self,
                GPtrArray *matches)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (matches->len == 0)
    {
      gtk_revealer_set_reveal_child (self->blacklist_revealer, FALSE);
      return;
    }
  for (guint i = 0; i < MIN (matches->len, MAX_SHOWN_MATCHES); i++)
    {
      CdBlacklistEntry *entry = g_ptr_array_index (matches, i);
      g_autofree char *reason = g_markup_escape_text (cd_enum_get_label (CD_TYPE_BLACKLIST_REASON,
                                                                         entry->reason), -1);
      g_autofree char *evidence = g_markup_escape_text (entry->evidence, -1);

      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append_printf (body, "<b>%s</b>", reason);
      if (*entry->evidence != '\0')
        g_string_append_printf (body, " — %s", evidence);
    }
  title = g_strdup_printf (ngettext ("This buyer is on your blacklist",
                                     "This buyer matches %u blacklist entries", matches->len),
                           matches->len);
  gtk_label_set_text (self->blacklist_title, title);
  gtk_label_set_markup (self->blacklist_body, body->str);
  gtk_revealer_set_reveal_child (self->blacklist_revealer, TRUE);
}

static gboolean
check_blacklist_cb (gpointer user_data)
{
  CdWizard *self = CD_WIZARD (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = NULL;

  self->blacklist_timeout = 0;
  if (self->blacklist == NULL || self->kase == NULL)
    return G_SOURCE_REMOVE;
  matches = cd_blacklist_repository_find_matches (self->blacklist, self->kase->buyer_id,
                                                  self->kase->customer_name, self->kase->phone,
                                                  &error);
  if (matches == NULL)
    _cd_wizard_show_toast (self, error->message);
  else
    show_blacklist (self, matches);
  return G_SOURCE_REMOVE;
}

/* Moving between steps */

/* In a narrow window the step bar scrolls: keep the current step in sight. */
static gboolean
scroll_step_bar_cb (gpointer user_data)
{
  CdWizard *self = CD_WIZARD (user_data);
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->step_scroller);
  graphene_rect_t bounds;

  self->scroll_idle = 0;
  if (self->current >= 0 &&
      gtk_widget_compute_bounds (self->step_buttons[self->current], GTK_WIDGET (self->step_bar),
                                 &bounds))
    gtk_adjustment_clamp_page (hadjustment, bounds.origin.x - 12,
                               bounds.origin.x + bounds.size.width + 12);
  return G_SOURCE_REMOVE;
}

void
_cd_wizard_go_to (CdWizard *self,
                  int       index)
{
  CdWizardStep *step = self->steps[index];
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->page_scroller);

  self->current = index;
  cd_wizard_step_set_case (step, self->kase);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (step));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STEP]);
  _cd_wizard_update_navigation (self);
  _cd_wizard_render_message (self);
  gtk_widget_child_focus (GTK_WIDGET (step), GTK_DIR_TAB_FORWARD);
  if (self->scroll_idle == 0)
    self->scroll_idle = g_idle_add (scroll_step_bar_cb, self);
}

void
_cd_wizard_set_current_step (CdWizard *self,
                             int       index)
{
  g_autoptr(GError) error = NULL;

  if (self->kase == NULL || index == self->current || index < 0 ||
      index >= CD_WIZARD_N_STEPS || index > _cd_wizard_max_reached (self))
    return;
  if (!_cd_wizard_save_case (self, FALSE, &error))
    {
      _cd_wizard_show_save_error (self, error);
      return;
    }
  _cd_wizard_go_to (self, index);
}

/* Signal callbacks */

static void
on_step_changed_cb (CdWizard     *self,
                    CdWizardStep *step)
{
  self->dirty = TRUE;
  update_title (self);
  update_saved_label (self);
  if (step == self->step_listen)
    {
      g_clear_handle_id (&self->blacklist_timeout, g_source_remove);
      self->blacklist_timeout = g_timeout_add (BLACKLIST_DELAY_MS, check_blacklist_cb, self);
    }
  if (step == self->steps[self->current])
    _cd_wizard_render_message (self);
}

static void
on_step_request_stage_cb (CdWizard     *self,
                          int           stage,
                          CdWizardStep *step)
{
  g_autoptr(GError) error = NULL;

  if (!_cd_wizard_set_stage (self, (CdStage) stage, &error))
    {
      _cd_wizard_show_save_error (self, error);
      return;
    }
  if (stage == CD_STAGE_ESCALATED)
    {
      _cd_wizard_show_toast (self, _("Escalated to the platform"));
      cd_wizard_step_reload (step);
      _cd_wizard_update_navigation (self);
      _cd_wizard_render_message (self);
    }
  else
    _cd_wizard_go_to (self, MIN (stage, CD_WIZARD_N_STEPS - 1));
}

static void
on_step_error_cb (CdWizard     *self,
                  const char   *message,
                  CdWizardStep *step)
{
  _cd_wizard_show_toast (self, message);
}

static void
on_message_copied_cb (CdWizard   *self,
                      const char *text)
{
  g_autoptr(GError) error = NULL;
  guint n_missing = cd_message_box_get_n_missing (self->message_box);
  g_autofree char *note = NULL;

  if (!_cd_wizard_save_case (self, TRUE, &error) ||
      !cd_case_repository_add_event (self->cases, self->kase, CD_EVENT_MESSAGE, text, &error))
    {
      _cd_wizard_show_save_error (self, error);
      return;
    }
  update_saved_label (self);
  if (n_missing == 0)
    note = g_strdup (_("Message copied and noted in the case"));
  else
    note = g_strdup_printf (ngettext ("Copied, but %u placeholder still needs filling in",
                                      "Copied, but %u placeholders still need filling in",
                                      n_missing), n_missing);
  _cd_wizard_show_toast (self, note);
}

static void
on_message_language_cb (CdWizard *self)
{
  const char *language = cd_message_box_get_language (self->message_box);

  if (self->kase == NULL || g_strcmp0 (language, self->kase->language) == 0)
    return;
  cd_case_set_string (&self->kase->language, language);
  /* A new case is not stored for its language alone: only once something is typed. */
  self->dirty = self->dirty || self->kase->id != 0;
  update_saved_label (self);
  _cd_wizard_render_message (self);
}

static void
on_templates_changed_cb (CdWizard *self)
{
  if (self->kase != NULL)
    _cd_wizard_render_message (self);
}

/* GObject overrides */

static void
cd_wizard_dispose (GObject *object)
{
  CdWizard *self = CD_WIZARD (object);

  g_clear_handle_id (&self->blacklist_timeout, g_source_remove);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_WIZARD);
  g_clear_object (&self->kase);
  g_clear_object (&self->db);
  g_clear_object (&self->cases);
  g_clear_object (&self->blacklist);
  g_clear_object (&self->templates);
  G_OBJECT_CLASS (cd_wizard_parent_class)->dispose (object);
}

static void
cd_wizard_finalize (GObject *object)
{
  CdWizard *self = CD_WIZARD (object);

  g_free (self->currency);
  g_free (self->shop_name);
  G_OBJECT_CLASS (cd_wizard_parent_class)->finalize (object);
}

static void
cd_wizard_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CdWizard *self = CD_WIZARD (object);

  switch (prop_id)
    {
    case PROP_CURRENT_STEP:
      g_value_set_int (value, MAX (self->current, 0));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_wizard_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CdWizard *self = CD_WIZARD (object);

  switch (prop_id)
    {
    case PROP_CURRENT_STEP:
      _cd_wizard_set_current_step (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ensure_types (void)
{
  g_type_ensure (CD_TYPE_MESSAGE_BOX);
  g_type_ensure (CD_TYPE_WIZARD_STEP_LISTEN);
  g_type_ensure (CD_TYPE_WIZARD_STEP_CONFIRM);
  g_type_ensure (CD_TYPE_WIZARD_STEP_APOLOGISE);
  g_type_ensure (CD_TYPE_WIZARD_STEP_PROPOSE);
  g_type_ensure (CD_TYPE_WIZARD_STEP_AGREE);
  g_type_ensure (CD_TYPE_WIZARD_STEP_CARRY_OUT);
  g_type_ensure (CD_TYPE_WIZARD_STEP_FOLLOW_UP);
  g_type_ensure (CD_TYPE_WIZARD_STEP_IMPROVE);
}

static void
cd_wizard_class_init (CdWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cd_wizard_dispose;
  object_class->finalize = cd_wizard_finalize;
  object_class->get_property = cd_wizard_get_property;
  object_class->set_property = cd_wizard_set_property;
  window_class->close_request = _cd_wizard_close_request;

  /**
   * CdWizard:current-step:
   *
   * The step shown: a stage from listen (0) to improve (7). Setting it moves there when
   * the case has reached that step, saving first.
   */
  properties[PROP_CURRENT_STEP] = g_param_spec_int ("current-step", NULL, NULL,
                                                    0, CD_WIZARD_N_STEPS - 1, 0,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdWizard::case-created:
   * @id: the new case's id
   *
   * A new case was saved for the first time.
   */
  signals[CASE_CREATED] = g_signal_new ("case-created", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);

  ensure_types ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/CompDesk/ui/cd-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWizard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, step_scroller);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, step_bar);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, blacklist_revealer);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, blacklist_title);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, blacklist_body);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, message_box);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, saved_label);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, done_button);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, step_listen);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, step_confirm);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, step_apologise);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, step_propose);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, step_agree);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, step_carry_out);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, step_follow_up);
  gtk_widget_class_bind_template_child (widget_class, CdWizard, step_improve);
  gtk_widget_class_bind_template_callback (widget_class, on_message_copied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_message_language_cb);

  _cd_wizard_class_add_actions (widget_class);
}

static void
cd_wizard_init (CdWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->current = -1;
  self->steps[CD_STAGE_LISTEN] = self->step_listen;
  self->steps[CD_STAGE_CONFIRM] = self->step_confirm;
  self->steps[CD_STAGE_APOLOGISE] = self->step_apologise;
  self->steps[CD_STAGE_PROPOSE] = self->step_propose;
  self->steps[CD_STAGE_AGREE] = self->step_agree;
  self->steps[CD_STAGE_CARRY_OUT] = self->step_carry_out;
  self->steps[CD_STAGE_FOLLOW_UP] = self->step_follow_up;
  self->steps[CD_STAGE_IMPROVE] = self->step_improve;

  for (int i = 0; i < CD_WIZARD_N_STEPS; i++)
    {
      self->step_buttons[i] = _cd_wizard_create_step_button (i);
      gtk_box_append (self->step_bar, self->step_buttons[i]);
      g_signal_connect_swapped (self->steps[i], "changed", G_CALLBACK (on_step_changed_cb), self);
      g_signal_connect_swapped (self->steps[i], "request-stage",
                                G_CALLBACK (on_step_request_stage_cb), self);
      g_signal_connect_swapped (self->steps[i], "error", G_CALLBACK (on_step_error_cb), self);
    }
  _cd_wizard_add_shortcuts (self);
}

/* Public API */

static void
seed_templates (CdWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) json = g_resources_lookup_data (TEMPLATES_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  /* The application seeds at start; this covers a wizard opened on another database. */
  if (json == NULL || !cd_builtin_templates_seed (self->db, json, &error))
    _cd_wizard_show_toast (self, error->message);
}

static void
open_case (CdWizard *self,
           gint64    case_id)
{
  g_autoptr(GError) error = NULL;

  if (case_id == 0)
    self->kase = cd_case_new ();
  else
    self->kase = cd_case_repository_load (self->cases, case_id, &error);
  if (self->kase == NULL)
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("Cannot open the case: %s"), error->message);

      _cd_wizard_show_toast (self, text);
      gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", FALSE);
      return;
    }
  _cd_wizard_go_to (self, _cd_wizard_max_reached (self));
  if (case_id != 0)
    check_blacklist_cb (self);
}

/**
 * cd_wizard_new:
 * @parent: (nullable): the main window; the wizard stays above it, not modal
 * @blacklist: (nullable): where the buyer is looked up, or %NULL
 * @case_id: the case to resume, or 0 for a new case
 *
 * Returns: (transfer floating): the wizard; present it
 */
CdWizard *
cd_wizard_new (GtkWindow             *parent,
               CdDatabase            *db,
               CdCaseRepository      *cases,
               CdBlacklistRepository *blacklist,
               CdTemplateRepository  *templates,
               const char            *currency,
               const char            *shop_name,
               gint64                 case_id)
{
  CdWizard *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (CD_IS_CASE_REPOSITORY (cases), NULL);
  g_return_val_if_fail (CD_IS_TEMPLATE_REPOSITORY (templates), NULL);

  self = g_object_new (CD_TYPE_WIZARD, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->cases = g_object_ref (cases);
  self->blacklist = blacklist != NULL ? g_object_ref (blacklist) : NULL;
  self->templates = g_object_ref (templates);
  self->currency = g_strdup (currency != NULL ? currency : "");
  self->shop_name = g_strdup (shop_name != NULL ? shop_name : "");
  for (int i = 0; i < CD_WIZARD_N_STEPS; i++)
    cd_wizard_step_set_context (self->steps[i], db, self->currency);
  g_signal_connect_object (templates, "changed", G_CALLBACK (on_templates_changed_cb), self,
                           G_CONNECT_SWAPPED);

  seed_templates (self);
  open_case (self, case_id);
  return self;
}

CdStage
cd_wizard_get_current_step (CdWizard *self)
{
  g_return_val_if_fail (CD_IS_WIZARD (self), CD_STAGE_LISTEN);

  return (CdStage) MAX (self->current, 0);
}

/**
 * cd_wizard_get_case:
 *
 * Returns: (transfer none) (nullable): the case being edited, with changes not yet saved
 */
CdCase *
cd_wizard_get_case (CdWizard *self)
{
  g_return_val_if_fail (CD_IS_WIZARD (self), NULL);

  return self->kase;
}

/**
 * cd_wizard_get_step:
 *
 * Returns: (transfer none): the page for @stage (listen … improve)
 */
CdWizardStep *
cd_wizard_get_step (CdWizard *self,
                    CdStage   stage)
{
  g_return_val_if_fail (CD_IS_WIZARD (self), NULL);
  g_return_val_if_fail ((int) stage >= 0 && stage < CD_WIZARD_N_STEPS, NULL);

  return self->steps[stage];
}

/**
 * cd_wizard_get_message_box:
 *
 * Returns: (transfer none): the message panel
 */
CdMessageBox *
cd_wizard_get_message_box (CdWizard *self)
{
  g_return_val_if_fail (CD_IS_WIZARD (self), NULL);

  return self->message_box;
}

/**
 * cd_wizard_save:
 *
 * Saves what changed (a new case only once something was typed).
 */
gboolean
cd_wizard_save (CdWizard  *self,
                GError   **error)
{
  g_return_val_if_fail (CD_IS_WIZARD (self), FALSE);

  return _cd_wizard_save_case (self, FALSE, error);
}
