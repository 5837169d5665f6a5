/* cd-message-box.c — the message the seller copies into the platform chat
 *
 * The template is rendered with the case's values and can be edited before it is copied.
 * Every `{placeholder}` still in the text, whether the case has no value for it or it was
 * typed by hand, is highlighted and named under the text: helpdesks that let placeholders
 * go out raw are a known complaint. Once the seller edits the text, new case values no
 * longer overwrite it; Reset starts again from the template.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-message-box"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cd-builtin-templates.h"
#include "cd-message-box.h"
#include "cd-template-renderer.h"

/* Placeholder names are short ASCII words (as in cd-template-renderer.c). */
#define MAX_NAME 32

struct _CdMessageBox
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkLabel          *template_label;
  GtkToggleButton   *en_button;
  GtkToggleButton   *zh_button;
  GtkTextView       *text_view;
  GtkRevealer       *missing_revealer;
  GtkLabel          *missing_label;
  GtkLabel          *edited_label;

  /* Owned */
  CdMessageTemplate *tmpl;
  GHashTable        *values;
  char              *language;
  GtkTextTag        *placeholder_tag;

  guint              n_missing;
  gboolean           edited;
  gboolean           filling;     /* the text is being set from the template, not typed */
};

G_DEFINE_FINAL_TYPE (CdMessageBox, cd_message_box, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  COPIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gsize
placeholder_length (const char *p)
{
  gsize n = 1;

  if (*p != '{')
    return 0;
  while (n <= MAX_NAME + 1 && (g_ascii_isalnum (p[n]) || p[n] == '_'))
    n++;
  return (n > 1 && n <= MAX_NAME + 1 && p[n] == '}') ? n + 1 : 0;
}

/**
 * cd_message_box_highlight_placeholders:
 * @names: (nullable) (element-type utf8): gets each placeholder found, once
 *
 * Tags every `{name}` in @buffer with @tag (and removes @tag elsewhere).
 *
 * Returns: how many placeholders @buffer holds
 */
guint
cd_message_box_highlight_placeholders (GtkTextBuffer *buffer,
                                       GtkTextTag    *tag,
                                       GPtrArray     *names)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint n = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  for (const char *p = text; *p != '\0'; p++)
    {
      gsize length = placeholder_length (p);
      g_autofree char *name = NULL;

      if (length == 0)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) g_utf8_pointer_to_offset (text, p));
      gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                          (int) g_utf8_pointer_to_offset (text, p + length));
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
      n++;
      name = g_strndup (p, length);
      if (names != NULL && !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, g_steal_pointer (&name));
      p += length - 1;
    }
  return n;
}

/**
 * cd_message_box_create_placeholder_tag:
 *
 * Returns: (transfer none): a tag in @buffer's table that marks placeholders
 */
GtkTextTag *
cd_message_box_create_placeholder_tag (GtkTextBuffer *buffer)
{
  return gtk_text_buffer_create_tag (buffer, "placeholder",
                                     "background-rgba", &(GdkRGBA) { 0.96, 0.83, 0.18, 0.45 },
                                     "weight", PANGO_WEIGHT_BOLD,
                                     "underline", PANGO_UNDERLINE_ERROR,
                                     NULL);
}

/* Tags each {name} left in the text and lists them once each under it. */
static void
highlight (CdMessageBox *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  g_autofree char *note = NULL;

  self->n_missing = cd_message_box_highlight_placeholders (buffer, self->placeholder_tag, names);
  g_ptr_array_add (names, NULL);
  /* Translators: between placeholder names in "Fill in before sending: {coupon}, {deadline}" */
  list = g_strjoinv (_(", "), (char **) names->pdata);
  /* Translators: %s lists placeholders such as {coupon}, which stay untranslated */
  note = g_strdup_printf (_("Fill in before sending: %s"), list);
  gtk_label_set_text (self->missing_label, note);
  gtk_revealer_set_reveal_child (self->missing_revealer, self->n_missing > 0);
}

static void
set_edited (CdMessageBox *self,
            gboolean      edited)
{
  self->edited = edited;
  gtk_widget_set_visible (GTK_WIDGET (self->edited_label), edited);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "message.reset", edited);
}

static void
fill (CdMessageBox *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(CdRendered) rendered = NULL;

  if (self->edited)
    return;
  rendered = cd_template_render (self->tmpl != NULL ? self->tmpl->body : "", self->values);
  self->filling = TRUE;
  gtk_text_buffer_set_text (buffer, rendered->text, -1);
  self->filling = FALSE;
  highlight (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "message.copy",
                                 gtk_text_buffer_get_char_count (buffer) > 0);
}

static void
show_language (CdMessageBox *self)
{
  const char *language = cd_builtin_templates_resolve_language (self->language);

  gtk_toggle_button_set_active (self->en_button, g_str_equal (language, "en"));
  gtk_toggle_button_set_active (self->zh_button, g_str_equal (language, "zh_CN"));
}

/* Signal callbacks */

static void
on_buffer_changed_cb (CdMessageBox *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  if (self->filling)
    return;
  set_edited (self, TRUE);
  highlight (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "message.copy",
                                 gtk_text_buffer_get_char_count (buffer) > 0);
}

static void
on_language_toggled_cb (CdMessageBox *self)
{
  const char *language = NULL;

  if (gtk_toggle_button_get_active (self->en_button))
    language = "en";
  else if (gtk_toggle_button_get_active (self->zh_button))
    language = "zh_CN";
  if (language == NULL ||
      g_str_equal (cd_builtin_templates_resolve_language (self->language), language))
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/* Actions */

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cd_message_box_copy (CD_MESSAGE_BOX (widget));
}

static void
reset_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CdMessageBox *self = CD_MESSAGE_BOX (widget);

  set_edited (self, FALSE);
  fill (self);
}

/* GObject overrides */

static void
cd_message_box_dispose (GObject *object)
{
  CdMessageBox *self = CD_MESSAGE_BOX (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_MESSAGE_BOX);
  g_clear_object (&self->tmpl);
  g_clear_pointer (&self->values, g_hash_table_unref);
  G_OBJECT_CLASS (cd_message_box_parent_class)->dispose (object);
}

static void
cd_message_box_finalize (GObject *object)
{
  CdMessageBox *self = CD_MESSAGE_BOX (object);

  g_free (self->language);
  G_OBJECT_CLASS (cd_message_box_parent_class)->finalize (object);
}

static void
cd_message_box_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CdMessageBox *self = CD_MESSAGE_BOX (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_message_box_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CdMessageBox *self = CD_MESSAGE_BOX (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      cd_message_box_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_message_box_class_init (CdMessageBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_message_box_dispose;
  object_class->finalize = cd_message_box_finalize;
  object_class->get_property = cd_message_box_get_property;
  object_class->set_property = cd_message_box_set_property;

  /**
   * CdMessageBox:language:
   *
   * The language the message is written in ("en", "zh_CN"); "" for the interface's.
   * Changes when the seller picks another with the switch.
   */
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, "",
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdMessageBox::copied:
   * @text: the message as copied
   */
  signals[COPIED] = g_signal_new ("copied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/CompDesk/ui/cd-message-box.ui");
  gtk_widget_class_bind_template_child (widget_class, CdMessageBox, template_label);
  gtk_widget_class_bind_template_child (widget_class, CdMessageBox, en_button);
  gtk_widget_class_bind_template_child (widget_class, CdMessageBox, zh_button);
  gtk_widget_class_bind_template_child (widget_class, CdMessageBox, text_view);
  gtk_widget_class_bind_template_child (widget_class, CdMessageBox, missing_revealer);
  gtk_widget_class_bind_template_child (widget_class, CdMessageBox, missing_label);
  gtk_widget_class_bind_template_child (widget_class, CdMessageBox, edited_label);
  gtk_widget_class_bind_template_callback (widget_class, on_language_toggled_cb);

  gtk_widget_class_install_action (widget_class, "message.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "message.reset", NULL, reset_activated);
}

static void
cd_message_box_init (CdMessageBox *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->language = g_strdup ("");
  buffer = gtk_text_view_get_buffer (self->text_view);
  self->placeholder_tag = cd_message_box_create_placeholder_tag (buffer);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self);
  show_language (self);
  set_edited (self, FALSE);
  fill (self);
}

/* Public API */

CdMessageBox *
cd_message_box_new (void)
{
  return g_object_new (CD_TYPE_MESSAGE_BOX, NULL);
}

/**
 * cd_message_box_set_template:
 * @tmpl: (nullable) (transfer none): the template, or %NULL when the step has none
 *
 * Shows @tmpl rendered with the values; a different template drops the seller's edits.
 */
void
cd_message_box_set_template (CdMessageBox      *self,
                             CdMessageTemplate *tmpl)
{
  g_return_if_fail (CD_IS_MESSAGE_BOX (self));

  if (tmpl != NULL && self->tmpl != NULL && tmpl->id == self->tmpl->id &&
      g_strcmp0 (tmpl->body, self->tmpl->body) == 0)
    return;
  g_set_object (&self->tmpl, tmpl);
  if (tmpl != NULL)
    gtk_label_set_text (self->template_label, tmpl->name);
  else
    gtk_label_set_text (self->template_label, _("No template for this step: write your own"));
  set_edited (self, FALSE);
  fill (self);
}

/**
 * cd_message_box_set_values:
 * @values: (element-type utf8 utf8) (transfer none): placeholder name → value
 */
void
cd_message_box_set_values (CdMessageBox *self,
                           GHashTable   *values)
{
  g_return_if_fail (CD_IS_MESSAGE_BOX (self));

  g_clear_pointer (&self->values, g_hash_table_unref);
  self->values = values != NULL ? g_hash_table_ref (values) : NULL;
  fill (self);
}

const char *
cd_message_box_get_language (CdMessageBox *self)
{
  g_return_val_if_fail (CD_IS_MESSAGE_BOX (self), "");

  return self->language;
}

void
cd_message_box_set_language (CdMessageBox *self,
                             const char   *language)
{
  g_return_if_fail (CD_IS_MESSAGE_BOX (self));

  if (language == NULL)
    language = "";
  if (g_str_equal (self->language, language))
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  show_language (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/**
 * cd_message_box_dup_text:
 *
 * Returns: (transfer full): the message as it stands, edits included
 */
char *
cd_message_box_dup_text (CdMessageBox *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Returns: how many placeholders the text still holds */
guint
cd_message_box_get_n_missing (CdMessageBox *self)
{
  return self->n_missing;
}

gboolean
cd_message_box_get_edited (CdMessageBox *self)
{
  return self->edited;
}

/* Puts the message on the clipboard and emits ::copied, so the case's timeline can say so. */
void
cd_message_box_copy (CdMessageBox *self)
{
  g_autofree char *text = cd_message_box_dup_text (self);

  if (*text == '\0')
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  g_signal_emit (self, signals[COPIED], 0, text);
}
