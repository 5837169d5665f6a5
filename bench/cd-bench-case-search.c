/* cd-bench-case-search.c — search-as-you-type latency on the case list
 *
 * Usage: cd-bench-case-search DATABASE
 *
 * For each query, sets it on a CdCaseListModel of all cases (as typing in the search field
 * does) and reads the first 50 rows, as the view would to show them: the answer. Then runs the
 * main loop until the model has read all its ids in idle time (a broad search is counted
 * there): complete. Prints the median of 20 runs of each, and the same for an empty search as
 * the reference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "cd-case-list-model.h"

#define RUNS 20

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
time_query (CdCaseListModel *model,
            CdCaseQuery     *query,
            const char      *text,
            guint           *n,
            double          *complete_ms)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) complete = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < RUNS; run++)
    {
      gint64 start;
      double ms;

      /* From another search, as typing changes it. */
      g_free (query->search);
      query->search = g_strdup ("zzzz");
      cd_case_list_model_set_query (model, query, NULL);
      while (g_main_context_iteration (NULL, FALSE))
        ;

      start = g_get_monotonic_time ();
      g_free (query->search);
      query->search = g_strdup (text);
      cd_case_list_model_set_query (model, query, NULL);
      *n = g_list_model_get_n_items (G_LIST_MODEL (model));
      for (guint i = 0; i < MIN (*n, 50); i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);

      while (g_main_context_iteration (NULL, FALSE))
        ;
      *n = g_list_model_get_n_items (G_LIST_MODEL (model));
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (complete, ms);
    }
  *complete_ms = median (complete);
  return median (times);
}

int
main (int   argc,
      char *argv[])
{
  const char *queries[] = { "", "d", "dana", "damaged", "破", "破损", "13800", "3521998" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDatabase) db = NULL;
  g_autoptr(CdCaseRepository) cases = NULL;
  g_autoptr(CdCaseQuery) query = cd_case_query_new (CD_VIEW_ALL);
  g_autoptr(CdCaseListModel) model = NULL;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s DATABASE\n", argv[0]);
      return 2;
    }
  db = cd_database_open (argv[1], &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  cases = cd_case_repository_new (db);
  model = cd_case_list_model_new (cases, query);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      guint n = 0;
      double complete = 0;
      double ms = time_query (model, query, queries[i], &n, &complete);

      g_print ("%-10s %8u matches  answer %7.2f ms  complete %7.2f ms\n",
               queries[i][0] ? queries[i] : "(none)", n, ms, complete);
    }
  return 0;
}
