/* cd-case-page-follow-ups.c — recording and planning return visits from the case page
 *
 * The dialog hands back its copy of the follow-up; the page writes it into a freshly loaded
 * case, so a stale copy here cannot undo anyone's change, and stores it with
 * cd_case_repository_update(), whose timeline event says what happened (cd-case-diff.c).
 * When that fails, the dialog stays open with what the user typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-case-page-private.h"
#include "cd-error.h"
#include "cd-follow-up-dialog.h"
#include "cd-time.h"

/* Helpers */

static GtkWindow *
get_window (CdCasePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gint64
dialog_case_id (CdFollowUpDialog *dialog)
{
  gint64 *case_id = g_object_get_data (G_OBJECT (dialog), "cd-case-id");

  return case_id != NULL ? *case_id : 0;
}

static void
attach_case_id (CdFollowUpDialog *dialog,
                gint64            case_id)
{
  gint64 *stored = g_new (gint64, 1);

  *stored = case_id;
  g_object_set_data_full (G_OBJECT (dialog), "cd-case-id", stored, g_free);
}

static void
say (CdCasePage *self,
     const char *text)
{
  g_autoptr(AdwToast) toast = adw_toast_new (text);

  g_signal_emit_by_name (self, "add-toast", toast);
}

/* Returns: (transfer none) (nullable): the follow-up of @kase stored as @id */
static CdFollowUp *
find_follow_up (CdCase *kase,
                gint64  id,
                guint  *index)
{
  for (guint i = 0; i < kase->followups->len; i++)
    {
      CdFollowUp *f = g_ptr_array_index (kase->followups, i);

      if (f->id == id)
        {
          *index = i;
          return f;
        }
    }
  return NULL;
}

/* Signal callbacks */

static void
on_recorded_cb (CdFollowUpDialog *dialog,
                CdFollowUp       *edited,
                CdCasePage       *self)
{
  g_autoptr(CdCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  CdFollowUp *stored = NULL;
  guint index = 0;

  kase = cd_case_repository_load (self->repository, dialog_case_id (dialog), &error);
  if (kase != NULL)
    stored = find_follow_up (kase, edited->id, &index);
  if (kase != NULL && stored == NULL)
    g_set_error_literal (&error, CD_ERROR, CD_ERROR_CONFLICT,
                         _("The follow-up was changed or removed elsewhere in the meantime. "
                           "Cancel, and record it again from the case."));
  if (stored != NULL)
    {
      g_ptr_array_index (kase->followups, index) = cd_follow_up_copy (edited);
      g_object_unref (stored);
    }
  if (error != NULL || !cd_case_repository_update (self->repository, kase, &error))
    {
      cd_follow_up_dialog_show_error (dialog, _("Could Not Record the Follow-up"), error);
      return;
    }
  say (self, _("Follow-up recorded"));
}

static void
on_planned_cb (CdFollowUpDialog *dialog,
               CdFollowUp       *planned,
               CdCasePage       *self)
{
  g_autoptr(CdCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  CdFollowUp *added;

  kase = cd_case_repository_load (self->repository, dialog_case_id (dialog), &error);
  if (kase != NULL)
    {
      added = cd_follow_up_copy (planned);
      added->id = 0;
      g_ptr_array_add (kase->followups, added);
    }
  if (kase == NULL || !cd_case_repository_update (self->repository, kase, &error))
    {
      cd_follow_up_dialog_show_error (dialog, _("Could Not Plan the Follow-up"), error);
      return;
    }
  say (self, _("Follow-up planned"));
}

/* Internal API */

/* Opens the dialog that records the case's follow-up at @index (as shown). */
void
cd_case_page_record_follow_up (CdCasePage *self,
                               guint       index)
{
  GtkWidget *dialog;

  if (self->kase == NULL || index >= self->kase->followups->len)
    return;
  dialog = cd_follow_up_dialog_new (get_window (self),
                                    g_ptr_array_index (self->kase->followups, index));
  attach_case_id (CD_FOLLOW_UP_DIALOG (dialog), self->case_id);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_recorded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens the dialog that plans a new follow-up, suggesting when and how. */
void
cd_case_page_plan_follow_up (CdCasePage *self)
{
  g_autoptr(CdFollowUp) draft = NULL;
  GtkWidget *dialog;

  if (self->kase == NULL)
    return;
  draft = cd_follow_up_new_planned (self->kase->channel, cd_time_now ());
  dialog = cd_follow_up_dialog_new_plan (get_window (self), draft);
  attach_case_id (CD_FOLLOW_UP_DIALOG (dialog), self->case_id);
  g_signal_connect_object (dialog, "planned", G_CALLBACK (on_planned_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
