// The HAL contract (design.md "HAL contract"): everything host-ish the portable core needs.
// Small, synchronous where the hardware is, callback-based where it is not; shaped after
// ECMA-419 so the Moddable binding (hal/xs) is nearly one to one. Nothing here is Node-specific.

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** A bound UDP socket (ECMA-419 `Udp` flavour). */
export interface UdpSocket {
  /** The local port actually bound (useful when 0 was asked for). */
  readonly port: number;
  send(data: Uint8Array, address: string, port: number): void;
  close(): void;
}

export interface UdpOptions {
  /** Local port; 0 or absent picks an ephemeral port. */
  port?: number;
  /** Local address; default all interfaces of the board. */
  address?: string;
  /** A received datagram. `data` is only valid during the call (copy to keep it). */
  onDatagram(data: Uint8Array, address: string, port: number): void;
  /**
   * Datagrams larger than this are dropped by the host before they reach the engine: a board's
   * datagram bound, so a peer's 64 KB datagram costs it no heap. Default: no bound but UDP's.
   */
  maxDatagramBytes?: number;
  /**
   * The socket is bound and `port` is final. Hosts that bind asynchronously (Node) call it
   * later; synchronous ones may call it before `udp()` returns. A bind failure goes to onError.
   */
  onReady?(port: number): void;
  onError?(message: string): void;
}

export interface Net {
  udp(options: UdpOptions): UdpSocket;
  /** Join an IPv4 multicast group on a socket (mDNS, later issues). Optional per board. */
  joinMulticast?(socket: UdpSocket, group: string): void;
}

/**
 * DTLS 1.2 over a datagram transport, sans-I/O (platform-notes.md "DTLS"; issue 11): the caller
 * moves datagrams between the UDP socket and the sessions and drives the timers. Implemented by
 * hal/host/dtls.ts (the mbedTLS shim compiled to WebAssembly) and, over the same C shim as host
 * functions, by the XS runner and the board. Validity dates are checked against the HAL clock's
 * wall time once it is known, and ignored before (USP digest §7.2, R-MTP.2/3).
 */
export interface Dtls {
  /** A role with its credentials, set once and shared by all the sessions made from it. */
  context(options: DtlsContextOptions): DtlsContext;
  /**
   * The certificates of a PEM bundle (or one DER certificate), parsed by the same X.509 code:
   * what Device.LocalAgent.Certificate.{i} shows of a trust anchor or a TOFU certificate (digest
   * §9.4). Absent where the implementation cannot say; certificate-derived roles then stay off.
   */
  describeCertificates?(pemOrDer: Uint8Array): DtlsCertificateInfo[];
}

/** One certificate: SHA-256 of its DER, serial number (hex pairs) and issuer DN. */
export interface DtlsCertificateInfo {
  sha256: Uint8Array;
  serialNumber: string;
  issuer: string;
}

export interface DtlsContextOptions {
  role: 'client' | 'server';
  /**
   * Certificate mode (the USP default, R-MTP.1/R-COAP.16): our certificate (PEM, may hold a
   * chain), its private key (PEM or DER, EC P-256) and the trust anchors the peer's chain must
   * lead to. The peer's certificate is always required, in both roles.
   */
  certificate?: Uint8Array;
  privateKey?: Uint8Array;
  trustAnchors?: Uint8Array[];
  /**
   * PSK mode (RFC 7925 §4.2). A client uses its one entry; a server accepts any listed identity
   * (at most 8). Both modes may be configured on one context; the peer picks.
   */
  psk?: { identity: string; key: Uint8Array }[];
  /** Handshake retransmission (RFC 6347 §4.2.4): first timeout, and the one after which the handshake fails. */
  handshakeTimeoutMs?: { initial: number; max: number };
  /** Largest datagram to send: path MTU minus IP and UDP headers. */
  mtu?: number;
  /** Heap bytes one session may hold (board profile); beyond it the session fails. 0 or absent: unbounded. */
  sessionMemoryLimit?: number;
}

/** What to do with a datagram from a transport address that has no session (server role). */
export type DtlsHello =
  /** A ClientHello without a valid cookie: send this HelloVerifyRequest back; nothing is kept. */
  | { action: 'reply'; datagram: Uint8Array }
  /** A ClientHello with a valid cookie: a new session, already fed with this datagram. */
  | { action: 'accept'; session: DtlsSession }
  /** Not a ClientHello (or malformed): ignore it. */
  | { action: 'drop' };

export interface DtlsContext {
  readonly role: 'client' | 'server';
  /**
   * Server: the stateless cookie exchange (RFC 6347 §4.2.1). `peer` names the client's transport
   * address (e.g. "192.0.2.7:5684") and is bound into the cookie, so a flood of ClientHellos from
   * spoofed or many ports costs no session state.
   */
  hello(datagram: Uint8Array, peer: string, nowMs: number): DtlsHello;
  /**
   * Client: a new session whose ClientHello is queued at once (takeOutgoing). `serverName`, when
   * given, must match the server certificate's names; otherwise the caller checks the peer's
   * Endpoint ID (R-MTP.4).
   */
  connect(nowMs: number, serverName?: string): DtlsSession;
  /** Heap bytes held by the context (credentials and configuration). */
  memoryBytes(): number;
  /**
   * TOFU (digest §9.3): from now on a peer chain that leads to none of the trust anchors passes
   * the handshake, marked `untrusted` in its facts; every other certificate verdict still fails
   * it. Off by default; both HALs (wasm shim, XS host function) implement it.
   */
  acceptUntrusted(on: boolean): void;
  /** Frees the context; sessions still open are closed first (their close_notify is lost). */
  dispose(): void;
}

/** What the handshake established about the peer (only once the session is open). */
export interface DtlsPeer {
  /** IANA name, e.g. TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8. */
  cipherSuite: string;
  /** PSK identity (the client's, as seen by a server; our own, as a client). */
  pskIdentity?: string;
  /** The verified peer certificate's Endpoint ID, from its subjectAltName URI urn:bbf:usp:id:<id> (R-SEC.0a, R-SEC.10a). */
  endpointId?: string;
  /**
   * The verified peer certificate: DER, validity in Unix ms, and whether the dates were checked
   * (false when wall time was unknown at the handshake: check them once it is known, R-MTP.3).
   */
  certificate?: {
    der: Uint8Array; notBeforeMs: number; notAfterMs: number; datesChecked: boolean;
    /** SHA-256 of each certificate of the verified chain, the peer's own first, up to the trust anchor (at most 4; R-SEC.25). */
    chainSha256?: Uint8Array[];
    /** The chain led to no trust anchor (let through by acceptUntrusted: TOFU). */
    untrusted?: boolean;
  };
}

/** One DTLS 1.2 session with one peer. Every call may queue datagrams: drain takeOutgoing after each. */
export interface DtlsSession {
  readonly state: 'handshaking' | 'open' | 'closed' | 'failed';
  /** Why the session failed (the mbedTLS error, with the certificate verdict when there is one). */
  readonly error: string | undefined;
  /** One datagram received from the peer. Decrypted application data goes to readApplication. */
  feed(datagram: Uint8Array, nowMs: number): void;
  /** Drives the handshake retransmission timer; call at nextTimeoutMs() (or later). */
  step(nowMs: number): void;
  /** Monotonic ms at which step() has work to do, or -1. */
  nextTimeoutMs(): number;
  /** Next datagram to send to the peer, or undefined. */
  takeOutgoing(): Uint8Array | undefined;
  /** Next decrypted application record (one CoAP message), or undefined. */
  readApplication(): Uint8Array | undefined;
  /** Encrypts one record (state 'open' only; at most maxApplicationPayload() bytes). False if refused. */
  writeApplication(data: Uint8Array, nowMs: number): boolean;
  /** Largest application payload of one record with this MTU and suite. */
  maxApplicationPayload(): number;
  peer(): DtlsPeer | undefined;
  /** Heap bytes the session holds now (counted against sessionMemoryLimit). */
  memoryBytes(): number;
  /** The most heap bytes it held at any time (the handshake's peak: what the board must budget). */
  memoryPeakBytes(): number;
  /** Queues close_notify if open (take it with takeOutgoing) and frees the session's memory. */
  close(): void;
}

export interface Clock {
  /** Monotonic milliseconds since an arbitrary origin. */
  monotonicMs(): number;
  /** Wall time in ms since the Unix epoch, or undefined while unknown (no NTP yet). */
  wallTimeMs(): number | undefined;
}

export interface Timers {
  /** One-shot timer for the host run loop (the core itself owns no timers). */
  set(delayMs: number, callback: () => void): number;
  clear(handle: number): void;
}

/**
 * Small key/value records. `set` is atomic: after a power loss the key holds either the old
 * or the new value, never a torn one (design.md "Nothing lost").
 */
export interface Storage {
  get(key: string): Uint8Array | undefined;
  set(key: string, value: Uint8Array): void;
  delete(key: string): void;
  keys(): string[];
}

export interface FirmwareSlotInfo {
  slot: number;
  /** The image's own version (its header; ESP-IDF: esp_app_desc_t.version); '' when empty. */
  version: string;
  /** 'active' (running), 'valid' (verified, bootable), 'empty', 'invalid', 'pending' (to be tried once). */
  status: 'active' | 'valid' | 'empty' | 'invalid' | 'pending';
  /** Why this image last failed to boot (TR-181 BootFailureLog); '' if it never did. Cleared by begin(). */
  bootFailureLog: string;
}

/** What this boot is, as the boot loader decided it (ESP-IDF: esp_ota_get_state_partition). */
export interface FirmwareBootState {
  /** The running image was newly activated and has not confirmed yet (ESP_OTA_IMG_PENDING_VERIFY). */
  trial: boolean;
  /** The previous boot ran an image of this slot that did not confirm; this boot rolled back from it. -1: none. */
  rolledBackFrom: number;
}

/**
 * A/B firmware images (digest §5.4), the shape of ESP-IDF's esp_ota_*: begin/write/finish map
 * to esp_ota_begin/write/end, abort to esp_ota_abort, activate to esp_ota_set_boot_partition with
 * rollback enabled, confirm to esp_ota_mark_app_valid_cancel_rollback, rollback to
 * esp_ota_mark_app_invalid_rollback_and_reboot. Writes go to an inactive slot only. Every state
 * change is atomic (a power loss leaves the old or the new state, and a bootable image).
 */
export interface Firmware {
  slots(): FirmwareSlotInfo[];
  runningSlot(): number;
  /** The slot the next boot starts (esp_ota_get_boot_partition). */
  bootSlot(): number;
  bootState(): FirmwareBootState;
  /** Starts writing `slot` (erases it; the slot is 'empty' until finish). Throws for the running slot or while another write is open. */
  begin(slot: number, totalBytes: number): void;
  write(chunk: Uint8Array): void;
  /**
   * Finish and verify the image (its format and its own integrity, and `expectedSha256` of the
   * whole file when given). True: the slot is 'valid'; false: it is 'invalid'.
   */
  finish(expectedSha256?: Uint8Array): boolean;
  /** Drop an open write; the slot is left 'empty'. No-op when none is open. */
  abort(): void;
  /** Boot into `slot` once on the next boot; if that boot is not confirmed, the boot after it rolls back. */
  activate(slot: number): void;
  /** Confirm the running image after a good boot (cancels the rollback). */
  confirm(): void;
  /** Mark the running (unconfirmed) image invalid and make the next boot start the previous one. */
  rollback(): void;
}

/** One streamed HTTP(S) GET (digest §5.4 Download()). */
export interface HttpGetOptions {
  /** Basic authentication (Download()'s Username/Password), sent only when a username is given. */
  username?: string;
  password?: string;
  /** The status line and Content-Length (-1 when absent), before any body chunk. */
  onResponse(status: number, contentLength: number): void;
  /** One piece of the body, valid only during the call (write it out; do not keep it). */
  onData(chunk: Uint8Array): void;
  /** The transfer ended: `error` undefined on a complete body. Called exactly once, never from inside get(). */
  onEnd(error?: string): void;
}

export interface HttpRequest {
  /** Stop the transfer; onEnd is called with 'aborted' unless it already ran. */
  abort(): void;
}

/** An HTTP client for image downloads: http:// (and https:// where the host has TLS). */
export interface Http {
  /** URL schemes this host fetches, e.g. ['http', 'https']. */
  readonly schemes: readonly string[];
  get(url: string, options: HttpGetOptions): HttpRequest;
}

/** A digest algorithm of Download()'s CheckSumAlgorithm (TR-181) and of the image check. */
export type DigestAlgorithm = 'SHA-1' | 'SHA-256';

/** One streamed digest: update() as the bytes come, finish() once (the context is spent after). */
export interface DigestContext {
  update(data: Uint8Array): void;
  finish(): Uint8Array;
}

/**
 * Message digests for image downloads and checks, from the board's crypto (ESP-IDF: mbedTLS's
 * mbedtls_sha256_starts/update/finish and sha1, over the SHA accelerator). A board whose crypto
 * has none lists the portable JS one (src/ota/hash.ts jsHash, far slower on a small CPU). Absent:
 * Download() refuses a CheckSum, and A/B slot firmware (src/ota/slots.ts) cannot be built.
 */
export interface Hash {
  start(algorithm: DigestAlgorithm): DigestContext;
}

export interface DeviceIdentity {
  manufacturer: string;
  oui: string;
  productClass: string;
  serialNumber: string;
  modelName: string;
  hardwareVersion: string;
  softwareVersion: string;
}

export interface System {
  reboot(): void;
  factoryReset(): void;
  identity(): DeviceIdentity;
  randomBytes(length: number): Uint8Array;
  log(level: LogLevel, message: string): void;
}

/** What the sans-I/O core uses itself (src/core.ts); sockets and timers stay with the host. */
export interface CoreHal {
  clock: Clock;
  storage: Storage;
  firmware?: Firmware;
  /** Image downloads over HTTP(S) (Download()); absent on a board without it. */
  http?: Http;
  /** SHA-256/SHA-1 from the board's crypto; absent: Download() supports no CheckSum. */
  hash?: Hash;
  system: System;
  /** The DTLS HAL: the core uses its X.509 parsing in C (AddCertificate()); absent without DTLS. */
  dtls?: Dtls;
}

export interface Hal extends CoreHal {
  net: Net;
  dtls?: Dtls;
  timers: Timers;
}
