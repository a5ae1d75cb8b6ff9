-- 001_graph.sql: the attribution graph (articles, entities, quotes).
-- Placeholder until the store lands (issue 3).
CREATE TABLE article (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
) STRICT;
