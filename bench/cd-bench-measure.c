/* cd-bench-measure.c — runs commands and reports their wall time, processor time and peak memory
 *
 * Usage: cd-bench-measure RUNS COMMAND [ARGS…]
 *
 * Prints "SECONDS KIB": the median wall-clock time over RUNS runs and the largest resident
 * set seen, from wait4()'s rusage. The command's own output goes to /dev/null.
 *
 * Usage: cd-bench-measure --interleave RUNS [--exit=N] COMMAND [ARGS…] [::: [--exit=N] COMMAND [ARGS…]]…
 *
 * Runs the commands round robin — the first, the second, …, the last, then again, RUNS
 * times, after one round that is not counted (it warms the page cache) — so that a change
 * in the machine's load falls on all of them alike. Prints one line a command:
 *
 *   WALL CPU KIB WALL_RATIO CPU_RATIO
 *
 * the median wall-clock time and the median processor time (user + system, from wait4()'s
 * rusage) in seconds, the largest resident set in KiB, and the median over the rounds of
 * the command's time divided by the first command's time in the same round (1 for the
 * first). A command must exit with status N (0 unless --exit says otherwise).
 *
 * In both forms BENCH_ANY_EXIT accepts any exit status, and BENCH_QUIET_STDERR sends the
 * commands' standard error to /dev/null as well.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  char  **argv;       /* borrowed from main()'s, NULL-terminated in place */
  int     exit_status;
  GArray *wall;       /* double seconds, one a counted round */
  GArray *cpu;
  GArray *wall_ratio;
  GArray *cpu_ratio;
  long    peak_kib;
} Command;

typedef struct
{
  double wall;
  double cpu;
  long   peak_kib;
  int    status;
} Run;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return 0.0;
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2.0;
}

static double
timeval_seconds (const struct timeval *tv)
{
  return tv->tv_sec + tv->tv_usec / (double) G_USEC_PER_SEC;
}

/* Returns: FALSE if the command could not be started or did not exit by itself */
static gboolean
run_once (char **argv,
          Run   *run)
{
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      int null_fd = open ("/dev/null", O_WRONLY);
      dup2 (null_fd, STDOUT_FILENO);
      if (g_getenv ("BENCH_QUIET_STDERR") != NULL)
        dup2 (null_fd, STDERR_FILENO);
      execvp (argv[0], argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) < 0)
    return FALSE;

  run->wall = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  run->cpu = timeval_seconds (&usage.ru_utime) + timeval_seconds (&usage.ru_stime);
  run->peak_kib = usage.ru_maxrss;
  run->status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return WIFEXITED (status);
}

static gboolean
exit_accepted (const Run *run,
               int        expected)
{
  return run->status == expected || (g_getenv ("BENCH_ANY_EXIT") != NULL && run->status != 127);
}

static int
measure_one (int    runs,
             char **argv)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  long peak_kib = 0;

  for (int i = 0; i < runs; i++)
    {
      Run run;

      if (!run_once (argv, &run) || !exit_accepted (&run, 0))
        {
          g_printerr ("%s failed (exit status %d)\n", argv[0], run.status);
          return 1;
        }
      g_array_append_val (times, run.wall);
      peak_kib = MAX (peak_kib, run.peak_kib);
    }

  g_print ("%.4f %ld\n", median (times), peak_kib);
  return 0;
}

/* Splits argv at each ":::" into commands, reading an optional leading --exit=N. */
static GPtrArray *
parse_commands (int    argc,
                char **argv)
{
  GPtrArray *commands = g_ptr_array_new ();
  int i = 0;

  while (i < argc)
    {
      Command *command = g_new0 (Command, 1);

      if (g_str_has_prefix (argv[i], "--exit="))
        command->exit_status = atoi (argv[i++] + strlen ("--exit="));
      command->argv = argv + i;
      while (i < argc && strcmp (argv[i], ":::") != 0)
        i++;
      if (i < argc)
        argv[i++] = NULL; /* ends this command's argv */
      if (command->argv[0] == NULL)
        {
          g_free (command);
          continue;
        }
      command->wall = g_array_new (FALSE, FALSE, sizeof (double));
      command->cpu = g_array_new (FALSE, FALSE, sizeof (double));
      command->wall_ratio = g_array_new (FALSE, FALSE, sizeof (double));
      command->cpu_ratio = g_array_new (FALSE, FALSE, sizeof (double));
      g_ptr_array_add (commands, command);
    }
  return commands;
}

static int
measure_interleaved (int    runs,
                     int    argc,
                     char **argv)
{
  g_autoptr(GPtrArray) commands = parse_commands (argc, argv);
  g_autofree Run *round = NULL;

  if (commands->len == 0)
    return 2;
  round = g_new0 (Run, commands->len);

  /* Round 0 warms up and is not counted. */
  for (int r = 0; r <= runs; r++)
    {
      for (guint c = 0; c < commands->len; c++)
        {
          Command *command = g_ptr_array_index (commands, c);

          if (!run_once (command->argv, &round[c]) ||
              !exit_accepted (&round[c], command->exit_status))
            {
              g_printerr ("%s: exit status %d, expected %d\n", command->argv[0],
                          round[c].status, command->exit_status);
              return 1;
            }
        }
      if (r == 0)
        continue;

      for (guint c = 0; c < commands->len; c++)
        {
          Command *command = g_ptr_array_index (commands, c);
          double wall_ratio = round[c].wall / round[0].wall;
          double cpu_ratio = round[0].cpu > 0.0 ? round[c].cpu / round[0].cpu : 0.0;

          g_array_append_val (command->wall, round[c].wall);
          g_array_append_val (command->cpu, round[c].cpu);
          g_array_append_val (command->wall_ratio, wall_ratio);
          g_array_append_val (command->cpu_ratio, cpu_ratio);
          command->peak_kib = MAX (command->peak_kib, round[c].peak_kib);
        }
    }

  for (guint c = 0; c < commands->len; c++)
    {
      Command *command = g_ptr_array_index (commands, c);

      g_print ("%.5f %.5f %ld %.4f %.4f\n", median (command->wall), median (command->cpu),
               command->peak_kib, median (command->wall_ratio), median (command->cpu_ratio));
      g_array_unref (command->wall);
      g_array_unref (command->cpu);
      g_array_unref (command->wall_ratio);
      g_array_unref (command->cpu_ratio);
      g_free (command);
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc >= 4 && strcmp (argv[1], "--interleave") == 0)
    return measure_interleaved (atoi (argv[2]), argc - 3, argv + 3);

  if (argc < 3)
    {
      g_printerr ("usage: %s RUNS COMMAND [ARGS…]\n"
                  "       %s --interleave RUNS [--exit=N] COMMAND [ARGS…] "
                  "[::: [--exit=N] COMMAND [ARGS…]]…\n", argv[0], argv[0]);
      return 2;
    }
  return measure_one (atoi (argv[1]), argv + 2);
}
