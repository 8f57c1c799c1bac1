// A real in-memory HAL for data-model tests: Map-backed Storage (shareable across "reboots" by
// passing the same map), a virtual clock moved by the test, optional A/B firmware slots, and a
// System that records reboot / factory reset calls instead of restarting the process.
import type { DeviceIdentity, Firmware, FirmwareSlotInfo, Hal, Storage } from '../../hal/hal.ts';

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
  firmware?: FirmwareSlotInfo[];
  wall?: number | undefined;
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
  let firmware: Firmware | undefined;
  if (opts.firmware) {
    const slots = opts.firmware.map((s) => ({ ...s }));
    firmware = {
      slots: () => slots.map((s) => ({ ...s })),
      runningSlot: () => (slots.find((s) => s.status === 'active') || slots[0]).slot,
      begin: () => { throw new Error('not used by these tests'); },
      write: () => { throw new Error('not used by these tests'); },
      finish: () => false,
      activate: (slot) => { calls.push(`activate ${slot}`); },
      confirm: () => { calls.push('confirm'); },
      rollback: () => { calls.push('rollback'); },
    };
  }
  let seed = 7;
  const identity = { ...TEST_IDENTITY, ...opts.identity };
  return {
    disk, time, calls, logs, writes,
    net: { udp: () => { throw new Error('no network in data-model tests'); } },
    clock: { monotonicMs: () => time.mono, wallTimeMs: () => (time.wall === undefined ? undefined : time.wall + time.mono) },
    timers: { set: () => { throw new Error('the core owns no timers'); }, clear: () => {} },
    storage,
    firmware,
    system: {
      reboot: () => { calls.push('reboot'); },
      factoryReset: () => { calls.push('factoryReset'); },
      identity: () => identity,
      randomBytes: (n) => { const b = new Uint8Array(n); for (let i = 0; i < n; i++) { seed = (seed * 1103515245 + 12345) >>> 0; b[i] = seed >>> 24; } return b; },
      log: (level, message) => { logs.push(`${level} ${message}`); },
    },
  };
}
