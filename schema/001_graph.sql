-- 001_graph.sql -- the attribution graph.
--
-- Nodes: article, entity (person, organisation, outlet) with its aliases,
-- occurrence (one quote at one place in one article).
-- Edges: occurrence in article; occurrence said by a speaker, to an outlet
-- (with cue, evidence span, rule and confidence); article published by an
-- outlet; article cites an outlet.
-- Views at the end give readable tables for people using sqlite3.
--
-- The CHECK constraints on a column's few values are written with OR, not
-- IN: SQLite builds a temporary b-tree for an IN list of three or more
-- values each time the constraint is checked, that is for every row
-- inserted (7% of the cost of an ingest). Databases made before this was
-- written so keep the IN form, which means the same.

CREATE TABLE entity (
  id      INTEGER PRIMARY KEY,
  type    TEXT NOT NULL CHECK (type = 'person' OR type = 'org' OR
                               type = 'outlet'),
  name    TEXT NOT NULL,          -- canonical display name: "Alexander Grushko"
  key     TEXT NOT NULL,          -- folded full name, the merge key
  surname TEXT,                   -- folded last name word (people)
  title   TEXT,                   -- latest title or role seen
  UNIQUE (type, key)
) STRICT;
CREATE INDEX entity_surname ON entity (surname);

-- every way an entity was written: "Grushko", "Russian Deputy Foreign
-- Minister Alexander Grushko"
CREATE TABLE alias (
  entity_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  alias     TEXT NOT NULL,
  key       TEXT NOT NULL,        -- folded alias
  seen      INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (entity_id, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX alias_key ON alias (key);

CREATE TABLE article (
  id           INTEGER PRIMARY KEY,
  hash         TEXT NOT NULL UNIQUE,  -- SHA-256 of the text: re-ingest is a no-op
  name         TEXT NOT NULL,         -- file name or record id
  url          TEXT,
  title        TEXT,
  date         TEXT,                  -- YYYY-MM-DD
  byline       TEXT,
  publisher_id INTEGER REFERENCES entity (id),  -- outlet or agency
  text         TEXT NOT NULL,
  ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX article_name ON article (name);
CREATE INDEX article_date ON article (date);

-- outlets an article names anywhere (its sources)
CREATE TABLE article_cites (
  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  outlet_id  INTEGER NOT NULL REFERENCES entity (id),
  PRIMARY KEY (article_id, outlet_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE occurrence (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL
              CHECK (kind = 'direct' OR kind = 'partial' OR
                     kind = 'headline' OR kind = 'indirect'),
  text        TEXT NOT NULL,          -- as in the article, marks left out
  norm        TEXT NOT NULL,          -- lower case, plain marks, folded space
  start       INTEGER NOT NULL,       -- byte offsets in article.text
  end         INTEGER NOT NULL,
  sent_start  INTEGER,                -- the sentence holding it
  sent_end    INTEGER,
  speaker_id  INTEGER REFERENCES entity (id),
  speaker_as  TEXT,                   -- the speaker as the extractor named it
  title       TEXT,                   -- the speaker's title in this article
  outlet_id   INTEGER REFERENCES entity (id),  -- first said / published to
  venue       TEXT,
  date        TEXT,                   -- day of the speech, YYYY-MM-DD
  cue         TEXT,
  cue_start   INTEGER,
  cue_end     INTEGER,
  rule        TEXT,                   -- the sieve that chose the speaker
  confidence  REAL NOT NULL DEFAULT 0,
  day         TEXT,                   -- date, else the article's: for sorting
  UNIQUE (article_id, start, end, kind)
) STRICT;
CREATE INDEX occurrence_article ON occurrence (article_id);
CREATE INDEX occurrence_speaker ON occurrence (speaker_id);
CREATE INDEX occurrence_outlet ON occurrence (outlet_id);
CREATE INDEX occurrence_norm ON occurrence (norm);

-- ---------------------------------------------------------------- store
-- Additions of the store (issue 3): lookups the ingest and the queries need,
-- full-text search over quote text, and readable views.

CREATE INDEX occurrence_day ON occurrence (day, article_id, start);
-- a speaker's or an outlet's quotes in date order, from the index alone
CREATE INDEX occurrence_speaker_day
  ON occurrence (speaker_id, day, article_id, start);
CREATE INDEX occurrence_outlet_day
  ON occurrence (outlet_id, day, article_id, start);
CREATE INDEX article_publisher ON article (publisher_id);
CREATE INDEX article_cites_outlet ON article_cites (outlet_id);
CREATE INDEX entity_type_name ON entity (type, name);

-- FTS5 over the words of every occurrence: an external content table, so
-- the text is stored once (in occurrence). New occurrences wait in
-- fts_pending and are indexed when their transaction commits (the store
-- does it, qg__db_fts_sync): FTS5 writes its whole pending index at every
-- SAVEPOINT, and the store takes one per article, so indexing row by row
-- from a trigger made ingest ten times slower. Deleted or edited rows are
-- kept in step by triggers.
CREATE VIRTUAL TABLE occurrence_fts USING fts5 (
  text,
  content = 'occurrence',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE fts_pending (
  id INTEGER PRIMARY KEY          -- occurrence.id not yet in occurrence_fts
) STRICT;
CREATE TRIGGER occurrence_fts_insert AFTER INSERT ON occurrence BEGIN
  INSERT INTO fts_pending (id) VALUES (new.id);
END;
CREATE TRIGGER occurrence_fts_delete AFTER DELETE ON occurrence BEGIN
  INSERT INTO occurrence_fts (occurrence_fts, rowid, text)
    SELECT 'delete', old.id, old.text
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.id);
  DELETE FROM fts_pending WHERE id = old.id;
END;
CREATE TRIGGER occurrence_fts_update AFTER UPDATE OF text ON occurrence BEGIN
  INSERT INTO occurrence_fts (occurrence_fts, rowid, text)
    SELECT 'delete', old.id, old.text
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.id);
  INSERT INTO occurrence_fts (rowid, text)
    SELECT new.id, new.text
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = new.id);
END;

-- Running totals per speaker and per speaker and outlet, kept by the store
-- as it adds each article (and by the triggers below when occurrences are
-- deleted), so that listing speakers and outlets reads a few rows instead
-- of every occurrence. first/last are not narrowed by deletions.
CREATE TABLE speaker_stats (
  entity_id INTEGER PRIMARY KEY REFERENCES entity (id),
  quotes    INTEGER NOT NULL,
  articles  INTEGER NOT NULL,
  first     TEXT,
  last      TEXT
) STRICT;
CREATE INDEX speaker_stats_quotes ON speaker_stats (quotes);
CREATE TABLE speaker_outlet (
  speaker_id INTEGER NOT NULL REFERENCES entity (id),
  outlet_id  INTEGER NOT NULL REFERENCES entity (id),
  quotes     INTEGER NOT NULL,
  PRIMARY KEY (speaker_id, outlet_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX speaker_outlet_outlet ON speaker_outlet (outlet_id);
CREATE TRIGGER occurrence_stats_delete AFTER DELETE ON occurrence
WHEN old.speaker_id IS NOT NULL BEGIN
  UPDATE speaker_stats SET quotes = quotes - 1,
    articles = articles - NOT EXISTS (SELECT 1 FROM occurrence o
      WHERE o.article_id = old.article_id AND o.speaker_id = old.speaker_id)
    WHERE entity_id = old.speaker_id;
  DELETE FROM speaker_stats WHERE entity_id = old.speaker_id AND quotes <= 0;
  UPDATE speaker_outlet SET quotes = quotes - 1
    WHERE speaker_id = old.speaker_id AND outlet_id = old.outlet_id;
  DELETE FROM speaker_outlet WHERE speaker_id = old.speaker_id
    AND outlet_id = old.outlet_id AND quotes <= 0;
END;

-- One row per quote occurrence: who said what, to whom, where it was read.
CREATE VIEW who_said_what AS
SELECT o.id                       AS occurrence_id,
       sp.name                    AS speaker,
       o.title                    AS speaker_title,
       o.text                     AS quote,
       o.kind                     AS kind,
       o.cue                      AS cue,
       ou.name                    AS outlet,
       o.venue                    AS venue,
       o.day                      AS date,
       a.id                       AS article_id,
       a.name                     AS article,
       a.title                    AS article_title,
       a.date                     AS article_date,
       pub.name                   AS publisher,
       o.confidence               AS confidence
FROM occurrence o
JOIN article a ON a.id = o.article_id
LEFT JOIN entity sp ON sp.id = o.speaker_id
LEFT JOIN entity ou ON ou.id = o.outlet_id
LEFT JOIN entity pub ON pub.id = a.publisher_id;

-- Speakers with how often and where they were quoted.
CREATE VIEW quotes_by_speaker AS
SELECT sp.id                          AS speaker_id,
       sp.name                        AS speaker,
       sp.title                       AS title,
       s.quotes                       AS quotes,
       s.articles                     AS articles,
       (SELECT count(*) FROM speaker_outlet so
         WHERE so.speaker_id = sp.id) AS outlets,
       s.first                        AS first,
       s.last                         AS last
FROM speaker_stats s
JOIN entity sp ON sp.id = s.entity_id;

-- Outlets: quotes said to them, articles they published, articles citing them.
CREATE VIEW outlets AS
SELECT e.id AS outlet_id,
       e.name AS outlet,
       (SELECT count(*) FROM occurrence o WHERE o.outlet_id = e.id) AS quotes,
       (SELECT count(*) FROM speaker_outlet so WHERE so.outlet_id = e.id)
         AS speakers,
       (SELECT count(*) FROM article a WHERE a.publisher_id = e.id)
         AS published,
       (SELECT count(*) FROM article_cites c WHERE c.outlet_id = e.id)
         AS cited_by
FROM entity e
WHERE e.type = 'outlet';
