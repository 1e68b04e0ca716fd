SELECT {{dataset-record}} FROM datasets d
WHERE d.workspace = :workspace AND d.project = :project
ORDER BY d.id LIMIT :limit OFFSET :offset
