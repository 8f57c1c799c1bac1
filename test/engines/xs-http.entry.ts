// Runs inside the XS runner (script mode): one GET through the HAL Http of hal/xs (the runner's
// http(op, ...) host function, firmware/xs-host/host-http.c), driven by test/engines/xs-http.test.ts
// against node:net / node:http / node:https peers on 127.0.0.1. One JSON line on stdout per event:
//   {"event":"response","status":S,"length":L}   {"event":"end","error":E,"bytes":N,"blocks":B,"maxBlock":M,"sha256":H}
//   --arg url=U [--arg user=U --arg password=P] [--arg idle=MS] [--arg block=BYTES] [--arg stop-after=BYTES]
// stop-after: onData throws once that many bytes came (a slot write failing): the transfer must end there.
import { xsHost } from '../../hal/xs/host.ts';
import { xsClock } from '../../hal/xs/clock.ts';
import { xsHttp } from '../../hal/xs/http.ts';
import { xsTimers } from '../../hal/xs/timers.ts';
import { createJsHasher } from '../../src/ota/hash.ts';
import { toHex } from '../../src/codec/hex.ts';

const host = xsHost();
const emit = (event: object) => host.print(JSON.stringify(event));
const ca = host.credential('ca');
const http = xsHttp(host, xsClock(host), xsTimers(host), {
  ca, blockBytes: Number(host.arg('block') ?? '1024'), idleTimeoutMs: Number(host.arg('idle') ?? '30000'),
});
const hash = createJsHasher('SHA-256');
const stopAfter = Number(host.arg('stop-after') ?? '-1');
let bytes = 0;
let blocks = 0;
let maxBlock = 0;
let ends = 0;
emit({ event: 'schemes', schemes: http.schemes });
http.get(host.arg('url') ?? '', {
  username: host.arg('user'),
  password: host.arg('password'),
  onResponse: (status, length) => emit({ event: 'response', status, length }),
  onData: (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
    blocks++;
    if (chunk.length > maxBlock) maxBlock = chunk.length;
    if (stopAfter >= 0 && bytes >= stopAfter) throw new Error('slot write failed');
  },
  onEnd: (error) => {
    ends++;
    emit({ event: 'end', error: error ?? null, bytes, blocks, maxBlock, sha256: toHex(hash.finish()), ends });
    // A second onEnd would print a second line; the runner exits when nothing is pending.
  },
});
