import {
  AllotError,
  type DatasetFill,
  type DatasetFillResult,
  type RecordJournal,
} from '@allot/core';
import {
  mapProjectGone,
  putValues,
  withJournal,
  type DatasetRow,
  type VariableRow,
} from './dataset-records.js';
import { SQLSTATE, sqlState } from './pg-errors.js';
import type { PoolQueries } from './pool-queries.js';

/**
 * Writes a fill (variables added, datasets added or given values) and the
 * journal's event in one transaction: all of it or nothing. A fill racing
 * another that adds the same name is refused whole (`ALREADY_EXISTS`).
 */
export function fillDatasets(
  db: PoolQueries,
  fill: DatasetFill,
  journal?: RecordJournal<DatasetFillResult>,
): Promise<DatasetFillResult> {
  const { workspace, project } = fill;
  return withJournal(
    db,
    journal,
    'fill datasets',
    async (client) => {
      const listed = await db.sql.run<VariableRow>(client, 'list-variables', {
        workspace,
        project,
      });
      const variables = new Map(listed.rows.map(({ record }) => [record.name, record.id]));
      const all = await db.sql.run<DatasetRow>(client, 'list-datasets', {
        workspace,
        project,
        limit: null,
        offset: 0,
      });
      const datasets = new Map(all.rows.map(({ record }) => [record.name, record.id]));
      const result: DatasetFillResult = {
        workspace,
        project,
        created: [],
        updated: [],
        variablesAdded: [],
      };
      for (const entry of fill.datasets) {
        const values: Record<string, string> = {};
        for (const [name, value] of Object.entries(entry.values)) {
          let variable = variables.get(name);
          if (variable === undefined) {
            const inserted = await db.sql.run<VariableRow>(client, 'insert-variable', {
              workspace,
              project,
              name,
            });
            variable = (inserted.rows[0] as VariableRow).record.id;
            variables.set(name, variable);
            result.variablesAdded.push(name);
          }
          values[String(variable)] = value;
        }
        const same = datasets.get(entry.name);
        if (same !== undefined) {
          await putValues(db, client, { workspace, project, dataset: same }, values);
          result.updated.push(same);
          continue;
        }
        const inserted = await db.sql.run<{ id: string }>(client, 'insert-dataset', {
          workspace,
          project,
          name: entry.name,
          values: JSON.stringify(values),
          variables: Object.keys(values).length,
        });
        const id = Number((inserted.rows[0] as { id: string }).id);
        datasets.set(entry.name, id);
        result.created.push(id);
      }
      return result;
    },
    (error) =>
      sqlState(error) === SQLSTATE.uniqueViolation
        ? new AllotError(
            'ALREADY_EXISTS',
            `another write added a dataset or variable of the same name to project ${project} at the same time; nothing was written`,
            { project },
          )
        : mapProjectGone(error, project, 'fill datasets'),
  );
}
