/** The action's post entry (\`runs.post\`): everything happens in {@link run}. */
import { run } from './post-main.js';

await run();
