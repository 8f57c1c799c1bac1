// FirmwareImage.{i}.Download() (digest §5.4, TR-181 Firmware:1): stream the image from URL into
// the slot, hashing it on the way (CheckSum), then let the HAL verify and install it. The result
// goes out as Device.LocalAgent.TransferComplete! and OperationComplete; AutoActivate then
// switches to the image as an Activate() without time windows would.
import type { AsyncOperation, CommandCall, HandlerContext } from '../dm/api.ts';
import { UNKNOWN_TIME, formatDateTime } from '../dm/values.ts';
import { ErrorCode, UspError } from '../errors.ts';
import type { DigestAlgorithm, DigestContext, Hash } from '../../hal/hal.ts';
import { allIn, HEX_DIGITS, toHex } from '../codec/hex.ts';
import type { FirmwareManager } from './manager.ts';
import { urlScheme, type Transfer } from './transfer.ts';

const LOCAL_AGENT = 'Device.LocalAgent.';

/** The USP error of a Download() or Activate() that cannot be done (7022 unless told). */
export const refuse = (msg: string, code: number = ErrorCode.COMMAND_FAILURE) => new UspError(code, msg);

/** The slot a FirmwareImage.{i}. row stands for (instance = slot + 1). */
export function slotOf(objPath: string): number {
  return Number(/\.([0-9]+)\.$/.exec(objPath)![1]) - 1;
}

/** URL rules of Download(): a scheme this device fetches, no userinfo (credentials go in Username/Password). */
function checkUrl(m: FirmwareManager, url: string): void {
  const fetcher = m.services && m.services.fetcher;
  const scheme = urlScheme(url);
  if (!scheme) throw refuse('URL: not an absolute URL', ErrorCode.INVALID_COMMAND_ARGUMENTS);
  if (!fetcher || fetcher.schemes().indexOf(scheme) < 0) {
    throw refuse(`URL scheme '${scheme}' not supported here (supported: ${fetcher ? fetcher.schemes().join(', ') : 'none'})`, ErrorCode.INVALID_COMMAND_ARGUMENTS);
  }
  const authority = url.slice(scheme.length + 3).split('/')[0];
  if (authority.indexOf('@') >= 0) throw refuse('URL: userinfo is not allowed; use Username and Password', ErrorCode.INVALID_COMMAND_ARGUMENTS);
}

/** CheckSum and its algorithm, checked; a device without a digest in its HAL (`hash`) supports none. */
function checkSum(input: CommandCall['input'], hash: Hash | undefined): { alg: DigestAlgorithm; digest: string } | undefined {
  const alg = input.CheckSumAlgorithm || '';
  const sum = (input.CheckSum || '').toLowerCase();
  if (!sum) return undefined;
  if (!alg) throw refuse('CheckSum needs CheckSumAlgorithm', ErrorCode.INVALID_COMMAND_ARGUMENTS);
  // digest bytes of each algorithm (compared: no preloaded table)
  const bytes = alg === 'SHA-1' ? 20 : alg === 'SHA-256' ? 32 : 0;
  if (!bytes || !hash) throw refuse(`CheckSumAlgorithm ${alg} not supported here (${hash ? 'SHA-1, SHA-256' : 'no digest on this device'})`, ErrorCode.INVALID_COMMAND_ARGUMENTS);
  if (!allIn(sum, HEX_DIGITS, true) || sum.length !== bytes * 2) {
    throw refuse(`CheckSum: ${bytes * 2} hex digits expected for ${alg}`, ErrorCode.INVALID_COMMAND_ARGUMENTS);
  }
  return { alg: alg as DigestAlgorithm, digest: sum };
}

export interface DownloadHooks {
  /** AutoActivate: switch to `slot` now (the reboot follows once notifications have left). */
  activate(ctx: HandlerContext, slot: number, commandKey: string): void;
}

export function startDownload(m: FirmwareManager, ctx: HandlerContext, call: CommandCall, hooks: DownloadHooks): AsyncOperation {
  const fw = ctx.hal.firmware;
  const slot = slotOf(call.objPath);
  const affected = call.objPath.slice(0, -1);
  if (!fw) throw refuse('this device has no second firmware slot to download into');
  if (slot === fw.runningSlot()) {
    throw refuse(`${affected} is the running image and cannot be overwritten: download into another FirmwareImage`);
  }
  const url = call.input.URL;
  checkUrl(m, url);
  const sum = checkSum(call.input, ctx.hal.hash);
  if (m.downloading >= 0) throw refuse(`a download into FirmwareImage.${m.downloading + 1} is in progress`, ErrorCode.RESOURCES_EXCEEDED);
  if (m.rebootFrom >= 0) throw refuse('the device is rebooting into an activated image');
  const fileSize = Number(call.input.FileSize || '0');
  if (fileSize > m.limits.imageBytes) throw refuse(`FileSize ${fileSize} is beyond the slot (${m.limits.imageBytes} bytes)`);
  try { fw.begin(slot, fileSize); } catch (e) { throw refuse('cannot write the slot: ' + (e as Error).message); }

  const wall = () => { const w = ctx.hal.clock.wallTimeMs(); return w === undefined ? UNKNOWN_TIME : formatDateTime(w); };
  const startTime = wall();
  const hasher: DigestContext | undefined = sum ? ctx.hal.hash!.start(sum.alg) : undefined;
  let bytes = 0;
  let outcome: { error?: UspError } | undefined;
  let transfer: Transfer | undefined;
  m.downloading = slot;
  m.setStatus(slot, 'Downloading');

  const end = (error: UspError | undefined, status: 'DownloadFailed' | 'ValidationFailed' | undefined) => {
    if (outcome) return;
    m.downloading = -1;
    m.setStatus(slot, status);
    outcome = { error };
    if (error) ctx.hal.system.log('warn', `firmware: download into slot ${slot}: ${error.message}`);
  };
  const onEnd = (err?: string) => {
    if (outcome) return;
    if (err) {
      fw.abort();
      return end(refuse(`download failed: ${err}`), 'DownloadFailed');
    }
    m.setStatus(slot, 'Validating');
    if (sum && toHex(hasher!.finish()) !== sum.digest) {
      fw.abort();
      return end(refuse(`${sum.alg} CheckSum mismatch: the image is not the one expected`), 'ValidationFailed');
    }
    let ok = false;
    try { ok = fw.finish(); } catch (e) { ctx.hal.system.log('error', 'firmware finish: ' + (e as Error).message); }
    if (!ok) return end(refuse('the image failed validation (not an image for this device, or corrupted)'), 'ValidationFailed');
    end(undefined, undefined);
  };
  try {
    transfer = m.services!.fetcher.fetch({
      url, username: call.input.Username || '', password: call.input.Password || '',
      onData: (chunk) => {
        if (outcome) throw new Error('transfer ended');
        bytes += chunk.length;
        if (bytes > m.limits.imageBytes) {
          transfer?.abort();
          return;
        }
        fw.write(chunk);
        if (hasher) hasher.update(chunk);
      },
      onEnd: (err) => onEnd(bytes > m.limits.imageBytes ? `image larger than the slot (${m.limits.imageBytes} bytes)` : err),
    });
  } catch (e) {
    fw.abort();
    m.downloading = -1;
    m.setStatus(slot, undefined);
    throw refuse((e as Error).message, ErrorCode.INVALID_COMMAND_ARGUMENTS);
  }
  ctx.hal.system.log('info', `firmware: downloading ${url} into slot ${slot}`);

  const transferComplete = (error: UspError | undefined) => {
    ctx.engine.emitEvent(LOCAL_AGENT, 'TransferComplete!', {
      Command: call.objPath + call.command, CommandKey: call.commandKey, Requestor: ctx.origin.endpointId,
      TransferType: 'Download', Affected: affected, TransferURL: url, StartTime: startTime, CompleteTime: wall(),
      FaultCode: String(error ? error.code : 0), FaultString: error ? error.message : '',
    });
  };
  return {
    deadline: () => (outcome ? 0 : -1),
    poll: () => {
      if (!outcome) return undefined;
      transferComplete(outcome.error);
      if (outcome.error) throw outcome.error;
      ctx.hal.system.log('info', `firmware: ${bytes} bytes installed in slot ${slot}`);
      if (call.input.AutoActivate === 'true') hooks.activate(ctx, slot, call.commandKey);
      return {};
    },
    cancel: () => {
      if (outcome) return;
      end(new UspError(ErrorCode.COMMAND_CANCELED, 'Command canceled'), undefined);
      transfer?.abort();
      fw.abort();
      transferComplete(outcome!.error);
    },
  };
}
