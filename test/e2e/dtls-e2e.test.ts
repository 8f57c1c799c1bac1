// End to end over DTLS (issue 11), on every engine of test/e2e/launch.ts: the agent started as
// `tinyusp agent` would start it with --cert/--key/--ca or a PSK (no --allow-nosec) in the Node
// simulator (mbedTLS in WebAssembly) and in the esp32 board runner on x86-64 and on 32-bit ARM
// under qemu-arm (the same C compiled in, firmware/xs-host/host-dtls.c). The Controller is
// libcoap's OpenSSL build: coap-client POSTs each USP Record over coaps:// (the agent as DTLS
// server), the agent POSTs its answer over its own DTLS session to coap-server (the agent as
// DTLS client, the server's certificate checked for the Controller's Endpoint ID, R-MTP.4),
// where the test reads it back.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingCommand } from '../support/tools.ts';
import { ARM_UNAVAILABLE, ENGINES, launchAgent, type LaunchedAgent } from './launch.ts';
import { makePki, type Pki } from '../dtls/support.ts';
import { AGENT_ID, CONTROLLER_ID, PSK_ID, PSK_KEY, agentDefaults, clientAuth, fetchRecord, libcoapServer, postRecord, type LibcoapServer } from '../dtls/agent-support.ts';
import { encodeMsgBytes, encodeRecordBytes, recordOf, requestMsg } from '../support/usp-harness.ts';
import type { Msg, Request } from '../../src/codec/index.ts';
import { inCi } from '../support/tools.ts';

const missing = missingCommand('coap-client-openssl', 'coap-server-openssl', 'openssl');
const reason = missing && `${missing} not found (apt-get install libcoap3-bin openssl)`;
if (reason && inCi) throw new Error(reason + ' (required when CI=true)');
const hex = (text: string) => Buffer.from(text).toString('hex');
const LA = 'Device.LocalAgent.';

if (ARM_UNAVAILABLE) test('e2e over DTLS on xs-arm', (t) => { t.skip(ARM_UNAVAILABLE as string); });
for (const engine of ENGINES) {
  for (const mode of ['certificate', 'PSK'] as const) {
    describe(`e2e over DTLS (${mode}) on ${engine}`, { skip: reason || false }, () => {
      let pki: Pki;
      let dir: string;
      let srv: LibcoapServer;
      let agent: LaunchedAgent;
      let n = 0;
      /** One request Record to the agent; resolves with the Msg the agent POSTed back. */
      async function ask(req: Request['reqType']): Promise<Msg> {
        const name = `r${++n}`;
        const file = join(dir, name + '.usp');
        writeFileSync(file, encodeRecordBytes(recordOf(encodeMsgBytes(requestMsg(req, `${engine}-${mode}-${name}`)), CONTROLLER_ID, AGENT_ID)));
        const port = Number(/:(\d+)\//.exec(agent.uri)![1]);
        const auth = clientAuth(pki, mode);
        const r = await postRecord('openssl', auth, port, file, `coaps://127.0.0.1:${srv.port}/usp/${name}`, [], 30_000);
        assert.equal(r.code, 0, r.stderr.slice(-400));
        // Read back as the agent would be seen: with the agent's certificate (its Endpoint ID checked by nobody here).
        const got = await fetchRecord('openssl', mode === 'PSK' ? auth : clientAuth(pki, 'certificate', 'agent'), srv.port, `usp/${name}`, dir, 30_000);
        assert.equal(got.fromId, AGENT_ID);
        assert.equal(got.toId, CONTROLLER_ID);
        return got.msg;
      }
      function resp(msg: Msg, kind: string): any {
        const body = msg.body?.msgBody;
        if (body?.case === 'error') assert.fail(`USP Error ${body.value.errCode}: ${body.value.errMsg}`);
        assert.equal(body?.case, 'response');
        const r = (body.value as { respType: { case: string; value: unknown } }).respType;
        assert.equal(r.case, kind);
        return r.value;
      }
      const getValue = async (path: string) => {
        const g = resp(await ask({ case: 'get', value: { paramPaths: [path], maxDepth: 0 } }), 'getResp');
        const res = g.reqPathResults[0].resolvedPathResults[0];
        return res?.resultParams.get(path.slice(res.resolvedPath.length));
      };

      before(async () => {
        pki = await makePki();
        dir = mkdtempSync(join(tmpdir(), `tinyusp-dtls-e2e-${engine}-`));
        srv = await libcoapServer('openssl', mode === 'PSK' ? ['-k', PSK_KEY] : clientAuth(pki, 'certificate'));
        const defaults = join(dir, 'defaults.json');
        writeFileSync(defaults, JSON.stringify(agentDefaults(srv.port)));
        const securityArgs = mode === 'PSK'
          ? ['--psk-identity', PSK_ID, '--psk', hex(PSK_KEY), '--psk-controller', CONTROLLER_ID]
          : ['--cert', pki.path('agent.pem'), '--key', pki.path('agent.key'), '--ca', pki.path('ca.pem')];
        agent = await launchAgent({ engine, defaultsFile: defaults, stateDir: join(dir, 'state'), securityArgs, readyTimeoutMs: 60_000 });
      });
      after(async () => {
        await agent?.stop();
        srv?.stop();
        if (dir) rmSync(dir, { recursive: true, force: true });
        pki?.remove();
      });

      test('ready on coaps://, IsEncrypted true', async () => {
        assert.equal(agent.endpointId, AGENT_ID);
        assert.match(agent.uri, /^coaps:\/\/127\.0\.0\.1:\d+\/usp$/);
        assert.equal(await getValue(LA + 'MTP.1.CoAP.IsEncrypted'), 'true');
      });

      test('Get Device.DeviceInfo. over DTLS', async () => {
        const g = resp(await ask({ case: 'get', value: { paramPaths: ['Device.DeviceInfo.'], maxDepth: 0 } }), 'getResp');
        const res = g.reqPathResults[0].resolvedPathResults[0];
        assert.equal(res.resolvedPath, 'Device.DeviceInfo.');
        assert.equal(res.resultParams.get('SerialNumber'), 'SIM0001');
        assert.ok(res.resultParams.size >= 8, `${res.resultParams.size} parameters`);
      });

      test('Set changes a value; the next Get sees it', async () => {
        const ok = resp(await ask({ case: 'set', value: { allowPartial: false, updateObjs: [
          { objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'ProvisioningCode', value: `dtls-${engine}`, required: true }] },
        ] } }), 'setResp');
        assert.equal(ok.updatedObjResults[0].operStatus.operStatus.case, 'operSuccess');
        assert.equal(await getValue('Device.DeviceInfo.ProvisioningCode'), `dtls-${engine}`);
      });

      test('Add then Delete a Controller instance', async () => {
        const added = resp(await ask({ case: 'add', value: { allowPartial: false, createObjs: [
          { objPath: LA + 'Controller.', paramSettings: [{ param: 'EndpointID', value: 'proto::dtls-extra', required: true }] },
        ] } }), 'addResp');
        const path: string = added.createdObjResults[0].operStatus.operStatus.value.instantiatedPath;
        assert.match(path, /^Device\.LocalAgent\.Controller\.\d+\.$/);
        const del = resp(await ask({ case: 'delete', value: { allowPartial: false, objPaths: [path] } }), 'deleteResp');
        assert.ok(del.deletedObjResults[0].operStatus.operStatus.value.affectedPaths.includes(path));
      });
    });
  }
}
