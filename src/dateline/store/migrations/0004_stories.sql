-- Stories: one row per real incident seen by one or more documents, rebuilt locally when documents
-- arrive. Profiles and blocking keys are kept so an update compares new documents with stored
-- candidates only, never the whole corpus.
CREATE TABLE story_profiles (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    profile_json TEXT NOT NULL,
    run_id INTEGER
);

CREATE TABLE story_keys (
    key TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX story_keys_key ON story_keys(key);
CREATE INDEX story_keys_document ON story_keys(document_id);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    event_type TEXT,
    sub_event_type TEXT,
    place_name TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    date_start TEXT,
    date_end TEXT,
    time_precision INTEGER,
    actors_json TEXT NOT NULL DEFAULT '[]',
    fatalities_low INTEGER,
    fatalities_high INTEGER,
    n_documents INTEGER NOT NULL,
    n_outlets INTEGER NOT NULL,
    record_json TEXT NOT NULL,
    created_run INTEGER,
    updated_run INTEGER
);
CREATE INDEX stories_date ON stories(date_start);

-- One row per member document; event_id names the document's event that belongs to the story
-- (several rows when several of its events do, one row with NULL when none was coded).
CREATE TABLE story_members (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT,
    outlet TEXT,
    published TEXT,
    lag_days INTEGER,
    score REAL
);
CREATE INDEX story_members_story ON story_members(story_id);
CREATE INDEX story_members_document ON story_members(document_id);

-- Where member documents disagree: one row per value a document gives for a field.
CREATE TABLE discrepancies (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    field TEXT NOT NULL,              -- fatalities | date | perpetrator | victims | place
    document_id TEXT NOT NULL,
    outlet TEXT,
    value TEXT,
    claimant TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence TEXT
);
CREATE INDEX discrepancies_story ON discrepancies(story_id);

-- The words each outlet uses for one actor (mentions resolved to it) or one story's incident.
CREATE TABLE framing (
    outlet TEXT NOT NULL,
    target_kind TEXT NOT NULL,        -- actor | story
    target TEXT NOT NULL,             -- actor id or story id
    target_name TEXT,
    term TEXT NOT NULL,
    count INTEGER NOT NULL,
    document_id TEXT,
    example_start INTEGER,
    example_end INTEGER,
    example TEXT
);
CREATE INDEX framing_outlet ON framing(outlet);
CREATE INDEX framing_target ON framing(target_kind, target);
