import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { uriLike } from '../support/uri-gen.ts';
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

// The regexp parser that src/mtp/coap-uri.ts had before its hand parser (a preloaded regexp is
// ~1 KB of flash on XS): the reference the hand parser must agree with on every input.
const URI_RE = /^(coaps?):\/\/(\[[0-9A-Fa-f:.]+\]|[^\/\[\]:?#@]+)(?::(\d{1,5}))?(\/[^?#]*)?$/i;
function referenceParse(text: string) {
  const m = URI_RE.exec(text);
  if (!m) return undefined;
  const scheme = m[1].toLowerCase();
  const host = m[2].charAt(0) === '[' ? m[2].slice(1, -1) : m[2];
  const port = m[3] !== undefined ? parseInt(m[3], 10) : (scheme === 'coaps' ? 5684 : 5683);
  if (port < 1 || port > 65535) return undefined;
  const path: string[] = [];
  for (const seg of (m[4] || '').split('/')) {
    if (seg === '') continue;
    let out = '';
    for (let i = 0; i < seg.length; i++) {
      if (seg[i] !== '%') { out += seg[i]; continue; }
      const h = seg.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(h) || parseInt(h, 16) >= 0x80) return undefined;
      out += String.fromCharCode(parseInt(h, 16));
      i += 2;
    }
    path.push(out);
  }
  return { scheme, host, port, path };
}

test('given many generated URIs, valid and not, then the hand parser agrees with the former regexp', () => {
  fc.assert(fc.property(uriLike(['coap', 'coaps', 'COAP', 'CoApS', 'http']), (u) => {
    assert.deepEqual(parseCoapUri(u), referenceParse(u));
  }), { numRuns: 20000 });
});
