-- Schema version 5: the Overdue view and the sidebar's count look for pending promises due
-- before now. cases_promised_by holds every promise ever made, so that range walked the
-- promises of every closed case too (100,000 cases: ~0.5 s a count, once a minute). This
-- index holds only the promises still pending; its WHERE is CD_SQL_PROMISE_PENDING
-- (cd-due-private.h) word for word, which SQLite needs to use it, and the due list names it
-- with INDEXED BY, so that a difference is an error in the tests rather than a slow query.

CREATE INDEX cases_promise_pending ON cases (promised_by)
  WHERE promised_by IS NOT NULL AND
        stage IN ('listen', 'confirm', 'apologise', 'propose', 'agree', 'carry_out');
