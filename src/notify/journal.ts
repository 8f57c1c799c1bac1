// Asynchronous operations in progress, remembered in storage so that after a restart they can be
// reported as failed (digest §5.1/§5.5: a command in progress at reboot is removed and treated as
// failed; Request.{i} rows themselves are not persisted). Bounded by limits.asyncOperations.
import type { Storage } from '../../hal/hal.ts';
import { utf8Encode, utf8Decode } from '../codec/utf8.ts';
import type { Engine } from '../dm/api.ts';
import { valueOf } from '../usp/context.ts';

export const JOURNAL_KEY = 'n.ops';

export interface JournalEntry {
  /** Device.LocalAgent.Request.{i}. */
  readonly request: string;
  /** Resolved command path, e.g. 'Device.ScheduleTimer()'. */
  readonly command: string;
  readonly commandKey: string;
  readonly originator: string;
}

/** The journal entry of the Request row `request` as it stands. */
export function requestEntry(engine: Engine, request: string): JournalEntry {
  const v = (n: string) => valueOf(engine, request + n);
  return { request, command: v('Command'), commandKey: v('CommandKey'), originator: v('Originator') };
}

export class OperationJournal {
  private entries: JournalEntry[] = [];

  constructor(private readonly storage: Storage, private readonly limit: number) {}

  /**
   * The operations the previous run left unfinished and that are not running again (`resumed`:
   * rows the model re-created at boot, matched by Command, CommandKey and Originator). The
   * stored journal is replaced by what this run tracks.
   */
  takeInterrupted(resumed: readonly JournalEntry[]): JournalEntry[] {
    const raw = this.storage.get(JOURNAL_KEY);
    this.entries = resumed.slice(0, this.limit);
    this.save();
    const left = resumed.slice();
    const out: JournalEntry[] = [];
    let data: unknown;
    try {
      data = raw ? JSON.parse(utf8Decode(raw)) : [];
    } catch {
      data = []; // a damaged journal reports nothing rather than garbage
    }
    if (!Array.isArray(data)) return out;
    for (const e of data.slice(0, this.limit)) {
      if (!e || typeof e.request !== 'string' || typeof e.command !== 'string' || typeof e.commandKey !== 'string' || typeof e.originator !== 'string') continue;
      const i = left.findIndex((x) => x.command === e.command && x.commandKey === e.commandKey && x.originator === e.originator);
      if (i >= 0) left.splice(i, 1);
      else out.push({ request: e.request, command: e.command, commandKey: e.commandKey, originator: e.originator });
    }
    return out;
  }

  /** The Request row `request` was created (`entry`: it is tracked) or removed (no `entry`). */
  track(request: string, entry?: JournalEntry): void {
    const n = this.entries.length;
    this.entries = this.entries.filter((e) => e.request !== request);
    if (entry) {
      if (this.entries.length >= this.limit) this.entries.shift();
      this.entries.push(entry);
    } else if (this.entries.length === n) return;
    this.save();
  }

  private save(): void {
    if (this.entries.length === 0) this.storage.delete(JOURNAL_KEY);
    else this.storage.set(JOURNAL_KEY, utf8Encode(JSON.stringify(this.entries)));
  }
}
