-- The catalogue: versioned, lockable records of any kind (coverage sets,
-- worksets, schemas …), one row per version. Core numbers the versions and
-- decides on locks; a change of a name runs under that name's advisory lock
-- (catalogue-lock-name.sql), and the unique constraint below refuses two
-- rows for one version whatever happens.
CREATE TABLE catalogue (
  workspace text NOT NULL,
  kind text NOT NULL,
  -- NULL: a record of the workspace itself, of no project.
  project text,
  name text NOT NULL,
  version text NOT NULL,
  -- The version as numbers, so that 1.10 sorts after 1.9.
  version_parts integer[] NOT NULL,
  -- 24 hex characters; versions put with keepId share their name's id.
  id text NOT NULL CHECK (id ~ '^[0-9a-f]{24}$'),
  body jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  lock_holder text,
  lock_since timestamptz,
  -- NULL: the lock lasts until unlocked.
  lock_timeout_seconds integer CHECK (lock_timeout_seconds > 0),
  CHECK ((lock_holder IS NULL) = (lock_since IS NULL)),
  -- NULLS NOT DISTINCT: two records of no project and one name are one name.
  CONSTRAINT catalogue_one_version UNIQUE NULLS NOT DISTINCT (workspace, kind, project, name, version)
);
-- Lookups by id, and listings of a kind in the order every adapter lists in.
CREATE INDEX catalogue_by_id ON catalogue (workspace, id);
CREATE INDEX catalogue_by_name ON catalogue (workspace, kind, project COLLATE "C", name COLLATE "C", version_parts);

-- A version as the model has it.
CREATE FUNCTION catalogue_record(c catalogue) RETURNS json
  LANGUAGE sql STABLE
  RETURN json_build_object(
    'kind', c.kind,
    'workspace', c.workspace,
    'project', c.project,
    'name', c.name,
    'id', c.id,
    'version', c.version,
    'body', c.body,
    'createdBy', c.created_by,
    'createdAt', iso(c.created_at),
    'updatedBy', c.updated_by,
    'updatedAt', iso(c.updated_at),
    'lock', CASE WHEN c.lock_holder IS NULL THEN NULL ELSE json_build_object(
      'holder', c.lock_holder,
      'since', iso(c.lock_since),
      'timeoutSeconds', c.lock_timeout_seconds
    ) END
  );
