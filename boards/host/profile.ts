// The host simulator (Node): generous bounds, same code paths as the device.
import { RFC7252_TRANSMISSION, type BoardProfile } from '../profile.ts';

export const host: BoardProfile = Object.freeze({
  name: 'host',
  minify: false,
  memoryBudgetBytes: undefined,
  limits: Object.freeze({
    datagramBytes: 1500,
    messageBytes: 64 * 1024,
    decodeDepth: 32,
    coapBlockBytes: 1024,
    reassemblyBytes: 64 * 1024,
    coapExchanges: 64,
    instancesPerTable: 256,
    notificationsPerController: 64,
    asyncOperations: 8,
    requestPaths: 1024,
  }),
  coap: RFC7252_TRANSMISSION,
  valueChangePollMs: 1000,
});
