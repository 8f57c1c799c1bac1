// Compresses a device board's bundle for Moddable XS preloading (issue 10: agent flash), between
// two passes of tools/bundle/xs-shape.ts (build.config.ts shapedForXs): after the first, terser
// folds what xs-shape made literal and finds module functions already arrows (given function
// declarations, it writes those called once as function expressions made at each call: 1.2 KB
// more flash); the second makes terser's `!0` `true` again and its new literals inline.
//
// esbuild's minifier folds within a statement; terser's compressor works across the module:
// a module function called once is written into its caller, a constant into its reads, code whose
// result nothing reads (an unused binding, a branch that cannot run) goes, and what is left is
// folded again (several passes). On XS each function the module keeps costs its byte-code header
// and, preloaded, ~3 slots of heap (48 B) and its closure environment: fewer functions, less
// flash. Names are not mangled (xs-props.ts and xs-names.ts choose names for XS keys).
//
// Every option kept here is one of terser's that keeps the program's meaning under terser's
// documented compiler assumptions (its README, "Compiler assumptions"), which hold for src/:
// no Proxy, no toString/valueOf with side effects, no arguments.callee, no code reading
// Function.prototype.toString or Error stacks, no property defined with a setter of its own on a
// plain object. One option assumes more, and holds too:
//   pure_getters  a property read has no side effect, so a read whose value nothing uses may go.
//                 The getters of src/ and hal/xs/ return a field or a count; the one that does
//                 more (DtlsSession.error, hal/xs/dtls.ts) keeps a terminal failure once, so the
//                 same value whenever it is first read. No statement of the sources is a bare read.
// No `unsafe*` option is set. test/tools/xs-compress.test.ts runs programs plain and compressed.
//
// Then a function expression terser leaves called in place (`function (a) {...}(x)`, a function
// called once that it could not write inline) becomes an arrow when it uses no `this`,
// `arguments`, `new.target` or `super` of its own and is not named: it is only called, so it is
// never constructed nor read for its prototype, and XS makes an arrow without the prototype
// object it gives an ordinary function (~75 B) at each call.
import ts from 'typescript';
import { createRequire } from 'node:module';
import { minify, type MinifyOptions } from 'terser';
import { usesOwnBinding } from './xs-shape.ts';

/**
 * terser's options: its defaults (reduce_vars, reduce_funcs, inline 3, collapse_vars, unused,
 * sequences, join_vars, hoist_props, ...), the module's top level included, 4 passes, property
 * reads pure; compress only (names are xs-props.ts's and xs-names.ts's job). This set takes the
 * esp32 board's flashAgentBytes 279,744 -> 272,085. Each option changed alone, measured from 3
 * passes with keep_fargs false (272,181): reduce_vars off +6,891, reduce_funcs off +5,471,
 * collapse_vars off +544, pure_getters "strict" +348, 2 passes +96 (4: -100; twice over: -100),
 * inline 1 +76, sequences off +12, join_vars off +4, booleans off +4, inline 2 and hoist_props off
 * 0. keep_fargs stays terser's default (true, +4 against false): false would assume that no code
 * reads a function's length.
 */
export const COMPRESS_OPTIONS: MinifyOptions = {
  module: true,
  mangle: false,
  format: { comments: false },
  compress: { ecma: 2020, module: true, toplevel: true, passes: 4, pure_getters: true },
};

/** What the output depends on besides this file's text: terser's version (the build's cache key). */
export const compressorVersion = (): string => `terser ${(createRequire(import.meta.url)('terser/package.json') as { version: string }).version}`;

export interface CompressResult { code: string; arrows: number }

/** The bundle compressed by terser, its functions called in place made arrows. */
export async function compressForXs(code: string): Promise<CompressResult> {
  const out = await minify(code, COMPRESS_OPTIONS);
  if (out.code === undefined) throw new Error('xs-compress: terser returned no code');
  return calledFunctionsAsArrows(out.code);
}

/** `function (a) {...}(x)` -> `((a) => {...})(x)` where that is the same program (see above). */
export function calledFunctionsAsArrows(code: string): CompressResult {
  const sf = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  let arrows = 0;
  const transformer: ts.TransformerFactory<ts.SourceFile> = (context) => {
    const f = context.factory;
    const visit = (n: ts.Node): ts.Node => {
      if (ts.isCallExpression(n)) {
        let callee: ts.Expression = n.expression;
        while (ts.isParenthesizedExpression(callee)) callee = callee.expression;
        if (ts.isFunctionExpression(callee) && !callee.name && !callee.asteriskToken && !usesOwnBinding(callee)) {
          arrows++;
          const fn = ts.visitEachChild(callee, visit, context);
          const arrow = f.createArrowFunction(fn.modifiers as ts.NodeArray<ts.Modifier> | undefined, undefined, fn.parameters, undefined,
            f.createToken(ts.SyntaxKind.EqualsGreaterThanToken), fn.body);
          return f.updateCallExpression(n, f.createParenthesizedExpression(arrow), n.typeArguments, ts.visitNodes(n.arguments, visit) as ts.NodeArray<ts.Expression>);
        }
      }
      return ts.visitEachChild(n, visit, context);
    };
    return (file) => ts.visitEachChild(file, visit, context);
  };
  const result = ts.transform(sf, [transformer]);
  const out = ts.createPrinter({ removeComments: true }).printFile(result.transformed[0]);
  result.dispose();
  return { code: out, arrows };
}
