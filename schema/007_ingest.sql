-- 007_ingest.sql -- a cheaper ingest (issue 3).
--
-- quote (speaker_id) serves no query: quotes are found by their members'
-- occurrences (occurrence_speaker_day for a speaker's), by quote_hash and
-- by id. Every new quote wrote a row of it at a random place, so that a
-- batch touched nearly all of its pages. The foreign key from
-- quote.speaker_id to entity goes on being enforced without it; only
-- deleting an entity, which the program never does, now reads the quote
-- table to check for quotes of it.
DROP INDEX quote_speaker;
