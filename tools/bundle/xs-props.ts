// Renames the device bundle's internal property names onto keys the bundle has anyway (issue 10:
// agent flash), after tools/bundle/xs-shape.ts and before xs-names.ts.
//
// Every distinct property name is an XS key: a 16-byte slot, its name and gxKeys/gxColors
// entries (~26 B + the name). Names like `notificationsQueued` or `reconcileHandlerTables` are
// used by the agent's own code only; renamed to a property name the bundle has anyway (`path`,
// `push`) on objects that never have that one, they cost nothing.
// A name is renamed only when TypeScript's checker, over the board's sources, proves it internal:
//   - it is declared as a property (class member, interface or type member, object literal
//     property) in the board's .ts sources only, never in a library .d.ts (not `length`, `push`);
//   - every read or write of it (`a.x`, `{ x } = a`) resolves to such a declaration (no access
//     through `any`);
//   - it is no word of any string literal or template of the sources (so no `a['x']`, `'x' in a`,
//     no name list split at run time, no JSON key);
//   - it is not a property of a type whose names are observed: the argument of JSON.stringify
//     (deeply), Object.keys/values/entries/getOwnPropertyNames, a for-in, a computed `a[k]` with a
//     string key, `k in a` (or hasOwnProperty, Object.hasOwn, Reflect.get, ... with a key k), an object given where a dictionary (`{ [k: string]: V }`) is expected; nor of a type given to a value that comes from outside the program,
//     deeply: an `any` or `unknown` cast `as T` or passed where T is expected (JSON.parse), an
//     object of the library cast to a type it does not fit (`globalThis as { host: H }`: the C
//     host's functions, their arguments and results);
//   - it is no name the engine gives a meaning to (then, toJSON, next, value, ...).
// A reflection site whose type says nothing (any, unknown, a type parameter, object) fails the
// build unless it is listed in OPAQUE_SITES with why the names it sees do not matter (none is).
// Each renamed name takes a property name the bundle keeps anyway (so no key is added, and no
// built-in that xsl would strip is kept), that is no word of its strings and that no object with
// the renamed name has: names of one class (inherited ones included), interface, type literal,
// object literal or Object.assign are never put on one key. The bundle is then renamed by name
// (every property position; `{ x }` becomes `{ key: x }`), and checked: no renamed name is left
// as a word of the bundle's strings. test/tools/xs-props.test.ts.
import ts from 'typescript';
import { programOf } from './xs-loops.ts';

/** Names an engine protocol reads on ordinary objects: never renamed, never taken. */
const PROTOCOL = new Set(('then catch finally toJSON toString valueOf toLocaleString constructor prototype __proto__ length name message '
  + 'stack cause errors next return throw done value get set has apply construct ownKeys deleteProperty defineProperty '
  + 'getOwnPropertyDescriptor getPrototypeOf setPrototypeOf isExtensible preventExtensions enumerable configurable writable '
  + 'lastIndex exec flags global ignoreCase multiline sticky unicode dotAll hasIndices unicodeSets source index input groups '
  + 'indices raw join callee caller arguments size byteLength byteOffset buffer resolve start default').split(' '));

/** Names xsc or build.mjs give a meaning to (a call of `Native`, a use of `normalize`). */
const SPECIAL = new Set(['Native', 'normalize']);

const REFLECT = new Set(['JSON.stringify', 'Object.keys', 'Object.values', 'Object.entries', 'Object.getOwnPropertyNames', 'Reflect.ownKeys']);
/** Calls that take an object and a property name (its second argument): `k in a` by another name. */
const KEYED = new Set(['Object.hasOwn', 'Object.prototype.hasOwnProperty.call', 'Object.getOwnPropertyDescriptor', 'Object.defineProperty',
  'Reflect.get', 'Reflect.set', 'Reflect.has', 'Reflect.defineProperty', 'Reflect.deleteProperty', 'Reflect.getOwnPropertyDescriptor']);

/**
 * Reflection sites whose argument's type names nothing (file:line, checked by text), with why the
 * property names they see do not matter.
 */
export const OPAQUE_SITES: Record<string, string> = {};

export interface PropAnalysis {
  /** Names proven internal, sorted. */
  names: string[];
  /** Per name, the names that may be on one object with it (see renameProps): the keys it may not take or share. */
  siblings: Map<string, Set<string>>;
  /** Why each declared name is kept (first reason found). */
  kept: Map<string, string>;
  /** Reflection sites with an opaque type not in OPAQUE_SITES: the build fails on any. */
  unexplained: string[];
}

const isLibFile = (sf: ts.SourceFile): boolean => sf.isDeclarationFile;

/** Is `id` the name of a property declaration (of a class, interface, type or object literal)? */
function declares(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isParameter(p)) return p.name === id && !!ts.getModifiers(p)?.length && ts.isConstructorDeclaration(p.parent);
  return (ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p)
    || ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p) || ts.isPropertyAssignment(p)
    || ts.isShorthandPropertyAssignment(p) || ts.isEnumMember(p)) && p.name === id;
}

/** Is `id` a property read or written by name (`a.x`, `{ x: y } = a`, `{ x } = a`)? */
function accesses(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p)) return p.name === id;
  if (ts.isBindingElement(p) && ts.isObjectBindingPattern(p.parent)) return p.propertyName ? p.propertyName === id : p.name === id;
  return false;
}

export function analyseProps(program: ts.Program, root: string): PropAnalysis {
  const checker = program.getTypeChecker();
  const declared = new Map<string, ts.Node[]>();
  const kept = new Map<string, string>();
  const unexplained: string[] = [];
  const keep = (name: string, why: string) => { if (!kept.has(name)) kept.set(name, why); };
  const seen = new Set<ts.Type>();
  /** Keeps every property name of `t` (and, deeply, of its property types). */
  // An opaque type (any, unknown, a type parameter, object) names nothing: at the top of a site,
  // or anywhere under JSON.stringify, it may hide any name. Under a cast it does not: its
  // properties can be read only after another cast or an `in` test of a string (kept as words).
  const keepType = (t: ts.Type, why: string, deep: boolean, site: string, top: boolean): void => {
    if (seen.has(t)) return;
    seen.add(t);
    if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter | ts.TypeFlags.NonPrimitive)) {
      if ((top || why.includes('JSON.stringify')) && !(site in OPAQUE_SITES)) unexplained.push(`${site}: ${checker.typeToString(t)} (${why})`);
      return;
    }
    if (t.isUnionOrIntersection()) { for (const u of t.types) keepType(u, why, deep, site, top); return; }
    if (!(t.flags & ts.TypeFlags.Object)) return;
    const decls = t.getSymbol()?.declarations;
    if (decls?.length && decls.every((d) => isLibFile(d.getSourceFile()))) {
      // Array, Map, Uint8Array, ...: their names are the library's (kept); their elements are not
      if (deep) for (const a of checker.getTypeArguments(t as ts.TypeReference) ?? []) keepType(a, why, deep, site, false);
      return;
    }
    for (const p of checker.getPropertiesOfType(t)) {
      keep(p.name, `${why} at ${site}`);
      if (deep) keepType(checker.getTypeOfSymbol(p), why, deep, site, false);
    }
    if (deep) {
      // a function's parameters and result: a host function's arguments and what it returns
      for (const sig of [...t.getCallSignatures(), ...t.getConstructSignatures()]) {
        for (const p of sig.getParameters()) keepType(checker.getTypeOfSymbol(p), why, deep, site, false);
        keepType(sig.getReturnType(), why, deep, site, false);
      }
      for (const info of checker.getIndexInfosOfType(t)) keepType(info.type, why, deep, site, false);
      for (const a of checker.getTypeArguments(t as ts.TypeReference) ?? []) keepType(a, why, deep, site, false);
    }
  };
  const where = (n: ts.Node): string => {
    const sf = n.getSourceFile();
    return `${sf.fileName.startsWith(root) ? sf.fileName.slice(root.length) : sf.fileName}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  };
  const typeKeptAt = (n: ts.Expression, why: string, deep: boolean) => { seen.clear(); keepType(checker.getTypeAtLocation(n), why, deep, where(n), true); };
  const isAnyLike = (t: ts.Type) => !!(t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown));
  /** Does (a member of) `t` have a string index signature and no named property (`{ [k: string]: V }`)? */
  const isDictionary = (t: ts.Type): boolean => t.isUnion() ? t.types.some(isDictionary)
    : !!checker.getIndexInfoOfType(t, ts.IndexKind.String) && !checker.getPropertiesOfType(t).length;
  /** Is (a member of) `t` an object type of the library (globalThis, Object, ...)? */
  const isLibObject = (t: ts.Type): boolean => t.isUnionOrIntersection() ? t.types.some(isLibObject)
    : !!(t.flags & ts.TypeFlags.Object) && !!t.getSymbol()?.declarations?.every((d) => isLibFile(d.getSourceFile()));

  for (const sf of program.getSourceFiles()) {
    const lib = isLibFile(sf);
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) {
        if (declares(n)) {
          if (lib) keep(n.text, 'declared in a library');
          else { const list = declared.get(n.text) ?? []; list.push(n.parent); declared.set(n.text, list); }
        } else if (!lib && accesses(n)) {
          const p = n.parent;
          const sym = ts.isBindingElement(p)
            ? checker.getTypeAtLocation(p.parent).getProperty(n.text)
            : checker.getSymbolAtLocation(n);
          if (!sym || !sym.declarations?.length) keep(n.text, `untyped access at ${where(n)}`);
          else if (sym.declarations.some((d) => isLibFile(d.getSourceFile()))) keep(n.text, 'a library property');
          else if (!(sym.flags & (ts.SymbolFlags.Property | ts.SymbolFlags.Method | ts.SymbolFlags.Accessor | ts.SymbolFlags.EnumMember))) {
            keep(n.text, `not a property at ${where(n)}`);
          }
        }
      }
      if (lib) { ts.forEachChild(n, visit); return; }
      if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
        for (const w of n.text.split(/[^A-Za-z0-9_$]+/)) if (w) keep(w, 'a word of a string');
      }
      if (ts.isCallExpression(n) && n.arguments.length && REFLECT.has(n.expression.getText(sf))) {
        typeKeptAt(n.arguments[0], `read by ${n.expression.getText(sf)}`, n.expression.getText(sf) === 'JSON.stringify');
      }
      if (ts.isCallExpression(n) && n.arguments.length >= 2 && !ts.isStringLiteralLike(n.arguments[1])
        && (KEYED.has(n.expression.getText(sf)) || /\.hasOwnProperty$/.test(n.expression.getText(sf)))) {
        typeKeptAt(n.arguments[0], `read by ${n.expression.getText(sf)}`, false);
      }
      if (ts.isCallExpression(n) && n.arguments.length === 1 && !ts.isStringLiteralLike(n.arguments[0]) && ts.isPropertyAccessExpression(n.expression)
        && n.expression.name.text === 'hasOwnProperty') {
        typeKeptAt(n.expression.expression, 'read by hasOwnProperty', false);
      }
      if (ts.isForInStatement(n)) typeKeptAt(n.expression, 'for-in', false);
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.InKeyword && !ts.isStringLiteralLike(n.left)) {
        typeKeptAt(n.right, '`k in a`', false);
      }
      if (ts.isElementAccessExpression(n) && !ts.isStringLiteralLike(n.argumentExpression)) {
        const k = checker.getTypeAtLocation(n.argumentExpression);
        const o = checker.getTypeAtLocation(n.expression);
        const numeric = (t: ts.Type): boolean => t.isUnion() ? t.types.every(numeric) : !!(t.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.ESSymbolLike));
        const dataMap = !checker.getPropertiesOfType(o).length || checker.isArrayType(o) || checker.isTupleType(o);
        if (!numeric(k) && !dataMap) typeKeptAt(n.expression, 'a[k]', false);
      }
      // `e as T` where e is any or unknown (JSON.parse) or an object of the library that is no T
      // (`globalThis as { host: H }`): T names an object made outside the program, its names are
      // kept. A cast between the program's own types (or of an `undefined` placeholder) is not:
      // the object was made by the program, under the same names.
      if ((ts.isAsExpression(n) || ts.isTypeAssertionExpression(n)) && !(ts.isTypeReferenceNode(n.type) && n.type.typeName.getText(sf) === 'const')
        && !ts.isAsExpression(n.parent) && !ts.isTypeAssertionExpression(n.parent)) {
        let e: ts.Expression = n.expression;
        while (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
        const from = checker.getTypeAtLocation(e);
        const placeholder = (ts.isIdentifier(e) && e.text === 'undefined') || e.kind === ts.SyntaxKind.NullKeyword;
        if (!placeholder && (isAnyLike(from) || (isLibObject(from) && !checker.isTypeAssignableTo(from, checker.getTypeAtLocation(n))))) {
          typeKeptAt(n, 'cast', true);
        }
      }
      if (ts.isExpression(n) && !ts.isAsExpression(n.parent)) {
        const ctx = checker.getContextualType(n);
        const t = ctx && checker.getTypeAtLocation(n);
        if (ctx && t && (t.flags & ts.TypeFlags.Any) && !isAnyLike(ctx)) { seen.clear(); keepType(ctx, 'given an any', true, where(n), false); }
        // an object with named properties given where a dictionary is expected (`Record<string, H>`):
        // its names are keys that `d[k]` reads, with k from anywhere
        if (ctx && t && !(t.flags & ts.TypeFlags.Any) && isDictionary(ctx)) typeKeptAt(n, 'used as a dictionary', false);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  for (const w of PROTOCOL) keep(w, 'an engine protocol name');
  const names = [...declared.keys()].filter((n) => !kept.has(n)).sort();
  // Names that may be on one object together: the properties of each class (instance and static
  // side, inherited ones included), interface, type literal and object literal of the sources,
  // and of all the arguments of each Object.assign. A renamed name takes no key of its group.
  const siblings = new Map<string, Set<string>>();
  const group = (types: ts.Type[]) => {
    const props = new Set<string>();
    for (const t of types) for (const p of checker.getPropertiesOfType(checker.getApparentType(t))) props.add(p.name);
    for (const p of props) { const set = siblings.get(p) ?? new Set<string>(); for (const q of props) set.add(q); siblings.set(p, set); }
  };
  for (const sf of program.getSourceFiles()) {
    if (isLibFile(sf)) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isClassLike(n)) {
        const sym = n.name ? checker.getSymbolAtLocation(n.name) : checker.getTypeAtLocation(n).getSymbol();
        if (sym) { group([checker.getDeclaredTypeOfSymbol(sym)]); group([checker.getTypeOfSymbol(sym)]); }
      } else if (ts.isInterfaceDeclaration(n) || ts.isTypeLiteralNode(n) || ts.isObjectLiteralExpression(n)) {
        group([ts.isInterfaceDeclaration(n) ? checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(n.name) as ts.Symbol) : checker.getTypeAtLocation(n)]);
      } else if (ts.isCallExpression(n) && n.expression.getText(sf) === 'Object.assign') {
        group(n.arguments.map((a) => checker.getTypeAtLocation(a)));
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { names, siblings, kept, unexplained };
}

/** Is `id` a property name of the bundle (not a binding reference)? */
function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isPropertyAccessExpression(p) && p.name === id)
    || ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessorDeclaration(p)
      || ts.isSetAccessorDeclaration(p)) && p.name === id)
    || (ts.isBindingElement(p) && p.propertyName === id);
}

export interface PropsResult { code: string; renamed: Map<string, string> }

/**
 * Renames `names` in the bundle `code` onto property names the bundle keeps (keys already, and,
 * for a built-in's name, a built-in xsl keeps already: a new built-in name would make xsl keep
 * its C code). A key is shared by names that are never on one object; fails on a renamed name
 * left as a word of a string.
 */
export function renameProps(code: string, analysis: Pick<PropAnalysis, 'names' | 'siblings'>): PropsResult {
  const sf = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const used = new Set<string>();
  const props = new Set<string>();
  const words = new Set<string>();
  const ids: ts.Identifier[] = [];
  const walk = (n: ts.Node): void => {
    if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) { used.add(n.text); if (ts.isIdentifier(n)) { ids.push(n); if (isPropertyName(n)) props.add(n.text); } }
    if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n) || ts.isRegularExpressionLiteral(n)) {
      for (const w of n.text.split(/[^A-Za-z0-9_$]+/)) if (w) words.add(w);
    }
    ts.forEachChild(n, walk);
  };
  walk(sf);
  const internal = new Set(analysis.names);
  const keys = [...props].filter((k) => !internal.has(k) && !words.has(k) && !PROTOCOL.has(k) && !SPECIAL.has(k) && /^[A-Za-z_$][\w$]*$/.test(k)).sort();
  const sharing = new Map<string, string[]>(); // key -> the names renamed onto it
  const renamed = new Map<string, string>();
  for (const name of analysis.names) {
    if (!used.has(name)) continue; // not in this bundle (tree-shaken, or inlined by esbuild)
    if (words.has(name)) throw new Error(`xs-props: "${name}" is a word of a string of the bundle but was proven internal in the sources`);
    const siblings = analysis.siblings.get(name) ?? new Set<string>();
    const key = keys.find((k) => !siblings.has(k) && !(sharing.get(k) ?? []).some((other) => siblings.has(other)));
    if (key === undefined) continue;
    renamed.set(name, key);
    sharing.set(key, [...(sharing.get(key) ?? []), name]);
  }
  const edits: { start: number; end: number; text: string }[] = [];
  for (const id of ids) {
    const to = renamed.get(id.text);
    if (!to) continue;
    const p = id.parent;
    if (isPropertyName(id)) edits.push({ start: id.getStart(sf), end: id.end, text: to });
    else if (ts.isShorthandPropertyAssignment(p) && p.name === id) edits.push({ start: id.getStart(sf), end: id.end, text: `${to}: ${id.text}` });
    else if (ts.isBindingElement(p) && !p.propertyName && p.name === id && ts.isObjectBindingPattern(p.parent)) {
      edits.push({ start: id.getStart(sf), end: id.end, text: `${to}: ${id.text}` });
    }
  }
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { code: out, renamed };
}

/** The analysis of the board `entry`'s sources; throws on a reflection site no type explains. */
export function internalProps(entry: string, root: string): PropAnalysis {
  const a = analyseProps(programOf(entry), root.endsWith('/') ? root : `${root}/`);
  if (a.unexplained.length) {
    throw new Error(`xs-props: property names read by reflection of a type that names nothing (type it, or list it in OPAQUE_SITES with why):\n  ${a.unexplained.join('\n  ')}`);
  }
  return a;
}
