/* test-ui-blacklist.c — the blacklist view and its entry dialog, driven as a user drives them
 *
 * Set CD_TEST_PAUSE=SECONDS to keep the window of /ui/blacklist/look on screen that long
 * (for screenshots); set CD_TEST_NARROW=1 to make it narrow and folded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "cd-blacklist-entry-dialog.h"
#include "cd-blacklist-view.h"
#include "cd-test-ui.h"
#include "cd-test-util.h"
#include "cd-time.h"

#define HOUR ((gint64) 3600 * G_USEC_PER_SEC)

typedef struct
{
  char                  *dir;
  CdDatabase            *db;
  CdBlacklistRepository *blacklist;
  CdCaseRepository      *cases;
  GtkWindow             *window;
  AdwToastOverlay       *overlay;
  CdBlacklistView       *view;
  GPtrArray             *toasts;          /* every AdwToast the view raised */
  GArray                *activated_cases; /* gint64 */
} Fixture;

static void
on_add_toast_cb (CdBlacklistView *view,
                 AdwToast        *toast,
                 Fixture         *f)
{
  g_ptr_array_add (f->toasts, g_object_ref (toast));
  adw_toast_overlay_add_toast (f->overlay, g_object_ref (toast));
}

static void
on_case_activated_cb (CdBlacklistView *view,
                      gint64           id,
                      Fixture         *f)
{
  g_array_append_val (f->activated_cases, id);
}

static void
open_window (Fixture *f,
             int      width,
             int      height)
{
  f->view = cd_blacklist_view_new (f->blacklist, f->cases);
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (f->overlay, GTK_WIDGET (f->view));
  f->window = GTK_WINDOW (adw_window_new ());
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->overlay));
  gtk_window_set_default_size (f->window, width, height);
  g_signal_connect (f->view, "add-toast", G_CALLBACK (on_add_toast_cb), f);
  g_signal_connect (f->view, "case-activated", G_CALLBACK (on_case_activated_cb), f);
  gtk_window_present (f->window);
  cd_test_spin (100);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->blacklist = cd_blacklist_repository_new (f->db);
  f->cases = cd_case_repository_new (f->db);
  f->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  f->activated_cases = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Dialogs left open by a test go first. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != f->window)
        gtk_window_destroy (window);
    }
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  cd_test_spin (50);
  g_ptr_array_unref (f->toasts);
  g_array_unref (f->activated_cases);
  g_assert_finalize_object (f->blacklist);
  g_assert_finalize_object (f->cases);
  g_assert_finalize_object (f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

static CdBlacklistEntry *
add_entry (Fixture           *f,
           const char        *buyer_id,
           const char        *nickname,
           const char        *phone,
           CdPlatform         platform,
           CdBlacklistReason  reason,
           gint64             added_at)
{
  g_autoptr(GError) error = NULL;
  CdBlacklistEntry *entry = cd_blacklist_entry_new ();

  g_free (entry->buyer_id);
  entry->buyer_id = g_strdup (buyer_id);
  g_free (entry->nickname);
  entry->nickname = g_strdup (nickname);
  g_free (entry->phone);
  entry->phone = g_strdup (phone);
  entry->platform = platform;
  entry->reason = reason;
  entry->added_at = added_at;
  g_assert_true (cd_blacklist_repository_insert (f->blacklist, entry, &error));
  g_assert_no_error (error);
  return entry;
}

static CdBlacklistListModel *
model (Fixture *f)
{
  return cd_blacklist_view_get_model (f->view);
}

static guint
n_listed (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model (f)));
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return found;
}

#define VIEW_CHILD(f, name) child ((f)->view, CD_TYPE_BLACKLIST_VIEW, name)
#define DIALOG_CHILD(d, name) child ((d), CD_TYPE_BLACKLIST_ENTRY_DIALOG, name)

static gpointer
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child
                                                                 : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static CdBlacklistEntryDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CD_IS_BLACKLIST_ENTRY_DIALOG (window))
        return CD_BLACKLIST_ENTRY_DIALOG (window);
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
set_row_text (CdBlacklistEntryDialog *dialog,
              const char             *row,
              const char             *text)
{
  gtk_editable_set_text (GTK_EDITABLE (DIALOG_CHILD (dialog, row)), text);
}

static const char *
row_text (CdBlacklistEntryDialog *dialog,
          const char             *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (DIALOG_CHILD (dialog, row)));
}

/* Types into the search field and waits out GtkSearchEntry's delay. */
static void
type_search (Fixture    *f,
             const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (VIEW_CHILD (f, "search_entry")), text);
  cd_test_spin (400);
}

static void
select_id (Fixture *f,
           gint64   id)
{
  GtkSelectionModel *selection =
    gtk_column_view_get_model (GTK_COLUMN_VIEW (VIEW_CHILD (f, "column_view")));
  int position = cd_blacklist_list_model_find (model (f), id);

  g_assert_cmpint (position, >=, 0);
  gtk_selection_model_select_item (selection, (guint) position, TRUE);
}

static const char *
visible_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (VIEW_CHILD (f, "stack")));
}

static const char *
subtitle (Fixture *f)
{
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (VIEW_CHILD (f, "window_title")));
}

/* An empty list explains itself; an entry added through the dialog is stored, listed and
 * selected. Save stays off until there is a key to find the buyer by. */
static void
test_add_entry (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  CdBlacklistEntryDialog *dialog;
  GtkWidget *save_button;
  CdBlacklistEntry *entry;

  open_window (f, 1000, 700);
  g_assert_cmpstr (visible_page (f), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (VIEW_CHILD (f, "empty_page"))),
                   ==, "No Blacklisted Buyers");
  g_assert_cmpstr (subtitle (f), ==, "0 entries");
  g_assert_false (gtk_action_bar_get_revealed (GTK_ACTION_BAR (VIEW_CHILD (f, "action_bar"))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "blacklist.add", NULL));
  cd_test_spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == f->window);
  g_assert_cmpint (cd_blacklist_entry_dialog_get_entry_id (dialog), ==, 0);
  save_button = DIALOG_CHILD (dialog, "save_button");
  g_assert_false (gtk_widget_get_sensitive (save_button));

  set_row_text (dialog, "name_row", "Li Si");
  g_assert_false (gtk_widget_get_sensitive (save_button));
  set_row_text (dialog, "nickname_row", "  ＬｕｃｋｙＳｔａｒ ");
  g_assert_true (gtk_widget_get_sensitive (save_button));
  set_row_text (dialog, "nickname_row", "   ");
  g_assert_false (gtk_widget_get_sensitive (save_button));
  set_row_text (dialog, "nickname_row", "ＬｕｃｋｙＳｔａｒ");
  set_row_text (dialog, "phone_row", "+86 139-0000-1234");
  adw_combo_row_set_selected (DIALOG_CHILD (dialog, "platform_row"), CD_PLATFORM_PINDUODUO);
  adw_combo_row_set_selected (DIALOG_CHILD (dialog, "reason_row"), CD_REASON_REFUND_ABUSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (DIALOG_CHILD (dialog, "evidence_view")),
                            "Asked for a refund three times; 差评要挟.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));
  cd_test_spin (50);
  g_assert_null (dialog);

  stored = cd_blacklist_repository_list (f->blacklist, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  entry = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (entry->nickname, ==, "ＬｕｃｋｙＳｔａｒ");
  g_assert_cmpstr (entry->buyer_id, ==, "");
  g_assert_cmpstr (entry->phone, ==, "+86 139-0000-1234");
  g_assert_cmpstr (entry->name, ==, "Li Si");
  g_assert_cmpint (entry->platform, ==, CD_PLATFORM_PINDUODUO);
  g_assert_cmpint (entry->reason, ==, CD_REASON_REFUND_ABUSE);
  g_assert_cmpstr (entry->evidence, ==, "Asked for a refund three times; 差评要挟.");
  g_assert_true (entry->active);

  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_cmpstr (visible_page (f), ==, "list");
  g_assert_cmpstr (subtitle (f), ==, "1 entry");
  g_assert_true (gtk_action_bar_get_revealed (GTK_ACTION_BAR (VIEW_CHILD (f, "action_bar"))));
  g_assert_cmpstr (gtk_label_get_text (VIEW_CHILD (f, "selection_label")), ==,
                   "ＬｕｃｋｙＳｔａｒ");
}

/* Search as you type: half-width finds full-width, phone digits in any format. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) lucky = NULL;
  g_autoptr(CdBlacklistEntry) match = NULL;
  gint64 t0 = cd_time_now () - 10 * HOUR;

  lucky = add_entry (f, "", "ＬｕｃｋｙＳｔａｒ", "", CD_PLATFORM_TAOBAO,
                     CD_REASON_MALICIOUS_REVIEW, t0);
  g_object_unref (add_entry (f, "dy_1234", "Bob", "13900001234", CD_PLATFORM_DOUDIAN,
                             CD_REASON_FALSE_CLAIM, t0 + HOUR));
  g_object_unref (add_entry (f, "", "张三", "", CD_PLATFORM_JD, CD_REASON_ABUSIVE, t0 + 2 * HOUR));
  open_window (f, 1000, 700);
  g_assert_cmpuint (n_listed (f), ==, 3);
  g_assert_cmpstr (subtitle (f), ==, "3 entries");

  cd_blacklist_view_focus_search (f->view);
  g_assert_true (gtk_search_bar_get_search_mode (VIEW_CHILD (f, "search_bar")));
  type_search (f, "luck");
  g_assert_cmpuint (n_listed (f), ==, 1);
  match = g_list_model_get_item (G_LIST_MODEL (model (f)), 0);
  g_assert_cmpint (match->id, ==, lucky->id);
  g_assert_cmpstr (subtitle (f), ==, "1 match");

  type_search (f, "139 0000");
  g_assert_cmpuint (n_listed (f), ==, 1);
  type_search (f, "张");
  g_assert_cmpuint (n_listed (f), ==, 1);
  type_search (f, "nobody <b>");
  g_assert_cmpuint (n_listed (f), ==, 0);
  g_assert_cmpstr (visible_page (f), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (VIEW_CHILD (f, "empty_page"))),
                   ==, "No Matches");
  type_search (f, "");
  g_assert_cmpuint (n_listed (f), ==, 3);
  g_assert_cmpstr (visible_page (f), ==, "list");
}

/* Deactivating hides the entry unless deactivated ones are shown; undo brings it back. */
static void
test_deactivate (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) lucky = NULL;
  g_autoptr(CdBlacklistEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0 = cd_time_now () - 10 * HOUR;

  lucky = add_entry (f, "", "ＬｕｃｋｙＳｔａｒ", "", CD_PLATFORM_TAOBAO,
                     CD_REASON_MALICIOUS_REVIEW, t0);
  g_object_unref (add_entry (f, "dy_1234", "Bob", "", CD_PLATFORM_DOUDIAN,
                             CD_REASON_FALSE_CLAIM, t0 + HOUR));
  open_window (f, 1000, 700);

  type_search (f, "luck");
  select_id (f, lucky->id);
  g_assert_cmpstr (gtk_button_get_label (VIEW_CHILD (f, "active_button")), ==, "_Deactivate");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "blacklist.toggle-active",
                                             NULL));
  loaded = cd_blacklist_repository_load (f->blacklist, lucky->id, &error);
  g_assert_false (loaded->active);
  g_assert_cmpuint (n_listed (f), ==, 0);
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (adw_toast_get_title (g_ptr_array_index (f->toasts, 0)), ==,
                   "“ＬｕｃｋｙＳｔａｒ” deactivated");
  g_assert_cmpstr (adw_toast_get_button_label (g_ptr_array_index (f->toasts, 0)), ==, "_Undo");

  /* Shown again, dimmed; the action bar offers to reactivate it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "blacklist.show-inactive",
                                             NULL));
  g_assert_true (cd_blacklist_list_model_get_show_inactive (model (f)));
  g_assert_cmpuint (n_listed (f), ==, 1);
  select_id (f, lucky->id);
  g_assert_cmpstr (gtk_button_get_label (VIEW_CHILD (f, "active_button")), ==, "_Reactivate");

  /* Reactivated while shown: the row stays selected; its toast undoes it in turn. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "blacklist.toggle-active",
                                             NULL));
  g_assert_cmpuint (f->toasts->len, ==, 2);
  g_assert_cmpstr (adw_toast_get_title (g_ptr_array_index (f->toasts, 1)), ==,
                   "“ＬｕｃｋｙＳｔａｒ” reactivated");
  g_assert_true (gtk_action_bar_get_revealed (GTK_ACTION_BAR (VIEW_CHILD (f, "action_bar"))));
  g_assert_cmpstr (gtk_button_get_label (VIEW_CHILD (f, "active_button")), ==, "_Deactivate");
  g_signal_emit_by_name (g_ptr_array_index (f->toasts, 1), "button-clicked");
  g_assert_cmpstr (gtk_button_get_label (VIEW_CHILD (f, "active_button")), ==, "_Reactivate");

  g_object_set (f->view, "show-inactive", FALSE, NULL);
  g_assert_cmpuint (n_listed (f), ==, 0);

  g_signal_emit_by_name (g_ptr_array_index (f->toasts, 0), "button-clicked");
  g_clear_object (&loaded);
  loaded = cd_blacklist_repository_load (f->blacklist, lucky->id, &error);
  g_assert_true (loaded->active);
  g_assert_cmpuint (n_listed (f), ==, 1);
}

/* Delete, then undo: the entry comes back as it was, with its uid, id and case links. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) bob = NULL;
  g_autoptr(CdBlacklistEntry) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0 = cd_time_now () - 10 * HOUR;

  g_object_unref (add_entry (f, "", "ＬｕｃｋｙＳｔａｒ", "", CD_PLATFORM_TAOBAO,
                             CD_REASON_MALICIOUS_REVIEW, t0 + 2 * HOUR));
  bob = add_entry (f, "dy_1234", "Bob & <Alice>", "", CD_PLATFORM_DOUDIAN,
                   CD_REASON_FALSE_CLAIM, t0 + HOUR);
  g_ptr_array_add (bob->case_uids, g_strdup ("case-1"));
  g_assert_true (cd_blacklist_repository_update (f->blacklist, bob, &error));
  g_object_unref (add_entry (f, "x", "", "", CD_PLATFORM_JD, CD_REASON_ABUSIVE, t0));
  open_window (f, 1000, 700);
  g_assert_cmpint (cd_blacklist_list_model_find (model (f), bob->id), ==, 1);

  select_id (f, bob->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "blacklist.delete", NULL));
  g_assert_cmpuint (n_listed (f), ==, 2);
  g_assert_null (cd_blacklist_repository_load (f->blacklist, bob->id, &error));
  g_clear_error (&error);
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (adw_toast_get_title (g_ptr_array_index (f->toasts, 0)), ==,
                   "“Bob &amp; &lt;Alice&gt;” removed from the blacklist");
  g_assert_false (gtk_action_bar_get_revealed (GTK_ACTION_BAR (VIEW_CHILD (f, "action_bar"))));

  g_signal_emit_by_name (g_ptr_array_index (f->toasts, 0), "button-clicked");
  again = cd_blacklist_repository_load (f->blacklist, bob->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->uid, ==, bob->uid);
  g_assert_cmpuint (again->case_uids->len, ==, 1);
  g_assert_cmpuint (n_listed (f), ==, 3);
  g_assert_cmpint (cd_blacklist_list_model_find (model (f), bob->id), ==, 1);
  /* Selected again, where it was. */
  g_assert_true (gtk_action_bar_get_revealed (GTK_ACTION_BAR (VIEW_CHILD (f, "action_bar"))));
}

/* Activating a row edits it; a failed save keeps the dialog and what was typed. */
static void
test_edit_and_error (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) bob = NULL;
  g_autoptr(CdBlacklistEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;
  CdBlacklistEntryDialog *dialog;
  AdwMessageDialog *message;

  bob = add_entry (f, "dy_1234", "Bob", "13900001234", CD_PLATFORM_DOUDIAN,
                   CD_REASON_FALSE_CLAIM, cd_time_now ());
  open_window (f, 1000, 700);

  g_signal_emit_by_name (VIEW_CHILD (f, "column_view"), "activate", 0);
  cd_test_spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (cd_blacklist_entry_dialog_get_entry_id (dialog), ==, bob->id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Blacklist Entry");
  g_assert_cmpstr (row_text (dialog, "buyer_id_row"), ==, "dy_1234");
  g_assert_cmpstr (row_text (dialog, "phone_row"), ==, "13900001234");
  g_assert_true (gtk_widget_get_visible (DIALOG_CHILD (dialog, "added_row")));
  g_assert_cmpuint (adw_combo_row_get_selected (DIALOG_CHILD (dialog, "reason_row")), ==,
                    CD_REASON_FALSE_CLAIM);

  set_row_text (dialog, "nickname_row", "Bobby");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));
  cd_test_spin (50);
  g_assert_null (find_dialog ());
  loaded = cd_blacklist_repository_load (f->blacklist, bob->id, &error);
  g_assert_cmpstr (loaded->nickname, ==, "Bobby");
  g_assert_cmpstr (loaded->uid, ==, bob->uid);

  /* Deleted behind the dialog's back: saving fails, the dialog stays with the text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "blacklist.edit", NULL));
  cd_test_spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  set_row_text (dialog, "nickname_row", "Robert");
  g_assert_true (cd_blacklist_repository_delete (f->blacklist, bob->id, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));
  cd_test_spin (50);
  message = find_message_dialog ();
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Cannot Save the Entry");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message)) == GTK_WINDOW (dialog));
  g_assert_true (find_dialog () == dialog);
  g_assert_cmpstr (row_text (dialog, "nickname_row"), ==, "Robert");
  gtk_window_close (GTK_WINDOW (message));
  cd_test_spin (50);
  g_assert_null (find_message_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  cd_test_spin (50);
  g_assert_null (find_dialog ());
}

/* An entry made from a case is filled in from it and linked to it; the link leads back. */
static void
test_from_case (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CdCase) kase = cd_case_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  CdBlacklistEntryDialog *dialog;
  CdBlacklistEntry *entry;
  GtkWidget *cases_group;

  cd_case_set_string (&kase->customer_name, "王五");
  cd_case_set_string (&kase->buyer_id, "tb_wangwu");
  cd_case_set_string (&kase->phone, "13800001111");
  cd_case_set_string (&kase->order_number, "9001");
  kase->platform = CD_PLATFORM_TMALL;
  g_assert_true (cd_case_repository_insert (f->cases, kase, &error));
  g_assert_no_error (error);
  open_window (f, 1000, 700);

  dialog = cd_blacklist_entry_dialog_new (f->window, f->blacklist, NULL, kase);
  gtk_window_present (GTK_WINDOW (dialog));
  cd_test_spin (50);
  g_assert_cmpstr (row_text (dialog, "buyer_id_row"), ==, "tb_wangwu");
  g_assert_cmpstr (row_text (dialog, "nickname_row"), ==, "王五");
  g_assert_cmpstr (row_text (dialog, "phone_row"), ==, "13800001111");
  g_assert_cmpuint (adw_combo_row_get_selected (DIALOG_CHILD (dialog, "platform_row")), ==,
                    CD_PLATFORM_TMALL);
  cases_group = DIALOG_CHILD (dialog, "cases_group");
  g_assert_true (gtk_widget_get_visible (cases_group));
  g_assert_true (gtk_widget_get_sensitive (DIALOG_CHILD (dialog, "save_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));
  cd_test_spin (50);

  stored = cd_blacklist_repository_list (f->blacklist, &error);
  g_assert_cmpuint (stored->len, ==, 1);
  entry = g_ptr_array_index (stored, 0);
  g_assert_cmpuint (entry->case_uids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (entry->case_uids, 0), ==, kase->uid);

  /* From the view: the linked case opens by its id. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "blacklist.open-case", "s",
                                             kase->uid));
  g_assert_cmpuint (f->activated_cases->len, ==, 1);
  g_assert_cmpint (g_array_index (f->activated_cases, gint64, 0), ==, kase->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "blacklist.open-case", "s",
                                             "no-such-case"));
  g_assert_cmpuint (f->activated_cases->len, ==, 1);
  g_assert_cmpuint (f->toasts->len, ==, 1);

  /* From the dialog: the case's row names the buyer and opens the case. */
  select_id (f, entry->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "blacklist.edit", NULL));
  cd_test_spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  {
    AdwActionRow *case_row = find_descendant (DIALOG_CHILD (dialog, "cases_group"),
                                              ADW_TYPE_ACTION_ROW);

    g_assert_nonnull (case_row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (case_row)), ==, "王五");
    g_assert_cmpstr (adw_action_row_get_subtitle (case_row), !=, kase->uid);
    g_signal_emit_by_name (case_row, "activated");
  }
  cd_test_spin (50);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (f->activated_cases->len, ==, 2);
  g_assert_cmpint (g_array_index (f->activated_cases, gint64, 1), ==, kase->id);
}

/* Folding shows the back button; Ctrl+F's action opens the search. And a look at it. */
static void
test_look (Fixture       *f,
           gconstpointer  data)
{
  static const struct {
    const char *buyer_id, *nickname, *phone;
    CdPlatform platform;
    CdBlacklistReason reason;
    gboolean active;
  } sample[] = {
    { "tb_lucky_star", "ＬｕｃｋｙＳｔａｒ", "+86 139-0000-1234", CD_PLATFORM_TAOBAO,
      CD_REASON_MALICIOUS_REVIEW, TRUE },
    { "dy_88000123", "退款小王子", "138 0013 8000", CD_PLATFORM_DOUDIAN, CD_REASON_REFUND_ABUSE,
      TRUE },
    { "jd_zhang_san", "张三", "", CD_PLATFORM_JD, CD_REASON_FALSE_CLAIM, FALSE },
    { "", "Chargeback Charlie", "+1 415 555 0100", CD_PLATFORM_SHOPIFY, CD_REASON_CHARGEBACK,
      TRUE },
    { "pdd_5566", "", "15900005566", CD_PLATFORM_PINDUODUO, CD_REASON_ABUSIVE, TRUE },
    { "A1B2C3D4E5", "grumpy_reviewer", "", CD_PLATFORM_AMAZON, CD_REASON_MALICIOUS_REVIEW,
      TRUE },
  };
  const char *pause = g_getenv ("CD_TEST_PAUSE");
  gboolean narrow = g_getenv ("CD_TEST_NARROW") != NULL;
  gboolean empty = g_getenv ("CD_TEST_EMPTY") != NULL;
  gint64 t0 = cd_time_now () - 30 * 24 * HOUR;
  g_autoptr(CdCase) kase = cd_case_new ();

  cd_case_set_string (&kase->customer_name, "王小二");
  cd_case_set_string (&kase->order_number, "3820019457");
  g_assert_true (cd_case_repository_insert (f->cases, kase, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (sample); i++)
    {
      g_autoptr(CdBlacklistEntry) entry = add_entry (f, sample[i].buyer_id, sample[i].nickname,
                                                     sample[i].phone, sample[i].platform,
                                                     sample[i].reason, t0 + i * 50 * HOUR);
      if (i == 1)
        {
          g_free (entry->evidence);
          entry->evidence = g_strdup ("Three refund requests for the same order, each with a "
                                      "different story. Chat screenshots in 退款/2026-10.");
          g_ptr_array_add (entry->case_uids, g_strdup (kase->uid));
          g_assert_true (cd_blacklist_repository_update (f->blacklist, entry, NULL));
        }
      if (!sample[i].active)
        g_assert_true (cd_blacklist_repository_set_active (f->blacklist, entry->id, FALSE,
                                                           NULL));
      if (empty)
        g_assert_true (cd_blacklist_repository_delete (f->blacklist, entry->id, NULL));
    }
  open_window (f, narrow ? 400 : 1180, narrow ? 700 : 640);
  if (empty)
    {
      g_assert_cmpstr (visible_page (f), ==, "empty");
      cd_test_spin (pause != NULL ? (guint) g_ascii_strtoull (pause, NULL, 10) * 1000 : 0);
      return;
    }

  g_assert_false (gtk_widget_get_visible (VIEW_CHILD (f, "show_sidebar_button")));
  cd_blacklist_view_set_folded (f->view, TRUE);
  g_assert_true (gtk_widget_get_visible (VIEW_CHILD (f, "show_sidebar_button")));
  cd_blacklist_view_set_folded (f->view, narrow);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "blacklist.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (VIEW_CHILD (f, "search_bar")));
  gtk_search_bar_set_search_mode (VIEW_CHILD (f, "search_bar"), FALSE);
  g_object_set (f->view, "show-inactive", TRUE, NULL);
  g_assert_cmpuint (n_listed (f), ==, 6);
  select_id (f, 2);

  if (pause != NULL)
    {
      const char *search = g_getenv ("CD_TEST_SEARCH");
      const char *open = g_getenv ("CD_TEST_OPEN");

      if (search != NULL)
        {
          cd_blacklist_view_focus_search (f->view);
          type_search (f, search);
        }
      if (open != NULL)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view),
                                                   g_str_equal (open, "add") ? "blacklist.add"
                                                                             : "blacklist.edit",
                                                   NULL));
      if (g_getenv ("CD_TEST_VIEW_MENU") != NULL)
        gtk_menu_button_popup (VIEW_CHILD (f, "menu_button"));
      if (g_getenv ("CD_TEST_MENU") != NULL)
        {
          cd_test_spin (300);
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view),
                                                     "blacklist.show-menu", NULL));
        }
      if (open != NULL && g_getenv ("CD_TEST_TALL") != NULL)
        gtk_window_set_default_size (GTK_WINDOW (find_dialog ()), 560, 990);
      cd_test_spin ((guint) g_ascii_strtoull (pause, NULL, 10) * 1000);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(name, func) g_test_add ("/ui/blacklist/" name, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("add-entry", test_add_entry);
  ADD ("search", test_search);
  ADD ("deactivate", test_deactivate);
  ADD ("delete-undo", test_delete_undo);
  ADD ("edit-and-error", test_edit_and_error);
  ADD ("from-case", test_from_case);
  ADD ("look", test_look);
#undef ADD

  return g_test_run ();
}
