-- Every write to a table the rollups are built from notes the local days (workspace time zone)
-- it touched in rollup_dirty_days; the refresher (src/server/modules/metrics/rollups/) rebuilds
-- those days and deletes the notes it handled. Statement-level triggers with transition tables:
-- one extra insert per statement, whatever the number of rows, and no row is ever locked.
CREATE FUNCTION koe_rollup_responses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT r.workspace_id, (r.submitted_at AT TIME ZONE w.time_zone)::date
      FROM new_rows r JOIN workspaces w ON w.id = r.workspace_id;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT r.workspace_id, (r.submitted_at AT TIME ZONE w.time_zone)::date
      FROM old_rows r JOIN workspaces w ON w.id = r.workspace_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION koe_rollup_invitations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT i.workspace_id, (i.created_at AT TIME ZONE w.time_zone)::date
      FROM new_rows i JOIN workspaces w ON w.id = i.workspace_id;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT i.workspace_id, (i.created_at AT TIME ZONE w.time_zone)::date
      FROM old_rows i JOIN workspaces w ON w.id = i.workspace_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION koe_rollup_messages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT m.workspace_id, (m.created_at AT TIME ZONE w.time_zone)::date
      FROM new_rows m JOIN workspaces w ON w.id = m.workspace_id WHERE m.wait_seconds IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT m.workspace_id, (m.created_at AT TIME ZONE w.time_zone)::date
      FROM old_rows m JOIN workspaces w ON w.id = m.workspace_id WHERE m.wait_seconds IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A cycle counts on the days it started (backlog), got its first response and was resolved.
CREATE FUNCTION koe_rollup_cycles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT c.workspace_id, (t.at AT TIME ZONE w.time_zone)::date
      FROM new_rows c JOIN workspaces w ON w.id = c.workspace_id
      CROSS JOIN LATERAL (VALUES (c.started_at), (c.first_response_at), (c.resolved_at)) t(at)
     WHERE t.at IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT c.workspace_id, (t.at AT TIME ZONE w.time_zone)::date
      FROM old_rows c JOIN workspaces w ON w.id = c.workspace_id
      CROSS JOIN LATERAL (VALUES (c.started_at), (c.first_response_at), (c.resolved_at)) t(at)
     WHERE t.at IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A new conversation can end the first-contact resolution of its contact's earlier conversations
-- resolved within the FCR window, so the days of that window are noted too. A change of a
-- conversation's attributes (channel, assignee, team, tags, company) moves all of its cycles' figures.
CREATE FUNCTION koe_rollup_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT c.workspace_id, d.day::date
      FROM new_rows c JOIN workspaces w ON w.id = c.workspace_id
      CROSS JOIN LATERAL generate_series(
        (c.created_at AT TIME ZONE w.time_zone)::date
          - ceil(coalesce((w.settings ->> 'fcrWindowHours')::numeric, 72) / 24)::int,
        (c.created_at AT TIME ZONE w.time_zone)::date, interval '1 day') d(day);
  ELSE
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT c.workspace_id, (t.at AT TIME ZONE w.time_zone)::date
      FROM old_rows c
      JOIN workspaces w ON w.id = c.workspace_id
      LEFT JOIN conversation_cycles cy ON cy.workspace_id = c.workspace_id AND cy.conversation_id = c.id
      CROSS JOIN LATERAL (VALUES (c.created_at), (cy.started_at), (cy.first_response_at), (cy.resolved_at)) t(at)
     WHERE t.at IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION koe_rollup_conversation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_days (workspace_id, day)
  SELECT DISTINCT OLD.workspace_id, (t.at AT TIME ZONE w.time_zone)::date
    FROM workspaces w
    LEFT JOIN conversation_cycles cy ON cy.workspace_id = OLD.workspace_id AND cy.conversation_id = OLD.id
    CROSS JOIN LATERAL (VALUES (OLD.created_at), (NEW.created_at), (cy.started_at), (cy.first_response_at), (cy.resolved_at)) t(at)
   WHERE w.id = OLD.workspace_id AND t.at IS NOT NULL;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER survey_responses_rollup_insert AFTER INSERT ON survey_responses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_responses();
--> statement-breakpoint
CREATE TRIGGER survey_responses_rollup_update AFTER UPDATE ON survey_responses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_responses();
--> statement-breakpoint
CREATE TRIGGER survey_responses_rollup_delete AFTER DELETE ON survey_responses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_responses();
--> statement-breakpoint
CREATE TRIGGER survey_invitations_rollup_insert AFTER INSERT ON survey_invitations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_invitations();
--> statement-breakpoint
CREATE TRIGGER survey_invitations_rollup_update AFTER UPDATE ON survey_invitations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_invitations();
--> statement-breakpoint
CREATE TRIGGER survey_invitations_rollup_delete AFTER DELETE ON survey_invitations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_invitations();
--> statement-breakpoint
CREATE TRIGGER messages_rollup_insert AFTER INSERT ON messages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_messages();
--> statement-breakpoint
CREATE TRIGGER messages_rollup_update AFTER UPDATE ON messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_messages();
--> statement-breakpoint
CREATE TRIGGER messages_rollup_delete AFTER DELETE ON messages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_messages();
--> statement-breakpoint
CREATE TRIGGER conversation_cycles_rollup_insert AFTER INSERT ON conversation_cycles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_cycles();
--> statement-breakpoint
CREATE TRIGGER conversation_cycles_rollup_update AFTER UPDATE ON conversation_cycles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_cycles();
--> statement-breakpoint
CREATE TRIGGER conversation_cycles_rollup_delete AFTER DELETE ON conversation_cycles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_cycles();
--> statement-breakpoint
CREATE TRIGGER conversations_rollup_insert AFTER INSERT ON conversations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_conversations();
--> statement-breakpoint
-- Row level, so the WHEN clause skips the frequent updates that move no figure (activity, previews).
CREATE TRIGGER conversations_rollup_update AFTER UPDATE ON conversations FOR EACH ROW
  WHEN (OLD.channel IS DISTINCT FROM NEW.channel OR OLD.contact_id IS DISTINCT FROM NEW.contact_id
        OR OLD.company_id IS DISTINCT FROM NEW.company_id OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
        OR OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.tags IS DISTINCT FROM NEW.tags
        OR OLD.reopen_count IS DISTINCT FROM NEW.reopen_count OR OLD.created_at IS DISTINCT FROM NEW.created_at)
  EXECUTE FUNCTION koe_rollup_conversation_changed();
--> statement-breakpoint
CREATE TRIGGER conversations_rollup_delete AFTER DELETE ON conversations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION koe_rollup_conversations();
