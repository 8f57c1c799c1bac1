// Power loss at every storage write (test/support/power-loss.ts) during each change the data
// model persists: a Set across objects, an Add, a Delete that clears references, a subscription
// Add then Set, the first boot, Device.FactoryReset() and Device.Reboot(). After a restart on
// what survived, the model is exactly the old or the new one, and the new one once the answer
// had left (issue 12, design.md "Nothing lost"). Runs the real agent (TR-181 model, test
// defaults) over Records, as the core does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { host } from '../../boards/host/profile.ts';
import { createAgent, type Agent } from '../../src/agent.ts';
import type { Request } from '../../src/codec/index.ts';
import { JOURNAL_KEY, MODEL_MARKER_KEY } from '../../src/dm/journal.ts';
import { forEachCrashPoint, powerLossStorage, type PowerLoss } from '../support/power-loss.ts';
import { call, errOf, respOf, testDefaults, testHal } from '../support/usp-harness.ts';

type Disk = Map<string, Uint8Array>;
const LA = 'Device.LocalAgent.';
const T = LA + 'ControllerTrust.';

/** The agent on `disk` (a restart when the disk holds a model); `power` makes writes crashable. */
function boot(disk: Disk, power?: PowerLoss): { agent: Agent; hal: ReturnType<typeof testHal> } {
  const hal = testHal();
  hal.storage = power ? powerLossStorage(disk, power) : {
    get: (k) => { const v = disk.get(k); return v && v.slice(); },
    set: (k, v) => {
      assert.ok(k.length <= 15, `storage key ${k} longer than 15 characters (NVS)`);
      disk.set(k, v.slice());
    },
    delete: (k) => void disk.delete(k),
    keys: () => Array.from(disk.keys()),
  };
  const agent = createAgent({ hal, board: host, defaults: testDefaults() });
  return { agent, hal };
}

/** Everything the model holds, as the Controller reads it (path -> value). */
function snapshot(agent: Agent): string {
  const e = agent.engine;
  const lines: string[] = [];
  for (const p of e.subtree('Device.')) {
    if (p.startsWith(LA + 'Request.')) continue; // volatile (§5.5)
    for (const v of e.params(p)) if (v.name !== 'UpTime') lines.push(`${v.path}=${v.value}`);
  }
  return lines.join('\n');
}

/** Restart on `disk` and read the model back (the restart itself may write: recovery, boot records). */
function restarted(disk: Disk): string {
  return snapshot(boot(disk).agent);
}

function firstBootDisk(): Disk {
  const disk: Disk = new Map();
  boot(disk);
  return disk;
}

const answered = (m: ReturnType<typeof call>) => m !== undefined && m.body?.msgBody.case === 'response';

/**
 * Run `change` on a booted agent under power loss at every write; check old-or-new after each
 * restart (new when answered). Returns the number of crash points.
 */
function crashTest(name: string, before: () => Disk, change: (agent: Agent, power: PowerLoss, hal: ReturnType<typeof testHal>) => void,
  extra?: (disk: Disk, power: PowerLoss | undefined) => void): number {
  const base = before();
  const oldModel = restarted(new Map(base));
  let newModel = '';
  const r = forEachCrashPoint<Disk>({
    initial: () => new Map(base),
    run: (disk, power) => {
      const { agent, hal } = boot(disk, power);
      change(agent, power, hal);
    },
    check: (disk, point) => {
      assert.equal(disk.has(JOURNAL_KEY) && !point, false, 'no journal left after a complete run');
      extra?.(disk, point?.power);
      const got = restarted(disk);
      if (!point) {
        newModel = got;
        assert.notEqual(newModel, oldModel, `${name}: the change changes the model`);
      } else if (point.power.noted('answered')) {
        assert.equal(got, newModel, `${name}: answered, then power lost at write ${point.index} (${point.label}, ${point.lands ? 'landed' : 'lost'}): the change must stand`);
      } else {
        assert.ok(got === oldModel || got === newModel, `${name}: power lost at write ${point.index} (${point.label}, ${point.lands ? 'landed' : 'lost'}): a model that is neither the old nor the new one`);
      }
    },
  });
  assert.ok(r.writes >= 1);
  return r.points;
}

let total = 0;
const note = (p: PowerLoss, m: ReturnType<typeof call>) => { if (answered(m)) p.note('answered'); };
const setReq = (objs: [string, string, string][]): Request['reqType'] => ({
  case: 'set',
  value: { allowPartial: false, updateObjs: objs.map(([objPath, param, value]) => ({ objPath, paramSettings: [{ param, value, required: true }] })) },
});

test('given a Set across five objects, when power is lost at any write, then the model is old or new (new once answered)', () => {
  const points = crashTest('Set', firstBootDisk, (agent, power) => {
    note(power, call({ agent, hal: undefined as never }, setReq([
      ['Device.DeviceInfo.', 'FriendlyName', 'renamed'],
      [LA + 'Controller.1.', 'PeriodicNotifInterval', '60'],
      [LA + 'Controller.2.', 'PeriodicNotifInterval', '120'],
      [T + 'Role.3.', 'Name', 'Readers'],
      [T, 'UntrustedRole', T + 'Role.3'],
    ])));
  });
  assert.ok(points >= 2 * 7, `${points} crash points (journal, 5 records, journal delete)`);
  total += points;
});

test('given an Add of a Controller, when power is lost at any write, then the row is there whole or not at all', () => {
  total += crashTest('Add', firstBootDisk, (agent, power) => {
    note(power, call({ agent, hal: undefined as never }, { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: LA + 'Controller.', paramSettings: [
      { param: 'EndpointID', value: 'proto::new', required: true }, { param: 'Alias', value: 'newbie', required: true },
    ] }] } }));
  });
});

test('given a Delete of a Role referenced by a Controller, when power is lost at any write, then old or new (references included)', () => {
  total += crashTest('Delete', firstBootDisk, (agent, power) => {
    note(power, call({ agent, hal: undefined as never }, { case: 'delete', value: { allowPartial: false, objPaths: [T + 'Role.3.'] } }));
  });
});

test('given a subscription Add then Set, when power is lost at any write, then each answered change stands', () => {
  // Two changes: old = before both, new = after both; after the Add is answered (and before the
  // Set is) the model must hold the Add, which the intermediate snapshot checks.
  const base = firstBootDisk();
  const sub = (agent: Agent) => call({ agent, hal: undefined as never }, { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: LA + 'Subscription.', paramSettings: [
    { param: 'NotifType', value: 'ValueChange', required: true },
    { param: 'ReferenceList', value: 'Device.DeviceInfo.FriendlyName', required: true },
    { param: 'Enable', value: 'true', required: true },
    { param: 'Persistent', value: 'true', required: true },
  ] }] } });
  const mid = new Map(base);
  respOf(sub(boot(mid).agent), 'addResp');
  const midModel = restarted(new Map(mid));
  const oldModel = restarted(new Map(base));
  let newModel = '';
  const r = forEachCrashPoint<Disk>({
    initial: () => new Map(base),
    run: (disk, power) => {
      const { agent } = boot(disk, power);
      const a = sub(agent);
      if (answered(a)) power.note('add answered');
      const s = call({ agent, hal: undefined as never }, setReq([[LA + 'Subscription.1.', 'Enable', 'false']]));
      if (answered(s)) power.note('answered');
    },
    check: (disk, point) => {
      const got = restarted(disk);
      if (!point) { newModel = got; return; }
      if (point.power.noted('answered')) assert.equal(got, newModel);
      else if (point.power.noted('add answered')) assert.ok(got === midModel || got === newModel, `Set cut at write ${point.index}: ${point.label}`);
      else assert.ok(got === oldModel || got === midModel, `Add cut at write ${point.index}: ${point.label}`);
    },
  });
  total += r.points;
});

test('given a first boot, when power is lost at any write, then the restart comes up on the whole factory defaults', () => {
  const want = restarted(new Map());
  const r = forEachCrashPoint<Disk>({
    initial: () => new Map(),
    run: (disk, power) => { boot(disk, power); },
    check: (disk) => {
      assert.equal(restarted(disk), want);
      assert.ok(disk.has(MODEL_MARKER_KEY));
    },
  });
  assert.ok(r.writes > 10, `a first boot writes the whole model (${r.writes} writes)`);
  total += r.points;
});

const changedDisk = (): Disk => {
  const disk = firstBootDisk();
  const { agent } = boot(disk);
  respOf(call({ agent, hal: undefined as never }, setReq([['Device.DeviceInfo.', 'FriendlyName', 'mine'], [T + 'Role.3.', 'Name', 'Mine']])), 'setResp');
  respOf(call({ agent, hal: undefined as never }, { case: 'delete', value: { allowPartial: false, objPaths: [LA + 'Controller.2.'] } }), 'deleteResp');
  return disk;
};
const bootCause = (disk: Disk) => { const b = disk.get('dm.boot'); return b ? new TextDecoder().decode(b) : undefined; };

test('given FactoryReset(), when power is lost at any write, then old or defaults, and the defaults with its cause once answered', () => {
  total += crashTest('FactoryReset', changedDisk, (agent, power, hal) => {
    const m = call({ agent, hal }, { case: 'operate', value: { command: 'Device.FactoryReset()', commandKey: 'fr-1', sendResp: true, inputArgs: new Map() } });
    note(power, m);
    hal.clock.now += 10;
    agent.step(hal.clock.now); // the deferred reset, once the answer has left
  }, (disk, power) => {
    // Checked before the restart consumes it: the cause is stored whenever the answer left.
    if (!power || power.noted('answered')) assert.equal(bootCause(disk), 'RemoteFactoryReset;fr-1');
  });
});

test('given Reboot(), when power is lost at any write, then the cause is stored before the answer leaves', () => {
  let answeredPoints = 0;
  const base = changedDisk();
  const r = forEachCrashPoint<Disk>({
    initial: () => new Map(base),
    run: (disk, power) => {
      const { agent, hal } = boot(disk, power);
      note(power, call({ agent, hal }, { case: 'operate', value: { command: 'Device.Reboot()', commandKey: 'rb-7', sendResp: true, inputArgs: new Map() } }));
    },
    check: (disk, point) => {
      if (!point || point.power.noted('answered')) {
        answeredPoints++;
        assert.equal(bootCause(disk), 'RemoteReboot;rb-7');
      }
      assert.equal(restarted(disk), restarted(new Map(base)), 'a reboot changes no model value');
    },
  });
  assert.ok(answeredPoints >= 1);
  total += r.points;
});

test('given every scenario above, then the crash points that ran are counted', () => {
  // Reported in the README (Persistence): the sum over the scenarios of 2 x their writes.
  assert.ok(total > 100, `${total} crash points`);
  process.stdout.write(`# crash points run: ${total}\n`);
});

test('given a storage write that fails before the commit point, when a Set commits, then it is refused and nothing changes', () => {
  const disk = firstBootDisk();
  let failJournal = false;
  const hal = testHal();
  hal.storage = {
    get: (k) => disk.get(k),
    set: (k, v) => { if (failJournal && k === JOURNAL_KEY) throw new Error('ENOSPC'); disk.set(k, v.slice()); },
    delete: (k) => void disk.delete(k),
    keys: () => Array.from(disk.keys()),
  };
  const agent = createAgent({ hal, board: host, defaults: testDefaults() });
  const before = snapshot(agent);
  failJournal = true;
  const m = call({ agent, hal }, setReq([['Device.DeviceInfo.', 'FriendlyName', 'x'], [T + 'Role.3.', 'Name', 'y']]));
  assert.equal(errOf(m).errCode, 7003);
  assert.equal(snapshot(agent), before);
  assert.equal(restarted(disk), before);
});
