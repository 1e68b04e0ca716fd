-- Projects of a workspace, numbered per workspace by next_workspace_id's
-- 'project' counter (ids are never reused: the counter only grows), and
-- addressed also by name and version label, unique in a workspace.
ALTER TABLE workspace_ids DROP CONSTRAINT workspace_ids_kind_check;
ALTER TABLE workspace_ids ADD CONSTRAINT workspace_ids_kind_check
  CHECK (kind IN ('job', 'audit', 'event', 'project'));

CREATE TABLE projects (
  workspace text NOT NULL,
  id bigint NOT NULL,
  name text NOT NULL,
  version text NOT NULL,
  description text NOT NULL,
  tags jsonb NOT NULL,
  -- [{user, role, since}], in the order members were added.
  members json NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace, id),
  UNIQUE (workspace, name, version)
);
