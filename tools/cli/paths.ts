// Where the tinyusp CLI finds its checkout and the demo's files. The CLI runs bundled, from
// node_modules/.cache/tinyusp (tools/tinyusp.mjs), which defines __TINYUSP_ROOT__; run from
// source (tests), the root is the first folder up from here with firmware/xs-host.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __TINYUSP_ROOT__: string | undefined;

function findRoot(): string {
  if (typeof __TINYUSP_ROOT__ === 'string') return __TINYUSP_ROOT__;
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

/** The DTLS module (hal/host/dtls.ts cannot find it relative to a bundle). */
export const DTLS_WASM = join(root, 'firmware/dtls/tinyusp-dtls.wasm');
