// The agent over DTLS beyond one small request: a Record uploaded in Block1 blocks through the
// DTLS session (RFC 7959 inside RFC 6347), node-dtls-client (npm) as one more PSK client, and
// 20% loss on both of the agent's links with OpenSSL peers: every handshake completes and every
// request is handled, and answered, exactly once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dtls } from 'node-dtls-client';
import { readFileSync } from 'node:fs';
import { CoapType, Code, ContentFormat, Method, Option } from '../../src/coap/constants.ts';
import { decodeMessage, encodeMessage } from '../../src/coap/message.ts';
import { needs, missingCommand } from '../support/tools.ts';
import { lossyProxy, makePki, type Pki } from './support.ts';
import {
  agentCredentials, agentDefaults, clientAuth, fetchRecord, getRecordFile, libcoapServer, postRecord, startSecureAgent, PSK_ID, PSK_KEY,
} from './agent-support.ts';

const missing = missingCommand('coap-client-openssl', 'coap-server-openssl', 'openssl');
const reason = missing && `${missing} not found (apt-get install libcoap3-bin openssl)`;
const te = new TextEncoder();
let pki: Pki;
before(async () => {
  if (!reason) pki = await makePki();
});
after(() => pki?.remove());

const PATHS = Array.from({ length: 12 }, (_, i) => ['Device.DeviceInfo.SerialNumber', 'Device.DeviceInfo.Manufacturer', 'Device.DeviceInfo.ModelName', 'Device.LocalAgent.EndpointID'][i % 4]);

for (const backend of ['openssl', 'gnutls']) {
  test(`Block1: a Get Record in 64-byte blocks from coap-client-${backend} through DTLS is reassembled and answered once`, { timeout: 40000 }, async (t) => {
    if (!needs(t, reason || missingCommand('coap-client-' + backend))) return;
    const srv = await libcoapServer('openssl', clientAuth(pki, 'certificate'));
    const agent = await startSecureAgent({ credentials: agentCredentials(pki, 'certificate'), defaults: agentDefaults(srv.port) });
    try {
      const file = getRecordFile(pki.dir, 'block1-' + backend, PATHS);
      assert.ok(readFileSync(file).length > 4 * 64, 'the Record spans several blocks');
      const r = await postRecord(backend, clientAuth(pki, 'certificate'), agent.port, file, `coaps://127.0.0.1:${srv.port}/usp/b1`, ['-b', '64']);
      assert.equal(r.code, 0, r.stderr);
      const got = await fetchRecord('openssl', clientAuth(pki, 'certificate', 'agent'), srv.port, 'usp/b1', pki.dir);
      const resp = got.msg.body?.msgBody.case === 'response' ? got.msg.body.msgBody.value.respType : undefined;
      assert.equal(resp?.case, 'getResp');
      assert.equal(resp.value.reqPathResults.length, PATHS.length);
      assert.equal(agent.logs.filter((l) => /usp: proto::controller-1 .*block1-/.test(l)).length, 1, 'handled once');
    } finally {
      agent.stop();
      srv.stop();
    }
  });
}

test('node-dtls-client (PSK) POSTs a Get Record; the GetResp reaches the Controller over our PSK client session', { timeout: 40000 }, async (t) => {
  if (!needs(t, reason)) return;
  const srv = await libcoapServer('openssl', ['-k', PSK_KEY]);
  const agent = await startSecureAgent({ credentials: agentCredentials(pki, 'PSK'), defaults: agentDefaults(srv.port) });
  try {
    const record = readFileSync(getRecordFile(pki.dir, 'node-dtls', ['Device.DeviceInfo.SerialNumber']));
    const code = await new Promise<number | string>((resolve) => {
      const socket = dtls.createSocket({
        type: 'udp4', address: '127.0.0.1', port: agent.port, psk: { [PSK_ID]: PSK_KEY }, timeout: 3000, ciphers: ['TLS_PSK_WITH_AES_128_CCM_8'],
      });
      const guard = setTimeout(() => finish('no answer within 10 s'), 10000);
      const finish = (r: number | string) => {
        clearTimeout(guard);
        try {
          socket.close();
        } catch {
          // closed by the error path already
        }
        resolve(r);
      };
      socket.on('connected', () => {
        const out = new Uint8Array(1024);
        const n = encodeMessage({
          type: CoapType.CON, code: Method.POST, messageId: 41, token: new Uint8Array([4, 1]),
          options: [
            { number: Option.URI_PATH, value: te.encode('usp') },
            { number: Option.CONTENT_FORMAT, value: new Uint8Array([ContentFormat.OCTET_STREAM]) },
            { number: Option.URI_QUERY, value: te.encode(`reply-to=coaps://127.0.0.1:${srv.port}/usp/nd`) },
          ],
          payload: record,
        }, out);
        socket.send(Buffer.from(out.subarray(0, n)));
      });
      socket.on('message', (m: Buffer) => {
        const d = decodeMessage(new Uint8Array(m));
        if (d.ok && d.message.type === CoapType.ACK) finish(d.message.code);
      });
      socket.on('error', (e: Error) => finish(String(e.message || e)));
    });
    assert.equal(code, Code.CHANGED, 'R-COAP.7: 2.04, the answer comes as a new POST');
    const got = await fetchRecord('openssl', ['-k', PSK_KEY, '-u', 'reader'], srv.port, 'usp/nd', pki.dir);
    assert.equal(got.msg.body?.msgBody.case, 'response');
    assert.equal(got.msg.header?.msgId, 'node-dtls');
  } finally {
    agent.stop();
    srv.stop();
  }
});

test('20% loss on both links (OpenSSL peers): every handshake completes and every request is answered exactly once', { timeout: 150000 }, async (t) => {
  if (!needs(t, reason)) return;
  const srv = await libcoapServer('openssl', ['-k', PSK_KEY]);
  const toController = await lossyProxy(srv.port, 0.2, 0x1234567);
  const agent = await startSecureAgent({ credentials: agentCredentials(pki, 'PSK'), defaults: agentDefaults(toController.port) });
  const toAgent = await lossyProxy(agent.port, 0.2, 0x7654321);
  try {
    const N = 4;
    for (let i = 1; i <= N; i++) {
      // A new coap-client each time: a new handshake through the lossy relay.
      const file = getRecordFile(pki.dir, 'loss-' + i, ['Device.DeviceInfo.SerialNumber']);
      const r = await postRecord('openssl', clientAuth(pki, 'PSK'), toAgent.port, file, `coaps://127.0.0.1:${toController.port}/usp/l${i}`, ['-B', '40'], 45000);
      assert.equal(r.code, 0, r.stderr);
      const got = await fetchRecord('openssl', clientAuth(pki, 'PSK'), srv.port, `usp/l${i}`, pki.dir, 40000);
      assert.equal(got.msg.header?.msgId, 'loss-' + i);
    }
    for (let i = 1; i <= N; i++) {
      assert.equal(agent.logs.filter((l) => new RegExp(`usp: .*: loss-${i} → getResp`).test(l)).length, 1, `loss-${i} handled once`);
    }
    assert.ok(toAgent.dropped > 0 && toController.dropped > 0, `datagrams were dropped (${toAgent.dropped}, ${toController.dropped})`);
    assert.equal(agent.device.dtls!.stats.failures, 0, agent.logs.join('\n'));
  } finally {
    agent.stop();
    toAgent.close();
    toController.close();
    srv.stop();
  }
});
