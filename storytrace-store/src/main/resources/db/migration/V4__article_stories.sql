-- Each article's story in a table of its own. The story was a column of articles, whose rows hold the whole
-- encoded article (several KB, mostly in overflow pages): setting it rewrote every row an analysis moved, so the
-- first save of a store of 100,000 articles rewrote ~600 MB (3 s of updates, then 2.6 s of commit, measured).
-- The old column stays, unused: dropping a column rewrites the whole table, minutes on a large store.
CREATE TABLE article_stories (
    article_id VARCHAR(1000) PRIMARY KEY,
    story_id VARCHAR(64) NOT NULL
);
INSERT INTO article_stories (article_id, story_id) SELECT id, story_id FROM articles WHERE story_id IS NOT NULL;
CREATE INDEX article_stories_story ON article_stories (story_id);
DROP INDEX articles_story;
