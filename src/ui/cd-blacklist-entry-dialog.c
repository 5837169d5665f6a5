/* cd-blacklist-entry-dialog.c — adding or editing one blacklist entry
 *
 * The dialog never writes into the entry it was given (that may be a row the list shows):
 * on save it loads the stored entry afresh, applies the fields and updates it, or inserts a
 * new one. When the repository refuses, the dialog stays open with everything typed, and an
 * AdwMessageDialog says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-blacklist-entry-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-blacklist-entry-dialog.h"
#include "cd-format.h"
#include "cd-text.h"

struct _CdBlacklistEntryDialog
{
  AdwWindow              parent_instance;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  AdwComboRow           *platform_row;
  AdwEntryRow           *buyer_id_row;
  AdwEntryRow           *nickname_row;
  AdwEntryRow           *phone_row;
  AdwEntryRow           *name_row;
  AdwComboRow           *reason_row;
  GtkTextView           *evidence_view;
  GtkSwitch             *active_switch;
  AdwActionRow          *added_row;
  GtkLabel              *added_label;
  AdwPreferencesGroup   *cases_group;

  /* Owned */
  CdBlacklistRepository *blacklist;
  GPtrArray             *case_uids;   /* (element-type utf8) for a new entry */

  /* Borrowed */
  GHashTable            *case_rows;   /* case uid → AdwActionRow */

  gint64                 entry_id;    /* 0 for a new entry */
};

G_DEFINE_FINAL_TYPE (CdBlacklistEntryDialog, cd_blacklist_entry_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static GListModel *
enum_labels (GType type)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < cd_enum_get_n_values (type); i++)
    gtk_string_list_append (list, cd_enum_get_label (type, (int) i));
  return G_LIST_MODEL (list);
}

static gboolean
has_key (CdBlacklistEntryDialog *self)
{
  return !cd_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->buyer_id_row))) ||
         !cd_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->nickname_row))) ||
         !cd_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
replace_string (char **field,
                char  *value)
{
  g_free (*field);
  *field = value;
}

static void
read_fields (CdBlacklistEntryDialog *self,
             CdBlacklistEntry       *entry)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->evidence_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  entry->platform = (CdPlatform) adw_combo_row_get_selected (self->platform_row);
  entry->reason = (CdBlacklistReason) adw_combo_row_get_selected (self->reason_row);
  replace_string (&entry->buyer_id, dup_trimmed (self->buyer_id_row));
  replace_string (&entry->nickname, dup_trimmed (self->nickname_row));
  replace_string (&entry->phone, dup_trimmed (self->phone_row));
  replace_string (&entry->name, dup_trimmed (self->name_row));
  replace_string (&entry->evidence, gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  entry->active = gtk_switch_get_active (self->active_switch);
}

static void
show_error (CdBlacklistEntryDialog *self,
            const GError           *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Save the Entry"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_case_row_activated_cb (AdwActionRow           *row,
                          CdBlacklistEntryDialog *self)
{
  const char *uid = g_object_get_data (G_OBJECT (row), "cd-case-uid");

  g_signal_emit (self, signals[CASE_ACTIVATED], 0, uid);
}

static void
add_case_row (CdBlacklistEntryDialog *self,
              const char             *uid)
{
  GtkWidget *row = adw_action_row_new ();

  /* Buyer names are plain text, not markup. Until the view describes the case, its uid is
   * all there is to show. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Case"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), uid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "cd-case-uid", g_strdup (uid), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_case_row_activated_cb), self, 0);
  adw_preferences_group_add (self->cases_group, row);
  g_hash_table_replace (self->case_rows, g_strdup (uid), row);
  gtk_widget_set_visible (GTK_WIDGET (self->cases_group), TRUE);
}

static void
fill_from_entry (CdBlacklistEntryDialog *self,
                 CdBlacklistEntry       *entry)
{
  g_autofree char *added = cd_format_time (entry->added_at);

  self->entry_id = entry->id;
  adw_window_title_set_title (self->window_title, _("Edit Blacklist Entry"));
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Blacklist Entry"));
  adw_combo_row_set_selected (self->platform_row, entry->platform);
  adw_combo_row_set_selected (self->reason_row, entry->reason);
  set_text (self->buyer_id_row, entry->buyer_id);
  set_text (self->nickname_row, entry->nickname);
  set_text (self->phone_row, entry->phone);
  set_text (self->name_row, entry->name);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->evidence_view), entry->evidence, -1);
  gtk_switch_set_active (self->active_switch, entry->active);
  gtk_label_set_text (self->added_label, added);
  gtk_widget_set_visible (GTK_WIDGET (self->added_row), TRUE);
  for (guint i = 0; i < entry->case_uids->len; i++)
    add_case_row (self, g_ptr_array_index (entry->case_uids, i));
}

static void
fill_from_case (CdBlacklistEntryDialog *self,
                CdCase                 *kase)
{
  adw_combo_row_set_selected (self->platform_row, kase->platform);
  set_text (self->buyer_id_row, kase->buyer_id);
  set_text (self->nickname_row, kase->customer_name);
  set_text (self->phone_row, kase->phone);
  g_ptr_array_add (self->case_uids, g_strdup (kase->uid));
  add_case_row (self, kase->uid);
  cd_blacklist_entry_dialog_describe_case (self, kase);
}

/* Signal callbacks */

static void
on_key_changed_cb (CdBlacklistEntryDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.save", has_key (self));
}

/* Actions */

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  CdBlacklistEntryDialog *self = CD_BLACKLIST_ENTRY_DIALOG (widget);
  g_autoptr(CdBlacklistEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (!has_key (self))
    return;

  if (self->entry_id > 0)
    entry = cd_blacklist_repository_load (self->blacklist, self->entry_id, &error);
  else
    {
      entry = cd_blacklist_entry_new ();
      for (guint i = 0; i < self->case_uids->len; i++)
        g_ptr_array_add (entry->case_uids, g_strdup (g_ptr_array_index (self->case_uids, i)));
    }
  if (entry == NULL)
    {
      show_error (self, error);
      return;
    }

  read_fields (self, entry);
  saved = self->entry_id > 0 ? cd_blacklist_repository_update (self->blacklist, entry, &error)
                             : cd_blacklist_repository_insert (self->blacklist, entry, &error);
  if (!saved)
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, entry->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Ctrl+Enter saves from any field. A class binding would not do: bindings act as the key
 * bubbles up, and the evidence text view takes Enter with any modifier for a new line. */
static void
add_save_shortcut (CdBlacklistEntryDialog *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut =
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                      gtk_named_action_new ("entry.save"));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* GObject overrides */

static void
cd_blacklist_entry_dialog_dispose (GObject *object)
{
  CdBlacklistEntryDialog *self = (CdBlacklistEntryDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_BLACKLIST_ENTRY_DIALOG);
  g_clear_object (&self->blacklist);
  g_clear_pointer (&self->case_uids, g_ptr_array_unref);
  g_clear_pointer (&self->case_rows, g_hash_table_unref);
  G_OBJECT_CLASS (cd_blacklist_entry_dialog_parent_class)->dispose (object);
}

static void
cd_blacklist_entry_dialog_class_init (CdBlacklistEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_blacklist_entry_dialog_dispose;

  /**
   * CdBlacklistEntryDialog::saved:
   * @id: the entry, as stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * CdBlacklistEntryDialog::case-activated:
   * @uid: the case
   *
   * The user asked to open one of the cases the entry came from.
   */
  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/CompDesk/ui/cd-blacklist-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistEntryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistEntryDialog, platform_row);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistEntryDialog, buyer_id_row);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistEntryDialog, nickname_row);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistEntryDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistEntryDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistEntryDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistEntryDialog, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistEntryDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistEntryDialog, added_row);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistEntryDialog, added_label);
  gtk_widget_class_bind_template_child (widget_class, CdBlacklistEntryDialog, cases_group);
  /* Named for the tests, which find it with gtk_widget_get_template_child(). */
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_key_changed_cb);

  gtk_widget_class_install_action (widget_class, "entry.save", NULL, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_blacklist_entry_dialog_init (CdBlacklistEntryDialog *self)
{
  g_autoptr(GListModel) platforms = enum_labels (CD_TYPE_PLATFORM);
  g_autoptr(GListModel) reasons = enum_labels (CD_TYPE_BLACKLIST_REASON);

  self->case_uids = g_ptr_array_new_with_free_func (g_free);
  self->case_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  add_save_shortcut (self);
  gtk_window_set_title (GTK_WINDOW (self), _("New Blacklist Entry"));
  adw_combo_row_set_model (self->platform_row, platforms);
  adw_combo_row_set_model (self->reason_row, reasons);
  adw_combo_row_set_selected (self->platform_row, CD_PLATFORM_OTHER);
  adw_combo_row_set_selected (self->reason_row, CD_REASON_OTHER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.save", FALSE);
}

/* Public API */

/**
 * cd_blacklist_entry_dialog_new:
 * @parent: (nullable): the window it is modal to
 * @entry: (nullable): the entry to edit (not modified: it is read again on save); %NULL for a
 *   new one
 * @from_case: (nullable): for a new entry, the case whose buyer it is: its buyer ID, name,
 *   phone and platform are filled in and the entry is linked to it
 *
 * Returns: (transfer none): the dialog, not yet shown; it destroys itself when closed
 */
CdBlacklistEntryDialog *
cd_blacklist_entry_dialog_new (GtkWindow             *parent,
                               CdBlacklistRepository *blacklist,
                               CdBlacklistEntry      *entry,
                               CdCase                *from_case)
{
  CdBlacklistEntryDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CD_IS_BLACKLIST_REPOSITORY (blacklist), NULL);
  g_return_val_if_fail (entry == NULL || CD_IS_BLACKLIST_ENTRY (entry), NULL);
  g_return_val_if_fail (from_case == NULL || CD_IS_CASE (from_case), NULL);

  self = g_object_new (CD_TYPE_BLACKLIST_ENTRY_DIALOG, "transient-for", parent, NULL);
  self->blacklist = g_object_ref (blacklist);
  if (entry != NULL && entry->id > 0)
    fill_from_entry (self, entry);
  else if (from_case != NULL)
    fill_from_case (self, from_case);
  on_key_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->buyer_id_row));
  return self;
}

/* Returns: the entry being edited, or 0 for a new one */
gint64
cd_blacklist_entry_dialog_get_entry_id (CdBlacklistEntryDialog *self)
{
  g_return_val_if_fail (CD_IS_BLACKLIST_ENTRY_DIALOG (self), 0);
  return self->entry_id;
}

/**
 * cd_blacklist_entry_dialog_describe_case:
 *
 * Shows @kase's buyer and order on its row in the list of cases the entry came from, in place
 * of its uid. Does nothing if the entry is not linked to @kase.
 */
void
cd_blacklist_entry_dialog_describe_case (CdBlacklistEntryDialog *self,
                                         CdCase                 *kase)
{
  AdwActionRow *row;
  g_autofree char *created = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (CD_IS_BLACKLIST_ENTRY_DIALOG (self));
  g_return_if_fail (CD_IS_CASE (kase));

  row = g_hash_table_lookup (self->case_rows, kase->uid);
  if (row == NULL)
    return;
  created = cd_format_date (kase->created_at);
  if (kase->order_number[0] != '\0')
    /* Translators: a case in a blacklist entry: "Order 1234567 · 3 Mar 2025" */
    subtitle = g_strdup_printf (_("Order %s · %s"), kase->order_number, created);
  else
    subtitle = g_strdup (created);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 kase->customer_name[0] != '\0' ? kase->customer_name
                                                                : _("Case"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}
