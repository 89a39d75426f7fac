-- The store's first schema: the same statements on SQLite and PostgreSQL (${blob} is BLOB or BYTEA).
-- Articles are the store's truth; everything else is the analysis of them, rewritten as it changes.

-- every accepted article, in the order it was accepted; doc holds the article and its stored layers
CREATE TABLE articles (
    seq BIGINT PRIMARY KEY,
    id VARCHAR(1000) NOT NULL UNIQUE,
    path TEXT NOT NULL,
    url TEXT,
    title TEXT,
    outlet TEXT,
    published VARCHAR(10),
    language VARCHAR(16),
    story_id VARCHAR(64),
    doc ${blob} NOT NULL
);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_published ON articles (published);

-- inputs that could not be read, and records left out as exact duplicates of an accepted article
CREATE TABLE rejections (
    seq BIGINT PRIMARY KEY,
    path TEXT NOT NULL,
    position TEXT,
    reason TEXT NOT NULL
);
CREATE TABLE duplicates (
    seq BIGINT PRIMARY KEY,
    path TEXT NOT NULL,
    duplicate_of VARCHAR(1000) NOT NULL,
    reason TEXT NOT NULL
);

-- the stories.json contract element by element: section is a top-level array of it (articles, stories,
-- topics, links, entities, quotes, quote_groups), ord the element's place in it, item_key its id
CREATE TABLE sections (
    section VARCHAR(32) NOT NULL,
    ord BIGINT NOT NULL,
    item_key VARCHAR(1000),
    hash BIGINT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (section, ord)
);
CREATE INDEX sections_key ON sections (section, item_key);

-- what the pages and the API filter and sort stories on
CREATE TABLE stories (
    id VARCHAR(64) PRIMARY KEY,
    ord BIGINT NOT NULL,
    topic VARCHAR(64),
    title TEXT,
    size INTEGER NOT NULL,
    first_published VARCHAR(10),
    last_published VARCHAR(10)
);
CREATE TABLE story_outlets (
    story_id VARCHAR(64) NOT NULL,
    outlet TEXT NOT NULL
);
CREATE INDEX story_outlets_outlet ON story_outlets (outlet);
CREATE TABLE entities (
    id VARCHAR(64) PRIMARY KEY,
    ord BIGINT NOT NULL,
    name TEXT,
    type VARCHAR(32)
);
CREATE TABLE entity_variants (
    entity_id VARCHAR(64) NOT NULL,
    variant TEXT NOT NULL
);
CREATE INDEX entity_variants_variant ON entity_variants (variant);
CREATE TABLE story_entities (
    story_id VARCHAR(64) NOT NULL,
    entity_id VARCHAR(64) NOT NULL
);
CREATE INDEX story_entities_entity ON story_entities (entity_id);

-- the analysis's own fields (version, provenance, field order) and its state
CREATE TABLE meta (
    name VARCHAR(64) PRIMARY KEY,
    value TEXT NOT NULL
);
