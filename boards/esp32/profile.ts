// ESP32 with Moddable XS: ~150 KB of XS heap for the application (platform-notes.md), so
// every bound is small. The same bundle runs in the XS runner on the host (firmware/xs-host).
import { RFC7252_TRANSMISSION, type BoardProfile } from '../profile.ts';

export const esp32: BoardProfile = Object.freeze({
  name: 'esp32',
  minify: true,
  memoryBudgetBytes: 150 * 1024,
  limits: Object.freeze({
    datagramBytes: 1280,
    messageBytes: 8 * 1024,
    decodeDepth: 16,
    coapBlockBytes: 512,
    reassemblyBytes: 8 * 1024,
    coapExchanges: 8,
    instancesPerTable: 16,
    notificationsPerController: 8,
    asyncOperations: 2,
  }),
  coap: RFC7252_TRANSMISSION,
  // sessionBytes: the ESP32 goal of issue 11 (<= 12 KB per session), which the record buffers
  // below make room for: with a 1,280-byte datagram bound, IN holds a peer Certificate chain of
  // ~1.5 KB or one record, OUT our Certificate or one datagram (measured on 32-bit ARM:
  // firmware/dtls/README.md, "XS runner").
  dtls: Object.freeze({
    sessions: 3, sessionBytes: 12 * 1024, retransmitMs: 1000, handshakeTimeoutMs: 16_000, idleTimeoutMs: 120_000, queuedMessages: 2,
    native: Object.freeze({ inContentBytes: 2048, outContentBytes: 1280, lowMemoryEcp: true }),
  }),
  // Two OTA app partitions (ESP-IDF 'two OTA' layout on 4 MB flash).
  firmware: Object.freeze({ slots: 2, imageBytes: 1536 * 1024, confirmAfterMs: 60_000, trialWatchdogMs: 180_000, rebootGraceMs: 5_000 }),
  valueChangePollMs: 5000,
});
