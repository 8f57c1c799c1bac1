// Where the tinyusp CLI finds its checkout and the demo's files. The CLI also runs bundled, from
// node_modules/.cache/tinyusp (tools/tinyusp.mjs), so the root is found, not assumed.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'firmware/xs-host/build.mjs'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('tinyusp: firmware/xs-host/build.mjs not found above the CLI');
    dir = up;
  }
  return dir;
}

/** The tinyusp checkout. */
export const root = findRoot();

/** `npm start`'s state directory, and so the default home of the development PKI. */
export const DEMO_STATE = join(root, 'state/demo');
export const DEMO_DEFAULTS = join(root, 'examples/demo-defaults.json');

/** The development PKI of a state directory (`tinyusp pki`, `npm start`, `tinyusp ctl`). */
export const pkiDirOf = (stateDir: string) => join(stateDir, 'pki');
