// The public shapes of the CoAP endpoint: peers, requests seen by a resource, responses, the
// result of our own requests, and the endpoint's configuration.
import type { CoapOption } from './message.ts';
import type { TransmissionParameters } from './transmission.ts';
import { nameError } from '../codec/errors.ts';

/**
 * Who authenticated the link a datagram came over (the DTLS peer certificate's Endpoint ID, or
 * the PSK identity); absent on a plaintext link. It travels with the request up to Record
 * handling, where from_id is checked against it (R-SEC.0a, R-SEC.10a).
 */
export interface PeerIdentity {
  readonly endpointId?: string;
  readonly pskIdentity?: string;
  /** The certificate the link verified, for Check-cert and Determine-role (src/usp/trust.ts). */
  readonly certificate?: PeerCertificate;
}

/** What the DTLS link learnt of a peer's certificate chain (digest §9.3, R-SEC.25). */
export interface PeerCertificate {
  /** SHA-256 (lower-case hex) of each certificate of the verified chain, the peer's own first. */
  readonly chain: readonly string[];
  /** The chain led to no trust anchor: acceptable only through TOFU or a stored Controller.{i}.Credential. */
  readonly untrusted: boolean;
  /** Serial number and issuer of the peer's own certificate (a TOFU Certificate.{i} row); untrusted chains only. */
  readonly serialNumber?: string;
  readonly issuer?: string;
}

export interface Peer {
  address: string;
  port: number;
  identity?: PeerIdentity;
  /**
   * The DTLS session the message travels in (src/dtls/link.ts): 'server' when the peer called us
   * (our MTP port), 'client' when we called it (a coaps:// Controller URI; `identity.endpointId`
   * then names the Controller its certificate must prove, R-MTP.4), 'file' when we called a
   * coaps:// file server for Download() (its certificate must chain to our trust anchors; it is
   * no USP Endpoint, so no Endpoint ID is asked). Absent: plaintext CoAP.
   */
  dtls?: 'server' | 'client' | 'file';
}

export function peerKey(p: Peer): string {
  return p.address + '|' + p.port;
}

/** A request as a resource sees it (Block1 already reassembled into `payload`). */
export interface CoapRequest {
  peer: Peer;
  method: number;
  confirmable: boolean;
  token: Uint8Array;
  /** All options, values are views valid only during the call. */
  options: CoapOption[];
  uriPath: string[];
  uriQuery: string[];
  contentFormat: number | undefined;
  payload: Uint8Array;
}

export interface CoapResponse {
  code: number;
  contentFormat?: number;
  options?: CoapOption[];
  payload?: Uint8Array;
}

/**
 * What the endpoint serves. `check` runs on the first block of a Block1 upload (and before
 * `handle` otherwise): a response refuses the request before its body is collected.
 * Both must be synchronous: the answer is piggybacked on the ACK.
 */
export interface CoapResource {
  check?(req: CoapRequest): CoapResponse | undefined;
  handle(req: CoapRequest): CoapResponse;
}

/** How one of our requests ended (exactly once per request). */
export type CoapResult =
  | { kind: 'response'; code: number; options: CoapOption[]; payload: Uint8Array }
  /** No ACK or response within MAX_TRANSMIT_WAIT / EXCHANGE_LIFETIME (R-COAP.9). */
  | { kind: 'timeout' }
  /** The peer rejected our message with RST. */
  | { kind: 'reset' }
  /** A block-wise transfer went wrong (bad echo, out of order), or we were closed. */
  | { kind: 'failed'; reason: string };

export interface RequestSpec {
  method: number;
  uriPath?: string[];
  uriQuery?: string[];
  contentFormat?: number;
  /** Kept by reference until the request ends (for blocks and retransmissions): do not change it. */
  payload?: Uint8Array;
  /** Send Block1 + Size1 even when the payload fits in one block (as OB-USP-Agent does). */
  block1Always?: boolean;
  /** Ask for our block size in the first request (RFC 7959 §2.4 early negotiation, Block2 num 0). */
  earlyBlock2?: boolean;
  /**
   * Fetch a Block2 response body (RFC 7959 §2.4) and stream it: each block's payload, in order,
   * at its byte offset, valid only during the call (an image download writes it out, so RAM
   * holds one block, not the body). A throw ends the request as 'failed'. The final result then
   * carries an empty payload. Without it the response is the one message that answered (its
   * later blocks are not fetched: an Agent fetches no other body).
   */
  onBlock2?(payload: Uint8Array, offset: number): void;
}

export interface EndpointLimits {
  datagramBytes: number;
  coapBlockBytes: number;
  reassemblyBytes: number;
  coapExchanges: number;
}

export interface EndpointConfig {
  /** Emit one datagram; `bytes` is only valid during the call. */
  send(bytes: Uint8Array, peer: Peer): void;
  /** HAL system.randomBytes. */
  randomBytes(length: number): Uint8Array;
  limits: EndpointLimits;
  transmission: TransmissionParameters;
  resource?: CoapResource;
  /** Concurrent Block1 reassemblies / Block2 bodies kept (default max(1, coapExchanges / 8)). */
  maxReassemblies?: number;
}

export class CoapLimitError extends Error {
  constructor(message: string) {
    super(message);
    nameError(this, 'CoapLimitError');
  }
}

export interface EndpointStats {
  received: number;
  sent: number;
  retransmissions: number;
  duplicates: number;
  malformed: number;
  dedupEvictions: number;
}
