/** The action's main entry (`runs.main`): everything happens in {@link run}. */
import { run } from './main.js';

await run();
