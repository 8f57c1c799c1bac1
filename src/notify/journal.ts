// Asynchronous operations in progress, remembered in storage so that after a restart they can be
// reported as failed (digest §5.1/§5.5: a command in progress at reboot is removed and treated as
// failed; Request.{i} rows themselves are not persisted). Bounded by limits.asyncOperations. The
// Notifier keeps the list (Notifier.track) and reports what a restart interrupted.
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
