// The esp32 board's XS memory cap, and the one place that says what it costs in RAM on a 32-bit
// machine (ESP32; the ARM runner under qemu-arm). The XS engines run at exactly this cap
// (firmware/xs-host: every increment zero, so past it "memory full" and exit 3).
//
// Accounting (XS 17, 32-bit; xsMemory.c, fxPrepareMachine in xsAPI.c):
//   chunks   bytes of the chunk heap (strings, ArrayBuffers, array and Map storage)
//   slots    heap slots, 16 bytes each (objects, properties, closures)
//   stack    JS stack slots, 16 bytes each
//   keys     run-time property-name keys: one 4-byte pointer each in the key table (their
//            strings are in the chunks); builtins and the preloaded module's keys are in flash
//   aliases  one 4-byte pointer per preloaded object that may be copied to RAM when written; the
//            build fixes the count (xsl), the footprint check keeps it under ALIAS_RESERVE_BYTES
// capBytes32 = chunks + (slots + stack) x 16 + keys x 4 + ALIAS_RESERVE_BYTES, and the board
// profile's memoryBudgetBytes is that figure (boards/esp32/profile.ts).
export const SLOT_BYTES_32 = 16;
export const POINTER_BYTES_32 = 4;
/** Room for the alias table: 198 preloaded aliasable objects (792 B) measured at this commit. */
export const ALIAS_RESERVE_BYTES = 1024;
/** What an ESP32 leaves to the application's XS machine (platform-notes.md). */
export const ESP32_APP_RAM_BYTES = 150 * 1024;

export interface XsCap {
  readonly chunks: number;
  readonly slots: number;
  readonly stack: number;
  readonly keys: number;
}

/** RAM a cap takes on a 32-bit machine, alias table included (see above). */
export function capBytes32(cap: XsCap): number {
  return cap.chunks + (cap.slots + cap.stack) * SLOT_BYTES_32 + cap.keys * POINTER_BYTES_32 + ALIAS_RESERVE_BYTES;
}

/**
 * The cap: 62 KB of chunks + (4,784 heap + 768 stack) x 16 B + 64 keys x 4 B + 1 KB alias room
 * = 153,600 B (150 KB), all that an ESP32 leaves. History: 70 KB of chunks + 4,272 slots, set by
 * bisection on test/e2e/hostile.test.ts after DTLS, firmware over the air and the journal were
 * merged (68 KB of chunks ran out of chunks on xs-arm, 4,144 slots ran out of slots on xs). The
 * RAM pass of issue 10 then halved boot chunks (closures point at their byte code in flash, no
 * decoder string cache): boot is 2,617 slots + 15,580 B of chunks on ARM (`npm run footprint`),
 * so 8 KB of chunks moved to 512 slots, the pool that ran out: the notification suite over DTLS
 * and a coaps:// Download on XS needed ~130-200 slots more than 4,272. Free after boot on ARM
 * now: 2,167 slots and ~47 KB of chunks, more of each than the 1,644 slots and ~40 KB the
 * hostile suite passed with before. The second RAM pass (answers sized, fewer closures made at
 * start) left 2,305 slots + 7,380 B of chunks at boot; the cap was not changed. The stack: 512 slots overflowed on an Add, 768 pass. Keys: at
 * most 20 are added at run time (with DTLS; peer-chosen names never become keys:
 * src/codec/entry-map.ts). Every e2e suite passes at this cap on xs and xs-arm
 * (node test/run.mjs e2e).
 */
const CHUNKS = 62 * 1024;
export const XS_CAP: XsCap = /* @__PURE__ */ Object.freeze({ chunks: CHUNKS, slots: 4784, stack: 768, keys: 64 });

/**
 * The same cap for the x86-64 runner: slot counts are the same, chunks hold pointers and so grow
 * (boot: 48,880 B of chunks on x86-64 against 41,460 B on ARM, same state); 1.5 x the chunks.
 */
// (Object.assign and pure calls: esbuild then drops both caps from the board's firmware, which reads neither)
export const XS_CAP_64: XsCap = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.assign({}, XS_CAP, { chunks: CHUNKS * 3 / 2 }));
