-- Pacer storage schema. One file for SQLite and PostgreSQL: the few types that differ are Flyway
-- placeholders set by io.pacer.store.Dialect (${id} = auto-increment primary key).
-- Times are epoch milliseconds (BIGINT) so both databases compare them the same way.

CREATE TABLE users (
    id ${id},
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    token TEXT NOT NULL UNIQUE
);

CREATE TABLE user_groups (
    id ${id},
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE group_members (
    group_id BIGINT NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);

CREATE TABLE campaigns (
    id ${id},
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    lock_owner TEXT,
    lock_since_millis BIGINT,
    time_zone TEXT NOT NULL,
    dial_mode TEXT NOT NULL,
    calls_per_ready_agent DOUBLE PRECISION NOT NULL,
    calls_per_wrap_agent DOUBLE PRECISION NOT NULL,
    abandon_target DOUBLE PRECISION NOT NULL,
    ring_timeout_millis BIGINT NOT NULL,
    connect_limit_millis BIGINT NOT NULL,
    max_channels INTEGER NOT NULL,
    display_numbers TEXT NOT NULL DEFAULT '',
    max_attempts INTEGER NOT NULL,
    window_start_minute INTEGER NOT NULL,
    window_end_minute INTEGER NOT NULL,
    subject_template TEXT NOT NULL,
    clock24 INTEGER NOT NULL DEFAULT 1,
    default_region TEXT NOT NULL DEFAULT 'US',
    created_millis BIGINT NOT NULL
);

CREATE TABLE campaign_hours (
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL,
    start_minute INTEGER NOT NULL,
    end_minute INTEGER NOT NULL
);
CREATE INDEX campaign_hours_campaign ON campaign_hours(campaign_id);

CREATE TABLE retry_rules (
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    retry_class TEXT NOT NULL,
    delay_seconds BIGINT NOT NULL,
    max_attempts INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, retry_class)
);

CREATE TABLE campaign_responsibles (
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users(id) ON DELETE CASCADE,
    group_id BIGINT REFERENCES user_groups(id) ON DELETE CASCADE
);
CREATE INDEX campaign_responsibles_campaign ON campaign_responsibles(campaign_id);

CREATE TABLE custom_outcomes (
    id ${id},
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    result_group TEXT NOT NULL,
    behaviour TEXT NOT NULL,
    UNIQUE (campaign_id, name)
);

-- state: READY (due at next_due_millis), DIALLING (handed to the hopper or in flight), AWAITING_OUTCOME
-- (answered; the agent has not recorded an outcome yet), CALLBACK (an open callback task owns it),
-- CLOSED (left the list; closed_reason says why), EXHAUSTED (retry rules used up).
CREATE TABLE contacts (
    id ${id},
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    phone TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    fields TEXT NOT NULL DEFAULT '{}',
    time_zone TEXT NOT NULL,
    state TEXT NOT NULL,
    closed_reason TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    attempts_busy INTEGER NOT NULL DEFAULT 0,
    attempts_no_answer INTEGER NOT NULL DEFAULT 0,
    attempts_failure INTEGER NOT NULL DEFAULT 0,
    attempts_not_reachable INTEGER NOT NULL DEFAULT 0,
    next_due_millis BIGINT NOT NULL,
    owner_agent_id BIGINT NOT NULL DEFAULT -1,
    dial_number TEXT,
    callback_id BIGINT,
    UNIQUE (campaign_id, phone)
);
CREATE INDEX contacts_due ON contacts(campaign_id, state, next_due_millis);

CREATE TABLE do_not_call (
    campaign_id BIGINT NOT NULL,
    phone TEXT NOT NULL,
    created_millis BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, phone)
);

CREATE TABLE imports (
    id ${id},
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    user_name TEXT NOT NULL,
    at_millis BIGINT NOT NULL,
    mode TEXT NOT NULL,
    rows_read BIGINT NOT NULL,
    imported BIGINT NOT NULL,
    merged BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    blocked BIGINT NOT NULL
);

CREATE TABLE import_errors (
    import_id BIGINT NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    line BIGINT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX import_errors_import ON import_errors(import_id, line);

CREATE TABLE cases (
    id ${id},
    campaign_id BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (campaign_id, contact_id)
);

CREATE TABLE callbacks (
    id ${id},
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    contact_id BIGINT NOT NULL,
    owner_user_id BIGINT,
    owner_group_id BIGINT,
    personal INTEGER NOT NULL,
    due_millis BIGINT NOT NULL,
    alarm_millis BIGINT,
    number TEXT,
    state TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL
);
CREATE INDEX callbacks_due ON callbacks(campaign_id, state, due_millis);

-- One row per call, answered or not: the activity filed under the contact's case. call_id is empty for
-- the INTERRUPTED attempts crash recovery writes (the engine's call id did not survive the crash). The core
-- numbers calls per process, so a call id repeats after a restart: it is indexed, not unique, and the API
-- addresses the newest activity with a call id.
CREATE TABLE activities (
    id ${id},
    call_id BIGINT,
    campaign_id BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    call_type TEXT NOT NULL,
    start_millis BIGINT NOT NULL,
    answer_millis BIGINT,
    end_millis BIGINT NOT NULL,
    duration_millis BIGINT NOT NULL,
    caller_id TEXT,
    called_number TEXT NOT NULL,
    agent_id BIGINT NOT NULL,
    call_outcome TEXT NOT NULL,
    outcome TEXT,
    result_group TEXT,
    note TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL
);
CREATE INDEX activities_contact ON activities(campaign_id, contact_id);
CREATE INDEX activities_agent ON activities(agent_id);
CREATE INDEX activities_call ON activities(call_id);
