// ESP32 with Moddable XS: ~150 KB of XS heap for the application (platform-notes.md), so
// every bound is small. The same bundle runs in the XS runner on the host (firmware/xs-host).
import { RFC7252_TRANSMISSION, type BoardProfile } from '../profile.ts';
import { capBytes32, XS_CAP } from './xs-cap.ts';

// sessionBytes: the ESP32 goal of issue 11 (<= 12 KB per session), which the record buffers
// below make room for: with a 1,280-byte datagram bound, IN holds a peer Certificate chain of
// ~1.5 KB or one record, OUT our Certificate or one datagram (measured on 32-bit ARM:
// firmware/dtls/README.md, "XS runner").
const DTLS = Object.freeze({
  sessions: 3, sessionBytes: 12 * 1024, retransmitMs: 1000, handshakeTimeoutMs: 16_000, idleTimeoutMs: 120_000, queuedMessages: 2,
});
// Two OTA app partitions on 4 MB flash as arduino-esp32's tools/partitions/min_spiffs.csv lays
// them out: app0/app1 (ota_0/ota_1) 0x1E0000 bytes each, beside nvs 0x5000, otadata 0x2000 and a
// 0x30000 spiffs (ESP-IDF's partitions_two_ota.csv has 1 MB slots and a factory app; its
// default single-app table has no second slot). The packed esp32 runner, stripped, fits it
// (README "Firmware over the air": 1.39 MB on 32-bit ARM, 1.92 MB on x86-64).
const FIRMWARE = Object.freeze({ imageBytes: 0x1E0000, confirmAfterMs: 60_000, rebootGraceMs: 5_000 });

// Two objects: `esp32Board`, what the agent reads at run time (the board entry, main.ts, imports
// only it), and `esp32`, the whole profile with what only the build and its tools read (minify,
// memoryBudgetBytes, footprintBudget, dtls.native): esbuild drops `esp32` from the firmware, so
// those fields are not preloaded into the board's flash (issue 10).
export const esp32Board: BoardProfile = Object.freeze({
  name: 'esp32',
  // No decoder string cache (codecStringCache): ~17 KB of RAM on XS once made, for speed this
  // board can spare, and its code stays out of the bundle (issue 10).
  limits: Object.freeze({
    datagramBytes: 1280,
    messageBytes: 8 * 1024,
    decodeDepth: 16,
    coapBlockBytes: 512,
    reassemblyBytes: 8 * 1024,
    coapExchanges: 8,
    instancesPerTable: 8,
    // The model, the queues and the exchanges all at their bounds fit the cap: worst-case.ts.
    modelInstances: 22,
    modelValueBytes: 2048,
    notificationsPerController: 4,
    notificationsQueued: 8,
    asyncOperations: 2,
    requestPaths: 32,
    // Twice the CoAP exchanges: requests handled within the duplicate window (2 s) beyond it lose
    // msg_id suppression only, not CoAP's own (coapExchanges); counted in worst-case.ts.
    recentMsgIds: 16,
  }),
  coap: RFC7252_TRANSMISSION,
  dtls: DTLS,
  firmware: FIRMWARE,
  valueChangePollMs: 5000,
});

/**
 * The whole profile: the run-time part and what the build and its tools read. Object.assign and
 * calls marked pure, not spreads: esbuild drops an unused object only when building it has no
 * side effect it cannot see through.
 */
export const esp32: BoardProfile = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.assign({}, esp32Board, {
  minify: true,
  // The XS cap the engines run at, in 32-bit RAM (boards/esp32/xs-cap.ts: the accounting).
  memoryBudgetBytes: /* @__PURE__ */ capBytes32(XS_CAP),
  // npm run footprint -- --check fails above these (measured 192,991 / 34,268 / 56,348 B with
  // ~1.3% room for flash and boot; the peak moves by up to ~1.2 KB between runs of one build, so
  // ~2.6% there), after the eighth flash pass: xsc patch 0016 (sixteen more fused ops), pooled
  // strings and globals in the board build (tools/bundle/xs-pool.ts), smaller schema nodes, enum
  // lists as strings, nested factory defaults, less code in every feature; 219,903 / 35,460 /
  // 57,500 B before it (docs/device-build.md, "Agent flash"). Issue 10 goals: peak <= 64 KB above
  // the empty module (3,912 B): 52,436 B above it; flash <= 200 KB above it: 188.4 KB. Both met.
  footprintBudget: /* @__PURE__ */ Object.freeze({ flashAgentBytes: 195_400, ramBootBytes: 34_700, ramPeakBytes: 57_800 }),
  // firmware/xs-host/dtls.mjs builds the board's mbedTLS with these.
  dtls: /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.assign({}, DTLS, {
    native: /* @__PURE__ */ Object.freeze({ inContentBytes: 2048, outContentBytes: 1280, lowMemoryEcp: true }),
  })),
  // The boot loader's (tools/cli/boot.ts); the agent reads neither (SLOT_COUNT in src/ota/slots.ts).
  firmware: /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.assign({}, FIRMWARE, { slots: 2, trialWatchdogMs: 180_000 })),
}));
