-- 002_provenance.sql -- quotes across articles (issue 4).
--
-- A quote is a cluster of occurrences of one utterance. Each occurrence
-- joins one quote with a relation: the same words after normalisation
-- (exact), a run of whole words inside the quote's longest version
-- (fragment), or the same quote with a few words changed (variant, with the
-- word difference kept). Reported speech (kind 'indirect') clusters only
-- with reported speech: a paraphrase is no quote of the words.
--
-- The index tables let an occurrence find its quote with a few index
-- lookups, never a scan of all quotes:
--  quote_key    hash of the normalised words of a whole quote, or of one
--               sentence of a longer quote (containment of sentences);
--  quote_lsh    MinHash over two-word shingles, cut into bands: two quotes
--               sharing a band hash are candidates for a variant;
--  quote_token  the words of a quote, for short fragments (1-4 words) that
--               have too few shingles for MinHash.

CREATE TABLE quote (
  id         INTEGER PRIMARY KEY,
  text       TEXT NOT NULL,          -- the longest version, as written
  norm       TEXT NOT NULL,          -- its normalised words
  words      INTEGER NOT NULL,
  indirect   INTEGER NOT NULL DEFAULT 0,  -- 1: a cluster of reported speech
  speaker_id INTEGER REFERENCES entity (id),  -- first speaker known
  canon_id   INTEGER REFERENCES occurrence (id) ON DELETE SET NULL,
  first_seen TEXT,                   -- earliest speech or article date
  members    INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX quote_speaker ON quote (speaker_id);

CREATE TABLE quote_member (
  occurrence_id INTEGER PRIMARY KEY
                REFERENCES occurrence (id) ON DELETE CASCADE,
  quote_id      INTEGER NOT NULL REFERENCES quote (id) ON DELETE CASCADE,
  relation      TEXT NOT NULL
                -- OR, not IN: see 001
                CHECK (relation = 'exact' OR relation = 'fragment' OR
                       relation = 'variant'),
  diff          TEXT                 -- variants: "this→that"
) STRICT;
CREATE INDEX quote_member_quote ON quote_member (quote_id);

CREATE TABLE quote_key (
  hash     INTEGER NOT NULL,
  quote_id INTEGER NOT NULL REFERENCES quote (id) ON DELETE CASCADE,
  PRIMARY KEY (hash, quote_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX quote_key_quote ON quote_key (quote_id);

CREATE TABLE quote_lsh (
  band     INTEGER NOT NULL,
  hash     INTEGER NOT NULL,
  quote_id INTEGER NOT NULL REFERENCES quote (id) ON DELETE CASCADE,
  PRIMARY KEY (band, hash, quote_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX quote_lsh_quote ON quote_lsh (quote_id);

-- short: 1 for quotes of at most four words (fragments waiting for their
-- full version), 0 for longer ones
CREATE TABLE quote_token (
  short    INTEGER NOT NULL,
  hash     INTEGER NOT NULL,
  quote_id INTEGER NOT NULL REFERENCES quote (id) ON DELETE CASCADE,
  PRIMARY KEY (short, hash, quote_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX quote_token_quote ON quote_token (quote_id);

-- One row per occurrence with its quote: the chain in one table.
CREATE VIEW provenance AS
SELECT q.id                       AS quote_id,
       q.text                     AS quote,
       m.relation                 AS relation,
       m.diff                     AS diff,
       o.id                       AS occurrence_id,
       o.kind                     AS kind,
       o.text                     AS text,
       sp.name                    AS speaker,
       ou.name                    AS outlet,
       o.venue                    AS venue,
       coalesce(o.date, a.date)   AS date,
       a.name                     AS article,
       a.date                     AS article_date,
       pub.name                   AS publisher
FROM quote_member m
JOIN quote q ON q.id = m.quote_id
JOIN occurrence o ON o.id = m.occurrence_id
JOIN article a ON a.id = o.article_id
LEFT JOIN entity sp ON sp.id = o.speaker_id
LEFT JOIN entity ou ON ou.id = o.outlet_id
LEFT JOIN entity pub ON pub.id = a.publisher_id;
