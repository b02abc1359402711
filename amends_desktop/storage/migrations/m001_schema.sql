-- Migration 1: the whole schema for every concept of DOMAIN.md.
-- Dates are ISO text; money is integer minor units with a currency code; enums are their values.
-- Rows that can be undone after deletion carry deleted_at (purged when the app next opens).

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    relationship TEXT NOT NULL DEFAULT 'other',
    reachability TEXT NOT NULL DEFAULT 'unknown',
    willingness TEXT NOT NULL DEFAULT 'unsure',
    revisit_on TEXT,
    notes TEXT NOT NULL DEFAULT '',
    is_self INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    deleted_at TEXT
);
CREATE UNIQUE INDEX people_one_self ON people(is_self) WHERE is_self = 1;

CREATE TABLE defect_tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    builtin INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE harms (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    category TEXT NOT NULL DEFAULT 'other',
    what_happened TEXT NOT NULL DEFAULT '',
    when_text TEXT NOT NULL DEFAULT '',
    amount_minor INTEGER CHECK (amount_minor IS NULL OR amount_minor >= 0),
    currency TEXT NOT NULL DEFAULT '',
    root_cause TEXT NOT NULL DEFAULT '',
    formal_amends TEXT NOT NULL DEFAULT 'undecided',
    reviewed_on TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    deleted_at TEXT
);
CREATE INDEX harms_person ON harms(person_id);

CREATE TABLE harm_defects (
    harm_id INTEGER NOT NULL REFERENCES harms(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES defect_tags(id) ON DELETE CASCADE,
    PRIMARY KEY (harm_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX harm_defects_tag ON harm_defects(tag_id);

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    type TEXT NOT NULL DEFAULT 'direct',
    stage TEXT NOT NULL DEFAULT 'listed',
    hold TEXT,
    hold_reason TEXT NOT NULL DEFAULT '',
    hold_since TEXT,
    priority INTEGER NOT NULL DEFAULT 0,
    safety_hurt_them TEXT,
    safety_hurt_others TEXT,
    safety_abuse TEXT,
    safety_order_or_legal TEXT,
    safety_crisis TEXT,
    safety_own_guilt TEXT,
    safety_review_by TEXT NOT NULL DEFAULT '',
    safety_review_decision TEXT NOT NULL DEFAULT '',
    safety_review_on TEXT,
    inventory_done INTEGER NOT NULL DEFAULT 0,
    reviewed_on TEXT,
    support_person TEXT NOT NULL DEFAULT '',
    halt_checked_on TEXT,
    exit_plan TEXT NOT NULL DEFAULT '',
    ready_override_reason TEXT NOT NULL DEFAULT '',
    when_where TEXT NOT NULL DEFAULT '',
    first_contact TEXT NOT NULL DEFAULT '',
    circumstances TEXT NOT NULL DEFAULT '',
    script TEXT NOT NULL DEFAULT '',
    commitments_text TEXT NOT NULL DEFAULT '',
    follow_up_on TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    deleted_at TEXT
);
CREATE INDEX plans_person ON plans(person_id);

CREATE TABLE plan_harms (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    harm_id INTEGER NOT NULL REFERENCES harms(id) ON DELETE CASCADE,
    PRIMARY KEY (plan_id, harm_id)
) WITHOUT ROWID;
CREATE INDEX plan_harms_harm ON plan_harms(harm_id);

CREATE TABLE expected_responses (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    response TEXT NOT NULL DEFAULT '',
    my_answer TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX expected_responses_plan ON expected_responses(plan_id);

CREATE TABLE permission_requests (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    asked_on TEXT,
    answer TEXT,
    not_before TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX permission_requests_plan ON permission_requests(plan_id);

CREATE TABLE contact_attempts (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    on_date TEXT,
    channel TEXT NOT NULL DEFAULT 'in_person',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contact_attempts_plan ON contact_attempts(plan_id);

CREATE TABLE ledgers (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL UNIQUE REFERENCES plans(id) ON DELETE CASCADE,
    currency TEXT NOT NULL DEFAULT 'EUR',
    owed_minor INTEGER NOT NULL DEFAULT 0 CHECK (owed_minor >= 0),
    owed_is_estimate INTEGER NOT NULL DEFAULT 0,
    affordable_minor INTEGER NOT NULL DEFAULT 0 CHECK (affordable_minor >= 0),
    creditor_unreachable INTEGER NOT NULL DEFAULT 0,
    redirected_to TEXT NOT NULL DEFAULT ''
);

CREATE TABLE instalments (
    id INTEGER PRIMARY KEY,
    ledger_id INTEGER NOT NULL REFERENCES ledgers(id) ON DELETE CASCADE,
    due_on TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0)
);
CREATE INDEX instalments_ledger ON instalments(ledger_id, due_on);

CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    ledger_id INTEGER NOT NULL REFERENCES ledgers(id) ON DELETE CASCADE,
    paid_on TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    method TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payments_ledger ON payments(ledger_id, paid_on);

CREATE TABLE commitments (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    description TEXT NOT NULL DEFAULT '',
    cadence TEXT NOT NULL DEFAULT 'weekly',
    started_on TEXT,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX commitments_plan ON commitments(plan_id);

CREATE TABLE check_ins (
    id INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    on_date TEXT NOT NULL,
    kept INTEGER NOT NULL DEFAULT 1,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX check_ins_commitment ON check_ins(commitment_id, on_date);

CREATE TABLE indirect_actions (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'other',
    on_date TEXT,
    amount_minor INTEGER CHECK (amount_minor IS NULL OR amount_minor >= 0),
    currency TEXT NOT NULL DEFAULT '',
    hours REAL,
    letter_text TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX indirect_actions_plan ON indirect_actions(plan_id);

CREATE TABLE outcomes (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    on_date TEXT,
    heard TEXT NOT NULL DEFAULT '',
    promised TEXT NOT NULL DEFAULT '',
    door_open INTEGER NOT NULL DEFAULT 1,
    next_step TEXT NOT NULL DEFAULT '',
    follow_up_on TEXT
);
CREATE INDEX outcomes_plan ON outcomes(plan_id);

CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    written_on TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'check_in',
    body TEXT NOT NULL DEFAULT '',
    mood INTEGER CHECK (mood IS NULL OR mood BETWEEN 1 AND 10),
    craving INTEGER CHECK (craving IS NULL OR craving BETWEEN 0 AND 10),
    thoughts_of_using INTEGER NOT NULL DEFAULT 0,
    sc_meeting INTEGER NOT NULL DEFAULT 0,
    sc_meditation INTEGER NOT NULL DEFAULT 0,
    sc_exercise INTEGER NOT NULL DEFAULT 0,
    sc_called_sponsor INTEGER NOT NULL DEFAULT 0,
    sc_ate INTEGER NOT NULL DEFAULT 0,
    sc_slept INTEGER NOT NULL DEFAULT 0,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    plan_id INTEGER REFERENCES plans(id) ON DELETE SET NULL,
    prompt TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    deleted_at TEXT
);
CREATE INDEX entries_written ON entries(written_on, id);
CREATE INDEX entries_plan ON entries(plan_id);

CREATE TABLE prompts (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    is_template INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sensitive_dates (
    id INTEGER PRIMARY KEY,
    on_date TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT ''
);

-- Settings as JSON values under a key (clean date, contacts, thresholds, ...).
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One full-text index over every free-text field, inside the encrypted file. Its rowid encodes
-- where the text came from: (row id << 8) | (table number << 4) | field number, so a row's
-- entries are found and replaced by a rowid range instead of a scan (see storage/search_codes.py).
CREATE VIRTUAL TABLE search_index USING fts5(
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- Keep search_index in step with the tables (one trigger trio per table; table numbers and
-- field numbers must match storage/search_codes.py).
CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 16, new.name WHERE new.name <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 17, new.notes WHERE new.notes <> '' AND new.deleted_at IS NULL;
END;
CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 16 AND (old.id << 8) | 31;
END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF name, notes, deleted_at ON people BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 16 AND (old.id << 8) | 31;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 16, new.name WHERE new.name <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 17, new.notes WHERE new.notes <> '' AND new.deleted_at IS NULL;
END;
CREATE TRIGGER harms_fts_insert AFTER INSERT ON harms BEGIN
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 32, new.what_happened WHERE new.what_happened <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 33, new.root_cause WHERE new.root_cause <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 34, new.notes WHERE new.notes <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 35, new.when_text WHERE new.when_text <> '' AND new.deleted_at IS NULL;
END;
CREATE TRIGGER harms_fts_delete AFTER DELETE ON harms BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 32 AND (old.id << 8) | 47;
END;
CREATE TRIGGER harms_fts_update AFTER UPDATE OF what_happened, root_cause, notes, when_text, deleted_at ON harms BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 32 AND (old.id << 8) | 47;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 32, new.what_happened WHERE new.what_happened <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 33, new.root_cause WHERE new.root_cause <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 34, new.notes WHERE new.notes <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 35, new.when_text WHERE new.when_text <> '' AND new.deleted_at IS NULL;
END;
CREATE TRIGGER plans_fts_insert AFTER INSERT ON plans BEGIN
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 48, new.script WHERE new.script <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 49, new.when_where WHERE new.when_where <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 50, new.first_contact WHERE new.first_contact <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 51, new.circumstances WHERE new.circumstances <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 52, new.commitments_text WHERE new.commitments_text <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 53, new.exit_plan WHERE new.exit_plan <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 54, new.notes WHERE new.notes <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 55, new.hold_reason WHERE new.hold_reason <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 56, new.safety_review_decision WHERE new.safety_review_decision <> '' AND new.deleted_at IS NULL;
END;
CREATE TRIGGER plans_fts_delete AFTER DELETE ON plans BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 48 AND (old.id << 8) | 63;
END;
CREATE TRIGGER plans_fts_update AFTER UPDATE OF script, when_where, first_contact, circumstances, commitments_text, exit_plan, notes, hold_reason, safety_review_decision, deleted_at ON plans BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 48 AND (old.id << 8) | 63;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 48, new.script WHERE new.script <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 49, new.when_where WHERE new.when_where <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 50, new.first_contact WHERE new.first_contact <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 51, new.circumstances WHERE new.circumstances <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 52, new.commitments_text WHERE new.commitments_text <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 53, new.exit_plan WHERE new.exit_plan <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 54, new.notes WHERE new.notes <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 55, new.hold_reason WHERE new.hold_reason <> '' AND new.deleted_at IS NULL;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 56, new.safety_review_decision WHERE new.safety_review_decision <> '' AND new.deleted_at IS NULL;
END;
CREATE TRIGGER expected_responses_fts_insert AFTER INSERT ON expected_responses BEGIN
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 64, new.response WHERE new.response <> '';
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 65, new.my_answer WHERE new.my_answer <> '';
END;
CREATE TRIGGER expected_responses_fts_delete AFTER DELETE ON expected_responses BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 64 AND (old.id << 8) | 79;
END;
CREATE TRIGGER expected_responses_fts_update AFTER UPDATE OF response, my_answer ON expected_responses BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 64 AND (old.id << 8) | 79;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 64, new.response WHERE new.response <> '';
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 65, new.my_answer WHERE new.my_answer <> '';
END;
CREATE TRIGGER permission_requests_fts_insert AFTER INSERT ON permission_requests BEGIN
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 80, new.note WHERE new.note <> '';
END;
CREATE TRIGGER permission_requests_fts_delete AFTER DELETE ON permission_requests BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 80 AND (old.id << 8) | 95;
END;
CREATE TRIGGER permission_requests_fts_update AFTER UPDATE OF note ON permission_requests BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 80 AND (old.id << 8) | 95;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 80, new.note WHERE new.note <> '';
END;
CREATE TRIGGER contact_attempts_fts_insert AFTER INSERT ON contact_attempts BEGIN
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 96, new.note WHERE new.note <> '';
END;
CREATE TRIGGER contact_attempts_fts_delete AFTER DELETE ON contact_attempts BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 96 AND (old.id << 8) | 111;
END;
CREATE TRIGGER contact_attempts_fts_update AFTER UPDATE OF note ON contact_attempts BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 96 AND (old.id << 8) | 111;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 96, new.note WHERE new.note <> '';
END;
CREATE TRIGGER payments_fts_insert AFTER INSERT ON payments BEGIN
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 112, new.note WHERE new.note <> '';
END;
CREATE TRIGGER payments_fts_delete AFTER DELETE ON payments BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 112 AND (old.id << 8) | 127;
END;
CREATE TRIGGER payments_fts_update AFTER UPDATE OF note ON payments BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 112 AND (old.id << 8) | 127;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 112, new.note WHERE new.note <> '';
END;
CREATE TRIGGER commitments_fts_insert AFTER INSERT ON commitments BEGIN
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 128, new.description WHERE new.description <> '';
END;
CREATE TRIGGER commitments_fts_delete AFTER DELETE ON commitments BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 128 AND (old.id << 8) | 143;
END;
CREATE TRIGGER commitments_fts_update AFTER UPDATE OF description ON commitments BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 128 AND (old.id << 8) | 143;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 128, new.description WHERE new.description <> '';
END;
CREATE TRIGGER check_ins_fts_insert AFTER INSERT ON check_ins BEGIN
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 144, new.note WHERE new.note <> '';
END;
CREATE TRIGGER check_ins_fts_delete AFTER DELETE ON check_ins BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 144 AND (old.id << 8) | 159;
END;
CREATE TRIGGER check_ins_fts_update AFTER UPDATE OF note ON check_ins BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 144 AND (old.id << 8) | 159;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 144, new.note WHERE new.note <> '';
END;
CREATE TRIGGER indirect_actions_fts_insert AFTER INSERT ON indirect_actions BEGIN
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 160, new.letter_text WHERE new.letter_text <> '';
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 161, new.notes WHERE new.notes <> '';
END;
CREATE TRIGGER indirect_actions_fts_delete AFTER DELETE ON indirect_actions BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 160 AND (old.id << 8) | 175;
END;
CREATE TRIGGER indirect_actions_fts_update AFTER UPDATE OF letter_text, notes ON indirect_actions BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 160 AND (old.id << 8) | 175;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 160, new.letter_text WHERE new.letter_text <> '';
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 161, new.notes WHERE new.notes <> '';
END;
CREATE TRIGGER outcomes_fts_insert AFTER INSERT ON outcomes BEGIN
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 176, new.heard WHERE new.heard <> '';
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 177, new.promised WHERE new.promised <> '';
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 178, new.next_step WHERE new.next_step <> '';
END;
CREATE TRIGGER outcomes_fts_delete AFTER DELETE ON outcomes BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 176 AND (old.id << 8) | 191;
END;
CREATE TRIGGER outcomes_fts_update AFTER UPDATE OF heard, promised, next_step ON outcomes BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 176 AND (old.id << 8) | 191;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 176, new.heard WHERE new.heard <> '';
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 177, new.promised WHERE new.promised <> '';
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 178, new.next_step WHERE new.next_step <> '';
END;
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 192, new.body WHERE new.body <> '' AND new.deleted_at IS NULL;
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 192 AND (old.id << 8) | 207;
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF body, deleted_at ON entries BEGIN
    DELETE FROM search_index WHERE rowid BETWEEN (old.id << 8) | 192 AND (old.id << 8) | 207;
    INSERT INTO search_index(rowid, body) SELECT (new.id << 8) | 192, new.body WHERE new.body <> '' AND new.deleted_at IS NULL;
END;
