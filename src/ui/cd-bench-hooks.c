/* cd-bench-hooks.c — what the benchmarks in bench/ read from a running CompDesk
 *
 * With COMPDESK_BENCH_FIRST_FRAME set, the window writes the monotonic time of its first
 * painted frame (the frame clock's after-paint) and the processor time the process has used
 * by then to stderr as "first-frame USEC CPU_USEC" and closes, so a benchmark can time
 * start-up from outside the process (the processor time varies less on a busy machine).
 *
 * With COMPDESK_BENCH_SCROLL=FRAMES set, the window waits until its first frame, then scrolls
 * the case list's rows from top to bottom, moving the adjustment
 * once per frame tick by a screenful, or by COMPDESK_BENCH_SCROLL_ROWS rows when that is set,
 * turning back at either end, for FRAMES frames.
 * For each frame it writes "scroll-frame WORK_USEC INTERVAL_USEC CPU_USEC": the time from the
 * frame clock's update phase (where the scroll happens) to the end of its after-paint, the time
 * since the previous frame's after-paint, and the processor time the thread used between the
 * first two (which varies less on a busy machine). Then it closes the window.
 *
 * Without either variable, nothing happens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-bench-hooks"

#include <stdlib.h>
#include <time.h>

#include "cd-bench-hooks.h"

typedef struct
{
  GtkWindow     *window;
  GtkListView   *view;
  GtkAdjustment *adjustment;
  GdkFrameClock *clock;
  gulong         update_handler;
  gulong         after_paint_handler;
  guint          frames_left;
  guint          rows;
  gint64         update_at;
  gint64         update_cpu;
  gint64         last_paint_at;
  double         direction;
  gboolean       scrolled;
} Scroll;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "cd-first-frame"));

  struct timespec cpu;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
  g_printerr ("first-frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", g_get_monotonic_time (),
              (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000);
  g_signal_handler_disconnect (clock, handler);
  gtk_window_close (window);
}

static void
on_realize_cb (GtkWidget *widget,
               gpointer   user_data)
{
  gulong handler = g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                                            G_CALLBACK (on_after_paint_cb), widget, 0);

  g_object_set_data (G_OBJECT (widget), "cd-first-frame", GSIZE_TO_POINTER (handler));
}

/* Scrolling */

/* The case list's rows (its titles are a column view of their own, above them) */
static GtkWidget *
find_case_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "case-list") &&
      gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_case_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
scroll_one_step (Scroll *scroll)
{
  GtkAdjustment *adj = scroll->adjustment;
  double page = gtk_adjustment_get_page_size (adj);
  double lower = gtk_adjustment_get_lower (adj);
  double upper = gtk_adjustment_get_upper (adj) - page;
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (scroll->view));
  guint n_items = g_list_model_get_n_items (model);
  double step = scroll->rows > 0 && n_items > 0
                ? gtk_adjustment_get_upper (adj) / n_items * scroll->rows : page;
  double value = gtk_adjustment_get_value (adj) + scroll->direction * step;

  if (value >= upper || value <= lower)
    {
      value = CLAMP (value, lower, upper);
      scroll->direction = -scroll->direction;
    }
  gtk_adjustment_set_value (adj, value);
}

static gint64
thread_cpu_time (void)
{
  struct timespec cpu;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu);
  return (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000;
}

static void
on_scroll_update_cb (GdkFrameClock *clock,
                     Scroll        *scroll)
{
  scroll->update_at = g_get_monotonic_time ();
  scroll->update_cpu = thread_cpu_time ();
  if (scroll->adjustment != NULL)
    {
      scroll_one_step (scroll);
      scroll->scrolled = TRUE;
    }
}

static void
on_scroll_after_paint_cb (GdkFrameClock *clock,
                          Scroll        *scroll)
{
  gint64 now = g_get_monotonic_time ();

  if (scroll->adjustment == NULL)
    {
      /* The first frame is up: now there is a list to scroll. */
      GtkWidget *view = find_case_list (GTK_WIDGET (scroll->window));

      if (view == NULL)
        {
          g_printerr ("scroll: no case list\n");
          gtk_window_close (scroll->window);
          return;
        }
      scroll->view = GTK_LIST_VIEW (view);
      scroll->adjustment = g_object_ref (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)));
    }
  else if (scroll->scrolled)
    {
      g_printerr ("scroll-frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                  " %" G_GINT64_FORMAT "\n", now - scroll->update_at, now - scroll->last_paint_at,
                  thread_cpu_time () - scroll->update_cpu);
      if (--scroll->frames_left == 0)
        {
          g_signal_handler_disconnect (clock, scroll->update_handler);
          g_signal_handler_disconnect (clock, scroll->after_paint_handler);
          g_clear_object (&scroll->adjustment);
          gtk_window_close (scroll->window);
          return;
        }
    }
  scroll->scrolled = FALSE;
  scroll->last_paint_at = now;
  /* Keep frames coming even when nothing else asks for them. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_UPDATE);
}

static void
on_scroll_realize_cb (GtkWidget *widget,
                      Scroll    *scroll)
{
  scroll->clock = gtk_widget_get_frame_clock (widget);
  scroll->update_handler = g_signal_connect (scroll->clock, "update",
                                             G_CALLBACK (on_scroll_update_cb), scroll);
  scroll->after_paint_handler = g_signal_connect (scroll->clock, "after-paint",
                                                  G_CALLBACK (on_scroll_after_paint_cb), scroll);
}

void
cd_bench_hooks_watch_first_frame (GtkWindow *window)
{
  const char *scroll_frames = g_getenv ("COMPDESK_BENCH_SCROLL");

  if (scroll_frames != NULL)
    {
      const char *rows = g_getenv ("COMPDESK_BENCH_SCROLL_ROWS");
      Scroll *scroll = g_new0 (Scroll, 1);

      scroll->window = window;
      scroll->frames_left = MAX (1, atoi (scroll_frames));
      scroll->rows = rows != NULL ? (guint) MAX (0, atoi (rows)) : 0;
      scroll->direction = 1;
      /* Lives as long as the process: the benchmark ends with the window. */
      g_signal_connect (window, "realize", G_CALLBACK (on_scroll_realize_cb), scroll);
      return;
    }
  if (g_getenv ("COMPDESK_BENCH_FIRST_FRAME") == NULL)
    return;
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
}
