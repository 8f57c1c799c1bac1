import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Code, Method, Option } from '../../src/coap/constants.ts';
import { uintOption, uintValue, findOption } from '../../src/coap/message.ts';
import { blockOption, decodeBlock } from '../../src/coap/block.ts';
import { CoapEndpoint } from '../../src/coap/endpoint.ts';
import type { CoapRequest, CoapResult } from '../../src/coap/types.ts';
import { SimNet, seededBytes } from '../support/sim-net.ts';
import { host } from '../../boards/host/profile.ts';
import { endpoint, bytesOf, collecting, PEER } from './fixture.ts';

const b1 = (num: number, more: boolean, szx: number) => blockOption(Option.BLOCK1, { num, more, szx });
const bodyOf = (n: number, seed = 3) => seededBytes(seed)(n);

test('given a Block1 upload in order, when the last block arrives, then 2.31 per block and the handler sees the whole body once', () => {
  const seen: Uint8Array[] = [];
  const { ep, out } = endpoint({ resource: { handle: (r) => (seen.push(r.payload.slice()), { code: Code.CHANGED }) } });
  const body = bodyOf(40);
  ep.receive(bytesOf({ code: Method.POST, messageId: 1, options: [b1(0, true, 0), uintOption(Option.SIZE1, 40)], payload: body.subarray(0, 16) }), PEER, 0);
  ep.receive(bytesOf({ code: Method.POST, messageId: 2, options: [b1(1, true, 0)], payload: body.subarray(16, 32) }), PEER, 1);
  ep.receive(bytesOf({ code: Method.POST, messageId: 3, options: [b1(2, false, 0)], payload: body.subarray(32) }), PEER, 2);
  assert.deepEqual(out.map((o) => o.msg.code), [Code.CONTINUE, Code.CONTINUE, Code.CHANGED]);
  assert.deepEqual(decodeBlock(findOption(out[2].msg, Option.BLOCK1)!.value), { num: 2, more: false, szx: 0 });
  assert.equal(seen.length, 1);
  assert.deepEqual([...seen[0]], [...body]);
  assert.equal(ep.reassemblies, 0);
});

test('given Size1 beyond reassemblyBytes, when the first block arrives, then 4.13 with Size1 = our maximum', () => {
  const { ep, out } = endpoint({ resource: { handle: () => ({ code: Code.CHANGED }) }, limits: { reassemblyBytes: 100 } });
  ep.receive(bytesOf({ code: Method.POST, options: [b1(0, true, 0), uintOption(Option.SIZE1, 101)], payload: bodyOf(16) }), PEER, 0);
  assert.equal(out[0].msg.code, Code.REQUEST_ENTITY_TOO_LARGE);
  assert.equal(uintValue(out[0].msg, Option.SIZE1), 100);
});

test('given an upload that grows past reassemblyBytes without Size1, then 4.13 and the buffer is freed', () => {
  const { ep, out } = endpoint({ resource: { handle: () => ({ code: Code.CHANGED }) }, limits: { reassemblyBytes: 40 } });
  for (let i = 0; i < 3; i++) ep.receive(bytesOf({ code: Method.POST, messageId: i, options: [b1(i, true, 0)], payload: bodyOf(16) }), PEER, i);
  assert.deepEqual(out.map((o) => o.msg.code), [Code.CONTINUE, Code.CONTINUE, Code.REQUEST_ENTITY_TOO_LARGE]);
  assert.equal(ep.reassemblies, 0);
});

test('given a missing first block or a gap, then 4.08 Request Entity Incomplete', () => {
  const { ep, out } = endpoint({ resource: { handle: () => ({ code: Code.CHANGED }) } });
  ep.receive(bytesOf({ code: Method.POST, messageId: 1, options: [b1(1, true, 0)], payload: bodyOf(16) }), PEER, 0);
  ep.receive(bytesOf({ code: Method.POST, messageId: 2, options: [b1(0, true, 0)], payload: bodyOf(16) }), PEER, 0);
  ep.receive(bytesOf({ code: Method.POST, messageId: 3, options: [b1(2, false, 0)], payload: bodyOf(3) }), PEER, 0);
  assert.deepEqual(out.map((o) => o.msg.code), [Code.REQUEST_ENTITY_INCOMPLETE, Code.CONTINUE, Code.REQUEST_ENTITY_INCOMPLETE]);
  assert.equal(ep.reassemblies, 0);
});

test('given a non-final block of the wrong length or SZX 7, then 4.00', () => {
  const { ep, out } = endpoint({ resource: { handle: () => ({ code: Code.CHANGED }) } });
  ep.receive(bytesOf({ code: Method.POST, messageId: 1, options: [b1(0, true, 0)], payload: bodyOf(15) }), PEER, 0);
  ep.receive(bytesOf({ code: Method.POST, messageId: 2, options: [uintOption(Option.BLOCK1, 0x0f)], payload: bodyOf(16) }), PEER, 0);
  assert.deepEqual(out.map((o) => o.msg.code), [Code.BAD_REQUEST, Code.BAD_REQUEST]);
});

test('given blocks bigger than ours, when the first arrives, then 2.31 asks for our SZX and the client continues at the byte offset', () => {
  const seen: Uint8Array[] = [];
  const { ep, out } = endpoint({ resource: { handle: (r) => (seen.push(r.payload.slice()), { code: Code.CHANGED }) }, limits: { coapBlockBytes: 256 } });
  const body = bodyOf(1024 + 300);
  ep.receive(bytesOf({ code: Method.POST, messageId: 1, options: [b1(0, true, 6)], payload: body.subarray(0, 1024) }), PEER, 0);
  assert.deepEqual(decodeBlock(findOption(out[0].msg, Option.BLOCK1)!.value), { num: 0, more: true, szx: 4 });
  ep.receive(bytesOf({ code: Method.POST, messageId: 2, options: [b1(4, true, 4)], payload: body.subarray(1024, 1280) }), PEER, 1);
  ep.receive(bytesOf({ code: Method.POST, messageId: 3, options: [b1(5, false, 4)], payload: body.subarray(1280) }), PEER, 2);
  assert.deepEqual(out.map((o) => o.msg.code), [Code.CONTINUE, Code.CONTINUE, Code.CHANGED]);
  assert.deepEqual([...seen[0]], [...body]);
});

test('given a check that refuses, when the first block arrives, then the refusal is answered and nothing is buffered', () => {
  const { ep, out } = endpoint({ resource: { check: () => ({ code: Code.UNSUPPORTED_CONTENT_FORMAT }), handle: () => ({ code: Code.CHANGED }) } });
  ep.receive(bytesOf({ code: Method.POST, options: [b1(0, true, 0)], payload: bodyOf(16) }), PEER, 0);
  assert.equal(out[0].msg.code, Code.UNSUPPORTED_CONTENT_FORMAT);
  assert.equal(ep.reassemblies, 0);
});

test('given more concurrent uploads than the bound, then the extra one gets 5.03 until a slot frees', () => {
  const { ep, out } = endpoint({ resource: { handle: () => ({ code: Code.CHANGED }) }, limits: { coapExchanges: 8 } }); // 1 reassembly
  ep.receive(bytesOf({ code: Method.POST, messageId: 1, options: [b1(0, true, 0)], payload: bodyOf(16) }), PEER, 0);
  const other = { address: '127.0.0.9', port: 1 };
  ep.receive(bytesOf({ code: Method.POST, messageId: 1, options: [b1(0, true, 0)], payload: bodyOf(16) }), other, 1);
  assert.deepEqual(out.map((o) => o.msg.code), [Code.CONTINUE, Code.SERVICE_UNAVAILABLE]);
  // The first upload goes idle beyond MAX_TRANSMIT_WAIT (93 s): its slot may be taken.
  ep.receive(bytesOf({ code: Method.POST, messageId: 2, options: [b1(0, true, 0)], payload: bodyOf(16) }), other, 94000);
  assert.equal(out[2].msg.code, Code.CONTINUE);
  assert.equal(ep.reassemblies, 1);
});

function pair(seed: number, serverLimits = {}, clientLimits = {}) {
  const net = new SimNet(seed);
  const mk = (addr: string, limits: object, resource?: { handle(r: CoapRequest): { code: number; payload?: Uint8Array } }) => {
    const ep = new CoapEndpoint({
      send: net.sender(addr, 5683),
      randomBytes: seededBytes(seed + addr.length),
      limits: { ...host.limits, ...limits },
      transmission: host.coap,
      resource,
    });
    net.attach(addr, 5683, ep);
    return ep;
  };
  return { net, mk };
}

test('given a big response, when our client GETs it streaming, then Block2 blocks are fetched in order and the body arrives whole', () => {
  const big = bodyOf(5000);
  let runs = 0;
  const { net, mk } = pair(7);
  mk('127.0.0.2', {}, { handle: () => (runs++, { code: Code.CONTENT, payload: big }) });
  const client = mk('127.0.0.1', { coapBlockBytes: 256 });
  let result: CoapResult | undefined;
  client.request({ address: '127.0.0.2', port: 5683 }, ...collecting({ method: Method.GET, uriPath: ['big'] }, (r) => (result = r)));
  assert.ok(net.run(() => result !== undefined, 60000));
  assert.equal(result!.kind, 'response');
  if (result!.kind === 'response') assert.deepEqual([...result!.payload], [...big]);
  assert.equal(runs, 1); // later blocks served from the body cache
});

test('given a Block2 response and no onBlock2, then the first block is the result and no later block is asked for (nothing reassembled)', () => {
  const big = bodyOf(5000);
  let runs = 0;
  const { net, mk } = pair(8);
  mk('127.0.0.2', {}, { handle: () => (runs++, { code: Code.CONTENT, payload: big }) });
  const client = mk('127.0.0.1', { reassemblyBytes: 2048 });
  let result: CoapResult | undefined;
  client.request({ address: '127.0.0.2', port: 5683 }, { method: Method.GET }, (r) => (result = r));
  assert.ok(net.run(() => result !== undefined, 60000));
  assert.equal(result!.kind === 'response' && result!.code, Code.CONTENT);
  if (result!.kind === 'response') {
    assert.deepEqual([...result!.payload], [...big.subarray(0, 1024)]);
    assert.deepEqual(decodeBlock(findOption(result!, Option.BLOCK2)!.value), { num: 0, more: true, szx: 6 });
  }
  assert.equal(client.stats.sent, 1, 'one request, no Block2 follow-up');
  assert.equal(runs, 1);
});

test('given a 5 KB POST, when our client sends it to a server with smaller blocks, then Block1 adapts and the body arrives whole', () => {
  const body = bodyOf(5 * 1024);
  const seen: Uint8Array[] = [];
  const { net, mk } = pair(9);
  mk('127.0.0.2', { coapBlockBytes: 128 }, { handle: (r) => (seen.push(r.payload.slice()), { code: Code.CHANGED }) });
  const client = mk('127.0.0.1', {});
  let result: CoapResult | undefined;
  client.request({ address: '127.0.0.2', port: 5683 }, { method: Method.POST, uriPath: ['usp'], contentFormat: 42, payload: body }, (r) => (result = r));
  assert.ok(net.run(() => result !== undefined, 60000));
  assert.equal(result!.kind === 'response' && result!.code, Code.CHANGED);
  assert.equal(seen.length, 1);
  assert.deepEqual([...seen[0]], [...body]);
});

test('given onBlock2, then a Block2 body beyond our reassemblyBytes streams block by block, in order, and nothing is reassembled', () => {
  const big = bodyOf(5000);
  const { net, mk } = pair(10);
  mk('127.0.0.2', {}, { handle: () => ({ code: Code.CONTENT, payload: big }) });
  const client = mk('127.0.0.1', { reassemblyBytes: 2048, coapBlockBytes: 512 });
  const got: number[] = [];
  const offsets: number[] = [];
  let largest = 0;
  let result: CoapResult | undefined;
  client.request({ address: '127.0.0.2', port: 5683 }, {
    method: Method.GET, uriPath: ['fw'], earlyBlock2: true,
    onBlock2: (payload, offset) => { offsets.push(offset); largest = Math.max(largest, payload.length); got.push(...payload); },
  }, (r) => (result = r));
  assert.ok(net.run(() => result !== undefined, 60000));
  assert.equal(result!.kind === 'response' && result!.code, Code.CONTENT);
  assert.equal(result!.kind === 'response' && result!.payload.length, 0, 'the body is not kept');
  assert.deepEqual(got, [...big]);
  assert.equal(largest, 512, 'one block at a time, at our block size');
  assert.deepEqual(offsets, offsets.map((_, i) => i * 512));
});

test('given onBlock2 that throws, then the request ends as failed with its message', () => {
  const { net, mk } = pair(11);
  mk('127.0.0.2', {}, { handle: () => ({ code: Code.CONTENT, payload: bodyOf(5000) }) });
  const client = mk('127.0.0.1', { coapBlockBytes: 512 });
  let result: CoapResult | undefined;
  let calls = 0;
  client.request({ address: '127.0.0.2', port: 5683 }, { method: Method.GET, onBlock2: () => { if (++calls === 3) throw new Error('slot full'); } }, (r) => (result = r));
  assert.ok(net.run(() => result !== undefined, 60000));
  assert.deepEqual(result, { kind: 'failed', reason: 'slot full' });
  assert.equal(calls, 3);
});
