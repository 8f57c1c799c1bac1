// FirmwareImage.{i}.Activate() (digest §5.4, TR-181 Firmware:1): switch to the image within the
// first usable TimeWindow (none: at once), reboot into it, and report the result after the
// reboot. The switch is kept in one storage record, so the image that boots next (the new one,
// or the old one after a rollback) resumes the Request and completes it: success once the new
// image has confirmed itself, failure with its BootFailureLog when the boot loader rolled it back.
// TimeWindow.{i}.MaxRetries: a switch that fails (the boot-slot write: esp_ota_set_boot_partition)
// is tried again a second later within its window, up to MaxRetries times (-1: until the window
// ends), then in the next window. An image rolled back after its boot is not tried again: the
// boot loader has marked it invalid (ESP_OTA_IMG_INVALID), and the HAL has no way back for it.
// UserMessage is logged as its window opens (no display to show it on).
import type { AsyncOperation, CommandCall, HandlerContext, Origin } from '../dm/api.ts';
import { decodeFields, encodeFields } from '../dm/persist.ts';
import { utf8Decode, utf8Encode } from '../codec/utf8.ts';
import { ErrorCode } from '../errors.ts';
import { BOOT_KEY, writeNextBootCause } from '../model/boot-record.ts';
import { refuse, slotOf } from './download.ts';
import type { FirmwareManager } from './manager.ts';

/** The switch in progress: slot, command key, originator, its Controller path (atomic, one record). */
export const ACTIVATION_KEY = 'fw.act';
/** TR-181 allows up to 5 TimeWindow instances. */
const MAX_WINDOWS = 5;
const IDLE_RETRY_MS = 1000;
/** Between two tries of a switch that failed (MaxRetries). */
export const SWITCH_RETRY_MS = 1000;

/**
 * `retries`: TimeWindow.{i}.MaxRetries, how often a failed switch is tried again within the
 * window (-1: as long as the window lasts). `message`: its UserMessage (logged: no display).
 */
interface Window { start: number; end: number; mode: string; retries: number; message: string }

/**
 * TimeWindow.{i}. arguments → windows in monotonic ms, checked (TR-181: ordered, not overlapping;
 * Mode is one of its enumeration already: the engine checks input arguments, R-OPR.5).
 */
function windows(input: CommandCall['input'], now: number): Window[] {
  const out: Window[] = [];
  for (let i = 1; i <= 8; i++) {
    const p = `TimeWindow.${i}.`;
    const start = input[p + 'Start'];
    const end = input[p + 'End'];
    const mode = input[p + 'Mode'];
    if (start === undefined && end === undefined && mode === undefined) continue;
    if (start === undefined || end === undefined || mode === undefined) throw refuse(`${p} needs Start, End and Mode`, ErrorCode.INVALID_COMMAND_ARGUMENTS);
    if (out.length >= MAX_WINDOWS) throw refuse(`at most ${MAX_WINDOWS} TimeWindow instances`, ErrorCode.INVALID_COMMAND_ARGUMENTS);
    // TR-181: the device must ask its user and be confirmed before activating in such a window;
    // with no user interface it never could, so the window could never be used: refused.
    if (mode === 'ConfirmationNeeded') throw refuse(`${p}Mode ConfirmationNeeded: this device has no user interface to ask for a confirmation`, ErrorCode.INVALID_COMMAND_ARGUMENTS);
    const s = Number(start), e = Number(end);
    if (e < s) throw refuse(`${p}End is before its Start`, ErrorCode.INVALID_COMMAND_ARGUMENTS);
    if (out.length && s <= (out[out.length - 1].end - now) / 1000) throw refuse(`${p} overlaps or precedes the window before it`, ErrorCode.INVALID_COMMAND_ARGUMENTS);
    const retries = input[p + 'MaxRetries'] === undefined ? 0 : Number(input[p + 'MaxRetries']);
    out.push({ start: now + s * 1000, end: now + e * 1000, mode, retries, message: input[p + 'UserMessage'] || '' });
  }
  return out;
}

export interface ActivationRecord { slot: number; commandKey: string; origin: Origin }

export function readActivation(ctx: HandlerContext): ActivationRecord | undefined {
  const raw = ctx.hal.storage.get(ACTIVATION_KEY);
  let f: string[] | undefined;
  try { f = raw && decodeFields(utf8Decode(raw)); } catch { f = undefined; }
  if (!f || f.length < 4) return undefined;
  const origin: Origin = f[3] ? { endpointId: f[2], controllerPath: f[3] } : { endpointId: f[2] };
  return { slot: Number(f[0]), commandKey: f[1], origin };
}

/**
 * Switch to `slot` now: the activation record first (so the next boot can report it), then the
 * boot loader's choice and the Boot! cause; the manager reboots once notifications have left.
 */
export function switchTo(m: FirmwareManager, ctx: HandlerContext, slot: number, commandKey: string, origin: Origin, report: boolean): void {
  const fw = ctx.hal.firmware!;
  if (report) {
    ctx.hal.storage.set(ACTIVATION_KEY, utf8Encode(encodeFields([String(slot), commandKey, origin.endpointId, origin.controllerPath || ''])));
  }
  try {
    fw.activate(slot);
  } catch (e) {
    // Not switched: nothing for the next boot to resume.
    if (report) ctx.hal.storage.delete(ACTIVATION_KEY);
    throw e;
  }
  writeNextBootCause(ctx.hal.storage, 'RemoteReboot', commandKey);
  m.rebootFrom = ctx.hal.clock.monotonicMs();
  ctx.hal.system.log('info', `firmware: slot ${slot} activated; rebooting into it`);
}

export function startActivate(m: FirmwareManager, ctx: HandlerContext, call: CommandCall): AsyncOperation {
  const fw = ctx.hal.firmware;
  const slot = slotOf(call.objPath);
  const row = call.objPath.slice(0, -1);
  if (!fw) throw refuse('this device has a single firmware image');
  if (slot === fw.runningSlot()) throw refuse(`${row} is already the running image`);
  const info = fw.slots().find((s) => s.slot === slot);
  if (!info || (info.status !== 'valid' && info.status !== 'pending')) {
    throw refuse(`${row} holds no available image (Status ${info ? m.status(info) : 'NoImage'})`);
  }
  // TR-181: the Agent only boots an image whose Available is true.
  if (ctx.engine.get(call.objPath + 'Available') !== 'true') throw refuse(`${row} is not available (Available=false)`);
  if (m.rebootFrom >= 0) throw refuse('the device is already rebooting into an activated image');
  const wins = windows(call.input, ctx.hal.clock.monotonicMs());
  let switched = false;
  // Without TimeWindows: at once, no retry. `failures`: switches that failed in the window `failedIn`.
  const now0 = ctx.hal.clock.monotonicMs();
  const anyTime: Window = { start: now0, end: now0, mode: 'Immediately', retries: 0, message: '' };
  const inWindow = (now: number) => (wins.length ? wins.find((w) => now >= w.start && now <= w.end) : anyTime);
  let failedIn: Window | undefined;
  let failures = 0;
  let retryAt = -1;
  let lastError = '';
  let told: Window | undefined;
  /** The window is used up when its switch failed more often than MaxRetries allows. */
  const spent = (w: Window) => failedIn === w && w.retries >= 0 && failures > w.retries;
  return {
    deadline: () => {
      if (switched) return -1;
      const now = ctx.hal.clock.monotonicMs();
      const w = inWindow(now);
      if (w && !spent(w)) {
        if (failedIn === w && retryAt > now) return retryAt;
        return w.mode === 'WhenIdle' && !m.idle() ? now + IDLE_RETRY_MS : 0;
      }
      const next = wins.find((x) => x.start > now);
      return next ? next.start : 0;
    },
    poll: (now) => {
      if (switched) return undefined;
      const w = inWindow(now);
      if (!w || spent(w)) {
        if (wins.some((x) => x.start > now)) return undefined;
        throw refuse(failedIn ? `the switch to ${row} failed ${failures} time(s), the last: ${lastError}` : 'every TimeWindow has passed without a moment to activate');
      }
      if (told !== w && w.message) {
        // UserMessage (TR-181: shown to the user): a device without a display logs it as its window opens.
        told = w;
        ctx.hal.system.log('info', `firmware: Activate() of ${row}, UserMessage: ${w.message}`);
      }
      if (w.mode === 'WhenIdle' && !m.idle()) return undefined;
      if (failedIn === w && now < retryAt) return undefined;
      // Made unavailable while the Activate() waited for its window: not booted.
      if (ctx.engine.get(call.objPath + 'Available') !== 'true') throw refuse(`${row} was made unavailable before its TimeWindow`);
      try {
        switchTo(m, ctx, slot, call.commandKey, ctx.origin, true);
      } catch (e) {
        // MaxRetries: tried again within this window; past them, the next window (or failure).
        if (failedIn !== w) { failedIn = w; failures = 0; }
        failures++;
        retryAt = now + SWITCH_RETRY_MS;
        lastError = (e as Error).message;
        ctx.hal.system.log('warn', `firmware: switch to slot ${slot} failed (${failures} of ${w.retries < 0 ? 'unlimited' : w.retries + 1} tries in this window): ${lastError}`);
        if (!wins.length) throw refuse(`the switch to ${row} failed: ${lastError}`);
        return undefined;
      }
      switched = true;
      return undefined; // completed by the image that boots next (resumeActivation)
    },
    cancel: () => {
      if (!switched) return;
      // Not rebooted yet: undo the switch.
      fw.activate(fw.runningSlot());
      ctx.hal.storage.delete(ACTIVATION_KEY);
      ctx.hal.storage.delete(BOOT_KEY);
      m.rebootFrom = -1;
    },
  };
}

/**
 * At boot: an Activate() the previous run switched for. Resumed as a Request that completes when
 * this image confirms itself (the new image) or at once with the rollback (the old one). A record
 * this boot cannot explain (the switch never reached the boot loader) is dropped: the journal then
 * reports the interrupted Activate() as failed.
 */
export function resumeActivation(m: FirmwareManager, ctx: HandlerContext, objPathOf: (slot: number) => string): void {
  const rec = readActivation(ctx);
  const fw = ctx.hal.firmware;
  const forget = () => ctx.hal.storage.delete(ACTIVATION_KEY);
  if (!rec) return;
  // The new image is running, or the old one after the boot loader rolled the new one back.
  const rolledBack = !!fw && fw.runningSlot() !== rec.slot && fw.bootState().rolledBackFrom === rec.slot;
  if (!fw || (fw.runningSlot() !== rec.slot && !rolledBack)) { forget(); return; }
  const log = rolledBack ? (fw.slots().find((s) => s.slot === rec.slot) || { bootFailureLog: '' }).bootFailureLog : '';
  const op: AsyncOperation = {
    deadline: () => (rolledBack || m.confirmed() ? 0 : -1),
    cancel: forget,
    poll: () => {
      if (!rolledBack && !m.confirmed()) return undefined;
      forget();
      if (rolledBack) throw refuse(`the new image did not confirm and was rolled back: ${log}`);
      return {};
    },
  };
  try { ctx.engine.resume(objPathOf(rec.slot), 'Activate()', rec.commandKey, rec.origin, op); } catch { op.cancel(); }
}
