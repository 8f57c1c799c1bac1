// Rewrites, in a preloaded board's TypeScript sources before esbuild (issue 10: agent flash),
// `for (const x of a) body` over an array into an indexed loop:
//
//   for (let $i = 0, $a = a; $i < $a.length; $i++) { const x = $a[$i]; body }
//
// XS compiles a for-of to the iterator protocol (Symbol.iterator, next(), done, value, and the
// try/finally that closes the iterator on break or throw): ~90 bytes more byte code per loop than
// the indexed form, and the device bundle has ~280 of them. For an Array or a typed array the two
// are the same program: the array iterator reads the live length and `a[i]` at each step, as the
// indexed loop does (elements added or removed during the loop are seen alike), the iterable is
// evaluated once, each iteration has its own binding of x, and break, continue and labels keep
// their targets. Only loops whose iterable TypeScript's checker types as an array, a tuple or a
// typed array (every member of a union) are rewritten this way. (The sources pass the strict
// typecheck; a value whose type lies, by a cast, is as wrong here as anywhere. Built-ins are not
// patched on the device.)
// When the iterable is a name that always holds the same array (a const, or a parameter or let
// the file never assigns), the loop reads it in place (`$i < a.length`, `a[$i]`: no copy to store).
// Array destructuring is the iterator protocol too (~135 bytes of byte code each): `const [k, v]
// = e` of an array or tuple e becomes `const $d = e, k = $d[0], v = $d[1]` (plain names and holes
// only: no default, rest or nested pattern), and so does a loop's `[k, v]` binding when each
// element is one (a Map's entries included: they are fresh arrays).
// A for-of over a Map, a Set or one of their iterators calls next() itself:
//   for (let $it = m[Symbol.iterator](), $step; !($step = $it.next()).done; ) { const x = $step.value; body }
// (~60 bytes less): their iterators have no return() for a for-of to call on break or throw, so
// leaving the loop early is the same too. Strings (code points), generators, other iterators and
// anything untyped keep their for-of.
// A template literal whose every substitution is typed as a primitive (string, number, boolean,
// bigint, null, undefined) becomes a concatenation starting with a string: the same text (ToString
// of a primitive either way), 3-5 bytes of byte code less each.
// test/tools/xs-loops.test.ts runs both forms.
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';

const TYPED_ARRAYS = new Set(['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']);

/** Is every value of `type` an Array or a typed array (so its for-of is an indexed walk)? */
function isIndexable(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every((t) => isIndexable(checker, t));
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.StringLike)) return false;
  if (checker.isArrayType(type) || checker.isTupleType(type)) return true;
  const name = type.getSymbol()?.getName();
  return name !== undefined && TYPED_ARRAYS.has(name);
}

const COLLECTIONS = new Set(['Map', 'Set', 'ReadonlyMap', 'ReadonlySet', 'MapIterator', 'SetIterator']);

/** Is every value of `type` a built-in Map, Set or an iterator of one (no return() method)? */
function isCollection(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every(isCollection);
  const name = type.getSymbol()?.getName();
  return name !== undefined && COLLECTIONS.has(name);
}

/** Does `n` hold something rewritten here (whose edit would overlap)? */
const hasForOf = (n: ts.Node): boolean => ts.isForOfStatement(n) || ts.isArrayBindingPattern(n) || ts.isTemplateExpression(n) || !!ts.forEachChild(n, hasForOf);

const PRIMITIVE = ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.Null | ts.TypeFlags.Undefined;

/** Is every value of `type` a primitive other than a symbol (so `"" + v` is `${v}`)? */
function isPrimitive(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every(isPrimitive);
  return !!(type.flags & PRIMITIVE) && !(type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown));
}

/** `("a" + (x) + "b")` for `a${x}b`; the first operand is a string so every + concatenates. */
function concatenation(t: ts.TemplateExpression, sf: ts.SourceFile, isString: (e: ts.Expression) => boolean): string {
  const parts: string[] = [];
  if (t.head.text || !isString(t.templateSpans[0].expression)) parts.push(JSON.stringify(t.head.text));
  for (const span of t.templateSpans) {
    parts.push(`(${span.expression.getText(sf)})`);
    if (span.literal.text) parts.push(JSON.stringify(span.literal.text));
  }
  return `(${parts.join(' + ')})`;
}

/** `a = s[0], b = s[2]` for the pattern `[a, , b]`, or undefined when it is not only names and holes. */
function indexReads(pattern: ts.BindingName, s: string): string | undefined {
  if (!ts.isArrayBindingPattern(pattern)) return undefined;
  const reads: string[] = [];
  for (let i = 0; i < pattern.elements.length; i++) {
    const e = pattern.elements[i];
    if (ts.isOmittedExpression(e)) continue;
    if (e.dotDotDotToken || e.initializer || !ts.isIdentifier(e.name)) return undefined;
    reads.push(`${e.name.text} = ${s}[${i}]`);
  }
  return reads.length ? reads.join(', ') : undefined;
}

/**
 * Does the name `id` hold one value for as long as it is in scope: a const, or a parameter or let
 * that no assignment of the source file (`=`, `+=`, `++`, a destructuring or for-in/of target)
 * writes?
 */
function holdsOneValue(checker: ts.TypeChecker, id: ts.Identifier, sf: ts.SourceFile): boolean {
  const sym = checker.getSymbolAtLocation(id);
  const decl = sym?.valueDeclaration;
  if (!sym || !decl || decl.getSourceFile() !== sf) return false;
  if (ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent) && decl.parent.flags & ts.NodeFlags.Const) return true;
  if (!ts.isParameter(decl) && !(ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name))) return false;
  let written = false;
  const targets = (t: ts.Node): void => {
    if (ts.isIdentifier(t)) { if (checker.getSymbolAtLocation(t) === sym) written = true; }
    else if (ts.isParenthesizedExpression(t) || ts.isArrayLiteralExpression(t) || ts.isObjectLiteralExpression(t) || ts.isSpreadElement(t)
      || ts.isSpreadAssignment(t) || ts.isPropertyAssignment(t) || ts.isShorthandPropertyAssignment(t)) {
      if (ts.isShorthandPropertyAssignment(t)) targets(t.name);
      else if (ts.isPropertyAssignment(t)) targets(t.initializer);
      else ts.forEachChild(t, targets);
    } else if (ts.isBinaryExpression(t) && t.operatorToken.kind === ts.SyntaxKind.EqualsToken) targets(t.left);
  };
  const visit = (n: ts.Node): void => {
    if (written) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) targets(n.left);
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) targets(n.operand);
    if ((ts.isForInStatement(n) || ts.isForOfStatement(n)) && !ts.isVariableDeclarationList(n.initializer)) targets(n.initializer);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return !written;
}

/** The source of `sf` with its array for-of loops indexed and its array patterns read by index. */
export function indexArrayLoops(sf: ts.SourceFile, checker: ts.TypeChecker): { code: string; loops: number; patterns: number; templates: number } {
  const text = sf.text;
  const edits: { at: number; end: number; text: string }[] = [];
  let loops = 0;
  let patterns = 0;
  let templates = 0;
  let n = 0;
  const indexable = (e: ts.Node) => isIndexable(checker, checker.getTypeAtLocation(e));
  const visit = (node: ts.Node): void => {
    if (ts.isForOfStatement(node) && !node.awaitModifier && ts.isVariableDeclarationList(node.initializer)
      && node.initializer.declarations.length === 1 && !hasForOf(node.expression)) {
      const list = node.initializer;
      const decl = list.declarations[0];
      const kind = list.flags & ts.NodeFlags.Const ? 'const' : list.flags & ts.NodeFlags.Let ? 'let' : undefined;
      const e = `$forElement${n}`;
      const reads = indexReads(decl.name, e);
      const destructure = reads !== undefined && indexable(decl.name);
      const binding = destructure ? `${e} = ` : `${decl.name.getText(sf)} = `;
      const body = node.statement;
      if (kind && indexable(node.expression)) {
        const i = `$forIndex${n}`;
        // a name that always holds the same array is read in place (no copy to store: 4 bytes of byte code)
        const same = ts.isIdentifier(node.expression) && holdsOneValue(checker, node.expression, sf);
        const a = same ? node.expression.getText(sf) : `$forArray${n}`;
        const copy = same ? '' : `, ${a} = (${node.expression.getText(sf)})`;
        edits.push({
          at: node.getStart(sf), end: body.getStart(sf),
          text: `for (let ${i} = 0${copy}; ${i} < ${a}.length; ${i}++) { ${kind} ${binding}${a}[${i}]${destructure ? ', ' + reads : ''}; `,
        });
        edits.push({ at: body.end, end: body.end, text: ' }' });
        loops++;
        if (destructure) patterns++;
        n++;
      } else if (kind && isCollection(checker.getTypeAtLocation(node.expression))) {
        const it = `$forIterator${n}`;
        const step = `$forStep${n}`;
        edits.push({
          at: node.getStart(sf), end: body.getStart(sf),
          text: `for (let ${it} = (${node.expression.getText(sf)})[Symbol.iterator](), ${step}; !(${step} = ${it}.next()).done; ) { ${kind} ${binding}${step}.value${destructure ? ', ' + reads : ''}; `,
        });
        edits.push({ at: body.end, end: body.end, text: ' }' });
        loops++;
        if (destructure) patterns++;
        n++;
      } else if (kind && destructure) {
        edits.push({ at: decl.getStart(sf), end: decl.end, text: e });
        edits.push({ at: body.getStart(sf), end: body.getStart(sf), text: `{ ${kind} ${reads}; ` });
        edits.push({ at: body.end, end: body.end, text: ' }' });
        patterns++;
        n++;
      }
    } else if (ts.isTemplateExpression(node) && !ts.isTaggedTemplateExpression(node.parent)
      && node.templateSpans.every((span) => !hasForOf(span.expression) && isPrimitive(checker.getTypeAtLocation(span.expression)))) {
      const isString = (e: ts.Expression) => { const t = checker.getTypeAtLocation(e); return !t.isUnion() && !!(t.flags & ts.TypeFlags.StringLike); };
      edits.push({ at: node.getStart(sf), end: node.end, text: concatenation(node, sf, isString) });
      templates++;
    } else if (ts.isVariableDeclaration(node) && node.initializer && !hasForOf(node.initializer) && ts.isArrayBindingPattern(node.name)) {
      const d = `$destructured${n}`;
      const reads = indexReads(node.name, d);
      if (reads && indexable(node.initializer)) {
        edits.push({ at: node.getStart(sf), end: node.end, text: `${d} = (${node.initializer.getText(sf)}), ${reads}` });
        patterns++;
        n++;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!edits.length || /\$(forIndex|forArray|forElement|forIterator|forStep|destructured)/.test(text)) return { code: text, loops: 0, patterns: 0, templates: 0 };
  edits.sort((x, y) => y.at - x.at || y.end - x.end);
  let out = text;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return { code: out, loops, patterns, templates };
}

/** A checker over the program of `entry` with the portable settings (tsconfig.portable.json). */
export function programOf(entry: string): ts.Program {
  return ts.createProgram({
    rootNames: [entry],
    options: {
      target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2020.d.ts'], types: [], strict: true, noEmit: true, allowImportingTsExtensions: true, resolveJsonModule: true, skipLibCheck: true,
    },
  });
}

/** esbuild plugin: every .ts file of the entry's program is loaded with its array loops indexed. */
export function indexArrayLoopsPlugin(entry: string, stats?: { loops: number; patterns: number; templates: number }): Plugin {
  return {
    name: 'xs-index-array-loops',
    setup(b) {
      let program: ts.Program | undefined;
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        program ??= programOf(entry);
        const sf = program.getSourceFile(args.path);
        if (!sf || sf.isDeclarationFile || sf.text !== readFileSync(args.path, 'utf8')) return undefined;
        const r = indexArrayLoops(sf, program.getTypeChecker());
        if (stats) { stats.loops += r.loops; stats.patterns += r.patterns; stats.templates += r.templates; }
        return r.loops || r.patterns || r.templates ? { contents: r.code, loader: 'ts' } : undefined;
      });
    },
  };
}
