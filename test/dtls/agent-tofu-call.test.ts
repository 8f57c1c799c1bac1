// TOFU when the agent calls a Controller (USP digest §7.2 R-MTP.4 validate-cert, "otherwise TOFU
// policy"; src/usp/trust.ts check(), calling): the whole agent with the mbedTLS module; proto::admin
// sends its requests with a certificate of our CA (coap-client-openssl) and serves its reply-to
// (coap-server-openssl) with a self-signed one. The agent's client session accepts that server
// only with TOFUAllowed and only while the Controller's roles are UntrustedRole alone; nothing is
// stored for it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { needs, missingCommand } from '../support/tools.ts';
import { makePki, type Pki } from './support.ts';
import { agentDefaults, fetchRecord, getRecordFile, libcoapServer, postRecord, startSecureAgent, setAll } from './agent-support.ts';

const missing = missingCommand('coap-client-openssl', 'coap-server-openssl', 'openssl');
const reason = missing && `${missing} not found (apt-get install libcoap3-bin openssl)`;
const LA = 'Device.LocalAgent.';
const T = LA + 'ControllerTrust.';
let pki: Pki;
before(async () => {
  if (!reason) pki = await makePki();
});
after(() => pki?.remove());

test('TOFU when we call: a Controller\'s self-signed server certificate is refused with TOFUAllowed false, accepted with it true while the Controller is Untrusted only (nothing stored), refused once it has more roles', { timeout: 90000 }, async (t) => {
  if (!needs(t, reason)) return;
  const agent = await startSecureAgent({
    credentials: { certificate: pki.read('agent.pem'), privateKey: pki.read('agent.key'), trustAnchors: [pki.read('ca.pem')] },
    defaults: agentDefaults(9, { [LA + 'Controller.3.Enable']: 'true', [LA + 'Controller.3.EndpointID']: 'proto::admin', [LA + 'Controller.3.AssignedRole']: T + 'Role.2' }),
  });
  const client = ['-c', pki.path('admin.pem'), '-j', pki.path('admin.key'), '-R', pki.path('ca.pem')];
  const server = ['-c', pki.path('admin-self.pem'), '-j', pki.path('admin-self.key'), '-R', pki.path('ca.pem')];
  const reader = ['-c', pki.path('agent.pem'), '-j', pki.path('agent.key'), '-R', pki.path('admin-self.pem')];
  let n = 0;
  /** A Get from proto::admin; what reached its self-signed reply-to server, or undefined. */
  const ask = async (waitMs: number) => {
    const tag = `call-${++n}`;
    const srv = await libcoapServer('openssl', server);
    try {
      const r = await postRecord('openssl', client, agent.port, getRecordFile(pki.dir, tag, ['Device.DeviceInfo.SerialNumber'], 'proto::admin'), `coaps://127.0.0.1:${srv.port}/usp/${tag}`);
      assert.equal(r.code, 0, r.stderr.slice(-400));
      try {
        return (await fetchRecord('openssl', reader, srv.port, `usp/${tag}`, pki.dir, waitMs)).msg.body?.msgBody;
      } catch {
        return undefined;
      }
    } finally {
      srv.stop();
    }
  };
  try {
    const e = agent.device.core.engine;
    const certs = () => e.instances(LA + 'Certificate.', true).length;
    assert.equal(await ask(4000), undefined, 'TOFUAllowed false: no answer reaches it');
    await agent.waitLog(/session to 127\.0\.0\.1:\d+ .*(refused|failed): .*TOFUAllowed is false|failed: .*not trusted/);

    setAll(e, { [T + 'TOFUAllowed']: 'true' });
    const got = await ask(10000);
    assert.equal(got?.case === 'response' && got.value.respType.case, 'getResp', agent.logs.slice(-8).join('\n'));
    assert.equal(e.get(LA + 'Controller.3.Credential'), '', 'nothing stored for a server certificate');
    assert.equal(certs(), 1, 'only the trust anchor');

    setAll(e, { [LA + 'Controller.3.AssignedRole']: T + 'Role.3' });
    assert.equal(await ask(4000), undefined, 'a ReadOnly Controller is not called over TOFU');
    await agent.waitLog(/refused: .*proto::admin has roles beyond UntrustedRole/);
  } finally {
    agent.stop();
  }
});
