/* cd-case-page-sections.c — a loaded case as the rows of the case page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-case-form-private.h"
#include "cd-case-page-private.h"
#include "cd-format.h"
#include "cd-money.h"
#include "cd-text.h"
#include "cd-time.h"
#include "cd-timeline-text.h"

/* Helpers: rows */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A row of a title line above a detail text; the detail can be selected with the mouse (to
 * copy an order or tracking number) while the row, not the label, takes keyboard focus. */
static GtkWidget *
build_row (const char *title,
           const char *title_class,
           const char *detail,
           const char *detail_class,
           GtkWidget  *suffix)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *accessible = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "cd-property-row");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), make_label (title, title_class));
  if (detail != NULL && *detail != '\0')
    {
      GtkWidget *label = make_label (detail, detail_class);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_can_focus (label, FALSE);
      gtk_box_append (GTK_BOX (text), label);
    }
  gtk_box_append (GTK_BOX (box), text);
  if (suffix != NULL)
    {
      gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), suffix);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  accessible = detail != NULL && *detail != '\0' ? g_strdup_printf ("%s: %s", title, detail)
                                                : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

/* A field: its name small and dim, the value below it. */
static void
add_property (GtkListBox *list,
              const char *title,
              const char *value,
              GtkWidget  *suffix)
{
  gtk_list_box_append (list, build_row (title, "cd-property-title", value, NULL, suffix));
}

/* A field that may be empty, with a dim hint in its place. */
static void
add_property_or_hint (GtkListBox *list,
                      const char *title,
                      const char *value,
                      const char *hint,
                      GtkWidget  *suffix)
{
  if (!cd_text_is_blank (value))
    {
      add_property (list, title, value, suffix);
      return;
    }
  gtk_list_box_append (list, build_row (title, "cd-property-title", hint, "dim-label", suffix));
}

/* One of several things (a compensation, a follow-up, an event): a bold title, a detail. */
static void
add_item (GtkListBox *list,
          const char *title,
          const char *detail,
          GtkWidget  *suffix)
{
  gtk_list_box_append (list, build_row (title, "cd-item-title", detail, "cd-item-detail",
                                        suffix));
}

static void
add_none_yet (GtkListBox *list)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (_("None yet"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "cd-empty-row");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_append (list, row);
}

static GtkWidget *
make_pill (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "cd-pill");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static void
add_status_pill (CdCasePage *self,
                 const char *text,
                 const char *style,
                 const char *description)
{
  GtkWidget *pill = make_pill (text, style);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", description, text);
  GtkWidget *child;

  /* The flow box shares out a line's spare width; the pill keeps to its own. */
  gtk_widget_set_halign (pill, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (pill), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_flow_box_append (self->status_box, pill);
  child = gtk_widget_get_parent (pill);
  gtk_widget_set_focusable (child, FALSE);
}

static void
join (GString    *out,
      const char *part)
{
  if (cd_text_is_blank (part))
    return;
  if (out->len > 0)
    g_string_append (out, " · ");
  g_string_append (out, part);
}

/* Helpers: the case's state */

/* As the case list reckons it: a promise is pending until the remedy is carried out. */
static gboolean
promise_is_overdue (CdCase *kase,
                    gint64  now)
{
  return kase->promised_by != CD_TIME_UNSET && kase->stage < CD_STAGE_FOLLOW_UP &&
         kase->promised_by < now;
}

static gboolean
follow_up_is_overdue (CdCase     *kase,
                      CdFollowUp *follow_up,
                      gint64      now)
{
  return kase->stage != CD_STAGE_CLOSED && follow_up->done_at == CD_TIME_UNSET &&
         follow_up->due_at < now;
}

static gboolean
case_is_overdue (CdCase *kase,
                 gint64  now)
{
  if (kase->stage == CD_STAGE_CLOSED)
    return FALSE;
  if (promise_is_overdue (kase, now))
    return TRUE;
  for (guint i = 0; i < kase->followups->len; i++)
    if (follow_up_is_overdue (kase, g_ptr_array_index (kase->followups, i), now))
      return TRUE;
  return FALSE;
}

static const char *
language_label (const char *code)
{
  if (g_strcmp0 (code, "zh_CN") == 0 || g_strcmp0 (code, "zh") == 0)
    return _("Chinese");
  if (g_strcmp0 (code, "en") == 0)
    return _("English");
  return code;
}

static char *
format_stars (int satisfaction)
{
  GString *stars = g_string_new (NULL);

  for (int i = 1; i <= 5; i++)
    g_string_append (stars, i <= satisfaction ? "★" : "☆");
  return g_string_free (stars, FALSE);
}

/* Sections */

static void
fill_title (CdCasePage *self)
{
  CdCase *kase = self->kase;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  join (subtitle, kase->order_number);
  join (subtitle, kase->product);
  adw_window_title_set_title (self->window_title,
                              cd_text_is_blank (kase->customer_name) ? _("Unnamed Buyer")
                                                                     : kase->customer_name);
  adw_window_title_set_subtitle (self->window_title, subtitle->str);
}

/* The page warns as the form does: a buyer on the blacklist is never silently just a case. */
static void
fill_blacklist (CdCasePage *self)
{
  CdCase *kase = self->kase;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  if (self->blacklist != NULL)
    matches = cd_blacklist_repository_find_matches (self->blacklist, kase->buyer_id,
                                                    kase->customer_name, kase->phone, &error);
  if (error != NULL)
    g_debug ("Blacklist look-up failed: %s", error->message);
  /* Shown or hidden outright: the box's spacing must not leave a gap where it was. */
  gtk_widget_set_visible (GTK_WIDGET (self->blacklist_revealer),
                          matches != NULL && matches->len > 0);
  if (matches == NULL || matches->len == 0)
    return;
  body = cd_case_form_describe_matches (matches, &title);
  gtk_label_set_text (self->blacklist_title, title);
  gtk_label_set_markup (self->blacklist_body, body);
}

static void
fill_status (CdCasePage *self,
             gint64      now)
{
  CdCase *kase = self->kase;
  const char *stage_style = "accent";
  const char *severity_style = NULL;

  if (kase->stage == CD_STAGE_CLOSED)
    stage_style = "success";
  else if (kase->stage == CD_STAGE_ESCALATED)
    stage_style = "error";
  if (kase->severity == CD_SEVERITY_CRITICAL)
    severity_style = "error";
  else if (kase->severity == CD_SEVERITY_HIGH)
    severity_style = "warning";

  add_status_pill (self, cd_enum_get_label (CD_TYPE_STAGE, kase->stage), stage_style,
                   _("Stage"));
  add_status_pill (self, cd_enum_get_label (CD_TYPE_SEVERITY, kase->severity), severity_style,
                   _("Severity"));
  add_status_pill (self, cd_enum_get_label (CD_TYPE_CATEGORY, kase->category), NULL,
                   _("Category"));
  add_status_pill (self, cd_enum_get_label (CD_TYPE_RESPONSIBILITY, kase->responsibility), NULL,
                   _("Responsibility"));
  if (case_is_overdue (kase, now))
    add_status_pill (self, _("Overdue"), "error", _("Deadline"));
}

static void
fill_buyer (CdCasePage *self)
{
  CdCase *kase = self->kase;

  add_property_or_hint (self->buyer_list, _("Name or nickname"), kase->customer_name,
                        _("Not recorded"), NULL);
  add_property (self->buyer_list, _("Platform"),
                cd_enum_get_label (CD_TYPE_PLATFORM, kase->platform), NULL);
  if (!cd_text_is_blank (kase->buyer_id))
    add_property (self->buyer_list, _("Buyer ID"), kase->buyer_id, NULL);
  if (!cd_text_is_blank (kase->phone))
    add_property (self->buyer_list, _("Phone"), kase->phone, NULL);
  if (!cd_text_is_blank (kase->email))
    add_property (self->buyer_list, _("E-mail"), kase->email, NULL);
  add_property (self->buyer_list, _("Contacted us through"),
                cd_enum_get_label (CD_TYPE_CHANNEL, kase->channel), NULL);
  if (!cd_text_is_blank (kase->language))
    add_property (self->buyer_list, _("Buyer’s language"), language_label (kase->language),
                  NULL);
}

static void
fill_order (CdCasePage *self)
{
  CdCase *kase = self->kase;
  gboolean any = FALSE;

  if (!cd_text_is_blank (kase->order_number))
    {
      add_property (self->order_list, _("Order number"), kase->order_number, NULL);
      any = TRUE;
    }
  if (!cd_text_is_blank (kase->product))
    {
      add_property (self->order_list, _("Product"), kase->product, NULL);
      any = TRUE;
    }
  if (kase->order_amount > 0)
    {
      g_autofree char *amount = cd_money_format (kase->order_amount, self->currency);

      add_property (self->order_list, _("Amount"), amount, NULL);
      any = TRUE;
    }
  if (!any)
    add_none_yet (self->order_list);
}

static void
fill_complaint (CdCasePage *self)
{
  CdCase *kase = self->kase;
  GtkWidget *confirmed = NULL;

  if (!cd_text_is_blank (kase->summary))
    {
      confirmed = kase->summary_confirmed ? make_pill (_("Confirmed"), "success")
                                          : make_pill (_("Not confirmed yet"), NULL);
    }
  add_property_or_hint (self->complaint_list, _("What happened, in the buyer’s words"),
                        kase->description, _("Not recorded yet"), NULL);
  add_property_or_hint (self->complaint_list, _("Summary, as restated to the buyer"),
                        kase->summary, _("Not restated yet"), confirmed);
  add_property_or_hint (self->complaint_list, _("What the buyer wants"), kase->customer_wants,
                        _("Not asked yet"), NULL);
}

static void
fill_promise (CdCasePage *self,
              gint64      now)
{
  CdCase *kase = self->kase;

  if (cd_text_is_blank (kase->promise) && kase->promised_by == CD_TIME_UNSET)
    {
      add_none_yet (self->promise_list);
      return;
    }
  add_property_or_hint (self->promise_list, _("What you promised"), kase->promise,
                        _("Not written down"), NULL);
  if (kase->promised_by != CD_TIME_UNSET)
    {
      g_autofree char *when = cd_format_time (kase->promised_by);

      add_property (self->promise_list, _("Promised by"), when,
                    promise_is_overdue (kase, now) ? make_pill (_("Overdue"), "error") : NULL);
    }
}

/* "Done · costs ¥52.00 · SF1403928877 · done 18 Nov 2026, 17:05", and the note below. */
static char *
describe_compensation (CdCompensation *c,
                       const char     *currency)
{
  GString *detail = g_string_new (NULL);

  join (detail, cd_enum_get_label (CD_TYPE_COMPENSATION_STATUS, c->status));
  if (c->cost > 0)
    {
      g_autofree char *cost = cd_money_format (c->cost, currency);
      /* Translators: what a compensation costs the shop; %s is an amount of money */
      g_autofree char *text = g_strdup_printf (_("costs %s"), cost);

      join (detail, text);
    }
  join (detail, c->reference);
  if (c->done_at != CD_TIME_UNSET)
    {
      g_autofree char *when = cd_format_time (c->done_at);
      /* Translators: when a compensation was carried out; %s is a date and time */
      g_autofree char *text = g_strdup_printf (_("done %s"), when);

      join (detail, text);
    }
  if (!cd_text_is_blank (c->note))
    g_string_append_printf (detail, "\n%s", c->note);
  return g_string_free (detail, FALSE);
}

static void
fill_compensations (CdCasePage *self)
{
  CdCase *kase = self->kase;
  gint64 total_cost = 0;

  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);
      g_autofree char *detail = describe_compensation (c, self->currency);
      GtkWidget *amount_label = NULL;

      /* An apology or faster delivery gives the buyer no money: no "¥0.00" to puzzle over. */
      if (c->amount > 0)
        {
          g_autofree char *amount = cd_money_format (c->amount, self->currency);

          amount_label = gtk_label_new (amount);
          gtk_widget_add_css_class (amount_label, "cd-amount");
        }
      add_item (self->compensation_list,
                cd_enum_get_label (CD_TYPE_COMPENSATION_KIND, c->kind), detail, amount_label);

      if (c->status == CD_COMPENSATION_ACCEPTED || c->status == CD_COMPENSATION_DONE)
        total_cost = c->cost > G_MAXINT64 - total_cost ? G_MAXINT64 : total_cost + c->cost;
    }

  if (kase->compensations->len == 0)
    {
      add_none_yet (self->compensation_list);
      gtk_label_set_text (self->compensation_total, "");
    }
  else
    {
      g_autofree char *given = cd_money_format (cd_case_get_compensation_total (kase),
                                                self->currency);
      g_autofree char *spent = cd_money_format (total_cost, self->currency);
      g_autofree char *total = NULL;

      /* Translators: the totals of accepted and done compensations: what the buyer gets and
       * what it costs the shop */
      total = g_strdup_printf (_("Buyer gets %s · costs you %s"), given, spent);
      gtk_label_set_text (self->compensation_total, total);
    }
}

/* An overdue pill, if it is, and the button that records how the visit went. */
static GtkWidget *
make_record_box (guint       index,
                 const char *due,
                 gboolean    overdue)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Record…"));
  /* Translators: the tooltip of a follow-up's Record… button; %s is when it is due */
  g_autofree char *tooltip = g_strdup_printf (_("Record how the follow-up due %s went"), due);

  if (overdue)
    {
      GtkWidget *pill = make_pill (_("Overdue"), "error");

      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), pill);
    }
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "case.record-follow-up");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
fill_followups (CdCasePage *self,
                gint64      now)
{
  CdCase *kase = self->kase;

  for (guint i = 0; i < kase->followups->len; i++)
    {
      CdFollowUp *f = g_ptr_array_index (kase->followups, i);
      g_autoptr(GString) detail = g_string_new (NULL);
      g_autofree char *due = cd_format_time (f->due_at);
      g_autofree char *title = NULL;
      GtkWidget *suffix = NULL;

      /* Translators: a follow-up: when it is due and how, e.g. "24 Nov 2026, 10:00 · Phone" */
      title = g_strdup_printf (_("%s · %s"), due,
                               cd_enum_get_label (CD_TYPE_FOLLOW_UP_METHOD, f->method));
      if (f->done_at != CD_TIME_UNSET)
        {
          g_autofree char *when = cd_format_time (f->done_at);
          g_autofree char *done = g_strdup_printf (_("Done %s"), when);

          join (detail, done);
        }
      else
        join (detail, _("Not done yet"));
      if (!cd_text_is_blank (f->remarks))
        g_string_append_printf (detail, "\n%s", f->remarks);

      if (f->satisfaction >= 1 && f->satisfaction <= 5)
        {
          g_autofree char *stars = format_stars (f->satisfaction);
          /* Translators: a buyer's satisfaction, for screen readers: "3 of 5 stars" */
          g_autofree char *spoken = g_strdup_printf (_("Satisfaction: %d of 5 stars"),
                                                     f->satisfaction);

          suffix = gtk_label_new (stars);
          gtk_widget_add_css_class (suffix, "cd-stars");
          gtk_widget_set_tooltip_text (suffix, spoken);
          gtk_accessible_update_property (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          spoken, -1);
        }
      else if (f->done_at == CD_TIME_UNSET)
        suffix = make_record_box (i, due, follow_up_is_overdue (kase, f, now));

      add_item (self->followup_list, title, detail->str, suffix);
    }
  if (kase->followups->len == 0)
    add_none_yet (self->followup_list);
}

static void
fill_improvement (CdCasePage *self)
{
  CdCase *kase = self->kase;

  if (kase->root_cause == CD_ROOT_CAUSE_NONE && cd_text_is_blank (kase->improvement))
    {
      add_none_yet (self->improvement_list);
      return;
    }
  add_property (self->improvement_list, _("Root cause"),
                cd_enum_get_label (CD_TYPE_ROOT_CAUSE, kase->root_cause), NULL);
  add_property_or_hint (self->improvement_list, _("What changes so it does not happen again"),
                        kase->improvement, _("Not decided yet"), NULL);
}

static void
fill_timeline (CdCasePage *self)
{
  CdCase *kase = self->kase;

  for (guint i = kase->events->len; i > 0; i--)
    {
      CdTimelineEvent *event = g_ptr_array_index (kase->events, i - 1);
      g_autofree char *when = cd_format_time (event->at);
      g_autofree char *text = cd_timeline_text_describe (event, self->currency);
      GtkWidget *time_label = gtk_label_new (when);

      gtk_widget_set_valign (time_label, GTK_ALIGN_START);
      gtk_widget_add_css_class (time_label, "dim-label");
      gtk_widget_add_css_class (time_label, "caption");
      add_item (self->timeline_list, cd_timeline_text_kind_label (event->kind), text, time_label);
    }
  if (kase->events->len == 0)
    add_none_yet (self->timeline_list);
}

/* Internal API */

void
cd_case_page_clear_sections (CdCasePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->status_box))) != NULL)
    gtk_flow_box_remove (self->status_box, child);
  clear_list (self->buyer_list);
  clear_list (self->order_list);
  clear_list (self->complaint_list);
  clear_list (self->promise_list);
  clear_list (self->compensation_list);
  clear_list (self->followup_list);
  clear_list (self->improvement_list);
  clear_list (self->timeline_list);
  gtk_label_set_text (self->compensation_total, "");
  gtk_widget_set_visible (GTK_WIDGET (self->blacklist_revealer), FALSE);
  adw_window_title_set_title (self->window_title, "");
  adw_window_title_set_subtitle (self->window_title, "");
}

/* Rebuilds every section from self->kase; @now decides what is overdue. */
void
cd_case_page_fill_sections (CdCasePage *self,
                            gint64      now)
{
  g_return_if_fail (self->kase != NULL);

  cd_case_page_clear_sections (self);
  fill_title (self);
  fill_blacklist (self);
  fill_status (self, now);
  fill_buyer (self);
  fill_order (self);
  fill_complaint (self);
  fill_promise (self, now);
  fill_compensations (self);
  fill_followups (self, now);
  fill_improvement (self);
  fill_timeline (self);
}
