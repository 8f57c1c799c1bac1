// The native host functions of the XS runner (firmware/xs-host/xs-host.c): one frozen global
// object `__tinyusp_host`. The same names will be provided by the Moddable board's host
// modules, so the bindings in this folder serve both. Byte results are ArrayBuffers (the
// bindings wrap them in Uint8Array); byte arguments travel as (buffer, offset, length).

export interface XsHostFunctions {
  /** Text and a newline on stdout: the program's output. */
  print(text: string): void;
  /** "[level] text" on stderr. */
  log(level: string, text: string): void;
  /** Milliseconds since the runner started, never going back. */
  monotonicMs(): number;
  /** Milliseconds since the Unix epoch, or undefined while the board does not know the time. */
  wallTimeMs(): number | undefined;
  /** `length` (0..65536) bytes from the OS random source. */
  randomBytes(length: number): ArrayBuffer;
  /** Standard UTF-8; lone surrogates become U+FFFD. */
  utf8Encode(text: string): ArrayBuffer;
  /** Strict UTF-8 decode of buffer[offset, offset + length): throws TypeError if ill-formed. */
  utf8Decode(buffer: ArrayBuffer, offset: number, length: number): string;
  /** One-shot timer; returns its id (>= 1). At most 64 armed at once (RangeError beyond). */
  setTimer(delayMs: number, callback: () => void): number;
  /** Unknown or already fired ids are ignored. */
  clearTimer(id: number): void;
  /** Ends the runner now with `code` (0..255). */
  exit(code: number): void;

  /**
   * Binds a UDP socket to an IP literal and port (0: any free port); throws on a bind failure.
   * Datagrams arrive from the event loop as a fresh ArrayBuffer. At most 8 sockets.
   */
  udpOpen(address: string, port: number, onDatagram: (data: ArrayBuffer, address: string, port: number) => void, maxDatagram?: number): number;
  /** The port the socket is bound to. */
  udpPort(id: number): number;
  /** One datagram of buffer[offset, offset + length); throws on failure. */
  udpSend(id: number, buffer: ArrayBuffer, offset: number, length: number, address: string, port: number): void;
  /** Unknown or closed ids are ignored. */
  udpClose(id: number): void;

  /** The record of `key`, or undefined. Throws without a --state directory. */
  storageGet(key: string): ArrayBuffer | undefined;
  /** Atomic write (temp file, fsync, rename, fsync of the directory). */
  storageSet(key: string, buffer: ArrayBuffer, offset: number, length: number): void;
  storageDelete(key: string): void;
  /** Every key, sorted. */
  storageKeys(): string[];

  /** The value of the runner's `--arg name=value`, or undefined. */
  arg(name: string): string | undefined;
  /** The text of the runner's `--defaults FILE`, or undefined. */
  defaultsJson(): string | undefined;
  /** Restart the firmware on the same state (does not return). */
  reboot(): void;
  /** Restart after the data model wiped itself (does not return). */
  factoryReset(): void;

  /** A/B slot files under --state DIR/fw (firmware/xs-host/host-firmware.c); names [A-Za-z0-9._-]. */
  fwRead(name: string): ArrayBuffer | undefined;
  /** Atomic write of a small file (at most 64 KB). */
  fwWrite(name: string, buffer: ArrayBuffer, offset: number, length: number): void;
  fwRemove(name: string): void;
  /** Start streaming an image into `name` (one at a time). */
  fwOpen(name: string): void;
  fwAppend(buffer: ArrayBuffer, offset: number, length: number): void;
  /** Sync and close the image; rename it to `finalName`, or remove it when undefined. */
  fwClose(finalName?: string): void;
  // DTLS 1.2 over the mbedTLS shim (firmware/xs-host/host-dtls.c; bound in dtls.ts, which names
  // the operations: DTLS_OP). One host function for all of them: each one costs the board ~100 B
  // of heap at boot. Contexts and sessions are ids; mbedTLS memory is C heap outside the XS cap,
  // counted per session. Errors are negative mbedTLS codes.
  /** Wall time in Unix seconds for certificate dates, or -1 while unknown. */
  dtls(op: 0, seconds: number): void;
  /** A context; sessionLimit in 32-bit terms (0: none). */
  dtls(op: 1, server: boolean, handshakeInitialMs: number, handshakeMaxMs: number, mtu: number, sessionLimit: number): number;
  /** Trust anchors; 0 or an error. */
  dtls(op: 2, ctx: number, buffer: ArrayBuffer, offset: number, length: number): number;
  /** Our certificate and key; 0 or an error. */
  dtls(op: 3, ctx: number, cert: ArrayBuffer, certOffset: number, certLength: number, key: ArrayBuffer, keyOffset: number, keyLength: number): number;
  /** A PSK; 0 or an error. */
  dtls(op: 4, ctx: number, identity: string, key: ArrayBuffer, offset: number, length: number): number;
  /** Fixes suites and authentication mode; 0 or an error. */
  dtls(op: 5, ctx: number): number;
  /** Bytes the context holds. */
  dtls(op: 6, ctx: number): number;
  /** Frees the sessions still made from the context, then the context. */
  dtls(op: 7, ctx: number): void;
  /** A HelloVerifyRequest to send back, a new session's id (already fed), or undefined (drop). */
  dtls(op: 8, ctx: number, buffer: ArrayBuffer, offset: number, length: number, peer: string, nowMs: number): ArrayBuffer | number | undefined;
  /** A new client session's id; its ClientHello is queued. */
  dtls(op: 9, ctx: number, serverName: string | undefined, nowMs: number): number;
  /** Feeds one datagram; returns the application records it carried, decrypted. */
  dtls(op: 10, session: number, buffer: ArrayBuffer, offset: number, length: number, nowMs: number): ArrayBuffer[] | undefined;
  /** The retransmission timer. */
  dtls(op: 11, session: number, nowMs: number): void;
  /** The oldest datagram queued to send. */
  dtls(op: 12, session: number): ArrayBuffer | undefined;
  /** Encrypts one record: its length, or an error. */
  dtls(op: 13, session: number, buffer: ArrayBuffer, offset: number, length: number, nowMs: number): number;
  /** One number about the session (DTLS_INFO in dtls.ts). */
  dtls(op: 14, session: number, what: number): number;
  /** [suite, pskIdentity, endpointId, der, notBeforeS, notAfterS, datesChecked, chain SHA-256s (32 B each), untrusted] once open. */
  dtls(op: 15, session: number): [string, ArrayBuffer?, ArrayBuffer?, ArrayBuffer?, number?, number?, boolean?, ArrayBuffer?, boolean?] | undefined;
  /** Queues close_notify if open, frees the session, returns the datagrams still to send. */
  dtls(op: 16, session: number): ArrayBuffer[] | undefined;
  /** TOFU: chains that reach no trust anchor pass the handshake, marked untrusted. */
  dtls(op: 17, ctx: number, on: boolean): void;
  /** The index-th certificate of a PEM bundle: SHA-256 (32 bytes) then "serial\nissuer", or undefined. */
  dtls(op: 18, buffer: ArrayBuffer, offset: number, length: number, index: number): ArrayBuffer | undefined;

  // HTTP/1.1 GET over TCP, https over mbedTLS's TLS (firmware/xs-host/host-http.c; bound in
  // http.ts). Events: onEvent(0, status, contentLength | -1), onEvent(1, block) per body block,
  // then once onEvent(2, error | undefined). At most 2 transfers at once (RangeError beyond).
  /** A transfer's id; throws on bad arguments or a failed connect()/TLS setup. */
  http(op: 0, address: string, port: number, tls: boolean, hostHeader: string, path: string, user: string | undefined, password: string,
    ca: ArrayBuffer | undefined, wallSeconds: number, blockBytes: number, onEvent: (kind: number, a: unknown, b: unknown) => void): number;
  /** Stops a transfer (no more events); unknown ids are ignored. */
  http(op: 1, id: number): void;

  // SHA-1 / SHA-256 over mbedTLS (firmware/xs-host/host-hash.c; bound in hash.ts). The state
  // is an ArrayBuffer made by op 0 (algorithm 1: SHA-1, 2: SHA-256); a finished one is refused.
  hash(op: 0, algorithm: number): ArrayBuffer;
  hash(op: 1, state: ArrayBuffer, buffer: ArrayBuffer, offset: number, length: number): void;
  /** The digest (20 or 32 bytes). */
  hash(op: 2, state: ArrayBuffer): ArrayBuffer;

  /** The bytes of the runner's --cert, --key or --ca file (PEM), or undefined when not given. */
  credential(name: 'cert' | 'key' | 'ca'): ArrayBuffer | undefined;

  /** [bytes, slots, chunks] of the XS heap live after a full collection (for measurements). */
  heapUsed(): [number, number, number];
}

/** The host functions, or an error when not running under the XS runner or a Moddable board. */
export function xsHost(): XsHostFunctions {
  const host = (globalThis as { __tinyusp_host?: XsHostFunctions }).__tinyusp_host;
  if (!host) throw new Error('hal/xs: no __tinyusp_host global (not running in the XS runner)');
  return host;
}
