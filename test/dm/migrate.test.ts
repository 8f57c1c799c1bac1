// State migration across builds (src/dm/migrate.ts, issue 12): a build whose model differs (a
// parameter added, one removed, one whose type changed, a table kept, an object and a table
// gone, a new single-instance object) keeps what still fits, drops the rest with a log line,
// gives new parameters their factory defaults, and writes the result atomically: a power loss at
// any write of the migration leaves the old stored model (which the old build still reads as
// before: an OTA rollback) or the migrated one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Engine, ModelModule, ObjectDef, ParamDef } from '../../src/dm/api.ts';
import { createEngine, treeOf } from '../../src/dm/index.ts';
import { MODEL_MARKER_KEY, recoverJournal } from '../../src/dm/journal.ts';
import { utf8Decode } from '../../src/codec/utf8.ts';
import { forEachCrashPoint, powerLossStorage, type PowerLoss } from '../support/power-loss.ts';
import { memoryHal } from '../support/memory-hal.ts';
import { SMALL } from './fixture.ts';

type Disk = Map<string, Uint8Array>;
const f = Object.freeze;
const p = (d: ParamDef) => f(d);
const mod = (objects: ObjectDef[]): ModelModule => f({ objects: f(objects), keyPrefix: 'cpe-' }) as ModelModule;

/** Build 1. */
const V1 = mod([
  f({ path: 'Device.', params: f([
    p({ name: 'Name', type: 'string', access: 'W' }),
    p({ name: 'Old', type: 'string', access: 'W' }), // removed in build 2
    p({ name: 'Count', type: 'string', access: 'W' }), // unsignedInt in build 2
    p({ name: 'Limit', type: 'string', access: 'W' }), // unsignedInt in build 2
  ]) }),
  f({ path: 'Device.Row.{i}.', access: 'AD' as const, uniqueKeys: f([f(['Alias'])]), params: f([
    p({ name: 'Alias', type: 'string', access: 'W' }),
    p({ name: 'Val', type: 'string', access: 'W' }),
    p({ name: 'Port', type: 'string', access: 'W' }), // unsignedInt in build 2
  ]) }),
  f({ path: 'Device.Row.{i}.Stats.', params: f([p({ name: 'Errors', type: 'unsignedInt', access: 'W' })]) }),
  f({ path: 'Device.Gone.{i}.', access: 'AD' as const, params: f([p({ name: 'X', type: 'string', access: 'W' })]) }),
]);

/** Build 2: Old and Device.Gone.{i}. removed; Count, Limit and Row Port now unsignedInt; New, Row Extra and Device.Fresh. new. */
const V2 = mod([
  f({ path: 'Device.', params: f([
    p({ name: 'Name', type: 'string', access: 'W' }),
    p({ name: 'Count', type: 'unsignedInt', access: 'W' }),
    p({ name: 'Limit', type: 'unsignedInt', access: 'W', default: '9' }),
    p({ name: 'New', type: 'string', access: 'W', default: 'schema-default' }),
  ]) }),
  f({ path: 'Device.Row.{i}.', access: 'AD' as const, uniqueKeys: f([f(['Alias'])]), params: f([
    p({ name: 'Alias', type: 'string', access: 'W' }),
    p({ name: 'Val', type: 'string', access: 'W' }),
    p({ name: 'Port', type: 'unsignedInt', access: 'W' }),
    p({ name: 'Extra', type: 'boolean', access: 'W', default: 'true' }),
  ]) }),
  f({ path: 'Device.Row.{i}.Stats.', params: f([p({ name: 'Errors', type: 'unsignedInt', access: 'W' })]) }),
  f({ path: 'Device.Fresh.', params: f([p({ name: 'Y', type: 'string', access: 'W', default: 'y0' })]) }),
]);

const DEFAULTS = f({
  'Device.Name': 'factory', 'Device.Row.1.Val': 'r1', 'Device.Row.1.Port': '1',
  // Build 2's file also names its new parameters (and Build 1's ignores what it does not know).
  'Device.New': 'from-file', 'Device.Row.1.Extra': 'false', 'Device.Fresh.Y': 'y-file',
});

function boot(disk: Disk, build: ModelModule, power?: PowerLoss): { engine: Engine; logs: string[] } {
  const hal = memoryHal({ disk });
  if (power) hal.storage = powerLossStorage(disk, power);
  return { engine: createEngine({ hal, profile: SMALL, modules: [build], tree: treeOf([build]), defaults: DEFAULTS }), logs: hal.logs };
}

function snapshot(e: Engine): string {
  const lines: string[] = [];
  for (const path of e.subtree('Device.')) for (const v of e.params(path)) lines.push(`${v.path}=${v.value}`);
  return lines.join('\n');
}

/** Build 1's stored model after an operator's changes. */
function build1Disk(): Disk {
  const disk: Disk = new Map();
  const { engine } = boot(disk, V1);
  const t = engine.begin();
  t.set('Device.Name', 'operator');
  t.set('Device.Old', 'gone soon');
  t.set('Device.Count', '42'); // valid as unsignedInt: kept
  t.set('Device.Limit', 'lots'); // not: dropped, build 2's default
  t.set('Device.Row.1.Port', 'http'); // not: dropped
  t.add('Device.Row.', [{ param: 'Val', value: 'r2', required: true }, { param: 'Port', value: '8080', required: true }]);
  const r3 = t.add('Device.Row.', [{ param: 'Val', value: 'r3', required: true }]);
  t.set('Device.Row.2.Stats.Errors', '5');
  t.add('Device.Gone.', [{ param: 'X', value: 'x', required: true }]);
  t.commit();
  const t2 = engine.begin();
  t2.delete(r3.path); // Row.3 deleted: build 2 must not hand out 3 again (R-ARC.8)
  t2.commit();
  return disk;
}

const copy = (d: Disk): Disk => new Map(Array.from(d, ([k, v]) => [k, v.slice()] as [string, Uint8Array]));
const same = (a: Disk, b: Disk) => a.size === b.size && Array.from(a).every(([k, v]) => {
  const w = b.get(k);
  return !!w && w.length === v.length && w.every((x, i) => x === v[i]);
});

test('given a stored model of build 1, when build 2 with another model boots, then what still fits is kept, the rest dropped with a log line, new parameters get defaults', () => {
  const disk = build1Disk();
  const before1 = snapshot(boot(copy(disk), V1).engine);
  const { engine, logs } = boot(disk, V2);
  assert.equal(engine.startedFromDefaults(), false);
  assert.equal(engine.get('Device.Name'), 'operator'); // kept
  assert.equal(engine.get('Device.Count'), '42'); // type changed, value compatible: kept
  assert.equal(engine.get('Device.Limit'), '9'); // type changed, 'lots' incompatible: schema default
  assert.equal(engine.get('Device.New'), 'from-file'); // new: the defaults file
  assert.equal(engine.get('Device.Fresh.Y'), 'y-file'); // new object: the defaults file
  assert.deepEqual(engine.instances('Device.Row.', false).map((r) => r.path), ['Device.Row.1.', 'Device.Row.2.']); // table kept
  assert.equal(engine.get('Device.Row.1.Val'), 'r1');
  assert.equal(engine.get('Device.Row.1.Port'), '0'); // 'http' dropped
  assert.equal(engine.get('Device.Row.1.Extra'), 'false'); // new, named by the file
  assert.equal(engine.get('Device.Row.2.Port'), '8080');
  assert.equal(engine.get('Device.Row.2.Extra'), 'true'); // new, schema default
  assert.equal(engine.get('Device.Row.2.Stats.Errors'), '5');
  assert.equal(engine.get('Device.Row.2.Alias'), 'cpe-2');
  for (const want of [/dropped Device\.Old: no longer in the model/, /dropped Device\.Limit: 'lots' not valid as unsignedInt/,
    /dropped Device\.Row\.1\.Port: 'http' not valid as unsignedInt/, /dropped record t\.[0-9a-z]{5}: not in this model/, /dropped record d\.[0-9a-z]{5}00: not in this model/,
    /records rewritten, 2 removed, 3 values dropped/]) {
    assert.ok(logs.some((l) => want.test(l)), `log ${want} in:\n${logs.join('\n')}`);
  }
  // Device.Gone.1's record and its table index are gone from storage; the marker names build 2.
  const after = snapshot(engine);
  assert.notEqual(after, before1);
  const again = boot(disk, V2);
  assert.equal(snapshot(again.engine), after, 'a second boot of build 2 reads the migrated model');
  assert.ok(!again.logs.some((l) => /migrate/.test(l)), 'and migrates nothing');
  const t = again.engine.begin();
  assert.equal(t.add('Device.Row.').path, 'Device.Row.4.', 'instance numbers are not reused (R-ARC.8)');
  t.rollback();
  assert.match(utf8Decode(disk.get(MODEL_MARKER_KEY)!), /^tinyusp-dm 2;[0-9a-f]{8}$/);
});

test('given build 2 migrating build 1\'s model, when the power fails at every write, then storage holds the old model or the migrated one, and build 1 still reads its own', () => {
  const base = build1Disk();
  const old1 = snapshot(boot(copy(base), V1).engine);
  let migratedDisk: Disk | undefined;
  let migrated = '';
  let olds = 0;
  let news = 0;
  const r = forEachCrashPoint<Disk>({
    initial: () => copy(base),
    run: (disk, power) => { boot(disk, V2, power); },
    check: (disk, point) => {
      if (!point) {
        migratedDisk = copy(disk);
        migrated = snapshot(boot(copy(disk), V2).engine);
        return;
      }
      // What storage holds once the journal is finished (as either build does first at boot).
      const settled = copy(disk);
      recoverJournal(memoryHal({ disk: settled }).storage);
      const isOld = same(settled, base);
      const isNew = same(settled, migratedDisk!);
      assert.ok(isOld || isNew, `write ${point.index} (${point.label}, lands=${point.lands}): neither the old nor the migrated model`);
      if (isOld) {
        olds++;
        // An OTA rollback to build 1 finds its model as it was.
        assert.equal(snapshot(boot(copy(disk), V1).engine), old1);
      } else news++;
      assert.equal(snapshot(boot(copy(disk), V2).engine), migrated, `write ${point.index}: build 2 restarts on the migrated model`);
    },
  });
  assert.ok(r.points >= 6, `${r.points} crash points`);
  assert.ok(olds > 0 && news > 0, `old ${olds}, new ${news}`);
  process.stdout.write(`# migration: ${r.writes} writes, ${r.points} crash points (old model ${olds}, migrated ${news})\n`);
});

test('given a model stored by this build, when it boots again, then nothing is migrated or rewritten', () => {
  const disk: Disk = new Map();
  boot(disk, V2);
  const hal = memoryHal({ disk });
  createEngine({ hal, profile: SMALL, modules: [V2], tree: treeOf([V2]), defaults: DEFAULTS });
  assert.equal(hal.writes.size, 0);
  assert.ok(!hal.logs.some((l) => /migrate/.test(l)));
});
