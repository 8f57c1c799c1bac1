import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatPath, parsePath } from '../../src/dm/grammar.ts';
import { isUsp } from './fixture.ts';

test('given object, parameter, command and event paths, when parsed, then kind and leaf are right', () => {
  assert.deepEqual(parsePath('Device.LocalAgent.').kind, 'object');
  const p = parsePath('Device.LocalAgent.Subscription.3.Enable');
  assert.equal(p.kind, 'parameter');
  assert.equal(p.leaf, 'Enable');
  assert.deepEqual(p.segments[3], { kind: 'instance', n: 3 });
  assert.equal(p.isSearch, false);
  assert.equal(parsePath('Device.Reboot()').leaf, 'Reboot()');
  assert.equal(parsePath('Device.Reboot()').kind, 'command');
  assert.equal(parsePath('Device.Boot!').kind, 'event');
  assert.equal(parsePath('Device.Boot!').leaf, 'Boot!');
});

test('given every search operator, when parsed, then each term carries it', () => {
  for (const op of ['==', '!=', '<', '>', '<=', '>=', '~=']) {
    const p = parsePath(`Device.T.[Num${op}5].`);
    const seg = p.segments[2];
    assert.equal(seg.kind, 'search');
    assert.equal(seg.kind === 'search' && seg.terms[0].op, op);
    assert.equal(p.isSearch, true);
  }
});

test('given a compound unique-key address, when parsed, then terms are joined by &&', () => {
  const p = parsePath('Device.LocalAgent.Subscription.[ID=="boot-1"&&Recipient=="Device.LocalAgent.Controller.1"].Enable');
  const seg = p.segments[3];
  assert.ok(seg.kind === 'search');
  assert.deepEqual(seg.terms.map((t) => [t.rel[0].name, t.op, t.value, t.quoted]), [
    ['ID', '==', 'boot-1', true],
    ['Recipient', '==', 'Device.LocalAgent.Controller.1', true],
  ]);
});

test('given whitespace around operators and &&, when parsed, then it is accepted (R-ARC.9a)', () => {
  const a = parsePath('Device.T.[ Num >= 5 && Enable == true ].');
  const b = parsePath('Device.T.[Num>=5&&Enable==true].');
  assert.deepEqual(a, b);
});

test('given %22 and %25 in a literal, when parsed, then they unescape and format escapes them back', () => {
  const p = parsePath('Device.T.[Name=="a%22b%25c"].');
  const seg = p.segments[2];
  assert.ok(seg.kind === 'search');
  assert.equal(seg.terms[0].value, 'a"b%c');
  assert.equal(formatPath(p), 'Device.T.[Name=="a%22b%25c"].');
});

test('given a literal with dots and brackets inside quotes, when parsed, then they stay in the literal', () => {
  const p = parsePath('Device.T.[Name=="x.].y"].Val');
  const seg = p.segments[2];
  assert.ok(seg.kind === 'search');
  assert.equal(seg.terms[0].value, 'x.].y');
  assert.equal(p.leaf, 'Val');
});

test('given wildcards, relative paths into sub-objects and reference following, when parsed, then all are segments', () => {
  const p = parsePath('Device.LocalAgent.Controller.*.AssignedRole#1+.Name');
  assert.deepEqual(p.segments[3], { kind: 'wildcard' });
  assert.deepEqual(p.segments[4], { kind: 'name', name: 'AssignedRole', follow: { index: 1 } });
  assert.equal(p.leaf, 'Name');
  assert.deepEqual(parsePath('Device.A.Ref+.B').segments[2], { kind: 'name', name: 'Ref', follow: {} });
  assert.deepEqual(parsePath('Device.A.Refs#*+.').segments[2], { kind: 'name', name: 'Refs', follow: { index: '*' } });
  const s = parsePath('Device.T.[Stats.Errors>0&&Ref+.Name=="x"].');
  const seg = s.segments[2];
  assert.ok(seg.kind === 'search');
  assert.deepEqual(seg.terms[0].rel, [{ name: 'Stats' }, { name: 'Errors' }]);
  assert.deepEqual(seg.terms[1].rel, [{ name: 'Ref', follow: {} }, { name: 'Name' }]);
});

test('given numbers written +123 / 0123 / -4 / 1.5 and booleans, when parsed, then they are kept as literals', () => {
  for (const lit of ['+123', '0123', '-4', '1.5', 'true', 'false', '0']) {
    const seg = parsePath(`Device.T.[N==${lit}].`).segments[2];
    assert.ok(seg.kind === 'search');
    assert.equal(seg.terms[0].value, lit);
    assert.equal(seg.terms[0].quoted, false);
  }
});

test('given {i}, when parsed as a supported path, then it is a placeholder; as instantiated, 7008', () => {
  assert.deepEqual(parsePath('Device.LocalAgent.Controller.{i}.MTP.{i}.', true).segments[3], { kind: 'placeholder' });
  assert.throws(() => parsePath('Device.LocalAgent.Controller.{i}.'), isUsp(7008));
  assert.throws(() => parsePath('Device.X.{j}.', true), isUsp(7008));
});

test('given malformed paths, when parsed, then each is 7008', () => {
  const bad = [
    '', 'Device', '.Device.', 'Device..X', 'Device.0.', 'Device.X.01.', '1.Device.',
    'Device.X.[', 'Device.X.[A==1', 'Device.X.[A=1].', 'Device.X.[A==].', 'Device.X.[==1].',
    'Device.X.[A=="x].', 'Device.X.[A==1||B==2].', 'Device.X.[A==1]', 'Device.X.*', 'Device.X.**.',
    'Device.X.Y()Z', 'Device.X.Y!.', 'Device.X.Ref#+.A', 'Device.X.Ref#0+.A', 'Device.X.Ref+', 'Device.X.Ref+A',
    'Device.X.[A==1].[B==2].', 'Device.X.3.4.', 'Device.X.[A==abc].', 'Device.X.[A+==1].', 'Device.X.Y.()',
    'Device.X-Y.', 'Device.X.Y ', ' Device.X.', 'Device.X.[A==1&&].', 'Device.{i}.X', 'Device.X.99999999999.',
    'Device.' + 'A.'.repeat(600),
  ];
  for (const p of bad) assert.throws(() => parsePath(p), isUsp(7008), `should reject ${JSON.stringify(p)}`);
});

test('given the DRAFT-04 search syntax, when parsed, then it is rejected (invalid in 1.0+)', () => {
  assert.throws(() => parsePath('Device.IP.Interface.{intf}.Status::{intf.Type=="Normal"}'), isUsp(7008));
});

// --- properties ---

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/);
const literal = fc.oneof(
  fc.string({ maxLength: 8 }).map((s) => ({ value: s, quoted: true })),
  fc.integer({ min: -1000, max: 1000 }).map((n) => ({ value: String(n), quoted: false })),
  fc.constantFrom('true', 'false').map((v) => ({ value: v, quoted: false })),
);
const term = fc.record({
  rel: fc.array(name, { minLength: 1, maxLength: 3 }).map((ns) => ns.map((n) => ({ name: n }))),
  op: fc.constantFrom('==', '!=', '<', '>', '<=', '>=', '~=' as const),
  lit: literal,
}).map((t) => ({ rel: t.rel, op: t.op, value: t.lit.value, quoted: t.lit.quoted }));
const selector = fc.oneof(
  fc.integer({ min: 1, max: 99999 }).map((n) => ({ kind: 'instance' as const, n })),
  fc.constant({ kind: 'wildcard' as const }),
  fc.array(term, { minLength: 1, maxLength: 3 }).map((terms) => ({ kind: 'search' as const, terms })),
);
const pathArb = fc.record({
  objs: fc.array(fc.tuple(name, fc.option(selector, { nil: undefined })), { minLength: 1, maxLength: 5 }),
  leaf: fc.oneof(fc.constant(''), name, name.map((n) => n + '()'), name.map((n) => n + '!')),
}).map(({ objs, leaf }) => {
  let s = 'Device.';
  for (const [n, sel] of objs) {
    s += n + '.';
    if (!sel) continue;
    if (sel.kind === 'instance') s += sel.n + '.';
    else if (sel.kind === 'wildcard') s += '*.';
    else s += '[' + sel.terms.map((t) => t.rel.map((r) => r.name).join('.') + t.op + (t.quoted ? `"${t.value.replace(/%/g, '%25').replace(/"/g, '%22')}"` : t.value)).join('&&') + '].';
  }
  return s + leaf;
});

test('property: format(parse(p)) === p for generated canonical paths', () => {
  fc.assert(fc.property(pathArb, (p) => { assert.equal(formatPath(parsePath(p)), p); }), { numRuns: 500 });
});

test('property: parse never crashes or hangs on random input; it parses or throws 7008', () => {
  const alphabet = fc.constantFrom(...'Device.[]*"%#+!(){}=<>~&!_ 0123456789aZ'.split(''));
  const arb = fc.oneof(fc.string({ maxLength: 60 }), fc.array(alphabet, { maxLength: 60 }).map((a) => 'Device.' + a.join('')));
  fc.assert(fc.property(arb, (s) => {
    try {
      const p = parsePath(s);
      assert.equal(formatPath(parsePath(formatPath(p))), formatPath(p));
    } catch (e) {
      assert.equal((e as { code?: number }).code, 7008, String(e));
    }
  }), { numRuns: 2000 });
});
