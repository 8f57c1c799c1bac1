// Factory defaults nested by path segment (api.ts Defaults, the esp32 board's form) make the
// same model as the flat paths, checked and warned about alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Defaults, Engine } from '../../src/dm/api.ts';
import { defaultPairs } from '../../src/dm/defaults.ts';
import { DEFAULTS, fixture } from './fixture.ts';
import { memoryHal } from '../support/memory-hal.ts';
import { parseDefaults } from '../../hal/xs/device.ts';

/** `flat` nested by path segment: { Device: { Table: { 1: { Key: ... } } } }. */
function nest(flat: { readonly [path: string]: string }): Defaults {
  const root: { [k: string]: unknown } = {};
  for (const p of Object.keys(flat)) {
    const parts = p.split('.');
    let o = root;
    for (const part of parts.slice(0, -1)) o = (o[part] ??= {}) as { [k: string]: unknown };
    o[parts[parts.length - 1]] = flat[p];
  }
  return root as Defaults;
}

/** Every object path with its parameter values, in model order. */
function dump(engine: Engine): string[] {
  const out: string[] = [];
  for (const o of engine.subtree('Device.')) for (const p of engine.params(o)) out.push(`${p.path}=${p.value}`);
  return out;
}

test('given defaults nested by path segment, when applied, then the model is the one the flat paths make', () => {
  const flat = fixture();
  const nested = fixture({ defaults: nest(DEFAULTS) });
  assert.deepEqual(dump(nested.engine), dump(flat.engine));
  assert.equal(nested.engine.get('Device.Table.1.Sub.2.Val'), 'y');
  assert.equal(nested.engine.get('Device.Table.3.Ref'), 'Device.Other.2');
  assert.deepEqual(nested.hal.logs.filter((l) => l.startsWith('warn')), []);
});

test('given nested, dotted and flat keys mixed, when flattened, then each value gets its whole path, in file order', () => {
  const d: Defaults = { 'Device.Name': 'a', Device: { 'Table.1': { Key: 'k', 'Sub.1.Val': 'v' }, Level: '3' } };
  assert.deepEqual(defaultPairs(d), [
    ['Device.Name', 'a'], ['Device.Table.1.Key', 'k'], ['Device.Table.1.Sub.1.Val', 'v'], ['Device.Level', '3'],
  ]);
});

test('given bad nested entries, when applied, then each is warned about with its whole path and skipped', () => {
  const hal = memoryHal();
  const { engine } = fixture({ hal, defaults: { Device: { Name: 'n', Level: '99', Nope: 'x', Table: { '*': { Key: 'k' } } } } });
  assert.equal(engine.get('Device.Name'), 'n');
  assert.equal(engine.get('Device.Level'), '5');
  const warns = hal.logs.filter((l) => l.startsWith('warn'));
  assert.ok(warns.some((l) => l.includes('Device.Level:')), warns.join('\n'));
  assert.ok(warns.some((l) => l.includes('Device.Nope: not a stored parameter')), warns.join('\n'));
  assert.ok(warns.some((l) => l.includes('Device.Table.*.Key: not an instantiated path')), warns.join('\n'));
});

test('given the esp32 board defaults (nested), when flattened, then every path is an instantiated Device. path', () => {
  const board = JSON.parse(readFileSync(new URL('../../boards/esp32/defaults.json', import.meta.url), 'utf8')) as Defaults;
  const pairs = defaultPairs(board);
  assert.ok(pairs.length > 40);
  for (const [p, v] of pairs) {
    assert.match(p, /^Device\.[A-Za-z0-9_.]+[A-Za-z]$/);
    assert.equal(typeof v, 'string');
  }
  assert.ok(Object.keys(board).length === 1, 'nested from the root (one key: Device)');
});

test('given a defaults file, when the XS runner parses it (no key per path), then it is the flat object\'s pairs and makes the same model', () => {
  const text = JSON.stringify(DEFAULTS);
  const list = parseDefaults(text);
  assert.deepEqual(defaultPairs(list), Object.entries(DEFAULTS));
  assert.deepEqual(parseDefaults(' { "Device.A" : "x:{}[]\\"\\\\" } '), ['Device.A', 'x:{}[]"\\']);
  assert.deepEqual(parseDefaults('{}'), []);
  assert.deepEqual(dump(fixture({ defaults: list }).engine), dump(fixture().engine));
  for (const [bad, why] of [
    ['{"Device.X": 1}', /entry "Device.X" must be/], ['{"Device.A": {"b": "1"}}', /entry "Device.A" must be/],
    ['{"a": "b"}', /entry "a" must be/], ['[1]', /must be a JSON object/], ['"x"', /must be a JSON object/],
    ['{"Device.A": ["x"]}', /must be a JSON object/], ['{"Device.A" "x"}', /JSON/],
  ] as const) assert.throws(() => parseDefaults(bad), why, bad);
});
