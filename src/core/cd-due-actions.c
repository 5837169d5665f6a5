/* cd-due-actions.c — what the Due views do with a promise or a follow-up
 *
 * Every action goes through cd_case_repository_update(), so the case's signals fire and its
 * timeline says what changed (cd-case-diff.c), as for any other edit.
 *
 * Marking a promise done means the remedy was carried out. A promise is pending while its
 * case is at or before the carry-out stage (cd-due-private.h), and the reports count it kept
 * when a compensation was done by the deadline (cd-report.c). So marking it done:
 *
 * - makes every accepted compensation done, at the time given (now, in the UI); suggested,
 *   offered and declined ones were never promised and stay as they are;
 * - moves a case at or before the carry-out stage on to the follow-up stage.
 *
 * A promise with no accepted compensation (an apology, a call back) is then no longer due,
 * but the reports cannot count it kept: they know of no remedy carried out.
 *
 * Recording a follow-up writes its done time, satisfaction and remarks (and the method, which
 * may differ from the one planned); it leaves the stage to the person, as the wizard does.
 *
 * Undo writes the case back as it was, as one more edit in its timeline, and only while
 * nothing else changed it since.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-due-actions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cd-due-actions.h"
#include "cd-error.h"
#include "cd-time.h"

struct _CdDueChange
{
  CdCase *before;      /* as loaded before the action */
  gint64  updated_at;  /* the case's updated_at right after it */
};

static CdFollowUp *
find_follow_up (CdCase  *kase,
                gint64   id,
                GError **error)
{
  for (guint i = 0; i < kase->followups->len; i++)
    {
      CdFollowUp *follow_up = g_ptr_array_index (kase->followups, i);

      if (follow_up->id == id)
        return follow_up;
    }
  g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, _("The follow-up no longer exists"));
  return NULL;
}

static gboolean
promise_pending (CdCase *kase)
{
  return kase->promised_by != CD_TIME_UNSET && kase->stage <= CD_STAGE_CARRY_OUT;
}

/* Loads the case twice: one copy to change, one to keep for undo. */
static gboolean
load_pair (CdCaseRepository  *repository,
           gint64             case_id,
           CdCase           **kase,
           CdCase           **before,
           GError           **error)
{
  *kase = cd_case_repository_load (repository, case_id, error);
  if (*kase == NULL)
    return FALSE;
  *before = cd_case_repository_load (repository, case_id, error);
  if (*before == NULL)
    {
      g_clear_object (kase);
      return FALSE;
    }
  return TRUE;
}

static CdDueChange *
store (CdCaseRepository  *repository,
       CdCase            *kase,
       CdCase            *before,
       GError           **error)
{
  CdDueChange *change;

  if (!cd_case_repository_update (repository, kase, error))
    return NULL;
  change = g_new0 (CdDueChange, 1);
  change->before = g_object_ref (before);
  change->updated_at = kase->updated_at;
  return change;
}

/**
 * cd_due_reschedule:
 * @item: a promise or follow-up as cd_due_list() read it
 * @due_at: the new deadline (the promise's promised_by, the follow-up's due_at)
 *
 * Returns: (transfer full): the change, for undo, or %NULL with @error set
 *   (%CD_ERROR_NOT_FOUND when the case or follow-up is gone, %CD_ERROR_CONFLICT when it is
 *   no longer pending)
 */
CdDueChange *
cd_due_reschedule (CdCaseRepository  *repository,
                   CdDueItem         *item,
                   gint64             due_at,
                   GError           **error)
{
  g_autoptr(CdCase) kase = NULL;
  g_autoptr(CdCase) before = NULL;

  g_return_val_if_fail (CD_IS_CASE_REPOSITORY (repository), NULL);
  g_return_val_if_fail (CD_IS_DUE_ITEM (item), NULL);
  g_return_val_if_fail (due_at != CD_TIME_UNSET, NULL);

  if (!load_pair (repository, item->case_id, &kase, &before, error))
    return NULL;

  if (item->kind == CD_DUE_PROMISE)
    {
      if (!promise_pending (kase))
        {
          g_set_error (error, CD_ERROR, CD_ERROR_CONFLICT, _("The promise has been kept already"));
          return NULL;
        }
      kase->promised_by = due_at;
    }
  else
    {
      CdFollowUp *follow_up = find_follow_up (kase, item->follow_up_id, error);

      if (follow_up == NULL)
        return NULL;
      if (follow_up->done_at != CD_TIME_UNSET)
        {
          g_set_error (error, CD_ERROR, CD_ERROR_CONFLICT, _("The follow-up has been made already"));
          return NULL;
        }
      follow_up->due_at = due_at;
    }
  return store (repository, kase, before, error);
}

/**
 * cd_due_mark_promise_done:
 * @done_at: when the remedy was carried out
 *
 * Records that the case's promise was kept: its accepted compensations are done at @done_at
 * and the case moves on to the follow-up stage (see the top of this file).
 *
 * Returns: (transfer full): the change, for undo, or %NULL with @error set
 *   (%CD_ERROR_CONFLICT when the promise is not pending)
 */
CdDueChange *
cd_due_mark_promise_done (CdCaseRepository  *repository,
                          gint64             case_id,
                          gint64             done_at,
                          GError           **error)
{
  g_autoptr(CdCase) kase = NULL;
  g_autoptr(CdCase) before = NULL;

  g_return_val_if_fail (CD_IS_CASE_REPOSITORY (repository), NULL);
  g_return_val_if_fail (done_at != CD_TIME_UNSET, NULL);

  if (!load_pair (repository, case_id, &kase, &before, error))
    return NULL;
  if (!promise_pending (kase))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_CONFLICT, _("The promise has been kept already"));
      return NULL;
    }

  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *compensation = g_ptr_array_index (kase->compensations, i);

      if (compensation->status == CD_COMPENSATION_ACCEPTED)
        {
          compensation->status = CD_COMPENSATION_DONE;
          compensation->done_at = done_at;
        }
    }
  kase->stage = CD_STAGE_FOLLOW_UP;
  return store (repository, kase, before, error);
}

/**
 * cd_due_record_follow_up:
 * @follow_up: the follow-up as made: its id names the case's follow-up; its done time,
 *   satisfaction (1–5, 0 for none), remarks and method are written
 *
 * Returns: (transfer full): the change, for undo, or %NULL with @error set
 *   (%CD_ERROR_INVALID for a follow-up without done time or with a satisfaction out of range)
 */
CdDueChange *
cd_due_record_follow_up (CdCaseRepository  *repository,
                         gint64             case_id,
                         CdFollowUp        *follow_up,
                         GError           **error)
{
  g_autoptr(CdCase) kase = NULL;
  g_autoptr(CdCase) before = NULL;
  CdFollowUp *stored;

  g_return_val_if_fail (CD_IS_CASE_REPOSITORY (repository), NULL);
  g_return_val_if_fail (CD_IS_FOLLOW_UP (follow_up), NULL);

  if (follow_up->done_at == CD_TIME_UNSET)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                   _("follow_up.done_at: a follow-up made needs the time it was made"));
      return NULL;
    }
  if (follow_up->satisfaction < 0 || follow_up->satisfaction > 5)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID,
                   _("follow_up.satisfaction: the satisfaction is from 1 to 5, or not given"));
      return NULL;
    }

  if (!load_pair (repository, case_id, &kase, &before, error))
    return NULL;
  stored = find_follow_up (kase, follow_up->id, error);
  if (stored == NULL)
    return NULL;
  stored->done_at = follow_up->done_at;
  stored->satisfaction = follow_up->satisfaction;
  stored->method = follow_up->method;
  cd_case_set_string (&stored->remarks, follow_up->remarks);
  return store (repository, kase, before, error);
}

gint64
cd_due_change_get_case_id (CdDueChange *change)
{
  return change->before->id;
}

/**
 * cd_due_change_undo:
 *
 * Writes the case back as it was before @change, as an edit of its own in the timeline.
 *
 * Returns: %FALSE with @error set: %CD_ERROR_CONFLICT when the case changed again since
 *   (nothing is written then), %CD_ERROR_NOT_FOUND when it is gone
 */
gboolean
cd_due_change_undo (CdDueChange       *change,
                    CdCaseRepository  *repository,
                    GError           **error)
{
  g_autoptr(CdCase) kase = NULL;
  CdCase *before;

  g_return_val_if_fail (change != NULL, FALSE);

  before = change->before;
  kase = cd_case_repository_load (repository, before->id, error);
  if (kase == NULL)
    return FALSE;
  if (kase->updated_at != change->updated_at)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_CONFLICT,
                   _("The case has changed since, so this cannot be undone"));
      return FALSE;
    }

  /* What the actions change, put back onto the case as it is now, which keeps its timeline
   * and leaves `before` intact should this write fail. */
  g_ptr_array_set_size (kase->compensations, 0);
  for (guint i = 0; i < before->compensations->len; i++)
    g_ptr_array_add (kase->compensations,
                     cd_compensation_copy (g_ptr_array_index (before->compensations, i)));
  g_ptr_array_set_size (kase->followups, 0);
  for (guint i = 0; i < before->followups->len; i++)
    g_ptr_array_add (kase->followups,
                     cd_follow_up_copy (g_ptr_array_index (before->followups, i)));
  kase->stage = before->stage;
  kase->promised_by = before->promised_by;
  return cd_case_repository_update (repository, kase, error);
}

void
cd_due_change_free (CdDueChange *change)
{
  if (change == NULL)
    return;
  g_clear_object (&change->before);
  g_free (change);
}
