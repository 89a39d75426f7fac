-- Indexes the story list and the story pages look stories up by: a story's outlets and entities, an
-- entity's spellings (without them each lookup scanned its whole table: 23 s for a page of 500 stories
-- of a store of 100,000 articles).
CREATE INDEX story_outlets_story ON story_outlets (story_id);
CREATE INDEX story_entities_story ON story_entities (story_id);
CREATE INDEX entity_variants_entity ON entity_variants (entity_id);
CREATE INDEX stories_order ON stories (size DESC, ord);
