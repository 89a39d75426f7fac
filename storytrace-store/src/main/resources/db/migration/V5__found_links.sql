-- The links each article brought when it was linked (the engine's bytes: Engine.Builder#onLinked), keyed by the
-- article's seq: a restore hands them back with the article and does not look up and verify its candidates again
-- (at 100,000 articles that was a third of a restore's work). A cache: an article without a row is linked again, and
-- its row written then. In a table of its own, not a column of articles, whose rows hold the whole encoded article
-- in overflow pages (see V4): a row is inserted once the article's batch is linked, after the article is durable.
CREATE TABLE found_links (
    seq BIGINT PRIMARY KEY,
    links ${blob} NOT NULL
);
