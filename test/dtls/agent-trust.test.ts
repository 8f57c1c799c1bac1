// Certificate-derived roles, Controller.{i}.Credential and TOFU (USP digest §9.3, §9.4; R-SEC.6-8,
// R-SEC.25), end to end: the whole agent on real sockets with the mbedTLS module, Controllers
// played by coap-client-openssl (requests) and coap-server-openssl (the Controller's reply-to,
// reached over the agent's own client session), certificates made by the openssl CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { needs, missingCommand } from '../support/tools.ts';
import { encodeMsgBytes, encodeRecordBytes, recordOf, requestMsg } from '../support/usp-harness.ts';
import type { Engine } from '../../src/dm/api.ts';
import { makePki, type Pki } from './support.ts';
import { AGENT_ID, agentDefaults, fetchRecord, getRecordFile, libcoapServer, postRecord, startSecureAgent, type SecureAgent, setAll } from './agent-support.ts';

const missing = missingCommand('coap-client-openssl', 'coap-server-openssl', 'openssl');
const reason = missing && `${missing} not found (apt-get install libcoap3-bin openssl)`;
const T = 'Device.LocalAgent.ControllerTrust.';
let pki: Pki;
before(async () => {
  if (!reason) pki = await makePki();
});
after(() => pki?.remove());

/** Both CAs are trust anchors: Certificate.1 is ca.pem, Certificate.2 other-ca.pem. */
const credentials = () => ({ certificate: pki.read('agent.pem'), privateKey: pki.read('agent.key'), trustAnchors: [pki.read('ca.pem'), pki.read('other-ca.pem')] });

/** coap-client/-server arguments for a Controller with certificate `who` (verifying the agent by ca.pem). */
const ISSUER: { [who: string]: string } = { stranger: 'other-ca.pem', tofu: 'tofu.pem' };
const auth = (who: string) => ['-c', pki.path(who + '.pem'), '-j', pki.path(who + '.key'), '-R', pki.path('ca.pem')];

function sha256(pem: string): string {
  return createHash('sha256').update(new X509Certificate(pki.read(pem)).raw).digest('hex');
}

function addRow(engine: Engine, table: string, values: { [name: string]: string }): string {
  const txn = engine.begin();
  const path = txn.add(table, Object.entries(values).map(([param, value]) => ({ param, value, required: true }))).path;
  txn.commit();
  return path;
}

function setRecordFile(from: string, name: string, value: string): string {
  const msg = requestMsg({ case: 'set', value: { allowPartial: false, updateObjs: [{ objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'FriendlyName', value, required: true }] }] } }, name);
  const file = join(pki.dir, name + '.usp');
  writeFileSync(file, encodeRecordBytes(recordOf(encodeMsgBytes(msg), from, AGENT_ID)));
  return file;
}

/** One request from Controller `who` (Endpoint ID `from`) and the answer its reply-to server got. */
async function ask(agent: SecureAgent, who: string, file: string, tag: string) {
  const srv = await libcoapServer('openssl', auth(who));
  try {
    const r = await postRecord('openssl', auth(who), agent.port, file, `coaps://127.0.0.1:${srv.port}/usp/${tag}`);
    assert.equal(r.code, 0, r.stderr.slice(-400));
    try {
      // Read back as the agent, trusting whatever signed the Controller's server certificate.
      const reader = ['-c', pki.path('agent.pem'), '-j', pki.path('agent.key'), '-R', pki.path(ISSUER[who] ?? 'ca.pem')];
      return (await fetchRecord('openssl', reader, srv.port, `usp/${tag}`, pki.dir)).msg.body?.msgBody;
    } catch (err) {
      throw new Error(`${(err as Error).message}\nagent log:\n${agent.logs.slice(-12).join('\n')}`);
    }
  } finally {
    srv.stop();
  }
}

function controllerRow(engine: Engine, id: string): string | undefined {
  return engine.instances('Device.LocalAgent.Controller.', true).find((r) => engine.get(r.path + 'EndpointID') === id)?.path;
}

test('Certificate.{i} shows the trust anchors; a Controller inherits the Role its CA is bound to (ControllerTrust.Credential): Full Access can Set, read-only cannot', { timeout: 60000 }, async (t) => {
  if (!needs(t, reason)) return;
  const agent = await startSecureAgent({ credentials: credentials(), defaults: agentDefaults(9) });
  try {
    const e = agent.device.core.engine;
    // Serial numbers and issuers as openssl reads them; the fingerprint is SHA-256 of the DER.
    for (const [row, pem, issuer] of [['1', 'ca.pem', 'CN=tinyusp test CA'], ['2', 'other-ca.pem', 'CN=unrelated CA']]) {
      const x = new X509Certificate(pki.read(pem));
      assert.equal(e.get(`Device.LocalAgent.Certificate.${row}.Issuer`), issuer);
      assert.match(e.get(`Device.LocalAgent.Certificate.${row}.SerialNumber`), /^[0-9A-F]{2}(:[0-9A-F]{2})*$/);
      assert.equal(BigInt('0x' + e.get(`Device.LocalAgent.Certificate.${row}.SerialNumber`).replace(/:/g, '')), BigInt('0x' + x.serialNumber));
      assert.equal(e.get(`Device.LocalAgent.Certificate.${row}.X_TINYUSP_SHA256`), sha256(pem));
    }
    addRow(e, T + 'Credential.', { Enable: 'true', Credential: 'Device.LocalAgent.Certificate.1', Role: T + 'Role.1' }); // FullAccess
    addRow(e, T + 'Credential.', { Enable: 'true', Credential: 'Device.LocalAgent.Certificate.2', Role: T + 'Role.3' }); // ReadOnly

    // proto::admin (signed by ca): no Controller row, so no AssignedRole: the CA's role decides.
    const ok = await ask(agent, 'admin', setRecordFile('proto::admin', 'admin-set', 'set by admin'), 'a1');
    assert.equal(ok?.case, 'response');
    assert.equal(ok.value.respType.case, 'setResp');
    assert.equal(e.get('Device.DeviceInfo.FriendlyName'), 'set by admin');
    const admin = controllerRow(e, 'proto::admin')!;
    assert.equal(e.get(admin + 'InheritedRole'), T + 'Role.1');
    assert.equal(e.get(admin + 'AssignedRole'), '');

    // proto::stranger (signed by other-ca, bound to ReadOnly): Get answers, Set is refused.
    const read = await ask(agent, 'stranger', getRecordFile(pki.dir, 'stranger-get', ['Device.DeviceInfo.SerialNumber'], 'proto::stranger'), 's1');
    assert.equal(read?.case, 'response');
    assert.equal(read.value.respType.case, 'getResp');
    const denied = await ask(agent, 'stranger', setRecordFile('proto::stranger', 'stranger-set', 'set by stranger'), 's2');
    assert.equal(denied?.case, 'error');
    assert.deepEqual(denied.value.paramErrs.map((p) => p.errCode), [7006], 'permission denied (ReadOnly)');
    assert.equal(e.get('Device.DeviceInfo.FriendlyName'), 'set by admin');
    assert.equal(e.get(controllerRow(e, 'proto::stranger')! + 'InheritedRole'), T + 'Role.3');

    // The binding gone (Enable false): admin has no role left; its Set fails, nothing changes.
    setAll(e, { [T + 'Credential.1.Enable']: 'false' });
    const after = await ask(agent, 'admin', setRecordFile('proto::admin', 'admin-set2', 'again'), 'a2');
    assert.equal(after?.case, 'error');
    assert.equal(e.get('Device.DeviceInfo.FriendlyName'), 'set by admin');
    assert.equal(e.get(admin + 'InheritedRole'), '');
  } finally {
    agent.stop();
  }
});

test('Controller.{i}.Credential: a Controller must present the certificate its row names; cleared, its CA certificate is accepted again', { timeout: 60000 }, async (t) => {
  if (!needs(t, reason)) return;
  const agent = await startSecureAgent({ credentials: credentials(), defaults: agentDefaults(9) });
  try {
    const e = agent.device.core.engine;
    const get = () => getRecordFile(pki.dir, 'c1-get-' + Math.random().toString(36).slice(2), ['Device.DeviceInfo.SerialNumber']);
    // Controller.1 (proto::controller-1) bound to the CA's own certificate: its leaf is not that one.
    setAll(e, { 'Device.LocalAgent.Controller.1.Credential': 'Device.LocalAgent.Certificate.1' });
    const srv = await libcoapServer('openssl', auth('controller'));
    try {
      await postRecord('openssl', auth('controller'), agent.port, get(), `coaps://127.0.0.1:${srv.port}/usp/x`, ['-B', '3'], 8000);
      await agent.waitLog(/refused: its certificate is not Device\.LocalAgent\.Certificate\.1, the one Device\.LocalAgent\.Controller\.1\.Credential names/);
      assert.deepEqual(agent.logs.filter((l) => /usp: /.test(l)), [], 'no Record handled');
    } finally {
      srv.stop();
    }
    setAll(e, { 'Device.LocalAgent.Controller.1.Credential': '' });
    const ok = await ask(agent, 'controller', get(), 'c1');
    assert.equal(ok?.case, 'response');
    assert.equal(ok.value.respType.case, 'getResp');
  } finally {
    agent.stop();
  }
});

test('TOFU: refused while TOFUAllowed is false; allowed, a self-signed Controller gets UntrustedRole and its certificate is stored and bound; another certificate for its Endpoint ID is refused; the binding survives a restart', { timeout: 90000 }, async (t) => {
  if (!needs(t, reason)) return;
  const store = new Map<string, Uint8Array>();
  let agent = await startSecureAgent({ credentials: credentials(), defaults: agentDefaults(9), store });
  try {
    let e = agent.device.core.engine;
    const get = (who: string) => getRecordFile(pki.dir, `${who}-get-${Math.random().toString(36).slice(2)}`, ['Device.DeviceInfo.SerialNumber'], 'proto::tofu');
    // TOFUAllowed false (the default): the handshake fails on the chain.
    await postRecord('openssl', auth('tofu'), agent.port, get('tofu'), 'coaps://127.0.0.1:9/usp', ['-B', '3'], 8000);
    await agent.waitLog(/failed: .*not trusted/);
    assert.equal(controllerRow(e, 'proto::tofu'), undefined);

    setAll(e, { [T + 'TOFUAllowed']: 'true' });
    const first = await ask(agent, 'tofu', get('tofu'), 't1');
    assert.equal(first?.case, 'response');
    assert.equal(first.value.respType.case, 'getResp', 'UntrustedRole may read DeviceInfo');
    const row = controllerRow(e, 'proto::tofu')!;
    assert.ok(row, 'a Controller row was made');
    assert.equal(e.get(row + 'AssignedRole'), T + 'Role.2', 'UntrustedRole, stored (R-SEC.6)');
    const cert = e.get(row + 'Credential');
    assert.equal(cert, 'Device.LocalAgent.Certificate.3');
    assert.equal(e.get(cert + '.X_TINYUSP_SHA256'), sha256('tofu.pem'));
    assert.equal(e.get(cert + '.Issuer'), 'CN=tofu');
    const denied = await ask(agent, 'tofu', setRecordFile('proto::tofu', 'tofu-set', 'set by tofu'), 't2');
    assert.equal(denied?.case, 'error', 'UntrustedRole may not Set');
    assert.deepEqual(denied.value.paramErrs.map((p) => p.errCode), [7006]);

    // Another self-signed certificate naming proto::tofu: refused at the handshake (R-SEC.8).
    await postRecord('openssl', auth('tofu2'), agent.port, get('tofu2'), 'coaps://127.0.0.1:9/usp', ['-B', '3'], 8000);
    await agent.waitLog(/refused: its certificate is not Device\.LocalAgent\.Certificate\.3/);

    // Restart over the same storage with TOFU off: the stored binding still admits proto::tofu.
    setAll(e, { [T + 'TOFUAllowed']: 'false' });
    agent.stop();
    agent = await startSecureAgent({ credentials: credentials(), defaults: agentDefaults(9), store });
    e = agent.device.core.engine;
    assert.equal(e.get(row + 'Credential'), cert);
    const again = await ask(agent, 'tofu', get('tofu'), 't3');
    assert.equal(again?.case, 'response');
    assert.equal(again.value.respType.case, 'getResp');
    await postRecord('openssl', auth('tofu2'), agent.port, get('tofu2'), 'coaps://127.0.0.1:9/usp', ['-B', '3'], 8000);
    await agent.waitLog(/refused: its certificate is not Device\.LocalAgent\.Certificate\.3/);
  } finally {
    agent.stop();
  }
});
