// A real in-memory HAL for data-model tests: Map-backed Storage (shareable across "reboots" by
// passing the same map), a virtual clock moved by the test, optional A/B firmware slots, and a
// System that records reboot / factory reset calls instead of restarting the process; digests
// from the portable JS Hash (src/ota/hash.ts) unless told otherwise.
import type { DeviceIdentity, Firmware, FirmwareBootState, FirmwareSlotInfo, Hal, Hash, Storage } from '../../hal/hal.ts';
import { jsHash } from '../../src/ota/hash.ts';

export const TEST_IDENTITY: DeviceIdentity = Object.freeze({
  manufacturer: 'Acme Devices',
  oui: '00D09E',
  productClass: 'Thermo',
  serialNumber: 'SN0001',
  modelName: 'T-1000',
  hardwareVersion: 'rev-B',
  softwareVersion: '1.2.3',
});

export interface MemoryHal extends Hal {
  /** The storage contents; pass it to another memoryHal to simulate a reboot. */
  readonly disk: Map<string, Uint8Array>;
  /** Virtual clock: monotonic ms (set by the test) and wall time (undefined = unknown). */
  readonly time: { mono: number; wall: number | undefined };
  readonly calls: string[];
  readonly logs: string[];
  /** Bytes written per storage key, cumulative (to check that commits write only what changed). */
  readonly writes: Map<string, number>;
}

export interface MemoryHalOptions {
  disk?: Map<string, Uint8Array>;
  identity?: Partial<DeviceIdentity>;
  /** A/B slots (bootFailureLog defaults to ''); the running one is the 'active' slot. */
  firmware?: (Omit<FirmwareSlotInfo, 'bootFailureLog'> & { bootFailureLog?: string })[];
  firmwareBoot?: FirmwareBootState;
  wall?: number | undefined;
  /** The HAL Hash (default the portable JS; undefined: a board without digests). */
  hash?: Hash | undefined;
}

export function memoryHal(opts: MemoryHalOptions = {}): MemoryHal {
  const disk = opts.disk || new Map<string, Uint8Array>();
  const writes = new Map<string, number>();
  const storage: Storage = {
    get: (k) => { const v = disk.get(k); return v && v.slice(); },
    set: (k, v) => { disk.set(k, v.slice()); writes.set(k, (writes.get(k) || 0) + v.length); },
    delete: (k) => { disk.delete(k); },
    keys: () => Array.from(disk.keys()),
  };
  const time = { mono: 10_000, wall: 'wall' in opts ? opts.wall : Date.UTC(2026, 0, 2, 3, 4, 5) };
  const calls: string[] = [];
  const logs: string[] = [];
  const firmware = opts.firmware && memoryFirmware(opts.firmware, calls, opts.firmwareBoot);
  let seed = 7;
  const identity = { ...TEST_IDENTITY, ...opts.identity };
  return {
    disk, time, calls, logs, writes,
    net: { udp: () => { throw new Error('no network in data-model tests'); } },
    clock: { monotonicMs: () => time.mono, wallTimeMs: () => (time.wall === undefined ? undefined : time.wall + time.mono) },
    timers: { set: () => { throw new Error('the core owns no timers'); }, clear: () => {} },
    storage,
    firmware,
    hash: 'hash' in opts ? opts.hash : jsHash,
    system: {
      reboot: () => { calls.push('reboot'); },
      factoryReset: () => { calls.push('factoryReset'); },
      identity: () => identity,
      randomBytes: (n) => { const b = new Uint8Array(n); for (let i = 0; i < n; i++) { seed = (seed * 1103515245 + 12345) >>> 0; b[i] = seed >>> 24; } return b; },
      log: (level, message) => { logs.push(`${level} ${message}`); },
    },
  };
}

/**
 * In-memory A/B slots with the HAL's rules (writes only to an inactive slot, one at a time; an
 * image is valid when it starts with "IMAGE <version>\n"; activate/confirm/rollback recorded in
 * `calls`). The test image format stands in for the host's (hal/host/image.ts, tested on its own).
 */
function memoryFirmware(init: NonNullable<MemoryHalOptions['firmware']>, calls: string[], boot: FirmwareBootState = { trial: false, rolledBackFrom: -1 }): Firmware {
  const slots: FirmwareSlotInfo[] = init.map((s) => ({ bootFailureLog: '', ...s }));
  const running = (slots.find((s) => s.status === 'active') || slots[0]).slot;
  let trial = -1;
  let open: { slot: number; chunks: Uint8Array[] } | undefined;
  const get = (slot: number) => {
    const s = slots.find((x) => x.slot === slot);
    if (!s) throw new Error(`no slot ${slot}`);
    return s;
  };
  return {
    slots: () => slots.map((s) => ({ ...s })),
    runningSlot: () => running,
    bootSlot: () => (trial >= 0 ? trial : running),
    bootState: () => ({ ...boot }),
    begin(slot) {
      if (slot === running) throw new Error('the running image cannot be overwritten');
      if (open) throw new Error('another image write is in progress');
      if (trial === slot) trial = -1;
      Object.assign(get(slot), { status: 'empty', version: '', bootFailureLog: '' });
      open = { slot, chunks: [] };
    },
    write(chunk) {
      if (!open) throw new Error('no image write in progress');
      open.chunks.push(chunk.slice());
    },
    finish() {
      if (!open) throw new Error('no image write in progress');
      const text = new TextDecoder().decode(Buffer.concat(open.chunks).subarray(0, 80));
      const m = /^IMAGE (\S+)\n/.exec(text);
      Object.assign(get(open.slot), m ? { status: 'valid', version: m[1] } : { status: 'invalid', version: '?' });
      open = undefined;
      return !!m;
    },
    abort() { open = undefined; },
    activate(slot) {
      calls.push(`activate ${slot}`);
      if (slot === running) { if (trial >= 0) get(trial).status = 'valid'; trial = -1; return; }
      if (get(slot).status !== 'valid' && get(slot).status !== 'pending') throw new Error(`slot ${slot} holds no valid image`);
      trial = slot;
      get(slot).status = 'pending';
    },
    confirm() { calls.push('confirm'); },
    rollback() { calls.push('rollback'); },
  };
}
