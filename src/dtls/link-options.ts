// What src/dtls/link.ts is given and reports: its options (the HAL, the board's bounds, the
// credentials, the callbacks to the sockets and the core, Check-cert), its statistics, and the
// two byte-level helpers it uses.
import type { Dtls, LogLevel } from '../../hal/hal.ts';
import type { DtlsLimits } from '../../boards/profile.ts';
import type { Peer, PeerCertificate } from '../coap/types.ts';
import type { DtlsCredentials } from './credentials.ts';

export type Channel = 'server' | 'client';

/**
 * Check-cert at the handshake (src/usp/trust.ts; digest §9.3). Without it every peer chain
 * must reach a trust anchor, and no certificate-derived role is known.
 */
export interface LinkTrust {
  /** Let chains that reach no trust anchor finish the handshake (TOFU, stored certificates). */
  acceptUntrusted(): boolean;
  /** The verdict on `cert` for `endpointId`; `calling`: we called it (our client role). */
  check(endpointId: string, cert: PeerCertificate, calling: boolean): { ok: true } | { ok: false; why: string };
  /** ControllerTrust.TOFUInactivityTimer in ms (0: only the board's idle timeout). */
  tofuIdleMs(): number;
}

export interface DtlsLinkOptions {
  dtls: Dtls;
  limits: DtlsLimits;
  credentials: DtlsCredentials;
  /** Run the server role (our MTP is coaps://). The client role runs whenever there are credentials. */
  server: boolean;
  /** Largest datagram to send (the board's datagram bound). */
  datagramBytes: number;
  /** Wall time in Unix ms, or undefined while unknown: certificate dates are checked once known (R-MTP.3). */
  wallTimeMs(): number | undefined;
  /** Put one datagram on the wire, from the MTP socket ('server') or the client socket ('client'). */
  output(datagram: Uint8Array, address: string, port: number, channel: Channel): void;
  /** One decrypted CoAP message; `peer.identity.endpointId` is the authenticated Controller. */
  deliver(message: Uint8Array, peer: Peer, nowMs: number): void;
  /** Check-cert and TOFU (absent: only chains to our trust anchors pass). */
  trust?: LinkTrust;
  /** A file server's session failed or was refused: what waits on it can fail now. */
  fileFailed?(address: string, port: number, reason: string, nowMs: number): void;
  /** Any session failed, was refused or timed out (a controller tool says why to its user). */
  sessionFailed?(address: string, port: number, channel: Channel, reason: string, nowMs: number): void;
  /**
   * The shim's handshake retransmission timers (RFC 6347 §4.2.4), when not the board's
   * (retransmitMs up to handshakeTimeoutMs): a controller tool sizes them to its USP wait.
   */
  handshakeTimers?: { initial: number; max: number };
  log(level: LogLevel, message: string): void;
}

export interface DtlsLinkStats {
  sessions: number;
  helloReplies: number;
  handshakes: number;
  failures: number;
  evictions: number;
}

/** A DTLS 1.2 record of epoch 0 holding a ClientHello (RFC 6347 §4.1, §4.2.2). */
export function isClientHello(d: Uint8Array): boolean {
  return d.length > 25 && d[0] === 22 && d[3] === 0 && d[4] === 0 && d[13] === 1;
}
