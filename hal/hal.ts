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

/** One DTLS 1.2 session over a datagram transport, sans-I/O (platform-notes.md, DTLS). */
export interface DtlsSession {
  /** Feed one datagram received from the peer. */
  feed(datagram: Uint8Array): void;
  /** Next datagram to send to the peer, or undefined when none is pending. */
  takeOutgoing(): Uint8Array | undefined;
  /** Decrypted application data received, or undefined. */
  readApplication(): Uint8Array | undefined;
  /** Encrypt and queue application data (only once `state` is 'open'). */
  writeApplication(data: Uint8Array): void;
  /** Drive handshake timers; returns the monotonic ms of the next timeout, or -1. */
  step(nowMs: number): number;
  readonly state: 'handshaking' | 'open' | 'closed' | 'failed';
  /** DER of the peer's certificate once verified (for the Endpoint ID check, R-SEC). */
  peerCertificate(): Uint8Array | undefined;
  /** PSK identity the peer used, when PSK mode. */
  pskIdentity(): string | undefined;
  close(): void;
}

export interface DtlsConfig {
  role: 'client' | 'server';
  /** PEM/DER credentials for Certificate mode (the default, R-SEC). */
  caCertificates?: Uint8Array[];
  certificate?: Uint8Array;
  privateKey?: Uint8Array;
  psk?: { identity: string; key: Uint8Array };
}

export interface Dtls {
  createSession(config: DtlsConfig): DtlsSession;
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
  version: string;
  /** 'active' (running), 'valid' (verified, bootable), 'empty', 'invalid', 'pending' (to be tried once). */
  status: 'active' | 'valid' | 'empty' | 'invalid' | 'pending';
}

/** A/B firmware images (digest §5.4). Writes go to the inactive slot only. */
export interface Firmware {
  slots(): FirmwareSlotInfo[];
  runningSlot(): number;
  begin(slot: number, totalBytes: number): void;
  write(chunk: Uint8Array): void;
  /** Finish and verify the image; returns false on checksum mismatch (the slot becomes invalid). */
  finish(expectedSha256?: Uint8Array): boolean;
  /** Boot into `slot` once; if the next boot is not confirmed, the board rolls back. */
  activate(slot: number): void;
  /** Confirm the running image after a good boot. */
  confirm(): void;
  rollback(): void;
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
  system: System;
}

export interface Hal extends CoreHal {
  net: Net;
  dtls?: Dtls;
  timers: Timers;
}
