// Reshapes a device board's bundle for Moddable XS preloading (issue 10: agent flash), after
// esbuild and before xsc. Seven rewrites, each the same program for the engine:
//
//  1. A `function f(...) {...}` declaration that never uses `this`, `arguments`, `new.target` or
//     `super`, and whose name is never called with `new`, tested with `instanceof`, read for
//     `.prototype` or assigned, becomes `const f = (...) => {...}` at the start of the same
//     statement list. XS gives every ordinary function a prototype object at creation (a
//     constructor by the language's rules): ~4.7 XS slots (75 B) per function in the preloaded
//     heap, and per call for a nested one. The const goes where the declaration was hoisted to,
//     and making an arrow evaluates nothing, so every use sees it as before.
//  2. A module-level `var x = ...` (esbuild writes top-level const/let so) that is never
//     assigned again becomes `const`: xsl gives every `var` of a preloaded module a 4-byte alias
//     slot in RAM ("no const" warnings), and a const none. A read before the initialiser would
//     now throw where it read undefined: xsl runs the module body at build time, so such a read
//     fails the build rather than the device.
//  3. A module-level `const T = Object.freeze({ NAME: literal, ... })` (error codes, CoAP codes
//     and options) has each `T.NAME` read replaced by its literal, resolved by scope (TypeScript's
//     checker); a table used only so is dropped: its names are XS keys (~37 B each in flash).
//  4. esbuild's minified booleans `!0` and `!1` are written `true` and `false` again (the same
//     values; xsc compiles each to one byte instead of three).
//  5. A module-level binding never written after its literal initialiser (a number, a string,
//     true, false, null) has its reads replaced by the literal, resolved by scope, and the binding
//     goes when every use is such a read: each function that reads a module binding holds a 16-byte
//     reference slot for it in its closure environment, and the binding is a slot of its own. A
//     number costs the byte code no more than the closure read; a string is copied to each read,
//     so one read more than once only when the copies cost less than the slots. (As for 2, a read
//     before the initialiser, which would now see the value, fails xsl's build-time run first.)
//  6. In a function, `const { a, b: c } = e` of plain names (no default, rest, nested pattern or
//     computed key) becomes `const $d = e, a = $d.a, c = $d.b` (`const a = e.a` for one name; no
//     temporary for `this` or a name never assigned): xsc compiles an object pattern to a
//     destructuring sequence 7-13 bytes longer than the reads. e is evaluated once and first, the
//     properties are read once each in the pattern's order, and a null or undefined e throws a
//     TypeError at the first read as the pattern does.
//  7. `a && b;` as a statement (terser writes ifs so) becomes `if (a) b;`, one POP fewer; a
//     statement that is a sequence holding one is split into its statements first (xsc pops each
//     value of a sequence as it pops a statement's), in a block where one statement is expected.
// The source is parsed by TypeScript (a dev dependency already); what cannot be proven safe by
// the rules above is left as it is. test/tools/xs-shape.test.ts runs both forms side by side.
import ts from 'typescript';

export interface ShapeResult {
  code: string; arrows: number; consts: number; inlined: number; droppedTables: number; booleans: number;
  /** Reads of literal module bindings replaced by the literal (rule 5); bindings dropped. */
  literalReads: number; droppedLiterals: number;
  /** Declarations of object patterns read property by property (rule 6); `a && b;` statements made ifs (rule 7). */
  patternsRead: number; andStatements: number;
}

type Fn = ts.FunctionDeclaration & { name: ts.Identifier; body: ts.Block };

/** Does `fn` use what an arrow function would take from its surroundings instead? */
export function usesOwnBinding(fn: ts.FunctionDeclaration | ts.FunctionExpression): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (n !== fn && (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isClassLike(n) || ts.isMethodDeclaration(n)
      || ts.isConstructorDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n))) {
      // their own this/arguments; a class's computed keys and heritage are checked in full below
      if (ts.isClassLike(n)) for (const c of n.members) if (c.name && ts.isComputedPropertyName(c.name)) visit(c.name);
      if (ts.isClassLike(n) && n.heritageClauses) n.heritageClauses.forEach(visit);
      return;
    }
    if (n.kind === ts.SyntaxKind.ThisKeyword || n.kind === ts.SyntaxKind.SuperKeyword || ts.isMetaProperty(n)
      || (ts.isIdentifier(n) && n.text === 'arguments')) { found = true; return; }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}

/** Names constructed, tested with instanceof or read for .prototype; names written. */
function nameUses(sf: ts.SourceFile): { constructed: Set<string>; written: Set<string> } {
  const constructed = new Set<string>();
  const written = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression)) constructed.add(n.expression.text);
    if (ts.isBinaryExpression(n) && ts.isIdentifier(n.right) && n.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) constructed.add(n.right.text);
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.name.text === 'prototype') constructed.add(n.expression.text);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      assigned(n.left, written);
    }
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n))
      && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) assigned(n.operand, written);
    if ((ts.isForInStatement(n) || ts.isForOfStatement(n)) && !ts.isVariableDeclarationList(n.initializer)) assigned(n.initializer, written);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { constructed, written };
}

/** Identifiers written by an assignment target (destructuring included). */
function assigned(target: ts.Node, into: Set<string>): void {
  if (ts.isIdentifier(target)) into.add(target.text);
  else if (ts.isParenthesizedExpression(target)) assigned(target.expression, into);
  else if (ts.isArrayLiteralExpression(target)) target.elements.forEach((e) => assigned(ts.isSpreadElement(e) ? e.expression : e, into));
  else if (ts.isObjectLiteralExpression(target)) {
    for (const p of target.properties) {
      if (ts.isShorthandPropertyAssignment(p)) into.add(p.name.text);
      else if (ts.isPropertyAssignment(p)) assigned(p.initializer, into);
      else if (ts.isSpreadAssignment(p)) assigned(p.expression, into);
    }
  } else if (ts.isBinaryExpression(target) && target.operatorToken.kind === ts.SyntaxKind.EqualsToken) assigned(target.left, into);
}

/** A literal a table entry may hold: a number (maybe negative) or a string. */
const isLiteral = (e: ts.Expression): boolean => ts.isNumericLiteral(e) || ts.isStringLiteral(e)
  || (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand));

interface Table { values: Map<string, ts.Expression>; escapes: boolean }

/**
 * Module-level `const T = Object.freeze({ NAME: literal, ... })` tables (USP error codes, CoAP
 * codes and options, ...), keyed by their symbol. Every `T.NAME` can be replaced by its literal;
 * a table whose every use is such a read is dropped (its property names are XS keys in flash).
 */
type SymbolOf = (n: ts.Node) => ts.Symbol | undefined;

/** The symbol of an identifier, by TypeScript's checker over the bundle alone. */
function symbolResolver(sf: ts.SourceFile): SymbolOf {
  const host = ts.createCompilerHost({});
  const base = host.getSourceFile;
  host.getSourceFile = (name, v) => (name === sf.fileName ? sf : base(name, v));
  const program = ts.createProgram({ rootNames: [sf.fileName], options: { allowJs: true, noLib: true, noResolve: true, types: [] }, host });
  const checker = program.getTypeChecker();
  return (n) => checker.getSymbolAtLocation(n);
}

function frozenTables(sf: ts.SourceFile, symbolOf: SymbolOf): Map<ts.Symbol, Table> {
  const tables = new Map<ts.Symbol, Table>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer;
      if (!ts.isIdentifier(d.name) || !init || !ts.isCallExpression(init) || init.arguments.length !== 1) continue;
      const callee = init.expression;
      const arg = init.arguments[0];
      if (!ts.isPropertyAccessExpression(callee) || callee.getText(sf) !== 'Object.freeze' || !ts.isObjectLiteralExpression(arg)) continue;
      const values = new Map<string, ts.Expression>();
      const ok = arg.properties.every((pr) => ts.isPropertyAssignment(pr) && (ts.isIdentifier(pr.name) || ts.isStringLiteral(pr.name))
        && isLiteral(pr.initializer) && !values.has(pr.name.text) && values.set(pr.name.text, pr.initializer));
      const sym = symbolOf(d.name);
      if (ok && sym) tables.set(sym, { values, escapes: false });
    }
  }
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !(ts.isVariableDeclaration(n.parent) && n.parent.name === n)) {
      const t = tables.get(symbolOf(n) as ts.Symbol);
      if (t && !readOf(n, t)) t.escapes = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return tables;
}

/** A literal a module binding may be replaced by (rule 5): not a BigInt nor a RegExp (objects). */
const isPrimitiveLiteral = (e: ts.Expression): boolean => isLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword
  || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword;

const isFunctionLike = (n: ts.Node): boolean => ts.isFunctionLike(n) || ts.isClassStaticBlockDeclaration(n);

/** Is `id` a read the literal can stand in for (not a write, `{ x }`, an export or a declaration)? */
function isPlainRead(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isShorthandPropertyAssignment(p) || ts.isExportSpecifier(p) || ts.isExportAssignment(p)) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isFunctionLike(p) || ts.isClassLike(p)) && p.name === id) return false;
  if (ts.isBinaryExpression(p) && p.left === id && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return false;
  if (ts.isDeleteExpression(p) || ts.isForInStatement(p) || ts.isForOfStatement(p)) return false;
  // `5.x` would not parse as it prints; a string's `.length` would, but stays simple
  if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p) || ts.isCallExpression(p)) && p.expression === id) return false;
  if (ts.isTaggedTemplateExpression(p) && p.tag === id) return false;
  return true;
}

/**
 * Rule 5: module-level bindings of a literal that are never written, keyed by symbol, with
 * whether every use is a read (the binding can go). A string read in several places is replaced
 * only when its copies in the byte code (length + 3 bytes each) cost less than the closure slots
 * and the binding they save (16 bytes each).
 */
function literalBindings(sf: ts.SourceFile, symbolOf: SymbolOf, written: Set<string>): Map<ts.Symbol, { literal: ts.Expression; dropped: boolean }> {
  const found = new Map<ts.Symbol, { literal: ts.Expression; reads: number; other: number; closures: Set<ts.Node> }>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st) || st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer || !isPrimitiveLiteral(d.initializer) || written.has(d.name.text)) continue;
      const sym = symbolOf(d.name);
      if (sym) found.set(sym, { literal: d.initializer, reads: 0, other: 0, closures: new Set() });
    }
  }
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !(ts.isVariableDeclaration(n.parent) && n.parent.name === n)) {
      const b = found.get(symbolOf(n) as ts.Symbol);
      if (b && isPlainRead(n)) {
        b.reads++;
        for (let up: ts.Node = n.parent; up !== sf; up = up.parent) if (isFunctionLike(up)) b.closures.add(up);
      } else if (b) b.other++;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  const out = new Map<ts.Symbol, { literal: ts.Expression; dropped: boolean }>();
  for (const [sym, b] of found) {
    const dropped = b.other === 0;
    const saved = 16 * b.closures.size + (dropped ? 16 : 0);
    const copies = ts.isStringLiteral(b.literal) ? (b.reads - 1) * (utf8Length(b.literal.text) + 3) : 0;
    if (b.reads && copies <= saved) out.set(sym, { literal: b.literal, dropped });
  }
  return out;
}

const utf8Length = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3; }
  return n;
};

/** A fresh copy of a literal for one read (a negative number in parentheses: `-x ** 2`). */
function literalCopy(f: ts.NodeFactory, e: ts.Expression): ts.Expression {
  if (ts.isStringLiteral(e)) return f.createStringLiteral(e.text);
  if (ts.isNumericLiteral(e)) return f.createNumericLiteral(e.text);
  if (ts.isPrefixUnaryExpression(e)) return f.createParenthesizedExpression(f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral((e.operand as ts.NumericLiteral).text)));
  return e.kind === ts.SyntaxKind.TrueKeyword ? f.createTrue() : e.kind === ts.SyntaxKind.FalseKeyword ? f.createFalse() : f.createNull();
}

/** `T.NAME` read (not written) with NAME in the table: its literal. */
function readOf(id: ts.Identifier, t: Table): ts.Expression | undefined {
  const pa = id.parent;
  if (!ts.isPropertyAccessExpression(pa) || pa.expression !== id || !t.values.has(pa.name.text)) return undefined;
  const up = pa.parent;
  if (ts.isBinaryExpression(up) && up.left === pa && up.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && up.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return undefined;
  if ((ts.isPrefixUnaryExpression(up) || ts.isPostfixUnaryExpression(up)) && (up.operator === ts.SyntaxKind.PlusPlusToken || up.operator === ts.SyntaxKind.MinusMinusToken)) return undefined;
  if (ts.isCallExpression(up) && up.expression === pa) return undefined; // a method call would lose its this
  if (ts.isDeleteExpression(up)) return undefined;
  return t.values.get(pa.name.text);
}

const skipParens = (e: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(e) ? skipParens(e.expression) : e);

const isAndStatement = (e: ts.Expression): boolean => {
  const b = skipParens(e);
  return ts.isBinaryExpression(b) && b.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken;
};

/** The expressions of a comma sequence, in order (one for any other expression). */
const sequence = (e: ts.Expression): ts.Expression[] => {
  const b = skipParens(e);
  return ts.isBinaryExpression(b) && b.operatorToken.kind === ts.SyntaxKind.CommaToken ? [...sequence(b.left), ...sequence(b.right)] : [e];
};

/** Every identifier text of the source (a fresh name is none of them). */
function identifierTexts(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const walk = (n: ts.Node): void => { if (ts.isIdentifier(n)) names.add(n.text); ts.forEachChild(n, walk); };
  walk(sf);
  return names;
}

const insideFunction = (n: ts.Node): boolean => {
  for (let up = n.parent; up; up = up.parent) if (isFunctionLike(up)) return true;
  return false;
};

/**
 * Rule 6: `{ a, b: c }` of plain names (no default, rest, nested pattern or computed key) with an
 * initialiser: read property by property instead (xsc compiles an object pattern to a
 * destructuring sequence, 7 to 13 bytes more than the reads).
 */
function isPlainPattern(d: ts.VariableDeclaration): boolean {
  return ts.isObjectBindingPattern(d.name) && !!d.initializer && d.name.elements.length > 0 && d.name.elements.every((e) => !e.dotDotDotToken
    && !e.initializer && ts.isIdentifier(e.name) && (!e.propertyName || ts.isIdentifier(e.propertyName) || ts.isStringLiteral(e.propertyName)));
}

/**
 * `const { a, b: c } = e` -> `const $d = e, a = $d.a, c = $d.b` (one read: `const a = e.a`; of
 * `this` or of a name never assigned anywhere in the bundle: no temporary). The same program: e
 * is evaluated once, first, and a null or undefined e throws a TypeError at the first read as the
 * pattern does; the properties are read in the pattern's order, each once. The temporary is a
 * local no closure captures (xsc -u: no key, no slot of its own in the image).
 */
function patternReads(f: ts.NodeFactory, d: ts.VariableDeclaration, fresh: () => string, written: Set<string>): ts.VariableDeclaration[] {
  const pattern = d.name as ts.ObjectBindingPattern;
  const init = d.initializer as ts.Expression;
  const bare = skipParens(init);
  const declared = new Set(pattern.elements.map((e) => (e.name as ts.Identifier).text));
  const stable = bare.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(bare) && !declared.has(bare.text) && !written.has(bare.text));
  const out: ts.VariableDeclaration[] = [];
  let source: () => ts.Expression;
  if (pattern.elements.length === 1) source = () => f.createParenthesizedExpression(init);
  else if (stable) source = () => (bare.kind === ts.SyntaxKind.ThisKeyword ? f.createThis() : f.createIdentifier((bare as ts.Identifier).text));
  else {
    const temp = fresh();
    out.push(f.createVariableDeclaration(temp, undefined, undefined, init));
    source = () => f.createIdentifier(temp);
  }
  for (const e of pattern.elements) {
    const key = (e.propertyName ?? e.name) as ts.Identifier | ts.StringLiteral;
    const read = ts.isIdentifier(key) ? f.createPropertyAccessExpression(source(), key.text) : f.createElementAccessExpression(source(), f.createStringLiteral(key.text));
    out.push(f.createVariableDeclaration((e.name as ts.Identifier).text, undefined, undefined, read));
  }
  return out;
}

const isDirective = (s: ts.Statement): boolean => ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression);

export function shapeForXs(code: string): ShapeResult {
  const sf = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const { constructed, written } = nameUses(sf);
  const symbolOf = symbolResolver(sf);
  const tables = frozenTables(sf, symbolOf);
  const literals = literalBindings(sf, symbolOf, written);
  let arrows = 0;
  let consts = 0;
  let inlined = 0;
  let droppedTables = 0;
  let booleans = 0;
  let literalReads = 0;
  let droppedLiterals = 0;
  let patternsRead = 0;
  let andStatements = 0;
  const names = identifierTexts(sf);
  let nextName = 0;
  const fresh = (): string => { let name; do name = `$d${nextName++}`; while (names.has(name)); return name; };
  const convertible = (s: ts.Statement): s is Fn => ts.isFunctionDeclaration(s) && !!s.name && !!s.body && !s.asteriskToken
    && !constructed.has(s.name.text) && !written.has(s.name.text) && !s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword || m.kind === ts.SyntaxKind.DefaultKeyword)
    && !usesOwnBinding(s);
  const transformer: ts.TransformerFactory<ts.SourceFile> = (context) => {
    const f = context.factory;
    const list = (statements: ts.NodeArray<ts.Statement>, top: boolean): ts.Statement[] => {
      const directives: ts.Statement[] = [];
      const hoisted: ts.Statement[] = [];
      const rest: ts.Statement[] = [];
      for (let s of statements) {
        if (!rest.length && !hoisted.length && isDirective(s)) { directives.push(s); continue; }
        if (convertible(s)) {
          const body = ts.visitNode(s.body, visit) as ts.Block;
          const mods = s.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) ? [f.createModifier(ts.SyntaxKind.AsyncKeyword)] : undefined;
          const params = ts.visitNodes(s.parameters, visit) as ts.NodeArray<ts.ParameterDeclaration>;
          const arrow = f.createArrowFunction(mods, undefined, params, undefined, f.createToken(ts.SyntaxKind.EqualsGreaterThanToken), body);
          hoisted.push(f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(s.name.text, undefined, undefined, arrow)], ts.NodeFlags.Const)));
          arrows++;
          continue;
        }
        if (top && ts.isVariableStatement(s)) {
          const kept = s.declarationList.declarations.filter((d) => {
            const sym = symbolOf(d.name) as ts.Symbol;
            const t = tables.get(sym);
            if (t && !t.escapes) { droppedTables++; return false; }
            if (literals.get(sym)?.dropped) { droppedLiterals++; return false; }
            return true;
          });
          if (!kept.length) continue;
          if (kept.length !== s.declarationList.declarations.length) {
            s = f.updateVariableStatement(s, s.modifiers, f.updateVariableDeclarationList(s.declarationList, kept));
          }
        }
        const visited = visit(s) as ts.Statement | ts.Statement[];
        if (Array.isArray(visited)) { rest.push(...visited); continue; }
        const out = visited;
        if (top && ts.isVariableStatement(s) && !(s.declarationList.flags & ts.NodeFlags.BlockScoped)) {
          // Runs of declarations, in order: each run of never-written ones becomes a const statement.
          const v = out as ts.VariableStatement;
          const isConst = (d: ts.VariableDeclaration) => ts.isIdentifier(d.name) && !!d.initializer && !written.has(d.name.text);
          let run: ts.VariableDeclaration[] = [];
          let runConst = false;
          const flush = () => {
            if (run.length) rest.push(f.createVariableStatement(v.modifiers, f.createVariableDeclarationList(run, runConst ? ts.NodeFlags.Const : ts.NodeFlags.None)));
            if (runConst) consts += run.length;
            run = [];
          };
          for (const d of v.declarationList.declarations) {
            if (isConst(d) !== runConst) { flush(); runConst = isConst(d); }
            run.push(d);
          }
          flush();
          continue;
        }
        rest.push(out);
      }
      return [...directives, ...hoisted, ...rest];
    };
    const visit = (n: ts.Node): ts.Node | ts.Node[] => {
      if (ts.isBlock(n)) return f.updateBlock(n, list(n.statements, false));
      if (ts.isVariableStatement(n) && n.declarationList.declarations.some(isPlainPattern) && insideFunction(n)) {
        const v = ts.visitEachChild(n, visit, context);
        const decls = v.declarationList.declarations.flatMap((d) => (isPlainPattern(d) ? (patternsRead++, patternReads(f, d, fresh, written)) : [d]));
        return f.updateVariableStatement(v, v.modifiers, f.updateVariableDeclarationList(v.declarationList, decls));
      }
      if (ts.isExpressionStatement(n) && sequence(n.expression).some(isAndStatement)) {
        // `a && b;` -> `if (a) b;` (xsc: a POP fewer; the value is dropped either way); `x, a && b;` is
        // two statements first (xsc pops each value of a sequence but the last, as a statement's)
        const statements = sequence(n.expression).map((e): ts.Statement => {
          const v = ts.visitNode(e, visit) as ts.Expression;
          if (!isAndStatement(e)) return f.createExpressionStatement(v);
          const and = skipParens(v) as ts.BinaryExpression;
          andStatements++;
          return f.createIfStatement(and.left, f.createExpressionStatement(and.right));
        });
        // elsewhere (an if's or a loop's body) in a block: no `else` of an outer if binds to the new one
        const inList = ts.isBlock(n.parent) || ts.isSourceFile(n.parent) || ts.isCaseOrDefaultClause(n.parent);
        return inList ? statements : f.createBlock(statements, true);
      }
      // esbuild's `!0`/`!1` are 3 bytes of XS byte code (integer, not); `true`/`false` are 1
      if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken && ts.isNumericLiteral(n.operand)
        && (n.operand.text === '0' || n.operand.text === '1')) { booleans++; return n.operand.text === '0' ? f.createTrue() : f.createFalse(); }
      if (ts.isIdentifier(n) && !(ts.isVariableDeclaration(n.parent) && n.parent.name === n)) {
        const b = literals.get(symbolOf(n) as ts.Symbol);
        if (b && isPlainRead(n)) { literalReads++; return literalCopy(f, b.literal); }
        return n;
      }
      if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression)) {
        const t = tables.get(symbolOf(n.expression) as ts.Symbol);
        const literal = t && readOf(n.expression, t);
        if (literal) { inlined++; return ts.isStringLiteral(literal) ? f.createStringLiteral(literal.text) : literal; }
      }
      return ts.visitEachChild(n, visit, context);
    };
    return (file) => f.updateSourceFile(file, list(file.statements, true));
  };
  const result = ts.transform(sf, [transformer]);
  const out = ts.createPrinter({ removeComments: true }).printFile(result.transformed[0]);
  result.dispose();
  return { code: out, arrows, consts, inlined, droppedTables, booleans, literalReads, droppedLiterals, patternsRead, andStatements };
}
