// Bundle-size probe: everything the agent will use from src/coap and src/mtp/coap.ts, kept alive.
import { CoapEndpoint } from '../../src/coap/index.ts';
import { UspCoapBinding } from '../../src/mtp/coap.ts';

(globalThis as { tinyuspCoap?: unknown }).tinyuspCoap = (send: (b: Uint8Array, p: { address: string; port: number }) => void, randomBytes: (n: number) => Uint8Array) => {
  const ep = new CoapEndpoint({
    send,
    randomBytes,
    limits: { datagramBytes: 1280, coapBlockBytes: 512, reassemblyBytes: 8192, coapExchanges: 8 },
    transmission: { ackTimeoutMs: 2000, ackRandomFactor: 1.5, maxRetransmit: 4, nstart: 1 },
  });
  return new UspCoapBinding(ep, { path: 'usp' }, () => 'ok');
};
