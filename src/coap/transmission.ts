// Transmission parameters and the times derived from them (RFC 7252 §4.8), from the board
// profile's `coap` section.

export interface TransmissionParameters {
  ackTimeoutMs: number;
  ackRandomFactor: number;
  maxRetransmit: number;
  nstart: number;
}

/** RFC 7252 §4.8.2: MAX_LATENCY is 100 s; PROCESSING_DELAY is taken as ACK_TIMEOUT. */
const MAX_LATENCY_MS = 100000;

export interface DerivedTimes {
  maxTransmitSpanMs: number;
  maxTransmitWaitMs: number;
  exchangeLifetimeMs: number;
  nonLifetimeMs: number;
}

export function derivedTimes(p: TransmissionParameters): DerivedTimes {
  const pow = Math.pow(2, p.maxRetransmit);
  const maxTransmitSpanMs = p.ackTimeoutMs * (pow - 1) * p.ackRandomFactor;
  const maxTransmitWaitMs = p.ackTimeoutMs * (2 * pow - 1) * p.ackRandomFactor;
  return {
    maxTransmitSpanMs,
    maxTransmitWaitMs,
    exchangeLifetimeMs: maxTransmitSpanMs + 2 * MAX_LATENCY_MS + p.ackTimeoutMs,
    nonLifetimeMs: maxTransmitSpanMs + MAX_LATENCY_MS,
  };
}

/**
 * RFC 7252 §4.2: the first timeout is random in [ACK_TIMEOUT, ACK_TIMEOUT * ACK_RANDOM_FACTOR),
 * drawn from 4 random bytes.
 */
export function initialTimeout(p: TransmissionParameters, random: Uint8Array): number {
  const u = (((random[0] << 24) | (random[1] << 16) | (random[2] << 8) | random[3]) >>> 0) / 4294967296;
  return p.ackTimeoutMs + Math.floor(u * p.ackTimeoutMs * (p.ackRandomFactor - 1));
}
