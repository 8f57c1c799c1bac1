import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Code, ContentFormat, Method, Option } from '../../src/coap/constants.ts';
import { uintOption, uintValue } from '../../src/coap/message.ts';
import { blockOption } from '../../src/coap/block.ts';
import { CoapEndpoint } from '../../src/coap/endpoint.ts';
import { UspCoapBinding, CoapUriError, type SendOutcome } from '../../src/mtp/coap.ts';
import { SimNet, seededBytes } from '../support/sim-net.ts';
import { host } from '../../boards/host/profile.ts';
import { endpoint, bytesOf, opt, PEER } from '../coap/fixture.ts';

const REPLY_TO = 'reply-to=coap://127.0.0.1:5683/ctrl';

function agent(verdict: 'ok' | 'bad-record' = 'ok', path = '/usp') {
  const c = endpoint();
  const records: { record: number[]; replyTo: string }[] = [];
  const binding = new UspCoapBinding(c.ep, { path }, (record, replyTo) => (records.push({ record: [...record], replyTo }), verdict));
  return { ...c, records, binding };
}

const post = (extra: object = {}) =>
  bytesOf({ code: Method.POST, options: [opt(Option.URI_PATH, 'usp'), uintOption(Option.CONTENT_FORMAT, 42), opt(Option.URI_QUERY, REPLY_TO)], payload: new Uint8Array([1, 2, 3]), ...extra });

test('given a POST with Content-Format 42 and reply-to, when received, then 2.04 piggybacked, empty, and the Record is handed over (R-COAP.7)', () => {
  const { ep, out, records } = agent();
  ep.receive(post(), PEER, 0);
  assert.equal(out[0].msg.type, 2);
  assert.equal(out[0].msg.code, Code.CHANGED);
  assert.equal(out[0].msg.payload.length, 0);
  assert.deepEqual(records, [{ record: [1, 2, 3], replyTo: 'coap://127.0.0.1:5683/ctrl' }]);
});

test('given wrong method, Content-Format, path, or reply-to, then 4.05 / 4.15 / 4.04 / 4.00 and nothing is handed over', () => {
  const { ep, out, records } = agent();
  const base = [opt(Option.URI_PATH, 'usp')];
  const cases: [object, number][] = [
    [{ code: Method.PUT }, Code.METHOD_NOT_ALLOWED], // R-COAP.11
    [{ code: Method.GET, options: base }, Code.METHOD_NOT_ALLOWED],
    [{ options: [...base, uintOption(Option.CONTENT_FORMAT, 0x113a), opt(Option.URI_QUERY, REPLY_TO)] }, Code.UNSUPPORTED_CONTENT_FORMAT], // R-COAP.12 (TP-469 5.6 value)
    [{ options: [...base, opt(Option.URI_QUERY, REPLY_TO)] }, Code.UNSUPPORTED_CONTENT_FORMAT], // no Content-Format
    [{ options: [opt(Option.URI_PATH, 'other'), uintOption(Option.CONTENT_FORMAT, 42), opt(Option.URI_QUERY, REPLY_TO)] }, Code.NOT_FOUND],
    [{ options: [...base, uintOption(Option.CONTENT_FORMAT, 42)] }, Code.BAD_REQUEST], // reply-to missing
    [{ options: [...base, uintOption(Option.CONTENT_FORMAT, 42), opt(Option.URI_QUERY, 'reply-to=coap://10.9.9.9:5683/ctrl')] }, Code.BAD_REQUEST], // reflection
    [{ options: [...base, uintOption(Option.CONTENT_FORMAT, 42), opt(Option.URI_QUERY, 'reply-to=coap://ctrl.example/ctrl')] }, Code.BAD_REQUEST], // host name
    [{ options: [...base, uintOption(Option.CONTENT_FORMAT, 42), opt(Option.URI_QUERY, 'reply-to=http://127.0.0.1/x')] }, Code.BAD_REQUEST],
    [{ options: [...base, uintOption(Option.CONTENT_FORMAT, 42), opt(Option.URI_QUERY, REPLY_TO), opt(Option.URI_QUERY, REPLY_TO)] }, Code.BAD_REQUEST],
    [{ payload: new Uint8Array(0) }, Code.BAD_REQUEST],
  ];
  cases.forEach(([extra, expected], i) => ep.receive(post({ messageId: 100 + i, ...extra }), PEER, i));
  assert.deepEqual(out.map((o) => o.msg.code), cases.map((c) => c[1]));
  assert.equal(records.length, 0);
});

test('given an undecodable Record, when the agent says bad-record, then 4.00 (R-COAP.13)', () => {
  const { ep, out, records } = agent('bad-record');
  ep.receive(post(), PEER, 0);
  assert.equal(out[0].msg.code, Code.BAD_REQUEST);
  assert.equal(records.length, 1);
});

test('given GET /.well-known/core, then the endpoint is listed with rt and if in link format; other methods get 4.05', () => {
  const { ep, out } = agent('ok', 'e/agent1');
  ep.receive(bytesOf({ code: Method.GET, messageId: 1, options: [opt(Option.URI_PATH, '.well-known'), opt(Option.URI_PATH, 'core')] }), PEER, 0);
  assert.equal(out[0].msg.code, Code.CONTENT);
  assert.equal(uintValue(out[0].msg, Option.CONTENT_FORMAT), ContentFormat.LINK_FORMAT);
  assert.equal(Buffer.from(out[0].msg.payload).toString(), '</e/agent1>;rt="bbf.usp.endpoint";if="bbf.usp.a";ct=42');
  ep.receive(bytesOf({ code: Method.POST, messageId: 2, options: [opt(Option.URI_PATH, '.well-known'), opt(Option.URI_PATH, 'core')] }), PEER, 0);
  assert.equal(out[1].msg.code, Code.METHOD_NOT_ALLOWED);
});

test('given a Block1 upload with a wrong Content-Format, then 4.15 on the first block and nothing buffered', () => {
  const { ep, out } = agent();
  ep.receive(bytesOf({ code: Method.POST, options: [opt(Option.URI_PATH, 'usp'), uintOption(Option.CONTENT_FORMAT, 0), opt(Option.URI_QUERY, REPLY_TO), blockOption(Option.BLOCK1, { num: 0, more: true, szx: 0 })], payload: new Uint8Array(16) }), PEER, 0);
  assert.equal(out[0].msg.code, Code.UNSUPPORTED_CONTENT_FORMAT);
  assert.equal(ep.reassemblies, 0);
});

test('given unusable URIs, when sending a Record, then CoapUriError before anything is sent', () => {
  const { binding, out } = agent();
  const noop = () => {};
  assert.throws(() => binding.sendRecord(new Uint8Array(1), 'coap://ctrl.example/usp', 'coap://127.0.0.1/a', noop), CoapUriError);
  assert.throws(() => binding.sendRecord(new Uint8Array(1), 'coaps://127.0.0.1/usp', 'coap://127.0.0.1/a', noop), CoapUriError);
  assert.throws(() => binding.sendRecord(new Uint8Array(1), 'coap://127.0.0.1/usp', 'nope', noop), CoapUriError);
  assert.equal(out.length, 0);
});

function twoEnds(seed: number, faults = {}, agentVerdict: 'ok' | 'bad-record' = 'ok') {
  const net = new SimNet(seed, faults);
  const mk = (address: string, path: string, verdict: 'ok' | 'bad-record', got: Uint8Array[], repl: string[]) => {
    const ep = new CoapEndpoint({ send: net.sender(address, 5683), randomBytes: seededBytes(seed + address.length * 7 + path.length), limits: host.limits, transmission: host.coap });
    net.attach(address, 5683, ep);
    const b = new UspCoapBinding(ep, { path }, (r, replyTo) => (got.push(r.slice()), repl.push(replyTo), verdict));
    return b;
  };
  const agentGot: Uint8Array[] = [], ctrlGot: Uint8Array[] = [], agentReplyTo: string[] = [], ctrlReplyTo: string[] = [];
  const agentB = mk('127.0.0.1', '/usp', agentVerdict, agentGot, agentReplyTo);
  const ctrlB = mk('127.0.0.2', '/ctrl', 'ok', ctrlGot, ctrlReplyTo);
  return { net, agentB, ctrlB, agentGot, ctrlGot, agentReplyTo };
}

test('given a Controller and an Agent binding, when a 5 KB Record goes each way under 10% loss, then both arrive whole and both senders hear success', () => {
  const w = twoEnds(11, { drop: 0.1 });
  const req = seededBytes(1)(5 * 1024);
  const outcomes: SendOutcome[] = [];
  w.ctrlB.sendRecord(req, 'coap://127.0.0.1:5683/usp', 'coap://127.0.0.2:5683/ctrl', (o) => outcomes.push(o));
  assert.ok(w.net.run(() => w.agentGot.length === 1, 600000));
  // The Agent answers with a new POST to the reply-to it was given.
  w.agentB.sendRecord(req.subarray(0, 2000), w.agentReplyTo[0], 'coap://127.0.0.1:5683/usp', (o) => outcomes.push(o));
  assert.ok(w.net.run(() => outcomes.length === 2, 600000));
  assert.deepEqual(outcomes, [{ ok: true, code: Code.CHANGED }, { ok: true, code: Code.CHANGED }]);
  assert.deepEqual([...w.agentGot[0]], [...req]);
  assert.deepEqual([...w.ctrlGot[0]], [...req.subarray(0, 2000)]);
});

test('given the peer refuses the Record, then the sender hears coap-error 4.00 (R-COAP.10); given silence, timeout (R-COAP.9)', () => {
  const w = twoEnds(12, {}, 'bad-record');
  const outcomes: SendOutcome[] = [];
  w.ctrlB.sendRecord(new Uint8Array([1]), 'coap://127.0.0.1:5683/usp', 'coap://127.0.0.2:5683/ctrl', (o) => outcomes.push(o));
  w.ctrlB.sendRecord(new Uint8Array([1]), 'coap://127.0.0.1:5683/nope', 'coap://127.0.0.2:5683/ctrl', (o) => outcomes.push(o));
  w.ctrlB.sendRecord(new Uint8Array([1]), 'coap://127.0.0.9:5683/usp', 'coap://127.0.0.2:5683/ctrl', (o) => outcomes.push(o));
  assert.ok(w.net.run(() => outcomes.length === 3, 600000));
  assert.deepEqual(outcomes.slice(0, 2), [{ ok: false, reason: 'coap-error', code: Code.BAD_REQUEST }, { ok: false, reason: 'coap-error', code: Code.NOT_FOUND }]);
  assert.deepEqual(outcomes[2], { ok: false, reason: 'timeout' });
});
