// hal/host/net.ts: the Node UDP socket behind the simulator and the controller.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHostNet } from '../../hal/host/net.ts';

function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms); });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

test('given a socket being opened, when onReady comes, then udp() has returned and the port is final', async () => {
  const net = createHostNet();
  let returned = false;
  let seen = -1;
  let handlePort = -1;
  const ready = new Promise<void>((resolve) => {
    const s = net.udp({
      address: '127.0.0.1',
      onDatagram() {},
      onReady(port) {
        seen = port;
        handlePort = returned ? s.port : -2;
        s.close();
        resolve();
      },
    });
    returned = true;
  });
  await within(2000, ready, 'onReady');
  assert.ok(seen > 0);
  assert.equal(handlePort, seen, 'onReady came after udp() returned, with the bound port');
});

test('given datagrams sent just before close, when the peer listens, then every one arrives', async () => {
  const net = createHostNet();
  const got: string[] = [];
  let done: () => void = () => {};
  const all = new Promise<void>((r) => { done = r; });
  const rx = net.udp({ address: '127.0.0.1', onDatagram: (d) => { got.push(Buffer.from(d).toString()); if (got.length === 20) done(); } });
  await rx.ready;
  const tx = net.udp({ address: '127.0.0.1', onDatagram() {} });
  await tx.ready;
  const buf = new Uint8Array(8);
  for (let i = 0; i < 20; i++) {
    buf.set(Buffer.from(`dgram-${String(i).padStart(2, '0')}`));
    tx.send(buf, '127.0.0.1', rx.port); // the same buffer reused, as the core does
  }
  tx.close();
  await within(2000, all, 'datagrams');
  rx.close();
  assert.deepEqual(got, Array.from({ length: 20 }, (_, i) => `dgram-${String(i).padStart(2, '0')}`));
});

test('given a destination that is not an IP literal, when sending, then it is reported through onError and nothing throws', async () => {
  const net = createHostNet();
  const errors: string[] = [];
  const s = net.udp({ address: '127.0.0.1', onDatagram() {}, onError: (m) => errors.push(m) });
  await s.ready;
  s.send(new Uint8Array([1]), 'controller.example', 5683);
  await within(2000, (async () => { while (errors.length === 0) await new Promise((r) => setTimeout(r, 5)); })(), 'onError');
  s.close();
  assert.match(errors[0], /not an IP address/);
});
