/* test-ui-wizard.c — the guided handling driven as a seller drives it, under Xvfb
 *
 * Set CD_TEST_SCREENSHOTS=DIR to have each step captured (ImageMagick's import) while the
 * walk-through runs: run it under xvfb-run with a screen large enough for the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "cd-blacklist-repository.h"
#include "cd-builtin-templates.h"
#include "cd-message-box.h"
#include "cd-policy.h"
#include "cd-policy-editor.h"
#include "cd-print.h"
#include "cd-test-ui.h"
#include "cd-test-util.h"
#include "cd-templates-view.h"
#include "cd-time.h"
#include "cd-wizard.h"
#include "cd-wizard-step-agree.h"
#include "cd-wizard-step-apologise.h"
#include "cd-wizard-step-carry-out.h"
#include "cd-wizard-step-confirm.h"
#include "cd-wizard-step-follow-up.h"
#include "cd-wizard-step-improve.h"
#include "cd-wizard-step-listen.h"
#include "cd-wizard-step-propose.h"

typedef struct
{
  char                  *dir;
  CdDatabase            *db;
  CdCaseRepository      *cases;
  CdBlacklistRepository *blacklist;
  CdTemplateRepository  *templates;
  CdWizard              *wizard;
  gint64                 created_id;
  guint                  n_created;
} Fixture;

static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("CD_TEST_SCREENSHOTS");
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  cd_test_spin (700);
  command = g_strdup_printf ("import -window root %s/%s.png", dir, name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static void
on_case_created_cb (CdWizard *wizard,
                    gint64    id,
                    Fixture  *f)
{
  f->created_id = id;
  f->n_created++;
}

static void
open_wizard (Fixture *f,
             gint64   case_id)
{
  const char *size = g_getenv ("CD_TEST_WINDOW_SIZE");  /* "WIDTHxHEIGHT", for screenshots */
  int width = 1240, height = 860;

  f->wizard = cd_wizard_new (NULL, f->db, f->cases, f->blacklist, f->templates, "CNY",
                             "Happy Cup Shop", case_id);
  if (size != NULL)
    sscanf (size, "%dx%d", &width, &height);
  g_signal_connect (f->wizard, "case-created", G_CALLBACK (on_case_created_cb), f);
  gtk_window_set_default_size (GTK_WINDOW (f->wizard), width, height);
  gtk_window_present (GTK_WINDOW (f->wizard));
  cd_test_spin (100);
}

static void
close_wizard (Fixture *f)
{
  gtk_window_close (GTK_WINDOW (f->wizard));
  cd_test_spin (50);
  f->wizard = NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->cases = cd_case_repository_new (f->db);
  f->blacklist = cd_blacklist_repository_new (f->db);
  f->templates = cd_template_repository_new (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->wizard != NULL)
    gtk_window_destroy (GTK_WINDOW (f->wizard));
  cd_test_spin (50);
  g_clear_object (&f->templates);
  g_clear_object (&f->blacklist);
  g_clear_object (&f->cases);
  g_clear_object (&f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Widgets */

static gpointer
step_child (Fixture    *f,
            CdStage     stage,
            GType       type,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (cd_wizard_get_step (f->wizard,
                                                                                  stage)),
                                                  type, name);

  g_assert_nonnull (child);
  return child;
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The @index-th widget of @type on the step, in reading order. */
static gpointer
nth_of_type (Fixture *f,
             CdStage  stage,
             GType    type,
             guint    index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (GTK_WIDGET (cd_wizard_get_step (f->wizard, stage)), type, found);
  g_assert_cmpuint (index, <, found->len);
  return g_ptr_array_index (found, index);
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
set_view_text (gpointer    view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
next (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.next", NULL);
  cd_test_spin (20);
}

/* The database */

static CdCase *
stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CdCase *kase;

  g_assert_cmpint (f->created_id, >, 0);
  kase = cd_case_repository_load (f->cases, f->created_id, &error);
  g_assert_no_error (error);
  return kase;
}

static CdTimelineEvent *
event_from_end (CdCase *kase,
                guint   back)
{
  g_assert_cmpuint (kase->events->len, >, back);
  return g_ptr_array_index (kase->events, kase->events->len - 1 - back);
}

/* After Next: the changes as one entry, then the move to @stage as one of its own. */
static void
assert_advanced (Fixture *f,
                 CdStage  stage,
                 gboolean with_edits)
{
  g_autoptr(CdCase) kase = stored (f);
  CdTimelineEvent *last = event_from_end (kase, 0);
  g_autofree char *arrow = g_strdup_printf ("→ %s", cd_enum_to_nick (CD_TYPE_STAGE, stage));

  g_test_message ("%s: %s", last->kind, last->text);
  g_assert_cmpint (kase->stage, ==, stage);
  g_assert_cmpstr (last->kind, ==, CD_EVENT_STAGE);
  g_assert_nonnull (strstr (last->text, arrow));
  if (with_edits)
    g_assert_cmpstr (event_from_end (kase, 1)->kind, ==, CD_EVENT_EDITED);
  if (stage < CD_WIZARD_N_STEPS)
    g_assert_cmpint (cd_wizard_get_current_step (f->wizard), ==, stage);
}

static char *
message_text (Fixture *f)
{
  return cd_message_box_dup_text (cd_wizard_get_message_box (f->wizard));
}

/* The steps */

static void
walk_listen (Fixture *f)
{
  g_autofree char *message = NULL;
  g_autoptr(CdCase) kase = NULL;

  g_assert_cmpint (cd_wizard_get_current_step (f->wizard), ==, CD_STAGE_LISTEN);
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.back", NULL);
  g_assert_cmpint (cd_wizard_get_current_step (f->wizard), ==, CD_STAGE_LISTEN);
  set_text (step_child (f, CD_STAGE_LISTEN, CD_TYPE_WIZARD_STEP_LISTEN, "name_row"), "王小姐");
  set_text (step_child (f, CD_STAGE_LISTEN, CD_TYPE_WIZARD_STEP_LISTEN, "buyer_id_row"),
            "tb_wang88");
  set_text (step_child (f, CD_STAGE_LISTEN, CD_TYPE_WIZARD_STEP_LISTEN, "order_row"),
            "TB20261124001");
  set_text (step_child (f, CD_STAGE_LISTEN, CD_TYPE_WIZARD_STEP_LISTEN, "product_row"),
            "保温杯 500ml");
  set_text (step_child (f, CD_STAGE_LISTEN, CD_TYPE_WIZARD_STEP_LISTEN, "amount_row"), "128");
  set_view_text (step_child (f, CD_STAGE_LISTEN, CD_TYPE_WIZARD_STEP_LISTEN, "words_view"),
                 "杯子收到就漏水，盖子裂了。");
  cd_message_box_set_language (cd_wizard_get_message_box (f->wizard), "zh_CN");
  g_assert_cmpstr (cd_wizard_get_case (f->wizard)->language, ==, "zh_CN");
  message = message_text (f);
  g_assert_nonnull (strstr (message, "亲"));
  g_assert_nonnull (strstr (message, "保温杯 500ml"));
  g_assert_nonnull (strstr (message, "Happy Cup Shop"));
  g_assert_cmpuint (f->n_created, ==, 0);
  screenshot ("1-listen");

  next (f);
  g_assert_cmpuint (f->n_created, ==, 1);
  kase = stored (f);
  g_assert_cmpstr (kase->customer_name, ==, "王小姐");
  g_assert_cmpint (kase->order_amount, ==, 12800);
  g_assert_cmpstr (kase->language, ==, "zh_CN");
  g_assert_cmpstr (event_from_end (kase, 1)->kind, ==, CD_EVENT_CREATED);
  assert_advanced (f, CD_STAGE_CONFIRM, FALSE);
}

static void
walk_confirm_apologise (Fixture *f)
{
  g_autoptr(CdCase) confirmed = NULL;
  g_autoptr(CdCase) apologised = NULL;

  set_view_text (step_child (f, CD_STAGE_CONFIRM, CD_TYPE_WIZARD_STEP_CONFIRM, "summary_view"),
                 "保温杯到货时盖子开裂，漏水。");
  gtk_switch_set_active (step_child (f, CD_STAGE_CONFIRM, CD_TYPE_WIZARD_STEP_CONFIRM,
                                     "confirmed_switch"), TRUE);
  set_text (step_child (f, CD_STAGE_CONFIRM, CD_TYPE_WIZARD_STEP_CONFIRM, "wants_row"),
            "换一个新的");
  screenshot ("2-confirm");
  next (f);
  assert_advanced (f, CD_STAGE_APOLOGISE, TRUE);
  confirmed = stored (f);
  g_assert_true (confirmed->summary_confirmed);
  g_assert_cmpstr (confirmed->customer_wants, ==, "换一个新的");

  adw_combo_row_set_selected (step_child (f, CD_STAGE_APOLOGISE, CD_TYPE_WIZARD_STEP_APOLOGISE,
                                          "category_row"), CD_CATEGORY_DAMAGED);
  adw_combo_row_set_selected (step_child (f, CD_STAGE_APOLOGISE, CD_TYPE_WIZARD_STEP_APOLOGISE,
                                          "severity_row"), CD_SEVERITY_HIGH);
  adw_combo_row_set_selected (step_child (f, CD_STAGE_APOLOGISE, CD_TYPE_WIZARD_STEP_APOLOGISE,
                                          "responsibility_row"), CD_RESPONSIBILITY_LOGISTICS);
  screenshot ("3-apologise");
  next (f);
  assert_advanced (f, CD_STAGE_PROPOSE, TRUE);
  apologised = stored (f);
  g_assert_cmpint (apologised->category, ==, CD_CATEGORY_DAMAGED);
  g_assert_cmpint (apologised->responsibility, ==, CD_RESPONSIBILITY_LOGISTICS);
}

static void
walk_propose (Fixture *f)
{
  CdCase *kase = cd_wizard_get_case (f->wizard);
  g_autoptr(CdCase) offered = NULL;
  g_autofree char *message = NULL;
  guint n_options = kase->compensations->len;

  /* The policy's suggestions: a choice of at least two. */
  g_assert_cmpuint (n_options, >=, 2);
  /* The first option's amount for the buyer (rows: remedy, amount, cost). */
  set_text (nth_of_type (f, CD_STAGE_PROPOSE, ADW_TYPE_ENTRY_ROW, 0), "30");
  g_assert_cmpint (((CdCompensation *) g_ptr_array_index (kase->compensations, 0))->amount, ==,
                   3000);
  message = message_text (f);
  g_assert_nonnull (strstr (message, "免费补发新品"));

  /* Copying the message notes it in the timeline. */
  cd_message_box_copy (cd_wizard_get_message_box (f->wizard));
  offered = stored (f);
  g_assert_cmpstr (event_from_end (offered, 0)->kind, ==, CD_EVENT_MESSAGE);
  g_assert_cmpstr (event_from_end (offered, 0)->text, ==, message);
  screenshot ("4-propose");

  next (f);
  assert_advanced (f, CD_STAGE_AGREE, TRUE);
  g_clear_object (&offered);
  offered = stored (f);
  g_assert_cmpuint (offered->compensations->len, ==, n_options);
  for (guint i = 0; i < offered->compensations->len; i++)
    g_assert_cmpint (((CdCompensation *) g_ptr_array_index (offered->compensations, i))->status,
                     ==, CD_COMPENSATION_OFFERED);
}

static void
walk_agree (Fixture *f)
{
  g_autoptr(CdCase) agreed = NULL;
  g_autofree char *message = NULL;
  GtkRevealer *early = step_child (f, CD_STAGE_AGREE, CD_TYPE_WIZARD_STEP_AGREE,
                                   "early_revealer");

  /* Nothing accepted yet: Next stays. */
  next (f);
  g_assert_cmpint (cd_wizard_get_current_step (f->wizard), ==, CD_STAGE_AGREE);

  /* A default deadline two days out, which the seller can keep. */
  g_assert_cmpint (cd_wizard_get_case (f->wizard)->promised_by, >, cd_time_now ());
  g_assert_false (gtk_revealer_get_reveal_child (early));
  gtk_check_button_set_active (nth_of_type (f, CD_STAGE_AGREE, GTK_TYPE_CHECK_BUTTON, 0), TRUE);
  message = message_text (f);
  g_assert_nonnull (strstr (message, "前为您办理"));
  g_assert_null (strstr (message, "{deadline}"));
  screenshot ("5-agree");

  next (f);
  assert_advanced (f, CD_STAGE_CARRY_OUT, TRUE);
  agreed = stored (f);
  g_assert_cmpint (((CdCompensation *) g_ptr_array_index (agreed->compensations, 0))->status,
                   ==, CD_COMPENSATION_ACCEPTED);
  for (guint i = 1; i < agreed->compensations->len; i++)
    g_assert_cmpint (((CdCompensation *) g_ptr_array_index (agreed->compensations, i))->status,
                     ==, CD_COMPENSATION_DECLINED);
  g_assert_cmpint (agreed->promised_by, !=, CD_TIME_UNSET);
  g_assert_cmpstr (agreed->promise, !=, "");
}

static void
walk_carry_out (Fixture *f)
{
  g_autoptr(CdCase) done = NULL;
  CdCompensation *c;

  /* Not done yet: Next stays. */
  next (f);
  g_assert_cmpint (cd_wizard_get_current_step (f->wizard), ==, CD_STAGE_CARRY_OUT);

  gtk_check_button_set_active (nth_of_type (f, CD_STAGE_CARRY_OUT, GTK_TYPE_CHECK_BUTTON, 0),
                               TRUE);
  set_text (nth_of_type (f, CD_STAGE_CARRY_OUT, ADW_TYPE_ENTRY_ROW, 0), "SF1234567890");
  set_text (nth_of_type (f, CD_STAGE_CARRY_OUT, ADW_TYPE_ENTRY_ROW, 1), "45.5");
  screenshot ("6-carry-out");
  next (f);
  assert_advanced (f, CD_STAGE_FOLLOW_UP, TRUE);
  done = stored (f);
  c = g_ptr_array_index (done->compensations, 0);
  g_assert_cmpint (c->status, ==, CD_COMPENSATION_DONE);
  g_assert_cmpint (c->done_at, !=, CD_TIME_UNSET);
  g_assert_cmpstr (c->reference, ==, "SF1234567890");
  g_assert_cmpint (c->cost, ==, 4550);
}

static void
walk_follow_up_improve (Fixture *f)
{
  g_autoptr(CdCase) visited = NULL;
  g_autoptr(CdCase) closed = NULL;
  CdFollowUp *visit;

  gtk_toggle_button_set_active (step_child (f, CD_STAGE_FOLLOW_UP, CD_TYPE_WIZARD_STEP_FOLLOW_UP,
                                            "satisfaction_5"), TRUE);
  set_text (step_child (f, CD_STAGE_FOLLOW_UP, CD_TYPE_WIZARD_STEP_FOLLOW_UP, "remarks_row"),
            "很满意，谢谢老板");
  gtk_switch_set_active (step_child (f, CD_STAGE_FOLLOW_UP, CD_TYPE_WIZARD_STEP_FOLLOW_UP,
                                     "done_switch"), TRUE);
  screenshot ("7-follow-up");
  next (f);
  assert_advanced (f, CD_STAGE_IMPROVE, TRUE);
  visited = stored (f);
  g_assert_cmpuint (visited->followups->len, ==, 1);
  visit = g_ptr_array_index (visited->followups, 0);
  g_assert_cmpint (visit->satisfaction, ==, 5);
  g_assert_cmpint (visit->done_at, !=, CD_TIME_UNSET);
  g_assert_cmpstr (visit->remarks, ==, "很满意，谢谢老板");

  adw_combo_row_set_selected (step_child (f, CD_STAGE_IMPROVE, CD_TYPE_WIZARD_STEP_IMPROVE,
                                          "root_cause_row"), CD_ROOT_CAUSE_PACKAGING);
  set_view_text (step_child (f, CD_STAGE_IMPROVE, CD_TYPE_WIZARD_STEP_IMPROVE,
                             "improvement_view"), "每个杯子包两层气泡膜。");
  screenshot ("8-improve");
  next (f);
  assert_advanced (f, CD_STAGE_CLOSED, TRUE);
  closed = stored (f);
  g_assert_cmpint (closed->root_cause, ==, CD_ROOT_CAUSE_PACKAGING);
  g_assert_cmpstr (closed->improvement, ==, "每个杯子包两层气泡膜。");
  /* Done instead of Next. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (f->wizard), CD_TYPE_WIZARD, "next_button"))));
  screenshot ("9-closed");
}

static void
test_walk_through (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CdCase) kase = NULL;
  guint n_events;

  open_wizard (f, 0);
  walk_listen (f);
  walk_confirm_apologise (f);
  walk_propose (f);
  walk_agree (f);
  walk_carry_out (f);
  walk_follow_up_improve (f);

  /* Closing saves nothing more: nothing changed since the last step. */
  kase = stored (f);
  n_events = kase->events->len;
  close_wizard (f);
  g_clear_object (&kase);
  kase = stored (f);
  g_assert_cmpuint (kase->events->len, ==, n_events);
  g_assert_cmpuint (f->n_created, ==, 1);
}

static gint64
insert_case (Fixture *f,
             CdStage  stage)
{
  g_autoptr(CdCase) kase = cd_case_new ();
  g_autoptr(GError) error = NULL;
  CdCompensation *c = cd_compensation_new (CD_COMPENSATION_COUPON,
                                           stage >= CD_STAGE_CARRY_OUT ? CD_COMPENSATION_DONE
                                                                       : CD_COMPENSATION_OFFERED);

  cd_case_set_string (&kase->customer_name, "Ann Smith");
  cd_case_set_string (&kase->product, "Travel mug");
  kase->stage = stage;
  c->amount = 1000;
  g_ptr_array_add (kase->compensations, c);
  g_assert_true (cd_case_repository_insert (f->cases, kase, &error));
  g_assert_no_error (error);
  return kase->id;
}

static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  for (int stage = CD_STAGE_LISTEN; stage <= CD_STAGE_ESCALATED; stage++)
    {
      gint64 id = insert_case (f, stage);
      int expected = stage == CD_STAGE_CLOSED ? CD_STAGE_IMPROVE
                     : stage == CD_STAGE_ESCALATED ? CD_STAGE_AGREE : stage;
      g_autoptr(CdCase) after = NULL;

      open_wizard (f, id);
      g_test_message ("stage %s", cd_enum_to_nick (CD_TYPE_STAGE, stage));
      g_assert_cmpint (cd_wizard_get_current_step (f->wizard), ==, expected);
      /* Looking is not changing: no timeline entry, no new case; except that a case at
       * Agree is given a deadline the shop can keep, for the message to name. */
      close_wizard (f);
      after = cd_case_repository_load (f->cases, id, NULL);
      g_assert_cmpuint (after->events->len, ==, stage == CD_STAGE_AGREE ? 2 : 1);
      g_assert_cmpint (after->stage, ==, stage);
    }
  g_assert_cmpuint (f->n_created, ==, 0);
}

/* Back and the step bar move without changing the stage. */
static void
test_back_and_steps (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = insert_case (f, CD_STAGE_APOLOGISE);
  g_autoptr(CdCase) kase = NULL;

  open_wizard (f, id);
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.back", NULL);
  g_assert_cmpint (cd_wizard_get_current_step (f->wizard), ==, CD_STAGE_CONFIRM);
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.step", "i", 0);
  g_assert_cmpint (cd_wizard_get_current_step (f->wizard), ==, CD_STAGE_LISTEN);
  /* Not reached yet. */
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.step", "i", 5);
  g_assert_cmpint (cd_wizard_get_current_step (f->wizard), ==, CD_STAGE_LISTEN);
  next (f);
  g_assert_cmpint (cd_wizard_get_current_step (f->wizard), ==, CD_STAGE_CONFIRM);
  close_wizard (f);
  kase = cd_case_repository_load (f->cases, id, NULL);
  g_assert_cmpint (kase->stage, ==, CD_STAGE_APOLOGISE);
  g_assert_cmpuint (kase->events->len, ==, 1);
}

static void
test_declined (Fixture       *f,
               gconstpointer  data)
{
  gint64 id = insert_case (f, CD_STAGE_AGREE);
  g_autoptr(CdCase) kase = NULL;
  guint n_open = 0;

  open_wizard (f, id);
  gtk_widget_activate_action (GTK_WIDGET (cd_wizard_get_step (f->wizard, CD_STAGE_AGREE)),
                              "agree.declined", NULL);
  g_assert_cmpint (cd_wizard_get_current_step (f->wizard), ==, CD_STAGE_PROPOSE);
  kase = cd_case_repository_load (f->cases, id, NULL);
  g_assert_cmpint (kase->stage, ==, CD_STAGE_PROPOSE);
  g_assert_cmpint (((CdCompensation *) g_ptr_array_index (kase->compensations, 0))->status, ==,
                   CD_COMPENSATION_DECLINED);
  /* New suggestions to offer instead. */
  for (guint i = 0; i < cd_wizard_get_case (f->wizard)->compensations->len; i++)
    n_open += ((CdCompensation *) g_ptr_array_index (cd_wizard_get_case (f->wizard)->compensations,
                                                     i))->status == CD_COMPENSATION_SUGGESTED;
  g_assert_cmpuint (n_open, >=, 2);
}

static void
test_blacklist_warning (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) entry = cd_blacklist_entry_new ();
  g_autoptr(GError) error = NULL;
  GtkRevealer *revealer;
  GtkLabel *body;

  cd_case_set_string (&entry->buyer_id, "refund_king");
  cd_case_set_string (&entry->evidence, "Three refunds for the same order");
  entry->reason = CD_REASON_REFUND_ABUSE;
  g_assert_true (cd_blacklist_repository_insert (f->blacklist, entry, &error));
  g_assert_no_error (error);

  open_wizard (f, 0);
  revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (f->wizard), CD_TYPE_WIZARD,
                                                          "blacklist_revealer"));
  body = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (f->wizard), CD_TYPE_WIZARD,
                                                   "blacklist_body"));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  set_text (step_child (f, CD_STAGE_LISTEN, CD_TYPE_WIZARD_STEP_LISTEN, "buyer_id_row"),
            " refund_king");
  cd_test_spin (400);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (body), "Three refunds"));
  screenshot ("blacklist");

  /* Closing a new case with something typed in keeps it. */
  close_wizard (f);
  g_assert_cmpuint (f->n_created, ==, 1);
}

static void
test_print_pdf (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = insert_case (f, CD_STAGE_CARRY_OUT);
  g_autoptr(CdCase) kase = cd_case_repository_load (f->cases, id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "response.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  kase->promised_by = cd_time_now ();
  g_assert_true (cd_print_case_to_pdf (kase, "Happy Cup Shop", "CNY", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

/* The templates view */

static void
seed_builtins (Fixture *f)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates.json",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *contents = cd_test_read_file (path, &length);
  g_autoptr(GBytes) json = g_bytes_new_take (contents, length);

  g_assert_true (cd_builtin_templates_seed (f->db, json, &error));
  g_assert_no_error (error);
}

static guint
count_templates (Fixture *f)
{
  g_autoptr(GPtrArray) list = cd_template_repository_list (f->templates, NULL);

  return list->len;
}

static void
on_add_toast_cb (GtkWidget *view,
                 AdwToast  *toast,
                 AdwToast **out)
{
  g_set_object (out, toast);
  g_object_ref_sink (toast);
  g_object_unref (toast);
}

static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  adw_window_set_content (ADW_WINDOW (window), child);
  gtk_window_set_default_size (window, 1240, 860);
  gtk_window_present (window);
  cd_test_spin (200);
  return window;
}

static gpointer
find_nth (GtkWidget *root,
          GType      type,
          guint      index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, found);
  g_assert_cmpuint (index, <, found->len);
  return g_ptr_array_index (found, index);
}

static void
test_templates_view (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AdwToast) toast = NULL;
  CdTemplatesView *view;
  GtkWindow *window;
  g_autoptr(CdMessageTemplate) edited = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  seed_builtins (f);
  view = cd_templates_view_new (f->templates);
  g_signal_connect (view, "add-toast", G_CALLBACK (on_add_toast_cb), &toast);
  window = show_in_window (GTK_WIDGET (view));

  /* Eight steps and the other replies; English and Chinese side by side in each. */
  collect (GTK_WIDGET (view), ADW_TYPE_PREFERENCES_GROUP, groups);
  g_assert_cmpuint (groups->len, ==, 9);
  g_assert_cmpuint (count_templates (f), ==, 18);
  screenshot ("templates");

  /* The first reply's English name, saved shortly after typing stops. */
  gtk_editable_set_text (find_nth (GTK_WIDGET (view), GTK_TYPE_ENTRY, 0), "Hello there");
  cd_test_spin (600);
  edited = cd_builtin_templates_pick (f->templates, "listen", "en", NULL);
  g_assert_cmpstr (edited->name, ==, "Hello there");

  /* Deleting a reply removes both versions, and Undo brings them back. */
  gtk_widget_activate_action (GTK_WIDGET (view), "templates.delete", "s", "builtin-listen");
  g_assert_cmpuint (count_templates (f), ==, 16);
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpuint (count_templates (f), ==, 18);

  gtk_widget_activate_action (GTK_WIDGET (view), "templates.add", NULL);
  g_assert_cmpuint (count_templates (f), ==, 20);

  cd_templates_view_set_folded (view, TRUE);
  g_assert_true (cd_templates_view_get_folded (view));
  cd_test_spin (100);
  gtk_window_destroy (window);
}

/* The policy editor */

static void
test_policy_editor (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *editor = cd_policy_editor_new (f->db, "CNY");
  GtkEditable *coupon_min;
  GtkSwitch *first_kind;
  CdPolicy policy;
  g_autoptr(GError) error = NULL;

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (editor));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 860);
  gtk_window_present (GTK_WINDOW (window));
  cd_test_spin (200);
  screenshot ("policy");

  gtk_spin_button_set_value (find_nth (editor, GTK_TYPE_SPIN_BUTTON, 0), 33);
  coupon_min = find_nth (editor, ADW_TYPE_ENTRY_ROW, 0);
  gtk_editable_set_text (coupon_min, "8");
  /* (AdwExpanderRow has a switch of its own, hidden: skip it.) */
  first_kind = find_nth (editor, GTK_TYPE_SWITCH, 1);
  gtk_switch_set_active (first_kind, FALSE);
  g_assert_true (cd_policy_load (&policy, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (policy.refund_percent[0], ==, 33);
  g_assert_cmpint (policy.coupon_min, ==, 800);
  g_assert_false (policy.kinds[0] & 1);

  /* Not an amount: marked, not saved. */
  gtk_editable_set_text (coupon_min, "eight");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (coupon_min), "error"));
  g_assert_true (cd_policy_load (&policy, f->db, &error));
  g_assert_cmpint (policy.coupon_min, ==, 800);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(name, func) g_test_add ("/ui/wizard/" name, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("walk-through", test_walk_through);
  ADD ("resume", test_resume);
  ADD ("back-and-steps", test_back_and_steps);
  ADD ("declined", test_declined);
  ADD ("blacklist-warning", test_blacklist_warning);
  ADD ("print-pdf", test_print_pdf);
#undef ADD
  g_test_add ("/ui/templates-view/edit-delete-undo-add", Fixture, NULL, fixture_set_up,
              test_templates_view, fixture_tear_down);
  g_test_add ("/ui/policy-editor/save-on-change", Fixture, NULL, fixture_set_up,
              test_policy_editor, fixture_tear_down);

  return g_test_run ();
}
