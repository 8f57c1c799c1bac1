// Codec benchmark: own fixed-buffer codec vs @bufbuild/protobuf, in one process.
//   npm run bench:codec      (node --expose-gc --import tsx test/bench/codec.bench.ts)
// Cases: (a) Get Msg with 3 paths, (b) GetResp Msg with 100 params, (c) Record wrapping (b).
// Then the heap before/after 1,000,000 encodes of (b) into one reused buffer, and the codec's
// minified bundle size. Goal: own >= 3x protobuf-es on encode and decode for (b) and (c).
import { gzipSync } from 'node:zlib';
import { setFlagsFromString } from 'node:v8';
import { create, toBinary, fromBinary } from '@bufbuild/protobuf';
import { bundle } from '../../build.config.ts';
import { MsgSchema, type Msg as PbMsg } from '../../gen/usp/usp-msg_pb.ts';
import { RecordSchema, type Record as PbRecord } from '../../gen/usp/usp-record_pb.ts';
import { encodeMsg, decodeMsg, encodeRecord, decodeRecord, type Msg, type UspRecord } from '../../src/codec/index.ts';
import { get3Init, getResp100Init } from '../codec/vectors.ts';
import { fromPb } from '../codec/support.ts';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
// With V8's default allocation-site tracking, the own decoder's figures are bimodal from run
// to run (one of (b)/(c) decode runs at about half speed; protobuf-es is unaffected), and the
// bimodality goes away with --no-allocation-site-pretenuring. Both codecs run under the same
// flags; PRETENURE=1 keeps V8's default to show the other mode.
if (!process.env.PRETENURE) setFlagsFromString('--no-allocation-site-pretenuring');
const out = new Uint8Array(64 * 1024);

interface Case {
  name: string;
  bytes: number;
  own: { enc: () => number; dec: () => unknown };
  pb: { enc: () => unknown; dec: () => unknown };
}

function msgCase(name: string, pb: PbMsg): Case {
  const own = fromPb<Msg>(pb);
  const bytes = toBinary(MsgSchema, pb);
  return {
    name,
    bytes: bytes.length,
    own: { enc: () => encodeMsg(own, out), dec: () => decodeMsg(bytes) },
    pb: { enc: () => toBinary(MsgSchema, pb), dec: () => fromBinary(MsgSchema, bytes) },
  };
}

function recordCase(name: string, payload: Uint8Array): Case {
  const pb: PbRecord = create(RecordSchema, {
    version: '1.2',
    toId: 'proto::controller-1',
    fromId: 'proto::tinyusp-1',
    recordType: { case: 'noSessionContext', value: { payload } },
  });
  const own = fromPb<UspRecord>(pb);
  const bytes = toBinary(RecordSchema, pb);
  return {
    name,
    bytes: bytes.length,
    own: { enc: () => encodeRecord(own, out), dec: () => decodeRecord(bytes) },
    pb: { enc: () => toBinary(RecordSchema, pb), dec: () => fromBinary(RecordSchema, bytes) },
  };
}

/**
 * Operations per CPU-second of fn (process.cpuUsage, user + system) over ~ms of wall time. CPU
 * time rather than wall time, because other processes share this machine's cores.
 */
function opsPerSec(fn: () => unknown, ms: number): number {
  sink.fill(null);
  gc(); // so neither side pays for collecting the other's garbage
  // A full GC can drop optimised code that embeds collected objects; re-warm before timing.
  for (let t = performance.now(); performance.now() - t < 40; ) for (let i = 0; i < 100; i++) sink[i & 15] = fn();
  let n = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    // Results go to a live array, so the engine cannot optimise the work away.
    for (let i = 0; i < 100; i++) sink[i & 15] = fn();
    n += 100;
  }
  const c = process.cpuUsage(c0);
  return (n * 1e6) / (c.user + c.system);
}
const sink: unknown[] = new Array(16).fill(null);

const fmt = (x: number) => (x >= 1e6 ? (x / 1e6).toFixed(2) + 'M' : x >= 1e3 ? (x / 1e3).toFixed(1) + 'k' : x.toFixed(0));
const pad = (s: string, n: number) => s.padStart(n);

async function main(): Promise<void> {
  const getResp100 = create(MsgSchema, getResp100Init());
  const only = process.env.CASES;
  const all = [
    msgCase('(a) Get, 3 paths', create(MsgSchema, get3Init())),
    msgCase('(b) GetResp, 100 params', getResp100),
    recordCase('(c) Record{GetResp 100}', toBinary(MsgSchema, getResp100)),
  ];
  // CASES=bc runs only (b) and (c), for profiling one shape at a time.
  const cases = only ? all.filter((c) => only.includes(c.name[1])) : all;

  console.log(`node ${process.version}, ${process.arch}; ops and MB per CPU-second (best of 6 alternating rounds), higher is better\n`);
  const head = ['case', 'bytes', 'op', 'own ops/s', 'own MB/s', 'pb ops/s', 'pb MB/s', 'own/pb'];
  const widths = [26, 6, 7, 10, 9, 10, 9, 7];
  console.log(head.map((h, i) => (i === 0 ? h.padEnd(widths[i]) : pad(h, widths[i]))).join(' '));
  for (const c of cases) {
    for (const op of ['encode', 'decode'] as const) {
      const ownFn = op === 'encode' ? c.own.enc : c.own.dec;
      const pbFn = op === 'encode' ? c.pb.enc : c.pb.dec;
      for (let i = 0; i < 3000; i++) {
        ownFn();
        pbFn();
      }
      // Alternate short rounds and keep each side's best, so load from other processes on the
      // machine hits both sides alike.
      let own = 0;
      let pb = 0;
      for (let round = 0; round < 6; round++) {
        own = Math.max(own, opsPerSec(ownFn, 250));
        pb = Math.max(pb, opsPerSec(pbFn, 250));
      }
      const row = [
        c.name.padEnd(widths[0]),
        pad(String(c.bytes), widths[1]),
        pad(op, widths[2]),
        pad(fmt(own), widths[3]),
        pad(((own * c.bytes) / 1e6).toFixed(1), widths[4]),
        pad(fmt(pb), widths[5]),
        pad(((pb * c.bytes) / 1e6).toFixed(1), widths[6]),
        pad((own / pb).toFixed(2) + 'x', widths[7]),
      ];
      console.log(row.join(' '));
    }
  }

  // Heap: 1,000,000 encodes of (b) into one reused buffer should leave the heap flat.
  const b = all[1];
  const N = 1_000_000;
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) b.own.enc();
  const secs = (performance.now() - t0) / 1000;
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(
    `\nheap around ${N.toLocaleString('en')} encodes of (b) into one buffer (gc between): ` +
      `before ${(before / 1024).toFixed(0)} KiB, after ${(after / 1024).toFixed(0)} KiB, ` +
      `delta ${((after - before) / 1024).toFixed(1)} KiB (${secs.toFixed(1)} s)`,
  );

  const { code, bytes } = await bundle({ entry: 'src/codec/index.ts', minify: true });
  console.log(`\ncodec bundle (src/codec/index.ts, minified iife es2020): ${bytes} bytes, gzip ${gzipSync(code).length} bytes`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
