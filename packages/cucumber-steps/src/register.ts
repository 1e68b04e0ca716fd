/**
 * `import '@allot/cucumber/register'` from a support file: registers the
 * hooks, the `{allot}` parameter type, the ready steps and {@link AllotWorld}
 * as the World (call `setWorldConstructor` after it with a subclass to add your own).
 */
import { setWorldConstructor } from '@cucumber/cucumber';
import { AllotWorld } from './allot-world.js';
import { registerAllot } from './register-allot.js';

registerAllot();
setWorldConstructor(AllotWorld);
