/* cd-case-form.c — the window that creates or edits a case's facts
 *
 * The form checks what is typed as it is typed, and looks the buyer up in the blacklist
 * while the name, buyer ID or phone number is being entered: the seller should know before
 * promising anything. Saving never closes the window on failure, so nothing typed is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case-form"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-case-form-private.h"
#include "cd-error.h"
#include "cd-money.h"
#include "cd-text.h"
#include "cd-time.h"

/* Long enough that a fast typist is not interrupted by a look-up per key, short enough that
 * the warning is there before they look up from the keyboard. */
#define BLACKLIST_DELAY_MS 150
#define DEFAULT_PROMISE_HOUR 18

struct _CdCaseForm
{
  AdwWindow              parent_instance;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  GtkButton             *save_button;
  GtkRevealer           *blacklist_revealer;
  GtkLabel              *blacklist_title;
  GtkLabel              *blacklist_body;
  AdwEntryRow           *name_row;
  AdwComboRow           *platform_row;
  AdwEntryRow           *buyer_id_row;
  AdwEntryRow           *phone_row;
  AdwEntryRow           *email_row;
  AdwComboRow           *channel_row;
  GtkLabel              *buyer_error;
  AdwEntryRow           *order_number_row;
  AdwEntryRow           *product_row;
  AdwEntryRow           *amount_row;
  GtkLabel              *currency_label;
  GtkLabel              *order_error;
  AdwComboRow           *category_row;
  AdwComboRow           *severity_row;
  AdwComboRow           *responsibility_row;
  GtkTextView           *description_view;
  AdwEntryRow           *wants_row;
  AdwEntryRow           *promise_row;
  AdwEntryRow           *promised_by_row;
  GtkWidget             *clear_promised_by_button;
  GtkCalendar           *calendar;
  GtkLabel              *promise_error;
  AdwComboRow           *language_row;

  /* Owned */
  CdCaseRepository      *repository;
  CdBlacklistRepository *blacklist;      /* NULL: no look-ups */
  CdCase                *kase;           /* NULL for a new case */
  char                  *currency;
  GPtrArray             *languages;      /* (element-type utf8) the codes behind language_row */

  guint                  blacklist_timeout;
  gboolean               name_touched;   /* an empty name is an error only once typed in */
  gboolean               syncing_calendar;
};

G_DEFINE_FINAL_TYPE (CdCaseForm, cd_case_form, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The languages a buyer's messages can be written in; "" is the shop's own. */
static const struct {
  const char *code;
  const char *label;
} languages[] = {
  { "", N_("Shop default") },
  { "zh_CN", N_("Chinese") },
  { "en", N_("English") },
};

/* Helpers */

static void
set_enum_model (AdwComboRow *row,
                GType        type)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint n = cd_enum_get_n_values (type);

  /* The enums are numbered from 0 without gaps, so the position is the value. */
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, cd_enum_get_label (type, (int) i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static void
set_language_model (CdCaseForm *self,
                    const char *current)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      gtk_string_list_append (list, _(languages[i].label));
      g_ptr_array_add (self->languages, g_strdup (languages[i].code));
      if (g_strcmp0 (current, languages[i].code) == 0)
        selected = i;
    }
  /* An imported case may name another language: keep it selectable rather than lose it. */
  if (current != NULL && selected == 0 && *current != '\0')
    {
      gtk_string_list_append (list, current);
      g_ptr_array_add (self->languages, g_strdup (current));
      selected = self->languages->len - 1;
    }
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->language_row, selected);
}

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
get_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (get_text (row)));
}

static char *
get_description (CdCaseForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Marks @row and collects its message; returns whether it is valid. */
static gboolean
check_row (GtkWidget  *row,
           const char *message,
           gboolean    show,
           GString    *messages)
{
  if (message != NULL && show)
    {
      gtk_widget_add_css_class (row, "error");
      g_string_append_printf (messages, "%s%s", messages->len > 0 ? "\n" : "", message);
    }
  else
    gtk_widget_remove_css_class (row, "error");
  return message == NULL;
}

static void
show_messages (GtkLabel *label,
               GString  *messages)
{
  gtk_label_set_text (label, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (label), messages->len > 0);
}

static gboolean
validate (CdCaseForm *self)
{
  g_autoptr(GString) buyer = g_string_new (NULL);
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(GString) promise = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = get_trimmed (self->amount_row);
  g_autofree char *phone = get_trimmed (self->phone_row);
  g_autofree char *email = get_trimmed (self->email_row);
  g_autofree char *promised_by = get_trimmed (self->promised_by_row);
  gint64 minor, usec;
  gboolean ok = TRUE;

  ok &= check_row (GTK_WIDGET (self->name_row),
                   cd_text_is_blank (get_text (self->name_row))
                   ? _("Enter the buyer’s name or nickname") : NULL,
                   self->name_touched, buyer);
  ok &= check_row (GTK_WIDGET (self->phone_row),
                   *phone != '\0' && !cd_case_form_phone_is_valid (phone)
                   ? _("A phone number has 5 to 20 digits, and besides them only spaces, "
                       "+, -, ( and )") : NULL,
                   TRUE, buyer);
  ok &= check_row (GTK_WIDGET (self->email_row),
                   *email != '\0' && !cd_case_form_email_is_valid (email)
                   ? _("An e-mail address looks like name@example.com") : NULL,
                   TRUE, buyer);
  if (*amount != '\0')
    cd_money_parse (amount, self->currency, &minor, &error);
  ok &= check_row (GTK_WIDGET (self->amount_row), error != NULL ? error->message : NULL,
                   TRUE, order);
  ok &= check_row (GTK_WIDGET (self->promised_by_row),
                   *promised_by != '\0' && !cd_case_form_parse_local_time (promised_by, &usec)
                   /* Translators: keep the digits' order as the form reads it: year-month-day */
                   ? _("Write the deadline as 2026-11-24 18:00, or leave it empty") : NULL,
                   TRUE, promise);

  gtk_widget_set_sensitive (self->clear_promised_by_button, *promised_by != '\0');
  show_messages (self->buyer_error, buyer);
  show_messages (self->order_error, order);
  show_messages (self->promise_error, promise);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", ok);
  return ok;
}

static void
set_string (char       **field,
            const char  *value,
            gboolean    *changed)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  cd_case_set_string (field, value);
  *changed = TRUE;
}

static void
set_trimmed (char        **field,
             AdwEntryRow  *row,
             gboolean     *changed)
{
  g_autofree char *value = get_trimmed (row);

  set_string (field, value, changed);
}

static void
set_int (int      *field,
         int       value,
         gboolean *changed)
{
  if (*field == value)
    return;
  *field = value;
  *changed = TRUE;
}

static void
set_int64 (gint64   *field,
           gint64    value,
           gboolean *changed)
{
  if (*field == value)
    return;
  *field = value;
  *changed = TRUE;
}

/* Copies what the form edits into @kase, leaving everything else (stage, compensations,
 * follow-ups, the timeline) alone. Returns whether anything changed. Only call after
 * validate() said yes. */
static gboolean
copy_fields (CdCaseForm *self,
             CdCase     *kase)
{
  g_autofree char *name = get_trimmed (self->name_row);
  g_autofree char *amount = get_trimmed (self->amount_row);
  g_autofree char *promised_by = get_trimmed (self->promised_by_row);
  g_autofree char *description = get_description (self);
  guint language = adw_combo_row_get_selected (self->language_row);
  gint64 minor = 0, usec = CD_TIME_UNSET;
  gboolean changed = FALSE;

  if (*amount != '\0')
    cd_money_parse (amount, self->currency, &minor, NULL);
  if (*promised_by != '\0')
    cd_case_form_parse_local_time (promised_by, &usec);

  set_string (&kase->customer_name, name, &changed);
  set_trimmed (&kase->buyer_id, self->buyer_id_row, &changed);
  set_trimmed (&kase->phone, self->phone_row, &changed);
  set_trimmed (&kase->email, self->email_row, &changed);
  set_trimmed (&kase->order_number, self->order_number_row, &changed);
  set_trimmed (&kase->product, self->product_row, &changed);
  set_string (&kase->description, description, &changed);
  set_trimmed (&kase->customer_wants, self->wants_row, &changed);
  set_trimmed (&kase->promise, self->promise_row, &changed);
  set_string (&kase->language, language < self->languages->len
              ? g_ptr_array_index (self->languages, language) : "", &changed);
  set_int ((int *) &kase->platform, (int) adw_combo_row_get_selected (self->platform_row),
           &changed);
  set_int ((int *) &kase->channel, (int) adw_combo_row_get_selected (self->channel_row),
           &changed);
  set_int ((int *) &kase->category, (int) adw_combo_row_get_selected (self->category_row),
           &changed);
  set_int ((int *) &kase->severity, (int) adw_combo_row_get_selected (self->severity_row),
           &changed);
  set_int ((int *) &kase->responsibility,
           (int) adw_combo_row_get_selected (self->responsibility_row), &changed);
  set_int64 (&kase->order_amount, minor, &changed);
  set_int64 (&kase->promised_by, usec, &changed);
  return changed;
}

static void
fill_from_case (CdCaseForm *self,
                CdCase     *kase)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), kase->customer_name);
  gtk_editable_set_text (GTK_EDITABLE (self->buyer_id_row), kase->buyer_id);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), kase->phone);
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), kase->email);
  gtk_editable_set_text (GTK_EDITABLE (self->order_number_row), kase->order_number);
  gtk_editable_set_text (GTK_EDITABLE (self->product_row), kase->product);
  gtk_editable_set_text (GTK_EDITABLE (self->wants_row), kase->customer_wants);
  gtk_editable_set_text (GTK_EDITABLE (self->promise_row), kase->promise);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            kase->description, -1);
  adw_combo_row_set_selected (self->platform_row, kase->platform);
  adw_combo_row_set_selected (self->channel_row, kase->channel);
  adw_combo_row_set_selected (self->category_row, kase->category);
  adw_combo_row_set_selected (self->severity_row, kase->severity);
  adw_combo_row_set_selected (self->responsibility_row, kase->responsibility);

  if (kase->order_amount != 0)
    {
      g_autofree char *amount = cd_money_format_plain (kase->order_amount, self->currency);
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
    }
  if (kase->promised_by != CD_TIME_UNSET)
    {
      g_autofree char *promised_by = cd_case_form_format_local_time (kase->promised_by);
      gtk_editable_set_text (GTK_EDITABLE (self->promised_by_row), promised_by);
    }
}

static void
show_error (CdCaseForm *self,
            const char *heading,
            GError     *error)
{
  AdwMessageDialog *dialog;
  const char *advice = g_error_matches (error, CD_ERROR, CD_ERROR_FULL)
                       ? _("Free some disk space, then save again. What you typed is still in "
                           "the form.")
                       : _("What you typed is still in the form. Save again once the problem "
                           "is solved.");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  adw_message_dialog_format_body (dialog, "%s\n\n%s", error->message, advice);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save (CdCaseForm *self)
{
  g_autoptr(CdCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed;

  if (!validate (self))
    return;

  /* Edit the stored case as it is now, not as it was when the form opened: whatever else
   * changed meanwhile (a compensation, a follow-up, a note) is kept. */
  if (self->kase == NULL)
    kase = cd_case_new ();
  else
    kase = cd_case_repository_load (self->repository, self->kase->id, &error);
  if (kase == NULL)
    {
      show_error (self, _("Could Not Save the Case"), error);
      return;
    }

  changed = copy_fields (self, kase);
  if (self->kase == NULL ? !cd_case_repository_insert (self->repository, kase, &error)
                         : changed && !cd_case_repository_update (self->repository, kase, &error))
    {
      show_error (self, _("Could Not Save the Case"), error);
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, kase->id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
show_matches (CdCaseForm *self,
              GPtrArray  *matches)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  if (matches == NULL || matches->len == 0)
    {
      gtk_revealer_set_reveal_child (self->blacklist_revealer, FALSE);
      return;
    }

  body = cd_case_form_describe_matches (matches, &title);
  gtk_label_set_text (self->blacklist_title, title);
  gtk_label_set_markup (self->blacklist_body, body);
  gtk_widget_set_visible (GTK_WIDGET (self->blacklist_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->blacklist_revealer, TRUE);
}

static gboolean
check_blacklist_cb (gpointer user_data)
{
  CdCaseForm *self = CD_CASE_FORM (user_data);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;

  self->blacklist_timeout = 0;
  matches = cd_blacklist_repository_find_matches (self->blacklist, get_text (self->buyer_id_row),
                                                  get_text (self->name_row),
                                                  get_text (self->phone_row), &error);
  /* A failed look-up must not stop the seller from taking the case. */
  if (matches == NULL)
    g_debug ("Blacklist look-up failed: %s", error->message);
  show_matches (self, matches);
  return G_SOURCE_REMOVE;
}

static void
schedule_blacklist_check (CdCaseForm *self)
{
  if (self->blacklist == NULL)
    return;
  g_clear_handle_id (&self->blacklist_timeout, g_source_remove);
  self->blacklist_timeout = g_timeout_add (BLACKLIST_DELAY_MS, check_blacklist_cb, self);
}

/* Signal callbacks */

static void
on_field_changed_cb (CdCaseForm *self)
{
  validate (self);
}

static void
on_buyer_key_changed_cb (CdCaseForm *self,
                         GtkEditable *editable)
{
  if (editable == GTK_EDITABLE (self->name_row))
    self->name_touched = TRUE;
  validate (self);
  schedule_blacklist_check (self);
}

/* A hidden revealer still takes the box's spacing: once it has slid shut, it goes. */
static void
on_blacklist_revealed_cb (CdCaseForm *self)
{
  if (!gtk_revealer_get_reveal_child (self->blacklist_revealer) &&
      !gtk_revealer_get_child_revealed (self->blacklist_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->blacklist_revealer), FALSE);
}

/* Enter moves on to the next field; in the last one it saves, as in a paper form. */
static void
on_entry_activated_cb (CdCaseForm  *self,
                       AdwEntryRow *row)
{
  if (row == self->promised_by_row)
    gtk_widget_activate_action (GTK_WIDGET (self), "form.save", NULL);
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
on_clear_promised_by_clicked_cb (CdCaseForm *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->promised_by_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->promised_by_row));
}

static void
on_calendar_popover_show_cb (CdCaseForm *self)
{
  g_autoptr(GDateTime) shown = NULL;
  gint64 usec;

  if (cd_case_form_parse_local_time (get_text (self->promised_by_row), &usec))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
      shown = g_date_time_to_local (utc);
    }
  else
    shown = g_date_time_new_now_local ();

  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->syncing_calendar = FALSE;
}

/* The calendar sets the date and keeps the time typed so far (or the end of the working
 * day); the popover stays open so the arrow keys can move through the days. */
static void
on_calendar_day_selected_cb (CdCaseForm *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;
  int hour = DEFAULT_PROMISE_HOUR, minute = 0;
  gint64 usec;

  if (self->syncing_calendar)
    return;

  if (cd_case_form_parse_local_time (get_text (self->promised_by_row), &usec))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);

      hour = g_date_time_get_hour (local);
      minute = g_date_time_get_minute (local);
    }
  day = gtk_calendar_get_date (self->calendar);
  text = g_strdup_printf ("%04d-%02d-%02d %02d:%02d", g_date_time_get_year (day),
                          g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                          hour, minute);
  gtk_editable_set_text (GTK_EDITABLE (self->promised_by_row), text);
}

/* Actions */

static void
form_save_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  save (CD_CASE_FORM (widget));
}

static void
form_cancel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* GObject overrides */

static void
cd_case_form_dispose (GObject *object)
{
  CdCaseForm *self = CD_CASE_FORM (object);

  g_clear_handle_id (&self->blacklist_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_CASE_FORM);
  g_clear_object (&self->repository);
  g_clear_object (&self->blacklist);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (cd_case_form_parent_class)->dispose (object);
}

static void
cd_case_form_finalize (GObject *object)
{
  CdCaseForm *self = CD_CASE_FORM (object);

  g_free (self->currency);
  g_ptr_array_unref (self->languages);

  G_OBJECT_CLASS (cd_case_form_parent_class)->finalize (object);
}

static void
cd_case_form_class_init (CdCaseFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_case_form_dispose;
  object_class->finalize = cd_case_form_finalize;

  /**
   * CdCaseForm::saved:
   * @case_id: the id of the case written
   *
   * The case was stored; the form closes right after.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/CompDesk/ui/cd-case-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, blacklist_revealer);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, blacklist_title);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, blacklist_body);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, platform_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, buyer_id_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, email_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, channel_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, buyer_error);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, order_number_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, product_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, amount_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, currency_label);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, order_error);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, category_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, severity_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, responsibility_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, description_view);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, wants_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, promise_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, promised_by_row);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, clear_promised_by_button);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, calendar);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, promise_error);
  gtk_widget_class_bind_template_child (widget_class, CdCaseForm, language_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_buyer_key_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_blacklist_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_promised_by_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, form_save_action);
  gtk_widget_class_install_action (widget_class, "form.cancel", NULL, form_cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "form.cancel", NULL);
}

/* Ctrl+Enter saves from anywhere, the buyer's words included: caught before the focused
 * widget sees it, so the text view does not take it for a new line. */
static void
add_save_shortcut (CdCaseForm *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger,
                                                              gtk_named_action_new ("form.save")));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
cd_case_form_init (CdCaseForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_save_shortcut (self);

  self->languages = g_ptr_array_new_with_free_func (g_free);

  set_enum_model (self->platform_row, CD_TYPE_PLATFORM);
  set_enum_model (self->channel_row, CD_TYPE_CHANNEL);
  set_enum_model (self->category_row, CD_TYPE_CATEGORY);
  set_enum_model (self->severity_row, CD_TYPE_SEVERITY);
  set_enum_model (self->responsibility_row, CD_TYPE_RESPONSIBILITY);

  /* Translators: the format hint must match what the field accepts: year-month-day hour:minute */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->promised_by_row),
                                 _("Promised _By (YYYY-MM-DD HH:MM)"));
}

/* Public API */

/**
 * cd_case_form_new:
 * @parent: (nullable): the window the form belongs to
 * @repository: (transfer none): where the case is stored
 * @blacklist: (transfer none) (nullable): where the buyer is looked up, or %NULL
 * @currency: (nullable): the shop's ISO 4217 currency, for the order amount
 * @kase: (transfer none) (nullable): the stored case to edit, or %NULL for a new case
 *
 * Returns: (transfer none): a new modal form; it destroys itself when closed
 */
CdCaseForm *
cd_case_form_new (GtkWindow             *parent,
                  CdCaseRepository      *repository,
                  CdBlacklistRepository *blacklist,
                  const char            *currency,
                  CdCase                *kase)
{
  CdCaseForm *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CD_IS_CASE_REPOSITORY (repository), NULL);
  g_return_val_if_fail (blacklist == NULL || CD_IS_BLACKLIST_REPOSITORY (blacklist), NULL);
  g_return_val_if_fail (kase == NULL || (CD_IS_CASE (kase) && kase->id > 0), NULL);

  self = g_object_new (CD_TYPE_CASE_FORM, "transient-for", parent, NULL);
  self->repository = g_object_ref (repository);
  self->blacklist = blacklist != NULL ? g_object_ref (blacklist) : NULL;
  self->kase = kase != NULL ? g_object_ref (kase) : NULL;
  self->currency = g_strdup (currency != NULL ? currency : "CNY");

  gtk_label_set_text (self->currency_label, self->currency);
  set_language_model (self, kase != NULL ? kase->language : "");

  if (kase != NULL)
    {
      fill_from_case (self, kase);
      adw_window_title_set_title (self->window_title, _("Edit Case"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Case"));
      gtk_button_set_label (self->save_button, _("_Save"));
    }
  else
    {
      g_autoptr(CdCase) defaults = cd_case_new ();

      fill_from_case (self, defaults);
      adw_window_title_set_title (self->window_title, _("New Case"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Case"));
      gtk_button_set_label (self->save_button, _("C_reate"));
    }

  /* Filling in is not typing: an empty name is not yet an error in a new case. */
  self->name_touched = kase != NULL;
  validate (self);
  /* The buyer may already be known: say so at once, not after the first key press. */
  g_clear_handle_id (&self->blacklist_timeout, g_source_remove);
  if (self->blacklist != NULL && kase != NULL)
    check_blacklist_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

/**
 * cd_case_form_get_repository:
 *
 * Returns: (transfer none): where the case is stored
 */
CdCaseRepository *
cd_case_form_get_repository (CdCaseForm *self)
{
  g_return_val_if_fail (CD_IS_CASE_FORM (self), NULL);
  return self->repository;
}

/**
 * cd_case_form_set_repositories:
 * @repository: (transfer none): where the case is stored from now on
 * @blacklist: (transfer none) (nullable): where the buyer is looked up, or %NULL
 *
 * Moves the form, with what was typed in it, to another database: the one put in place
 * when a backup was restored. An edited case is saved by its id there.
 */
void
cd_case_form_set_repositories (CdCaseForm            *self,
                               CdCaseRepository      *repository,
                               CdBlacklistRepository *blacklist)
{
  g_return_if_fail (CD_IS_CASE_FORM (self));
  g_return_if_fail (CD_IS_CASE_REPOSITORY (repository));
  g_return_if_fail (blacklist == NULL || CD_IS_BLACKLIST_REPOSITORY (blacklist));

  g_set_object (&self->repository, repository);
  g_set_object (&self->blacklist, blacklist);
}
