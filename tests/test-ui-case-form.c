/* test-ui-case-form.c — the case form driven as a user drives it, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "cd-blacklist-repository.h"
#include "cd-case-form.h"
#include "cd-test-ui.h"
#include "cd-test-util.h"
#include "cd-time.h"

/* The buyer's words, with text that must come back byte for byte. */
#define WORDS "罐子压扁了，茶叶撒了一半。\n'; DROP TABLE cases; -- =1+1 \"quoted\" 🍵"

typedef struct
{
  char                  *dir;
  CdDatabase            *db;
  CdCaseRepository      *cases;
  CdBlacklistRepository *blacklist;
  GtkWindow             *parent;
  CdCaseForm            *form;     /* weak: the form destroys itself */
  gint64                 saved_id;
  guint                  n_saved;
} Fixture;

/* Helpers */

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->form), CD_TYPE_CASE_FORM, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
set_text (Fixture    *f,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (f, name)), text);
}

static void
select_item (Fixture    *f,
             const char *name,
             guint       position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, name)), position);
}

static gboolean
can_save (Fixture *f)
{
  return gtk_widget_get_sensitive (child (f, "save_button"));
}

static gboolean
has_error (Fixture    *f,
           const char *name)
{
  return gtk_widget_has_css_class (child (f, name), "error");
}

static void
on_saved_cb (CdCaseForm *form,
             gint64      case_id,
             Fixture    *f)
{
  f->saved_id = case_id;
  f->n_saved++;
}

static void
open_form (Fixture *f,
           CdCase  *kase)
{
  f->form = cd_case_form_new (f->parent, f->cases, f->blacklist, "CNY", kase);
  g_object_add_weak_pointer (G_OBJECT (f->form), (gpointer *) &f->form);
  g_signal_connect (f->form, "saved", G_CALLBACK (on_saved_cb), f);
  gtk_window_present (GTK_WINDOW (f->form));
  cd_test_spin (50);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gint64
count_cases (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 n = cd_case_repository_count (f->cases, &error);

  g_assert_no_error (error);
  return n;
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

static gint64
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static CdCase *
insert_case (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase = cd_case_new ();
  CdCompensation *c = cd_compensation_new (CD_COMPENSATION_REPLACEMENT, CD_COMPENSATION_DONE);

  cd_case_set_string (&kase->customer_name, "Dana Whitfield");
  cd_case_set_string (&kase->email, "dana@example.com");
  cd_case_set_string (&kase->product, "Hand-dyed yarn");
  cd_case_set_string (&kase->description, "Ordered two weeks ago.\n\"Is this a scam?\"");
  kase->order_amount = 5400;
  kase->platform = CD_PLATFORM_SHOPIFY;
  kase->stage = CD_STAGE_CARRY_OUT;
  c->amount = 5400;
  c->cost = 2100;
  cd_case_set_string (&c->reference, "SF1403928877");
  g_ptr_array_add (kase->compensations, c);
  g_ptr_array_add (kase->followups,
                   cd_follow_up_new (cd_time_now () + (gint64) 3600 * G_USEC_PER_SEC));
  g_assert_true (cd_case_repository_insert (f->cases, kase, &error));
  g_assert_no_error (error);
  g_assert_true (cd_case_repository_add_event (f->cases, kase, "note", "Called, no answer",
                                               &error));
  g_assert_no_error (error);
  return kase;
}

static void
add_blacklist_entry (Fixture    *f,
                     const char *nickname,
                     const char *phone,
                     gboolean    active)
{
  g_autoptr(CdBlacklistEntry) entry = cd_blacklist_entry_new ();
  g_autoptr(GError) error = NULL;

  cd_case_set_string (&entry->nickname, nickname);
  cd_case_set_string (&entry->phone, phone);
  cd_case_set_string (&entry->evidence, "One-star review demanding a 100 yuan refund");
  entry->reason = CD_REASON_MALICIOUS_REVIEW;
  entry->added_at = cd_time_now ();
  entry->active = active;
  g_assert_true (cd_blacklist_repository_insert (f->blacklist, entry, &error));
  g_assert_no_error (error);
}

static gboolean
banner_shown (Fixture *f)
{
  GtkWidget *revealer = child (f, "blacklist_revealer");

  return gtk_widget_get_visible (revealer) &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
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
  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->parent, 800, 600);
  gtk_window_present (f->parent);
  cd_test_spin (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  if (f->form != NULL)
    gtk_window_destroy (GTK_WINDOW (f->form));
  g_assert_null (f->form);
  gtk_window_destroy (f->parent);
  cd_test_spin (20);

  g_assert_finalize_object (f->blacklist);
  g_assert_finalize_object (f->cases);
  g_assert_finalize_object (f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Tests */

static void
test_new_case (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CdCase) kase = NULL;
  CdTimelineEvent *event;
  GtkTextBuffer *buffer;

  open_form (f, NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->form)), ==, "New Case");
  g_assert_false (can_save (f));

  set_text (f, "name_row", "小林");
  select_item (f, "platform_row", CD_PLATFORM_TAOBAO);
  set_text (f, "buyer_id_row", " tb_lin2025 ");
  set_text (f, "phone_row", "138 0013 8000");
  set_text (f, "email_row", "lin@example.com");
  select_item (f, "channel_row", CD_CHANNEL_PHONE);
  set_text (f, "order_number_row", "3521998820011");
  set_text (f, "product_row", "Longjing tea 250 g");
  set_text (f, "amount_row", "１２８.５");
  select_item (f, "category_row", CD_CATEGORY_DAMAGED);
  select_item (f, "severity_row", CD_SEVERITY_HIGH);
  select_item (f, "responsibility_row", CD_RESPONSIBILITY_LOGISTICS);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (f, "description_view")));
  gtk_text_buffer_set_text (buffer, WORDS, -1);
  set_text (f, "wants_row", "A new tin");
  set_text (f, "promise_row", "Replacement ships today");
  set_text (f, "promised_by_row", "2026-11-24 18:00");
  select_item (f, "language_row", 1);
  g_assert_true (can_save (f));

  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  cd_test_spin (20);

  g_assert_null (f->form);
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_cmpint (count_cases (f), ==, 1);

  kase = load (f, f->saved_id);
  g_assert_cmpstr (kase->customer_name, ==, "小林");
  g_assert_cmpint (kase->platform, ==, CD_PLATFORM_TAOBAO);
  g_assert_cmpstr (kase->buyer_id, ==, "tb_lin2025");
  g_assert_cmpstr (kase->phone, ==, "138 0013 8000");
  g_assert_cmpstr (kase->email, ==, "lin@example.com");
  g_assert_cmpint (kase->channel, ==, CD_CHANNEL_PHONE);
  g_assert_cmpstr (kase->order_number, ==, "3521998820011");
  g_assert_cmpstr (kase->product, ==, "Longjing tea 250 g");
  g_assert_cmpint (kase->order_amount, ==, 12850);
  g_assert_cmpint (kase->category, ==, CD_CATEGORY_DAMAGED);
  g_assert_cmpint (kase->severity, ==, CD_SEVERITY_HIGH);
  g_assert_cmpint (kase->responsibility, ==, CD_RESPONSIBILITY_LOGISTICS);
  g_assert_cmpstr (kase->description, ==, WORDS);
  g_assert_cmpstr (kase->customer_wants, ==, "A new tin");
  g_assert_cmpstr (kase->promise, ==, "Replacement ships today");
  g_assert_cmpint (kase->promised_by, ==, local_time (2026, 11, 24, 18, 0));
  g_assert_cmpstr (kase->language, ==, "zh_CN");
  g_assert_cmpint (kase->stage, ==, CD_STAGE_LISTEN);
  g_assert_cmpuint (kase->events->len, ==, 1);
  event = g_ptr_array_index (kase->events, 0);
  g_assert_cmpstr (event->kind, ==, CD_EVENT_CREATED);
}

static void
test_edit_case (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f);
  g_autoptr(CdCase) stored = NULL;
  g_autoptr(CdCase) meanwhile = NULL;
  g_autoptr(GError) error = NULL;
  CdTimelineEvent *last;

  open_form (f, kase);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->form)), ==, "Edit Case");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "name_row"))), ==,
                   "Dana Whitfield");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "amount_row"))), ==, "54.00");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (f, "platform_row"))), ==,
                    CD_PLATFORM_SHOPIFY);
  g_assert_true (can_save (f));

  /* Something else changes the case while the form is open (the wizard, another window). */
  meanwhile = load (f, kase->id);
  g_ptr_array_add (meanwhile->compensations,
                   cd_compensation_new (CD_COMPENSATION_COUPON, CD_COMPENSATION_OFFERED));
  g_assert_true (cd_case_repository_update (f->cases, meanwhile, &error));
  g_assert_no_error (error);

  set_text (f, "product_row", "Hand-dyed yarn, 3 skeins");
  set_text (f, "amount_row", "60");
  set_text (f, "promised_by_row", "");
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  cd_test_spin (20);

  g_assert_null (f->form);
  g_assert_cmpint (f->saved_id, ==, kase->id);
  stored = load (f, kase->id);
  g_assert_cmpstr (stored->product, ==, "Hand-dyed yarn, 3 skeins");
  g_assert_cmpint (stored->order_amount, ==, 6000);
  g_assert_cmpstr (stored->description, ==, "Ordered two weeks ago.\n\"Is this a scam?\"");
  g_assert_cmpint (stored->stage, ==, CD_STAGE_CARRY_OUT);
  /* Nothing the form does not show is lost: compensations (also the one added meanwhile),
   * follow-ups and the timeline. */
  g_assert_cmpuint (stored->compensations->len, ==, 2);
  g_assert_cmpstr (((CdCompensation *) g_ptr_array_index (stored->compensations, 0))->reference,
                   ==, "SF1403928877");
  g_assert_cmpuint (stored->followups->len, ==, 1);
  g_assert_cmpuint (stored->events->len, ==, 4);  /* created, note, edited meanwhile, edited */
  last = g_ptr_array_index (stored->events, 3);
  g_assert_cmpstr (last->kind, ==, CD_EVENT_EDITED);
  g_assert_nonnull (strstr (last->text, "order.product"));
  g_assert_nonnull (strstr (last->text, "order.amount_minor"));
}

static void
test_unchanged_edit_writes_nothing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f);
  g_autoptr(CdCase) stored = NULL;

  open_form (f, kase);
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  cd_test_spin (20);

  g_assert_null (f->form);
  g_assert_cmpuint (f->n_saved, ==, 1);
  stored = load (f, kase->id);
  g_assert_cmpuint (stored->events->len, ==, kase->events->len);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  open_form (f, NULL);

  /* An empty name keeps Save off, but is not shouted about before anything was typed. */
  g_assert_false (can_save (f));
  g_assert_false (has_error (f, "name_row"));
  set_text (f, "name_row", "Dana");
  g_assert_true (can_save (f));
  set_text (f, "name_row", "  ");
  g_assert_false (can_save (f));
  g_assert_true (has_error (f, "name_row"));
  set_text (f, "name_row", "Dana");

  set_text (f, "amount_row", "12.345");
  g_assert_false (can_save (f));
  g_assert_true (has_error (f, "amount_row"));
  g_assert_true (gtk_widget_get_visible (child (f, "order_error")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (f, "order_error"))), "CNY"));
  set_text (f, "amount_row", "-5");
  g_assert_false (can_save (f));
  set_text (f, "amount_row", "abc");
  g_assert_false (can_save (f));
  set_text (f, "amount_row", "1,280.00");
  g_assert_true (can_save (f));
  g_assert_false (has_error (f, "amount_row"));
  g_assert_false (gtk_widget_get_visible (child (f, "order_error")));

  set_text (f, "phone_row", "12ab");
  g_assert_false (can_save (f));
  g_assert_true (has_error (f, "phone_row"));
  g_assert_true (gtk_widget_get_visible (child (f, "buyer_error")));
  set_text (f, "phone_row", "1234");
  g_assert_false (can_save (f));
  set_text (f, "phone_row", "+86 (139) 0000-1234");
  g_assert_true (can_save (f));
  g_assert_false (has_error (f, "phone_row"));

  set_text (f, "email_row", "dana@");
  g_assert_false (can_save (f));
  g_assert_true (has_error (f, "email_row"));
  set_text (f, "email_row", "dana@example");
  g_assert_false (can_save (f));
  set_text (f, "email_row", "dana@example.com");
  g_assert_true (can_save (f));
  g_assert_false (has_error (f, "email_row"));
  g_assert_false (gtk_widget_get_visible (child (f, "buyer_error")));

  set_text (f, "promised_by_row", "tomorrow");
  g_assert_false (can_save (f));
  g_assert_true (has_error (f, "promised_by_row"));
  set_text (f, "promised_by_row", "2026-02-30 10:00");
  g_assert_false (can_save (f));
  set_text (f, "promised_by_row", "２０２６/11/24 9:05");
  g_assert_true (can_save (f));

  /* Save refuses while anything is wrong, whichever way it is asked. */
  set_text (f, "email_row", "not an address");
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  g_signal_emit_by_name (child (f, "promised_by_row"), "entry-activated");
  cd_test_spin (20);
  g_assert_nonnull (f->form);
  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_cmpint (count_cases (f), ==, 0);
}

static void
test_enter_in_last_field_saves (Fixture       *f,
                                gconstpointer  data)
{
  open_form (f, NULL);
  set_text (f, "name_row", "Dana");
  set_text (f, "promised_by_row", "2026-11-30 12:00");
  g_signal_emit_by_name (child (f, "promised_by_row"), "entry-activated");
  cd_test_spin (20);

  g_assert_null (f->form);
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_cmpint (count_cases (f), ==, 1);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  open_form (f, NULL);
  set_text (f, "name_row", "Dana");
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.cancel", NULL);
  cd_test_spin (20);

  g_assert_null (f->form);
  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_cmpint (count_cases (f), ==, 0);
}

static void
test_blacklist_banner (Fixture       *f,
                       gconstpointer  data)
{
  const char *body;

  add_blacklist_entry (f, "ＬｕｃｋｙＳｔａｒ", "+86 139-0000-1234", TRUE);
  add_blacklist_entry (f, "OldFoe", "", FALSE);
  open_form (f, NULL);
  g_assert_false (banner_shown (f));

  /* Looked up after a pause in typing, not at every key. */
  set_text (f, "name_row", "luckystar");
  g_assert_false (banner_shown (f));
  cd_test_spin (300);
  g_assert_true (banner_shown (f));
  body = gtk_label_get_text (GTK_LABEL (child (f, "blacklist_body")));
  g_assert_nonnull (strstr (body, "ＬｕｃｋｙＳｔａｒ"));
  g_assert_nonnull (strstr (body, "Malicious review"));
  g_assert_nonnull (strstr (body, "100 yuan"));

  set_text (f, "name_row", "luckystar7");
  cd_test_spin (300);
  g_assert_false (banner_shown (f));
  /* Once it has slid shut it leaves no gap. */
  cd_test_spin (500);
  g_assert_false (gtk_widget_get_visible (child (f, "blacklist_revealer")));

  /* The phone number matches in any format. */
  set_text (f, "phone_row", "139 0000 1234");
  cd_test_spin (300);
  g_assert_true (banner_shown (f));
  set_text (f, "phone_row", "");
  cd_test_spin (300);
  g_assert_false (banner_shown (f));

  /* A deactivated entry warns no more. */
  set_text (f, "name_row", "oldfoe");
  cd_test_spin (300);
  g_assert_false (banner_shown (f));

  /* The form can still be saved: the warning informs, it does not block. */
  g_assert_true (can_save (f));
}

static void
test_blacklist_banner_on_edit (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f);

  add_blacklist_entry (f, "dana whitfield", "", TRUE);
  open_form (f, kase);
  g_assert_true (banner_shown (f));
}

static void
test_save_error_keeps_form (Fixture       *f,
                            gconstpointer  data)
{
  AdwMessageDialog *dialog;
  char *message = NULL;

  open_form (f, NULL);
  set_text (f, "name_row", "Dana");
  set_text (f, "product_row", "Yarn");

  /* The database refuses every write, as a full or read-only disk would. */
  g_assert_cmpint (sqlite3_exec (cd_database_get_handle (f->db), "PRAGMA query_only = ON",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  cd_test_spin (50);

  g_assert_nonnull (f->form);
  g_assert_cmpuint (f->n_saved, ==, 0);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->form));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Case");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "name_row"))), ==, "Dana");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "product_row"))), ==, "Yarn");

  /* Once the problem is gone, saving again works. */
  adw_message_dialog_response (dialog, "close");
  cd_test_spin (50);
  g_assert_cmpint (sqlite3_exec (cd_database_get_handle (f->db), "PRAGMA query_only = OFF",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  cd_test_spin (20);
  g_assert_null (f->form);
  g_assert_cmpint (count_cases (f), ==, 1);
}

static void
test_edit_of_deleted_case (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CdCase) kase = insert_case (f);
  g_autoptr(GError) error = NULL;

  open_form (f, kase);
  g_assert_true (cd_case_repository_delete (f->cases, kase->id, &error));
  g_assert_no_error (error);
  set_text (f, "product_row", "Changed");
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  cd_test_spin (50);

  g_assert_nonnull (f->form);
  g_assert_nonnull (find_message_dialog ());
  g_assert_cmpint (count_cases (f), ==, 0);
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

  ADD ("/case-form/new-case", test_new_case);
  ADD ("/case-form/edit-case", test_edit_case);
  ADD ("/case-form/unchanged-edit-writes-nothing", test_unchanged_edit_writes_nothing);
  ADD ("/case-form/validation", test_validation);
  ADD ("/case-form/enter-in-last-field-saves", test_enter_in_last_field_saves);
  ADD ("/case-form/cancel", test_cancel);
  ADD ("/case-form/blacklist-banner", test_blacklist_banner);
  ADD ("/case-form/blacklist-banner-on-edit", test_blacklist_banner_on_edit);
  ADD ("/case-form/save-error-keeps-form", test_save_error_keeps_form);
  ADD ("/case-form/edit-of-deleted-case", test_edit_of_deleted_case);

#undef ADD

  return g_test_run ();
}
