/** The parts of a cucumber pickle the naming rule reads (`@cucumber/messages` Pickle fits). */
export interface PickleLike {
  name: string;
  astNodeIds: readonly string[];
}

interface RowLike {
  id: string;
  cells: ReadonlyArray<{ value: string }>;
}
interface ScenarioLike {
  id: string;
  examples: ReadonlyArray<{ tableBody: readonly RowLike[] }>;
}
interface ChildLike {
  scenario?: ScenarioLike;
  rule?: { children: readonly ChildLike[] };
}

/** The parts of a GherkinDocument the naming rule reads (`@cucumber/messages` GherkinDocument fits). */
export interface GherkinDocumentLike {
  feature?: { name: string; children: readonly ChildLike[] };
}

/**
 * The allocation test name of a pickle: what pool files must list.
 *
 * - A Scenario: its name, as written.
 * - A Scenario Outline example row: the pickle's name (with `<placeholders>`
 *   filled in) followed by the row's cells in brackets, joined by `, `:
 *   `pays with <card>` and the row `| visa | DE |` give `pays with visa [visa, DE]`.
 *   When two rows of the same outline hold identical cells, ` #<n>` is added,
 *   n being the row's 1-based position across all the outline's Examples.
 *
 * Never random (`pickle.id` changes on every run), and the same whether the
 * pickle comes from a running cucumber-js or from parsing the feature file.
 */
export function scenarioTestName(pickle: PickleLike, gherkinDocument: GherkinDocumentLike): string {
  const [scenarioId, rowId] = pickle.astNodeIds;
  if (rowId === undefined || scenarioId === undefined) return pickle.name;
  const scenario = findScenario(gherkinDocument.feature?.children ?? [], scenarioId);
  if (scenario === undefined) return pickle.name;
  const rows = scenario.examples.flatMap((examples) => examples.tableBody);
  const index = rows.findIndex((row) => row.id === rowId);
  const row = rows[index];
  if (row === undefined) return pickle.name;
  const cells = cellsOf(row);
  const repeated = rows.some((other) => other !== row && cellsOf(other) === cells);
  return `${pickle.name} [${cells}]${repeated ? ` #${index + 1}` : ''}`;
}

/** The suite of a pickle: its feature's name. */
export function featureSuiteName(gherkinDocument: GherkinDocumentLike): string {
  return gherkinDocument.feature?.name ?? '';
}

function cellsOf(row: RowLike): string {
  return row.cells.map((cell) => cell.value).join(', ');
}

function findScenario(children: readonly ChildLike[], id: string): ScenarioLike | undefined {
  for (const child of children) {
    if (child.scenario?.id === id) return child.scenario;
    const inRule = child.rule === undefined ? undefined : findScenario(child.rule.children, id);
    if (inRule !== undefined) return inRule;
  }
  return undefined;
}
