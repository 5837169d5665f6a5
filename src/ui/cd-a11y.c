/* cd-a11y.c — what GTK 4.8 gets wrong for screen readers, put right in one place
 *
 * GTK 4.8 gives a button its label as its accessible name verbatim, mnemonic underscore and
 * all: a screen reader announces "underscore Next button" for "_Next". Labels change at run
 * time (the wizard's Next becomes Close Case), and views are built when first shown, so one
 * emission hook on GtkWidget::map catches every button with a mnemonic when it first appears
 * and keeps its name in step with its label from then on.
 *
 * GtkCalendar's arrows for the month and the year are icon-only buttons without names; the
 * same hook names them when a calendar first appears.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-a11y"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "cd-a11y.h"

static GQuark watched_quark;

/* Helpers */

static void
name_button (GtkButton *button)
{
  g_autofree char *name = NULL;
  const char *label = gtk_button_get_label (button);

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;
  name = cd_a11y_strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        g_ptr_array_add (buttons, child);
      else
        collect_buttons (child, buttons);
    }
}

/* GTK 4.8 lays the header out as ‹ month › ‹ year ›. */
static void
name_calendar_arrows (GtkCalendar *calendar)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  const char *names[] = {
    N_("Previous Month"), N_("Next Month"), N_("Previous Year"), N_("Next Year"),
  };

  collect_buttons (GTK_WIDGET (calendar), buttons);
  if (buttons->len != G_N_ELEMENTS (names))
    return;
  for (guint i = 0; i < buttons->len; i++)
    {
      gtk_widget_set_tooltip_text (buttons->pdata[i], _(names[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons->pdata[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]), -1);
    }
}

/* Signal callbacks */

/* GtkButton sets its accessible label before it notifies, so this runs after it. */
static void
on_button_label_notify_cb (GtkButton  *button,
                           GParamSpec *pspec,
                           gpointer    user_data)
{
  name_button (button);
}

static gboolean
on_widget_map_hook_cb (GSignalInvocationHint *hint,
                       guint                  n_values,
                       const GValue          *values,
                       gpointer               user_data)
{
  GObject *object = g_value_get_object (&values[0]);

  if (g_object_get_qdata (object, watched_quark) != NULL)
    return TRUE;
  if (GTK_IS_CALENDAR (object))
    {
      g_object_set_qdata (object, watched_quark, GINT_TO_POINTER (TRUE));
      name_calendar_arrows (GTK_CALENDAR (object));
      return TRUE;
    }
  if (!GTK_IS_BUTTON (object))
    return TRUE;
  g_object_set_qdata (object, watched_quark, GINT_TO_POINTER (TRUE));
  g_signal_connect (object, "notify::label", G_CALLBACK (on_button_label_notify_cb), NULL);
  g_signal_connect (object, "notify::use-underline", G_CALLBACK (on_button_label_notify_cb),
                    NULL);
  name_button (GTK_BUTTON (object));
  return TRUE;
}

/* Public API */

/**
 * cd_a11y_strip_mnemonic:
 * @label: a label with mnemonics: "_Save", "Back to _Propose", "Fish __&__ Chips"
 *
 * Returns: (transfer full): the label as it reads: "Save", "Back to Propose", "Fish _&_ Chips"
 */
char *
cd_a11y_strip_mnemonic (const char *label)
{
  GString *out = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          /* "__" is a literal underscore; a single one marks the next character. */
          if (p[1] == '_')
            {
              g_string_append_c (out, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * cd_a11y_init:
 *
 * Installs the corrections, once per process; the main window's class does it.
 */
void
cd_a11y_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* GtkWidget's signals exist once its class does. */
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

      watched_quark = g_quark_from_static_string ("cd-a11y-watched");
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_widget_map_hook_cb, NULL, NULL);
      g_type_class_unref (widget_class);
      g_once_init_leave (&initialized, 1);
    }
}
