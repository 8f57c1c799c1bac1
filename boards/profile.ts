// A board profile: every bound the core enforces comes from here (design.md "Errors and bad
// input": every buffer, table and queue has a bound). Hitting a bound is an error with a code
// (USP 7005 Resources exceeded, CoAP 4.13), never unbounded growth.
import type { ShortStrings } from '../src/codec/errors.ts';

export interface BoardProfile {
  name: string;
  // minify, memoryBudgetBytes, footprintBudget, DtlsLimits.native and firmware.slots and
  // trialWatchdogMs are read by the build and its tools only: a device's run-time profile may
  // leave them out (boards/esp32/profile.ts), so they are not in its flash.
  /** Minify the bundle (device boards; default true). */
  minify?: boolean;
  /**
   * RAM the board leaves to the agent's JavaScript engine, bytes (XS heap on 32-bit), or
   * undefined on a host with no such budget. The figure a device build has to fit.
   */
  memoryBudgetBytes?: number;
  /**
   * Footprint budgets of a device board, bytes, as `npm run footprint` measures them (32-bit,
   * under qemu-arm): CI fails when a figure grows past its budget.
   */
  footprintBudget?: {
    /** Flash of the agent above an empty preloaded module (byte code + preloaded heap). */
    flashAgentBytes: number;
    /** RAM after boot, after a collection (slots x 16 + chunks + alias table). */
    ramBootBytes: number;
    /** Live RAM high-water mark over the footprint scenario. */
    ramPeakBytes: number;
  };
  /**
   * The USP decoder's string cache (src/codec/string-cache.ts's `shortString`), or none: it saves
   * decoding repeated names but holds ~17 KB of RAM on XS once made, and a board without it
   * carries none of its code (DecodeLimits.stringCache).
   */
  codecStringCache?: ShortStrings;
  limits: {
    /** Largest UDP datagram handled, bytes. */
    datagramBytes: number;
    /** Largest encoded USP Msg / Record we build or accept, bytes (fixed codec buffers). */
    messageBytes: number;
    /** Deepest protobuf nesting accepted on decode. */
    decodeDepth: number;
    /** CoAP block size (RFC 7959 SZX), bytes: 16..1024. */
    coapBlockBytes: number;
    /** Largest Block1 reassembly, bytes (4.13 beyond). */
    reassemblyBytes: number;
    /** Concurrent CoAP exchanges tracked for dedup/retransmission. */
    coapExchanges: number;
    /** Instances per multi-instance table (7005 beyond). */
    instancesPerTable: number;
    /**
     * Rows of the whole data model, every table together (nested ones included; 7005 beyond).
     * instancesPerTable alone lets nested tables grow to its product (8 Controllers x 8 MTPs...).
     */
    modelInstances: number;
    /**
     * UTF-8 bytes of every stored parameter value of the data model together (7005 for the Set or
     * Add that would pass it). With modelInstances, what the model can cost in RAM (boards/esp32/worst-case.ts).
     */
    modelValueBytes: number;
    /** Pending notifications queued per Controller (oldest dropped beyond). */
    notificationsPerController: number;
    /** Pending notifications of every Controller together (the oldest of the longest queue dropped beyond). */
    notificationsQueued: number;
    /** Concurrent asynchronous operations (7005 beyond). */
    asyncOperations: number;
    /** Paths and parameter settings one request may name (7005 beyond): bounds its handling. */
    requestPaths: number;
    /** Remembered (Controller, msg_id) pairs for duplicate suppression (R-MSG.4; oldest dropped beyond). */
    recentMsgIds: number;
  };
  coap: {
    ackTimeoutMs: number;
    ackRandomFactor: number;
    maxRetransmit: number;
    nstart: number;
  };
  /** Interval of the bounded ValueChange poll for HAL-changed values, ms. */
  valueChangePollMs: number;
  /** DTLS (src/dtls/): the session table's bounds and timers (issue 11). */
  dtls: DtlsLimits;
  /** A/B firmware images (digest §5.4; src/ota). */
  firmware: {
    /** Image slots (FirmwareImage rows) the board's flash has (the agent's are src/ota/slots.ts's SLOT_COUNT). */
    slots?: number;
    /** Largest image a slot holds, bytes (a Download beyond it fails). */
    imageBytes: number;
    /**
     * A newly activated image confirms itself once it has reached a Controller, or after this long
     * up and serving (a board whose Controller is away still keeps a healthy image).
     */
    confirmAfterMs: number;
    /** The boot loader's watchdog: an image still unconfirmed this long after its start is reset and rolled back. */
    trialWatchdogMs?: number;
    /** After an activation, how long the reboot waits for notifications in flight to leave. */
    rebootGraceMs: number;
  };
}

export interface DtlsLimits {
  /** Concurrent DTLS sessions, both roles together; beyond it the oldest idle one is evicted. */
  sessions: number;
  /** Heap bytes one session may hold, its handshake peak included (the HAL's sessionMemoryLimit). */
  sessionBytes: number;
  /** First handshake retransmission timeout, ms (RFC 6347 §4.2.4.1); it doubles from there. */
  retransmitMs: number;
  /** A handshake not finished after this long fails and its session goes, ms. */
  handshakeTimeoutMs: number;
  /** An open session without traffic for this long is closed (close_notify), ms. */
  idleTimeoutMs: number;
  /** CoAP messages queued per client session while its handshake runs (the oldest dropped beyond). */
  queuedMessages: number;
  /**
   * How a board that links the mbedTLS shim natively compiles it (firmware/dtls; the XS runner
   * builds it so, firmware/xs-host/dtls.mjs). Absent: the shim's defaults (record buffers
   * 4096/2048, as the Node simulator's WebAssembly module).
   */
  native?: DtlsNative;
}

/** mbedTLS build options that set a session's memory (issue 11: a session fits the board). */
export interface DtlsNative {
  /**
   * Record buffers (MBEDTLS_SSL_IN/OUT_CONTENT_LEN). IN holds the largest record or handshake
   * message the peer sends (its Certificate, reassembled, RFC 6347 §4.2.3); OUT the largest we
   * send (our Certificate, a record of at most limits.datagramBytes).
   */
  inContentBytes: number;
  outContentBytes: number;
  /** ECP window 2 and no fixed-point comb cache: ~2 KB less handshake peak, slower ECDSA. */
  lowMemoryEcp: boolean;
}

export const RFC7252_TRANSMISSION = Object.freeze({
  ackTimeoutMs: 2000,
  ackRandomFactor: 1.5,
  maxRetransmit: 4,
  nstart: 1,
});
