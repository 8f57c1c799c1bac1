// The device's side of A/B firmware (digest §5.4): what each FirmwareImage row shows while a
// Download() runs, the self-confirmation of a newly activated image (R: 1.4.1 roll back an image
// that loses its Controller), and the reboot into an activated image once what was queued for
// Controllers has left. The core drives it (step/nextDeadline); it owns no timers.
import type { CoreHal, Firmware, FirmwareSlotInfo } from '../../hal/hal.ts';
import type { BoardProfile } from '../../boards/profile.ts';
import type { Fetcher } from './transfer.ts';

export type ImageStatus = 'NoImage' | 'Active' | 'Downloading' | 'Validating' | 'Available' | 'DownloadFailed'
  | 'ValidationFailed' | 'InstallationFailed' | 'ActivationFailed';

export type FirmwareLimits = BoardProfile['firmware'];
/** For a model booted without a board (unit tests): the host board's figures. */
export const DEFAULT_FIRMWARE_LIMITS: FirmwareLimits = Object.freeze({
  imageBytes: 64 * 1024 * 1024, confirmAfterMs: 60_000, rebootGraceMs: 5_000,
});

/** What the core lends: the image fetcher and whether nothing is in flight to a Controller. */
export interface OtaServices {
  fetcher: Fetcher;
  idle(): boolean;
}

export class FirmwareManager {
  /** Transient per-slot status (Downloading, Validating, a failure): not in the HAL's slot state. */
  private readonly overlay = new Map<number, ImageStatus>();
  /** What the core lends (set once it has them). */
  services: OtaServices | undefined;
  /** Set at the model's boot: the HAL, and the start of this boot (the confirmation clock). */
  hal: CoreHal | undefined;
  bootAt = -1;
  /** A Controller answered us or sent us a Record: a new image reaches its Controllers. */
  reached = false;
  private confirmedNow = false;
  /**
   * Monotonic ms of an activation (requested then), or -1: the reboot into the activated image
   * follows once queued notifications have left (at most rebootGraceMs).
   */
  rebootFrom = -1;
  /** The slot a Download() is writing, or -1 (the HAL has one write open at a time). */
  downloading = -1;

  constructor(readonly limits: FirmwareLimits) {}

  idle(): boolean { return !this.services || this.services.idle(); }

  setStatus(slot: number, s: ImageStatus | undefined): void {
    if (s === undefined) this.overlay.delete(slot); else this.overlay.set(slot, s);
  }

  /** TR-181 FirmwareImage.Status of a slot: the transfer's state over the HAL's slot state. */
  status(info: FirmwareSlotInfo): ImageStatus {
    const o = this.overlay.get(info.slot);
    if (o && info.status !== 'active' && info.status !== 'valid' && info.status !== 'pending') return o;
    switch (info.status) {
      case 'active': return 'Active';
      case 'valid': case 'pending': return 'Available';
      case 'invalid': return info.bootFailureLog ? 'ActivationFailed' : 'ValidationFailed';
      default: return 'NoImage';
    }
  }

  /** The running image has confirmed itself (or was never on trial). */
  confirmed(): boolean {
    const fw = this.hal?.firmware;
    return !fw || this.confirmedNow || !fw.bootState().trial;
  }

  step(nowMs: number): void {
    const fw: Firmware | undefined = this.hal?.firmware;
    if (fw && !this.confirmed() && (this.reached || nowMs >= this.bootAt + this.limits.confirmAfterMs)) {
      fw.confirm();
      this.confirmedNow = true;
      this.hal!.system.log('info', `firmware: image in slot ${fw.runningSlot()} confirmed (${this.reached ? 'a Controller reached' : 'healthy for ' + this.limits.confirmAfterMs + ' ms'})`);
    }
    if (this.rebootFrom >= 0 && (this.idle() || nowMs >= this.rebootFrom + this.limits.rebootGraceMs)) {
      this.rebootFrom = -1;
      this.hal!.system.log('info', 'firmware: rebooting into the activated image');
      this.hal!.system.reboot();
    }
  }

  nextDeadline(): number {
    let d = -1;
    if (this.hal?.firmware && !this.confirmed()) d = this.reached ? 0 : this.bootAt + this.limits.confirmAfterMs;
    if (this.rebootFrom >= 0) {
      const r = this.idle() ? 0 : this.rebootFrom + this.limits.rebootGraceMs;
      if (d < 0 || r < d) d = r;
    }
    return d;
  }
}
