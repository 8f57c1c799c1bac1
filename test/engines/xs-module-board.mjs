// Builds a board runner whose preloaded module is a given ES module file, as build.mjs builds the
// esp32 board (xsc, xsl with preloading, the board runner of each architecture), for the engine
// tests of xsc/xsl/xsRun patches that need a module rather than a script:
//   node test/engines/xs-module-board.mjs <board> <module.js> <x64|arm>...
// The runner is build/xs-host/<arch>/xs-<board>. It is compiled with the esp32 board's DTLS
// configuration, so the shared mbedTLS objects are the esp32 runner's, not rebuilt. Takes the
// build lock as build.mjs does (tests may build in parallel).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArch } from '../../firmware/xs-host/build.mjs';
import { takeLock } from '../../firmware/xs-host/cc.mjs';
import { boardDtls } from '../../firmware/xs-host/dtls.mjs';
import { buildTools } from '../../firmware/xs-host/moddable.mjs';
import { preloadBoard } from '../../firmware/xs-host/preload.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [board, moduleFile, ...arches] = process.argv.slice(2);
if (!board || !moduleFile || !arches.length || board === 'esp32' || board === 'empty') {
  console.error('usage: xs-module-board.mjs <board, not esp32 nor empty> <module.js> <x64|arm>...');
  process.exit(2);
}
const say = () => {};
const options = { root, quiet: true, force: false, say };
const release = await takeLock(join(root, 'build/xs-host/.lock'), root);
try {
  const tools = await buildTools(root, options);
  const { mcDir } = await preloadBoard(root, board, tools, options, readFileSync(moduleFile, 'utf8'));
  const dtls = await boardDtls(root, 'esp32');
  for (const arch of arches) await buildArch(arch, tools.xs, board, mcDir, dtls, options);
} catch (e) {
  console.error(e.stack ?? String(e));
  process.exitCode = 1;
} finally {
  release();
}
