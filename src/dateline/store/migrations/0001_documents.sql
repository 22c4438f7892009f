-- The foundation schema: runs, raw articles, clean documents, failures, full-text index, MinHash bands.
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',        -- running | ok | failures | interrupted | error
    pipeline_version TEXT NOT NULL,
    config_json TEXT NOT NULL,
    resources_json TEXT NOT NULL,
    sources_json TEXT NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id TEXT PRIMARY KEY,                            -- sha256 of raw
    uri TEXT NOT NULL,                              -- where it was first seen
    media_type TEXT NOT NULL,
    encoding TEXT,
    fetched_at TEXT,
    hints_json TEXT NOT NULL DEFAULT '{}',
    raw BLOB NOT NULL,
    first_run INTEGER REFERENCES runs(id)
);

-- The same bytes can arrive under several names; each is kept.
CREATE TABLE article_sources (
    article_id TEXT NOT NULL REFERENCES articles(id),
    uri TEXT NOT NULL,
    first_run INTEGER REFERENCES runs(id),
    PRIMARY KEY (article_id, uri)
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    pipeline_version TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    uri TEXT NOT NULL,
    media_type TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    authors_json TEXT NOT NULL DEFAULT '[]',
    published_start TEXT,
    published_end TEXT,
    published_precision TEXT,
    published_text TEXT,
    dateline TEXT,
    language TEXT,
    language_score REAL,
    word_count INTEGER NOT NULL,
    text TEXT NOT NULL,
    paragraphs_json TEXT NOT NULL,
    warnings_json TEXT NOT NULL DEFAULT '[]',
    duplicate_of TEXT REFERENCES documents(id),
    similarity REAL,
    minhash BLOB
);
CREATE INDEX documents_published ON documents(published_start);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);

CREATE TABLE minhash_bands (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id)
);
CREATE INDEX minhash_bands_key ON minhash_bands(band, bucket);
CREATE INDEX minhash_bands_doc ON minhash_bands(document_id);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    uri TEXT NOT NULL,
    stage TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    article_id TEXT,
    first_run INTEGER REFERENCES runs(id),
    last_run INTEGER REFERENCES runs(id),
    times INTEGER NOT NULL DEFAULT 1,
    UNIQUE (uri, stage, code, message)
);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
