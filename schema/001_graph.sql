-- 001_graph.sql -- the attribution graph.
--
-- Nodes: article, entity (person, organisation, outlet) with its aliases,
-- occurrence (one quote at one place in one article).
-- Edges: occurrence in article; occurrence said by a speaker, to an outlet
-- (with cue, evidence span, rule and confidence); article published by an
-- outlet; article cites an outlet.
-- Views at the end give readable tables for people using sqlite3.

CREATE TABLE entity (
  id      INTEGER PRIMARY KEY,
  type    TEXT NOT NULL CHECK (type IN ('person', 'org', 'outlet')),
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
              CHECK (kind IN ('direct', 'partial', 'headline', 'indirect')),
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
  UNIQUE (article_id, start, end, kind)
) STRICT;
CREATE INDEX occurrence_article ON occurrence (article_id);
CREATE INDEX occurrence_speaker ON occurrence (speaker_id);
CREATE INDEX occurrence_outlet ON occurrence (outlet_id);
CREATE INDEX occurrence_norm ON occurrence (norm);
