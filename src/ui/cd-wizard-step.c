/* cd-wizard-step.c — what every page of the wizard shares
 *
 * A step holds a borrowed pointer to the wizard's case. While it loads the case into its
 * widgets, the widgets' own change signals must not count as edits (that would mark an
 * untouched case unsaved), so ::changed is held back until loading ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-wizard-step"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-money.h"
#include "cd-wizard-step.h"

typedef struct
{
  /* Borrowed */
  CdCase     *kase;

  /* Owned */
  CdDatabase *db;
  char       *currency;

  guint       loading;
  gboolean    changed_while_loading;  /* load itself changed the case (suggestions …) */
} CdWizardStepPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CdWizardStep, cd_wizard_step, ADW_TYPE_BIN)

enum {
  CHANGED,
  REQUEST_STAGE,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GObject overrides */

static void
cd_wizard_step_dispose (GObject *object)
{
  CdWizardStepPrivate *priv = cd_wizard_step_get_instance_private (CD_WIZARD_STEP (object));

  priv->kase = NULL;
  g_clear_object (&priv->db);
  G_OBJECT_CLASS (cd_wizard_step_parent_class)->dispose (object);
}

static void
cd_wizard_step_finalize (GObject *object)
{
  CdWizardStepPrivate *priv = cd_wizard_step_get_instance_private (CD_WIZARD_STEP (object));

  g_free (priv->currency);
  G_OBJECT_CLASS (cd_wizard_step_parent_class)->finalize (object);
}

static void
cd_wizard_step_class_init (CdWizardStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_wizard_step_dispose;
  object_class->finalize = cd_wizard_step_finalize;

  /**
   * CdWizardStep::changed:
   *
   * The person changed the case on this step (it is already written into the case).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CdWizardStep::request-stage:
   * @stage: the stage the case should move to
   *
   * The step asks the wizard to move the case (back to Propose, to the platform).
   */
  signals[REQUEST_STAGE] = g_signal_new ("request-stage", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * CdWizardStep::error:
   * @message: what went wrong, for people
   */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cd_wizard_step_init (CdWizardStep *self)
{
}

/* Public API */

CdStage
cd_wizard_step_get_stage (CdWizardStep *self)
{
  g_return_val_if_fail (CD_IS_WIZARD_STEP (self), CD_STAGE_LISTEN);

  return CD_WIZARD_STEP_GET_CLASS (self)->stage;
}

/**
 * cd_wizard_step_set_context:
 * @db: (transfer none): the database, for steps that read the policy
 * @currency: the shop's ISO 4217 code
 */
void
cd_wizard_step_set_context (CdWizardStep *self,
                            CdDatabase   *db,
                            const char   *currency)
{
  CdWizardStepPrivate *priv = cd_wizard_step_get_instance_private (self);

  g_set_object (&priv->db, db);
  g_free (priv->currency);
  priv->currency = g_strdup (currency);
}

/**
 * cd_wizard_step_get_database:
 *
 * Returns: (transfer none) (nullable): the database
 */
CdDatabase *
cd_wizard_step_get_database (CdWizardStep *self)
{
  CdWizardStepPrivate *priv = cd_wizard_step_get_instance_private (self);

  return priv->db;
}

/**
 * cd_wizard_step_get_currency:
 *
 * Returns: (transfer none) (nullable): the shop's currency
 */
const char *
cd_wizard_step_get_currency (CdWizardStep *self)
{
  CdWizardStepPrivate *priv = cd_wizard_step_get_instance_private (self);

  return priv->currency;
}

/**
 * cd_wizard_step_set_case:
 * @kase: (transfer none): the case to edit; the caller keeps it alive while the step shows it
 */
void
cd_wizard_step_set_case (CdWizardStep *self,
                         CdCase       *kase)
{
  CdWizardStepPrivate *priv = cd_wizard_step_get_instance_private (self);

  g_return_if_fail (CD_IS_WIZARD_STEP (self));

  priv->kase = kase;
  cd_wizard_step_reload (self);
}

/**
 * cd_wizard_step_get_case:
 *
 * Returns: (transfer none) (nullable): the case
 */
CdCase *
cd_wizard_step_get_case (CdWizardStep *self)
{
  CdWizardStepPrivate *priv = cd_wizard_step_get_instance_private (self);

  return priv->kase;
}

/* Shows the case again, after something other than this step changed it. */
void
cd_wizard_step_reload (CdWizardStep *self)
{
  CdWizardStepPrivate *priv = cd_wizard_step_get_instance_private (self);
  CdWizardStepClass *klass = CD_WIZARD_STEP_GET_CLASS (self);

  if (priv->kase == NULL || klass->load == NULL)
    return;
  priv->loading++;
  klass->load (self, priv->kase);
  priv->loading--;
  if (priv->loading == 0 && priv->changed_while_loading)
    {
      priv->changed_while_loading = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

gboolean
cd_wizard_step_is_loading (CdWizardStep *self)
{
  CdWizardStepPrivate *priv = cd_wizard_step_get_instance_private (self);

  return priv->loading > 0;
}

/**
 * cd_wizard_step_can_advance:
 * @reason: (out) (optional) (transfer full): why not, for people
 */
gboolean
cd_wizard_step_can_advance (CdWizardStep  *self,
                            char         **reason)
{
  CdWizardStepPrivate *priv = cd_wizard_step_get_instance_private (self);
  CdWizardStepClass *klass = CD_WIZARD_STEP_GET_CLASS (self);
  g_autofree char *why = NULL;

  if (priv->kase == NULL || klass->can_advance == NULL ||
      klass->can_advance (self, priv->kase, &why))
    return TRUE;
  if (reason != NULL)
    *reason = g_steal_pointer (&why);
  return FALSE;
}

void
cd_wizard_step_commit (CdWizardStep *self)
{
  CdWizardStepPrivate *priv = cd_wizard_step_get_instance_private (self);
  CdWizardStepClass *klass = CD_WIZARD_STEP_GET_CLASS (self);

  if (priv->kase == NULL || klass->commit == NULL)
    return;
  klass->commit (self, priv->kase);
}

/* Widget callbacks return early while loading (the widgets only show the case); a change
 * that load() itself makes to the case is announced once loading is over. */
void
cd_wizard_step_changed (CdWizardStep *self)
{
  CdWizardStepPrivate *priv = cd_wizard_step_get_instance_private (self);

  if (priv->loading > 0)
    priv->changed_while_loading = TRUE;
  else
    g_signal_emit (self, signals[CHANGED], 0);
}

void
cd_wizard_step_request_stage (CdWizardStep *self,
                              CdStage       stage)
{
  g_signal_emit (self, signals[REQUEST_STAGE], 0, (int) stage);
}

void
cd_wizard_step_show_error (CdWizardStep *self,
                           const char   *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

/* Helpers for the steps */

void
cd_wizard_step_set_enum_model (AdwComboRow *row,
                               GType        type)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint n = cd_enum_get_n_values (type);

  /* The enums are numbered from 0 without gaps, so a position is a value. */
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, cd_enum_get_label (type, (int) i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

/**
 * cd_wizard_step_read_money:
 * @minor: (out): the amount; 0 for an empty field
 *
 * Marks the field as an error while it holds no amount, and says why in its tooltip.
 *
 * Returns: whether @editable holds an amount
 */
gboolean
cd_wizard_step_read_money (CdWizardStep *self,
                           GtkEditable  *editable,
                           gint64       *minor)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  gboolean ok = TRUE;

  *minor = 0;
  if (*text != '\0')
    ok = cd_money_parse (text, cd_wizard_step_get_currency (self), minor, &error);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (editable), ok ? NULL : error->message);
  return ok;
}

void
cd_wizard_step_show_money (CdWizardStep *self,
                           GtkEditable  *editable,
                           gint64        minor)
{
  g_autofree char *text = minor > 0 ? cd_money_format_plain (minor,
                                                             cd_wizard_step_get_currency (self))
                                    : g_strdup ("");

  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
}

/**
 * cd_wizard_step_dup_view_text:
 *
 * Returns: (transfer full): the text view's whole text
 */
char *
cd_wizard_step_dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
cd_wizard_step_set_view_text (GtkTextView *view,
                              const char  *text)
{
  g_autofree char *shown = cd_wizard_step_dup_view_text (view);

  if (g_strcmp0 (shown, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/**
 * cd_wizard_step_describe_compensation:
 *
 * Returns: (transfer full): @c for the seller: "Partial refund · ¥25.60", "Replacement"
 */
char *
cd_wizard_step_describe_compensation (CdWizardStep   *self,
                                      CdCompensation *c)
{
  g_autofree char *amount = NULL;

  if (c->amount <= 0)
    return g_strdup (cd_enum_get_label (CD_TYPE_COMPENSATION_KIND, c->kind));
  amount = cd_money_format (c->amount, cd_wizard_step_get_currency (self));
  /* Translators: a remedy and its amount, e.g. "Partial refund · ¥25.60" */
  return g_strdup_printf (_("%s · %s"),
                          cd_enum_get_label (CD_TYPE_COMPENSATION_KIND, c->kind), amount);
}
