// The admission of a Record on an established DTLS session (src/usp/controllers.ts admit():
// Check-cert and Determine-role, digest §9.3) is remembered per session and forgotten on every
// change it depends on: a Set to the Controller's row (AssignedRole, Credential, Enable), to
// ControllerTrust (a Credential binding, its Role or Enable, BannedRole) or to Certificate.{i}
// (X_TINYUSP_Revoked) takes effect on the very next Record of the same session (R-SEC.8,
// R-SEC.25). The whole agent on real UDP loopback with the mbedTLS module; the Controller is our
// HAL DTLS client and server (one session each way, kept open throughout).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Msg, Request } from '../../src/codec/index.ts';
import { decodeMsg, decodeRecord } from '../../src/codec/index.ts';
import { decodeMessage, encodeMessage } from '../../src/coap/message.ts';
import { CoapType, Code, ContentFormat, Method, Option } from '../../src/coap/constants.ts';
import { missingCommand, needs } from '../support/tools.ts';
import { encodeMsgBytes, encodeRecordBytes, recordOf, requestMsg } from '../support/usp-harness.ts';
import { certCredentials, hostDtls, makePki, type Pki } from './support.ts';
import { agentCredentials, agentDefaults, startSecureAgent, type SecureAgent, setAll } from './agent-support.ts';
import { side } from './lean-controller.ts';
import { linkSessions } from '../../src/dtls/link-view.ts';
import { CertificateTrust } from '../../src/usp/trust.ts';

const missing = missingCommand('openssl');
const reason = missing && `${missing} not found (apt-get install openssl)`;
const T = 'Device.LocalAgent.ControllerTrust.';
const C1 = 'Device.LocalAgent.Controller.1.';
const te = new TextEncoder();
let pki: Pki;
before(async () => {
  if (!reason) pki = await makePki();
});
after(() => pki?.remove());

/** Controller proto::controller-1 (certificate controller.pem) with one session to the agent and one from it. */
async function leanController(agent: SecureAgent, idPrefix = 'adm-') {
  const dtls = hostDtls();
  const cctx = dtls.context({ role: 'client', ...certCredentials(pki, 'controller') });
  const sctx = dtls.context({ role: 'server', ...certCredentials(pki, 'controller') });
  const out = await side(cctx, agent.port);
  const inbound = await side(sctx);
  const replies = new Map<string, Msg>();
  let arrived = () => {};
  // The agent POSTs each answer to our reply-to: ACK it and keep it by msg_id.
  inbound.onMessage = (bytes, port) => {
    const d = decodeMessage(bytes);
    if (!d.ok || d.message.type !== CoapType.CON || d.message.code !== Method.POST) return;
    const ack = new Uint8Array(32);
    inbound.send(ack.subarray(0, encodeMessage({ type: CoapType.ACK, code: Code.CHANGED, messageId: d.message.messageId, token: d.message.token, options: [], payload: new Uint8Array(0) }, ack)), port);
    const rec = decodeRecord(d.message.payload);
    if (rec.recordType.case !== 'noSessionContext') return;
    const msg = decodeMsg(rec.recordType.value.payload);
    replies.set(msg.header!.msgId, msg);
    arrived();
  };
  let seq = 0;
  /** Sends one request Record over the open session; resolves with its answer, or undefined if none came within `waitMs`. */
  async function ask(req: Request['reqType'], waitMs = 5000): Promise<NonNullable<Msg['body']>['msgBody'] | undefined> {
    const id = idPrefix + ++seq; // msg_ids are unique per sender (Endpoint ID), not per session
    const record = encodeRecordBytes(recordOf(encodeMsgBytes(requestMsg(req, id))));
    const buf = new Uint8Array(record.length + 128);
    const n = encodeMessage({
      type: CoapType.CON, code: Method.POST, messageId: seq, token: new Uint8Array([seq]),
      options: [
        { number: Option.URI_PATH, value: te.encode('usp') },
        { number: Option.CONTENT_FORMAT, value: new Uint8Array([ContentFormat.OCTET_STREAM]) },
        { number: Option.URI_QUERY, value: te.encode(`reply-to=coaps://127.0.0.1:${inbound.socket.port}/usp`) },
      ],
      payload: record,
    }, buf);
    out.send(buf.subarray(0, n), agent.port);
    const end = Date.now() + waitMs;
    while (!replies.has(id) && Date.now() < end) await new Promise<void>((r) => ((arrived = r), setTimeout(r, 20)));
    return replies.get(id)?.body?.msgBody;
  }
  return {
    ask,
    close() {
      out.close();
      inbound.close();
      cctx.dispose();
      sctx.dispose();
    },
  };
}

const getSerial: Request['reqType'] = { case: 'get', value: { paramPaths: ['Device.DeviceInfo.SerialNumber'], maxDepth: 0 } };
const setName = (value: string): Request['reqType'] => ({ case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'FriendlyName', value, required: true }] }] } });
const setOwn = (param: string, value: string): Request['reqType'] => ({ case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: C1, paramSettings: [{ param, value, required: true }] }] } });

test('a change to what admitted a session takes effect on its very next Record: AssignedRole, a ControllerTrust.Credential binding (Role, Enable), Controller.{i}.Credential, Enable, a revoked CA', { timeout: 60000 }, async (t) => {
  if (!needs(t, reason)) return;
  const agent = await startSecureAgent({ credentials: agentCredentials(pki, 'certificate'), defaults: agentDefaults(9), trace: false });
  const ctl = await leanController(agent);
  const e = agent.device.core.engine;
  /** A Set of FriendlyName to `value` on the next Record: true if it was applied, false if refused for lack of permission (7006). */
  const canSet = async (value: string) => {
    const r = await ctl.ask(setName(value));
    if (r?.case === 'response' && r.value.respType.case === 'setResp') return (assert.equal(e.get('Device.DeviceInfo.FriendlyName'), value), true);
    assert.equal(r?.case, 'error', JSON.stringify(r));
    assert.deepEqual(r.case === 'error' && r.value.paramErrs.map((p) => p.errCode), [7006]);
    assert.notEqual(e.get('Device.DeviceInfo.FriendlyName'), value);
    return false;
  };
  /** The next Record is not processed (no answer), and the agent says why. */
  const refused = async (why: RegExp) => {
    const from = agent.logs.length;
    assert.equal(await ctl.ask(getSerial, 1000), undefined, 'no answer to a refused Record');
    assert.ok(agent.logs.slice(from).some((l) => /not processed/.test(l) && why.test(l)), agent.logs.slice(from).join('\n'));
  };
  try {
    // Admitted with AssignedRole FullAccess (Role.1): Get and Set.
    assert.equal((await ctl.ask(getSerial))?.case, 'response');
    assert.equal(await canSet('one'), true);
    // The Controller takes its own write permission away (a Set over this session): the next Record has ReadOnly.
    const own = await ctl.ask(setOwn('AssignedRole', T + 'Role.3'));
    assert.equal(own?.case === 'response' && own.value.respType.case, 'setResp');
    assert.equal(await canSet('two'), false);
    assert.equal((await ctl.ask(getSerial))?.case, 'response', 'ReadOnly still reads');

    // No AssignedRole; its CA bound to FullAccess (R-SEC.25): the next Record inherits it...
    setAll(e, { [C1 + 'AssignedRole']: '' });
    assert.equal(await canSet('three'), false, 'no role at all');
    const txn = e.begin();
    const cred = txn.add(T + 'Credential.', [
      { param: 'Enable', value: 'true', required: true },
      { param: 'Credential', value: 'Device.LocalAgent.Certificate.1', required: true }, // ca.pem, a trust anchor
      { param: 'Role', value: T + 'Role.1', required: true },
    ]).path;
    txn.commit();
    assert.equal(await canSet('four'), true);
    assert.equal(e.get(C1 + 'InheritedRole'), T + 'Role.1');
    // ...the binding's Role changed: the next Record has the new one...
    setAll(e, { [cred + 'Role']: T + 'Role.3' });
    assert.equal(await canSet('five'), false);
    assert.equal(e.get(C1 + 'InheritedRole'), T + 'Role.3');
    setAll(e, { [cred + 'Role']: T + 'Role.1' });
    assert.equal(await canSet('six'), true);
    // ...the binding disabled: none.
    setAll(e, { [cred + 'Enable']: 'false' });
    assert.equal(await canSet('seven'), false);
    assert.equal(e.get(C1 + 'InheritedRole'), '');
    setAll(e, { [cred + 'Enable']: 'true' });
    assert.equal(await canSet('eight'), true);

    // Controller.1.Credential names another certificate than this session's (R-SEC.8): refused; cleared, admitted.
    setAll(e, { [C1 + 'Credential']: 'Device.LocalAgent.Certificate.1' });
    await refused(/R-SEC\.8/);
    setAll(e, { [C1 + 'Credential']: '' });
    assert.equal(await canSet('nine'), true);
    // Controller.1 disabled: refused; enabled: admitted.
    setAll(e, { [C1 + 'Enable']: 'false' });
    await refused(/controller disabled/);
    setAll(e, { [C1 + 'Enable']: 'true' });
    assert.equal(await canSet('ten'), true);

    // Its CA revoked (a change under Certificate.{i} only): BannedRole (Untrusted: reads DeviceInfo) on the next Record.
    setAll(e, { [T + 'BannedRole']: T + 'Role.2' });
    assert.equal(await canSet('eleven'), true, 'BannedRole alone changes nothing for a Controller that is not banned');
    setAll(e, { 'Device.LocalAgent.Certificate.1.X_TINYUSP_Revoked': 'true' });
    assert.equal(await canSet('twelve'), false);
    assert.equal(e.get(C1 + 'InheritedRole'), T + 'Role.2');
    setAll(e, { 'Device.LocalAgent.Certificate.1.X_TINYUSP_Revoked': 'false' });
    assert.equal(await canSet('thirteen'), true);

    // All of it over the same two sessions: no handshake beyond the first one each way.
    assert.equal(agent.device.dtls!.stats.sessions, 2);
    assert.deepEqual(linkSessions(agent.device.dtls!), { server: 1, client: 1 });
  } finally {
    ctl.close();
    agent.stop();
  }
});

test('two sessions with the same certificate (a Controller\'s nodes sharing its Endpoint ID) share one admission, and a change reaches both on their next Records', { timeout: 60000 }, async (t) => {
  if (!needs(t, reason)) return;
  const agent = await startSecureAgent({ credentials: agentCredentials(pki, 'certificate'), defaults: agentDefaults(9), trace: false });
  // Count Check-cert runs (src/usp/trust.ts): a remembered admission skips it.
  const check = CertificateTrust.prototype.check;
  let checks = 0;
  CertificateTrust.prototype.check = function (...a: Parameters<typeof check>) {
    checks++;
    return check.apply(this, a);
  };
  const a = await leanController(agent);
  const b = await leanController(agent, 'adm-b-');
  const e = agent.device.core.engine;
  const serialOf = (r: Awaited<ReturnType<typeof a.ask>>) => r?.case === 'response' && r.value.respType.case === 'getResp' ? r.value.respType.value.reqPathResults[0].resolvedPathResults[0].resultParams.get('SerialNumber') : undefined;
  try {
    // Every handshake runs Check-cert too (src/dtls/link.ts, both roles), and the first round opens
    // the agent's client sessions to both reply-to addresses; from then on no Record is judged again.
    let settled = 0;
    for (let i = 0; i < 4; i++) {
      if (i === 1) settled = checks;
      assert.equal(serialOf(await a.ask(getSerial)), e.get('Device.DeviceInfo.SerialNumber'));
      assert.equal(serialOf(await b.ask(getSerial)), e.get('Device.DeviceInfo.SerialNumber'));
    }
    assert.equal(checks, settled, 'the second session\'s same chain is not judged again');
    // ReadOnly (Role.3) for the Controller: both sessions' next Set is refused (7006), a Get still answered.
    setAll(e, { [C1 + 'AssignedRole']: T + 'Role.3' });
    for (const ctl of [a, b]) {
      const r = await ctl.ask(setName('shared'));
      assert.deepEqual(r?.case === 'error' && r.value.paramErrs.map((p) => p.errCode), [7006]);
      assert.equal((await ctl.ask(getSerial))?.case, 'response');
    }
    assert.equal(checks, settled + 1, 'judged once again after the change, for both sessions');
    assert.deepEqual(linkSessions(agent.device.dtls!), { server: 2, client: 2 });
  } finally {
    CertificateTrust.prototype.check = check;
    a.close();
    b.close();
    agent.stop();
  }
});
