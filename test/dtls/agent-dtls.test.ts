// The agent (src/device.ts with src/dtls/link.ts) as a DTLS server and client with libcoap's
// coap-client/coap-server in their OpenSSL and GnuTLS builds: a USP Get Record POSTed over
// coaps:// is answered with a GetResp POSTed over a separate DTLS session to the Controller's
// reply-to, which the libcoap server stores and the test reads back and decodes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { needs, missingCommand } from '../support/tools.ts';
import { makePki, type Pki } from './support.ts';
import {
  AGENT_ID, CONTROLLER_ID, agentCredentials, agentDefaults, clientAuth, fetchRecord, getRecordFile, libcoapServer, postRecord, startSecureAgent,
} from './agent-support.ts';

const missing = missingCommand('coap-client-openssl', 'coap-client-gnutls', 'coap-server-openssl', 'coap-server-gnutls', 'openssl');
const reason = missing && `${missing} not found (apt-get install libcoap3-bin openssl)`;
let pki: Pki;
before(async () => {
  if (!reason) pki = await makePki();
});
after(() => pki?.remove());

for (const backend of ['openssl', 'gnutls']) {
  for (const mode of ['PSK', 'certificate'] as const) {
    test(`${mode}: coap-client-${backend} Gets Device.DeviceInfo. over coaps://, the GetResp reaches coap-server-${backend} over our client session`, { timeout: 40000 }, async (t) => {
      if (!needs(t, reason)) return;
      const srv = await libcoapServer(backend, mode === 'PSK' ? ['-k', 'usp-psk-key-0123'] : clientAuth(pki, 'certificate'));
      const agent = await startSecureAgent({ credentials: agentCredentials(pki, mode), defaults: agentDefaults(srv.port) });
      try {
        assert.match(agent.device.uri(), /^coaps:\/\/127\.0\.0\.1:\d+\/usp$/);
        assert.equal(agent.device.core.engine.get('Device.LocalAgent.MTP.1.CoAP.IsEncrypted'), 'true');
        const file = getRecordFile(pki.dir, `get-${backend}-${mode}`, ['Device.DeviceInfo.SerialNumber']);
        const auth = clientAuth(pki, mode);
        const r = await postRecord(backend, auth, agent.port, file, `coaps://127.0.0.1:${srv.port}/usp/r1`);
        assert.equal(r.code, 0, r.stderr.slice(-400));
        const got = await fetchRecord(backend, mode === 'PSK' ? auth : clientAuth(pki, 'certificate', 'agent'), srv.port, 'usp/r1', pki.dir);
        assert.equal(got.fromId, AGENT_ID);
        assert.equal(got.toId, CONTROLLER_ID);
        const body = got.msg.body?.msgBody;
        assert.equal(body?.case, 'response');
        const resp = body.value.respType;
        assert.equal(resp.case, 'getResp');
        const res = resp.value.reqPathResults[0].resolvedPathResults[0];
        assert.equal(res.resolvedPath, 'Device.DeviceInfo.');
        assert.equal(res.resultParams.get('SerialNumber'), '0000000001');
        const s = agent.device.dtls!.stats;
        assert.ok(s.handshakes >= 2, 'one server and one client session');
        assert.equal(s.failures, 0);
      } finally {
        agent.stop();
        srv.stop();
      }
    });
  }
}
