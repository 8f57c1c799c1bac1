// Shared test fixtures: an endpoint with captured output, message builders.
import { CoapEndpoint } from '../../src/coap/endpoint.ts';
import { decodeMessage, encodeMessage, type CoapMessage, type CoapOption } from '../../src/coap/message.ts';
import type { CoapResource, CoapResult, EndpointLimits, Peer, RequestSpec } from '../../src/coap/types.ts';
import type { TransmissionParameters } from '../../src/coap/transmission.ts';
import { seededBytes } from '../support/sim-net.ts';
import { host } from '../../boards/host/profile.ts';

export const PEER: Peer = { address: '127.0.0.1', port: 5683 };

export interface Captured {
  ep: CoapEndpoint;
  out: { msg: CoapMessage; peer: Peer; bytes: Uint8Array }[];
}

export function endpoint(
  opts: { resource?: CoapResource; limits?: Partial<EndpointLimits>; transmission?: Partial<TransmissionParameters>; seed?: number; randomBytes?: (n: number) => Uint8Array } = {},
): Captured {
  const out: Captured['out'] = [];
  const ep = new CoapEndpoint({
    send: (bytes, peer) => {
      const copy = bytes.slice();
      const d = decodeMessage(copy);
      if (!d.ok) throw new Error('endpoint sent a malformed datagram: ' + Buffer.from(copy).toString('hex'));
      out.push({ msg: d.message, peer: { ...peer }, bytes: copy });
    },
    randomBytes: opts.randomBytes || seededBytes(opts.seed ?? 1),
    limits: { ...host.limits, ...opts.limits },
    transmission: { ...host.coap, ...opts.transmission },
    resource: opts.resource,
  });
  return { ep, out };
}

export function bytesOf(m: Partial<CoapMessage> & { code: number }): Uint8Array {
  const full: CoapMessage = {
    type: 0,
    messageId: 1,
    token: new Uint8Array([1, 2, 3, 4]),
    options: [],
    payload: new Uint8Array(0),
    ...m,
  };
  const buf = new Uint8Array(2048);
  return buf.slice(0, encodeMessage(full, buf));
}

export function opt(number: number, value: string | Uint8Array): CoapOption {
  return { number, value: typeof value === 'string' ? new TextEncoder().encode(value) : value };
}

/**
 * `spec` with an onBlock2 that keeps each block (the endpoint fetches a Block2 body only for a
 * caller that streams it), and the callback that hands over the result with the whole body.
 */
export function collecting(spec: RequestSpec, onDone: (r: CoapResult) => void): [RequestSpec, (r: CoapResult) => void] {
  const parts: number[] = [];
  return [
    { ...spec, onBlock2: (payload, offset) => { if (offset !== parts.length) throw new Error('block at ' + offset + ', expected ' + parts.length); parts.push(...payload); } },
    (r) => onDone(r.kind === 'response' && r.code >= 64 && r.code < 96 ? { ...r, payload: new Uint8Array(parts) } : r),
  ];
}
