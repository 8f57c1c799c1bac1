// npm run bench:persist — what persistence costs (issue 12): storage writes (sets + deletes) and
// bytes written per change, counted on an in-memory Storage (exact, no timing), and the time
// one answered Set across nine objects takes on the host's file storage (fsync per write, in a
// temporary directory; median of 40). The agent runs in process over Records with the demo
// defaults and eight Controller rows. Only public APIs, so the same file measures any build.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { host } from '../../boards/host/profile.ts';
import type { Storage } from '../../hal/hal.ts';
import { createFileStorage } from '../../hal/host/storage.ts';
import { createAgent, type Agent } from '../../src/agent.ts';
import type { Request } from '../../src/codec/index.ts';
import { AGENT_ID, call, CONTROLLER_ID, testHal } from '../support/usp-harness.ts';

const demo = JSON.parse(readFileSync(new URL('../../examples/demo-defaults.json', import.meta.url), 'utf8')) as { [k: string]: string };
const defaults: { [k: string]: string } = { ...demo, 'Device.LocalAgent.EndpointID': AGENT_ID, 'Device.LocalAgent.Controller.1.EndpointID': CONTROLLER_ID };
const CTRL = 'Device.LocalAgent.Controller.';
for (let i = 2; i <= 8; i++) {
  defaults[`${CTRL}${i}.EndpointID`] = `proto::c${i}`;
  defaults[`${CTRL}${i}.Enable`] = 'false';
}

interface Counted { storage: Storage; writes: number; bytes: number; reset(): void }

function counted(inner: Storage): Counted {
  const c: Counted = {
    writes: 0, bytes: 0,
    reset() { c.writes = 0; c.bytes = 0; },
    storage: {
      get: (k) => inner.get(k),
      set: (k, v) => { c.writes++; c.bytes += v.length; inner.set(k, v); },
      delete: (k) => { c.writes++; inner.delete(k); },
      keys: () => inner.keys(),
    },
  };
  return c;
}

function boot(storage: Storage): Agent {
  const hal = testHal();
  hal.storage = storage;
  return createAgent({ hal, board: host, defaults });
}

function ok(m: ReturnType<typeof call>): void {
  if (!m || m.body?.msgBody.case !== 'response') throw new Error('not answered: ' + JSON.stringify(m?.body?.msgBody.case));
}

let gen = 0;
const setAcross = (n: number): Request['reqType'] => {
  gen++;
  const objs = ['Device.DeviceInfo.'].concat(Array.from({ length: n - 1 }, (_, i) => `${CTRL}${i + 1}.`));
  return { case: 'set', value: { allowPartial: false, updateObjs: objs.map((o) => ({
    objPath: o, paramSettings: [{ param: o === 'Device.DeviceInfo.' ? 'FriendlyName' : 'PeriodicNotifInterval', value: o === 'Device.DeviceInfo.' ? `gen-${gen}` : String(1000 + gen), required: true }],
  })) } };
};

function memStorage(): Storage {
  const disk = new Map<string, Uint8Array>();
  return { get: (k) => disk.get(k), set: (k, v) => void disk.set(k, v.slice()), delete: (k) => void disk.delete(k), keys: () => Array.from(disk.keys()) };
}

function counts(): void {
  const c = counted(memStorage());
  const agent = boot(c.storage);
  const rows: [string, number, number][] = [['first boot (whole model)', c.writes, c.bytes]];
  const t = { agent, hal: undefined as never };
  const measure = (label: string, req: Request['reqType']) => {
    c.reset();
    ok(call(t, req));
    rows.push([label, c.writes, c.bytes]);
  };
  measure('Set, 1 object', setAcross(1));
  measure('Set across 9 objects', setAcross(9));
  measure('Add Controller (3 params)', { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: CTRL, paramSettings: [
    { param: 'EndpointID', value: 'proto::bench', required: true }, { param: 'Enable', value: 'false', required: true }, { param: 'Alias', value: 'bench', required: true }] }] } });
  measure('Delete Controller', { case: 'delete', value: { allowPartial: false, objPaths: [`${CTRL}9.`] } });
  process.stdout.write('change                          storage writes   bytes written\n');
  for (const [label, w, b] of rows) process.stdout.write(`${label.padEnd(32)}${String(w).padStart(14)}${String(b).padStart(16)}\n`);
}

function timing(): void {
  const dir = mkdtempSync(join(tmpdir(), 'tinyusp-bench-persist-'));
  try {
    const agent = boot(createFileStorage(dir));
    const t = { agent, hal: undefined as never };
    for (let i = 0; i < 5; i++) ok(call(t, setAcross(9)));
    const ms: number[] = [];
    for (let i = 0; i < 40; i++) {
      const req = setAcross(9);
      const t0 = process.hrtime.bigint();
      ok(call(t, req));
      ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    ms.sort((a, b) => a - b);
    process.stdout.write(`Set across 9 objects on the host file storage (fsync): median ${ms[20].toFixed(1)} ms, p90 ${ms[36].toFixed(1)} ms\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

counts();
timing();
