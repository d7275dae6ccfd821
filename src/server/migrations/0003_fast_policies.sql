-- 0003: the policies of 0002 with the same rules (who sees what is unchanged), written so that
-- PostgreSQL evaluates the user's grants once per statement instead of once per row (docs/team.md).
--
-- Why: iadesk_user_org(), iadesk_has_role(), iadesk_manager_units() and iadesk_own_employees() are
-- SECURITY DEFINER, and PostgreSQL never inlines such a function, so in 0002 each call ran for
-- every row the policy looked at. A call wrapped in a scalar sub-select, `(SELECT f())`, takes no
-- value from the row, so the planner makes it an InitPlan: evaluated once, its value then a
-- parameter (EXPLAIN shows "InitPlan 1 (returns $0)"; the form is the one the Supabase guide
-- recommends for functions in policies: https://supabase.com/docs/guides/database/postgres/
-- row-level-security#call-functions-with-select). STABLE functions give the same value throughout
-- a statement, so once per statement is the same answer.
--
-- The personal tables followed the employee rule through a correlated
-- `employee IN (SELECT e.id FROM employees e WHERE e.org_id = <table>.org_id)`: a sub-plan per row,
-- each running the employees policy again. They now state the same rule directly:
--   a row of organisation O about employee X is visible
--   iff O is the user's organisation AND (the user is HR OR X is the user's own employee record
--        OR X's current unit is one of the user's manager units)
-- which is what 0002 said, because (org_id, employee) references employees(org_id, id), the
-- primary key: the employee row of a personal row exists and is exactly one. The manager part is
-- an uncorrelated sub-select on employees (a hashed sub-plan, built once, and only when the user
-- is not HR: the OR stops at the first true arm). That sub-select still runs under the employees
-- policy, which only narrows it to what the employees rule already allows.
-- plan_versions follow their plan the same way.
--
-- tests/server/isolation.sh asserts the rules; bench/team_rls.sh measures the difference.

-- --- Organisation-wide tables ------------------------------------------------------------------------
DROP POLICY own_org ON organisations;
CREATE POLICY own_org ON organisations FOR SELECT TO iadesk_app USING (id = (SELECT iadesk_user_org()));
DROP POLICY own_org ON units;
CREATE POLICY own_org ON units FOR SELECT TO iadesk_app USING (org_id = (SELECT iadesk_user_org()));
DROP POLICY own_org ON goals;
CREATE POLICY own_org ON goals FOR SELECT TO iadesk_app USING (org_id = (SELECT iadesk_user_org()));
DROP POLICY own_org ON goal_activities;
CREATE POLICY own_org ON goal_activities FOR SELECT TO iadesk_app USING (org_id = (SELECT iadesk_user_org()));
DROP POLICY own_org ON ia_meetings;
CREATE POLICY own_org ON ia_meetings FOR SELECT TO iadesk_app USING (org_id = (SELECT iadesk_user_org()));
DROP POLICY own_org ON half_year_reports;
CREATE POLICY own_org ON half_year_reports FOR SELECT TO iadesk_app USING (org_id = (SELECT iadesk_user_org()));
DROP POLICY own_org ON adjustment_options;
CREATE POLICY own_org ON adjustment_options FOR SELECT TO iadesk_app USING (org_id = (SELECT iadesk_user_org()));

DROP POLICY hr_only ON change_log;
CREATE POLICY hr_only ON change_log FOR SELECT TO iadesk_app
    USING (org_id = (SELECT iadesk_user_org()) AND (SELECT iadesk_has_role('hr')));

-- --- The employee rule ----------------------------------------------------------------------------------
-- `x = ANY ((SELECT f())::text[])`: the cast keeps the array form of ANY; `ANY ((SELECT f()))` alone
-- would be read as ANY (sub-query) and compare x with the whole array.
DROP POLICY by_role ON employees;
CREATE POLICY by_role ON employees FOR SELECT TO iadesk_app
    USING (org_id = (SELECT iadesk_user_org())
           AND ((SELECT iadesk_has_role('hr'))
                OR unit = ANY ((SELECT iadesk_manager_units())::text[])
                OR id = ANY ((SELECT iadesk_own_employees())::text[])));

-- --- Personal tables: the employee rule, stated on the row's own org_id and employee -------------------
DROP POLICY by_employee ON employee_earlier_units;
CREATE POLICY by_employee ON employee_earlier_units FOR SELECT TO iadesk_app
    USING (org_id = (SELECT iadesk_user_org())
           AND ((SELECT iadesk_has_role('hr'))
                OR employee = ANY ((SELECT iadesk_own_employees())::text[])
                OR employee IN (SELECT e.id FROM employees e
                                WHERE e.org_id = (SELECT iadesk_user_org())
                                  AND e.unit = ANY ((SELECT iadesk_manager_units())::text[]))));
DROP POLICY by_employee ON employments;
CREATE POLICY by_employee ON employments FOR SELECT TO iadesk_app
    USING (org_id = (SELECT iadesk_user_org())
           AND ((SELECT iadesk_has_role('hr'))
                OR employee = ANY ((SELECT iadesk_own_employees())::text[])
                OR employee IN (SELECT e.id FROM employees e
                                WHERE e.org_id = (SELECT iadesk_user_org())
                                  AND e.unit = ANY ((SELECT iadesk_manager_units())::text[]))));
DROP POLICY by_employee ON absences;
CREATE POLICY by_employee ON absences FOR SELECT TO iadesk_app
    USING (org_id = (SELECT iadesk_user_org())
           AND ((SELECT iadesk_has_role('hr'))
                OR employee = ANY ((SELECT iadesk_own_employees())::text[])
                OR employee IN (SELECT e.id FROM employees e
                                WHERE e.org_id = (SELECT iadesk_user_org())
                                  AND e.unit = ANY ((SELECT iadesk_manager_units())::text[]))));
DROP POLICY by_employee ON milestone_events;
CREATE POLICY by_employee ON milestone_events FOR SELECT TO iadesk_app
    USING (org_id = (SELECT iadesk_user_org())
           AND ((SELECT iadesk_has_role('hr'))
                OR employee = ANY ((SELECT iadesk_own_employees())::text[])
                OR employee IN (SELECT e.id FROM employees e
                                WHERE e.org_id = (SELECT iadesk_user_org())
                                  AND e.unit = ANY ((SELECT iadesk_manager_units())::text[]))));
DROP POLICY by_employee ON plans;
CREATE POLICY by_employee ON plans FOR SELECT TO iadesk_app
    USING (org_id = (SELECT iadesk_user_org())
           AND ((SELECT iadesk_has_role('hr'))
                OR employee = ANY ((SELECT iadesk_own_employees())::text[])
                OR employee IN (SELECT e.id FROM employees e
                                WHERE e.org_id = (SELECT iadesk_user_org())
                                  AND e.unit = ANY ((SELECT iadesk_manager_units())::text[]))));
-- A version is visible iff its plan is (plan_versions(org_id, plan_id) references plans(org_id, id)).
DROP POLICY by_plan ON plan_versions;
CREATE POLICY by_plan ON plan_versions FOR SELECT TO iadesk_app
    USING (org_id = (SELECT iadesk_user_org())
           AND ((SELECT iadesk_has_role('hr'))
                OR plan_id IN (SELECT p.id FROM plans p WHERE p.org_id = (SELECT iadesk_user_org()))));

-- --- Accounts, sessions, audit ---------------------------------------------------------------------------
DROP POLICY see_users ON users;
CREATE POLICY see_users ON users FOR SELECT TO iadesk_app
    USING (id = (SELECT iadesk_user_id())
           OR (org_id = (SELECT iadesk_user_org()) AND (SELECT iadesk_has_role('hr'))));
DROP POLICY hr_invites ON users;
CREATE POLICY hr_invites ON users FOR INSERT TO iadesk_app
    WITH CHECK (org_id = (SELECT iadesk_user_org()) AND (SELECT iadesk_has_role('hr')));
DROP POLICY hr_revokes ON users;
CREATE POLICY hr_revokes ON users FOR UPDATE TO iadesk_app
    USING (org_id = (SELECT iadesk_user_org()) AND (SELECT iadesk_has_role('hr')))
    WITH CHECK (org_id = (SELECT iadesk_user_org()));
DROP POLICY see_grants ON role_grants;
CREATE POLICY see_grants ON role_grants FOR SELECT TO iadesk_app
    USING (user_id = (SELECT iadesk_user_id())
           OR (org_id = (SELECT iadesk_user_org()) AND (SELECT iadesk_has_role('hr'))));
DROP POLICY hr_grants ON role_grants;
CREATE POLICY hr_grants ON role_grants FOR INSERT TO iadesk_app
    WITH CHECK (org_id = (SELECT iadesk_user_org()) AND (SELECT iadesk_has_role('hr')));

DROP POLICY own_sessions ON sessions;
CREATE POLICY own_sessions ON sessions FOR SELECT TO iadesk_app
    USING (user_id = (SELECT iadesk_user_id())
           OR ((SELECT iadesk_has_role('hr'))
               AND user_id IN (SELECT u.id FROM users u WHERE u.org_id = (SELECT iadesk_user_org()))));
DROP POLICY end_sessions ON sessions;
CREATE POLICY end_sessions ON sessions FOR UPDATE TO iadesk_app
    USING (user_id = (SELECT iadesk_user_id())
           OR ((SELECT iadesk_has_role('hr'))
               AND user_id IN (SELECT u.id FROM users u WHERE u.org_id = (SELECT iadesk_user_org()))));

DROP POLICY hr_reads ON audit_log;
CREATE POLICY hr_reads ON audit_log FOR SELECT TO iadesk_app
    USING (org_id = (SELECT iadesk_user_org()) AND (SELECT iadesk_has_role('hr')));

-- --- Indexes the policies use ------------------------------------------------------------------------------
-- employees(org_id, unit), absences/employments/milestone_events/employee_earlier_units(org_id, employee)
-- and role_grants(user_id) exist since 0001; plans had none on its employee.
CREATE INDEX plans_employee ON plans(org_id, employee);
