// Names the device bundle's module-level bindings with XS keys the bundle has anyway (issue 10:
// agent flash), after tools/bundle/xs-shape.ts and before xsc.
//
// xsc makes every binding's name an XS key (the ID of its closure slots): esbuild's minified
// module-level names (`Aa`, `Fr`, ~500 of them) are each a key only a binding uses, and a key
// costs ~26 B of flash (its 16-byte slot, the name, its gxKeys/gxColors entries). Property
// names are keys already (`.value`, `{ path: ... }`), so a binding renamed to one of them costs
// no key of its own. A name is taken only if no identifier of the bundle has that text (so it
// can shadow or capture nothing: every reference, local and global, keeps what it resolves to),
// and it is not a reserved or contextual word. References are resolved by TypeScript's checker,
// not by name (esbuild reuses names across scopes); `{ x }` becomes `{ x: newName }` and an
// exported binding keeps its exported name. test/tools/xs-shape.test.ts runs both forms.
import ts from 'typescript';

export interface NamesResult { code: string; renamed: number; keptNames: number }

const WORDS = new Set(('break case catch class const continue debugger default delete do else enum export extends false finally for '
  + 'function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static '
  + 'implements interface package private protected public await async of get set arguments eval undefined NaN Infinity '
  + 'constructor prototype __proto__ globalThis').split(' '));

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** Is `id` the name of a property (not a reference to a binding)? */
function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isPropertyAccessExpression(p) && p.name === id)
    || ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessorDeclaration(p)
      || ts.isSetAccessorDeclaration(p) || ts.isEnumMember(p)) && p.name === id)
    || (ts.isBindingElement(p) && p.propertyName === id);
}

function checkerOf(sf: ts.SourceFile): ts.TypeChecker {
  const host = ts.createCompilerHost({});
  const base = host.getSourceFile;
  host.getSourceFile = (name, v) => (name === sf.fileName ? sf : base(name, v));
  return ts.createProgram({ rootNames: [sf.fileName], options: { allowJs: true, noLib: true, noResolve: true, types: [] }, host }).getTypeChecker();
}

const exported = (s: ts.Statement): boolean => !!ts.canHaveModifiers(s) && !!ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

export function nameBindingsAsKeys(code: string): NamesResult {
  const sf = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const checker = checkerOf(sf);
  const ids: ts.Identifier[] = [];
  const identTexts = new Set<string>();
  const propNames = new Set<string>();
  const walk = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      ids.push(n);
      if (isPropertyName(n)) propNames.add(n.text);
      else identTexts.add(n.text);
    }
    ts.forEachChild(n, walk);
  };
  walk(sf);
  // The module's own bindings with a plain name, exported ones excepted.
  const bindings: { name: string; symbol: ts.Symbol }[] = [];
  for (const s of sf.statements) {
    if (exported(s)) continue;
    const names: ts.Identifier[] = [];
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) { if (ts.isIdentifier(d.name)) names.push(d.name); }
    else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) names.push(s.name);
    for (const id of names) {
      const symbol = checker.getSymbolAtLocation(id);
      if (symbol) bindings.push({ name: id.text, symbol });
    }
  }
  const free = [...propNames].filter((n) => IDENT.test(n) && !identTexts.has(n) && !WORDS.has(n)).sort();
  const renames = new Map<ts.Symbol, string>();
  let keptNames = 0;
  for (const b of bindings) {
    if (propNames.has(b.name)) { keptNames++; continue; } // a key already
    const next = free.shift();
    if (next === undefined) break;
    renames.set(b.symbol, next);
  }
  const edits: { start: number; end: number; text: string }[] = [];
  const named = new Set(bindings.filter((b) => renames.has(b.symbol)).map((b) => b.name));
  for (const id of ids) {
    if (!named.has(id.text)) continue; // a reference has its binding's text: the checker is asked only then
    const p = id.parent;
    if (ts.isShorthandPropertyAssignment(p) && p.name === id) {
      const to = renames.get(checker.getShorthandAssignmentValueSymbol(p) as ts.Symbol);
      if (to) edits.push({ start: id.getStart(sf), end: id.end, text: `${id.text}: ${to}` });
      continue;
    }
    if (ts.isExportSpecifier(p)) {
      if ((p.propertyName ?? p.name) !== id) continue;
      const to = renames.get(checker.getExportSpecifierLocalTargetSymbol(p) as ts.Symbol);
      if (to) edits.push({ start: id.getStart(sf), end: id.end, text: p.propertyName ? to : `${to} as ${id.text}` });
      continue;
    }
    if (isPropertyName(id)) continue;
    const to = renames.get(checker.getSymbolAtLocation(id) as ts.Symbol);
    if (to) edits.push({ start: id.getStart(sf), end: id.end, text: to });
  }
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { code: out, renamed: renames.size, keptNames };
}
