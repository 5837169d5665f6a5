/* cd-bench-measure.c — runs a command and reports its wall time and peak memory
 *
 * Usage: cd-bench-measure RUNS COMMAND [ARGS…]
 *
 * Prints "SECONDS KIB": the median wall-clock time over RUNS runs and the largest resident
 * set seen, from wait4()'s rusage. The command's own output goes to /dev/null.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <glib.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  int runs;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  long peak_kib = 0;

  if (argc < 3)
    {
      g_printerr ("usage: %s RUNS COMMAND [ARGS…]\n", argv[0]);
      return 2;
    }
  runs = atoi (argv[1]);

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      struct rusage usage;
      int status;
      pid_t pid = fork ();
      double seconds;

      if (pid == 0)
        {
          int null_fd = open ("/dev/null", O_WRONLY);
          dup2 (null_fd, STDOUT_FILENO);
          if (g_getenv ("BENCH_QUIET_STDERR") != NULL)
            dup2 (null_fd, STDERR_FILENO);
          execvp (argv[2], argv + 2);
          _exit (127);
        }
      if (pid < 0 || wait4 (pid, &status, 0, &usage) < 0)
        return 1;
      seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      if (!WIFEXITED (status) || (WEXITSTATUS (status) != 0 && g_getenv ("BENCH_ANY_EXIT") == NULL))
        {
          g_printerr ("%s failed (status %d)\n", argv[2], status);
          return 1;
        }
      g_array_append_val (times, seconds);
      peak_kib = MAX (peak_kib, usage.ru_maxrss);
    }

  g_array_sort (times, compare_doubles);
  g_print ("%.4f %ld\n", g_array_index (times, double, times->len / 2), peak_kib);
  return 0;
}
