// Pools the device bundle's repeated string literals and standard globals into module constants
// (issue 10: agent flash), after tools/bundle/xs-props.ts and before xs-names.ts.
//
// xsc copies a string literal into the byte code at each use (`STRING_1`: the op, a length byte,
// the UTF-8 text and a NUL), and reads a global such as `Map` or `Math` by name at each use
// (`PROGRAM_REFERENCE` + `GET_VARIABLE`, 6 bytes); `Symbol.iterator` is 9 bytes. A module-level
// const is read by index (`GET_MODULE_1`, 2 bytes: firmware/patches/moddable/0011) and costs the
// preloaded image a binding (BINDING). A value is pooled when the bytes its reads save exceed
// what its binding costs. On the esp32 board: 42 strings and 9 globals (Symbol.iterator, Map,
// Math, Error, Uint8Array, ...), 898 reads, flash -3.2 KB.
//
// The same program: a string is a primitive (a const holding it is the same value at every read);
// the pooled globals (GLOBALS) are the language's own bindings, which nothing in the board
// assigns (a read at module start is the read at each use); `Symbol.iterator` is a non-writable,
// non-configurable property. The constants are declared first in the module, so every read comes
// after their initialisation. Only reads inside functions that outlive the module body are
// counted and replaced (the module body's byte code is not in the image), never a property name,
// a computed member's key (`o["x"]` is a keyed read xsc compiles by name), a directive, nor an
// identifier declared by the bundle, under `typeof`/`delete`, or of a global the bundle assigns.
// test/tools/xs-pool.test.ts runs both forms.
import ts from 'typescript';

/** The globals that may be pooled: standard built-ins XS has (and xsl keeps when named). */
export const GLOBALS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'Uint8Array',
  'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array', 'DataView', 'ArrayBuffer',
  'Math', 'Object', 'Array', 'JSON', 'String', 'Number', 'Boolean', 'Symbol', 'Promise', 'Date', 'BigInt', 'Reflect', 'RegExp']);

/** Bytes of byte code per read, as xsc writes it, and as a module constant (GET_MODULE_1). */
const MODULE_READ = 2;
const GLOBAL_READ = 6;
const ITERATOR_READ = 9;
/**
 * What a module constant costs the image: its binding (2 slots), the index byte of the least used
 * binding it pushes past 255, its share of the keys once xs-names.ts has no property name left to
 * give. Measured on the esp32 board: 36 to 43 give the same figure (-3.2 KB), 33 pools 70 values
 * and saves 90 B less, 48 saves 80 B less.
 */
const BINDING = 40;

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');
const stringRead = (s: string): number => utf8Length(s) + (utf8Length(s) > 255 ? 4 : 3);

export interface PoolResult { code: string; strings: number; globals: number; reads: number; saved: number }

function isPropertyName(id: ts.Node): boolean {
  const p = id.parent;
  return (ts.isPropertyAccessExpression(p) && p.name === id)
    || ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessorDeclaration(p)
      || ts.isSetAccessorDeclaration(p) || ts.isEnumMember(p)) && p.name === id)
    || (ts.isBindingElement(p) && p.propertyName === id);
}

/** Is `n` in a function that outlives the module body (not the body, nor a function it calls in place)? */
function inImage(n: ts.Node): boolean {
  for (let up = n.parent; up; up = up.parent) {
    if (!ts.isFunctionLike(up) && !ts.isClassStaticBlockDeclaration(up)) continue;
    if (ts.isClassStaticBlockDeclaration(up)) return false;
    let call: ts.Node = up;
    while (ts.isParenthesizedExpression(call.parent)) call = call.parent;
    if (ts.isCallExpression(call.parent) && call.parent.expression === call) { n = call.parent; up = call.parent; continue; }
    return true;
  }
  return false;
}

/** Is this string literal a value (not a name, a key read by name, a directive or a module specifier)? */
function isStringValue(s: ts.StringLiteral): boolean {
  const p = s.parent;
  if (isPropertyName(s) || ts.isComputedPropertyName(p) || ts.isExpressionStatement(p) || ts.isLiteralTypeNode(p)) return false;
  if (ts.isElementAccessExpression(p) && p.argumentExpression === s) return false;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p) || ts.isImportTypeNode(p)) return false;
  return true;
}

/** Is this identifier a read of a global (no binding of the bundle), one that may be pooled? */
function isGlobalRead(id: ts.Identifier, checker: ts.TypeChecker): boolean {
  if (!GLOBALS.has(id.text) || isPropertyName(id) || checker.getSymbolAtLocation(id)) return false;
  const p = id.parent;
  if (ts.isShorthandPropertyAssignment(p) || ts.isTypeOfExpression(p) || ts.isDeleteExpression(p)) return false;
  if (ts.isBinaryExpression(p) && p.left === id && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return false;
  if (ts.isForInStatement(p) || ts.isForOfStatement(p)) return p.expression === id;
  return true;
}

function checkerOf(sf: ts.SourceFile): ts.TypeChecker {
  const host = ts.createCompilerHost({});
  const base = host.getSourceFile;
  host.getSourceFile = (name, v) => (name === sf.fileName ? sf : base(name, v));
  return ts.createProgram({ rootNames: [sf.fileName], options: { allowJs: true, noLib: true, noResolve: true, types: [] }, host }).getTypeChecker();
}

interface Candidate { key: string; init: string; read: number; extra: number; sites: ts.Node[] }

export function poolForXs(code: string): PoolResult {
  const sf = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const checker = checkerOf(sf);
  const candidates = new Map<string, Candidate>();
  const identTexts = new Set<string>();
  const props = new Set<string>();
  const add = (key: string, init: string, read: number, extra: number, site: ts.Node) => {
    const c = candidates.get(key) ?? { key, init, read, extra, sites: [] };
    c.sites.push(site);
    candidates.set(key, c);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) (isPropertyName(n) ? props : identTexts).add(n.text);
    if (ts.isStringLiteral(n) && isStringValue(n) && inImage(n)) {
      add(`s${n.text}`, JSON.stringify(n.text), stringRead(n.text), utf8Length(n.text) + 1, n);
    } else if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'Symbol' && n.name.text === 'iterator'
      && isGlobalRead(n.expression, checker) && !isWritten(n) && inImage(n)) {
      add('Symbol.iterator', 'Symbol.iterator', ITERATOR_READ, 0, n);
      identTexts.add('Symbol');
      props.add('iterator');
      return;
    } else if (ts.isIdentifier(n) && isGlobalRead(n, checker) && inImage(n)) {
      add(`g${n.text}`, n.text, GLOBAL_READ, 0, n);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  // a global the bundle assigns anywhere is read where it is read
  const written = new Set<string>();
  const writes = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && GLOBALS.has(n.text) && !isPropertyName(n) && isWritten(n) && !checker.getSymbolAtLocation(n)) written.add(n.text);
    ts.forEachChild(n, writes);
  };
  writes(sf);
  for (const g of written) candidates.delete(`g${g}`);
  if (written.has('Symbol')) candidates.delete('Symbol.iterator');
  const ranked = [...candidates.values()]
    .map((c) => ({ c, gain: c.sites.length * (c.read - MODULE_READ) - BINDING - c.extra }))
    .filter((r) => r.gain > 0)
    .sort((a, b) => b.gain - a.gain);
  const chosen = ranked.map((r) => r.c);
  const saved = ranked.reduce((n, r) => n + r.gain, 0);
  if (!chosen.length) return { code, strings: 0, globals: 0, reads: 0, saved: 0 };
  const taken = new Set([...identTexts, ...props]);
  let next = 0;
  const fresh = (): string => { let name; do name = `$${(next++).toString(36)}`; while (taken.has(name)); return name; };
  const edits: { start: number; end: number; text: string }[] = [];
  const decls: string[] = [];
  let reads = 0;
  for (const c of chosen) {
    const name = fresh();
    decls.push(`${name} = ${c.init}`);
    for (const site of c.sites) {
      const start = site.getStart(sf);
      const before = /[\w$]/.test(code[start - 1] ?? '') ? ' ' : '';
      const after = /[\w$]/.test(code[site.end] ?? '') ? ' ' : '';
      edits.push({ start, end: site.end, text: before + name + after });
      reads++;
    }
  }
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return {
    code: `const ${decls.join(', ')};\n${out}`,
    strings: chosen.filter((c) => c.key.startsWith('s')).length,
    globals: chosen.filter((c) => !c.key.startsWith('s')).length,
    reads,
    saved,
  };
}

/** Is the member expression a write target (`Symbol.iterator = x`)? */
function isWritten(n: ts.Node): boolean {
  const p = n.parent;
  return (ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment)
    || ts.isDeleteExpression(p) || ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p))
      && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken));
}
