/* cd-due-private.h — what "pending" means, in SQL
 *
 * The Due Today and Overdue views (cd-case-list-model.c) and the due list (cd-due-list.c)
 * both ask which promises and follow-ups are still to be kept; they share these fragments so
 * that the two can never disagree. They expect the cases table as `c` and the follow-ups
 * table as `f`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* A case still being handled; a closed case has nothing due, whatever it still holds. */
#define CD_SQL_CASE_OPEN "c.stage != 'closed'"

/* A promise is pending until the remedy is carried out: the case is past the carry-out stage
 * (or escalated, and then it is the platform's to keep). */
#define CD_SQL_PROMISE_PENDING \
  "c.promised_by IS NOT NULL AND " \
  "c.stage IN ('listen', 'confirm', 'apologise', 'propose', 'agree', 'carry_out')"

/* A follow-up is pending until it is made. Written so that SQLite can use the partial index
 * followups_due (due_at) WHERE done_at IS NULL. */
#define CD_SQL_FOLLOW_UP_PENDING "f.done_at IS NULL"

/* The due list's queries (cd-due-list.c), here so that a test can check their plans. Both
 * halves are range scans of partial indexes that hold only what is pending:
 * cases_promise_pending (sql/0005-due-promises.sql, whose WHERE is CD_SQL_PROMISE_PENDING)
 * and followups_due. INDEXED BY: without statistics SQLite could prefer cases_stage or
 * cases_promised_by, which would read every open case or every promise ever made; naming
 * the index makes that impossible, and an error if the index no longer matches. */
#define CD_DUE_PROMISES_WHERE \
  "FROM cases c INDEXED BY cases_promise_pending WHERE " CD_SQL_CASE_OPEN " AND " \
  CD_SQL_PROMISE_PENDING " AND c.promised_by >= :from AND c.promised_by < :to"
#define CD_DUE_FOLLOW_UPS_WHERE \
  "FROM followups f INDEXED BY followups_due JOIN cases c ON c.id = f.case_id WHERE " \
  CD_SQL_FOLLOW_UP_PENDING " AND " CD_SQL_CASE_OPEN " AND f.due_at >= :from AND f.due_at < :to"

#define CD_DUE_LIST_SQL \
  "SELECT 0 AS kind, c.id, c.uid, 0, c.promised_by AS due_at, c.customer_name, c.product, " \
  "c.promise, NULL, c.id AS item_id " CD_DUE_PROMISES_WHERE \
  " UNION ALL " \
  "SELECT 1 AS kind, c.id, c.uid, f.id, f.due_at AS due_at, c.customer_name, c.product, '', " \
  "f.method, f.id AS item_id " CD_DUE_FOLLOW_UPS_WHERE \
  " ORDER BY due_at, kind, item_id LIMIT :limit"

#define CD_DUE_COUNT_SQL \
  "SELECT (SELECT COUNT(*) " CD_DUE_PROMISES_WHERE ") + " \
  "(SELECT COUNT(*) " CD_DUE_FOLLOW_UPS_WHERE ")"

