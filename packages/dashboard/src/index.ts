import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The directory holding the dashboard's built assets (`index.html` and
 * `assets/`), which `@allot/server` serves at `/ui`. Vite writes it beside
 * this compiled entry (`dist/ui/`), so it moves with the package.
 */
export const DASHBOARD_ASSETS_DIR = fileURLToPath(new URL('./ui/', import.meta.url));

/** Whether the assets have been built (`pnpm build` builds them). */
export function dashboardBuilt(dir: string = DASHBOARD_ASSETS_DIR): boolean {
  return existsSync(`${dir}index.html`);
}
