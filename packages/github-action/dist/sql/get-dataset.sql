SELECT {{dataset-record}} FROM datasets d WHERE d.workspace = :workspace AND d.id = :id
