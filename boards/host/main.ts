// The host board's entry: the agent on Node with the host HAL (node:dgram UDP, file-backed
// storage under the state directory, the real clock) and the host profile. Reboot() and
// FactoryReset() restart it in-process on the same state, as a board restarts its firmware.
// `tinyusp agent` (tools/cli/agent.ts) parses the command line and calls runHostDevice.
import { join } from 'node:path';
import type { Hal, LogLevel } from '../../hal/hal.ts';
import { createHostNet } from '../../hal/host/net.ts';
import { createFileStorage } from '../../hal/host/storage.ts';
import { lockStateDirectory } from '../../hal/host/state-lock.ts';
import { createHostFirmware, type BootChoice } from '../../hal/host/firmware.ts';
import { createHostHttp } from '../../hal/host/http.ts';
import { hostHash } from '../../hal/host/hash.ts';
import { createHostSystem, createHostTimers, hostClock } from '../../hal/host/system.ts';
import type { ModelModule } from '../../src/dm/api.ts';
import { startDevice, type Device } from '../../src/device.ts';
import { modelTree } from '../../src/model/index.ts';
import type { DtlsCredentials } from '../../src/dtls/credentials.ts';
import { createHostDtls } from '../../hal/host/dtls.ts';
import { host } from './profile.ts';

export interface HostDeviceOptions {
  defaults: { readonly [path: string]: string };
  /** The device's flash: storage records are files under <stateDir>/dm. */
  stateDir: string;
  modules?: readonly ModelModule[];
  /** DTLS credentials (certificate mode and/or PSKs); without them only --allow-nosec starts. */
  credentials?: DtlsCredentials;
  /** Path of the mbedTLS module (tools/cli/paths.ts DTLS_WASM; the bundled CLI cannot find it itself). */
  dtlsWasm?: string;
  allowNoSec: boolean;
  host?: string;
  port?: number;
  logLevel: LogLevel;
  serialNumber: string;
  softwareVersion: string;
  /** A log line (stderr by default). */
  write?(line: string): void;
  /** Listening (again after each restart). */
  onReady?(endpointId: string, uri: string): void;
  /**
   * Run as a firmware image in A/B slots under <stateDir>/fw (tools/cli/boot.ts, the boot
   * loader, started it with its choice for this boot). Reboot() and FactoryReset() then call
   * `restart` (the image exits and the boot loader starts the boot slot's build) instead of
   * restarting in-process.
   */
  image?: { boot: BootChoice; restart(): void };
}

export interface HostDevice {
  /** Resolves with the exit code: 0 after stop(), 1 when the device cannot start. */
  readonly finished: Promise<number>;
  stop(reason: string): void;
}

export function runHostDevice(opts: HostDeviceOptions): HostDevice {
  const write = opts.write ?? ((line: string) => process.stderr.write(line + '\n'));
  // One agent per state directory (hal/host/state-lock.ts); in-process restarts keep the lock,
  // and an image booted by the --ota boot loader runs under the boot loader's lock.
  let unlock: () => void;
  try {
    unlock = lockStateDirectory(opts.stateDir, undefined, opts.image !== undefined);
  } catch (e) {
    write(`tinyusp agent: ${(e as Error).message}`);
    return { finished: Promise.resolve(1), stop() {} };
  }
  let device: Device | undefined;
  let restarting: 'reboot' | 'factory-reset' | undefined;
  let done: (code: number) => void = () => {};
  const finished = new Promise<number>((r) => (done = r));
  const system = createHostSystem({
    identity: {
      manufacturer: 'tinyusp', oui: '00D09E', productClass: 'Simulator', serialNumber: opts.serialNumber,
      modelName: 'tinyusp-sim', hardwareVersion: host.name, softwareVersion: opts.softwareVersion,
    },
    logLevel: opts.logLevel,
    write,
    // The core reboots from a deferred action once its answer has left: stop this device (its
    // socket and timer) and boot a new one on the same state.
    onReboot: () => { restarting = 'reboot'; device?.stop(); if (opts.image) opts.image.restart(); else setImmediate(boot); },
    onFactoryReset: () => { restarting = 'factory-reset'; device?.stop(); if (opts.image) opts.image.restart(); else setImmediate(boot); },
  });
  const hal: Hal = {
    net: createHostNet(), clock: hostClock, timers: createHostTimers(), storage: createFileStorage(join(opts.stateDir, 'dm')), system,
    // The mbedTLS module is loaded only when there is something to authenticate with.
    dtls: opts.credentials ? createHostDtls({ clock: hostClock, wasmPath: opts.dtlsWasm }) : undefined,
    http: createHostHttp(),
    hash: hostHash,
    firmware: opts.image ? createHostFirmware(join(opts.stateDir, 'fw'), opts.image.boot) : undefined,
  };

  // The maker's modules are loaded at run time here: their tree too (a board preloads its own).
  const tree = opts.modules && modelTree(opts.modules);
  function boot(): void {
    if (restarting) system.log('info', `restarting after ${restarting}`);
    restarting = undefined;
    try {
      device = startDevice({
        hal, board: host, defaults: opts.defaults, modules: opts.modules, tree, credentials: opts.credentials, allowNoSec: opts.allowNoSec, host: opts.host, port: opts.port,
        traceMessages: opts.logLevel === 'debug',
        onReady: (uri) => opts.onReady?.(device ? device.core.endpointId() : '', uri),
        onFatal: (m) => { write(`tinyusp agent: ${m}`); done(1); },
      });
    } catch (e) {
      write(`tinyusp agent: ${(e as Error).message}`);
      done(1);
    }
  }

  boot();
  return {
    finished,
    stop(reason) {
      system.log('info', `stopping on ${reason}`);
      device?.stop();
      unlock();
      done(0);
    },
  };
}
