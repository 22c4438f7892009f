-- Coded events, one row each, replaced with their document. Columns the web app and exports filter
-- on are real columns; the rest of the record (claims, evidence spans, associated actors) is JSON.
CREATE TABLE events (
    id TEXT PRIMARY KEY,                 -- <document id>:<n>, stable for a document and pipeline version
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    disorder_type TEXT,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    confidence REAL NOT NULL,
    actor1 TEXT,
    actor1_name TEXT,
    actor2 TEXT,
    actor2_name TEXT,
    inter1 INTEGER,
    inter2 INTEGER,
    interaction INTEGER,
    civilian_targeting INTEGER NOT NULL DEFAULT 0,
    place_name TEXT,
    geonameid INTEGER,
    country TEXT,
    admin1 TEXT,
    admin2 TEXT,
    lat REAL,
    lon REAL,
    geo_precision INTEGER,
    date_start TEXT,
    date_end TEXT,
    time_precision INTEGER,
    fatalities INTEGER,
    fatalities_low INTEGER,
    fatalities_high INTEGER,
    fatalities_claimant TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    record_json TEXT NOT NULL
);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_type ON events(event_type, sub_event_type);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_actor1 ON events(actor1);
CREATE INDEX events_actor2 ON events(actor2);
CREATE INDEX events_place ON events(geonameid);
