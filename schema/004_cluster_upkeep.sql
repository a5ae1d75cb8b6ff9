-- 004_cluster_upkeep.sql -- quote clusters kept right when articles go, and
-- cheaper to find as the corpus grows (issue 4).
--
-- Index. 002 kept three index tables keyed by a random hash, each with a
-- second index by quote and cascading deletes: every new quote dirtied
-- about forty scattered pages, and ingest slowed as they outgrew the page
-- cache. Here there are two tables, without second indexes:
--  quote_hash  hash -> quote: whole text and sentence keys, a MinHash
--              sketch of word pairs, and the rare word of a short fragment (each kind
--              hashed with a seed of its own, so they never meet);
--  quote_word  (speaker, word) -> quote: the words of longer quotes, for
--              short fragments to find them. Keyed by speaker first, since
--              a short fragment joins only a quote of a compatible speaker:
--              one quote's words land side by side, on a page or two.
-- Their rows are hints: every candidate is read and checked word for word,
-- so a row left behind by a deleted or merged quote costs one lookup and is
-- never wrong. That is why they have no foreign keys.
--
-- Upkeep. quote.members counts the quote's occurrences and an empty quote
-- goes, in SQL, as soon as an occurrence does (deleting its article). What
-- SQL cannot redo (the longest version, the relations and differences, the
-- first speaker and date) is put right by the program: the quote is marked
-- in quote_stale and its remaining occurrences are clustered again when
-- the database is next opened for writing or an article is added.
--
-- Backfill. Occurrences stored before 002 (or with the indexes of 002, replaced
-- here) wait in cluster_pending; the program clusters them, in the order
-- they were stored, when it opens the database for writing.

DROP TABLE quote_key;
DROP TABLE quote_lsh;
DROP TABLE quote_token;
DELETE FROM quote_member;
DELETE FROM quote;

CREATE TABLE quote_hash (
  hash     INTEGER NOT NULL,
  quote_id INTEGER NOT NULL,
  PRIMARY KEY (hash, quote_id)
) STRICT, WITHOUT ROWID;

-- speaker_id 0: a quote whose speaker is unknown
CREATE TABLE quote_word (
  speaker_id INTEGER NOT NULL,
  hash       INTEGER NOT NULL,
  quote_id   INTEGER NOT NULL,
  PRIMARY KEY (speaker_id, hash, quote_id)
) STRICT, WITHOUT ROWID;

-- deleting an occurrence clears quote.canon_id: find it by index
CREATE INDEX quote_canon ON quote (canon_id);

CREATE TABLE quote_stale (
  quote_id INTEGER PRIMARY KEY
) STRICT;

CREATE TABLE cluster_pending (
  occurrence_id INTEGER PRIMARY KEY
                REFERENCES occurrence (id) ON DELETE CASCADE
) STRICT;

INSERT INTO cluster_pending (occurrence_id) SELECT id FROM occurrence;

CREATE TRIGGER quote_member_delete AFTER DELETE ON quote_member BEGIN
  UPDATE quote SET members = members - 1 WHERE id = old.quote_id;
  DELETE FROM quote WHERE id = old.quote_id AND members <= 0;
  INSERT OR IGNORE INTO quote_stale (quote_id)
    SELECT id FROM quote WHERE id = old.quote_id;
END;

-- a quote that goes takes its mark with it
CREATE TRIGGER quote_delete AFTER DELETE ON quote BEGIN
  DELETE FROM quote_stale WHERE quote_id = old.id;
END;
