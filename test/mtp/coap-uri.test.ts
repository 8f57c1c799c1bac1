import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalIp, formatCoapUri, parseCoapUri, sameIp } from '../../src/mtp/coap-uri.ts';

test('given coap and coaps URIs, when parsed, then scheme, host, default port and path come out', () => {
  assert.deepEqual(parseCoapUri('coap://127.0.0.1:5690/usp'), { scheme: 'coap', host: '127.0.0.1', port: 5690, path: ['usp'] });
  assert.deepEqual(parseCoapUri('coaps://[::1]/e/agent1'), { scheme: 'coaps', host: '::1', port: 5684, path: ['e', 'agent1'] });
  assert.deepEqual(parseCoapUri('COAP://host.example'), { scheme: 'coap', host: 'host.example', port: 5683, path: [] });
  assert.deepEqual(parseCoapUri('coap://1.2.3.4/a%20b'), { scheme: 'coap', host: '1.2.3.4', port: 5683, path: ['a b'] });
});

test('given bad URIs (other scheme, query, fragment, port 0 or too big, user info, bad escape), then undefined', () => {
  for (const u of ['http://1.2.3.4/', 'coap://1.2.3.4/usp?x=1', 'coap://1.2.3.4/#f', 'coap://1.2.3.4:0/', 'coap://1.2.3.4:70000/', 'coap://u@1.2.3.4/', 'coap://1.2.3.4/%zz', 'coap://1.2.3.4/%4', 'coap://1.2.3.4/%4g', 'coap://1.2.3.4/%+1', 'coap://', 'coap://[::1/']) {
    assert.equal(parseCoapUri(u), undefined, u);
  }
});

test('given a parsed URI, when formatted and parsed again, then it is the same', () => {
  for (const u of ['coap://127.0.0.1:5683/usp', 'coaps://[2001:db8::1]:5684/e/agent%201']) {
    const p = parseCoapUri(u)!;
    assert.deepEqual(parseCoapUri(formatCoapUri(p)), p);
  }
});

test('given IP literals in different spellings, then they compare equal; host names never do', () => {
  assert.ok(sameIp('::1', '0:0:0:0:0:0:0:1'));
  assert.ok(sameIp('::ffff:127.0.0.1', '127.0.0.1'));
  assert.ok(sameIp('2001:DB8::1', '2001:db8:0:0::1'));
  assert.ok(!sameIp('127.0.0.1', '127.0.0.2'));
  assert.ok(!sameIp('localhost', 'localhost'));
  assert.equal(canonicalIp('1.2.3'), undefined);
  assert.equal(canonicalIp('256.1.1.1'), undefined);
  assert.equal(canonicalIp('01.1.1.1'), undefined);
  assert.equal(canonicalIp('0.0.0.0'), '0.0.0.0');
  for (const h of ['1.2.3.1000', '1.2.3.', '1.2.3.+4', '1.2.3.4a', '::12345', '::g', '::1:', '2001:DB8::/']) assert.equal(canonicalIp(h), undefined, h);
  assert.equal(canonicalIp('2001:DB8::A'), '2001:db8:0:0:0:0:0:a');
  assert.equal(canonicalIp('1::2::3'), undefined);
  assert.equal(canonicalIp('1:2:3:4:5:6:7:8:9'), undefined);
  assert.equal(canonicalIp('::ffff:1.2.3.4'), '1.2.3.4');
  assert.equal(canonicalIp('fe80::1%eth0'), 'fe80:0:0:0:0:0:0:1');
});
