// The Moddable SDK as the build uses it: vendor/moddable (never edited) copied to
// build/moddable with firmware/patches/moddable/*.patch applied, and the xsc/xsl tools built
// from that copy with the flags of its own makefiles (xs/makefiles/lin/xsc.mk and xsl.mk,
// release goal, -O2 instead of -O3 to halve the compile time of a build-time tool).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildTarget, fail, hasBuiltinFlags, probeCompiler } from './cc.mjs';

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** Re-creates build/moddable when the vendored files or the patches changed; returns its path. */
export function patchedModdable(root, say) {
  const vendor = join(root, 'vendor/moddable');
  const patchDir = join(root, 'firmware/patches/moddable');
  const out = join(root, 'build/moddable');
  if (!existsSync(join(vendor, 'xs/sources/xsAll.c'))) fail(`${relative(root, vendor)} is missing (vendor/moddable/refresh.sh re-creates it)`);
  const patches = existsSync(patchDir) ? readdirSync(patchDir).filter((f) => f.endsWith('.patch')).sort() : [];
  const hash = createHash('sha256');
  for (const file of listFiles(vendor)) hash.update(relative(vendor, file)).update(readFileSync(file));
  for (const p of patches) hash.update(p).update(readFileSync(join(patchDir, p)));
  const stamp = join(out, '.stamp');
  const digest = hash.digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return out;
  rmSync(out, { recursive: true, force: true });
  cpSync(vendor, out, { recursive: true });
  for (const p of patches) {
    const r = spawnSync('patch', ['-p1', '--forward', '--no-backup-if-mismatch', '-s', '-d', out, '-i', join(patchDir, p)], { encoding: 'utf8' });
    if (r.error) fail(`cannot run \`patch\` (${r.error.code}): install it (apt-get install patch)`);
    if (r.status !== 0) fail(`${p} does not apply to vendor/moddable:\n${r.stdout}${r.stderr}`);
    say(`moddable: applied ${p}`);
  }
  writeFileSync(stamp, digest);
  return out;
}

const XSC_SOURCES = ['xsBigInt', 'xsCode', 'xsCommon', 'xsdtoa', 'xsLexical', 'xsre', 'xsScope', 'xsScript',
  'xsSourceMap', 'xsSyntaxical', 'xsTree'];
const XSL_SOURCES = ['xsAll', 'xsAPI', 'xsArguments', 'xsArray', 'xsAtomics', 'xsBigInt', 'xsBoolean', 'xsCode',
  'xsCommon', 'xsDataView', 'xsDate', 'xsDebug', 'xsDefaults', 'xsError', 'xsFunction', 'xsGenerator', 'xsGlobal',
  'xsJSON', 'xsLexical', 'xsMapSet', 'xsMarshall', 'xsMath', 'xsMemory', 'xsModule', 'xsNumber', 'xsObject',
  'xsPlatforms', 'xsPromise', 'xsProperty', 'xsProxy', 'xsRegExp', 'xsRun', 'xsScope', 'xsScript', 'xsSourceMap',
  'xsString', 'xsSymbol', 'xsSyntaxical', 'xsTree', 'xsType', 'xsdtoa', 'xsre'];

/** Builds build/moddable/bin/{xsc,xsl} with the host compiler; returns their paths. */
export async function buildTools(root, options) {
  const xs = join(patchedModdable(root, options.say), 'xs');
  const cc = process.env.CC || 'cc';
  probeCompiler(cc, 'install one, e.g. `apt-get install gcc libc6-dev`, or set CC');
  const includes = ['includes', 'platforms', 'sources', 'tools'].map((d) => `-I${join(xs, d)}`);
  const headers = ['includes', 'platforms', 'sources', 'tools'].flatMap((d) =>
    readdirSync(join(xs, d)).filter((f) => f.endsWith('.h')).map((f) => join(xs, d, f)));
  const common = ['-O2', '-fno-common', ...includes, '-Wno-misleading-indentation', '-Wno-implicit-fallthrough', ...hasBuiltinFlags(cc)];
  const bin = join(root, 'build/moddable/bin');
  const xsc = join(bin, 'xsc');
  const xsl = join(bin, 'xsl');
  await buildTarget({
    name: 'xsc', cc, cflags: [...common, '-DmxCompile=1'], ldflags: [], libs: ['-lm'], headers,
    sources: [...XSC_SOURCES.map((n) => join(xs, 'sources', `${n}.c`)), join(xs, 'tools/xsc.c')],
    objDir: join(root, 'build/moddable/obj/xsc'), binary: xsc,
  }, options);
  await buildTarget({
    name: 'xsl', cc, cflags: [...common, '-DINCLUDE_XSPLATFORM', '-DXSPLATFORM="xslOpt.h"', '-DmxLink=1'],
    ldflags: [], libs: ['-ldl', '-lm', '-latomic', '-lpthread'], headers,
    sources: [...XSL_SOURCES.map((n) => join(xs, 'sources', `${n}.c`)),
      ...['xslBase', 'xslOpt', 'xslSlot', 'xslStrip', 'xsl'].map((n) => join(xs, 'tools', `${n}.c`))],
    objDir: join(root, 'build/moddable/obj/xsl'), binary: xsl,
  }, options);
  return { xs, xsc, xsl };
}
