// Runs inside the XS runner (script mode): SHA-1 / SHA-256 through the HAL Hash of hal/xs (the
// runner's hash(op, ...) host function over mbedTLS, firmware/xs-host/host-hash.c), driven by
// test/engines/xs-hash.test.ts and test/bench/hash.bench.ts. One JSON line on stdout per result.
//   --arg mode=vectors  the digests of deterministic data of lengths 0..200 and 100,000, fed in
//                       uneven pieces: {"alg":A,"n":N,"hex":H}; then the refusals:
//                       {"refused":CASE,"error":NAME}
//   --arg mode=bench --arg bytes=N --arg impl=host|js  hash N bytes in 1 KB pieces with SHA-256:
//                       {"impl":I,"bytes":N,"ms":T,"hex":H}
import { xsHost } from '../../hal/xs/host.ts';
import { xsHash } from '../../hal/xs/hash.ts';
import { jsHash, type HashAlgorithm } from '../../src/ota/hash.ts';
import { toHex } from '../../src/codec/hex.ts';

const host = xsHost();
const hash = xsHash(host);
const emit = (o: object) => host.print(JSON.stringify(o));

/** Byte i of the test data: the same formula the test computes with node:crypto. */
const dataOf = (n: number) => {
  const d = new Uint8Array(n);
  for (let i = 0; i < n; i++) d[i] = (i * 31 + (i >> 8) * 7) & 255;
  return d;
};

if (host.arg('mode') === 'bench') {
  const bytes = Number(host.arg('bytes'));
  const impl = host.arg('impl') === 'js' ? 'js' : 'host';
  const block = dataOf(1024);
  const h = (impl === 'host' ? hash : jsHash).start('SHA-256');
  const t0 = host.monotonicMs();
  for (let done = 0; done < bytes; done += block.length) h.update(block.subarray(0, Math.min(block.length, bytes - done)));
  const hex = toHex(h.finish());
  emit({ impl, bytes, ms: host.monotonicMs() - t0, hex });
} else {
  for (const alg of ['SHA-1', 'SHA-256'] as HashAlgorithm[]) {
    const lengths: number[] = [];
    for (let n = 0; n <= 200; n++) lengths.push(n);
    lengths.push(100_000);
    for (const n of lengths) {
      const data = dataOf(n);
      const h = hash.start(alg);
      // Pieces of 1..97 bytes, and the data as a view at an offset of a larger buffer.
      const backing = new Uint8Array(n + 16);
      backing.set(data, 9);
      const view = backing.subarray(9, 9 + n);
      let i = 0;
      while (i < n) {
        const step = 1 + ((i * 7919) % 97);
        h.update(view.subarray(i, Math.min(n, i + step)));
        i += step;
      }
      emit({ alg, n, hex: toHex(h.finish()) });
    }
  }
  const refused = (name: string, f: () => unknown) => {
    try { f(); emit({ refused: name, error: null }); } catch (e) { emit({ refused: name, error: (e as Error).name }); }
  };
  const spent = hash.start('SHA-256');
  spent.finish();
  refused('update after finish', () => spent.update(new Uint8Array(4)));
  refused('finish twice', () => spent.finish());
  refused('foreign state', () => host.hash(1, new ArrayBuffer(8), new ArrayBuffer(4), 0, 4));
  refused('algorithm 3', () => host.hash(0, 3));
  const live = host.hash(0, 2);
  refused('offset beyond', () => host.hash(1, live, new ArrayBuffer(4), 3, 2));
  refused('negative length', () => host.hash(1, live, new ArrayBuffer(4), 0, -1));
  // The refused updates changed nothing: the live state still hashes "abc" right.
  host.hash(1, live, new Uint8Array([97, 98, 99]).buffer as ArrayBuffer, 0, 3);
  emit({ alg: 'SHA-256', abcAfterRefusals: toHex(new Uint8Array(host.hash(2, live))) });
}
