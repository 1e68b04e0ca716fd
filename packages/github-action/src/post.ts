/** The action's post entry (`runs.post`): releases the job's leases. */
import { runPost } from './post-main.js';

await runPost();
