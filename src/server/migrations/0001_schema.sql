-- 0001: the tables of the server of record (docs/team.md). One table per record kind of the core
-- (include/iadesk/model.hpp, plan_model.hpp), each row tagged with its organisation; accounts,
-- role grants, sessions, login attempts and the append-only audit log.
-- No diagnosis field anywhere, by design (docs/domain.md, Roles and privacy).

CREATE TABLE organisations (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    orgnr text NOT NULL DEFAULT '',
    ia_agreement boolean NOT NULL DEFAULT false,
    own_bht boolean NOT NULL DEFAULT false,
    email text NOT NULL DEFAULT '',
    naeringskode text NOT NULL DEFAULT '',
    naeringskode_standard text NOT NULL DEFAULT 'SN2007',
    sector text NOT NULL DEFAULT '',
    bransjeprogram text NOT NULL DEFAULT '',
    egenmelding jsonb,                      -- the organisation's own rule; null: the law's
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
    org_id bigint NOT NULL REFERENCES organisations(id),
    id text NOT NULL,
    name text NOT NULL,
    closed date,
    position integer NOT NULL,              -- the dataset's order
    PRIMARY KEY (org_id, id)
);

CREATE TABLE employees (
    org_id bigint NOT NULL,
    id text NOT NULL,
    name text NOT NULL,
    unit text NOT NULL,                     -- the current unit
    birth_year integer,
    birth_date date,
    national_id text NOT NULL DEFAULT '',
    position integer NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, unit) REFERENCES units(org_id, id)
);
CREATE INDEX employees_unit ON employees(org_id, unit);

CREATE TABLE employee_earlier_units (
    org_id bigint NOT NULL,
    employee text NOT NULL,
    unit text NOT NULL,
    until date NOT NULL,
    FOREIGN KEY (org_id, employee) REFERENCES employees(org_id, id),
    FOREIGN KEY (org_id, unit) REFERENCES units(org_id, id)
);
CREATE INDEX employee_earlier_units_employee ON employee_earlier_units(org_id, employee);

CREATE TABLE employments (
    org_id bigint NOT NULL,
    employee text NOT NULL,
    from_date date NOT NULL,
    to_date date,                           -- inclusive; null: ongoing
    percent numeric(6,3) NOT NULL CHECK (percent > 0 AND percent <= 100),
    end_reason text,
    FOREIGN KEY (org_id, employee) REFERENCES employees(org_id, id),
    CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX employments_employee ON employments(org_id, employee);

CREATE TABLE absences (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id bigint NOT NULL,
    employee text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('egenmelding', 'sykmelding')),
    from_date date NOT NULL,
    to_date date,
    grade integer NOT NULL CHECK (grade BETWEEN 20 AND 100),
    FOREIGN KEY (org_id, employee) REFERENCES employees(org_id, id),
    CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX absences_employee ON absences(org_id, employee);

CREATE TABLE milestone_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id bigint NOT NULL,
    employee text NOT NULL,
    case_start date NOT NULL,
    milestone text NOT NULL,
    status text NOT NULL CHECK (status IN ('done', 'exempt')),
    date date NOT NULL,
    note text NOT NULL DEFAULT '',
    participants text NOT NULL DEFAULT '',
    FOREIGN KEY (org_id, employee) REFERENCES employees(org_id, id)
);
CREATE INDEX milestone_events_employee ON milestone_events(org_id, employee);

CREATE TABLE plans (
    org_id bigint NOT NULL,
    id text NOT NULL,
    employee text NOT NULL,
    case_start date NOT NULL,
    shares jsonb NOT NULL DEFAULT '[]',
    exemption jsonb,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, employee) REFERENCES employees(org_id, id)
);

CREATE TABLE plan_versions (
    org_id bigint NOT NULL,
    plan_id text NOT NULL,
    number integer NOT NULL,
    created date NOT NULL,
    created_by text NOT NULL DEFAULT '',
    origin text NOT NULL DEFAULT '',
    content jsonb NOT NULL,                 -- PlanContent as in the dataset file (docs/data-format.md)
    agreed_employee date,
    agreed_manager date,
    manager_name text NOT NULL DEFAULT '',
    PRIMARY KEY (org_id, plan_id, number),
    FOREIGN KEY (org_id, plan_id) REFERENCES plans(org_id, id)
);

CREATE TABLE goals (
    org_id bigint NOT NULL REFERENCES organisations(id),
    id text NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    data jsonb NOT NULL,                    -- the goal as in the dataset file
    PRIMARY KEY (org_id, id)
);

CREATE TABLE goal_activities (
    org_id bigint NOT NULL,
    id text NOT NULL,
    goal text NOT NULL,
    title text NOT NULL,
    owner text NOT NULL DEFAULT '',
    planned date,
    status text NOT NULL,
    done date,
    note text NOT NULL DEFAULT '',
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, goal) REFERENCES goals(org_id, id)
);

CREATE TABLE ia_meetings (
    org_id bigint NOT NULL REFERENCES organisations(id),
    id text NOT NULL,
    date date NOT NULL,
    attendees jsonb NOT NULL DEFAULT '[]',
    minutes text NOT NULL DEFAULT '',
    decisions jsonb NOT NULL DEFAULT '[]',
    PRIMARY KEY (org_id, id)
);

CREATE TABLE half_year_reports (
    org_id bigint NOT NULL REFERENCES organisations(id),
    year integer NOT NULL,
    half integer NOT NULL CHECK (half IN (1, 2)),
    data jsonb NOT NULL,
    PRIMARY KEY (org_id, year, half)
);

CREATE TABLE adjustment_options (
    org_id bigint NOT NULL REFERENCES organisations(id),
    id text NOT NULL,
    text text NOT NULL,
    PRIMARY KEY (org_id, id)
);

-- The app's change log (model.hpp ChangeLogEntry): when, which role, what.
CREATE TABLE change_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id bigint NOT NULL REFERENCES organisations(id),
    at timestamptz NOT NULL,
    role text NOT NULL,
    description text NOT NULL
);

-- --- Accounts -----------------------------------------------------------------------------------
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id bigint NOT NULL REFERENCES organisations(id),
    email text NOT NULL,                    -- stored lower-case
    display_name text NOT NULL DEFAULT '',
    password_hash text NOT NULL,            -- argon2id (libsodium crypto_pwhash_str)
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    CHECK (email = lower(email))
);
CREATE UNIQUE INDEX users_email ON users(email);

-- A user's roles (include/iadesk/access.hpp): hr; manager of one unit per row; tillitsvalgt;
-- employee of one employee record.
CREATE TABLE role_grants (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users(id),
    org_id bigint NOT NULL REFERENCES organisations(id),
    role text NOT NULL CHECK (role IN ('hr', 'manager', 'tillitsvalgt', 'employee')),
    unit text,
    employee text,
    CHECK ((role = 'manager') = (unit IS NOT NULL)),
    CHECK ((role = 'employee') = (employee IS NOT NULL)),
    FOREIGN KEY (org_id, unit) REFERENCES units(org_id, id),
    FOREIGN KEY (org_id, employee) REFERENCES employees(org_id, id)
);
CREATE INDEX role_grants_user ON role_grants(user_id);

-- Only the SHA-256 of the session token is stored; the cookie holds the token.
CREATE TABLE sessions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users(id),
    token_hash bytea NOT NULL UNIQUE,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,        -- idle expiry, moved on by each request
    revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_attempts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    success boolean NOT NULL,
    remote text NOT NULL DEFAULT ''
);
CREATE INDEX login_attempts_email ON login_attempts(email, at);

-- Append-only: the app role may only INSERT (0002); this trigger refuses UPDATE and DELETE
-- for every role, the owner included, and TRUNCATE too.
CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    org_id bigint,
    user_id bigint,
    action text NOT NULL,                   -- e.g. 'login', 'read_employee', 'invite_user'
    target text NOT NULL DEFAULT '',
    detail jsonb NOT NULL DEFAULT '{}'
);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
