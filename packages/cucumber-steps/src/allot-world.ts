import { World, type IWorldOptions } from '@cucumber/cucumber';
import { ScenarioData } from './scenario-data.js';

/** A World whose `allot` holds the running scenario's values (set by the `Before` hook). */
export class AllotWorld<ParametersType = unknown> extends World<ParametersType> {
  allot: ScenarioData = new ScenarioData(
    { pool: '', suite: '', test: '' },
    new Error(
      '@allot/cucumber: the allot Before hook has not run: import "@allot/cucumber/register" from a support file',
    ),
  );

  constructor(options: IWorldOptions<ParametersType>) {
    super(options);
  }
}
