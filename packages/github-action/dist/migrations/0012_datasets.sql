-- Datasets of variables (TestRail's shape): a project's variables, its
-- datasets, and each dataset's value for a variable. Both are numbered per
-- workspace by next_workspace_id; a value that is not stored reads as "",
-- so adding a variable writes nothing to the datasets. Deleting a project,
-- a dataset or a variable takes the values with it.
ALTER TABLE workspace_ids DROP CONSTRAINT workspace_ids_kind_check;
ALTER TABLE workspace_ids ADD CONSTRAINT workspace_ids_kind_check
  CHECK (kind IN ('job', 'audit', 'event', 'project', 'dataset', 'variable'));

CREATE TABLE dataset_variables (
  workspace text NOT NULL,
  id bigint NOT NULL,
  project bigint NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (workspace, id),
  UNIQUE (workspace, project, name),
  FOREIGN KEY (workspace, project) REFERENCES projects (workspace, id) ON DELETE CASCADE
);

CREATE TABLE datasets (
  workspace text NOT NULL,
  id bigint NOT NULL,
  project bigint NOT NULL,
  name text NOT NULL,
  is_default boolean NOT NULL,
  PRIMARY KEY (workspace, id),
  UNIQUE (workspace, project, name),
  FOREIGN KEY (workspace, project) REFERENCES projects (workspace, id) ON DELETE CASCADE
);

-- One Default dataset per project, however many replicas create it at once.
CREATE UNIQUE INDEX datasets_one_default ON datasets (workspace, project) WHERE is_default;

CREATE TABLE dataset_values (
  workspace text NOT NULL,
  dataset bigint NOT NULL,
  variable bigint NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (workspace, dataset, variable),
  FOREIGN KEY (workspace, dataset) REFERENCES datasets (workspace, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace, variable) REFERENCES dataset_variables (workspace, id) ON DELETE CASCADE
);
CREATE INDEX dataset_values_variable ON dataset_values (workspace, variable);
