// firmware/patches/moddable/0007-xs-unnamed-locals.patch: xsc makes a function's locals and
// parameters without the 2-byte ID of their name (XS_CODE_NEW_UNNAMED_LOCAL), as nothing at run
// time needs it: a direct eval sees closures (xsc makes every variable it could see one), never
// locals. A local still starts in its temporal dead zone; only the debugger and the message of a
// TDZ or const error lose the name ("?").
// firmware/patches/moddable/0009-xsc-store-pop.patch: a store into a local or closure followed by
// a POP is one instruction (LET_LOCAL_POP for let/var, PULL_LOCAL/PULL_CLOSURE for a set);
// 0010-xsc-fused-local-reads.patch: so are POP + GET_LOCAL_1 (POP_GET_LOCAL), two GET_LOCAL_1
// (GET_LOCAL_LOCAL) and a parameter's ARGUMENT + LET_LOCAL_POP (ARGUMENT_LOCAL).
// The program runs in node and in the XS runner (whose xsCode.c and xsRun.c are the patched ones)
// with the same result, and its byte code has the fused forms and none of the pairs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { buildXsHost, runBundle, scratchDir, scriptFile, type Cap } from './xs-harness.ts';
import { compiledOps } from './xsb.ts';

const cap: Cap = { chunks: 256 * 1024, slots: 16 * 1024, stack: 1024 };
let scratch: ReturnType<typeof scratchDir>;

before(() => {
  buildXsHost();
  scratch = scratchDir('xs-locals');
});
after(() => scratch?.remove());

const program = `
'use strict';
const out = [];
function tdz() {
  try { out.push(x); } catch (e) { out.push(e.name); }
  let x = 'set';
  return x;
}
function params(a, b = a + 1, ...rest) {
  { let a2 = a * 2; const c = a2 + b; out.push(a2, c, rest.length); }
  try { throw new Error('e' + a); } catch (e) { out.push(e.message); }
  return a + b;
}
function loops() {
  const fns = [];
  const vals = [];
  for (let i = 0; i < 3; i++) { let j = i * 2; vals.push(j); fns.push(() => i); }
  for (const k in { p: 1, q: 2 }) vals.push(k);
  return vals.concat(fns.map((f) => f()));
}
function assignments(n) {
  let a = n;
  let captured = 0;
  const bump = () => { captured += a; };
  a = a * 2;
  bump();
  captured = captured + 1;
  var v = a + captured;
  for (let i = 0; i < 3; i++) { a += i; bump(); }
  return [a, captured, v];
}
function withEval(n) {
  const local = n * 3;
  return eval('local + n');
}
out.push(tdz(), params(2), params(1, 5, 'x', 'y'), loops(), assignments(3), withEval(4));
`;

test('given locals, parameters, block scopes and a direct eval, when run by the XS runner, then it gives the result node gives', () => {
  const expected = runInNewContext(`${program}; out`, {});
  const file = scriptFile(scratch.dir, 'locals', `${program}\n__tinyusp_host.print(JSON.stringify(out));\n__tinyusp_host.exit(0);\n`);
  const r = runBundle(file, cap, [], 30_000);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), JSON.stringify(expected));
  assert.equal(expected[0], 'ReferenceError', 'a read before the let is in its dead zone');
});

test('given a read of a local in its dead zone, when run by the XS runner, then the ReferenceError names it "?"', () => {
  const file = scriptFile(scratch.dir, 'tdz', `'use strict';
function f() { try { return y; } catch (e) { return e.name + ': ' + e.message; } let y = 1; }
__tinyusp_host.print(f());
__tinyusp_host.exit(0);
`);
  const r = runBundle(file, cap, [], 30_000);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'ReferenceError: get ?: not initialized yet');
});

test('given the same program, when xsc compiles it, then its locals are unnamed and each store-then-pop, pop-then-read, read-then-read and parameter binding is one instruction', () => {
  const ops = compiledOps(scriptFile(scratch.dir, 'compiled', program), scratch.dir);
  const count = (name: string) => ops.filter((o) => o.name === name).length;
  assert.equal(count('new_local'), 0, 'no local keeps its name');
  assert.ok(count('new_unnamed_local') >= 10);
  const pairs = ops.slice(1).filter((o, i) => o.name === 'pop' && /^((let|var|set)_local|set_closure)_1$/.test(ops[i].name));
  assert.equal(pairs.length, 0, 'no let/var/set of a local, nor set of a closure, is followed by a pop');
  assert.ok(count('let_local_pop') >= 5 && count('pull_local_1') >= 1 && count('pull_closure_1') >= 1, JSON.stringify(ops.map((o) => o.name)));
  const left = ops.slice(1).filter((o, i) => (ops[i].name === 'pop' && o.name === 'get_local_1')
    || (ops[i].name === 'get_local_1' && o.name === 'get_local_1') || (ops[i].name === 'argument' && o.name === 'let_local_pop'));
  assert.equal(left.length, 0, 'no pop + get_local, get_local + get_local, nor argument + let_local_pop left');
  assert.ok(count('pop_get_local') >= 1 && count('get_local_local') >= 1 && count('argument_local') >= 2, JSON.stringify(ops.map((o) => o.name)));
});
