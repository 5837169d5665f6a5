/* cd-test-a11y.c — what a screen reader and a keyboard user get, checked
 *
 * How a name is found. GTK 4.8 has no public getter for accessible properties, but it ships
 * the test accessibility backend (GTK_A11Y=test, set for test-ui-a11y in tests/meson.build) and
 * its public checks, gtk_test_accessible_has_property() and friends. They read the very
 * attributes the AT-SPI backend sends, so the test sees what Orca gets, not what a .ui file
 * meant to say. GTK 4.8's AT-SPI backend names an object by
 *   1. its GTK_ACCESSIBLE_PROPERTY_LABEL, else
 *   2. the LABEL properties of the widgets in its GTK_ACCESSIBLE_RELATION_LABELLED_BY list.
 * Labelled-by alone is not enough: an icon-only GtkButton is "labelled by" its GtkImage, which
 * has no label, so a screen reader says just "button". The test therefore resolves the
 * relation: gtk_test_accessible_check_relation() with a candidate widget says whether the
 * list is exactly that widget, and the candidate's own LABEL must be non-empty. Screen
 * readers also speak the text inside buttons and list rows, so for those a visible, non-empty
 * GtkLabel inside counts too (as it does for a column view row).
 *
 * What is checked: every mapped control a user can reach — buttons of every kind, check
 * buttons, switches, scales, drop-downs, menu buttons, the outermost editable of an entry,
 * spin button or entry row, text views, list rows that activate, and any other focusable
 * widget with an interactive role. Composite controls are checked as a whole (a menu button,
 * not the toggle button inside it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "cd-test-a11y.h"
#include "cd-test-ui.h"

/* The accessible-name checker */

typedef struct
{
  GtkWidget *root;
  GString   *problems;
  guint      n_checked;
  GPtrArray *controls;  /* (element-type GtkWidget) (nullable): what was checked */
} Walk;

/* Returns: (transfer full) (nullable): @widget's LABEL property, NULL when unset or empty */
static char *
dup_label_property (GtkWidget *widget)
{
  char *value;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  /* check_property returns NULL on a match, else the value it found: compare against a
   * string no label holds to read the value. */
  value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
  if (value != NULL && g_strstrip (value)[0] == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

/* Returns: (transfer none) (nullable): the one widget under @root that @widget is labelled
 * by, NULL if there is none or the relation is not a single widget */
static GtkWidget *
find_labelled_by (GtkWidget *widget,
                  GtkWidget *root)
{
  if (root != widget)
    {
      g_autofree char *mismatch =
        gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                            GTK_ACCESSIBLE_RELATION_LABELLED_BY, root, NULL);
      if (mismatch == NULL)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled_by (widget, child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Text on show inside @widget: a GtkLabel or GtkInscription (both keep their text in their
 * LABEL property, which is what a screen reader reads out for the row or button around it). */
static gboolean
has_visible_text (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_LABEL)
    {
      g_autofree char *text = dup_label_property (widget);

      if (text != NULL)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_visible_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
named_by_content (GtkWidget *widget)
{
  switch ((int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
      return has_visible_text (widget);
    default:
      return FALSE;
    }
}

/* Returns: (transfer full) (nullable): what a screen reader calls @widget */
char *
cd_test_a11y_dup_name (GtkWidget *widget,
                     GtkWidget *root)
{
  char *name = dup_label_property (widget);
  GtkWidget *label;

  if (name != NULL)
    return name;
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      label = find_labelled_by (widget, root);
      if (label != NULL && (name = dup_label_property (label)) != NULL)
        return name;
    }
  return named_by_content (widget) ? g_strdup ("(its text)") : NULL;
}

/* Controls made of other controls: checked as a whole, their insides not at all. */
static gboolean
is_composite_control (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_EDITABLE (widget))
    {
      /* The outermost editable: the entry, not the GtkText inside it. */
      for (; parent != NULL; parent = gtk_widget_get_parent (parent))
        if (GTK_IS_EDITABLE (parent))
          return FALSE;
      return TRUE;
    }
  /* A combo row shows its value through an inner list view of its own. */
  return ADW_IS_COMBO_ROW (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         ADW_IS_SPLIT_BUTTON (widget) || GTK_IS_SCALE_BUTTON (widget) ||
         GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_SCALE (widget) || GTK_IS_TEXT_VIEW (widget);
}

static gboolean
is_interactive_role (GtkWidget *widget)
{
  switch ((int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_ROW:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
describe (GString   *out,
          GtkWidget *widget)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w))
                                            : NULL;
      const char *type = G_OBJECT_TYPE_NAME (w);

      if (w != widget && !g_str_has_prefix (type, "Cd"))
        continue;
      g_ptr_array_insert (chain, 0, g_strdup_printf ("%s%s%s", type, id ? "#" : "",
                                                       id ? id : ""));
    }
  g_string_append (out, "  ");
  for (guint i = 0; i < chain->len; i++)
    {
      g_string_append_printf (out, "%s%s", i > 0 ? " > " : "", (char *) chain->pdata[i]);
      g_free (chain->pdata[i]);
    }
  g_string_append_printf (out, " [role %d%s]",
                          (int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)),
                          gtk_widget_get_focusable (widget) ? ", focusable" : "");
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append_printf (out, " (tooltip “%s”)", gtk_widget_get_tooltip_text (widget));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (out, " (icon %s)", gtk_button_get_icon_name (GTK_BUTTON (widget)));
  g_string_append_c (out, '\n');
}

static gboolean
shows_only_an_icon (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL &&
           gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL;
  if (GTK_IS_BUTTON (widget))
    return GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget)));
  return FALSE;
}

static void
check_widget (Walk      *walk,
              GtkWidget *widget)
{
  g_autofree char *name = cd_test_a11y_dup_name (widget, walk->root);

  walk->n_checked++;
  if (walk->controls != NULL)
    g_ptr_array_add (walk->controls, widget);
  if (name == NULL)
    describe (walk->problems, widget);
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
           strchr (name, '_') != NULL)
    {
      /* GTK 4.8 would have it read out as "underscore Save". */
      g_string_append_printf (walk->problems, "  “%s”, mnemonic and all:", name);
      describe (walk->problems, widget);
    }
  else if (shows_only_an_icon (widget) && gtk_widget_get_tooltip_text (widget) == NULL &&
           gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) == NULL)
    {
      /* The name is for screen readers; a sighted user needs the tooltip to know. */
      g_string_append_printf (walk->problems, "  “%s”, an icon without a tooltip:", name);
      describe (walk->problems, widget);
    }
  else if (g_test_verbose ())
    g_test_message ("%s “%s”", G_OBJECT_TYPE_NAME (widget), name);
}

static void
walk_widget (Walk      *walk,
             GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (is_composite_control (widget))
    {
      check_widget (walk, widget);
      return;
    }
  if (GTK_IS_LIST_BOX_ROW (widget))
    {
      /* A row that does something when activated is a control; its suffixes are too. */
      if (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) &&
          gtk_widget_get_focusable (widget))
        check_widget (walk, widget);
    }
  else if (gtk_widget_get_focusable (widget) && gtk_widget_get_can_target (widget) &&
           is_interactive_role (widget))
    check_widget (walk, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk_widget (walk, child);
}

/* Checks everything mapped in @root; fails listing every control without a name. */
void
cd_test_a11y_assert_named (GtkWidget  *root,
                  const char *where,
                  guint       at_least)
{
  Walk walk = { root, g_string_new (NULL), 0, NULL };
  g_autofree char *problems = NULL;

  walk_widget (&walk, root);
  problems = g_string_free (walk.problems, FALSE);
  g_test_message ("%s: %u controls checked", where, walk.n_checked);
  if (problems[0] != '\0')
    {
      g_auto(GStrv) lines = g_strsplit (problems, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          g_test_message ("%s: no accessible name: %s", where, lines[i]);
      g_test_fail_printf ("%s: %u controls without an accessible name", where,
                          g_strv_length (lines) - 1);
    }
  /* A page whose controls the walk cannot see would pass for nothing. */
  g_assert_cmpuint (walk.n_checked, >=, at_least);
}

static void
collect_menu_buttons (GtkWidget *widget,
                      GPtrArray *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_MENU_BUTTON (widget))
    {
      g_ptr_array_add (found, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menu_buttons (child, found);
}

/* What opens from a menu button (filters, date pickers, menus) is checked open. */
void
cd_test_a11y_assert_popovers_named (GtkWidget  *root,
                       const char *where)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_menu_buttons (root, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = buttons->pdata[i];
      GtkPopover *popover;
      g_autofree char *inside = NULL;

      g_test_message ("%s: opening %s", where,
                      gtk_widget_get_tooltip_text (GTK_WIDGET (button)) != NULL
                      ? gtk_widget_get_tooltip_text (GTK_WIDGET (button))
                      : G_OBJECT_TYPE_NAME (button));
      gtk_menu_button_popup (button);
      cd_test_spin (150);
      popover = gtk_menu_button_get_popover (button);
      if (popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover)))
        {
          inside = g_strdup_printf ("%s, popover of %s", where,
                                    gtk_widget_get_tooltip_text (GTK_WIDGET (button)) != NULL
                                    ? gtk_widget_get_tooltip_text (GTK_WIDGET (button))
                                    : G_OBJECT_TYPE_NAME (button));
          cd_test_a11y_assert_named (GTK_WIDGET (popover), inside, 1);
        }
      gtk_menu_button_popdown (button);
      cd_test_spin (200);
    }
}

/* Keyboard reach: Tab and Shift+Tab through @root, as a keyboard user does, and every
 * control the name walk found must take the focus (itself or its inside, such as an entry's
 * text). In a list, Tab reaches one row and the arrow keys the rest, so one row a list
 * is enough. */

static GtkWidget *
list_of (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_LIST_BOX (w) || GTK_IS_COLUMN_VIEW (w) || GTK_IS_LIST_VIEW (w) ||
        GTK_IS_GRID_VIEW (w) || GTK_IS_FLOW_BOX (w))
      return w;
  return NULL;
}

/* Whether @widget claims a Tab (its focus handler says it moved the focus) while the focus
 * stays on @focus. */
static gboolean
claims_without_taking (GtkWidget *widget,
                       GtkWidget *focus)
{
  return gtk_widget_get_mapped (widget) &&
         gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD) &&
         gtk_root_get_focus (gtk_widget_get_root (widget)) == focus;
}

/* Returns: (transfer none) (nullable): the innermost widget after @focus that swallows Tab */
static GtkWidget *
find_focus_trap (GtkWidget *root,
                 GtkWidget *focus)
{
  for (GtkWidget *w = focus; w != NULL && w != root; w = gtk_widget_get_parent (w))
    for (GtkWidget *next = gtk_widget_get_next_sibling (w); next != NULL;
         next = gtk_widget_get_next_sibling (next))
      if (claims_without_taking (next, focus))
        {
          GtkWidget *trap = next;
          GtkWidget *child = gtk_widget_get_first_child (trap);

          while (child != NULL)
            {
              if (claims_without_taking (child, focus))
                {
                  trap = child;
                  child = gtk_widget_get_first_child (trap);
                }
              else
                child = gtk_widget_get_next_sibling (child);
            }
          return trap;
        }
  return NULL;
}

/* Presses Tab until the focus comes round again. Returns: every widget the focus was on or
 * inside; fails if Tab gets stuck (a focus trap). */
static GHashTable *
tab_through (GtkWidget  *root,
             const char *where)
{
  GHashTable *reached = g_hash_table_new (NULL, NULL);
  GtkWidget *first = NULL;
  GtkWidget *previous = NULL;

  for (guint i = 0; i < 2000; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (root, GTK_DIR_TAB_FORWARD))
        continue;  /* past the last control; the next Tab starts again */
      focus = gtk_root_get_focus (GTK_ROOT (root));
      if (focus == NULL)
        continue;
      if (focus == first)
        break;
      if (focus == previous)
        {
          GtkWidget *trap = find_focus_trap (root, focus);
          g_autoptr(GString) line = g_string_new (NULL);

          describe (line, trap != NULL ? trap : focus);
          g_test_message ("%s: Tab is stuck; it goes no further than%s", where, line->str);
          g_test_fail_printf ("%s: a focus trap", where);
          break;
        }
      if (g_getenv ("CD_TEST_TRACE_TAB") != NULL)
        {
          g_autoptr(GString) line = g_string_new (NULL);

          describe (line, focus);
          g_test_message ("%s: Tab %u:%s", where, i, line->str);
        }
      previous = focus;
      if (first == NULL)
        first = focus;
      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        g_hash_table_add (reached, w);
    }
  return reached;
}

static gboolean
is_reached (GHashTable *reached,
            GtkWidget  *control)
{
  GtkWidget *list = list_of (control);

  /* The focus was on the control or inside it (the set holds every focus's ancestors). */
  if (g_hash_table_contains (reached, control))
    return TRUE;
  /* A row of a list: the list is reached, and the arrow keys go on from there. */
  return list != NULL && g_hash_table_contains (reached, list);
}

static gboolean
is_column_titles (GtkWidget *widget)
{
  return GTK_IS_COLUMN_VIEW (gtk_widget_get_parent (widget)) &&
         g_strcmp0 (gtk_widget_get_css_name (widget), "header") == 0;
}

void
cd_test_a11y_assert_keyboard_reaches (GtkWidget  *root,
                         const char *where)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  g_autoptr(GHashTable) reached = NULL;
  Walk walk = { root, g_string_new (NULL), 0, controls };
  guint missed = 0;

  walk_widget (&walk, root);
  g_string_free (walk.problems, TRUE);
  reached = tab_through (root, where);
  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = controls->pdata[i];
      g_autoptr(GString) line = NULL;

      /* What is greyed out takes no focus, and needs none; the title bar's minimize,
       * maximize and close are for the window manager's keys (Alt+F4), not for Tab; a
       * column view's row of titles takes no focus in GTK 4.8 (the case list's titles are
       * a column view of their own, without rows, beside the list the keyboard moves in). */
      if (!gtk_widget_is_sensitive (control) || is_reached (reached, control) ||
          gtk_widget_get_ancestor (control, GTK_TYPE_WINDOW_CONTROLS) != NULL ||
          is_column_titles (control))
        continue;
      line = g_string_new (NULL);
      describe (line, control);
      g_test_message ("%s: Tab never reaches%s", where, line->str);
      missed++;
    }
  if (missed > 0)
    g_test_fail_printf ("%s: %u controls out of the keyboard's reach", where, missed);
}

/* Mnemonics: Alt and a letter must lead to one control. With two on show, GTK only cycles
 * between them, and the key no longer does what its underline says. */

static GtkWidget *
mnemonic_owner (GtkWidget *label)
{
  GtkWidget *row = gtk_widget_get_ancestor (label, ADW_TYPE_PREFERENCES_ROW);

  return row != NULL ? row : label;
}

static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *keys,
                   GString    *clashes)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      guint keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (widget));
      const char *text = gtk_label_get_label (GTK_LABEL (widget));

      if (keyval != GDK_KEY_VoidSymbol)
        {
          gpointer key = GUINT_TO_POINTER (gdk_keyval_to_lower (keyval));
          GtkWidget *other = g_hash_table_lookup (keys, key);

          /* A row shows its title twice (an entry row's title moves up as you type); a
           * repeated group (options, checklist items) repeats its labels, and Alt cycles
           * through the fields of one name, which is what it should do there. */
          if (other != NULL && mnemonic_owner (other) != mnemonic_owner (widget) &&
              g_strcmp0 (gtk_label_get_label (GTK_LABEL (other)), text) != 0)
            g_string_append_printf (clashes, "  “%s” and “%s”\n",
                                    gtk_label_get_label (GTK_LABEL (other)), text);
          else if (other == NULL)
            g_hash_table_insert (keys, key, widget);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, keys, clashes);
}

void
cd_test_a11y_assert_mnemonics_unique (GtkWidget  *root,
                         const char *where)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) clashes = g_string_new (NULL);

  collect_mnemonics (root, keys, clashes);
  if (clashes->len > 0)
    {
      g_test_message ("%s: one Alt key for two controls:\n%s", where, clashes->str);
      g_test_fail_printf ("%s: mnemonics clash", where);
    }
}

/* Keys */

static gboolean
trigger_is (GtkShortcutTrigger *trigger,
            guint               keyval,
            GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_is (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                       keyval, modifiers) ||
           trigger_is (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                       keyval, modifiers);
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

/* Whether a shortcut on @widget (its own, or its class's key bindings) reacts to the key. */
gboolean
cd_test_a11y_has_shortcut (GtkWidget       *widget,
              guint            keyval,
              GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_is (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
            return TRUE;
        }
    }
  return FALSE;
}

/* Every accelerator the shortcuts window lists, "<Alt>1...<Alt>8" spelled out. */
GArray *
cd_test_a11y_dup_listed_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/com/example/CompDesk/ui/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (guint) * 2);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) words = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      words = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
      for (guint i = 0; words[i] != NULL; i++)
        {
          g_auto(GStrv) range = g_strsplit (words[i], "...", 2);
          guint first = 0, last = 0;
          GdkModifierType modifiers = 0, last_modifiers = 0;

          if (words[i][0] == '\0')
            continue;
          g_assert_true (gtk_accelerator_parse (range[0], &first, &modifiers));
          last = first;
          if (range[1] != NULL)
            g_assert_true (gtk_accelerator_parse (range[1], &last, &last_modifiers));
          for (guint key = first; key <= last; key++)
            {
              guint pair[2] = { key, (guint) modifiers };

              g_array_append_val (keys, pair);
            }
        }
    }
  return keys;
}

/* Fails unless every key @widget itself binds is in the shortcuts window (the keypad
 * twins of listed keys count as listed). */
void
cd_test_a11y_assert_shortcuts_listed (GtkWidget *widget,
                         GArray    *listed)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          guint keyval, modifiers;
          gboolean found = FALSE;

          /* GTK's own bindings (arrow keys move the focus, the inspector) are signals and
           * callbacks; CompDesk's are named actions. */
          if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
              !GTK_IS_NAMED_ACTION (gtk_shortcut_get_action (shortcut)))
            continue;
          keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
          keyval = gdk_keyval_to_lower (keyval);
          modifiers = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger));
          if (keyval == GDK_KEY_KP_Enter)
            keyval = GDK_KEY_Return;
          else if (keyval == GDK_KEY_KP_Left)
            keyval = GDK_KEY_Left;
          else if (keyval == GDK_KEY_KP_Right)
            keyval = GDK_KEY_Right;
          else if (keyval == GDK_KEY_KP_Delete)
            keyval = GDK_KEY_Delete;
          for (guint k = 0; k < listed->len && !found; k++)
            {
              guint *pair = &g_array_index (listed, guint, 2 * k);

              found = pair[0] == keyval && pair[1] == modifiers;
            }
          if (!found)
            {
              g_autofree char *name = gtk_accelerator_name (keyval, modifiers);

              g_test_message ("%s: %s (%s) is not in the shortcuts window",
                              G_OBJECT_TYPE_NAME (widget), name,
                              gtk_named_action_get_action_name (
                                GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut))));
              g_test_fail ();
            }
        }
    }
}

/* Escape closes a dialog: a shortcut on it or on anything on the way to the focus. */
void
cd_test_a11y_assert_escape_closes (GtkWindow *dialog)
{
  GtkWidget *focus = gtk_window_get_focus (dialog);
  gboolean found = cd_test_a11y_has_shortcut (GTK_WIDGET (dialog), GDK_KEY_Escape, 0);

  for (GtkWidget *w = focus; w != NULL && !found; w = gtk_widget_get_parent (w))
    found = cd_test_a11y_has_shortcut (w, GDK_KEY_Escape, 0);
  if (!found)
    g_error ("%s: Escape does nothing", G_OBJECT_TYPE_NAME (dialog));
}

/* The keyboard focus is in @widget, so typing and Tab start there. */
void
cd_test_a11y_assert_focus_within (GtkWidget  *widget,
                     const char *where)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  if (focus == NULL || (focus != widget && !gtk_widget_is_ancestor (focus, widget)))
    {
      g_autoptr(GString) chain = g_string_new (NULL);

      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        g_string_append_printf (chain, "%s%s", w == focus ? "" : " < ", G_OBJECT_TYPE_NAME (w));
      g_error ("%s: the focus is on %s, not in %s", where,
               focus != NULL ? chain->str : "nothing", G_OBJECT_TYPE_NAME (widget));
    }
}

static gboolean
any_transition_running (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;
  if (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (any_transition_running (child))
      return TRUE;
  return FALSE;
}

/* Lets the main loop run until the page shown last is the only one on screen: during a
 * stack's cross-fade the page going away is still mapped. */
void
cd_test_a11y_settle (GtkWidget *root)
{
  cd_test_spin (100);
  for (guint i = 0; i < 50 && any_transition_running (root); i++)
    cd_test_spin (50);
}
