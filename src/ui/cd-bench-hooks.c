/* cd-bench-hooks.c — what bench/startup reads from a running CompDesk
 *
 * With COMPDESK_BENCH_FIRST_FRAME set, the window writes the monotonic time of its first
 * painted frame (the frame clock's after-paint) to stderr as "first-frame USEC" and closes,
 * so a benchmark can time start-up from outside the process. Without it, nothing happens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-bench-hooks"

#include "cd-bench-hooks.h"

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "cd-first-frame"));

  g_printerr ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
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

void
cd_bench_hooks_watch_first_frame (GtkWindow *window)
{
  if (g_getenv ("COMPDESK_BENCH_FIRST_FRAME") == NULL)
    return;
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
}
