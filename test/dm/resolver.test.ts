import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, isUsp } from './fixture.ts';

const paths = (r: { targets: readonly { path: string }[] }) => r.targets.map((t) => t.path);

test('given instance numbers, when a parameter path is resolved, then it names one parameter', () => {
  const { engine } = fixture();
  const r = engine.resolve('Device.Table.2.Num');
  assert.deepEqual(paths(r), ['Device.Table.2.Num']);
  assert.equal(r.isSearch, false);
  assert.equal(r.targets[0].objPath, 'Device.Table.2.');
  assert.equal(r.def.path, 'Device.Table.{i}.');
});

test('given a missing instance, when resolved, then targets are empty and `missing` names it', () => {
  const { engine } = fixture();
  const r = engine.resolve('Device.Table.9.Sub.1.Val');
  assert.deepEqual(r.targets, []);
  assert.equal(r.missing, 'Device.Table.9.');
});

test('given names outside the supported model, when resolved, then 7026; bad syntax 7008', () => {
  const { engine } = fixture();
  for (const p of ['Device.Nope.', 'Device.Table.1.Nope', 'Device.Table.Num', 'Device.Name.X', 'Other.', 'Device.1.',
    'Device.Table.1.Nope()', 'Device.Table.1.Echo!', 'Device.Table.1.Stats.1.', 'Device.Table.[Nope==1].', 'Device.Table.1.Sub.Val']) {
    assert.throws(() => engine.resolve(p), isUsp(7026), p);
  }
  assert.throws(() => engine.resolve('Device.Table..'), isUsp(7008));
});

test('given a table path, when resolved, then the target is the table itself (Get of an empty table is no error)', () => {
  const { engine } = fixture();
  assert.deepEqual(paths(engine.resolve('Device.Table.')), ['Device.Table.']);
  assert.deepEqual(paths(engine.resolve('Device.Table.3.Sub.')), ['Device.Table.3.Sub.']);
});

test('given a wildcard, when resolved, then every instance is matched in order', () => {
  const { engine } = fixture();
  assert.deepEqual(paths(engine.resolve('Device.Table.*.Key')), ['Device.Table.1.Key', 'Device.Table.2.Key', 'Device.Table.3.Key']);
  assert.deepEqual(paths(engine.resolve('Device.Table.*.Sub.*.')), ['Device.Table.1.Sub.1.', 'Device.Table.1.Sub.2.']);
  assert.equal(engine.resolve('Device.Table.*.Key').isSearch, true);
});

test('given unique-key addressing, when resolved, then the keyed instance is found by value', () => {
  const { engine } = fixture();
  assert.deepEqual(paths(engine.resolve('Device.Table.[Key=="beta"].Num')), ['Device.Table.2.Num']);
  assert.deepEqual(paths(engine.resolve('Device.Table.[Alias=="t1"&&Key=="alpha"].')), ['Device.Table.1.']);
  assert.deepEqual(paths(engine.resolve('Device.Table.[Key=="nope"].')), []);
});

test('given numeric operators, when resolved, then numbers compare by value (+07 == 7)', () => {
  const { engine } = fixture();
  const q = (e: string) => paths(engine.resolve(`Device.Table.[${e}].`));
  assert.deepEqual(q('Num==+07'), ['Device.Table.2.']);
  assert.deepEqual(q('Num!=7'), ['Device.Table.1.', 'Device.Table.3.']);
  assert.deepEqual(q('Num<7'), ['Device.Table.1.']);
  assert.deepEqual(q('Num<=7'), ['Device.Table.1.', 'Device.Table.2.']);
  assert.deepEqual(q('Num>7'), ['Device.Table.3.']);
  assert.deepEqual(q('Num>=-5'), ['Device.Table.1.', 'Device.Table.2.', 'Device.Table.3.']);
  assert.deepEqual(q(' Num > 0 && Enable == 1 '), ['Device.Table.3.']);
});

test('given booleans, when searched, then 1 equals true and a quoted "true" is invalid (1.2+)', () => {
  const { engine } = fixture();
  assert.deepEqual(paths(engine.resolve('Device.Table.[Enable==1].')), ['Device.Table.1.', 'Device.Table.3.']);
  assert.deepEqual(paths(engine.resolve('Device.Table.[Enable==false].')), ['Device.Table.2.']);
  assert.throws(() => engine.resolve('Device.Table.[Enable=="true"].'), isUsp(7008));
  assert.throws(() => engine.resolve('Device.Table.[Enable<true].'), isUsp(7008));
});

test('given strings, when searched, then only == and != apply; quoted numbers stay strings', () => {
  const { engine } = fixture();
  assert.deepEqual(paths(engine.resolve('Device.Table.[Key!="beta"].')), ['Device.Table.1.', 'Device.Table.3.']);
  assert.throws(() => engine.resolve('Device.Table.[Key>"a"].'), isUsp(7008));
  assert.throws(() => engine.resolve('Device.Table.[Num=="7"].'), isUsp(7008));
  assert.throws(() => engine.resolve('Device.Table.[Key~="a"].'), isUsp(7008));
});

test('given dateTimes, when searched, then they compare in time order, unknown time included', () => {
  const { engine } = fixture();
  assert.deepEqual(paths(engine.resolve('Device.Table.[When>"2025-01-01T00:00:00Z"].')), ['Device.Table.2.']);
  assert.deepEqual(paths(engine.resolve('Device.Table.[When=="2025-06-01T14:00:00+02:00"].')), ['Device.Table.2.']);
  assert.deepEqual(paths(engine.resolve('Device.Table.[When=="0001-01-01T00:00:00Z"].')), ['Device.Table.1.', 'Device.Table.3.']);
});

test('given lists, when searched with ~=, then an item must match exactly', () => {
  const { engine } = fixture();
  assert.deepEqual(paths(engine.resolve('Device.Table.[Tags~="b"].')), ['Device.Table.1.']);
  assert.deepEqual(paths(engine.resolve('Device.Table.[Tags~="a,b"].')), []);
  assert.deepEqual(paths(engine.resolve('Device.Table.[Tags=="a,b"].')), ['Device.Table.1.']);
});

test('given a term into a single-instance sub-object, when searched, then it applies; into a child table it is invalid', () => {
  const { engine } = fixture();
  assert.deepEqual(paths(engine.resolve('Device.Table.[Stats.Errors>0].')), ['Device.Table.1.']);
  assert.throws(() => engine.resolve('Device.Table.[Sub.Val=="x"].'), isUsp(7008));
});

test('given reference following, when resolved, then +, #n+ and #*+ reach the referenced objects', () => {
  const { engine } = fixture();
  assert.deepEqual(paths(engine.resolve('Device.Table.1.Ref+.Alias')), ['Device.Other.1.Alias']);
  assert.deepEqual(paths(engine.resolve('Device.Table.1.Refs#2+.Alias')), ['Device.Other.2.Alias']);
  assert.deepEqual(paths(engine.resolve('Device.Table.1.Refs#*+.')), ['Device.Other.1.', 'Device.Other.2.']);
  assert.deepEqual(paths(engine.resolve('Device.Table.1.Refs#5+.')), []);
  assert.deepEqual(paths(engine.resolve('Device.Table.2.Ref+.')), []); // empty reference
  assert.deepEqual(paths(engine.resolve('Device.Table.*.Ref+.Alias')), ['Device.Other.1.Alias', 'Device.Other.2.Alias']);
  assert.deepEqual(paths(engine.resolve('Device.Table.[Ref+.Alias=="o2"].Key')), ['Device.Table.3.Key']);
  assert.throws(() => engine.resolve('Device.Table.1.Key+.'), isUsp(7026));
  assert.throws(() => engine.resolve('Device.Table.1.Ref+.Nope'), isUsp(7026));
});

test('given a canRead hook, when searching, then unreadable parameters never match (R-SEC.1)', () => {
  const { engine } = fixture();
  const r = engine.resolve('Device.Table.[Num>0].', { canRead: (p) => p !== 'Device.Table.3.Num' });
  assert.deepEqual(paths(r), ['Device.Table.2.']);
});

test('given commands and events, when resolved, then they are targets with their names', () => {
  const { engine } = fixture();
  assert.deepEqual(paths(engine.resolve('Device.Table.*.Echo()')), ['Device.Table.1.Echo()', 'Device.Table.2.Echo()', 'Device.Table.3.Echo()']);
  assert.deepEqual(paths(engine.resolve('Device.Ping!')), ['Device.Ping!']);
});

test('given a counter parameter, when read, then it counts the live instances', () => {
  const { engine } = fixture();
  assert.equal(engine.get('Device.TableNumberOfEntries'), '3');
});

test('given supported-model paths, when asked for the tree, then {i}, instance numbers and table names are equivalent', () => {
  const { engine } = fixture();
  const a = engine.supportedTree('Device.Table.{i}.', false).map((d) => d.path);
  assert.deepEqual(a, ['Device.Table.{i}.', 'Device.Table.{i}.Stats.', 'Device.Table.{i}.Sub.{i}.']);
  assert.deepEqual(engine.supportedTree('Device.Table.', false).map((d) => d.path), a);
  assert.deepEqual(engine.supportedTree('Device.Table.2.', true).map((d) => d.path), a);
  assert.deepEqual(engine.supportedTree('Device.', true).map((d) => d.path), ['Device.', 'Device.Other.{i}.', 'Device.Table.{i}.', 'Device.Fixed.{i}.']);
  assert.equal(engine.supportedTree('Device.Table.{i}.Num', false)[0].path, 'Device.Table.{i}.');
  assert.throws(() => engine.supportedTree('Device.Nope.', false), isUsp(7026));
  assert.throws(() => engine.supportedTree('Device.Table.{i}.Nope', false), isUsp(7026));
  assert.throws(() => engine.supportedTree('Device.Table.[', false), isUsp(7008));
});

test('given subtree and instances queries, when asked, then depth and first-level rules hold', () => {
  const { engine } = fixture();
  assert.deepEqual(engine.subtree('Device.Table.1.', 1), ['Device.Table.1.']);
  assert.deepEqual(engine.subtree('Device.Table.1.', 2), ['Device.Table.1.', 'Device.Table.1.Stats.', 'Device.Table.1.Sub.1.', 'Device.Table.1.Sub.2.']);
  assert.deepEqual(engine.subtree('Device.Table.', 1), ['Device.Table.1.', 'Device.Table.2.', 'Device.Table.3.']);
  assert.deepEqual(engine.instances('Device.Table.', true).map((i) => i.path), ['Device.Table.1.', 'Device.Table.2.', 'Device.Table.3.']);
  assert.deepEqual(engine.instances('Device.Table.', false).map((i) => i.path),
    ['Device.Table.1.', 'Device.Table.1.Sub.1.', 'Device.Table.1.Sub.2.', 'Device.Table.2.', 'Device.Table.3.']);
  assert.deepEqual(engine.instances('Device.Table.2.', true)[0].uniqueKeys, { Alias: 'cpe-2', Key: 'beta' });
  assert.throws(() => engine.instances('Device.Table.1.Stats.', true), isUsp(7018));
  assert.throws(() => engine.instances('Device.Table.9.Sub.', true), isUsp(7016));
  assert.throws(() => engine.instances('Device.Nope.', true), isUsp(7026));
});
