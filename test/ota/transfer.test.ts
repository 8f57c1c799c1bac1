import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { urlScheme } from '../../src/ota/transfer.ts';
import { uriLike } from '../support/uri-gen.ts';

// The regexp urlScheme had before its hand check (a preloaded regexp is flash on XS): the reference.
const SCHEME_RE = /^([a-z][a-z0-9+.-]*):\/\//i;
const reference = (url: string) => { const m = SCHEME_RE.exec(url); return m ? m[1].toLowerCase() : ''; };

test('given URLs, then urlScheme is the scheme in lower case, or empty when there is none', () => {
  assert.equal(urlScheme('HTTPS://h/x'), 'https');
  assert.equal(urlScheme('coap+tcp://h'), 'coap+tcp');
  for (const u of ['', '://h', '1http://h', 'http:/h', 'ht tp://h', 'http', 'h\u212attp://h']) assert.equal(urlScheme(u), '', u);
});

test('given many generated URLs, then urlScheme agrees with the former regexp', () => {
  fc.assert(fc.property(uriLike(['http', 'HTTPS', 'coaps', 'a+b.c-d', 'x1', '\u212a', 'K']), (u) => {
    assert.equal(urlScheme(u), reference(u));
  }), { numRuns: 20000 });
});
