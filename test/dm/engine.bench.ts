// Data-model engine figures (not a test): boot, resolve, Get-style reads, Set commits, Add/Delete.
// Run: node --expose-gc --import tsx test/dm/engine.bench.ts
import { readFileSync } from 'node:fs';
import { host } from '../../boards/host/profile.ts';
import { createEngine } from '../../src/dm/index.ts';
import { TR181_TREE, tr181Modules } from '../../src/model/index.ts';
import { memoryHal } from '../support/memory-hal.ts';

const defaults = JSON.parse(readFileSync(new URL('../../examples/demo-defaults.json', import.meta.url), 'utf8'));
const gc = (globalThis as { gc?: () => void }).gc;

function rate(label: string, n: number, f: (i: number) => void): void {
  for (let i = 0; i < Math.min(n, 200); i++) f(i); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f(i);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${label}: ${Math.round((n / ms) * 1000).toLocaleString('en')} /s`);
}

gc?.();
const before = process.memoryUsage().heapUsed;
const hal = memoryHal();
const engine = createEngine({ hal, profile: host, modules: tr181Modules(), tree: TR181_TREE, defaults });
gc?.();
console.log(`heap after first boot (TR-181 model, demo defaults): ${Math.round((process.memoryUsage().heapUsed - before) / 1024)} KiB`);
let bytes = 0;
for (const v of hal.disk.values()) bytes += v.length;
console.log(`persisted: ${hal.disk.size} keys, ${bytes} bytes, largest key ${Math.max(...Array.from(hal.disk.keys()).map((k) => k.length))} chars`);
rate('boot from storage (load + handlers)', 300, () => createEngine({ hal: memoryHal({ disk: hal.disk }), profile: host, modules: tr181Modules(), tree: TR181_TREE, defaults }));
rate('resolve Device.LocalAgent.Controller.[EndpointID=="proto::controller-1"].MTP.*.CoAP.Port', 20000,
  () => engine.resolve('Device.LocalAgent.Controller.[EndpointID=="proto::controller-1"].MTP.*.CoAP.Port'));
rate('Get-style read of Device.LocalAgent. subtree (all params)', 2000, () => {
  for (const p of engine.subtree('Device.LocalAgent.')) engine.params(p);
});
rate('Set + commit of one parameter (persisted)', 20000, (i) => {
  const txn = engine.begin();
  txn.set('Device.LocalAgent.Controller.1.PeriodicNotifInterval', String(60 + (i % 100)));
  txn.commit();
});
rate('Add + commit, Delete + commit of a Subscription', 5000, () => {
  let txn = engine.begin();
  const r = txn.add('Device.LocalAgent.Subscription.', [
    { param: 'NotifType', value: 'ValueChange', required: true }, { param: 'ReferenceList', value: 'Device.DeviceInfo.', required: true }]);
  txn.commit();
  txn = engine.begin();
  txn.delete(r.path);
  txn.commit();
});
