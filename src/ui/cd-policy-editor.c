/* cd-policy-editor.c — the shop's compensation policy, as a preferences page
 *
 * Every change is saved at once (cd_policy_save()); an amount that cannot be read is marked
 * and not saved. When the stored policy cannot be read, the page shows why and stays
 * read-only, so the damaged policy is not written over with the defaults.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-policy-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-money.h"
#include "cd-policy.h"
#include "cd-policy-editor.h"

struct _CdPolicyEditor
{
  AdwPreferencesPage   parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *error_group;
  GtkLabel            *error_label;
  AdwPreferencesGroup *refund_group;
  AdwPreferencesGroup *coupon_group;
  AdwPreferencesGroup *limits_group;
  AdwPreferencesGroup *kinds_group;

  /* Owned */
  CdDatabase          *db;
  char                *currency;
  CdPolicy             policy;
};

G_DEFINE_FINAL_TYPE (CdPolicyEditor, cd_policy_editor, ADW_TYPE_PREFERENCES_PAGE)

#define FIELD_KEY "cd-field"

/* Helpers */

static void
show_error (CdPolicyEditor *self,
            const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), message != NULL);
  if (message != NULL && ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static void
save (CdPolicyEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!cd_policy_save (&self->policy, self->db, &error))
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The policy could not be saved: %s"),
                                               error->message);
      show_error (self, text);
      return;
    }
  show_error (self, NULL);
}

static char *
count_kinds (guint32 kinds)
{
  guint n = 0;
  guint total = cd_enum_get_n_values (CD_TYPE_COMPENSATION_KIND);

  for (guint k = 0; k < total; k++)
    n += (kinds >> k) & 1;
  /* Translators: how many remedies a kind of problem may get, e.g. "5 of 13 remedies" */
  return g_strdup_printf (ngettext ("%u of %u remedy", "%u of %u remedies", total), n, total);
}

/* Signal callbacks */

static void
on_percent_changed_cb (GtkSpinButton  *spin,
                       CdPolicyEditor *self)
{
  int *field = g_object_get_data (G_OBJECT (spin), FIELD_KEY);

  *field = gtk_spin_button_get_value_as_int (spin);
  save (self);
}

static void
on_money_changed_cb (GtkEditable    *editable,
                     CdPolicyEditor *self)
{
  gint64 *field = g_object_get_data (G_OBJECT (editable), FIELD_KEY);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  gint64 minor = 0;

  /* Empty while the seller retypes an amount: wait for one (type 0 for none). */
  if (*text == '\0')
    return;
  if (!cd_money_parse (text, self->currency, &minor, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (editable), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (editable), NULL);
  *field = minor;
  save (self);
}

static void
on_kind_switched_cb (GtkSwitch      *toggle,
                     GParamSpec     *pspec,
                     CdPolicyEditor *self)
{
  guint category = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "cd-category"));
  guint kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "cd-kind"));
  AdwExpanderRow *expander = g_object_get_data (G_OBJECT (toggle), "cd-expander");
  g_autofree char *subtitle = NULL;

  if (gtk_switch_get_active (toggle))
    self->policy.kinds[category] |= 1u << kind;
  else
    self->policy.kinds[category] &= ~(1u << kind);
  subtitle = count_kinds (self->policy.kinds[category]);
  adw_expander_row_set_subtitle (expander, subtitle);
  save (self);
}

/* Building the page */

static GtkWidget *
create_percent_row (CdPolicyEditor *self,
                    const char     *title,
                    int            *field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 1);
  GtkWidget *unit = gtk_label_new ("%");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), *field);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  gtk_widget_add_css_class (unit, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_object_set_data (G_OBJECT (spin), FIELD_KEY, field);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_percent_changed_cb), self);
  return row;
}

static GtkWidget *
create_money_row (CdPolicyEditor *self,
                  const char     *title,
                  gint64         *field)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *unit = gtk_label_new (self->currency);
  g_autofree char *text = cd_money_format_plain (*field, self->currency);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_object_set (row, "input-purpose", GTK_INPUT_PURPOSE_NUMBER, NULL);
  gtk_widget_add_css_class (unit, "dim-label");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), unit);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_object_set_data (G_OBJECT (row), FIELD_KEY, field);
  g_signal_connect (row, "changed", G_CALLBACK (on_money_changed_cb), self);
  return row;
}

static GtkWidget *
create_category_row (CdPolicyEditor *self,
                     guint           category)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *subtitle = count_kinds (self->policy.kinds[category]);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 cd_enum_get_label (CD_TYPE_CATEGORY, (int) category));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  for (guint kind = 0; kind < cd_enum_get_n_values (CD_TYPE_COMPENSATION_KIND); kind++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      const char *label = cd_enum_get_label (CD_TYPE_COMPENSATION_KIND, (int) kind);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_switch_set_active (GTK_SWITCH (toggle), (self->policy.kinds[category] >> kind) & 1);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_object_set_data (G_OBJECT (toggle), "cd-category", GUINT_TO_POINTER (category));
      g_object_set_data (G_OBJECT (toggle), "cd-kind", GUINT_TO_POINTER (kind));
      g_object_set_data (G_OBJECT (toggle), "cd-expander", expander);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_kind_switched_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  return expander;
}

static void
build (CdPolicyEditor *self)
{
  for (int s = 0; s < CD_N_SEVERITIES; s++)
    {
      const char *severity = cd_enum_get_label (CD_TYPE_SEVERITY, s);

      adw_preferences_group_add (self->refund_group,
                                 create_percent_row (self, severity,
                                                     &self->policy.refund_percent[s]));
      adw_preferences_group_add (self->coupon_group,
                                 create_percent_row (self, severity,
                                                     &self->policy.coupon_percent[s]));
    }
  adw_preferences_group_add (self->coupon_group,
                             create_money_row (self, _("_Smallest Coupon"),
                                               &self->policy.coupon_min));
  adw_preferences_group_add (self->limits_group,
                             create_money_row (self, _("Largest _Goodwill Payment"),
                                               &self->policy.goodwill_max));
  adw_preferences_group_add (self->limits_group,
                             create_money_row (self, _("_Cash Cap Short of a Full Refund"),
                                               &self->policy.cash_cap));
  adw_preferences_group_add (self->limits_group,
                             create_percent_row (self, _("Restocking Fee"),
                                                 &self->policy.restocking_fee_percent));
  for (guint c = 0; c < CD_N_CATEGORIES; c++)
    adw_preferences_group_add (self->kinds_group, create_category_row (self, c));
}

/* GObject overrides */

static void
cd_policy_editor_dispose (GObject *object)
{
  CdPolicyEditor *self = CD_POLICY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_POLICY_EDITOR);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (cd_policy_editor_parent_class)->dispose (object);
}

static void
cd_policy_editor_finalize (GObject *object)
{
  CdPolicyEditor *self = CD_POLICY_EDITOR (object);

  g_free (self->currency);
  G_OBJECT_CLASS (cd_policy_editor_parent_class)->finalize (object);
}

static void
cd_policy_editor_class_init (CdPolicyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_policy_editor_dispose;
  object_class->finalize = cd_policy_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/CompDesk/ui/cd-policy-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CdPolicyEditor, error_group);
  gtk_widget_class_bind_template_child (widget_class, CdPolicyEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CdPolicyEditor, refund_group);
  gtk_widget_class_bind_template_child (widget_class, CdPolicyEditor, coupon_group);
  gtk_widget_class_bind_template_child (widget_class, CdPolicyEditor, limits_group);
  gtk_widget_class_bind_template_child (widget_class, CdPolicyEditor, kinds_group);
}

static void
cd_policy_editor_init (CdPolicyEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * cd_policy_editor_new:
 * @currency: the shop's ISO 4217 code
 *
 * Returns: (transfer floating): the page, for an #AdwPreferencesWindow
 */
GtkWidget *
cd_policy_editor_new (CdDatabase *db,
                      const char *currency)
{
  CdPolicyEditor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CD_IS_DATABASE (db), NULL);

  self = g_object_new (CD_TYPE_POLICY_EDITOR, NULL);
  self->db = g_object_ref (db);
  self->currency = g_strdup (currency);
  if (!cd_policy_load (&self->policy, db, &error))
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The shop’s policy cannot be read, so it "
                                                 "cannot be changed here: %s"), error->message);

      show_error (self, text);
      build (self);
      gtk_widget_set_sensitive (GTK_WIDGET (self->refund_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->coupon_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->limits_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->kinds_group), FALSE);
      return GTK_WIDGET (self);
    }
  build (self);
  return GTK_WIDGET (self);
}
