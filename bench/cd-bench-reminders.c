/* cd-bench-reminders.c — what the reminders cost each minute on a large database
 *
 * Usage: cd-bench-reminders DATABASE
 *
 * Works on a copy of DATABASE (the reminders write down how far they have got). Prints, as
 * medians of RUNS runs against the median of one pass over every case on the same copy
 * (`SELECT SUM (updated_at - created_at) FROM cases`, which no index answers; the reference):
 *   - the first check ever, which tells of everything already due (reading four, counting
 *     the rest, as the application does);
 *   - a check a minute later, what the running application does every minute;
 *   - asking after one notified item (cd_due_item_is_pending), done for each notification
 *     still shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "cd-due-list.h"
#include "cd-reminders.h"
#include "cd-time.h"

#define RUNS 11
#define MINUTE ((gint64) 60 * G_USEC_PER_SEC)

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(CdDatabase) db = NULL;
  g_autoptr(CdReminders) reminders = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GArray) count_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) check_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) item_times = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 now = cd_time_now ();
  gint64 n_due = 0;
  double first_ms, count_ms, check_ms, item_ms;
  gint64 start;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s DATABASE\n", argv[0]);
      return 2;
    }
  dir = g_dir_make_tmp ("cd-bench-reminders-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  copy = g_build_filename (dir, "copy.db", NULL);
  from = g_file_new_for_path (argv[1]);
  to = g_file_new_for_path (copy);
  if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  db = cd_database_open (copy, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  reminders = cd_reminders_new (db);

  for (int run = 0; run < RUNS; run++)
    {
      sqlite3_stmt *stmt = cd_database_prepare (db, "SELECT SUM (updated_at - created_at) FROM cases", &error);
      double ms;

      start = g_get_monotonic_time ();
      if (stmt == NULL || cd_database_step (db, stmt, &error) != CD_STEP_ROW)
        g_error ("%s", error->message);
      cd_database_release (stmt);
      ms = since (start);
      g_array_append_val (count_times, ms);
    }
  count_ms = median (count_times);

  start = g_get_monotonic_time ();
  first = cd_reminders_take (reminders, now, 4, &n_due, &error);
  if (first == NULL)
    g_error ("%s", error->message);
  first_ms = since (start);

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(GPtrArray) items = NULL;
      double ms;

      now += MINUTE;
      start = g_get_monotonic_time ();
      items = cd_reminders_take (reminders, now, 4, NULL, &error);
      if (items == NULL)
        g_error ("%s", error->message);
      ms = since (start);
      g_array_append_val (check_times, ms);
    }
  check_ms = median (check_times);

  for (int run = 0; run < RUNS && first->len > 0; run++)
    {
      gboolean pending;
      double ms;

      start = g_get_monotonic_time ();
      if (!cd_due_item_is_pending (db, g_ptr_array_index (first, first->len / 2), &pending,
                                   &error))
        g_error ("%s", error->message);
      ms = since (start);
      g_array_append_val (item_times, ms);
    }
  item_ms = first->len > 0 ? median (item_times) : 0;

  g_print ("median of %d runs\n", RUNS);
  g_print ("one pass over every case (reference):   %9.3f ms  1.00×\n", count_ms);
  g_print ("first check ever (%6" G_GINT64_FORMAT " items due):     %9.3f ms  %.3f×\n", n_due,
           first_ms, first_ms / count_ms);
  g_print ("check a minute later:                   %9.3f ms  %.4f×\n", check_ms,
           check_ms / count_ms);
  g_print ("is one notified item still pending:     %9.3f ms  %.4f×\n", item_ms,
           item_ms / count_ms);

  g_clear_object (&reminders);
  g_clear_object (&db);
  for (const char *suffix = ""; suffix != NULL;
       suffix = *suffix == '\0' ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *path = g_strconcat (copy, suffix, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}
