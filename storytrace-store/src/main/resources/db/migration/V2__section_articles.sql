-- The articles an element of the analysis belongs to, so that a story's links and quotes are found by its
-- articles without reading the whole section: article_id is an article's own id, a quote's article, a
-- link's first article; other_id a link's second article. The rows saved before this column existed are
-- dropped and the analysis marked stale: the next ingest (or serve) saves it again, with the columns filled.
ALTER TABLE sections ADD COLUMN article_id VARCHAR(1000);
ALTER TABLE sections ADD COLUMN other_id VARCHAR(1000);
CREATE INDEX sections_article ON sections (section, article_id);
CREATE INDEX sections_other ON sections (section, other_id);
DELETE FROM sections;
DELETE FROM meta WHERE name = 'analysed_seq';
