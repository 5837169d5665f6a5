/* cd-test-ui.c — helpers shared by the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cd-test-ui.h"

/* Runs the main loop for @msec milliseconds: timers (search delays, debounces) fire. */
void
cd_test_spin (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* Returns: (transfer none) (nullable): @root or its first descendant (depth first) of @type */
GtkWidget *
cd_test_find_descendant (GtkWidget *root,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cd_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}
