/* test-ui-safekeeping.c — the database fails under a running window: damage found during
 * ordinary work, a full disk during a save. Under Xvfb.
 *
 * Damage is made as failing storage makes it: the pages of the open file are overwritten in
 * place, and the connection's cache is emptied so that the next read meets them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cd-backup.h"
#include "cd-case-form.h"
#include "cd-safekeeping.h"
#include "cd-test-ui.h"
#include "cd-test-util.h"
#include "cd-time.h"
#include "cd-window.h"

/* The file size the full-disk test allows, below what one save of the buyer's words needs */
#define LIMIT ((rlim_t) 16 * 1024)

/* One registered application for the whole program, as in CompDesk itself. */
static GtkApplication *application;

typedef struct
{
  char       *dir;
  char       *path;
  CdDatabase *db;
  CdWindow   *window;       /* weak */
  CdCaseForm *form;         /* weak */
  char       *restored_from;
  GLogLevelFlags saved_fatal_mask;  /* 0 unless warnings are expected */
} Fixture;

/* Helpers */

/* The list and the counts log what they could not read: once the file is damaged on
 * purpose, warnings are expected, criticals still are not. */
static void
expect_warnings (Fixture  *f,
                 gboolean  expected)
{
  if (expected && f->saved_fatal_mask == 0)
    f->saved_fatal_mask = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  else if (!expected && f->saved_fatal_mask != 0)
    {
      g_log_set_always_fatal (f->saved_fatal_mask);
      f->saved_fatal_mask = 0;
    }
}

static void
add_cases (CdDatabase *db,
           const char *prefix,
           int         n)
{
  g_autoptr(CdCaseRepository) cases = cd_case_repository_new (db);
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < n; i++)
    {
      g_autoptr(CdCase) kase = cd_case_new ();
      g_autofree char *name = g_strdup_printf ("%s %d — 买家", prefix, i);

      cd_case_set_string (&kase->customer_name, name);
      cd_case_set_string (&kase->description, "The lid was cracked when it arrived. 盖子裂了");
      g_assert_true (cd_case_repository_insert (cases, kase, &error));
      g_assert_no_error (error);
    }
}

static gint64
count_cases (CdDatabase *db)
{
  g_autoptr(CdCaseRepository) cases = cd_case_repository_new (db);
  g_autoptr(GError) error = NULL;
  gint64 n = cd_case_repository_count (cases, &error);

  g_assert_no_error (error);
  return n;
}

static void
open_window (Fixture *f)
{
  f->window = cd_window_new (application, f->db, NULL);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  cd_test_spin (100);
}

/* A new case typed in the window's own form, not yet saved. */
static void
type_new_case (Fixture *f)
{
  g_autoptr(GList) toplevels = NULL;
  GObject *row;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL);
  cd_test_spin (50);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CD_IS_CASE_FORM (l->data))
      f->form = l->data;
  g_assert_nonnull (f->form);
  g_object_add_weak_pointer (G_OBJECT (f->form), (gpointer *) &f->form);

  row = gtk_widget_get_template_child (GTK_WIDGET (f->form), CD_TYPE_CASE_FORM, "name_row");
  gtk_editable_set_text (GTK_EDITABLE (row), "Dana 王");
  row = gtk_widget_get_template_child (GTK_WIDGET (f->form), CD_TYPE_CASE_FORM, "product_row");
  gtk_editable_set_text (GTK_EDITABLE (row), "Teapot");
}

static const char *
form_text (Fixture    *f,
           const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (
    gtk_widget_get_template_child (GTK_WIDGET (f->form), CD_TYPE_CASE_FORM, name)));
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

/* Every page but the first, overwritten where it lies; nothing of it left in the cache. */
static void
damage_database (Fixture *f)
{
  g_autofree char *junk = g_malloc (4096);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  int fd;

  g_assert_true (cd_database_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 8192);
  memset (junk, 0x5A, 4096);
  fd = g_open (f->path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (goffset offset = 4096; offset < st.st_size; offset += 4096)
    g_assert_cmpint (pwrite (fd, junk, 4096, offset), ==, 4096);
  g_assert_true (g_close (fd, NULL));
  sqlite3_db_release_memory (cd_database_get_handle (f->db));
  expect_warnings (f, TRUE);
}

static guint
count_kept_aside (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "test.db.damaged-") && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      n++;
  return n;
}

/* What CdApplication does when the seller chooses a backup: the window on the damaged
 * file closes, the copy takes its place, a window opens on it and the forms move there. */
static void
restore_cb (const char *backup,
            gpointer    user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *forms = cd_safekeeping_hold_forms (f->db);

  f->restored_from = g_strdup (backup);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->db);
  g_assert_true (cd_backup_restore (backup, f->path, cd_time_now (), NULL, &error));
  g_assert_no_error (error);
  f->db = cd_database_open (f->path, &error);
  g_assert_no_error (error);
  expect_warnings (f, FALSE);
  open_window (f);
  cd_safekeeping_watch (GTK_WINDOW (f->window), f->db, restore_cb, f);
  cd_safekeeping_hand_over_forms (forms, f->window);
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->db = cd_test_open_database (f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GList) toplevels = NULL;

  if (f->form != NULL)
    gtk_window_destroy (GTK_WINDOW (f->form));
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  cd_test_spin (50);
  expect_warnings (f, FALSE);
  g_clear_object (&f->db);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->restored_from);
}

/* Tests */

/* Damage met by a save in the case form: the form keeps what was typed and says the save
 * failed; the seller learns the file is damaged, a copy of it is kept aside, and the newest
 * backup is offered. After the restore the form is still there, on the restored database,
 * and saving it works. */
static void
test_damage_during_save (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  add_cases (f->db, "before", 40);
  backup = cd_backup_make (f->db, cd_time_now (), &error);
  g_assert_no_error (error);
  add_cases (f->db, "after", 5);
  open_window (f);
  cd_safekeeping_watch (GTK_WINDOW (f->window), f->db, restore_cb, f);
  type_new_case (f);

  damage_database (f);
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  cd_test_spin (100);

  /* The form stays, with what was typed, and says why it did not save. */
  g_assert_nonnull (f->form);
  g_assert_cmpstr (form_text (f, "name_row"), ==, "Dana 王");
  g_assert_cmpstr (form_text (f, "product_row"), ==, "Teapot");
  dialog = find_dialog ("Could Not Save the Case");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "damaged"));
  adw_message_dialog_response (dialog, "close");

  /* The damage is reported once, with the newest backup offered and the file kept aside. */
  g_assert_nonnull (cd_database_get_damage (f->db));
  dialog = find_dialog ("The Database Is Damaged");
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "damaged"));
  g_assert_nonnull (strstr (body, "test.db.damaged-"));
  g_assert_nonnull (strstr (body, "compdesk-"));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "restore");
  g_assert_cmpuint (count_kept_aside (f), ==, 1);

  /* Further failures (the list, the counts) bring no second dialog. */
  cd_window_show_view (f->window, "closed");
  cd_test_spin (100);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    guint n = 0;

    for (GList *l = toplevels; l != NULL; l = l->next)
      n += ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
           g_strcmp0 (adw_message_dialog_get_heading (l->data), "The Database Is Damaged") == 0;
    g_assert_cmpuint (n, ==, 1);
  }

  adw_message_dialog_response (dialog, "restore");
  cd_test_spin (100);
  g_assert_cmpstr (f->restored_from, ==, backup);
  g_assert_nonnull (f->window);
  /* The copy made when the damage was found, and the file put aside by the restore. */
  g_assert_cmpuint (count_kept_aside (f), ==, 2);
  g_assert_cmpint (count_cases (f->db), ==, 40);

  /* The form moved to the restored database with its typing, and saves there. */
  g_assert_nonnull (f->form);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->form)) == GTK_WINDOW (f->window));
  g_assert_true (cd_case_repository_get_database (cd_case_form_get_repository (f->form)) == f->db);
  g_assert_cmpstr (form_text (f, "name_row"), ==, "Dana 王");
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  cd_test_spin (100);
  g_assert_null (f->form);
  g_assert_cmpint (count_cases (f->db), ==, 41);
  g_assert_cmpstr (cd_window_get_visible_page (f->window), ==, "case");
  g_assert_null (find_dialog ("The Database Is Damaged"));
  g_assert_null (cd_database_get_damage (f->db));
}

/* Damage met by a list query, with no backup to offer: the dialog says so and where the
 * copy of the damaged file is; it offers nothing it cannot do. */
static void
test_damage_without_backup (Fixture       *f,
                            gconstpointer  data)
{
  AdwMessageDialog *dialog;
  const char *body;

  add_cases (f->db, "case", 40);
  open_window (f);
  cd_safekeeping_watch (GTK_WINDOW (f->window), f->db, restore_cb, f);

  damage_database (f);
  cd_window_show_view (f->window, "closed");
  cd_test_spin (100);

  dialog = find_dialog ("The Database Is Damaged");
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "no backup"));
  g_assert_nonnull (strstr (body, "test.db.damaged-"));
  g_assert_false (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_true (adw_message_dialog_has_response (dialog, "close"));
  g_assert_cmpuint (count_kept_aside (f), ==, 1);

  adw_message_dialog_response (dialog, "close");
  cd_test_spin (50);
  g_assert_null (f->restored_from);
  /* Nothing was replaced: the damaged file is still where it was. */
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* A save that runs out of space (RLIMIT_FSIZE stands in for a full disk: writes past the
 * limit fail with EFBIG) keeps the form and what was typed, says what happened, writes
 * nothing, and works once there is room again. */
static void
test_size_limit_during_save (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GString) words = g_string_new (NULL);
  struct rlimit saved;
  struct rlimit limit;
  AdwMessageDialog *dialog;
  GtkTextBuffer *buffer;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  add_cases (f->db, "case", 10);
  open_window (f);
  type_new_case (f);
  /* The buyer's words: more than the limit leaves room for (and less than the case page
   * can lay out in one label). */
  for (int i = 0; i < 500; i++)
    g_string_append (words, "茶叶罐压扁了 The tea tin arrived crushed.\n");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (
    gtk_widget_get_template_child (GTK_WIDGET (f->form), CD_TYPE_CASE_FORM,
                                   "description_view")));
  gtk_text_buffer_set_text (buffer, words->str, -1);

  /* A commit in WAL mode writes the -wal only, from its start once it is emptied here: a
   * limit below the size of the words makes the commit fail, whatever the file sizes. */
  g_assert_true (cd_database_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = MIN (saved.rlim_cur, LIMIT);
  g_assert_true (signal (SIGXFSZ, SIG_IGN) != SIG_ERR);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  cd_test_spin (100);

  g_assert_nonnull (f->form);
  g_assert_cmpstr (form_text (f, "name_row"), ==, "Dana 王");
  {
    GtkTextIter start;
    GtkTextIter end;
    g_autofree char *kept = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    kept = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (kept, ==, words->str);
  }
  dialog = find_dialog ("Could Not Save the Case");
  g_assert_nonnull (dialog);
  g_test_message ("the save failed with: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "disk"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "still in the form"));
  g_assert_cmpint (count_cases (f->db), ==, 10);
  /* A disk error is not damage. */
  g_assert_null (cd_database_get_damage (f->db));

  adw_message_dialog_response (dialog, "close");
  cd_test_spin (50);
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  cd_test_spin (100);
  g_assert_null (f->form);
  g_assert_cmpint (count_cases (f->db), ==, 11);
}

/* Writes zeros to @path until the file system is full. */
static void
fill_file_system (const char *path)
{
  g_autofree char *zeros = g_malloc0 (64 * 1024);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, zeros, 64 * 1024) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  g_assert_true (g_close (fd, NULL));
}

/* A real full disk, ENOSPC rather than a size limit: a small tmpfs in a mount namespace of
 * the test's own (root only: GTK has started threads, and a user namespace needs a process
 * with one). The form keeps the typing and gives the advice for a full disk. */
static void
test_disk_full_during_save (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *reason = NULL;
  g_autofree char *mount_point = g_build_filename (f->dir, "small-disk", NULL);
  g_autofree char *filler = g_build_filename (mount_point, "filler", NULL);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (!g_test_subprocess ())
    {
      if (geteuid () != 0)
        {
          g_test_skip ("a tmpfs of the test's own needs root here");
          return;
        }
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_cmpint (g_mkdir (mount_point, 0700), ==, 0);
  if (!cd_test_enter_mount_namespace (&reason) ||
      mount ("tmpfs", mount_point, "tmpfs", 0, "size=4m,mode=0700") != 0)
    g_error ("cannot mount a tmpfs: %s", reason != NULL ? reason : g_strerror (errno));
  g_clear_object (&f->db);
  g_free (f->path);
  f->path = g_build_filename (mount_point, "test.db", NULL);
  f->db = cd_database_open (f->path, &error);
  g_assert_no_error (error);
  add_cases (f->db, "case", 10);
  open_window (f);
  type_new_case (f);
  g_assert_true (cd_database_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);

  fill_file_system (filler);
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  cd_test_spin (100);

  g_assert_nonnull (f->form);
  g_assert_cmpstr (form_text (f, "name_row"), ==, "Dana 王");
  g_assert_cmpstr (form_text (f, "product_row"), ==, "Teapot");
  dialog = find_dialog ("Could Not Save the Case");
  g_assert_nonnull (dialog);
  g_test_message ("the save failed with: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The disk is full"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Free some disk space"));
  g_assert_null (cd_database_get_damage (f->db));

  /* Space again: the same form saves. */
  adw_message_dialog_response (dialog, "close");
  g_assert_cmpint (g_unlink (filler), ==, 0);
  cd_test_spin (50);
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  cd_test_spin (100);
  g_assert_null (f->form);
  g_assert_cmpint (count_cases (f->db), ==, 11);
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* A database on a read-only file system (root only, as above) opens, says it is read-only,
 * and a save says why it failed and keeps the typing. */
static void
test_read_only_file_system (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (!g_test_subprocess ())
    {
      if (geteuid () != 0)
        {
          g_test_skip ("a read-only mount of the test's own needs root here");
          return;
        }
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  add_cases (f->db, "case", 3);
  g_clear_object (&f->db);
  if (!cd_test_enter_mount_namespace (&reason) ||
      mount (f->dir, f->dir, NULL, MS_BIND, NULL) != 0 ||
      mount (NULL, f->dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0)
    g_error ("cannot mount read-only: %s", reason != NULL ? reason : g_strerror (errno));
  f->db = cd_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_database_is_read_only (f->db));

  open_window (f);
  g_assert_true (shows_label (GTK_WIDGET (f->window),
                              "This database is read-only: changes cannot be saved"));
  g_assert_cmpint (count_cases (f->db), ==, 3);

  type_new_case (f);
  gtk_widget_activate_action (GTK_WIDGET (f->form), "form.save", NULL);
  cd_test_spin (100);
  g_assert_nonnull (f->form);
  g_assert_cmpstr (form_text (f, "name_row"), ==, "Dana 王");
  dialog = find_dialog ("Could Not Save the Case");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be written to"));
  g_assert_null (cd_database_get_damage (f->db));
  g_assert_cmpint (count_cases (f->db), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  application = GTK_APPLICATION (adw_application_new ("com.example.CompDesk.Test",
                                                      G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

#define ADD(name, func) g_test_add ("/ui/safekeeping/" name, Fixture, NULL, fixture_set_up, \
                                    func, fixture_tear_down)
  ADD ("damage-during-save", test_damage_during_save);
  ADD ("damage-without-backup", test_damage_without_backup);
  ADD ("size-limit-during-save", test_size_limit_during_save);
  ADD ("disk-full-during-save", test_disk_full_during_save);
  ADD ("read-only-file-system", test_read_only_file_system);
#undef ADD

  return g_test_run ();
}
