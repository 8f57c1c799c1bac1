// One DTLS session of the HAL `Dtls` on Node (hal/hal.ts DtlsSession) over the WebAssembly shim
// (hal/host/dtls-module.ts): the handshake through tud_feed/tud_step, then the record path of an
// open session in one call each way (tud_feed_read, tud_write_take; firmware/dtls/README.md,
// "Host contract").
import type { DtlsPeer, DtlsSession } from '../hal.ts';
import { mbedtlsError, verifyFlags } from '../dtls-errors.ts';
import { OUT_PENDING, SCRATCH, type DtlsModule } from './dtls-module.ts';

const STATES = ['handshaking', 'open', 'closed', 'failed'] as const;

/** The session at `ptr` (tud_server_new / tud_client_new); `live` holds it until it is freed. */
export function hostSession(m: DtlsModule, ptr: number, live: Set<DtlsSession>): DtlsSession {
  const { x, mem, scratch, scratchOut, copyOut, syncWallTime } = m;
  const outgoing: Uint8Array[] = [];
  const incoming: Uint8Array[] = [];
  let freed = false;
  let closedState: 'closed' | 'failed' | undefined;
  let failure: string | undefined;
  let peak = 0;
  // The shim's state (TUD_*) as of the last call that can change it (feed, step, read, write,
  // close), and the record payload bound once open: read per record by the link, they are kept
  // here rather than asked of the module each time.
  let st = x.tud_state(ptr);
  let maxPayload = -1;

  const drainOut = () => {
    for (;;) {
      const n = x.tud_out_take(ptr, scratch, SCRATCH);
      if (n === 0) break;
      outgoing.push(copyOut(scratch, n));
    }
  };
  const noteFailure = () => {
    st = x.tud_state(ptr);
    if (failure !== undefined || st !== 3) return;
    const code = x.tud_error(ptr);
    failure = mbedtlsError(code);
    if (x.tud_over_limit(ptr)) failure = 'session memory limit reached: ' + failure;
    const flags = x.tud_peer_verify_flags(ptr) >>> 0;
    if (code === -0x2700 && flags !== 0 && flags !== 0xffffffff) failure += ': ' + verifyFlags(flags).join(', ');
  };
  /**
   * `single`: the datagram was one record, so one application record is all it can hold.
   * False once a read found the session closed or failed (the state must be asked again).
   */
  const drainIn = (nowMs: number, single: boolean): boolean => {
    for (;;) {
      const n = x.tud_read(ptr, scratch, SCRATCH, nowMs);
      if (n < 0) return false;
      if (n === 0) return true;
      incoming.push(copyOut(scratch, n));
      if (single) return true;
    }
  };
  const release = () => {
    if (freed) return;
    closedState = x.tud_state(ptr) === 3 ? 'failed' : 'closed';
    peak = x.tud_memory_peak(ptr);
    freed = true;
    live.delete(s);
    x.tud_free(ptr);
  };

  const s: DtlsSession = {
    get state() {
      return freed ? closedState! : STATES[st];
    },
    get error() {
      return failure;
    },
    feed(datagram, nowMs) {
      // Larger than any record buffer: it could not be accepted anyway, so it is lost.
      if (freed || datagram.length > SCRATCH) return;
      if (st === 1) {
        // Open: feed and read in one call (no certificate is verified now, so no wall time).
        mem().set(datagram, scratch);
        const r = x.tud_feed_read(ptr, scratch, datagram.length, scratchOut, SCRATCH, nowMs);
        if (r < 0) {
          drainOut();
          return noteFailure();
        }
        const n = r & 0xffffff;
        if (n > 0) incoming.push(copyOut(scratchOut, n));
        // More records in the datagram (a peer may pack several): read them too.
        const settled = oneRecord(datagram) || drainIn(nowMs, false);
        if (r & OUT_PENDING) drainOut();
        if (!settled) noteFailure();
        return;
      }
      // Handshaking: feed, then read what the flight completed (a Finished may carry data).
      syncWallTime();
      mem().set(datagram, scratch);
      st = x.tud_feed(ptr, scratch, datagram.length, nowMs);
      // The state is as tud_feed returned it unless a read ended the session.
      const settled = drainIn(nowMs, st === 1 && oneRecord(datagram));
      drainOut();
      if (!settled || st === 3) noteFailure();
    },
    step(nowMs) {
      if (freed) return;
      syncWallTime();
      x.tud_step(ptr, nowMs);
      drainOut();
      noteFailure();
    },
    nextTimeoutMs() {
      // Only a handshake has a timer (tud_next_timeout is -1 otherwise).
      return freed || st !== 0 ? -1 : x.tud_next_timeout(ptr);
    },
    takeOutgoing() {
      return outgoing.shift();
    },
    readApplication() {
      return incoming.shift();
    },
    writeApplication(data, nowMs) {
      if (freed || st !== 1 || data.length > SCRATCH) return false;
      mem().set(data, scratch);
      // One call: the record's datagram comes back in scratchOut (tinyusp_dtls.h).
      const w = x.tud_write_take(ptr, scratch, data.length, scratchOut, SCRATCH, nowMs);
      if (w < 0) {
        drainOut();
        noteFailure();
        return false;
      }
      const n = w & 0xffffff;
      if (n > 0) outgoing.push(copyOut(scratchOut, n));
      if (w & OUT_PENDING) drainOut();
      return true;
    },
    maxApplicationPayload() {
      if (freed) return 0;
      // Fixed once the handshake has chosen the suite (the MTU is set per context).
      if (st !== 1) return x.tud_max_payload(ptr);
      if (maxPayload < 0) maxPayload = x.tud_max_payload(ptr);
      return maxPayload;
    },
    peer(): DtlsPeer | undefined {
      if (freed || st !== 1) return undefined;
      const suite = x.tud_ciphersuite(ptr);
      if (suite === 0) return undefined;
      const info: DtlsPeer = { cipherSuite: m.cString(suite) };
      let n = x.tud_psk_identity(ptr, scratch, SCRATCH);
      if (n >= 0) info.pskIdentity = dec.decode(mem().subarray(scratch, scratch + n));
      n = x.tud_peer_endpoint_id(ptr, scratch, SCRATCH);
      if (n >= 0) info.endpointId = dec.decode(mem().subarray(scratch, scratch + n));
      n = x.tud_peer_cert_der(ptr, scratch, SCRATCH);
      if (n > 0) {
        info.certificate = {
          der: mem().slice(scratch, scratch + n),
          notBeforeMs: x.tud_peer_not_before(ptr) * 1000,
          notAfterMs: x.tud_peer_not_after(ptr) * 1000,
          datesChecked: x.tud_peer_dates_checked(ptr) === 1,
          chainSha256: chain(m, ptr),
          untrusted: x.tud_peer_untrusted(ptr) === 1,
        };
      }
      return info;
    },
    memoryBytes() {
      return freed ? 0 : x.tud_memory(ptr);
    },
    memoryPeakBytes() {
      if (!freed) peak = x.tud_memory_peak(ptr);
      return peak;
    },
    close() {
      if (freed) return;
      x.tud_close(ptr);
      drainOut();
      release();
      st = 2;
    },
  };
  return s;
}

const dec = new TextDecoder();

/** Trust facts: the SHA-256 of each verified chain certificate, leaf first. */
function chain(m: DtlsModule, ptr: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let d = 0; m.x.tud_peer_chain_sha256(ptr, d, m.scratch) === 32; d++) out.push(m.mem().slice(m.scratch, m.scratch + 32));
  return out;
}

/** A datagram that is exactly one DTLS record (RFC 6347 §4.1: 13-byte header, 16-bit length). */
function oneRecord(d: Uint8Array): boolean {
  return d.length >= 13 && 13 + ((d[11] << 8) | d[12]) === d.length;
}
