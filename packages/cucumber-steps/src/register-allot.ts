import { After, Before, Given, Then, defineParameterType } from '@cucumber/cucumber';
import { clientOf, loadScenarioData } from './load-scenario-data.js';
import type { ScenarioData } from './scenario-data.js';
import { parseWorldParameters } from './world-options.js';

interface WithAllot {
  allot: ScenarioData;
  parameters: unknown;
  attach(data: string, mediaType: string): void | Promise<void>;
}

/** `allot:email`, `allot:id[1]` (row 1 of a test with several rows). */
export const ALLOT_PARAMETER = /allot:([A-Za-z_][\w-]*)(?:\[(\d+)\])?/;

let registered = false;

/**
 * Registers the `Before` hook that loads each scenario's values into
 * `this.allot`, the `After` hook that releases them when
 * `worldParameters.allot.release` is true, the `{allot}` parameter type and
 * the ready steps. Works with any World; {@link AllotWorld} types `this.allot`.
 * Idempotent.
 */
export function registerAllot(): void {
  if (registered) return;
  registered = true;

  Before(
    { name: 'allot: load the scenario data' },
    async function (this: WithAllot, { pickle, gherkinDocument }) {
      const options = parseWorldParameters(this.parameters, process.env);
      this.allot = await loadScenarioData(pickle, gherkinDocument, options);
    },
  );

  After({ name: 'allot: release the scenario data' }, async function (this: WithAllot) {
    const options = parseWorldParameters(this.parameters, process.env);
    if (!options.release || !this.allot.found) return;
    const client = clientOf(options);
    if (client === undefined) return; // rows from a results file belong to its job: release the job
    const { pool, suite, test } = this.allot.ref;
    await client.releaseTest(pool, suite, test);
  });

  defineParameterType({
    name: 'allot',
    regexp: ALLOT_PARAMETER,
    transformer(this: WithAllot, column: string, row?: string) {
      return this.allot.text(column, row === undefined ? undefined : Number(row));
    },
    useForSnippets: false,
  });

  Given('the scenario has allocated test data', function (this: WithAllot) {
    // Throws the lookup's error (no pool, no allocation, the job's reason) as this step's failure.
    void this.allot.values;
  });

  Then(
    'the allocated {word} is {string}',
    function (this: WithAllot, column: string, expected: string) {
      const actual = this.allot.text(column);
      if (actual !== expected) {
        throw new Error(
          `the allocated ${column} is ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`,
        );
      }
    },
  );

  Then('I attach the allocated test data', async function (this: WithAllot) {
    await this.attach(
      JSON.stringify({ ...this.allot.ref, rows: this.allot.rows }, null, 2),
      'application/json',
    );
  });
}
