-- Schema version 6: every row of the case list reads its case's accepted and done
-- compensations (the total) and its pending follow-ups (the next one's date). With indexes on
-- case_id alone, each such row was then read from its table, pages scattered over a large
-- file: dragging the scroll bar through 100,000 cases read some 600 pages a frame. These
-- indexes hold what the list reads, so it reads them alone, and they serve every look-up by
-- case (deleting a case's compensations and follow-ups) that the old ones did.

CREATE INDEX compensations_case_total ON compensations (case_id, status, amount);
DROP INDEX compensations_case;

CREATE INDEX followups_case_pending ON followups (case_id, done_at, due_at);
DROP INDEX followups_case;
