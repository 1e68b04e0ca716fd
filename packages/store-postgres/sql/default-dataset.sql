SELECT {{dataset-record}} FROM datasets d
WHERE d.workspace = :workspace AND d.project = :project AND d.is_default
