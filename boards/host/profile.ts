// The host simulator (Node): generous bounds, same code paths as the device.
import { RFC7252_TRANSMISSION, type BoardProfile } from '../profile.ts';
import { shortString } from '../../src/codec/string-cache.ts';

export const host: BoardProfile = Object.freeze({
  name: 'host',
  minify: false,
  memoryBudgetBytes: undefined,
  codecStringCache: shortString,
  limits: Object.freeze({
    datagramBytes: 1500,
    messageBytes: 64 * 1024,
    decodeDepth: 32,
    coapBlockBytes: 1024,
    reassemblyBytes: 64 * 1024,
    coapExchanges: 64,
    instancesPerTable: 256,
    modelInstances: 4096,
    modelValueBytes: 4 * 1024 * 1024,
    notificationsPerController: 64,
    notificationsQueued: 4096,
    asyncOperations: 8,
    requestPaths: 1024,
    recentMsgIds: 64,
  }),
  coap: RFC7252_TRANSMISSION,
  dtls: Object.freeze({ sessions: 64, sessionBytes: 32 * 1024, retransmitMs: 1000, handshakeTimeoutMs: 16_000, idleTimeoutMs: 300_000, queuedMessages: 8 }),
  firmware: Object.freeze({ slots: 2, imageBytes: 64 * 1024 * 1024, confirmAfterMs: 60_000, trialWatchdogMs: 180_000, rebootGraceMs: 5_000 }),
  valueChangePollMs: 1000,
});
