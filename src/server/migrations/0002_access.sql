-- 0002: who sees what, enforced by PostgreSQL row-level security (docs/team.md).
-- The server connects as iadesk_app: a login role that is not superuser, has NOBYPASSRLS and owns
-- nothing, so every policy below applies to it. Each request runs in one transaction that first
-- does set_config('iadesk.user_id', <user id>, true); without it the role sees no row.
-- The rules are the app's (include/iadesk/access.hpp):
--   hr            every row of the own organisation
--   manager       the employees whose current unit is one of the granted units, and their
--                 employments, earlier units, absences, milestone events and plans
--   tillitsvalgt  no personal row at all (masked statistics through iadesk_stats_source)
--   employee      the own employee row and its rows
-- Every role sees the own organisation, its units' names, the IA goals, activities, meetings and
-- half-year reports; only HR sees the change log, the users and the audit log.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'iadesk_app') THEN
        CREATE ROLE iadesk_app LOGIN;
    END IF;
END $$;
ALTER ROLE iadesk_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;

-- --- The current user and the user's grants --------------------------------------------------------
-- SECURITY DEFINER: they read users and role_grants past those tables' own policies (no recursion);
-- a revoked user has no organisation and no role, so sees nothing.
CREATE FUNCTION iadesk_user_id() RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('iadesk.user_id', true), '')::bigint
$$;

CREATE FUNCTION iadesk_user_org() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
    SELECT org_id FROM users WHERE id = iadesk_user_id() AND revoked_at IS NULL
$$;

CREATE FUNCTION iadesk_has_role(wanted text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM role_grants g JOIN users u ON u.id = g.user_id
                   WHERE g.user_id = iadesk_user_id() AND u.revoked_at IS NULL AND g.role = wanted)
$$;

CREATE FUNCTION iadesk_manager_units() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
    SELECT coalesce(array_agg(g.unit), '{}') FROM role_grants g JOIN users u ON u.id = g.user_id
    WHERE g.user_id = iadesk_user_id() AND u.revoked_at IS NULL AND g.role = 'manager'
$$;

CREATE FUNCTION iadesk_own_employees() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
    SELECT coalesce(array_agg(g.employee), '{}') FROM role_grants g JOIN users u ON u.id = g.user_id
    WHERE g.user_id = iadesk_user_id() AND u.revoked_at IS NULL AND g.role = 'employee'
$$;

-- --- Row-level security ----------------------------------------------------------------------------
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE units ENABLE ROW LEVEL SECURITY;
ALTER TABLE employees ENABLE ROW LEVEL SECURITY;
ALTER TABLE employee_earlier_units ENABLE ROW LEVEL SECURITY;
ALTER TABLE employments ENABLE ROW LEVEL SECURITY;
ALTER TABLE absences ENABLE ROW LEVEL SECURITY;
ALTER TABLE milestone_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE goals ENABLE ROW LEVEL SECURITY;
ALTER TABLE goal_activities ENABLE ROW LEVEL SECURITY;
ALTER TABLE ia_meetings ENABLE ROW LEVEL SECURITY;
ALTER TABLE half_year_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE adjustment_options ENABLE ROW LEVEL SECURITY;
ALTER TABLE change_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE role_grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;

CREATE POLICY own_org ON organisations FOR SELECT TO iadesk_app USING (id = iadesk_user_org());
CREATE POLICY own_org ON units FOR SELECT TO iadesk_app USING (org_id = iadesk_user_org());
CREATE POLICY own_org ON goals FOR SELECT TO iadesk_app USING (org_id = iadesk_user_org());
CREATE POLICY own_org ON goal_activities FOR SELECT TO iadesk_app USING (org_id = iadesk_user_org());
CREATE POLICY own_org ON ia_meetings FOR SELECT TO iadesk_app USING (org_id = iadesk_user_org());
CREATE POLICY own_org ON half_year_reports FOR SELECT TO iadesk_app USING (org_id = iadesk_user_org());
CREATE POLICY own_org ON adjustment_options FOR SELECT TO iadesk_app USING (org_id = iadesk_user_org());

CREATE POLICY hr_only ON change_log FOR SELECT TO iadesk_app
    USING (org_id = iadesk_user_org() AND iadesk_has_role('hr'));

-- The employee rule; every personal table below follows it through its employee.
CREATE POLICY by_role ON employees FOR SELECT TO iadesk_app
    USING (org_id = iadesk_user_org()
           AND (iadesk_has_role('hr')
                OR unit = ANY (iadesk_manager_units())
                OR id = ANY (iadesk_own_employees())));

-- The sub-select on employees runs under the employees policy above.
CREATE POLICY by_employee ON employee_earlier_units FOR SELECT TO iadesk_app
    USING (employee IN (SELECT e.id FROM employees e WHERE e.org_id = employee_earlier_units.org_id));
CREATE POLICY by_employee ON employments FOR SELECT TO iadesk_app
    USING (employee IN (SELECT e.id FROM employees e WHERE e.org_id = employments.org_id));
CREATE POLICY by_employee ON absences FOR SELECT TO iadesk_app
    USING (employee IN (SELECT e.id FROM employees e WHERE e.org_id = absences.org_id));
CREATE POLICY by_employee ON milestone_events FOR SELECT TO iadesk_app
    USING (employee IN (SELECT e.id FROM employees e WHERE e.org_id = milestone_events.org_id));
CREATE POLICY by_employee ON plans FOR SELECT TO iadesk_app
    USING (employee IN (SELECT e.id FROM employees e WHERE e.org_id = plans.org_id));
CREATE POLICY by_plan ON plan_versions FOR SELECT TO iadesk_app
    USING (plan_id IN (SELECT p.id FROM plans p WHERE p.org_id = plan_versions.org_id));

-- Users: HR sees and manages the organisation's accounts; everyone sees the own.
CREATE POLICY see_users ON users FOR SELECT TO iadesk_app
    USING (id = iadesk_user_id() OR (org_id = iadesk_user_org() AND iadesk_has_role('hr')));
CREATE POLICY hr_invites ON users FOR INSERT TO iadesk_app
    WITH CHECK (org_id = iadesk_user_org() AND iadesk_has_role('hr'));
CREATE POLICY hr_revokes ON users FOR UPDATE TO iadesk_app
    USING (org_id = iadesk_user_org() AND iadesk_has_role('hr'))
    WITH CHECK (org_id = iadesk_user_org());
CREATE POLICY see_grants ON role_grants FOR SELECT TO iadesk_app
    USING (user_id = iadesk_user_id() OR (org_id = iadesk_user_org() AND iadesk_has_role('hr')));
CREATE POLICY hr_grants ON role_grants FOR INSERT TO iadesk_app
    WITH CHECK (org_id = iadesk_user_org() AND iadesk_has_role('hr'));

-- Sessions: a user ends the own; HR ends those of a revoked account of the organisation.
-- Creating and looking up a session happen before a user is known: iadesk_session_* below.
CREATE POLICY own_sessions ON sessions FOR SELECT TO iadesk_app
    USING (user_id = iadesk_user_id()
           OR (iadesk_has_role('hr') AND user_id IN (SELECT u.id FROM users u WHERE u.org_id = iadesk_user_org())));
CREATE POLICY end_sessions ON sessions FOR UPDATE TO iadesk_app
    USING (user_id = iadesk_user_id()
           OR (iadesk_has_role('hr') AND user_id IN (SELECT u.id FROM users u WHERE u.org_id = iadesk_user_org())));

-- Audit: anyone may append (a failed login has no user); only HR reads the organisation's rows.
CREATE POLICY append ON audit_log FOR INSERT TO iadesk_app WITH CHECK (true);
CREATE POLICY hr_reads ON audit_log FOR SELECT TO iadesk_app
    USING (org_id = iadesk_user_org() AND iadesk_has_role('hr'));

-- --- Authentication, before a user is known ----------------------------------------------------------
-- The account for a login and the failed attempts on that e-mail in the last 15 minutes
-- (the rate limit, counted for unknown addresses too).
CREATE FUNCTION iadesk_login_lookup(p_email text, OUT user_id bigint, OUT password_hash text,
                                    OUT recent_failures integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT (SELECT id FROM users WHERE email = lower(p_email) AND revoked_at IS NULL),
           (SELECT password_hash FROM users WHERE email = lower(p_email) AND revoked_at IS NULL),
           (SELECT count(*)::integer FROM login_attempts
            WHERE email = lower(p_email) AND NOT success AND at > now() - interval '15 minutes')
$$;

CREATE FUNCTION iadesk_login_record(p_email text, p_success boolean, p_remote text) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO login_attempts(email, success, remote) VALUES (lower(p_email), p_success, p_remote)
$$;

CREATE FUNCTION iadesk_session_create(p_user bigint, p_token_hash bytea, p_csrf text, p_idle interval)
RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO sessions(user_id, token_hash, csrf_token, expires_at)
    SELECT p_user, p_token_hash, p_csrf, now() + p_idle FROM users WHERE id = p_user AND revoked_at IS NULL
    RETURNING id
$$;

-- The live session of a token hash (not revoked, not expired, its user not revoked); moves its
-- idle expiry on. No row: no valid session.
CREATE FUNCTION iadesk_session_touch(p_token_hash bytea, p_idle interval,
                                     OUT session_id bigint, OUT user_id bigint, OUT csrf_token text)
RETURNS SETOF record LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE sessions s SET last_seen = now(), expires_at = now() + p_idle
    FROM users u
    WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now()
      AND u.id = s.user_id AND u.revoked_at IS NULL
    RETURNING s.id, s.user_id, s.csrf_token
$$;

-- The rows the sick-leave statistics need, without names or ids (persons numbered 1..n), for HR and
-- the tillitsvalgt only: the server computes the masked figures from them with the core's stats
-- (include/iadesk/stats.hpp). NULL for any other role.
CREATE FUNCTION iadesk_stats_source() RETURNS jsonb LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
    WITH org AS (SELECT iadesk_user_org() AS id),
    allowed AS (SELECT (iadesk_has_role('hr') OR iadesk_has_role('tillitsvalgt')) AS ok),
    people AS (SELECT e.id, e.unit, row_number() OVER (ORDER BY e.position) AS n
               FROM employees e, org WHERE e.org_id = org.id)
    SELECT CASE WHEN (SELECT ok FROM allowed) AND (SELECT id FROM org) IS NOT NULL THEN jsonb_build_object(
        'units', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name, 'closed', u.closed)
                                            ORDER BY u.position), '[]')
                  FROM units u, org WHERE u.org_id = org.id),
        'employees', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'n', p.n, 'unit', p.unit,
                'employment', (SELECT coalesce(jsonb_agg(jsonb_build_object('from', m.from_date, 'to', m.to_date,
                                                         'percent', m.percent) ORDER BY m.from_date), '[]')
                               FROM employments m, org WHERE m.org_id = org.id AND m.employee = p.id),
                'earlier_units', (SELECT coalesce(jsonb_agg(jsonb_build_object('unit', w.unit, 'until', w.until)
                                                  ORDER BY w.until), '[]')
                                  FROM employee_earlier_units w, org WHERE w.org_id = org.id AND w.employee = p.id)
            ) ORDER BY p.n), '[]') FROM people p),
        'absences', (SELECT coalesce(jsonb_agg(jsonb_build_object('n', p.n, 'kind', a.kind, 'from', a.from_date,
                                                                  'to', a.to_date, 'grade', a.grade) ORDER BY a.id), '[]')
                     FROM absences a JOIN people p ON p.id = a.employee, org WHERE a.org_id = org.id))
    ELSE NULL END
$$;

-- --- Privileges -------------------------------------------------------------------------------------
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON FUNCTION iadesk_login_lookup(text), iadesk_login_record(text, boolean, text),
    iadesk_session_create(bigint, bytea, text, interval), iadesk_session_touch(bytea, interval),
    iadesk_stats_source() FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO iadesk_app;
GRANT SELECT ON schema_migrations TO iadesk_app;  -- serve checks that none is missing
GRANT SELECT ON organisations, units, employees, employee_earlier_units, employments, absences,
    milestone_events, plans, plan_versions, goals, goal_activities, ia_meetings, half_year_reports,
    adjustment_options, change_log TO iadesk_app;
GRANT SELECT, INSERT ON users, role_grants TO iadesk_app;
GRANT UPDATE (revoked_at) ON users TO iadesk_app;
GRANT SELECT ON sessions TO iadesk_app;
GRANT UPDATE (revoked_at) ON sessions TO iadesk_app;
GRANT SELECT, INSERT ON audit_log TO iadesk_app;   -- never UPDATE or DELETE: append-only
GRANT EXECUTE ON FUNCTION iadesk_login_lookup(text), iadesk_login_record(text, boolean, text),
    iadesk_session_create(bigint, bytea, text, interval), iadesk_session_touch(bytea, interval),
    iadesk_stats_source() TO iadesk_app;
