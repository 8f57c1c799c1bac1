// Compresses a device board's bundle for Moddable XS preloading (issue 10: agent flash), after
// esbuild and before tools/bundle/xs-shape.ts (so xs-shape's rules see terser's output: its `!0`
// become `true` again, its function declarations arrows, ...).
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
// plain object. Two options assume more, and hold too:
//   pure_getters  a property read has no side effect, so a read whose value nothing uses may go.
//                 The getters of src/ and hal/xs/ return a field or a count; the one that does
//                 more (DtlsSession.error, hal/xs/dtls.ts) keeps a terminal failure once, so the
//                 same value whenever it is first read. No statement of the sources is a bare read.
//   keep_fargs    false: unused trailing parameters go; no code reads a function's `length`.
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

/** terser's options: compress only (names are xs-props.ts's and xs-names.ts's job). */
export const COMPRESS_OPTIONS: MinifyOptions = {
  module: true,
  mangle: false,
  format: { comments: false },
  compress: {
    ecma: 2020,
    module: true,
    toplevel: true,
    passes: 3,
    inline: 3,
    reduce_funcs: true,
    reduce_vars: true,
    unused: true,
    keep_fargs: false,
    hoist_props: true,
    pure_getters: true,
  },
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
