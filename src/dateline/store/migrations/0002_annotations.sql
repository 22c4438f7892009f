-- What the annotate and resolve stages find in each document. Rows are replaced with their document:
-- re-deriving a document deletes and rewrites them in the same transaction.
CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT,
    inter INTEGER,
    country TEXT,
    parent TEXT,
    wikidata TEXT,
    provisional INTEGER NOT NULL DEFAULT 0,
    pack TEXT
);

CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    source TEXT,
    actor_id TEXT REFERENCES actors(id),
    geonameid INTEGER,
    place_name TEXT,
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    geo_precision INTEGER,
    PRIMARY KEY (document_id, start, end, label)
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_place ON mentions(geonameid);

CREATE TABLE quotes (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    direct INTEGER NOT NULL,
    cue TEXT,
    speaker TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_actor TEXT,
    via TEXT
);
CREATE INDEX quotes_document ON quotes(document_id);
CREATE INDEX quotes_speaker_actor ON quotes(speaker_actor);

CREATE TABLE figures (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    low REAL NOT NULL,
    high REAL NOT NULL,
    unit TEXT,
    counts TEXT,
    qualifier TEXT,
    vague INTEGER NOT NULL DEFAULT 0,
    claimant TEXT,
    claimant_start INTEGER,
    claimant_end INTEGER
);
CREATE INDEX figures_document ON figures(document_id);

CREATE TABLE date_mentions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value_start TEXT,
    value_end TEXT,
    precision TEXT,
    relative INTEGER NOT NULL
);
CREATE INDEX date_mentions_document ON date_mentions(document_id);
