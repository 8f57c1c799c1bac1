// Device.DeviceInfo.FirmwareImage.{i}. (TR-181 Firmware:1, digest §5.4): one row per HAL slot
// (instance = slot + 1; one row for the running image on a board without the HAL), with
// Download() and Activate() (src/ota), and Device.LocalAgent.TransferComplete! arguments.
import { alias as aliasParam, bool, str, uint, int, dateTime } from '../dm/define.ts';
import type { HandlerContext, ModelModule, ObjectDef, ParamDef } from '../dm/api.ts';
import { ErrorCode, UspError } from '../errors.ts';
import { resumeActivation, startActivate, switchTo } from '../ota/activate.ts';
import { slotOf, startDownload } from '../ota/download.ts';
import type { FirmwareManager } from '../ota/manager.ts';
import { ALIAS_KEYS, COMMAND_KEY, SHA_ALGORITHMS } from './shared.ts';

const f = Object.freeze;
export const FIRMWARE_IMAGE = 'Device.DeviceInfo.FirmwareImage.';

export const FIRMWARE_OBJECTS: readonly ObjectDef[] = f([
  f({
    path: FIRMWARE_IMAGE + '{i}.',
    uniqueKeys: ALIAS_KEYS,
    params: f([
      aliasParam(),
      str('Name', 64, { computed: true }),
      str('Version', 64, { computed: true }),
      // Stored: the operator's choice (TR-181: the Agent boots an image only while it is true);
      // read as false while the slot holds no installed image. Set true by each Download().
      bool('Available', { access: 'W', default: 'true' }),
      // TR-181's enumeration (NoImage, Active, Downloading, Validating, Available, DownloadFailed,
      // ValidationFailed, InstallationFailed, ActivationFailed: src/ota/manager.ts ImageStatus) is
      // not carried: only written values are checked against an enum (dm/values.ts) and
      // GetSupportedDM reports none, so on a computed parameter it was flash for nothing.
      str('Status', 32, { computed: true }),
      str('BootFailureLog', 4096, { computed: true }),
    ]),
    commands: f([
      f({
        name: 'Download()', async: true,
        input: f([
          str('URL', 1024, { mandatory: true }),
          bool('AutoActivate', { default: 'false' }),
          str('Username', 256),
          str('Password', 256),
          uint('FileSize'),
          str('CheckSumAlgorithm', 16, { enum: SHA_ALGORITHMS }),
          str('CheckSum', 128),
        ]),
      }),
      f({
        name: 'Activate()', async: true,
        input: f([
          uint('TimeWindow.{i}.Start'),
          uint('TimeWindow.{i}.End'),
          str('TimeWindow.{i}.Mode', 32, { enum: f(['AnyTime', 'Immediately', 'WhenIdle', 'ConfirmationNeeded']) }),
          str('TimeWindow.{i}.UserMessage', 256),
          int('TimeWindow.{i}.MaxRetries', { min: -1, max: 10 }),
        ]),
      }),
    ]),
  }),
]);

/** Device.LocalAgent.TransferComplete! arguments (TR-181 2.12+, digest §4.4). */
export const TRANSFER_COMPLETE_ARGS: readonly ParamDef[] = f([
  // TransferType: 'Download' or 'Upload' (TR-181); an event argument is not checked against an enum (not carried)
  str('Command', 1024), COMMAND_KEY, str('Requestor', 256), str('TransferType', 16),
  str('Affected', 1024), str('TransferURL', 1024), dateTime('StartTime'), dateTime('CompleteTime'), uint('FaultCode'), str('FaultString', 256),
]);

const rowOf = (slot: number) => FIRMWARE_IMAGE + (slot + 1) + '.';

function image(ctx: HandlerContext, m: FirmwareManager, objPath: string) {
  const slot = slotOf(objPath);
  const fw = ctx.hal.firmware;
  if (!fw) {
    return slot === 0 ? { version: ctx.hal.system.identity().softwareVersion, status: 'Active', log: '' } : undefined;
  }
  const info = fw.slots().find((s) => s.slot === slot);
  return info && { version: info.version, status: m.status(info) as string, log: info.bootFailureLog };
}

export function firmwareModule(m: FirmwareManager): ModelModule {
  return {
    objects: FIRMWARE_OBJECTS,
    handlers: {
      [FIRMWARE_IMAGE + '{i}.']: {
        instances: (ctx) => {
          const fw = ctx.hal.firmware;
          return fw ? fw.slots().map((s) => s.slot + 1) : [1];
        },
        read: (ctx, objPath, name) => {
          const img = image(ctx, m, objPath);
          if (!img) return undefined;
          switch (name) {
            case 'Version': return img.status === 'NoImage' ? '' : img.version;
            // TR-181: Name is empty unless the image is Available, Active or failed to install/activate.
            case 'Name': return ['Available', 'Active', 'InstallationFailed', 'ActivationFailed'].indexOf(img.status) >= 0 ? img.version : '';
            // Installed: the stored value (the operator's); otherwise false.
            case 'Available': return img.status === 'Active' || img.status === 'Available' ? undefined : false;
            case 'Status': return img.status;
            case 'BootFailureLog': return img.log;
            default: return undefined;
          }
        },
        // TR-181 Available: not false for the active image nor for the one the device boots next
        // (BootFirmwareImage, a pending activation); not true for a slot without an installed image.
        write: (ctx, objPath, name, value) => {
          if (name !== 'Available') return;
          const img = image(ctx, m, objPath);
          const row = objPath.slice(0, -1);
          if (value === 'true') {
            if (!img || (img.status !== 'Active' && img.status !== 'Available')) throw new UspError(ErrorCode.INVALID_VALUE, `${row} holds no installed image`);
            return;
          }
          if (img && img.status === 'Active') throw new UspError(ErrorCode.INVALID_VALUE, `${row} is the active image: it cannot be made unavailable`);
          if (ctx.engine.get('Device.DeviceInfo.BootFirmwareImage') === row) {
            throw new UspError(ErrorCode.INVALID_VALUE, `${row} is the image the device boots next: it cannot be made unavailable`);
          }
        },
        operate: {
          'Download()': (ctx, call, txn) => {
            const op = startDownload(m, ctx, call, {
              activate: (c, slot, key) => switchTo(m, c, slot, key, c.origin, false),
            });
            // TR-181: Available is set true whenever a new image is installed. Stored now (with
            // the Request row), read as false until the image is installed and valid.
            txn.agentSet(call.objPath + 'Available', 'true');
            return op;
          },
          'Activate()': (ctx, call) => startActivate(m, ctx, call),
        },
      },
    },
    boot: (ctx) => {
      m.hal = ctx.hal;
      m.bootAt = ctx.hal.clock.monotonicMs();
      resumeActivation(m, ctx, rowOf);
    },
  };
}
