json_build_object('id', v.id, 'workspace', v.workspace, 'project', v.project, 'name', v.name) AS record
