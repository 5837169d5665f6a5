-- Schema version 2: full-text search over cases.
-- cd_search_text() (registered by CdDatabase on every connection, deterministic) folds the
-- text and puts each CJK character in a token of its own, so that one- and two-character
-- Chinese queries match; cd_digits() adds the phone number as one run of digits.
-- The index is contentless and kept by triggers, so every writer keeps it right; a
-- contentless FTS5 row is deleted by repeating the values it was indexed with.
-- cd_search_auto() is false while the importer writes many cases: FTS5 flushes its pending
-- data at every statement savepoint, so row-by-row triggers would make a bulk import slow.
-- The importer then indexes the rows it wrote with one statement over case_search_source.

CREATE VIRTUAL TABLE case_search USING fts5 (
  body,
  content = '',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIEW case_search_source (id, body) AS
  SELECT id, cd_search_text (customer_name, buyer_id, phone, cd_digits (phone), cd_phone_key (phone), email,
                             order_number, product, description, summary, customer_wants,
                             promise, improvement)
  FROM cases;

INSERT INTO case_search (rowid, body) SELECT id, body FROM case_search_source;

CREATE TRIGGER cases_search_insert AFTER INSERT ON cases WHEN cd_search_auto () BEGIN
  INSERT INTO case_search (rowid, body)
    VALUES (new.id, cd_search_text (new.customer_name, new.buyer_id, new.phone,
                                    cd_digits (new.phone), cd_phone_key (new.phone), new.email, new.order_number,
                                    new.product, new.description, new.summary,
                                    new.customer_wants, new.promise, new.improvement));
END;

CREATE TRIGGER cases_search_delete AFTER DELETE ON cases WHEN cd_search_auto () BEGIN
  INSERT INTO case_search (case_search, rowid, body)
    VALUES ('delete', old.id, cd_search_text (old.customer_name, old.buyer_id, old.phone,
                                              cd_digits (old.phone), cd_phone_key (old.phone), old.email,
                                              old.order_number, old.product,
                                              old.description, old.summary,
                                              old.customer_wants, old.promise,
                                              old.improvement));
END;

CREATE TRIGGER cases_search_update
  AFTER UPDATE OF customer_name, buyer_id, phone, email, order_number, product, description,
                  summary, customer_wants, promise, improvement
  ON cases
  WHEN cd_search_auto ()
BEGIN
  INSERT INTO case_search (case_search, rowid, body)
    VALUES ('delete', old.id, cd_search_text (old.customer_name, old.buyer_id, old.phone,
                                              cd_digits (old.phone), cd_phone_key (old.phone), old.email,
                                              old.order_number, old.product,
                                              old.description, old.summary,
                                              old.customer_wants, old.promise,
                                              old.improvement));
  INSERT INTO case_search (rowid, body)
    VALUES (new.id, cd_search_text (new.customer_name, new.buyer_id, new.phone,
                                    cd_digits (new.phone), cd_phone_key (new.phone), new.email, new.order_number,
                                    new.product, new.description, new.summary,
                                    new.customer_wants, new.promise, new.improvement));
END;
