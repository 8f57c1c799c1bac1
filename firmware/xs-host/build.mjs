// Builds the tinyusp XS runners over the vendored Moddable SDK (vendor/moddable, patched copy in
// build/moddable): `npm run build:xs`.
//   node firmware/xs-host/build.mjs [--arch x64|arm|all] [--script-only] [--board NAME]
//                                   [--force] [--quiet] [--empty]
// Per architecture (x64: the machine's `cc`; arm: `arm-linux-gnueabihf-gcc -static`, 32-bit, run
// under qemu-arm-static), into build/xs-host/<arch>/:
//   xs-host      script mode: a fresh machine runs an iife bundle given on the command line
//   xs-<board>   board mode: the board's modules preloaded by xsl (preload.mjs), start() called
// Both link the DTLS shim and mbedTLS, compiled for the board's profile (dtls.mjs).
// --script-only skips xsc/xsl and the board runner (what the engine tests need).
// --empty builds the board "empty" instead: a preloaded module with an empty start(), the
// baseline of npm run footprint (xs-empty, build/xs-host/<arch>/obj-empty/mc.xs.o). xsl strips
// the builtins the byte code does not name (preload.mjs), so the module names what the runner
// itself uses: Promise (xsAwaitImport of the module; `async` keeps it) and Object.freeze
// (xs-host.c freezes the host object), as the agent's code does.
// Incremental (cc.mjs); two builds started at once (parallel tests) take turns through a lock.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BuildError, buildTarget, fail, hasBuiltinFlags, objectsOf, probeCompiler, takeLock } from './cc.mjs';
import { boardDtls, dtlsTarget } from './dtls.mjs';
import { buildTools, patchedModdable } from './moddable.mjs';
import { preloadBoard } from './preload.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hostDir = join(root, 'firmware/xs-host');

export const ARCHES = {
  x64: { cc: () => process.env.CC || 'cc', ldflags: [], hint: 'install one, e.g. `apt-get install gcc libc6-dev`, or set CC' },
  arm: {
    cc: () => process.env.CC_ARM || 'arm-linux-gnueabihf-gcc',
    // Static: the binary runs under qemu-arm-static, or on a board, without an ARM libc.
    ldflags: ['-static'],
    hint: 'apt-get install gcc-arm-linux-gnueabihf libc6-dev-armhf-cross, or set CC_ARM',
  },
};

// The engine (xs/makefiles/lin/xsl.mk's list plus xsmc and xsLockdown). xsDefaults.c is in the
// script runner only: a board's mc.xs.c includes it.
const ENGINE = ['xsAll', 'xsAPI', 'xsArguments', 'xsArray', 'xsAtomics', 'xsBigInt', 'xsBoolean', 'xsCode',
  'xsCommon', 'xsDataView', 'xsDate', 'xsDebug', 'xsError', 'xsFunction', 'xsGenerator', 'xsGlobal', 'xsJSON',
  'xsLexical', 'xsLockdown', 'xsMapSet', 'xsMarshall', 'xsMath', 'xsMemory', 'xsModule', 'xsNumber', 'xsObject',
  'xsPlatforms', 'xsProfile', 'xsPromise', 'xsProperty', 'xsProxy', 'xsRegExp', 'xsRun', 'xsScope', 'xsScript',
  'xsSourceMap', 'xsString', 'xsSymbol', 'xsSyntaxical', 'xsTree', 'xsType', 'xsdtoa', 'xsre', 'xsmc'];

// Release flags; no snapshots, metering or debugger. mxParse: script mode parses bundles.
// mxStress: compiled in, off unless --gc-stress (a collection before every allocation, for the
// live peaks of npm run footprint); off, it costs one test per allocation.
// _FILE_OFFSET_BITS=64: on 32-bit ARM, readdir/stat of a file system with 64-bit inode numbers
// (the host's, under qemu) fail with EOVERFLOW otherwise, and storage reads nothing back.
// -ffunction-sections -fdata-sections with --gc-sections at the link: what nothing calls is left
// out of the binaries (the board image must fit its slot, boards/esp32/profile.ts firmware).
const RUNTIME_FLAGS = ['-O2', '-fno-common', '-ffunction-sections', '-fdata-sections', '-D_FILE_OFFSET_BITS=64', '-DINCLUDE_XSPLATFORM', '-DXSPLATFORM="xs-platform.h"',
  '-DmxParse=1', '-DmxRun=1', '-DmxStress=1', '-DmxSloppy=1', '-DmxBoundsCheck=1', '-DmxMinusZero=1',
  '-Wno-misleading-indentation', '-Wno-implicit-fallthrough'];
const LIBS = ['-lm', '-lpthread'];
const LINK_FLAGS = ['-Wl,--gc-sections'];
// Unicode property escapes in RegExp (\p{...}, ~290 KB of tables) and String.prototype.normalize
// beyond ASCII (~40 KB): the script runner has them (any bundle); the board runner does not, as
// a Moddable device build can leave them out. boardFeatureCheck() refuses a board bundle that
// could use them. Only xsre.c and xsString.c depend on these flags: they are compiled per runner.
const SCRIPT_FEATURES = ['-DmxRegExpUnicodePropertyEscapes=1', '-DmxStringNormalize=1'];
const FEATURE_SOURCES = ['xsre', 'xsString'];

function parseArgs(argv) {
  const args = { arches: ['x64'], scriptOnly: false, board: 'esp32', force: false, quiet: false, module: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--arch') {
      const v = argv[++i];
      if (v === 'all') args.arches = Object.keys(ARCHES);
      else if (v in ARCHES) args.arches = [v];
      else fail(`--arch needs ${Object.keys(ARCHES).join(', ')} or all, not ${v}`);
    } else if (a === '--board') args.board = argv[++i];
    else if (a === '--script-only') args.scriptOnly = true;
    else if (a === '--force') args.force = true;
    else if (a === '--quiet') args.quiet = true;
    else if (a === '--empty') {
      args.board = 'empty';
      args.module = 'Object.freeze;\nexport async function start() {}\n';
    }
    else fail(`unknown option ${a}`);
  }
  return args;
}

/** The HTTP(S) client of the runner and its TLS part (compiled with mbedTLS's headers). */
const HTTP = ['host-http.c', 'host-http-tls.c'];
/** The SHA host function (mbedTLS's sha256, and sha1.c, which the DTLS configuration leaves out). */
const HASH = 'host-hash.c';

/** Builds the runners of one architecture; `mcDir` is the board's preload (or undefined). */
export async function buildArch(arch, xs, board, mcDir, dtls, options) {
  const { cc: ccOf, ldflags, hint } = ARCHES[arch];
  const cc = ccOf();
  probeCompiler(cc, hint);
  const includes = ['includes', 'platforms', 'sources'].map((d) => `-I${join(xs, d)}`);
  const dtlsDir = join(root, 'firmware/dtls');
  const cflags = [...RUNTIME_FLAGS, ...includes, `-I${hostDir}`, `-I${dtlsDir}`, ...hasBuiltinFlags(cc)];
  const headers = [
    join(dtlsDir, 'tinyusp_dtls.h'),
    ...['includes', 'platforms', 'sources'].flatMap((d) =>
      readdirSync(join(xs, d)).filter((f) => f.endsWith('.h')).map((f) => join(xs, d, f))),
    ...readdirSync(hostDir).filter((f) => f.endsWith('.h')).map((f) => join(hostDir, f)),
  ];
  const out = join(root, 'build/xs-host', arch);
  const result = { out, boardObject: mcDir ? join(out, `obj-${board}`, 'mc.xs.o') : undefined, boardBinary: join(out, `xs-${board}`) };
  const shared = [
    ...ENGINE.filter((n) => !FEATURE_SOURCES.includes(n)).map((n) => join(xs, 'sources', `${n}.c`)),
    ...readdirSync(hostDir).filter((f) => f.endsWith('.c') && !f.startsWith('run-') && !HTTP.includes(f) && f !== HASH).map((f) => join(hostDir, f)),
  ];
  const sharedObj = join(out, 'obj');
  const common = { cc, cflags, ldflags: [...ldflags, ...LINK_FLAGS], libs: LIBS, headers };
  const featureSources = FEATURE_SOURCES.map((n) => join(xs, 'sources', `${n}.c`));
  await buildTarget({ name: `xs-${arch}`, ...common, sources: shared, objDir: sharedObj }, options);
  const tls = dtlsTarget(root, dtls, options);
  const tlsObj = join(out, 'obj-dtls');
  await buildTarget({ name: `mbedtls-${arch}`, ...common, cflags: tls.cflags, headers: tls.headers,
    sources: tls.sources, objDir: tlsObj }, options);
  // host-http*.c use mbedTLS's TLS directly: built with the runner's flags and mbedTLS's headers.
  const http = HTTP.map((f) => join(hostDir, f));
  const httpObj = join(out, 'obj-http');
  await buildTarget({ name: `http-${arch}`, ...common, cflags: [...cflags, ...tls.includeFlags], headers: [...headers, ...tls.headers],
    sources: http, objDir: httpObj }, options);
  // host-hash.c and mbedTLS's sha1.c: -DMBEDTLS_SHA1_C for these two files only (SHA-1 is
  // self-contained in mbedTLS; the DTLS build has no use for it).
  const hash = [join(hostDir, HASH), join(tls.library, 'sha1.c')];
  const hashObj = join(out, 'obj-hash');
  await buildTarget({ name: `hash-${arch}`, ...common, cflags: [...cflags, ...tls.includeFlags, `-I${tls.library}`, '-DMBEDTLS_SHA1_C'],
    headers: [...headers, ...tls.headers], sources: hash, objDir: hashObj }, options);
  const sharedObjects = [...objectsOf(shared, sharedObj), ...objectsOf(tls.sources, tlsObj), ...objectsOf(http, httpObj),
    ...objectsOf(hash, hashObj)];
  await buildTarget({
    name: `xs-host (${arch})`, ...common, cflags: [...cflags, ...SCRIPT_FEATURES], objects: sharedObjects, objDir: join(out, 'obj-script'),
    sources: [join(xs, 'sources/xsDefaults.c'), join(hostDir, 'run-script.c'), ...featureSources], binary: join(out, 'xs-host'),
  }, options);
  if (!mcDir) return result;
  await buildTarget({
    name: `xs-${board} (${arch})`, ...common, cflags: [...cflags, `-I${mcDir}`],
    headers: [...headers, join(mcDir, 'mc.xs.h')], objects: sharedObjects, objDir: join(out, `obj-${board}`),
    sources: [join(mcDir, 'mc.xs.c'), join(hostDir, 'run-board.c'), ...featureSources], binary: join(out, `xs-${board}`),
  }, options);
  return result;
}

/**
 * The board runner is built without SCRIPT_FEATURES: its bundle must not write a property escape
 * (\p{...}, \P{...}) nor call normalize(). Its dynamic RegExps (TR-181 patterns) have no `u`
 * flag, where \p is a plain `p`.
 */
export function boardFeatureCheck(root, board) {
  if (board === 'empty') return;
  const file = join(root, 'build/boards', board, 'main.js');
  const code = readFileSync(file, 'utf8');
  const used = [/\\[pP]\{/.test(code) && 'a RegExp property escape (\\p{...})', /\bnormalize\b/.test(code) && 'normalize()'].filter(Boolean);
  if (used.length) fail(`${relative(root, file)} uses ${used.join(' and ')}, left out of the board runner (build.mjs SCRIPT_FEATURES)`);
}

async function main() {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const say = (text) => { if (!args.quiet) console.log(text); };
  const options = { root, quiet: args.quiet, force: args.force, say };
  const release = await takeLock(join(root, 'build/xs-host/.lock'), root);
  try {
    let xs;
    let mcDir;
    if (args.scriptOnly) {
      xs = join(patchedModdable(root, say), 'xs');
    } else {
      const tools = await buildTools(root, options);
      xs = tools.xs;
      mcDir = (await preloadBoard(root, args.board, tools, options, args.module)).mcDir;
      boardFeatureCheck(root, args.board);
    }
    const dtls = await boardDtls(root, args.board);
    for (const arch of args.arches) await buildArch(arch, xs, args.board, mcDir, dtls, options);
  } finally {
    release();
  }
  say(`build.mjs: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(`build.mjs: ${e instanceof BuildError ? e.message : e.stack ?? e}`);
    process.exit(1);
  });
}
