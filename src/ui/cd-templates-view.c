/* cd-templates-view.c — the shop's message templates, each reply in both languages
 *
 * Helpdesks whose canned replies multiply per language make people pick the right copy by
 * hand. Here the language versions of one reply sit side by side (they share a uid but for
 * a language suffix, cd_builtin_templates_dup_pair_key()), grouped by the wizard step that
 * uses them. Edits are saved shortly after typing stops; a deleted reply can be undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-templates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-builtin-templates.h"
#include "cd-message-box.h"
#include "cd-template-renderer.h"
#include "cd-templates-view.h"

#define SAVE_DELAY_MS 400
#define N_STEPS 8
#define TEMPLATE_KEY "cd-template"

struct _CdTemplatesView
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkWidget            *back_button;
  GtkFlowBox           *placeholders_box;
  GtkWidget            *empty_page;
  GtkBox               *groups_box;

  /* Owned */
  CdTemplateRepository *repository;
  GPtrArray            *list;        /* (element-type CdMessageTemplate) as shown */
  GPtrArray            *columns;     /* (element-type GtkBox) to flip when folded */
  GHashTable           *pending;     /* (element-type CdMessageTemplate) not yet saved */

  /* Borrowed */
  GtkTextView          *last_body;   /* (weak) where a placeholder button inserts */

  guint                 save_timeout;
  gboolean              saving;      /* the repository's ::changed is our own doing */
  gboolean              folded;
};

G_DEFINE_FINAL_TYPE (CdTemplatesView, cd_templates_view, ADW_TYPE_BIN)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (CdTemplatesView *self);

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  CdTemplatesView *self = CD_TEMPLATES_VIEW (user_data);

  if (self->repository != NULL)
    rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Helpers */

static void
emit_toast (CdTemplatesView *self,
            const char      *text)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, adw_toast_new (text));
}

/* The steps in the wizard's order, then "" for replies meant for no step. */
static const char *
stage_at (guint index)
{
  return index < N_STEPS ? cd_enum_to_nick (CD_TYPE_STAGE, (int) index) : "";
}

static guint
stage_index (const char *stage)
{
  for (guint i = 0; i < N_STEPS; i++)
    if (g_strcmp0 (stage, stage_at (i)) == 0)
      return i;
  return N_STEPS;
}

static const char *
stage_title (guint index)
{
  return index < N_STEPS ? cd_enum_get_label (CD_TYPE_STAGE, (int) index)
                         : _("Other Replies");
}

static guint
language_rank (const char *language)
{
  const char *resolved = cd_builtin_templates_resolve_language (language);

  return g_str_equal (resolved, "en") ? 0 : g_str_equal (resolved, "zh_CN") ? 1 : 2;
}

static gboolean
save_pending (CdTemplatesView *self)
{
  GHashTableIter iter;
  gpointer key;
  gboolean ok = TRUE;

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->saving = TRUE;
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(GError) error = NULL;

      if (!cd_template_repository_update (self->repository, key, &error))
        {
          emit_toast (self, error->message);
          ok = FALSE;
        }
      g_hash_table_iter_remove (&iter);
    }
  self->saving = FALSE;
  return ok;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CdTemplatesView *self = CD_TEMPLATES_VIEW (user_data);

  self->save_timeout = 0;
  save_pending (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (CdTemplatesView   *self,
               CdMessageTemplate *tmpl)
{
  g_hash_table_add (self->pending, g_object_ref (tmpl));
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* Signal callbacks */

static void
on_name_changed_cb (GtkEditable     *entry,
                    CdTemplatesView *self)
{
  CdMessageTemplate *tmpl = g_object_get_data (G_OBJECT (entry), TEMPLATE_KEY);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  /* A template needs a name: an empty one is shown as an error and not saved. */
  if (*name == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  g_free (tmpl->name);
  tmpl->name = g_strdup (gtk_editable_get_text (entry));
  schedule_save (self, tmpl);
}

static void
on_body_changed_cb (GtkTextBuffer   *buffer,
                    CdTemplatesView *self)
{
  CdMessageTemplate *tmpl = g_object_get_data (G_OBJECT (buffer), TEMPLATE_KEY);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (tmpl->body);
  tmpl->body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  cd_message_box_highlight_placeholders (buffer, g_object_get_data (G_OBJECT (buffer), "cd-tag"),
                                         NULL);
  schedule_save (self, tmpl);
}

static void
on_body_focus_cb (GtkTextView     *view,
                  GParamSpec      *pspec,
                  CdTemplatesView *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (view)))
    g_set_weak_pointer (&self->last_body, view);
}

static void
on_language_selected_cb (GtkDropDown     *dropdown,
                         GParamSpec      *pspec,
                         CdTemplatesView *self)
{
  CdMessageTemplate *tmpl = g_object_get_data (G_OBJECT (dropdown), TEMPLATE_KEY);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected > 1)
    return;  /* the template's own, other language: unchanged */
  g_free (tmpl->language);
  tmpl->language = g_strdup (selected == 0 ? "en" : "zh_CN");
  schedule_save (self, tmpl);
}

static void
on_stage_selected_cb (GtkDropDown     *dropdown,
                      GParamSpec      *pspec,
                      CdTemplatesView *self)
{
  GPtrArray *versions = g_object_get_data (G_OBJECT (dropdown), "cd-versions");
  const char *stage = stage_at (gtk_drop_down_get_selected (dropdown));

  for (guint i = 0; i < versions->len; i++)
    {
      CdMessageTemplate *tmpl = g_ptr_array_index (versions, i);

      g_free (tmpl->stage);
      tmpl->stage = g_strdup (stage);
      schedule_save (self, tmpl);
    }
  /* The reply moves to its new group: after this signal, not inside it. */
  save_pending (self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_idle_cb, g_object_ref (self),
                   g_object_unref);
}

static void
on_placeholder_clicked_cb (GtkButton       *button,
                           CdTemplatesView *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "cd-placeholder");
  g_autofree char *text = g_strdup_printf ("{%s}", name);
  GtkTextBuffer *buffer;

  if (self->last_body == NULL)
    {
      emit_toast (self, _("Click into a reply first, where the placeholder should go"));
      return;
    }
  buffer = gtk_text_view_get_buffer (self->last_body);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->last_body));
}

/* Building the replies */

static GtkWidget *
create_language_dropdown (CdTemplatesView   *self,
                          CdMessageTemplate *tmpl)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  guint rank = language_rank (tmpl->language);

  gtk_string_list_append (model, C_("language name", "English"));
  gtk_string_list_append (model, "中文");
  if (rank == 2)
    gtk_string_list_append (model, tmpl->language);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), rank);
  gtk_widget_set_tooltip_text (dropdown, _("Language of this version"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Language of this version"), -1);
  g_object_set_data (G_OBJECT (dropdown), TEMPLATE_KEY, tmpl);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_language_selected_cb), self);
  return dropdown;
}

static GtkWidget *
create_body (CdTemplatesView   *self,
             CdMessageTemplate *tmpl)
{
  GtkWidget *frame = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTag *tag = cd_message_box_create_placeholder_tag (buffer);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (frame), GTK_POLICY_NEVER,
                                  GTK_POLICY_NEVER);
  gtk_widget_add_css_class (frame, "cd-text-frame");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  g_object_set (view, "top-margin", 10, "bottom-margin", 10, "left-margin", 10,
                "right-margin", 10, NULL);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tmpl->name, -1);
  gtk_text_buffer_set_text (buffer, tmpl->body, -1);
  cd_message_box_highlight_placeholders (buffer, tag, NULL);
  g_object_set_data (G_OBJECT (buffer), TEMPLATE_KEY, tmpl);
  g_object_set_data (G_OBJECT (buffer), "cd-tag", tag);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_body_changed_cb), self);
  g_signal_connect (view, "notify::has-focus", G_CALLBACK (on_body_focus_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (frame), view);
  return frame;
}

static GtkWidget *
create_version (CdTemplatesView   *self,
                CdMessageTemplate *tmpl)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (name), tmpl->name);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of this version"), -1);
  g_object_set_data (G_OBJECT (name), TEMPLATE_KEY, tmpl);
  g_signal_connect (name, "changed", G_CALLBACK (on_name_changed_cb), self);
  gtk_box_append (GTK_BOX (top), create_language_dropdown (self, tmpl));
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (column), top);
  gtk_box_append (GTK_BOX (column), create_body (self, tmpl));
  gtk_widget_set_hexpand (column, TRUE);
  return column;
}

static GtkWidget *
create_missing_version (CdTemplatesView *self,
                        GPtrArray       *versions,
                        guint            rank)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (rank == 0 ? _("Add _English Version")
                                                              : _("Add _Chinese Version"));
  CdMessageTemplate *model = g_ptr_array_index (versions, 0);
  g_autofree char *key = cd_builtin_templates_dup_pair_key (model->uid);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "templates.add-version");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sss)", key, model->stage,
                                    rank == 0 ? "en" : "zh_CN");
  return button;
}

static GtkWidget *
create_stage_dropdown (CdTemplatesView *self,
                       GPtrArray       *versions)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  CdMessageTemplate *first = g_ptr_array_index (versions, 0);
  GtkWidget *dropdown;

  for (guint i = 0; i <= N_STEPS; i++)
    gtk_string_list_append (model, stage_title (i));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), stage_index (first->stage));
  gtk_widget_set_tooltip_text (dropdown, _("The wizard step that uses this reply"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Wizard step"), -1);
  g_object_set_data_full (G_OBJECT (dropdown), "cd-versions", g_ptr_array_ref (versions),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_stage_selected_cb), self);
  return dropdown;
}

static GtkWidget *
create_reply (CdTemplatesView *self,
              GPtrArray       *versions)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *columns = gtk_box_new (self->folded ? GTK_ORIENTATION_VERTICAL
                                                 : GTK_ORIENTATION_HORIZONTAL, 12);
  CdMessageTemplate *first = g_ptr_array_index (versions, 0);
  g_autofree char *key = cd_builtin_templates_dup_pair_key (first->uid);
  gboolean has[2] = { FALSE, FALSE };

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_bottom (card, 12);
  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  gtk_widget_set_margin_top (top, 12);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  gtk_widget_set_hexpand (remove, TRUE);
  gtk_widget_set_tooltip_text (remove, _("Delete This Reply"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete this reply"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "templates.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", key);
  gtk_box_append (GTK_BOX (top), create_stage_dropdown (self, versions));
  gtk_box_append (GTK_BOX (top), remove);

  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  g_object_set (columns, "margin-start", 12, "margin-end", 12, "margin-bottom", 12, NULL);
  for (guint i = 0; i < versions->len; i++)
    {
      CdMessageTemplate *tmpl = g_ptr_array_index (versions, i);
      guint rank = language_rank (tmpl->language);

      if (rank < 2)
        has[rank] = TRUE;
      gtk_box_append (GTK_BOX (columns), create_version (self, tmpl));
    }
  for (guint rank = 0; rank < 2; rank++)
    if (!has[rank])
      gtk_box_append (GTK_BOX (columns), create_missing_version (self, versions, rank));
  g_ptr_array_add (self->columns, columns);

  gtk_box_append (GTK_BOX (card), top);
  gtk_box_append (GTK_BOX (card), columns);
  return card;
}

static gint
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  CdMessageTemplate *x = *(CdMessageTemplate **) a;
  CdMessageTemplate *y = *(CdMessageTemplate **) b;

  return (int) language_rank (x->language) - (int) language_rank (y->language);
}

/* Replies of @stage, in the order their first version was added. */
static GPtrArray *
collect_replies (CdTemplatesView *self,
                 guint            stage)
{
  GPtrArray *replies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->list->len; i++)
    {
      CdMessageTemplate *tmpl = g_ptr_array_index (self->list, i);
      char *key = cd_builtin_templates_dup_pair_key (tmpl->uid);
      GPtrArray *versions = g_hash_table_lookup (by_key, key);

      if (versions == NULL)
        {
          versions = g_ptr_array_new ();
          g_hash_table_insert (by_key, key, versions);
          g_ptr_array_add (replies, versions);
        }
      else
        g_free (key);
      g_ptr_array_add (versions, tmpl);
    }
  /* A reply belongs to the step of its first version. */
  for (guint i = replies->len; i > 0; i--)
    {
      GPtrArray *versions = g_ptr_array_index (replies, i - 1);

      if (stage_index (((CdMessageTemplate *) g_ptr_array_index (versions, 0))->stage) != stage)
        g_ptr_array_remove_index (replies, i - 1);
      else
        g_ptr_array_sort (versions, compare_versions);
    }
  return replies;
}

static void
clear_groups (CdTemplatesView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  g_ptr_array_set_size (self->columns, 0);
  g_clear_weak_pointer (&self->last_body);
}

static void
rebuild (CdTemplatesView *self)
{
  g_autoptr(GError) error = NULL;

  save_pending (self);
  clear_groups (self);
  g_clear_pointer (&self->list, g_ptr_array_unref);
  self->list = cd_template_repository_list (self->repository, &error);
  if (self->list == NULL)
    {
      emit_toast (self, error->message);
      self->list = g_ptr_array_new_with_free_func (g_object_unref);
    }
  for (guint stage = 0; stage <= N_STEPS; stage++)
    {
      g_autoptr(GPtrArray) replies = collect_replies (self, stage);
      GtkWidget *group;

      if (replies->len == 0)
        continue;
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), stage_title (stage));
      for (guint i = 0; i < replies->len; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   create_reply (self, g_ptr_array_index (replies, i)));
      gtk_box_append (self->groups_box, group);
    }
  gtk_widget_set_visible (self->empty_page, self->list->len == 0);
}

static void
fill_placeholders (CdTemplatesView *self)
{
  const char * const *names = cd_template_get_placeholders ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf ("{%s}", names[i]);
      GtkWidget *button = gtk_button_new_with_label (label);
      g_autofree char *tooltip = NULL;

      /* Translators: %s is a placeholder such as {buyer}, which stays untranslated */
      tooltip = g_strdup_printf (_("Insert %s at the cursor"), label);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "cd-pill");
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "cd-placeholder", (gpointer) names[i]);
      g_signal_connect (button, "clicked", G_CALLBACK (on_placeholder_clicked_cb), self);
      gtk_flow_box_append (self->placeholders_box, button);
    }
}

/* Actions */

static gboolean
insert_template (CdTemplatesView *self,
                 const char      *uid,
                 const char      *name,
                 const char      *stage,
                 const char      *language)
{
  g_autoptr(CdMessageTemplate) tmpl = cd_message_template_new (uid, name, stage, language, "");
  g_autoptr(GError) error = NULL;

  if (cd_template_repository_insert (self->repository, tmpl, &error))
    return TRUE;
  emit_toast (self, error->message);
  return FALSE;
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CdTemplatesView *self = CD_TEMPLATES_VIEW (widget);
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *en = g_strconcat (key, "-en", NULL);
  g_autofree char *zh = g_strconcat (key, "-zh_CN", NULL);

  save_pending (self);
  self->saving = TRUE;
  /* Template data, not interface text: each version is named in its own language. */
  insert_template (self, en, "New reply", "", "en");
  insert_template (self, zh, "新回复", "", "zh_CN");
  self->saving = FALSE;
  rebuild (self);
}

static void
add_version_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CdTemplatesView *self = CD_TEMPLATES_VIEW (widget);
  const char *key, *stage, *language;
  g_autofree char *uid = NULL;

  g_variant_get (parameter, "(&s&s&s)", &key, &stage, &language);
  uid = g_strconcat (key, "-", language, NULL);
  save_pending (self);
  self->saving = TRUE;
  insert_template (self, uid, g_str_equal (language, "en") ? "New reply" : "新回复", stage,
                   language);
  self->saving = FALSE;
  rebuild (self);
}

static void
on_undo_cb (AdwToast  *toast,
            GPtrArray *deleted)
{
  CdTemplatesView *self = g_object_get_data (G_OBJECT (toast), "cd-view");

  if (self == NULL)
    return;
  self->saving = TRUE;
  for (guint i = 0; i < deleted->len; i++)
    {
      g_autoptr(GError) error = NULL;
      CdMessageTemplate *tmpl = g_ptr_array_index (deleted, i);

      tmpl->id = 0;
      if (!cd_template_repository_insert (self->repository, tmpl, &error))
        emit_toast (self, error->message);
    }
  self->saving = FALSE;
  rebuild (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CdTemplatesView *self = CD_TEMPLATES_VIEW (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL;
  AdwToast *toast;

  save_pending (self);
  self->saving = TRUE;
  for (guint i = 0; i < self->list->len; i++)
    {
      CdMessageTemplate *tmpl = g_ptr_array_index (self->list, i);
      g_autofree char *pair = cd_builtin_templates_dup_pair_key (tmpl->uid);
      g_autoptr(GError) error = NULL;

      if (!g_str_equal (pair, key))
        continue;
      if (cd_template_repository_delete (self->repository, tmpl->id, &error))
        g_ptr_array_add (deleted, g_object_ref (tmpl));
      else
        emit_toast (self, error->message);
    }
  self->saving = FALSE;
  if (deleted->len == 0)
    return;
  /* Translators: %s is the name of a message template */
  title = g_strdup_printf (_("“%s” deleted"),
                           ((CdMessageTemplate *) g_ptr_array_index (deleted, 0))->name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "cd-view", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_cb),
                         g_steal_pointer (&deleted), (GClosureNotify) (void (*) (void))
                         g_ptr_array_unref, 0);
  rebuild (self);
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_repository_changed_cb (CdTemplatesView *self)
{
  if (!self->saving)
    rebuild (self);
}

/* GObject overrides */

static void
cd_templates_view_dispose (GObject *object)
{
  CdTemplatesView *self = CD_TEMPLATES_VIEW (object);

  if (self->repository != NULL && self->pending != NULL)
    save_pending (self);
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  g_clear_weak_pointer (&self->last_body);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_TEMPLATES_VIEW);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->list, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  G_OBJECT_CLASS (cd_templates_view_parent_class)->dispose (object);
}

static void
cd_templates_view_class_init (CdTemplatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_templates_view_dispose;

  /**
   * CdTemplatesView::add-toast:
   * @toast: (transfer full): the toast to show
   */
  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/CompDesk/ui/cd-templates-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CdTemplatesView, back_button);
  gtk_widget_class_bind_template_child (widget_class, CdTemplatesView, placeholders_box);
  gtk_widget_class_bind_template_child (widget_class, CdTemplatesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CdTemplatesView, groups_box);

  gtk_widget_class_install_action (widget_class, "templates.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "templates.add-version", "(sss)",
                                   add_version_activated);
  gtk_widget_class_install_action (widget_class, "templates.delete", "s", delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "templates.add", NULL);
}

static void
cd_templates_view_init (CdTemplatesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->columns = g_ptr_array_new ();
  self->pending = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
  fill_placeholders (self);
}

/* Public API */

/**
 * cd_templates_view_new:
 *
 * Returns: (transfer floating): the view
 */
CdTemplatesView *
cd_templates_view_new (CdTemplateRepository *templates)
{
  CdTemplatesView *self;

  g_return_val_if_fail (CD_IS_TEMPLATE_REPOSITORY (templates), NULL);

  self = g_object_new (CD_TYPE_TEMPLATES_VIEW, NULL);
  self->repository = g_object_ref (templates);
  g_signal_connect_object (templates, "changed", G_CALLBACK (on_repository_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}

/* Shows the back button to the sidebar, and the language versions one above the other. */
void
cd_templates_view_set_folded (CdTemplatesView *self,
                              gboolean         folded)
{
  g_return_if_fail (CD_IS_TEMPLATES_VIEW (self));

  self->folded = !!folded;
  gtk_widget_set_visible (self->back_button, self->folded);
  for (guint i = 0; i < self->columns->len; i++)
    gtk_orientable_set_orientation (g_ptr_array_index (self->columns, i),
                                    self->folded ? GTK_ORIENTATION_VERTICAL
                                                 : GTK_ORIENTATION_HORIZONTAL);
}

gboolean
cd_templates_view_get_folded (CdTemplatesView *self)
{
  g_return_val_if_fail (CD_IS_TEMPLATES_VIEW (self), FALSE);

  return self->folded;
}

/* Reads the templates again (after an import, or seeding). */
void
cd_templates_view_reload (CdTemplatesView *self)
{
  g_return_if_fail (CD_IS_TEMPLATES_VIEW (self));

  rebuild (self);
}
