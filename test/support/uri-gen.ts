// URI-shaped strings for property tests of the hand URL parsers (src/mtp/coap-uri.ts,
// hal/xs/http.ts, src/ota/transfer.ts) against the regexps they replaced.
import fc from 'fast-check';

/** URI-shaped strings: valid and broken schemes, hosts (IPv6 literals, names), ports, paths. */
export function uriLike(schemes: string[]): fc.Arbitrary<string> {
  const alphabet = fc.constantFrom(...'aZ09:/[]?#@%.-_~ +fF\n\r\u2028\u00e9'.split(''));
  const junk = fc.string({ unit: alphabet, maxLength: 12 });
  const mostly = (good: fc.Arbitrary<string>, bad: string[]) =>
    fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: fc.constantFrom(...bad), weight: 2 }, { arbitrary: junk, weight: 1 });
  const scheme = mostly(fc.constantFrom(...schemes), ['coapx', 'c0ap', 'ftp', 'a+b.c-d', '1x', '']);
  const sep = mostly(fc.constant('://'), [':/', '//', '', ':///']);
  const host = mostly(fc.oneof(fc.ipV4(), fc.ipV6().map((a) => '[' + a + ']'), fc.domain(), fc.constantFrom('localhost', 'ex-ample', 'a_b', 'caf\u00e9', '[2001:DB8::A]')),
    ['[]', '[::1', '::1]', '[fe80::1%eth0]', '[g::1]', '[[::1]]', 'u@h', 'h?x', 'h#x', '', '1.2.3.4:']);
  const port = mostly(fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 70000 }).map((n) => ':' + n)),
    [':', ':0', ':65535', ':65536', ':99999', ':123456', ':+1', ':1a', '::1', ':08', ':00080']);
  const segment = mostly(fc.oneof(fc.webSegment(), fc.string({ unit: fc.constantFrom('a', '%20', '%7e', '%7E', '%41', '-', '.') })),
    ['%zz', '%4', '%4g', '%+1', '%C3%A9', 'a?x=1', '#f', 'a#', '?', '', '\n']);
  const path = fc.oneof(fc.constant(''), fc.array(segment, { maxLength: 4 }).map((segs) => segs.map((g) => '/' + g).join('')));
  const fragment = mostly(fc.constant(''), ['#', '#frag', '#a\nb', '#a#b']);
  return fc.oneof({ arbitrary: fc.tuple(scheme, sep, host, port, path, fragment).map((p) => p.join('')), weight: 9 }, { arbitrary: junk, weight: 1 });
}
