-- 006_who.sql -- covering indexes for `who` (issue 3).
--
-- `who` on a common phrase groups thousands of occurrences by speaker and
-- outlet. Read from the tables, each match costs a page of the occurrence
-- table and a page of the article table (an article row, its text inline,
-- fills a page of its own): thousands of cold pages, which is most of the
-- query's time, and a page fault each for a process that has just opened
-- the file. These hold what the grouping reads, a few dozen rows a page;
-- the quote texts are then read for the groups printed only. Both grow at
-- their right edge as the store appends rows (ids only increase), so an
-- insert costs little. Queries name them (INDEXED BY: SQLite prefers the
-- rowid lookup) only once this migration is in (src/lib/query/who.c).
CREATE INDEX occurrence_who
  ON occurrence (id, speaker_id, outlet_id, day, article_id);
CREATE INDEX article_id_name ON article (id, name);
