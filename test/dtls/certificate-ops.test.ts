// The Certificate table's operations (USP digest §9.4; src/model/certificate.ts) on the whole
// agent with the mbedTLS module: LocalAgent.AddCertificate() parses the PEM in C, stores SHA-256,
// serial and issuer, persists before it answers, refuses what does not parse; GetFingerprint()
// (SHA-256 only, LocalAgent.SupportedFingerprintAlgorithms); Delete() refuses a trust anchor and
// a row still referenced. Over USP with coap-client-openssl: a Controller adds a self-signed
// Controller's certificate and pins it in a new Controller row, and that Controller is then
// served with TOFU off, with the Role it was given.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { needs, missingCommand } from '../support/tools.ts';
import { encodeMsgBytes, encodeRecordBytes, recordOf, requestMsg } from '../support/usp-harness.ts';
import type { Engine, Origin } from '../../src/dm/api.ts';
import type { Request } from '../../src/codec/index.ts';
import { makePki, type Pki } from './support.ts';
import { AGENT_ID, agentDefaults, fetchRecord, libcoapServer, postRecord, startSecureAgent, type SecureAgent } from './agent-support.ts';

const missing = missingCommand('coap-client-openssl', 'coap-server-openssl', 'openssl');
const reason = missing && `${missing} not found (apt-get install libcoap3-bin openssl)`;
const LA = 'Device.LocalAgent.';
const T = LA + 'ControllerTrust.';
const ADMIN: Origin = { endpointId: 'proto::controller-1', controllerPath: LA + 'Controller.1.' };
let pki: Pki;
before(async () => {
  if (!reason) pki = await makePki();
});
after(() => pki?.remove());

const credentials = () => ({ certificate: pki.read('agent.pem'), privateKey: pki.read('agent.key'), trustAnchors: [pki.read('ca.pem')] });
const pem = (name: string) => new TextDecoder().decode(pki.read(name));
const sha256 = (name: string) => createHash('sha256').update(new X509Certificate(pki.read(name)).raw).digest('hex');

function operate(e: Engine, path: string, input: { [n: string]: string } = {}): { [n: string]: string } {
  const r = e.operate(path.slice(0, path.lastIndexOf('.') + 1), path.slice(path.lastIndexOf('.') + 1), input, 'k', ADMIN);
  assert.equal(r.kind, 'sync');
  return r.kind === 'sync' ? r.output : {};
}

function fails(e: Engine, path: string, input: { [n: string]: string }, code: number, message: RegExp): void {
  assert.throws(() => operate(e, path, input), (err: Error & { code?: number }) => {
    assert.equal(err.code, code, err.message);
    assert.match(err.message, message);
    return true;
  });
}

const rows = (e: Engine) => e.instances(LA + 'Certificate.', true).map((r) => r.path);

test('AddCertificate() parses in C, stores and persists before it answers; refuses what is not one parsable certificate and changes nothing; GetFingerprint(SHA-256) is the SHA-256 of the DER', { timeout: 30000 }, async (t) => {
  if (!needs(t, reason)) return;
  const store = new Map<string, Uint8Array>();
  let agent = await startSecureAgent({ credentials: credentials(), defaults: agentDefaults(9), store });
  try {
    let e = agent.device.core.engine;
    assert.equal(e.get(LA + 'SupportedFingerprintAlgorithms'), 'SHA-256');
    assert.deepEqual(rows(e), [LA + 'Certificate.1.']);
    assert.equal(e.get(LA + 'Certificate.1.X_TINYUSP_TrustAnchor'), 'true');
    assert.deepEqual(operate(e, LA + 'Certificate.1.GetFingerprint()', { FingerprintAlgorithm: 'SHA-256' }), { Fingerprint: sha256('ca.pem') });
    fails(e, LA + 'Certificate.1.GetFingerprint()', { FingerprintAlgorithm: 'SHA-1' }, 7027, /SHA-1 is not supported/);

    const tofu = pem('tofu.pem');
    const broken = tofu.replace(/\n[A-Za-z0-9+/]{20}/, (m) => '\n' + 'A'.repeat(20) + m.slice(21));
    for (const [bad, why] of [
      ['not a certificate', /one PEM certificate/],
      [tofu + pem('tofu2.pem'), /one PEM certificate/],
      [broken, /not an X\.509 certificate mbedTLS can parse/],
      [tofu.replace('MII', 'MIJ'), /not an X\.509 certificate mbedTLS can parse/],
    ] as const) {
      fails(e, LA + 'AddCertificate()', { Certificate: bad }, 7027, why);
    }
    assert.deepEqual(rows(e), [LA + 'Certificate.1.'], 'nothing added');

    assert.deepEqual(operate(e, LA + 'AddCertificate()', { Alias: 'tofu-ctl', Certificate: tofu }), {});
    const row = LA + 'Certificate.2.';
    assert.equal(e.get(row + 'Alias'), 'tofu-ctl');
    assert.equal(e.get(row + 'Enable'), 'true');
    assert.equal(e.get(row + 'Issuer'), 'CN=tofu');
    assert.equal(BigInt('0x' + e.get(row + 'SerialNumber').replace(/:/g, '')), BigInt('0x' + new X509Certificate(pki.read('tofu.pem')).serialNumber));
    assert.equal(e.get(row + 'X_TINYUSP_TrustAnchor'), 'false');
    assert.deepEqual(operate(e, row + 'GetFingerprint()', { FingerprintAlgorithm: 'SHA-256' }), { Fingerprint: sha256('tofu.pem') });
    fails(e, LA + 'AddCertificate()', { Certificate: tofu }, 7022, /already Device\.LocalAgent\.Certificate\.2\./);
    fails(e, LA + 'AddCertificate()', { Alias: 'tofu-ctl', Certificate: pem('tofu2.pem') }, 7025, /Alias/);
    assert.equal(rows(e).length, 2);

    // Power cut right after the answer (storage writes are synchronous here): a new agent over the same storage has the row.
    agent.stop();
    agent = await startSecureAgent({ credentials: credentials(), defaults: agentDefaults(9), store });
    e = agent.device.core.engine;
    assert.equal(e.get(row + 'X_TINYUSP_SHA256'), sha256('tofu.pem'));
    assert.equal(e.get(row + 'Alias'), 'tofu-ctl');
  } finally {
    agent.stop();
  }
});

test('Certificate.{i}.Delete(): a trust anchor and a row a Controller.{i}.Credential or ControllerTrust.Credential names are refused; unreferenced, the row goes (persisted)', { timeout: 30000 }, async (t) => {
  if (!needs(t, reason)) return;
  const store = new Map<string, Uint8Array>();
  let agent = await startSecureAgent({ credentials: credentials(), defaults: agentDefaults(9), store });
  try {
    let e = agent.device.core.engine;
    fails(e, LA + 'Certificate.1.Delete()', {}, 7022, /trust anchor of the DTLS configuration/);
    operate(e, LA + 'AddCertificate()', { Certificate: pem('tofu.pem') });
    const row = LA + 'Certificate.2.';
    const txn = e.begin();
    txn.set(LA + 'Controller.2.Credential', row.slice(0, -1));
    const cred = txn.add(T + 'Credential.', [{ param: 'Credential', value: row.slice(0, -1), required: true }, { param: 'Role', value: T + 'Role.3', required: true }]).path;
    txn.commit();
    fails(e, row + 'Delete()', {}, 7022, new RegExp(`still referenced by Device\\.LocalAgent\\.Controller\\.2\\.Credential, ${cred.replace(/\./g, '\\.')}Credential`));
    assert.equal(e.get(LA + 'Controller.2.Credential'), row.slice(0, -1), 'the pin stays');
    const clear = e.begin();
    clear.set(LA + 'Controller.2.Credential', '');
    clear.delete(cred);
    clear.commit();
    assert.deepEqual(operate(e, row + 'Delete()'), {});
    assert.deepEqual(rows(e), [LA + 'Certificate.1.']);
    agent.stop();
    agent = await startSecureAgent({ credentials: credentials(), defaults: agentDefaults(9), store });
    e = agent.device.core.engine;
    assert.deepEqual(rows(e), [LA + 'Certificate.1.'], 'the deletion was persisted');
  } finally {
    agent.stop();
  }
});

/** One request from Controller `who` (its certificate `who`.pem); the body the agent POSTed back. */
async function ask(agent: SecureAgent, who: string, from: string, req: Request['reqType'], tag: string) {
  const auth = ['-c', pki.path(who + '.pem'), '-j', pki.path(who + '.key'), '-R', pki.path('ca.pem')];
  const file = join(pki.dir, tag + '.usp');
  writeFileSync(file, encodeRecordBytes(recordOf(encodeMsgBytes(requestMsg(req, tag)), from, AGENT_ID)));
  const srv = await libcoapServer('openssl', auth);
  try {
    const r = await postRecord('openssl', auth, agent.port, file, `coaps://127.0.0.1:${srv.port}/usp/${tag}`);
    assert.equal(r.code, 0, r.stderr.slice(-400));
    const reader = ['-c', pki.path('agent.pem'), '-j', pki.path('agent.key'), '-R', pki.path(who.startsWith('tofu') ? who + '.pem' : 'ca.pem')];
    return (await fetchRecord('openssl', reader, srv.port, `usp/${tag}`, pki.dir)).msg.body?.msgBody;
  } finally {
    srv.stop();
  }
}

test('over USP: a Controller adds a self-signed Controller\'s certificate (AddCertificate) and pins it in a new Controller row; with TOFU off that Controller is then served with the Role it was given', { timeout: 60000 }, async (t) => {
  if (!needs(t, reason)) return;
  const agent = await startSecureAgent({ credentials: credentials(), defaults: agentDefaults(9) });
  try {
    const e = agent.device.core.engine;
    assert.equal(e.get(T + 'TOFUAllowed'), 'false');
    const added = await ask(agent, 'controller', 'proto::controller-1', { case: 'operate', value: {
      command: LA + 'AddCertificate()', commandKey: 'add-1', sendResp: true, inputArgs: new Map([['Alias', 'tofu'], ['Certificate', pem('tofu.pem')]]),
    } }, 'op-add');
    assert.equal(added?.case, 'response');
    const res = (added.value.respType as { case: 'operateResp'; value: any }).value.operationResults[0];
    assert.equal(res.operationResp.case, 'reqOutputArgs', JSON.stringify(res.operationResp));
    const row = e.instances(LA + 'Certificate.', true).find((r) => e.get(r.path + 'Alias') === 'tofu')!.path;
    assert.equal(e.get(row + 'X_TINYUSP_SHA256'), sha256('tofu.pem'));

    const ctl = await ask(agent, 'controller', 'proto::controller-1', { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: LA + 'Controller.', paramSettings: [
      { param: 'Enable', value: 'true', required: true }, { param: 'EndpointID', value: 'proto::tofu', required: true },
      { param: 'Credential', value: row.slice(0, -1), required: true }, { param: 'AssignedRole', value: T + 'Role.3', required: true },
    ] }] } }, 'add-ctl');
    assert.equal(ctl?.case === 'response' && ctl.value.respType.case, 'addResp');

    const read = await ask(agent, 'tofu', 'proto::tofu', { case: 'get', value: { paramPaths: [LA + 'Certificate.'], maxDepth: 0 } }, 'tofu-get');
    assert.equal(read?.case === 'response' && read.value.respType.case, 'getResp', 'ReadOnly may Get');
    const denied = await ask(agent, 'tofu', 'proto::tofu', { case: 'set', value: { allowPartial: false, updateObjs: [
      { objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'FriendlyName', value: 'x', required: true }] }] } }, 'tofu-set');
    assert.equal(denied?.case, 'error');
    assert.deepEqual(denied.value.paramErrs.map((p) => p.errCode), [7006]);
    // Admitted by the pin alone: TOFU was never on.
    assert.equal(e.get(T + 'TOFUAllowed'), 'false');
  } finally {
    agent.stop();
  }
});

test('BannedRole: a Controller whose chain holds a certificate marked X_TINYUSP_Revoked (its own, added by AddCertificate, or its CA) gets BannedRole as its only role, AssignedRole and CA role set aside; unmarked, its roles come back', { timeout: 90000 }, async (t) => {
  if (!needs(t, reason)) return;
  const agent = await startSecureAgent({ credentials: credentials(), defaults: agentDefaults(9, {
    [T + 'Role.4.Enable']: 'true', [T + 'Role.4.Name']: 'Banned',
    [T + 'Role.4.Permission.1.Enable']: 'true', [T + 'Role.4.Permission.1.Targets']: 'Device.DeviceInfo.SerialNumber',
    [T + 'Role.4.Permission.1.Param']: 'r---',
    [T + 'BannedRole']: T + 'Role.4',
  }) });
  const setAll = (e: Engine, values: { [p: string]: string }) => {
    const txn = e.begin();
    for (const [p, v] of Object.entries(values)) txn.set(p, v);
    txn.commit();
  };
  let n = 0;
  const set = (who: string, from: string) => ask(agent, who, from, { case: 'set', value: { allowPartial: false, updateObjs: [
    { objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'FriendlyName', value: `${who}-${++n}`, required: true }] }] } }, `${who}-set-${n}`);
  const get = (who: string, from: string, path: string) => ask(agent, who, from, { case: 'get', value: { paramPaths: [path], maxDepth: 0 } }, `${who}-get-${++n}`);
  const params = (body: Awaited<ReturnType<typeof get>>) => {
    assert.equal(body?.case === 'response' && body.value.respType.case, 'getResp');
    const r = (body!.value as any).respType.value.reqPathResults[0];
    return r.resolvedPathResults.length ? [...r.resolvedPathResults[0].resultParams.keys()] : [`error ${r.errCode}`];
  };
  try {
    const e = agent.device.core.engine;
    const txn = e.begin();
    txn.add(T + 'Credential.', [{ param: 'Enable', value: 'true', required: true }, { param: 'Credential', value: LA + 'Certificate.1', required: true }, { param: 'Role', value: T + 'Role.1', required: true }]);
    txn.commit();
    const ok = await set('admin', 'proto::admin');
    assert.equal(ok?.case === 'response' && ok.value.respType.case, 'setResp', 'FullAccess from its CA');
    const admin = e.instances(LA + 'Controller.', true).find((r) => e.get(r.path + 'EndpointID') === 'proto::admin')!.path;
    assert.equal(e.get(admin + 'InheritedRole'), T + 'Role.1');

    // The operator revokes admin's own certificate: added, then marked.
    operate(e, LA + 'AddCertificate()', { Alias: 'admin', Certificate: pem('admin.pem') });
    setAll(e, { [LA + 'Certificate.2.X_TINYUSP_Revoked']: 'true' });
    const banned = await set('admin', 'proto::admin');
    assert.equal(banned?.case, 'error');
    assert.deepEqual(banned.value.paramErrs.map((p) => p.errCode), [7006]);
    assert.equal(e.get(admin + 'InheritedRole'), T + 'Role.4', 'BannedRole shown');
    assert.deepEqual(params(await get('admin', 'proto::admin', 'Device.DeviceInfo.')), ['SerialNumber'], 'what BannedRole grants, nothing more');

    // Revoking the CA bans every Controller it signed, Controller.1's AssignedRole FullAccess notwithstanding.
    setAll(e, { [LA + 'Certificate.2.X_TINYUSP_Revoked']: 'false', [LA + 'Certificate.1.X_TINYUSP_Revoked']: 'true' });
    const c1 = await set('controller', 'proto::controller-1');
    assert.equal(c1?.case, 'error');
    assert.deepEqual(c1.value.paramErrs.map((p) => p.errCode), [7006]);
    assert.equal(e.get(LA + 'Controller.1.AssignedRole'), T + 'Role.1', 'the operator\'s AssignedRole is kept, only set aside');

    // No longer revoked: the roles come back.
    setAll(e, { [LA + 'Certificate.1.X_TINYUSP_Revoked']: 'false' });
    const back = await set('admin', 'proto::admin');
    assert.equal(back?.case === 'response' && back.value.respType.case, 'setResp');
    assert.equal(e.get(admin + 'InheritedRole'), T + 'Role.1');
    const c1back = await set('controller', 'proto::controller-1');
    assert.equal(c1back?.case === 'response' && c1back.value.respType.case, 'setResp');
  } finally {
    agent.stop();
  }
});
