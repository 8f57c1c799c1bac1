// Device. (root), Device.DeviceInfo. (FirmwareImage.{i} is model/firmware.ts), Device.Time. and the Device-level
// commands and events (digest §5.3, §11). Identity, clock and firmware come from the HAL.
import { str, strongRef, uint, bool, dateTime } from '../dm/define.ts';
import type { AsyncOperation, CommandCall, HandlerContext, ModelModule, ObjectDef, ObjectHandlers } from '../dm/api.ts';
import type { DeviceIdentity } from '../../hal/hal.ts';
import { decodeFields, encodeFields } from '../dm/persist.ts';
import { readBootRecord, writeNextBootCause, type BootInfo } from './boot-record.ts';
import { UNKNOWN_TIME } from '../dm/values.ts';
import { utf8Encode, utf8Decode } from '../codec/utf8.ts';
import { ErrorCode, UspError } from '../errors.ts';
import { slotOf } from '../ota/download.ts';
import { COMMAND_KEY, PROVISIONING_CODE, SOFTWARE_VERSION, UP_TIME } from './shared.ts';


const imageRef = strongRef('Device.DeviceInfo.FirmwareImage.{i}.');

export const DEVICE_OBJECTS: readonly ObjectDef[] = Object.freeze([
  Object.freeze({
    path: 'Device.',
    params: Object.freeze([str('RootDataModelVersion', 32, { default: '2.16' })]),
    commands: Object.freeze([
      Object.freeze({ name: 'Reboot()', async: false }),
      Object.freeze({ name: 'FactoryReset()', async: false }),
      Object.freeze({
        name: 'SelfTestDiagnostics()', async: true,
        output: Object.freeze([
          str('Status', 64, { enum: Object.freeze(['Complete', 'Error_Internal', 'Error_Other']) }),
          str('Results', 1024),
        ]),
      }),
      Object.freeze({
        name: 'ScheduleTimer()', async: true,
        input: Object.freeze([uint('DelaySeconds', { min: 1, mandatory: true })]),
      }),
    ]),
    events: Object.freeze([Object.freeze({
      name: 'Boot!',
      args: Object.freeze([
        COMMAND_KEY,
        str('Cause', 32, { enum: Object.freeze(['LocalReboot', 'RemoteReboot', 'LocalFactoryReset', 'RemoteFactoryReset']) }),
        bool('FirmwareUpdated'),
        str('ParameterMap', 65535),
      ]),
    })]),
  }),
  Object.freeze({
    path: 'Device.DeviceInfo.',
    params: Object.freeze([
      str('Manufacturer', 64, { computed: true }),
      str('ManufacturerOUI', 6, { computed: true, pattern: '[0-9A-F]{6}' }),
      str('ModelName', 64, { computed: true }),
      str('ProductClass', 64, { computed: true }),
      str('SerialNumber', 64, { computed: true }),
      str('HardwareVersion', 64, { computed: true }),
      SOFTWARE_VERSION,
      str('FriendlyName', 32, { access: 'W' }),
      PROVISIONING_CODE,
      UP_TIME,
      str('ActiveFirmwareImage', 256, { computed: true, ref: imageRef }),
      // Firmware:1 (digest §5.4): the image the next boot starts; a Boot! BootParameter candidate.
      str('BootFirmwareImage', 256, { access: 'W', ref: imageRef }),
    ]),
  }),
  Object.freeze({
    path: 'Device.Time.',
    params: Object.freeze([
      bool('Enable', { access: 'W', default: 'true' }),
      str('Status', 32, { computed: true, enum: Object.freeze(['Disabled', 'Unsynchronized', 'Synchronized', 'Error_FailedToSynchronize', 'Error']) }),
      str('NTPServer1', 64, { access: 'W' }),
      str('NTPServer2', 64, { access: 'W' }),
      dateTime('CurrentLocalTime', { computed: true, valueChange: 'ignore' }),
      str('LocalTimeZone', 256, { access: 'W' }),
    ]),
  }),
]);

/** Async self test: storage round trip, clock sanity, identity present. Completes on the next step. */
function selfTest(ctx: HandlerContext): AsyncOperation {
  let cancelled = false;
  return {
    deadline: () => 0,
    cancel: () => { cancelled = true; },
    poll: () => {
      if (cancelled) return undefined;
      const problems: string[] = [];
      const { storage, system, clock } = ctx.hal;
      const key = 'selftest';
      const probe = system.randomBytes(8);
      try {
        storage.set(key, probe);
        const back = storage.get(key);
        if (!back || back.length !== probe.length || back.some((b, i) => b !== probe[i])) problems.push('storage read-back mismatch');
        storage.delete(key);
        if (storage.get(key)) problems.push('storage delete failed');
      } catch (e) { problems.push('storage: ' + (e as Error).message); }
      const a = clock.monotonicMs();
      if (!(a >= 0) || clock.monotonicMs() < a) problems.push('monotonic clock goes backwards');
      const id = system.identity();
      if (!id.oui || !id.serialNumber) problems.push('device identity incomplete');
      return problems.length
        ? { Status: 'Error_Other', Results: problems.join('; ') }
        : { Status: 'Complete', Results: 'storage ok; clock ok; identity ok' };
    },
  };
}

// Device.ScheduleTimer() timers persist across reboots (2.14+, digest §5.5): one small storage
// record (in the engine's 'd.' namespace, so a factory reset clears it) lists the pending ones,
// at most profile asyncOperations. With wall time known at both ends the remaining delay is
// exact; otherwise the remaining delay restarts at boot.
const TIMERS_KEY = 'd._tmr';

interface PendingTimer {
  /** Wall ms when due, or -1 when wall time was unknown. */
  dueWall: number;
  /** Delay still to run when wall time is unknown. */
  remainingMs: number;
  commandKey: string;
  endpointId: string;
  controllerPath: string;
}

class Timers {
  private pending: PendingTimer[] = [];

  private save(ctx: HandlerContext): void {
    const { storage } = ctx.hal;
    if (!this.pending.length) { storage.delete(TIMERS_KEY); return; }
    const fields: string[] = [];
    for (const t of this.pending) fields.push(String(t.dueWall), String(t.remainingMs), t.commandKey, t.endpointId, t.controllerPath);
    storage.set(TIMERS_KEY, utf8Encode(encodeFields(fields)));
  }

  /** Start a timer of `delayMs` (new or restored) as an AsyncOperation driven by step(). */
  start(ctx: HandlerContext, delayMs: number, rec: PendingTimer): AsyncOperation {
    const due = ctx.hal.clock.monotonicMs() + delayMs;
    this.pending.push(rec);
    this.save(ctx);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const i = this.pending.indexOf(rec);
      if (i >= 0) this.pending.splice(i, 1);
      this.save(ctx);
    };
    return {
      deadline: () => (done ? -1 : due),
      cancel: finish,
      poll: (now) => {
        if (done || now < due) return undefined;
        finish();
        return {};
      },
    };
  }

  schedule(ctx: HandlerContext, call: CommandCall): AsyncOperation {
    const delayMs = Number(call.input.DelaySeconds) * 1000;
    const wall = ctx.hal.clock.wallTimeMs();
    return this.start(ctx, delayMs, {
      dueWall: wall === undefined ? -1 : wall + delayMs, remainingMs: delayMs, commandKey: call.commandKey,
      endpointId: ctx.origin.endpointId, controllerPath: ctx.origin.controllerPath || '',
    });
  }

  /** At boot: re-attach every persisted timer (a new Request row each). */
  restore(ctx: HandlerContext): void {
    const b = ctx.hal.storage.get(TIMERS_KEY);
    let fields: string[] | undefined;
    try { fields = b && decodeFields(utf8Decode(b)); } catch { fields = undefined; }
    ctx.hal.storage.delete(TIMERS_KEY);
    if (!fields) return;
    const wall = ctx.hal.clock.wallTimeMs();
    for (let i = 0; i + 4 < fields.length; i += 5) {
      const dueWall = Number(fields[i]);
      const remaining = dueWall >= 0 && wall !== undefined ? Math.max(0, dueWall - wall) : Number(fields[i + 1]) || 0;
      const rec: PendingTimer = { dueWall, remainingMs: remaining, commandKey: fields[i + 2], endpointId: fields[i + 3], controllerPath: fields[i + 4] };
      const origin = rec.controllerPath ? { endpointId: rec.endpointId, controllerPath: rec.controllerPath } : { endpointId: rec.endpointId };
      const op = this.start(ctx, remaining, rec);
      try { ctx.engine.resume('Device.', 'ScheduleTimer()', rec.commandKey, origin, op); } catch { op.cancel(); }
    }
  }
}

/**
 * DeviceInfo parameters that are fields of the HAL identity. Module-level and frozen, so on a
 * board it is in flash; a name table rather than a function per parameter (issue 10).
 */
const IDENTITY_FIELDS: { readonly [name: string]: keyof DeviceIdentity } = Object.freeze({
  Manufacturer: 'manufacturer', ManufacturerOUI: 'oui', ModelName: 'modelName', ProductClass: 'productClass',
  SerialNumber: 'serialNumber', HardwareVersion: 'hardwareVersion', SoftwareVersion: 'softwareVersion',
});

/** The image this boot runs (the HAL firmware's running slot; image 1 without one). */
const activeImage = (c: HandlerContext) => 'Device.DeviceInfo.FirmwareImage.' + (c.hal.firmware ? c.hal.firmware.runningSlot() + 1 : 1);

/** The Device. module, and what this boot looked like (read by its boot hook). */
export interface DeviceModule extends ModelModule {
  bootInfo(): BootInfo;
}

export function deviceModule(): DeviceModule {
  let bootMs = 0;
  let boot: BootInfo | undefined;
  const timers = new Timers();
  const upTime = (ctx: HandlerContext) => Math.floor((ctx.hal.clock.monotonicMs() - bootMs) / 1000);
  // With the HAL, the image the next boot starts is the boot loader's (a pending activation, or
  // the confirmed image after a rollback): right at every moment.
  let chosenBoot = '';
  const bootImage = (c: HandlerContext) => (c.hal.firmware ? 'Device.DeviceInfo.FirmwareImage.' + (c.hal.firmware.bootSlot() + 1) : undefined);
  const handlers: { [path: string]: ObjectHandlers } = {
    'Device.': {
      operate: {
        // §5.3: answer first, then reboot; the cause and key are persisted for Boot!.
        'Reboot()': (ctx, call) => {
          writeNextBootCause(ctx.hal.storage, 'RemoteReboot', call.commandKey);
          ctx.defer(() => ctx.hal.system.reboot());
          return {};
        },
        'FactoryReset()': (ctx, call) => {
          // Decided before the answer leaves: a power loss from here on still resets.
          ctx.engine.prepareFactoryReset();
          writeNextBootCause(ctx.hal.storage, 'RemoteFactoryReset', call.commandKey);
          ctx.defer(() => { ctx.engine.factoryReset(); ctx.hal.system.factoryReset(); });
          return {};
        },
        'SelfTestDiagnostics()': selfTest,
        'ScheduleTimer()': (ctx, call) => timers.schedule(ctx, call),
      },
    },
    'Device.DeviceInfo.': {
      read: (ctx, _p, name) => {
        const field = IDENTITY_FIELDS[name];
        if (field) return ctx.hal.system.identity()[field];
        return name === 'UpTime' ? upTime(ctx) : name === 'ActiveFirmwareImage' ? activeImage(ctx) : name === 'BootFirmwareImage' ? bootImage(ctx) : undefined;
      },
      // §5.4: BootFirmwareImage must name an image with Available=true.
      write: (ctx, _p, name, value) => {
        if (name !== 'BootFirmwareImage') return;
        const row = value && value.replace(/\.?$/, '.');
        if (row && ctx.engine.get(row + 'Available') !== 'true') throw new UspError(ErrorCode.INVALID_VALUE, `${value} is not an available firmware image`);
        chosenBoot = row; // read() shows the boot loader's choice, so commit takes it from here
      },
      // A dual-bank board boots the chosen image next (the HAL rolls back if it is not confirmed).
      commit: (ctx, change) => {
        const fw = ctx.hal.firmware;
        // The running slot: a pending switch is cancelled.
        if (fw && chosenBoot && change.changed.indexOf('BootFirmwareImage') >= 0) fw.activate(slotOf(chosenBoot));
      },
    },
    'Device.Time.': {
      read: (ctx, objPath, name) => {
        const wall = ctx.hal.clock.wallTimeMs();
        if (name === 'CurrentLocalTime') return wall === undefined ? UNKNOWN_TIME : wall;
        if (name === 'Status') {
          if (ctx.engine.get(objPath + 'Enable') !== 'true') return 'Disabled';
          return wall === undefined ? 'Unsynchronized' : 'Synchronized';
        }
        return undefined;
      },
    },
  };
  return {
    bootInfo: () => {
      if (!boot) throw new Error('bootInfo() before the engine booted the model');
      return boot;
    },
    objects: DEVICE_OBJECTS,
    keyPrefix: 'cpe-', // TR-181: Agent-assigned Alias values are "cpe-" + instance number
    handlers,
    boot: (ctx) => {
      const fw = ctx.hal.firmware;
      boot = readBootRecord(ctx.hal.storage, ctx.hal.system.identity().softwareVersion, ctx.engine.startedFromDefaults(), fw && fw.bootState().trial);
      bootMs = ctx.hal.clock.monotonicMs();
      timers.restore(ctx);
      // Unset (first boot, factory reset): the running image. Never rewritten otherwise (§5.4).
      if (ctx.engine.get('Device.DeviceInfo.BootFirmwareImage') === '') {
        const txn = ctx.engine.begin();
        txn.agentSet('Device.DeviceInfo.BootFirmwareImage', activeImage(ctx));
        txn.commit();
      }
    },
  };
}

/** The Boot! arguments of this boot for one recipient Controller (ParameterMap per Controller). */
export function bootEventArgs(b: BootInfo, parameterMap: string): { [name: string]: string } {
  return { CommandKey: b.commandKey, Cause: b.cause, FirmwareUpdated: String(b.firmwareUpdated), ParameterMap: parameterMap };
}
