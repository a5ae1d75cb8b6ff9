-- 003_store.sql -- a cheaper ingest (issue 3).
--
-- Four indexes of 001 are prefixes of others and only cost writes:
-- occurrence (article_id) is the head of the UNIQUE (article_id, start,
-- end, kind) index, (speaker_id) of occurrence_speaker_day, (outlet_id) of
-- occurrence_outlet_day; nothing looks occurrences up by norm (a LIKE
-- '%...%' cannot use an index).
DROP INDEX occurrence_article;
DROP INDEX occurrence_speaker;
DROP INDEX occurrence_outlet;
DROP INDEX occurrence_norm;

-- New occurrences are no longer queued one row at a time by a trigger: the
-- store remembers the ids it inserted in the transaction and indexes them
-- in FTS5 just before it commits (qg__db_fts_sync). The trigger also made
-- every occurrence insert a multi-row write, which costs a statement
-- journal. fts_pending stays (empty) for the delete and update triggers.
DROP TRIGGER occurrence_fts_insert;
