import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Code, CoapType, Method, Option } from '../../src/coap/constants.ts';
import { uintOption, findOption } from '../../src/coap/message.ts';
import { CoapLimitError, type CoapResult } from '../../src/coap/types.ts';
import { endpoint, bytesOf, opt, PEER } from './fixture.ts';

const echo = { handle: (req: { payload: Uint8Array }) => ({ code: Code.CHANGED, payload: req.payload }) };

test('given a CON request, when received, then the response is piggybacked on an ACK with the same id and token', () => {
  const { ep, out } = endpoint({ resource: echo });
  ep.receive(bytesOf({ code: Method.POST, messageId: 77, payload: new Uint8Array([9]) }), PEER, 0);
  assert.equal(out.length, 1);
  const m = out[0].msg;
  assert.equal(m.type, CoapType.ACK);
  assert.equal(m.code, Code.CHANGED);
  assert.equal(m.messageId, 77);
  assert.deepEqual([...m.token], [1, 2, 3, 4]);
  assert.deepEqual([...m.payload], [9]);
});

test('given a CON request already answered, when its duplicate arrives, then the cached ACK is resent and the handler is not run again', () => {
  let runs = 0;
  const { ep, out } = endpoint({ resource: { handle: () => (runs++, { code: Code.CHANGED }) } });
  const req = bytesOf({ code: Method.POST, messageId: 5 });
  ep.receive(req, PEER, 0);
  ep.receive(req, PEER, 30000);
  assert.equal(runs, 1);
  assert.equal(out.length, 2);
  assert.deepEqual([...out[1].bytes], [...out[0].bytes]);
  assert.equal(ep.stats.duplicates, 1);
  // Same id from another port is another endpoint: processed.
  ep.receive(req, { address: PEER.address, port: PEER.port + 1 }, 30001);
  assert.equal(runs, 2);
  // After EXCHANGE_LIFETIME (247 s) the id may be reused by the peer.
  ep.receive(req, PEER, 30000 + 247001);
  assert.equal(runs, 3);
});

test('given a NON request, when received twice, then a NON response goes once and the duplicate is dropped', () => {
  let runs = 0;
  const { ep, out } = endpoint({ resource: { handle: () => (runs++, { code: Code.CONTENT }) } });
  const req = bytesOf({ type: CoapType.NON, code: Method.GET, messageId: 9 });
  ep.receive(req, PEER, 0);
  ep.receive(req, PEER, 10);
  assert.equal(runs, 1);
  assert.equal(out.length, 1);
  assert.equal(out[0].msg.type, CoapType.NON);
  assert.notEqual(out[0].msg.messageId, 9);
});

test('given malformed datagrams, when received, then a CON gets RST, a NON is dropped, and nothing throws', () => {
  const { ep, out } = endpoint({ resource: echo });
  ep.receive(Uint8Array.from([0x49, 1, 0, 42, 1, 2, 3, 4, 5, 6, 7, 8, 9]), PEER, 0); // CON, TKL 9
  assert.equal(out.length, 1);
  assert.equal(out[0].msg.type, CoapType.RST);
  assert.equal(out[0].msg.messageId, 42);
  ep.receive(Uint8Array.from([0x50, 1, 0, 43, 0xff]), PEER, 0); // NON, marker without payload
  ep.receive(Uint8Array.from([0x40]), PEER, 0);
  ep.receive(Uint8Array.from([0x80, 1, 0, 1]), PEER, 0); // version 2
  assert.equal(out.length, 1);
  assert.equal(ep.stats.malformed, 4);
});

test('given an Empty CON (ping), when received, then RST answers it', () => {
  const { ep, out } = endpoint({ resource: echo });
  ep.receive(Uint8Array.from([0x40, 0, 0x12, 0x34]), PEER, 0);
  assert.equal(out[0].msg.type, CoapType.RST);
  assert.equal(out[0].msg.messageId, 0x1234);
});

test('given unrecognised or malformed critical options, when in a CON request, then 4.02; elective ones are ignored', () => {
  let runs = 0;
  const { ep, out } = endpoint({ resource: { handle: () => (runs++, { code: Code.CHANGED }) } });
  ep.receive(bytesOf({ code: Method.POST, messageId: 1, options: [opt(9, 'x')] }), PEER, 0); // unknown critical
  ep.receive(bytesOf({ code: Method.POST, messageId: 2, options: [opt(1, 'etag')] }), PEER, 0); // If-Match unsupported
  ep.receive(bytesOf({ code: Method.POST, messageId: 3, options: [uintOption(12, 42), uintOption(12, 0), opt(27, new Uint8Array(0))] }), PEER, 0);
  ep.receive(bytesOf({ code: Method.POST, messageId: 4, options: [opt(27, new Uint8Array(4))] }), PEER, 0); // Block1 too long
  ep.receive(bytesOf({ code: Method.POST, messageId: 5, options: [opt(35, 'coap://x/')] }), PEER, 0); // Proxy-Uri
  ep.receive(bytesOf({ code: Method.POST, messageId: 6, options: [opt(10, 'x'), opt(3000, 'y')] }), PEER, 0); // elective
  assert.deepEqual(out.map((o) => o.msg.code), [Code.BAD_OPTION, Code.BAD_OPTION, Code.CHANGED, Code.BAD_OPTION, Code.PROXYING_NOT_SUPPORTED, Code.CHANGED]);
  assert.equal(runs, 2);
});

test('given a resource that throws, when a request arrives, then 5.00 is answered and the endpoint survives', () => {
  const { ep, out } = endpoint({ resource: { handle: () => { throw new Error('bug'); } } });
  ep.receive(bytesOf({ code: Method.POST }), PEER, 0);
  assert.equal(out[0].msg.code, Code.INTERNAL_SERVER_ERROR);
});

test('given our CON request unanswered, when time passes, then it is retransmitted at T, 3T, 7T, 15T with T in [2 s, 3 s] and times out at 31T', () => {
  const firstTimeouts = new Set<number>();
  for (let seed = 1; seed <= 20; seed++) {
    const { ep, out } = endpoint({ seed });
    const results: CoapResult[] = [];
    ep.request(PEER, { method: Method.GET, uriPath: ['x'] }, (r) => results.push(r));
    const times: number[] = [0];
    let now = 0;
    while (results.length === 0) {
      now = ep.nextDeadline();
      assert.ok(Number.isFinite(now));
      const before = out.length;
      ep.step(now);
      if (out.length > before) times.push(now);
    }
    const T = times[1];
    firstTimeouts.add(T);
    assert.ok(T >= 2000 && T <= 3000, 'first timeout ' + T);
    assert.deepEqual(times, [0, T, 3 * T, 7 * T, 15 * T]);
    assert.equal(now, 31 * T);
    assert.ok(now <= 93000); // MAX_TRANSMIT_WAIT
    assert.deepEqual(results, [{ kind: 'timeout' }]);
    assert.ok(out.every((o) => o.msg.messageId === out[0].msg.messageId));
    assert.equal(ep.stats.retransmissions, 4);
  }
  // ACK_RANDOM_FACTOR jitter comes from the random source: the first timeout varies.
  assert.ok(firstTimeouts.size >= 15, 'jitter: ' + [...firstTimeouts].join(','));
});

test('given our request, when the piggybacked ACK arrives, then the result is the response and no retransmission follows', () => {
  const { ep, out } = endpoint();
  const results: CoapResult[] = [];
  ep.request(PEER, { method: Method.POST, uriPath: ['usp'], contentFormat: 42, payload: new Uint8Array([1]) }, (r) => results.push(r));
  const sent = out[0].msg;
  assert.equal(sent.type, CoapType.CON);
  assert.equal(sent.token.length, 4);
  ep.receive(bytesOf({ type: CoapType.ACK, code: Code.CHANGED, messageId: sent.messageId, token: sent.token }), PEER, 10);
  assert.equal(results.length, 1);
  assert.equal(results[0].kind === 'response' && results[0].code, Code.CHANGED);
  assert.equal(ep.nextDeadline(), Infinity);
  // A late duplicate ACK changes nothing.
  ep.receive(bytesOf({ type: CoapType.ACK, code: Code.CHANGED, messageId: sent.messageId, token: sent.token }), PEER, 20);
  assert.equal(results.length, 1);
});

test('given an empty ACK, when the separate CON response arrives later, then we ACK it, report it once, and re-ACK its duplicate', () => {
  const { ep, out } = endpoint();
  const results: CoapResult[] = [];
  ep.request(PEER, { method: Method.GET }, (r) => results.push(r));
  const sent = out[0].msg;
  ep.receive(bytesOf({ type: CoapType.ACK, code: 0, messageId: sent.messageId, token: new Uint8Array(0) }), PEER, 5);
  ep.step(10000); // acked: no retransmission
  assert.equal(out.length, 1);
  const sep = bytesOf({ type: CoapType.CON, code: Code.CONTENT, messageId: 999, token: sent.token, payload: new Uint8Array([7]) });
  ep.receive(sep, PEER, 20000);
  ep.receive(sep, PEER, 20001);
  assert.equal(results.length, 1);
  assert.deepEqual(out.slice(1).map((o) => [o.msg.type, o.msg.code, o.msg.messageId]), [[CoapType.ACK, 0, 999], [CoapType.ACK, 0, 999]]);
});

test('given a separate response nobody asked for, when CON, then RST; when NON, then dropped', () => {
  const { ep, out } = endpoint();
  ep.receive(bytesOf({ type: CoapType.CON, code: Code.CONTENT, messageId: 3 }), PEER, 0);
  ep.receive(bytesOf({ type: CoapType.NON, code: Code.CONTENT, messageId: 4 }), PEER, 0);
  assert.deepEqual(out.map((o) => [o.msg.type, o.msg.messageId]), [[CoapType.RST, 3]]);
});

test('given our request, when the peer answers RST, then the exchange is cancelled with reset and retransmission stops', () => {
  const { ep, out } = endpoint();
  const results: CoapResult[] = [];
  ep.request(PEER, { method: Method.GET }, (r) => results.push(r));
  ep.receive(bytesOf({ type: CoapType.RST, code: 0, messageId: out[0].msg.messageId, token: new Uint8Array(0) }), PEER, 1);
  assert.deepEqual(results, [{ kind: 'reset' }]);
  assert.equal(ep.nextDeadline(), Infinity);
  // An RST from another peer with the same id would not have matched.
});

test('given NSTART=1, when three requests go to one peer and one to another, then one per peer is in flight and the rest wait in order', () => {
  const { ep, out } = endpoint();
  const done: string[] = [];
  const other = { address: '127.0.0.2', port: 5683 };
  for (const n of ['a', 'b', 'c']) ep.request(PEER, { method: Method.GET, uriPath: [n] }, () => done.push(n));
  ep.request(other, { method: Method.GET, uriPath: ['z'] }, () => done.push('z'));
  assert.deepEqual(out.map((o) => o.peer.address), ['127.0.0.1', '127.0.0.2']);
  for (let i = 0; i < 3; i++) {
    const last = out.filter((o) => o.peer.address === '127.0.0.1').pop()!.msg;
    ep.receive(bytesOf({ type: CoapType.ACK, code: Code.CONTENT, messageId: last.messageId, token: last.token }), PEER, i);
  }
  assert.deepEqual(done, ['a', 'b', 'c']);
  assert.equal(out.length, 4);
});

test('given coapExchanges requests pending, when one more is asked, then CoapLimitError', () => {
  const { ep } = endpoint({ limits: { coapExchanges: 3 } });
  for (let i = 0; i < 3; i++) ep.request(PEER, { method: Method.GET }, () => {});
  assert.throws(() => ep.request(PEER, { method: Method.GET }, () => {}), CoapLimitError);
  assert.equal(ep.pendingRequests, 3);
});

test('given a full dedup table, when more requests arrive, then the table stays bounded (oldest evicted)', () => {
  const { ep, out } = endpoint({ resource: echo, limits: { coapExchanges: 4 } });
  for (let i = 0; i < 10; i++) ep.receive(bytesOf({ code: Method.POST, messageId: i }), PEER, i);
  assert.equal(ep.stats.dedupEvictions, 6);
  ep.receive(bytesOf({ code: Method.POST, messageId: 9 }), PEER, 100); // newest still cached
  assert.equal(ep.stats.duplicates, 1);
  assert.equal(out.length, 11);
});

test('given a request whose options do not fit a datagram, when asked, then CoapEncodeError and nothing is pending', () => {
  const { ep } = endpoint({ limits: { datagramBytes: 64 } });
  assert.throws(() => ep.request(PEER, { method: Method.GET, uriPath: ['x'.repeat(100)] }, () => {}), /CoapEncodeError|buffer too small/);
  assert.equal(ep.pendingRequests, 0);
});

test('given a response with the wrong token on the ACK, then it is ignored', () => {
  const { ep, out } = endpoint();
  const results: CoapResult[] = [];
  ep.request(PEER, { method: Method.GET }, (r) => results.push(r));
  ep.receive(bytesOf({ type: CoapType.ACK, code: Code.CONTENT, messageId: out[0].msg.messageId, token: new Uint8Array([9, 9, 9, 9]) }), PEER, 1);
  assert.equal(results.length, 0);
  assert.ok(findOption(out[0].msg, Option.URI_PATH) === undefined);
});
