// Certificate-derived roles, Controller.{i}.Credential, TOFU, the Certificate table's operations
// and BannedRole (USP digest §9.3, §9.4; R-SEC.6-8, R-SEC.25) on the XS runners: the esp32 board's agent with the shim compiled in natively
// (firmware/xs-host/host-dtls.c), x86-64 and 32-bit ARM under qemu-arm, as a separate process.
// The same behaviour test/dtls/agent-trust.test.ts checks in the Node simulator, but everything
// an operator does goes over USP: proto::controller-1 (FullAccess) Adds the CA bindings, Sets
// TOFUAllowed and the Credential pin, and reads the rows back. Controllers are coap-client-openssl
// (requests) and coap-server-openssl (their reply-to, reached over the agent's client session).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inCi, missingCommand } from '../support/tools.ts';
import { encodeMsgBytes, encodeRecordBytes, recordOf, requestMsg } from '../support/usp-harness.ts';
import type { Msg, Request } from '../../src/codec/index.ts';
import { ARM_UNAVAILABLE, launchAgent, type Engine, type LaunchedAgent } from '../e2e/launch.ts';
import { makePki, type Pki } from './support.ts';
import { AGENT_ID, agentDefaults, fetchRecord, libcoapServer, postRecord } from './agent-support.ts';

const missing = missingCommand('coap-client-openssl', 'coap-server-openssl', 'openssl');
const reason = missing && `${missing} not found (apt-get install libcoap3-bin openssl)`;
if (reason && inCi) throw new Error(reason + ' (required when CI=true)');
const T = 'Device.LocalAgent.ControllerTrust.';
const LA = 'Device.LocalAgent.';
/** Requests and answers through qemu-arm are slow: every wait is bounded, generously. */
const WAIT = 30_000;

/** The CA that signed each Controller's certificate (what the agent checks its reply-to server by). */
const ISSUER: { [who: string]: string } = { stranger: 'other-ca.pem', tofu: 'tofu.pem', tofu2: 'tofu2.pem' };
const ID: { [who: string]: string } = { controller: 'proto::controller-1', admin: 'proto::admin', stranger: 'proto::stranger', tofu: 'proto::tofu', tofu2: 'proto::tofu' };

if (ARM_UNAVAILABLE) test('certificate roles on xs-arm', (t) => { t.skip(ARM_UNAVAILABLE as string); });
const engines: Engine[] = ARM_UNAVAILABLE ? ['xs'] : ['xs', 'xs-arm'];
for (const engine of engines) {
  describe(`certificate roles, Credential pins and TOFU on ${engine}`, { skip: reason || false }, () => {
    let pki: Pki;
    let dir: string;
    let agent: LaunchedAgent | undefined;
    let n = 0;
    const auth = (who: string) => ['-c', pki.path(who + '.pem'), '-j', pki.path(who + '.key'), '-R', pki.path('ca.pem')];
    const port = () => Number(/:(\d+)\//.exec(agent!.uri)![1]);
    const logs = () => agent!.output().stdout + agent!.output().stderr;
    const sha256 = (pem: string) => createHash('sha256').update(new X509Certificate(pki.read(pem)).raw).digest('hex');

    async function start(): Promise<void> {
      // Both CAs are trust anchors (one PEM bundle): Certificate.1 is ca.pem, Certificate.2 other-ca.pem.
      agent = await launchAgent({
        engine, defaultsFile: join(dir, 'defaults.json'), stateDir: join(dir, 'state'), readyTimeoutMs: 60_000, logLevel: 'info',
        securityArgs: ['--cert', pki.path('agent.pem'), '--key', pki.path('agent.key'), '--ca', join(dir, 'anchors.pem')],
      });
    }

    /** One request from Controller `who`; the body of what the agent POSTed to its reply-to. */
    async function ask(who: string, req: Request['reqType']): Promise<NonNullable<Msg['body']>['msgBody'] | undefined> {
      const name = `${who}-${++n}`;
      const file = join(dir, name + '.usp');
      writeFileSync(file, encodeRecordBytes(recordOf(encodeMsgBytes(requestMsg(req, name)), ID[who], AGENT_ID)));
      const srv = await libcoapServer('openssl', auth(who));
      try {
        const r = await postRecord('openssl', auth(who), port(), file, `coaps://127.0.0.1:${srv.port}/usp/${name}`, [], WAIT);
        assert.equal(r.code, 0, r.stderr.slice(-400));
        const reader = ['-c', pki.path('agent.pem'), '-j', pki.path('agent.key'), '-R', pki.path(ISSUER[who] ?? 'ca.pem')];
        try {
          return (await fetchRecord('openssl', reader, srv.port, `usp/${name}`, dir, WAIT)).msg.body?.msgBody;
        } catch (err) {
          throw new Error(`${(err as Error).message}\nagent log:\n${logs().split('\n').slice(-15).join('\n')}`);
        }
      } finally {
        srv.stop();
      }
    }

    /** A Controller whose handshake the agent must refuse: its log says `re`, and no Record is answered. */
    async function refused(who: string, re: RegExp): Promise<void> {
      const before = logs().length;
      const file = join(dir, `${who}-refused-${++n}.usp`);
      writeFileSync(file, encodeRecordBytes(recordOf(encodeMsgBytes(requestMsg({ case: 'get', value: { paramPaths: ['Device.DeviceInfo.'], maxDepth: 0 } }, 'x' + n)), ID[who], AGENT_ID)));
      await postRecord('openssl', auth(who), port(), file, 'coaps://127.0.0.1:9/usp', ['-B', '3'], 12_000);
      const end = Date.now() + WAIT;
      while (!re.test(logs().slice(before)) && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
      assert.match(logs().slice(before), re);
    }

    const get = async (path: string): Promise<string> => {
      const body = await ask('controller', { case: 'get', value: { paramPaths: [path], maxDepth: 0 } });
      assert.equal(body?.case, 'response');
      const g = (body.value.respType as { case: 'getResp'; value: any }).value;
      const res = g.reqPathResults[0].resolvedPathResults[0];
      assert.ok(res, `${path}: ${g.reqPathResults[0].errMsg}`);
      return res.resultParams.get(path.slice(res.resolvedPath.length));
    };
    const set = async (who: string, objPath: string, param: string, value: string) =>
      ask(who, { case: 'set', value: { allowPartial: false, updateObjs: [{ objPath, paramSettings: [{ param, value, required: true }] }] } });
    const setOk = async (objPath: string, param: string, value: string) => {
      const body = await set('controller', objPath, param, value);
      assert.equal(body?.case === 'response' && body.value.respType.case, 'setResp', JSON.stringify(body, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
    };
    const controllerRow = async (id: string): Promise<string> => {
      for (let i = 1; i <= 8; i++) {
        const body = await ask('controller', { case: 'get', value: { paramPaths: [`${LA}Controller.${i}.EndpointID`], maxDepth: 0 } });
        const g = body?.case === 'response' ? (body.value.respType as { case: 'getResp'; value: any }).value : undefined;
        if (g?.reqPathResults[0].resolvedPathResults[0]?.resultParams.get('EndpointID') === id) return `${LA}Controller.${i}.`;
      }
      assert.fail(`no Controller row for ${id}`);
    };

    before(async () => {
      if (reason) return;
      pki = await makePki();
      dir = mkdtempSync(join(tmpdir(), `tinyusp-trust-${engine}-`));
      writeFileSync(join(dir, 'anchors.pem'), Buffer.concat([pki.read('ca.pem'), pki.read('other-ca.pem')]));
      // Role.4 "Banned" (BannedRole) may read DeviceInfo.SerialNumber only.
      writeFileSync(join(dir, 'defaults.json'), JSON.stringify(agentDefaults(9, {
        [T + 'Role.4.Enable']: 'true', [T + 'Role.4.Name']: 'Banned', [T + 'Role.4.Permission.1.Enable']: 'true',
        [T + 'Role.4.Permission.1.Targets']: 'Device.DeviceInfo.SerialNumber', [T + 'Role.4.Permission.1.Param']: 'r---', [T + 'BannedRole']: T + 'Role.4',
      })));
      await start();
    });
    after(async () => {
      await agent?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
      pki?.remove();
    });

    test('Certificate.{i} shows both trust anchors (serial, issuer, SHA-256 of the DER, read in C)', { timeout: 120_000 }, async () => {
      for (const [row, pem, issuer] of [['1', 'ca.pem', 'CN=tinyusp test CA'], ['2', 'other-ca.pem', 'CN=unrelated CA']]) {
        assert.equal(await get(`${LA}Certificate.${row}.Issuer`), issuer);
        assert.equal(await get(`${LA}Certificate.${row}.X_TINYUSP_SHA256`), sha256(pem));
        const serial = await get(`${LA}Certificate.${row}.SerialNumber`);
        assert.equal(BigInt('0x' + serial.replace(/:/g, '')), BigInt('0x' + new X509Certificate(pki.read(pem)).serialNumber));
      }
    });

    test('AddCertificate() parsed by the shim compiled into the runner, GetFingerprint(SHA-256), Delete(); a PEM that does not parse gets 7027', { timeout: 180_000 }, async () => {
      const operate = async (command: string, args: [string, string][]) => {
        const body = await ask('controller', { case: 'operate', value: { command, commandKey: 'k', sendResp: true, inputArgs: new Map(args) } });
        assert.equal(body?.case === 'response' && body.value.respType.case, 'operateResp', JSON.stringify(body?.case === 'error' ? body.value : ''));
        return (body!.value as any).respType.value.operationResults[0].operationResp as { case: string; value: any };
      };
      assert.equal(await get(LA + 'SupportedFingerprintAlgorithms'), 'SHA-256');
      const pem = new TextDecoder().decode(pki.read('admin.pem'));
      const bad = await operate(LA + 'AddCertificate()', [['Certificate', pem.replace('MII', 'MIJ')]]);
      assert.equal(bad.case, 'cmdFailure');
      assert.equal(bad.value.errCode, 7027);
      const ok = await operate(LA + 'AddCertificate()', [['Alias', 'admin-cert'], ['Certificate', pem]]);
      assert.equal(ok.case, 'reqOutputArgs');
      assert.equal(await get(LA + 'Certificate.3.Alias'), 'admin-cert');
      assert.equal(await get(LA + 'Certificate.3.Issuer'), 'CN=tinyusp test CA');
      const fp = await operate(LA + 'Certificate.3.GetFingerprint()', [['FingerprintAlgorithm', 'SHA-256']]);
      assert.equal(fp.value.outputArgs.get('Fingerprint'), sha256('admin.pem'));
      const anchor = await operate(LA + 'Certificate.1.Delete()', []);
      assert.equal(anchor.case, 'cmdFailure');
      assert.match(anchor.value.errMsg, /trust anchor/);
      assert.equal((await operate(LA + 'Certificate.3.Delete()', [])).case, 'reqOutputArgs');
      const gone = await ask('controller', { case: 'get', value: { paramPaths: [LA + 'Certificate.3.Alias'], maxDepth: 0 } });
      assert.equal(gone?.case === 'response' && (gone.value.respType as any).value.reqPathResults[0].errCode, 7026, 'no such instance any more');
    });

    test('a Controller inherits the Role its CA is bound to: FullAccess Sets, ReadOnly gets 7006; the binding disabled, the role is gone', { timeout: 240_000 }, async () => {
      for (const [cert, role] of [['1', '1'], ['2', '3']]) {
        const body = await ask('controller', { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: T + 'Credential.', paramSettings: [
          { param: 'Enable', value: 'true', required: true },
          { param: 'Credential', value: `${LA}Certificate.${cert}`, required: true },
          { param: 'Role', value: `${T}Role.${role}`, required: true },
        ] }] } });
        assert.equal(body?.case === 'response' && body.value.respType.case, 'addResp');
      }
      const ok = await set('admin', 'Device.DeviceInfo.', 'FriendlyName', 'set by admin');
      assert.equal(ok?.case === 'response' && ok.value.respType.case, 'setResp');
      assert.equal(await get('Device.DeviceInfo.FriendlyName'), 'set by admin');
      const admin = await controllerRow('proto::admin');
      assert.equal(await get(admin + 'InheritedRole'), T + 'Role.1');
      assert.equal(await get(admin + 'AssignedRole'), '');

      const read = await ask('stranger', { case: 'get', value: { paramPaths: ['Device.DeviceInfo.SerialNumber'], maxDepth: 0 } });
      assert.equal(read?.case === 'response' && read.value.respType.case, 'getResp');
      const denied = await set('stranger', 'Device.DeviceInfo.', 'FriendlyName', 'set by stranger');
      assert.equal(denied?.case, 'error');
      assert.deepEqual(denied.value.paramErrs.map((p) => p.errCode), [7006]);
      assert.equal(await get(await controllerRow('proto::stranger') + 'InheritedRole'), T + 'Role.3');

      await setOk(T + 'Credential.1.', 'Enable', 'false');
      const after = await set('admin', 'Device.DeviceInfo.', 'FriendlyName', 'again');
      assert.equal(after?.case, 'error');
      assert.equal(await get('Device.DeviceInfo.FriendlyName'), 'set by admin');
      assert.equal(await get(admin + 'InheritedRole'), '');
      await setOk(T + 'Credential.1.', 'Enable', 'true');
    });

    test('Controller.{i}.Credential: a pinned Controller must present that certificate; the pin cleared, it is served again', { timeout: 240_000 }, async () => {
      const admin = await controllerRow('proto::admin');
      await setOk(admin, 'Credential', `${LA}Certificate.1`);
      await refused('admin', new RegExp(`refused: its certificate is not Device\\.LocalAgent\\.Certificate\\.1, the one ${admin.replace(/\./g, '\\.')}Credential names`));
      await setOk(admin, 'Credential', '');
      const ok = await ask('admin', { case: 'get', value: { paramPaths: ['Device.DeviceInfo.SerialNumber'], maxDepth: 0 } });
      assert.equal(ok?.case === 'response' && ok.value.respType.case, 'getResp');
    });

    test('BannedRole: admin\'s certificate added and marked X_TINYUSP_Revoked, admin gets BannedRole only (Set 7006, InheritedRole shows it); unmarked, its CA role is back', { timeout: 240_000 }, async () => {
      const added = await ask('controller', { case: 'operate', value: { command: LA + 'AddCertificate()', commandKey: 'k', sendResp: true,
        inputArgs: new Map([['Alias', 'admin-revoked'], ['Certificate', new TextDecoder().decode(pki.read('admin.pem'))]]) } });
      assert.equal(added?.case === 'response' && (added.value.respType as any).value.operationResults[0].operationResp.case, 'reqOutputArgs');
      let row = '';
      for (let i = 3; i <= 6 && !row; i++) if ((await get(`${LA}Certificate.${i}.Alias`).catch(() => '')) === 'admin-revoked') row = `${LA}Certificate.${i}.`;
      assert.ok(row, 'the added row');
      await setOk(row, 'X_TINYUSP_Revoked', 'true');
      const denied = await set('admin', 'Device.DeviceInfo.', 'FriendlyName', 'banned');
      assert.equal(denied?.case, 'error');
      assert.deepEqual(denied.value.paramErrs.map((p) => p.errCode), [7006]);
      const admin = await controllerRow('proto::admin');
      assert.equal(await get(admin + 'InheritedRole'), T + 'Role.4');
      await setOk(row, 'X_TINYUSP_Revoked', 'false');
      const ok = await set('admin', 'Device.DeviceInfo.', 'FriendlyName', 'back');
      assert.equal(ok?.case === 'response' && ok.value.respType.case, 'setResp');
      assert.equal(await get(admin + 'InheritedRole'), T + 'Role.1');
    });

    test('TOFU: refused while TOFUAllowed is false; allowed, a self-signed Controller is enrolled as Untrusted with its certificate stored; another is refused; after a restart with TOFU off the stored one is still admitted', { timeout: 360_000 }, async () => {
      await refused('tofu', /failed: .*not trusted/);
      await setOk(T, 'TOFUAllowed', 'true');
      const first = await ask('tofu', { case: 'get', value: { paramPaths: ['Device.DeviceInfo.SerialNumber'], maxDepth: 0 } });
      assert.equal(first?.case === 'response' && first.value.respType.case, 'getResp', 'UntrustedRole may read DeviceInfo');
      const row = await controllerRow('proto::tofu');
      assert.equal(await get(row + 'AssignedRole'), T + 'Role.2', 'UntrustedRole, stored (R-SEC.6)');
      const cert = await get(row + 'Credential');
      assert.match(cert, /^Device\.LocalAgent\.Certificate\.\d+$/);
      assert.equal(await get(cert + '.X_TINYUSP_SHA256'), sha256('tofu.pem'));
      assert.equal(await get(cert + '.Issuer'), 'CN=tofu');
      const denied = await set('tofu', 'Device.DeviceInfo.', 'FriendlyName', 'set by tofu');
      assert.equal(denied?.case, 'error', 'UntrustedRole may not Set');
      assert.deepEqual(denied.value.paramErrs.map((p) => p.errCode), [7006]);
      const escaped = cert.replace(/\./g, '\\.');
      await refused('tofu2', new RegExp(`refused: its certificate is not ${escaped}`));

      await setOk(T, 'TOFUAllowed', 'false');
      await agent!.stop();
      await start();
      assert.equal(await get(row + 'Credential'), cert);
      const again = await ask('tofu', { case: 'get', value: { paramPaths: ['Device.DeviceInfo.SerialNumber'], maxDepth: 0 } });
      assert.equal(again?.case === 'response' && again.value.respType.case, 'getResp');
      await refused('tofu2', new RegExp(`refused: its certificate is not ${escaped}`));
    });
  });
}
