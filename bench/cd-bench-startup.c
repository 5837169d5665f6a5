/* cd-bench-startup.c — time from process start to the first painted frame, and peak memory
 *
 * Usage: cd-bench-startup RUNS COMMAND [ARGS…] [-- COMMAND [ARGS…]]…
 *
 * Starts each COMMAND RUNS times with COMPDESK_BENCH_FIRST_FRAME=1 (see
 * src/ui/cd-bench-hooks.c), in rounds (the first command, the second …, then again), so that
 * a change in the machine's load falls on every command alike. It reads the
 * "first-frame USEC CPU_USEC" line each run writes to stderr (CLOCK_MONOTONIC, the same clock
 * as here; the process's processor time), and prints one line per command,
 * "MEDIAN_MS PEAK_KIB MEDIAN_CPU_MS": the median time from fork to first frame, the largest
 * resident set of its runs and the median processor time it used until its first frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static double
run_once (char  **argv,
          long   *peak_kib,
          double *cpu_ms)
{
  int fds[2];
  gint64 start;
  pid_t pid;
  FILE *err;
  char line[512];
  double ms = -1;
  struct rusage usage;
  int status;

  if (pipe (fds) != 0)
    return -1;
  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      int null_fd = open ("/dev/null", O_WRONLY);

      dup2 (null_fd, STDOUT_FILENO);
      dup2 (fds[1], STDERR_FILENO);
      close (fds[0]);
      setenv ("COMPDESK_BENCH_FIRST_FRAME", "1", TRUE);
      execvp (argv[0], argv);
      _exit (127);
    }
  close (fds[1]);
  err = fdopen (fds[0], "r");
  while (fgets (line, sizeof line, err) != NULL)
    {
      gint64 at, cpu = 0;

      /* An older CompDesk gives no processor time. */
      if (sscanf (line, "first-frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &at, &cpu) >= 1)
        {
          ms = (at - start) / 1000.0;
          *cpu_ms = cpu / 1000.0;
        }
    }
  fclose (err);
  if (wait4 (pid, &status, 0, &usage) < 0)
    return -1;
  *peak_kib = MAX (*peak_kib, usage.ru_maxrss);
  return ms;
}

typedef struct
{
  char   **argv;
  GArray  *times;
  GArray  *cpu_times;
  long     peak_kib;
} Command;

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) commands = g_ptr_array_new ();
  int runs;

  if (argc < 3)
    {
      g_printerr ("usage: %s RUNS COMMAND [ARGS…] [-- COMMAND [ARGS…]]…\n", argv[0]);
      return 2;
    }
  runs = atoi (argv[1]);
  /* Splits the arguments at each "--" into NULL-terminated command lines, in place. */
  for (int i = 2; i < argc;)
    {
      Command *command = g_new0 (Command, 1);

      command->argv = argv + i;
      command->times = g_array_new (FALSE, FALSE, sizeof (double));
      command->cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_ptr_array_add (commands, command);
      while (i < argc && strcmp (argv[i], "--") != 0)
        i++;
      if (i < argc)
        argv[i++] = NULL;
    }

  for (int round = 0; round < runs; round++)
    for (guint c = 0; c < commands->len; c++)
      {
        Command *command = g_ptr_array_index (commands, c);
        double cpu_ms = 0;
        double ms = run_once (command->argv, &command->peak_kib, &cpu_ms);

        if (ms < 0)
          {
            g_printerr ("%s: no first frame\n", command->argv[0]);
            return 1;
          }
        g_array_append_val (command->times, ms);
        g_array_append_val (command->cpu_times, cpu_ms);
      }

  for (guint c = 0; c < commands->len; c++)
    {
      Command *command = g_ptr_array_index (commands, c);

      g_print ("%.1f %ld %.1f\n", median (command->times), command->peak_kib,
               median (command->cpu_times));
      g_array_unref (command->times);
      g_array_unref (command->cpu_times);
      g_free (command);
    }
  return 0;
}
