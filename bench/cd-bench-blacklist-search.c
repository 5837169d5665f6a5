/* cd-bench-blacklist-search.c — how fast the blacklist list model answers a search
 *
 * Usage: cd-bench-blacklist-search DATABASE [RUNS]
 *
 * For each search text: the wall time of cd_blacklist_list_model_set_search() plus reading
 * the first 50 items (what the view shows first), median of RUNS (default 20), measured two
 * ways: "warm", one model searching text after text (as the user types), so the set of
 * inactive ids and the entries already read are kept; and "cold", a new model for every
 * measurement (its creation not counted), so the search reads everything it needs. Then the
 * one-off costs: creating the model (every entry, newest first), and one entry deactivated
 * and reactivated while every entry is listed, written inside an open transaction so that
 * the disk's flush is not what is measured.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdlib.h>

#include "cd-blacklist-list-model.h"

#define FIRST_ITEMS 50

/* The four of the brief, then the worst case: a prefix every nickname starts with. */
static const char *const searches[] = { "Ｂｕｙｅｒ12345", "buyer9", "139", "dy_880005", "b" };

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
now_ms (void)
{
  return (double) g_get_monotonic_time () / 1000.0;
}

static CdBlacklistListModel *
new_model (CdBlacklistRepository *repository)
{
  g_autoptr(GError) error = NULL;
  CdBlacklistListModel *model = cd_blacklist_list_model_new (repository, &error);

  if (model == NULL)
    g_error ("Cannot read the blacklist: %s", error->message);
  return model;
}

/* Returns: milliseconds for the search and the first items */
static double
measure (CdBlacklistListModel *model,
         const char           *text,
         guint                *n_items)
{
  g_autoptr(GError) error = NULL;
  double start = now_ms ();
  guint n;

  if (!cd_blacklist_list_model_set_search (model, text, &error))
    g_error ("Cannot search: %s", error->message);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < MIN (n, FIRST_ITEMS); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  *n_items = n;
  return now_ms () - start;
}

static void
run_searches (CdBlacklistRepository *repository,
              guint                  runs)
{
  g_autoptr(CdBlacklistListModel) warm = new_model (repository);
  GArray *warm_times[G_N_ELEMENTS (searches)];
  GArray *cold_times[G_N_ELEMENTS (searches)];
  guint n_items[G_N_ELEMENTS (searches)];

  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      warm_times[s] = g_array_new (FALSE, FALSE, sizeof (double));
      cold_times[s] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  for (guint run = 0; run < runs; run++)
    for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
      {
        double ms = measure (warm, searches[s], &n_items[s]);
        g_array_append_val (warm_times[s], ms);
      }
  for (guint run = 0; run < runs; run++)
    for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
      {
        g_autoptr(CdBlacklistListModel) cold = new_model (repository);
        double ms = measure (cold, searches[s], &n_items[s]);

        g_array_append_val (cold_times[s], ms);
      }

  g_print ("  %-18s %9s %10s %10s\n", "search", "matches", "warm ms", "cold ms");
  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", searches[s]);
      int width = 0;

      /* Pad by columns on screen: a full-width character takes two. */
      for (const char *p = quoted; *p != '\0'; p = g_utf8_next_char (p))
        width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
      g_print ("  %s%*s %9u %10.3f %10.3f\n", quoted, MAX (18 - width, 0), "", n_items[s],
               median (warm_times[s]), median (cold_times[s]));
      g_array_unref (warm_times[s]);
      g_array_unref (cold_times[s]);
    }
}

static void
run_one_offs (CdDatabase            *db,
              CdBlacklistRepository *repository,
              guint                  runs)
{
  g_autoptr(GArray) create_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) toggle_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(CdBlacklistListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (guint run = 0; run < MAX (runs / 4, 3); run++)
    {
      double start = now_ms (), ms;

      g_clear_object (&model);
      model = new_model (repository);
      ms = now_ms () - start;
      g_array_append_val (create_times, ms);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_print ("  model creation, all %u active entries newest first: %.1f ms\n", n,
           median (create_times));

  if (n == 0)
    return;
  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(CdBlacklistEntry) entry =
        g_list_model_get_item (G_LIST_MODEL (model), g_random_int_range (0, (int) n));
      double start, ms;

      if (!cd_database_begin (db, &error))
        g_error ("%s", error->message);
      start = now_ms ();
      if (!cd_blacklist_repository_set_active (repository, entry->id, FALSE, &error) ||
          !cd_blacklist_repository_set_active (repository, entry->id, TRUE, &error))
        g_error ("%s", error->message);
      ms = (now_ms () - start) / 2;
      g_array_append_val (toggle_times, ms);
      /* Off and on again: undoing both leaves the list as the model has it. */
      cd_database_rollback (db);
    }
  g_print ("  deactivate or reactivate one entry, list of %u kept in step: %.3f ms\n", n,
           median (toggle_times));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdDatabase) db = NULL;
  g_autoptr(CdBlacklistRepository) repository = NULL;
  guint runs = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 20;

  /* g_print() converts to the locale's charset: without this, full-width text is "?". */
  setlocale (LC_ALL, "");
  if (argc < 2 || runs == 0)
    {
      g_printerr ("usage: %s DATABASE [RUNS]\n", argv[0]);
      return 2;
    }
  db = cd_database_open (argv[1], &error);
  if (db == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  repository = cd_blacklist_repository_new (db);
  g_print ("%s: %" G_GINT64_FORMAT " entries; median of %u runs; search + first %d items\n",
           argv[1], cd_blacklist_repository_count (repository, NULL), runs, FIRST_ITEMS);
  run_searches (repository, runs);
  run_one_offs (db, repository, runs);
  return 0;
}
