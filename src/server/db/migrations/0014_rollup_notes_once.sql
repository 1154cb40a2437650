-- An update notes the days of its rows' old and new values with one insert instead of two
-- (one SELECT DISTINCT over both transition tables): the same notes, one statement less on
-- every update of these tables (the public answer path's invitation update among them).
CREATE OR REPLACE FUNCTION koe_rollup_responses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT r.workspace_id, (r.submitted_at AT TIME ZONE w.time_zone)::date
      FROM new_rows r JOIN workspaces w ON w.id = r.workspace_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT r.workspace_id, (r.submitted_at AT TIME ZONE w.time_zone)::date
      FROM old_rows r JOIN workspaces w ON w.id = r.workspace_id;
  ELSE
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT r.workspace_id, (r.submitted_at AT TIME ZONE w.time_zone)::date
      FROM (SELECT workspace_id, submitted_at FROM new_rows
            UNION ALL SELECT workspace_id, submitted_at FROM old_rows) r
      JOIN workspaces w ON w.id = r.workspace_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION koe_rollup_invitations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT i.workspace_id, (i.created_at AT TIME ZONE w.time_zone)::date
      FROM new_rows i JOIN workspaces w ON w.id = i.workspace_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT i.workspace_id, (i.created_at AT TIME ZONE w.time_zone)::date
      FROM old_rows i JOIN workspaces w ON w.id = i.workspace_id;
  ELSE
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT i.workspace_id, (i.created_at AT TIME ZONE w.time_zone)::date
      FROM (SELECT workspace_id, created_at FROM new_rows
            UNION ALL SELECT workspace_id, created_at FROM old_rows) i
      JOIN workspaces w ON w.id = i.workspace_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION koe_rollup_messages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT m.workspace_id, (m.created_at AT TIME ZONE w.time_zone)::date
      FROM new_rows m JOIN workspaces w ON w.id = m.workspace_id WHERE m.wait_seconds IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT m.workspace_id, (m.created_at AT TIME ZONE w.time_zone)::date
      FROM old_rows m JOIN workspaces w ON w.id = m.workspace_id WHERE m.wait_seconds IS NOT NULL;
  ELSE
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT m.workspace_id, (m.created_at AT TIME ZONE w.time_zone)::date
      FROM (SELECT workspace_id, created_at FROM new_rows WHERE wait_seconds IS NOT NULL
            UNION ALL SELECT workspace_id, created_at FROM old_rows WHERE wait_seconds IS NOT NULL) m
      JOIN workspaces w ON w.id = m.workspace_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A cycle counts on the days it started (backlog), got its first response and was resolved.
CREATE OR REPLACE FUNCTION koe_rollup_cycles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT c.workspace_id, (t.at AT TIME ZONE w.time_zone)::date
      FROM new_rows c JOIN workspaces w ON w.id = c.workspace_id
      CROSS JOIN LATERAL (VALUES (c.started_at), (c.first_response_at), (c.resolved_at)) t(at)
     WHERE t.at IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT c.workspace_id, (t.at AT TIME ZONE w.time_zone)::date
      FROM old_rows c JOIN workspaces w ON w.id = c.workspace_id
      CROSS JOIN LATERAL (VALUES (c.started_at), (c.first_response_at), (c.resolved_at)) t(at)
     WHERE t.at IS NOT NULL;
  ELSE
    INSERT INTO rollup_dirty_days (workspace_id, day)
    SELECT DISTINCT c.workspace_id, (t.at AT TIME ZONE w.time_zone)::date
      FROM (SELECT workspace_id, started_at, first_response_at, resolved_at FROM new_rows
            UNION ALL SELECT workspace_id, started_at, first_response_at, resolved_at FROM old_rows) c
      JOIN workspaces w ON w.id = c.workspace_id
      CROSS JOIN LATERAL (VALUES (c.started_at), (c.first_response_at), (c.resolved_at)) t(at)
     WHERE t.at IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
