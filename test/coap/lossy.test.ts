// The endpoints under a hostile simulated network (virtual clock, seeded faults).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Code, Method } from '../../src/coap/constants.ts';
import { CoapEndpoint } from '../../src/coap/endpoint.ts';
import { decodeMessage, emptyMessage, encodeMessage } from '../../src/coap/message.ts';
import type { CoapRequest, CoapResult, Peer } from '../../src/coap/types.ts';
import { SimNet, seededBytes, type SimFaults } from '../support/sim-net.ts';
import { host } from '../../boards/host/profile.ts';
import { collecting } from './fixture.ts';

const CLIENT = { address: '127.0.0.1', port: 40001 };
const SERVER = { address: '127.0.0.2', port: 5683 };

function world(seed: number, faults: SimFaults, maxRetransmit = 4, rebindEvery = 0) {
  const net = new SimNet(seed, faults);
  const counts = new Map<number, number>();
  const bodies: Uint8Array[] = [];
  const server = new CoapEndpoint({
    send: net.sender(SERVER.address, SERVER.port),
    randomBytes: seededBytes(seed * 3 + 1),
    limits: host.limits,
    transmission: { ...host.coap, maxRetransmit },
    resource: {
      handle(req: CoapRequest) {
        if (req.method === Method.GET) return { code: Code.CONTENT, payload: seededBytes(99)(4000) };
        const id = new DataView(req.payload.buffer, req.payload.byteOffset).getUint32(0);
        counts.set(id, (counts.get(id) || 0) + 1);
        if (req.payload.length > 4) bodies.push(req.payload.slice());
        return { code: Code.CHANGED };
      },
    },
  });
  const client = new CoapEndpoint({
    send: net.sender(CLIENT.address, CLIENT.port),
    randomBytes: seededBytes(seed * 3 + 2),
    limits: host.limits,
    transmission: { ...host.coap, maxRetransmit },
  });
  net.attach(SERVER.address, SERVER.port, server);
  net.attach(CLIENT.address, CLIENT.port, client, { rebindEvery });
  return { net, server, client, counts, bodies };
}

function payload(id: number, size = 4): Uint8Array {
  const p = seededBytes(id)(size);
  new DataView(p.buffer).setUint32(0, id);
  return p;
}

/** Issues `total` POSTs keeping `window` pending; returns the result of each. */
function drive(w: ReturnType<typeof world>, total: number, size = 4, window = 4): CoapResult[] {
  const results: CoapResult[][] = [];
  let issued = 0;
  let finished = 0;
  const issue = () => {
    while (issued < total && issued - finished < window) {
      const id = issued++;
      results[id] = [];
      w.client.request(SERVER, { method: Method.POST, uriPath: ['usp'], contentFormat: 42, payload: payload(id, size) }, (r) => {
        results[id].push(r);
        finished++;
      });
    }
  };
  issue();
  assert.ok(w.net.run(() => (issue(), finished === total), 48 * 3600 * 1000), 'did not finish');
  // Exactly one result per request.
  for (const r of results) assert.equal(r.length, 1);
  return results.map((r) => r[0]);
}

test('given 20% loss both ways plus duplicates and reordering, when 1,000 CON requests run with RFC defaults, then each ends once and is processed at most once', () => {
  const w = world(1, { drop: 0.2, duplicate: 0.05, reorder: 0.05 });
  const results = drive(w, 1000);
  let timeouts = 0;
  results.forEach((r, id) => {
    const n = w.counts.get(id) || 0;
    assert.ok(n <= 1, 'request ' + id + ' processed ' + n + ' times');
    if (r.kind === 'response') {
      assert.equal(r.code, Code.CHANGED);
      assert.equal(n, 1);
    } else {
      assert.equal(r.kind, 'timeout');
      timeouts++;
    }
  });
  // P(5 transmissions all fail) = 0.36^5 ~ 0.6%: a handful, not dozens.
  assert.ok(timeouts < 20, 'timeouts ' + timeouts);
  assert.ok(w.server.stats.duplicates > 50, 'dedup exercised: ' + w.server.stats.duplicates);
  assert.ok(w.net.stats.dropped > 300);
});

test('given 20% loss both ways and MAX_RETRANSMIT 8, when 1,000 CON requests run, then every one completes exactly once at the application', () => {
  // P(9 transmissions all fail) = 0.36^9 ~ 1e-4 per request; this seed happens to see none.
  const w = world(1, { drop: 0.2 }, 8);
  const results = drive(w, 1000);
  results.forEach((r, id) => {
    assert.equal(r.kind === 'response' && r.code, Code.CHANGED, 'request ' + id + ' ' + r.kind);
    assert.equal(w.counts.get(id), 1, 'request ' + id);
  });
  assert.equal(w.counts.size, 1000);
});

test('given 20% loss, when 20 Block1 uploads of 5 KB and Block2 downloads of 4 KB run, then every body arrives intact', () => {
  const w = world(3, { drop: 0.2, reorder: 0.05 }, 8);
  const results = drive(w, 20, 5 * 1024, 2);
  assert.ok(results.every((r) => r.kind === 'response' && r.code === Code.CHANGED));
  assert.equal(w.bodies.length, 20);
  for (const b of w.bodies) {
    const id = new DataView(b.buffer).getUint32(0);
    assert.deepEqual([...b], [...payload(id, 5 * 1024)]);
  }
  const downloads: CoapResult[] = [];
  for (let i = 0; i < 10; i++) w.client.request(SERVER, ...collecting({ method: Method.GET, uriPath: ['big'] }, (r) => downloads.push(r)));
  assert.ok(w.net.run(() => downloads.length === 10, 3600 * 1000));
  const expected = [...seededBytes(99)(4000)];
  for (const r of downloads) assert.ok(r.kind === 'response' && r.payload.length === 4000 && [...r.payload].every((b, i) => b === expected[i]));
});

test('given the client source port changes every 2 datagrams (NAT rebinding), when requests and a 5 KB upload run, then all complete', () => {
  const w = world(4, {}, 4, 2);
  const results = drive(w, 50, 5 * 1024, 1);
  assert.ok(results.every((r) => r.kind === 'response' && r.code === Code.CHANGED));
  assert.equal(w.bodies.length, 50);
  assert.ok(w.net.stats.rebinds > 100);
  results.forEach((_, id) => assert.equal(w.counts.get(id), 1));
});

test('given a peer that rejects everything with RST, when we send a request, then it ends with reset after one transmission', () => {
  const net = new SimNet(5);
  const rstSend = net.sender(SERVER.address, SERVER.port);
  const buf = new Uint8Array(16);
  net.attach(SERVER.address, SERVER.port, {
    receive(d: Uint8Array, peer: Peer) {
      const m = decodeMessage(d);
      if (m.ok) rstSend(buf.subarray(0, encodeMessage(emptyMessage(3, m.message.messageId), buf)), peer);
    },
    step() {},
    nextDeadline: () => Infinity,
  });
  const client = new CoapEndpoint({ send: net.sender(CLIENT.address, CLIENT.port), randomBytes: seededBytes(1), limits: host.limits, transmission: host.coap });
  net.attach(CLIENT.address, CLIENT.port, client);
  const results: CoapResult[] = [];
  client.request(SERVER, { method: Method.POST, payload: new Uint8Array(3000) }, (r) => results.push(r));
  assert.ok(net.run(() => results.length > 0, 100000));
  assert.deepEqual(results, [{ kind: 'reset' }]);
  assert.equal(client.stats.retransmissions, 0);
  assert.equal(client.nextDeadline(), Infinity);
});

test('given the same seed twice, when the same workload runs, then the simulated network behaves identically', () => {
  const a = world(6, { drop: 0.2, duplicate: 0.1, reorder: 0.1 });
  const b = world(6, { drop: 0.2, duplicate: 0.1, reorder: 0.1 });
  drive(a, 100);
  drive(b, 100);
  assert.deepEqual(a.net.stats, b.net.stats);
  assert.equal(a.net.now, b.net.now);
  assert.ok(a.net.stats.duplicated > 0 && a.net.stats.reordered > 0);
});
