// The DTLS shim compiled natively with the system C compiler (as the XS runner and the board will
// link it), running firmware/dtls/native-test.c: our client and server in one process, PSK with
// the cookie exchange and a wrong key, then mutual certificates from the test PKI.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { run, hasTool } from '../interop/harness.ts';
import { makePki, type Pki } from './support.ts';

const tools = ['cc', 'openssl', 'apt-get', 'dpkg-source'];
const missing: string[] = [];
for (const t of tools) if (!(await hasTool(t))) missing.push(t);
if (missing.length && process.env.CI) throw new Error('required in CI: ' + missing.join(', '));

let pki: Pki | undefined;
after(() => pki?.remove());

test('native build of the shim passes its checks', { skip: missing.length ? 'not installed: ' + missing.join(', ') : false, timeout: 240000 }, async () => {
  pki = await makePki();
  const script = new URL('../../firmware/dtls/build-native.sh', import.meta.url).pathname;
  const r = await run('bash', [script, '--run', pki.path('ca.pem'), pki.path('agent.pem'), pki.path('agent.key')], 230000);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /ok: PSK handshake with a cookie round trip/);
  assert.match(r.stdout, /ok: wrong PSK refused/);
  assert.match(r.stdout, /endpoint id: os::00256D-0000000001/);
  assert.doesNotMatch(r.stdout + r.stderr, /FAIL/);
});
