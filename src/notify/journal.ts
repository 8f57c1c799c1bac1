// Asynchronous operations in progress, remembered in storage so that after a restart they can be
// reported as failed (digest §5.1/§5.5: a command in progress at reboot is removed and treated as
// failed; Request.{i} rows themselves are not persisted). Bounded by limits.asyncOperations.
import type { Storage } from '../../hal/hal.ts';
import { utf8Encode, utf8Decode } from '../codec/utf8.ts';

export const JOURNAL_KEY = 'n.ops';

export interface JournalEntry {
  /** Device.LocalAgent.Request.{i}. */
  readonly request: string;
  /** Resolved command path, e.g. 'Device.ScheduleTimer()'. */
  readonly command: string;
  readonly commandKey: string;
  readonly originator: string;
}

export class OperationJournal {
  private entries: JournalEntry[] = [];

  constructor(private readonly storage: Storage, private readonly limit: number) {}

  /**
   * The operations the previous run left unfinished and that are not running again (`resumed`:
   * rows the model re-created at boot, matched by Command, CommandKey and Originator). The
   * stored journal is replaced by what this run tracks.
   */
  takeInterrupted(resumed: readonly JournalEntry[] = []): JournalEntry[] {
    const raw = this.storage.get(JOURNAL_KEY);
    this.entries = resumed.slice(0, this.limit);
    this.save();
    if (!raw) return [];
    const same = (a: JournalEntry, b: JournalEntry) => a.command === b.command && a.commandKey === b.commandKey && a.originator === b.originator;
    const taken: JournalEntry[] = [];
    return this.parse(raw).filter((e) => {
      const r = resumed.find((x) => same(x, e) && taken.indexOf(x) < 0);
      if (r) taken.push(r);
      return !r;
    });
  }

  private parse(raw: Uint8Array): JournalEntry[] {
    try {
      const data = JSON.parse(utf8Decode(raw)) as unknown;
      if (!Array.isArray(data)) return [];
      const out: JournalEntry[] = [];
      for (const e of data.slice(0, this.limit)) {
        if (e && typeof e.request === 'string' && typeof e.command === 'string' && typeof e.commandKey === 'string' && typeof e.originator === 'string') {
          out.push({ request: e.request, command: e.command, commandKey: e.commandKey, originator: e.originator });
        }
      }
      return out;
    } catch {
      return []; // a damaged journal reports nothing rather than garbage
    }
  }

  add(entry: JournalEntry): void {
    this.entries = this.entries.filter((e) => e.request !== entry.request);
    if (this.entries.length >= this.limit) this.entries.shift();
    this.entries.push(entry);
    this.save();
  }

  remove(request: string): void {
    const n = this.entries.length;
    this.entries = this.entries.filter((e) => e.request !== request);
    if (this.entries.length !== n) this.save();
  }

  private save(): void {
    if (this.entries.length === 0) this.storage.delete(JOURNAL_KEY);
    else this.storage.set(JOURNAL_KEY, utf8Encode(JSON.stringify(this.entries)));
  }
}
