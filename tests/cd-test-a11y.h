/* cd-test-a11y.h — what a screen reader and a keyboard user get, checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char     *cd_test_a11y_dup_name                 (GtkWidget       *widget,
                                                 GtkWidget       *root);
void      cd_test_a11y_assert_named             (GtkWidget       *root,
                                                 const char      *where,
                                                 guint            at_least);
void      cd_test_a11y_assert_popovers_named    (GtkWidget       *root,
                                                 const char      *where);
void      cd_test_a11y_assert_keyboard_reaches  (GtkWidget       *root,
                                                 const char      *where);
void      cd_test_a11y_assert_mnemonics_unique  (GtkWidget       *root,
                                                 const char      *where);
gboolean  cd_test_a11y_has_shortcut             (GtkWidget       *widget,
                                                 guint            keyval,
                                                 GdkModifierType  modifiers);
GArray   *cd_test_a11y_dup_listed_shortcuts     (void);
void      cd_test_a11y_assert_shortcuts_listed  (GtkWidget       *widget,
                                                 GArray          *listed);
void      cd_test_a11y_assert_escape_closes     (GtkWindow       *dialog);
void      cd_test_a11y_assert_focus_within      (GtkWidget       *widget,
                                                 const char      *where);
void      cd_test_a11y_settle                   (GtkWidget       *root);

G_END_DECLS
