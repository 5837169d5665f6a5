/* test-ui-case-page.c — the case page driven as a user drives it, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "cd-case-form.h"
#include "cd-blacklist-entry-dialog.h"
#include "cd-case-page.h"
#include "cd-error.h"
#include "cd-test-ui.h"
#include "cd-test-util.h"
#include "cd-time.h"

#define HOUR ((gint64) 3600 * G_USEC_PER_SEC)

typedef struct
{
  char                  *dir;
  CdDatabase            *db;
  CdCaseRepository      *cases;
  CdBlacklistRepository *blacklist;
  GtkWindow             *window;
  CdCasePage            *page;
  guint                  n_back;
  GPtrArray             *toasts;  /* (element-type AdwToast) */
} Fixture;

/* Helpers */

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->page), CD_TYPE_CASE_PAGE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

/* Whether a label anywhere under @widget shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static const char *
page_title (Fixture *f)
{
  return adw_window_title_get_title (ADW_WINDOW_TITLE (child (f, "window_title")));
}

static const char *
page_subtitle (Fixture *f)
{
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child (f, "window_title")));
}

/* The header bar's buttons follow their actions' enabled state. */
static gboolean
can_edit (Fixture *f)
{
  return gtk_widget_get_sensitive (child (f, "edit_button"));
}

static CdCase *
load (Fixture *f,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = cd_case_repository_load (f->cases, id, &error);

  g_assert_no_error (error);
  return kase;
}

static CdCase *
insert_case (Fixture    *f,
             const char *name,
             CdStage     stage)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = cd_case_new ();
  CdCompensation *c = cd_compensation_new (CD_COMPENSATION_REPLACEMENT, CD_COMPENSATION_DONE);
  CdFollowUp *followup = cd_follow_up_new (cd_time_now () - 48 * HOUR);

  cd_case_set_string (&kase->customer_name, name);
  cd_case_set_string (&kase->order_number, "3521998820011");
  cd_case_set_string (&kase->product, "西湖龙井 250克");
  cd_case_set_string (&kase->description, "罐子压扁了，茶叶撒了一半。");
  cd_case_set_string (&kase->promise, "今天六点前补发");
  kase->promised_by = cd_time_now () - 2 * HOUR;
  kase->order_amount = 12800;
  kase->stage = stage;
  c->amount = 12800;
  c->cost = 5200;
  c->done_at = cd_time_now () - 24 * HOUR;
  cd_case_set_string (&c->reference, "SF1403928877");
  g_ptr_array_add (kase->compensations, c);
  followup->done_at = cd_time_now () - 47 * HOUR;
  followup->satisfaction = 4;
  cd_case_set_string (&followup->remarks, "很满意");
  g_ptr_array_add (kase->followups, followup);
  g_assert_true (cd_case_repository_insert (f->cases, kase, &error));
  g_assert_no_error (error);
  g_assert_true (cd_case_repository_add_event (f->cases, kase, CD_EVENT_MESSAGE,
                                               "非常抱歉，马上为您补发。", &error));
  g_assert_no_error (error);
  return kase;
}

static void
on_back_cb (CdCasePage *page,
            Fixture    *f)
{
  f->n_back++;
}

static void
on_add_toast_cb (CdCasePage *page,
                 AdwToast   *toast,
                 Fixture    *f)
{
  g_ptr_array_add (f->toasts, g_object_ref (toast));
}

static void
close_dialogs (void)
{
  GtkWindow *window;

  while ((window = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (window);
  while ((window = find_toplevel (CD_TYPE_CASE_FORM)) != NULL)
    gtk_window_destroy (window);
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->cases = cd_case_repository_new (f->db);
  f->blacklist = cd_blacklist_repository_new (f->db);
  f->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  f->page = cd_case_page_new (f->cases, f->blacklist);
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  g_signal_connect (f->page, "back", G_CALLBACK (on_back_cb), f);
  g_signal_connect (f->page, "add-toast", G_CALLBACK (on_add_toast_cb), f);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  cd_test_spin (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_dialogs ();
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  cd_test_spin (20);
  g_assert_null (f->page);

  g_ptr_array_unref (f->toasts);
  g_assert_finalize_object (f->blacklist);
  g_assert_finalize_object (f->cases);
  g_assert_finalize_object (f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Tests */

static void
test_shows_case (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f, "小林", CD_STAGE_AGREE);
  GtkWidget *timeline;

  g_assert_cmpint (cd_case_page_get_case_id (f->page), ==, 0);
  cd_case_page_show_case (f->page, kase->id);
  cd_test_spin (20);

  g_assert_cmpint (cd_case_page_get_case_id (f->page), ==, kase->id);
  g_assert_cmpstr (page_title (f), ==, "小林");
  g_assert_nonnull (strstr (page_subtitle (f), "西湖龙井"));

  /* The status: stage and an overdue marker, since the promise is past and not yet kept. */
  g_assert_true (shows_text (child (f, "status_box"), "Agree"));
  g_assert_true (shows_text (child (f, "status_box"), "Overdue"));
  g_assert_true (shows_text (child (f, "promise_list"), "Overdue"));

  g_assert_true (shows_text (child (f, "order_list"), "¥128.00"));
  g_assert_true (shows_text (child (f, "complaint_list"), "罐子压扁了"));
  g_assert_true (shows_text (child (f, "complaint_list"), "Not asked yet"));
  g_assert_true (shows_text (child (f, "compensation_list"), "Replacement"));
  g_assert_true (shows_text (child (f, "compensation_list"), "SF1403928877"));
  g_assert_true (shows_text (child (f, "compensation_list"), "¥52.00"));
  g_assert_true (shows_text (child (f, "compensation_total"), "¥128.00"));
  g_assert_true (shows_text (child (f, "followup_list"), "★★★★☆"));
  g_assert_true (shows_text (child (f, "followup_list"), "很满意"));
  g_assert_true (shows_text (child (f, "improvement_list"), "None yet"));

  /* Every event, newest first. */
  timeline = child (f, "timeline_list");
  g_assert_cmpuint (count_children (timeline), ==, 2);
  g_assert_true (shows_text (gtk_widget_get_first_child (timeline), "Message"));
  g_assert_true (shows_text (gtk_widget_get_first_child (timeline), "马上为您补发"));
  g_assert_true (shows_text (gtk_widget_get_last_child (timeline), "Case created"));
}

static void
test_closed_case_is_not_overdue (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f, "Dana", CD_STAGE_CLOSED);

  cd_case_page_show_case (f->page, kase->id);
  g_assert_true (shows_text (child (f, "status_box"), "Closed"));
  g_assert_false (shows_text (child (f, "status_box"), "Overdue"));
  g_assert_false (shows_text (child (f, "promise_list"), "Overdue"));
}

static void
test_advance (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f, "Dana", CD_STAGE_LISTEN);
  g_autoptr(CdCase) stored = NULL;
  CdTimelineEvent *last;

  cd_case_page_show_case (f->page, kase->id);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "case.advance", NULL);
  cd_test_spin (20);

  stored = load (f, kase->id);
  g_assert_cmpint (stored->stage, ==, CD_STAGE_CONFIRM);
  last = g_ptr_array_index (stored->events, stored->events->len - 1);
  g_assert_cmpstr (last->kind, ==, CD_EVENT_STAGE);
  g_assert_cmpstr (last->text, ==, "stage: listen → confirm");
  /* The page follows the repository: the new stage and its event are shown at once. */
  g_assert_true (shows_text (child (f, "status_box"), "Confirm"));
  g_assert_true (shows_text (gtk_widget_get_first_child (child (f, "timeline_list")),
                             "Listen → Confirm"));
  g_assert_cmpuint (count_children (child (f, "timeline_list")), ==, stored->events->len);

  /* All the way to closed, where it stops. */
  for (int i = 0; i < 10; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->page), "case.advance", NULL);
  g_clear_object (&stored);
  stored = load (f, kase->id);
  g_assert_cmpint (stored->stage, ==, CD_STAGE_CLOSED);
  g_assert_cmpuint (stored->events->len, ==, kase->events->len + 8);
}

/* A follow-up made and a remedy carried out read as such in the timeline, not as "edited". */
static void
test_timeline_names_children (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdCase) kase = insert_case (f, "Dana", CD_STAGE_FOLLOW_UP);
  g_autoptr(CdCase) edited = NULL;
  CdFollowUp *follow_up;
  CdCompensation *compensation;
  GtkWidget *latest;

  cd_case_page_show_case (f->page, kase->id);
  edited = load (f, kase->id);
  follow_up = g_ptr_array_index (edited->followups, 0);
  follow_up->satisfaction = 2;
  cd_case_set_string (&follow_up->remarks, "还是有点不满意");
  compensation = g_ptr_array_index (edited->compensations, 0);
  compensation->status = CD_COMPENSATION_ACCEPTED;
  g_assert_true (cd_case_repository_update (f->cases, edited, &error));
  g_assert_no_error (error);
  cd_test_spin (20);

  latest = gtk_widget_get_first_child (child (f, "timeline_list"));
  g_assert_true (shows_text (latest, "Compensation: Done → Accepted"));
  g_assert_true (shows_text (latest, "Satisfaction: 4 → 2"));
  g_assert_true (shows_text (latest, "Follow-up remarks: 很满意 → 还是有点不满意"));
}

static void
test_advance_escalated (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f, "ＬｕｃｋｙＳｔａｒ", CD_STAGE_ESCALATED);
  g_autoptr(CdCase) stored = NULL;

  cd_case_page_show_case (f->page, kase->id);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "case.advance", NULL);
  cd_test_spin (20);
  stored = load (f, kase->id);
  g_assert_cmpint (stored->stage, ==, CD_STAGE_ESCALATED);
  g_assert_cmpuint (stored->events->len, ==, kase->events->len);
}

static void
test_add_note (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f, "Dana", CD_STAGE_PROPOSE);
  g_autoptr(CdCase) stored = NULL;
  AdwMessageDialog *dialog;
  GtkTextView *view;
  CdTimelineEvent *last;

  cd_case_page_show_case (f->page, kase->id);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-note", NULL);
  cd_test_spin (50);

  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  view = GTK_TEXT_VIEW (cd_test_find_descendant (adw_message_dialog_get_extra_child (dialog),
                                         GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (view);

  /* Nothing to add until something is written. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "  \n ", -1);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view),
                            "Buyer prefers a call after 18:00.\n买家说晚上方便。", -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  cd_test_spin (50);

  stored = load (f, kase->id);
  g_assert_cmpuint (stored->events->len, ==, kase->events->len + 1);
  last = g_ptr_array_index (stored->events, stored->events->len - 1);
  g_assert_cmpstr (last->kind, ==, CD_EVENT_NOTE);
  g_assert_cmpstr (last->text, ==, "Buyer prefers a call after 18:00.\n买家说晚上方便。");
  g_assert_true (shows_text (gtk_widget_get_first_child (child (f, "timeline_list")), "Note"));
  g_assert_true (shows_text (gtk_widget_get_first_child (child (f, "timeline_list")),
                             "买家说晚上方便"));
}

static void
test_add_note_cancelled (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f, "Dana", CD_STAGE_PROPOSE);
  g_autoptr(CdCase) stored = NULL;
  AdwMessageDialog *dialog;
  GtkTextView *view;

  cd_case_page_show_case (f->page, kase->id);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-note", NULL);
  cd_test_spin (50);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  view = GTK_TEXT_VIEW (cd_test_find_descendant (adw_message_dialog_get_extra_child (dialog),
                                         GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "never mind", -1);
  adw_message_dialog_response (dialog, "cancel");
  cd_test_spin (50);

  stored = load (f, kase->id);
  g_assert_cmpuint (stored->events->len, ==, kase->events->len);
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f, "Dana", CD_STAGE_CARRY_OUT);
  g_autoptr(CdCase) other = insert_case (f, "小林", CD_STAGE_LISTEN);
  g_autoptr(CdCase) deleted = load (f, kase->id);
  g_autoptr(CdCase) restored = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  cd_case_page_show_case (f->page, kase->id);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "case.delete", NULL);
  cd_test_spin (20);

  g_assert_null (cd_case_repository_load (f->cases, kase->id, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (f->n_back, ==, 1);
  g_assert_cmpint (cd_case_page_get_case_id (f->page), ==, 0);
  g_assert_cmpuint (f->toasts->len, ==, 1);
  toast = g_ptr_array_index (f->toasts, 0);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Case deleted");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");

  /* The user has moved on to another case when they change their mind. */
  cd_case_page_show_case (f->page, other->id);
  g_signal_emit_by_name (toast, "button-clicked");
  cd_test_spin (20);

  restored = load (f, kase->id);
  g_assert_cmpstr (restored->uid, ==, deleted->uid);
  g_assert_cmpstr (restored->customer_name, ==, "Dana");
  g_assert_cmpint (restored->stage, ==, CD_STAGE_CARRY_OUT);
  g_assert_cmpuint (restored->compensations->len, ==, deleted->compensations->len);
  g_assert_cmpuint (restored->followups->len, ==, deleted->followups->len);
  g_assert_cmpuint (restored->events->len, ==, deleted->events->len);
  for (guint i = 0; i < deleted->events->len; i++)
    {
      CdTimelineEvent *a = g_ptr_array_index (deleted->events, i);
      CdTimelineEvent *b = g_ptr_array_index (restored->events, i);

      g_assert_cmpstr (a->kind, ==, b->kind);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpint (a->at, ==, b->at);
    }
  /* The page stays on the case the user went to. */
  g_assert_cmpint (cd_case_page_get_case_id (f->page), ==, other->id);
  g_assert_cmpstr (page_title (f), ==, "小林");
  g_assert_cmpuint (f->n_back, ==, 1);
}

static void
test_undo_after_page_is_gone (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f, "Dana", CD_STAGE_CARRY_OUT);
  g_autoptr(CdCase) restored = NULL;
  g_autoptr(AdwToast) toast = NULL;

  cd_case_page_show_case (f->page, kase->id);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "case.delete", NULL);
  toast = g_object_ref (g_ptr_array_index (f->toasts, 0));
  gtk_window_destroy (f->window);
  f->window = NULL;
  cd_test_spin (20);
  g_assert_null (f->page);

  g_signal_emit_by_name (toast, "button-clicked");
  restored = load (f, kase->id);
  g_assert_cmpuint (restored->events->len, ==, kase->events->len);
}

static void
test_follows_repository (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f, "Dana", CD_STAGE_LISTEN);
  g_autoptr(CdCase) other = insert_case (f, "Other", CD_STAGE_LISTEN);
  g_autoptr(GError) error = NULL;

  cd_case_page_show_case (f->page, kase->id);

  /* A change made elsewhere shows at once … */
  cd_case_set_string (&kase->customer_name, "Dana Whitfield");
  g_assert_true (cd_case_repository_update (f->cases, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (page_title (f), ==, "Dana Whitfield");

  /* … a change to another case does not disturb it … */
  cd_case_set_string (&other->customer_name, "Someone else");
  g_assert_true (cd_case_repository_update (f->cases, other, &error));
  g_assert_cmpstr (page_title (f), ==, "Dana Whitfield");

  /* … and when the case is deleted elsewhere, the page goes back to the list. */
  g_assert_true (cd_case_repository_delete (f->cases, kase->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_back, ==, 1);
  g_assert_cmpint (cd_case_page_get_case_id (f->page), ==, 0);
  g_assert_cmpuint (f->toasts->len, ==, 0);
}

static void
test_edit_opens_form (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f, "Dana", CD_STAGE_LISTEN);
  g_autoptr(CdCase) stored = NULL;
  GtkWindow *form;
  GObject *product;

  cd_case_page_show_case (f->page, kase->id);
  g_assert_true (can_edit (f));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "case.edit", NULL);
  cd_test_spin (50);

  form = find_toplevel (CD_TYPE_CASE_FORM);
  g_assert_nonnull (form);
  g_assert_true (gtk_window_get_transient_for (form) == f->window);
  g_assert_true (gtk_window_get_modal (form));
  product = gtk_widget_get_template_child (GTK_WIDGET (form), CD_TYPE_CASE_FORM, "product_row");
  gtk_editable_set_text (GTK_EDITABLE (product), "Longjing, 500 g");
  gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL);
  cd_test_spin (50);

  g_assert_null (find_toplevel (CD_TYPE_CASE_FORM));
  stored = load (f, kase->id);
  g_assert_cmpstr (stored->product, ==, "Longjing, 500 g");
  g_assert_nonnull (strstr (page_subtitle (f), "Longjing, 500 g"));
  g_assert_true (shows_text (gtk_widget_get_first_child (child (f, "timeline_list")), "Edited"));
  g_assert_true (shows_text (gtk_widget_get_first_child (child (f, "timeline_list")),
                             "Product: 西湖龙井 250克 → Longjing, 500 g"));
}

static void
test_no_case_disables_actions (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f, "Dana", CD_STAGE_LISTEN);

  g_assert_false (can_edit (f));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "case.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-note", NULL);
  cd_test_spin (20);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (f->toasts->len, ==, 0);
  g_assert_nonnull (load (f, kase->id));

  cd_case_page_show_case (f->page, kase->id);
  g_assert_true (can_edit (f));
}

static void
test_blacklist_warning (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CdCase) lucky = insert_case (f, "luckystar", CD_STAGE_ESCALATED);
  g_autoptr(CdCase) other = insert_case (f, "Dana", CD_STAGE_LISTEN);
  g_autoptr(CdBlacklistEntry) entry = cd_blacklist_entry_new ();
  g_autoptr(GError) error = NULL;

  cd_case_set_string (&entry->nickname, "ＬｕｃｋｙＳｔａｒ");
  cd_case_set_string (&entry->evidence, "Demanded 100 yuan to remove a review");
  entry->reason = CD_REASON_MALICIOUS_REVIEW;
  entry->added_at = cd_time_now ();
  g_assert_true (cd_blacklist_repository_insert (f->blacklist, entry, &error));
  g_assert_no_error (error);

  cd_case_page_show_case (f->page, lucky->id);
  g_assert_true (gtk_widget_get_visible (child (f, "blacklist_revealer")));
  g_assert_true (shows_text (child (f, "blacklist_body"), "ＬｕｃｋｙＳｔａｒ"));
  g_assert_true (shows_text (child (f, "blacklist_body"), "Malicious review"));
  g_assert_true (shows_text (child (f, "blacklist_body"), "100 yuan"));

  cd_case_page_show_case (f->page, other->id);
  g_assert_false (gtk_widget_get_visible (child (f, "blacklist_revealer")));
}

/* "Blacklist This Buyer…" fills an entry from the case, links it, and notes it. */
static void
test_blacklist_buyer (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f, "ＬｕｃｋｙＳｔａｒ", CD_STAGE_PROPOSE);
  g_autoptr(CdCase) reloaded = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  CdTimelineEvent *last;

  cd_case_page_show_case (f->page, kase->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.blacklist", NULL));
  cd_test_spin (50);
  dialog = find_toplevel (CD_TYPE_BLACKLIST_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));
  cd_test_spin (50);

  matches = cd_blacklist_repository_find_matches (f->blacklist, NULL, "luckystar", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpuint (((CdBlacklistEntry *) g_ptr_array_index (matches, 0))->case_uids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (((CdBlacklistEntry *) g_ptr_array_index (matches, 0))->case_uids,
                                      0), ==, kase->uid);

  reloaded = load (f, kase->id);
  last = g_ptr_array_index (reloaded->events, reloaded->events->len - 1);
  g_assert_cmpstr (last->kind, ==, CD_EVENT_NOTE);
  g_assert_cmpuint (f->toasts->len, ==, 1);
  /* The page now warns about its own buyer. */
  g_assert_true (gtk_widget_get_visible (child (f, "blacklist_revealer")));
}

static void
test_back (Fixture       *f,
           gconstpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (f->page), "case.back", NULL);
  g_assert_cmpuint (f->n_back, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/case-page/shows-case", test_shows_case);
  ADD ("/case-page/closed-case-is-not-overdue", test_closed_case_is_not_overdue);
  ADD ("/case-page/advance", test_advance);
  ADD ("/case-page/advance-escalated", test_advance_escalated);
  ADD ("/case-page/timeline-names-children", test_timeline_names_children);
  ADD ("/case-page/add-note", test_add_note);
  ADD ("/case-page/add-note-cancelled", test_add_note_cancelled);
  ADD ("/case-page/delete-and-undo", test_delete_and_undo);
  ADD ("/case-page/undo-after-page-is-gone", test_undo_after_page_is_gone);
  ADD ("/case-page/follows-repository", test_follows_repository);
  ADD ("/case-page/edit-opens-form", test_edit_opens_form);
  ADD ("/case-page/no-case-disables-actions", test_no_case_disables_actions);
  ADD ("/case-page/blacklist-buyer", test_blacklist_buyer);
  ADD ("/case-page/blacklist-warning", test_blacklist_warning);
  ADD ("/case-page/back", test_back);

#undef ADD

  return g_test_run ();
}
