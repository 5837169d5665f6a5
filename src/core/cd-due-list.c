/* cd-due-list.c — the promises and follow-ups that fall due
 *
 * Each promise (a case's promised_by) and each follow-up is an item of its own: a case with a
 * promise and two planned return visits is three things to do. "Pending" is defined once, in
 * cd-due-private.h, for these lists and for the Due views of the case list alike.
 *
 * Both halves of the query are range scans of partial indexes, cases_promised_by and
 * followups_due, so that a database of a hundred thousand cases is not read through to find
 * the few that are due (test-due-list checks the plan).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-due-list"

#include "config.h"

#include "cd-due-list.h"
#include "cd-due-private.h"

static void
bind_range (sqlite3_stmt *stmt,
            gint64        from,
            gint64        to)
{
  cd_database_bind_int64 (stmt, ":from", from);
  cd_database_bind_int64 (stmt, ":to", to);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
}

static CdDueItem *
item_from_row (sqlite3_stmt *stmt)
{
  CdDueItem *item = cd_due_item_new (sqlite3_column_int (stmt, 0) == 0 ? CD_DUE_PROMISE
                                                                         : CD_DUE_FOLLOW_UP);
  int method;

  item->case_id = sqlite3_column_int64 (stmt, 1);
  set_string (&item->case_uid, cd_database_column_text (stmt, 2));
  item->follow_up_id = sqlite3_column_int64 (stmt, 3);
  item->due_at = sqlite3_column_int64 (stmt, 4);
  set_string (&item->customer_name, cd_database_column_text (stmt, 5));
  set_string (&item->product, cd_database_column_text (stmt, 6));
  set_string (&item->promise, cd_database_column_text (stmt, 7));
  if (item->kind == CD_DUE_FOLLOW_UP &&
      cd_enum_from_nick (CD_TYPE_FOLLOW_UP_METHOD, cd_database_column_text (stmt, 8), &method))
    item->method = method;
  else if (item->kind == CD_DUE_FOLLOW_UP)
    item->method = CD_METHOD_OTHER;
  return item;
}

/**
 * cd_due_list:
 * @from: the earliest due time included, or %G_MININT64 for all that is overdue
 * @to: the first due time no longer included
 *
 * Returns: (transfer container) (element-type CdDueItem): the pending promises and
 *   follow-ups of the cases not closed that fall due in [@from, @to), earliest first (a
 *   promise before a follow-up due at the same time, then by id), or %NULL with @error set
 */
GPtrArray *
cd_due_list (CdDatabase  *db,
             gint64       from,
             gint64       to,
             GError     **error)
{
  return cd_due_list_head (db, from, to, G_MAXUINT, error);
}

/**
 * cd_due_list_head:
 * @limit: the most items to return; %G_MAXUINT for all
 *
 * The first @limit items cd_due_list() would return, read no further: a shop that let
 * thousands of things fall overdue still sees the earliest at once.
 *
 * Returns: (transfer container) (element-type CdDueItem): the items, or %NULL with @error set
 */
GPtrArray *
cd_due_list_head (CdDatabase  *db,
                  gint64       from,
                  gint64       to,
                  guint        limit,
                  GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  CdStep step;

  g_return_val_if_fail (CD_IS_DATABASE (db), NULL);

  stmt = cd_database_prepare (db, CD_DUE_LIST_SQL, error);
  if (stmt == NULL)
    return NULL;
  bind_range (stmt, from, to);
  /* A negative LIMIT is none. */
  cd_database_bind_int64 (stmt, ":limit", limit == G_MAXUINT ? -1 : (gint64) limit);
  while ((step = cd_database_step (db, stmt, error)) == CD_STEP_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  if (step == CD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&items);
}

/**
 * cd_due_count:
 *
 * Returns: how many items cd_due_list() would return for the same range, or -1 with @error
 *   set
 */
gint64
cd_due_count (CdDatabase  *db,
              gint64       from,
              gint64       to,
              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count;

  g_return_val_if_fail (CD_IS_DATABASE (db), -1);

  stmt = cd_database_prepare (db, CD_DUE_COUNT_SQL, error);
  if (stmt == NULL)
    return -1;
  bind_range (stmt, from, to);
  if (cd_database_step (db, stmt, error) != CD_STEP_ROW)
    return -1;
  count = sqlite3_column_int64 (stmt, 0);
  cd_database_release (stmt);
  return count;
}

/**
 * cd_due_item_is_pending:
 * @pending: (out): whether @item is still to be done at the same time: not done, not moved,
 *   its case not closed
 *
 * One index probe, whatever the size of the lists: for asking after a few items already
 * shown (the reminders' notifications) without reading every pending one.
 *
 * Returns: %FALSE with @error set when the database could not be read
 */
gboolean
cd_due_item_is_pending (CdDatabase  *db,
                        CdDueItem   *item,
                        gboolean    *pending,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  CdStep step;

  g_return_val_if_fail (CD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (CD_IS_DUE_ITEM (item), FALSE);

  *pending = FALSE;
  if (item->kind == CD_DUE_PROMISE)
    stmt = cd_database_prepare (db, "SELECT 1 " CD_DUE_PROMISES_WHERE " AND c.id = :id", error);
  else
    stmt = cd_database_prepare (db, "SELECT 1 " CD_DUE_FOLLOW_UPS_WHERE " AND f.id = :id",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_range (stmt, item->due_at, item->due_at + 1);
  cd_database_bind_int64 (stmt, ":id", item->kind == CD_DUE_PROMISE ? item->case_id
                                                                     : item->follow_up_id);
  step = cd_database_step (db, stmt, error);
  if (step == CD_STEP_ROW)
    {
      *pending = TRUE;
      cd_database_release (stmt);
    }
  return step != CD_STEP_ERROR;
}
