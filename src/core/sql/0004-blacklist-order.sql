-- Schema version 4: the blacklist view lists entries newest first, active ones by default;
-- with a million entries these indexes make opening it and broad searches several times
-- faster (bench/blacklist-search).

CREATE INDEX blacklist_added_at ON blacklist (added_at);
CREATE INDEX blacklist_active_added_at ON blacklist (active, added_at);
