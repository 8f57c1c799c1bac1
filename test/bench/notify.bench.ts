// node --expose-gc --import tsx test/bench/notify.bench.ts
// Latency from a Set arriving at the agent to the resulting ValueChange Notify leaving it, over
// loopback UDP: the portable device (src/device.ts) on the host HAL in this process, Controller 2
// sending Set Device.DeviceInfo.FriendlyName, Controller 1 subscribed to it. Timestamps are taken
// at the agent's socket (datagram in, datagram out), so the Controllers' own costs are excluded.
// Also: heap growth while a Controller that never answers keeps being notified (bounded queue).
import { readFileSync } from 'node:fs';
import { host } from '../../boards/host/profile.ts';
import type { Hal, Storage, UdpOptions } from '../../hal/hal.ts';
import { createHostNet } from '../../hal/host/net.ts';
import { createHostSystem, createHostTimers, hostClock } from '../../hal/host/system.ts';
import { startDevice, type Device } from '../../src/device.ts';
import { Header_MsgType } from '../../gen/usp/usp-msg_pb.ts';
import { Controller } from '../../tools/controller/controller.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx test/bench/notify.bench.ts');

const ROUNDS = Number(process.env.ROUNDS ?? 2000);
const AGENT_ID = 'proto::tinyusp-e2e';

function memoryStorage(): Storage {
  const m = new Map<string, Uint8Array>();
  return { get: (k) => m.get(k), set: (k, v) => void m.set(k, v.slice()), delete: (k) => void m.delete(k), keys: () => [...m.keys()] };
}

async function main(): Promise<void> {
  let notified: (() => void) | undefined;
  const c1 = await Controller.open({ endpointId: 'proto::controller-1', port: 0, onNotify: () => notified?.() });
  const c2 = await Controller.open({ endpointId: 'proto::controller-2', port: 0 });
  const port = (c: Controller) => Number(/:(\d+)\//.exec(c.uri)![1]);
  const defaults = JSON.parse(readFileSync(new URL('../e2e/fixtures/notify-defaults.json', import.meta.url), 'utf8')
    .replace('${C1_PORT}', String(port(c1))).replace('${C2_PORT}', String(port(c2)))) as { [k: string]: string };

  // The agent's socket, instrumented: POSTs in from Controller 2, POSTs out to Controller 1.
  let setIn = 0;
  const latencies: number[] = [];
  const net = createHostNet();
  const hal: Hal = {
    net: {
      udp(o: UdpOptions) {
        const s = net.udp({
          ...o,
          onDatagram(data, address, p) {
            if (p === port(c2) && data[1] === 0x02) setIn = performance.now(); // CoAP POST = the Set
            o.onDatagram(data, address, p);
          },
        });
        return {
          get port() { return s.port; },
          send(data: Uint8Array, address: string, p: number) {
            if (p === port(c1) && data[1] === 0x02 && setIn > 0) { latencies.push(performance.now() - setIn); setIn = 0; }
            s.send(data, address, p);
          },
          close: () => s.close(),
        };
      },
    },
    clock: hostClock,
    timers: createHostTimers(),
    storage: memoryStorage(),
    system: createHostSystem({
      identity: { manufacturer: 'bench', oui: '00D09E', productClass: 'Bench', serialNumber: 'B1', modelName: 'b', hardwareVersion: 'h', softwareVersion: '0.1.0' },
      logLevel: 'error',
    }),
  };
  let device!: Device;
  const uri = await new Promise<string>((resolve, reject) => {
    device = startDevice({ hal, board: host, defaults, allowNoSec: true, port: 0, onReady: resolve, onFatal: reject });
  });
  const ask = (c: Controller, req: Parameters<Controller['request']>[2], t: Header_MsgType) => c.request(uri, AGENT_ID, req, t);
  await ask(c1, { reqType: { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: 'Device.LocalAgent.Subscription.', paramSettings: [
    { param: 'Enable', value: 'true', required: true }, { param: 'ID', value: 'bench', required: true },
    { param: 'NotifType', value: 'ValueChange', required: true }, { param: 'ReferenceList', value: 'Device.DeviceInfo.FriendlyName', required: true }] }] } } }, Header_MsgType.ADD);

  for (let i = 0; i < ROUNDS; i++) {
    const heard = new Promise<void>((r) => { notified = r; });
    await ask(c2, { reqType: { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'FriendlyName', value: 'n' + i, required: true }] }] } } }, Header_MsgType.SET);
    await Promise.race([heard, new Promise((_, rej) => setTimeout(() => rej(new Error('no ValueChange within 5 s')), 5000))]);
  }
  const warm = latencies.slice(Math.min(100, latencies.length >> 2)).sort((a, b) => a - b);
  const q = (p: number) => warm[Math.min(warm.length - 1, Math.floor(p * warm.length))];
  console.log(`Set -> ValueChange leaving the agent (loopback UDP, ${warm.length} rounds after warm-up): p50 ${q(0.5).toFixed(3)} ms, p99 ${q(0.99).toFixed(3)} ms, max ${warm[warm.length - 1].toFixed(3)} ms`);

  // A Controller that never answers: Controller 1 goes away; notifications keep coming with
  // NotifRetry=true. Its queue stays at limits.notificationsPerController, so the heap levels off.
  await ask(c1, { reqType: { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: 'Device.LocalAgent.Subscription.', paramSettings: [
    { param: 'Enable', value: 'true', required: true }, { param: 'ID', value: 'retry', required: true }, { param: 'NotifRetry', value: 'true', required: true },
    { param: 'NotifType', value: 'ValueChange', required: true }, { param: 'ReferenceList', value: 'Device.DeviceInfo.FriendlyName', required: true }] }] } } }, Header_MsgType.ADD);
  c1.close();
  const heap: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 300; i++) {
      await ask(c2, { reqType: { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'FriendlyName', value: `u${round}-${i}`, required: true }] }] } } }, Header_MsgType.SET);
    }
    gc!();
    heap.push(process.memoryUsage().heapUsed);
  }
  console.log(`heap after 300 / 600 / 900 un-answered notifications to one Controller (queue bound ${host.limits.notificationsPerController}): ${heap.map((h) => (h / 1024).toFixed(0) + ' KiB').join(' / ')}; queued ${device.core.notifier.pending()}, dropped ${device.core.notifier.stats.dropped}`);
  c2.close();
  process.exit(0);
}

main().catch((e) => { console.error(e); process.exit(1); });
