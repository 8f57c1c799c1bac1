// Power loss at every write, for crash-point tests (issue 12). Reusable for any durable state:
// the data model's Storage records here, firmware slots and their state records elsewhere.
//
// A scenario is run once without a crash to count its durable writes (n). Then, for every
// write index k < n and both outcomes of that write (it landed, or not), the scenario runs
// again from the same initial state; writes 0..k-1 happen, write k happens or not, and the
// device is "off" from there: every later write (and every read) throws PowerCut, whatever code
// catches it. The state that survived is then handed to `check`, which typically restarts the
// device on it and asserts "old or new, and new if the answer had left". 2n crash points.
//
//   const { points } = forEachCrashPoint({
//     initial: () => new Map(baseDisk),             // the durable state before the scenario
//     run: (disk, power) => {                          // the scenario; build the device on
//       const storage = powerLossStorage(disk, power); //   storage that obeys `power`
//       ...; power.note('answered');                   // events the check wants to know about
//     },
//     check: (disk, point) => { ...restart on `disk` (a plain Map: no more crashes)... },
//   });
//
// Anything durable that is not a Storage record (a firmware slot write, a boot-partition
// switch) goes through power.write(label, apply) too, so it gets crash points of its own:
//   power.write('slot 1 chunk 3', () => image.set(chunk, offset));
// Everything is synchronous: a scenario drives its device (timers, steps) itself.
import type { Storage } from '../../hal/hal.ts';

export class PowerCut extends Error {
  constructor(readonly index: number, readonly label: string) {
    super(`power lost at write ${index} (${label})`);
  }
}

/** Decides which durable writes happen; shared by every storage the scenario wraps. */
export class PowerLoss {
  /** Durable writes attempted so far (the one that crashed included). */
  writes = 0;
  /** Labels of the writes, in order (the dry run's list names the crash points). */
  readonly labels: string[] = [];
  /** Events the scenario noted, each with the number of writes done before it. */
  readonly events: { name: string; afterWrites: number }[] = [];
  private off = false;

  /** `crashAt`: index of the write that the power loss hits (Infinity: none); `lands`: it happens. */
  constructor(readonly crashAt = Infinity, readonly lands = false) {}

  get dead(): boolean {
    return this.off;
  }

  /** One durable write: `apply` runs unless the power is gone. Throws PowerCut at and after the crash point. */
  write(label: string, apply: () => void): void {
    this.alive(label);
    const i = this.writes++;
    this.labels.push(label);
    if (i === this.crashAt) {
      if (this.lands) apply();
      this.off = true;
      throw new PowerCut(i, label);
    }
    apply();
  }

  /** Throws PowerCut once the device is off (reads, and anything else the scenario wants stopped). */
  alive(what = 'read'): void {
    if (this.off) throw new PowerCut(this.crashAt, what);
  }

  /** Record that something observable happened (an answer left...) while the power was on. */
  note(name: string): void {
    if (!this.off) this.events.push({ name, afterWrites: this.writes });
  }

  noted(name: string): boolean {
    return this.events.some((e) => e.name === name);
  }
}

/** A Storage over `disk` whose sets and deletes are durable writes of `power` (per-key atomic). */
export function powerLossStorage(disk: Map<string, Uint8Array>, power: PowerLoss): Storage {
  return {
    get(key) {
      power.alive();
      const v = disk.get(key);
      return v && v.slice();
    },
    set(key, value) {
      const copy = value.slice();
      power.write(`set ${key}`, () => { disk.set(key, copy); });
    },
    delete(key) {
      power.write(`delete ${key}`, () => { disk.delete(key); });
    },
    keys() {
      power.alive();
      return Array.from(disk.keys()).sort();
    },
  };
}

export interface CrashPoint {
  /** Index of the write the power loss hit, its label, and whether it landed. */
  index: number;
  label: string;
  lands: boolean;
  /** The run's PowerLoss: events noted before the crash. */
  power: PowerLoss;
}

export interface CrashPointOptions<D> {
  /** A fresh copy of the durable state before the scenario. */
  initial(): D;
  /** The scenario. It may throw PowerCut (or anything a PowerCut turned into): that ends the run. */
  run(state: D, power: PowerLoss): void;
  /** Called after the no-crash run (point undefined) and after each crash point. */
  check(state: D, point: CrashPoint | undefined): void;
}

/** Runs `run` without a crash, then once per crash point; returns the number of crash points run. */
export function forEachCrashPoint<D>(opts: CrashPointOptions<D>): { writes: number; points: number; labels: string[] } {
  const dry = new PowerLoss();
  const full = opts.initial();
  opts.run(full, dry);
  opts.check(full, undefined);
  let points = 0;
  for (let k = 0; k < dry.writes; k++) {
    for (const lands of [false, true]) {
      const power = new PowerLoss(k, lands);
      const state = opts.initial();
      try {
        opts.run(state, power);
      } catch (e) {
        if (!power.dead) throw e; // a real failure of the scenario, not the power loss
      }
      if (!power.dead) throw new Error(`write ${k} (${dry.labels[k]}) was not reached again: the scenario is not deterministic`);
      opts.check(state, { index: k, label: dry.labels[k], lands, power });
      points++;
    }
  }
  return { writes: dry.writes, points, labels: dry.labels };
}
