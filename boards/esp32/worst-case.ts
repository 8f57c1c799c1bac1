// The esp32 board's worst case: every bound of its profile reached at once, in 32-bit XS RAM,
// against its cap (xs-cap.ts). The one place that adds the bounds up (issue 10, item 5); a unit
// test (test/boards/worst-case.test.ts) fails when a bound is raised without room, and the
// all-bounds test (test/e2e/all-bounds.test.ts) runs the agent with all of them reached at the cap.
//
// Per-item costs, measured on 32-bit ARM under qemu-arm (RAM after boot, --stats: live slots x
// 16 + chunks, after a collection; demo defaults 75,784 B), `npm run footprint:model`:
//   a row                   445 B (BootParameter) .. 1,334 B (Subscription, with its notifier
//                           index; the figure used for every row); Controller 1,002, MTP 743,
//                           Controller.MTP 728, Role 680, Challenge 543, Permission 541
//   a stored value byte     1.009 B (a string's chunk; 7 values of +1,000 B)
//   a queued notification   1,300 B (Boot! with its ParameterMap, retried; 2 queued, the first
//                           in flight with its CoAP exchange)
// and `npm run footprint` (footprintBudget): boot plus one request in flight (Block1 upload at
// the reassembly limit, a multi-block Get, a Set, an Add, a Delete, a ValueChange Notify).
// Estimated, not measured: a CoAP dedup entry keeps the reply it resends, at most one block
// (coapBlockBytes) plus 64 B of header and options (src/coap/server.ts answers larger bodies
// block-wise), plus ~160 B (its key string, entry object and Map entry: ~10 slots). A remembered
// msg_id (src/usp/dispatch.ts, R-MSG.4): ~6 slots (seen live on the XS runner, 96 B at 32 bits)
// plus its key string (Endpoint ID and msg_id, ~96 B of chunk): 192 B, estimated.
import type { BoardProfile } from '../profile.ts';

/** Rows and value bytes of the esp32 factory defaults (boards/esp32/defaults.json; counted by test/boards/worst-case.test.ts). */
export const BOOT_MODEL = Object.freeze({ rows: 11, valueBytes: 800, controllers: 1 });

export const COSTS = Object.freeze({
  /** The costliest row of a table a Controller can grow (Subscription). */
  rowBytes: 1334,
  valueByteBytes: 1.009,
  notificationBytes: 1300,
  /** Estimated (see above): header and options of a reply, and the entry around it. */
  replyHeaderBytes: 64,
  exchangeEntryBytes: 160,
  /** Estimated (see above): one remembered (Controller, msg_id) pair. */
  msgIdEntryBytes: 192,
});

export interface WorstCase {
  /** boot + one request in flight: the profile's footprintBudget.ramPeakBytes. */
  bootAndRequest: number;
  rows: number;
  values: number;
  notifications: number;
  exchanges: number;
  msgIds: number;
  /** Not in the footprint scenario's peak: a Block1 reassembly held while a Block2 body is served (one reassembly buffer). */
  overlap: number;
  total: number;
}

/** Sum of every bound reached at once, bytes of 32-bit XS RAM. */
export function worstCase(board: BoardProfile): WorstCase {
  const l = board.limits;
  if (!board.footprintBudget) throw new Error(`${board.name}: no footprintBudget to start from`);
  const extraRows = Math.max(0, l.modelInstances - BOOT_MODEL.rows);
  // Every Controller row can hold a full queue (a new Controller takes a row of the model), and
  // all queues together hold at most notificationsQueued.
  const controllers = Math.min(l.instancesPerTable, BOOT_MODEL.controllers + extraRows);
  const queued = Math.min(l.notificationsQueued, controllers * l.notificationsPerController);
  const parts = {
    bootAndRequest: board.footprintBudget.ramPeakBytes,
    rows: extraRows * COSTS.rowBytes,
    values: Math.ceil(Math.max(0, l.modelValueBytes - BOOT_MODEL.valueBytes) * COSTS.valueByteBytes),
    notifications: queued * COSTS.notificationBytes,
    exchanges: l.coapExchanges * (l.coapBlockBytes + COSTS.replyHeaderBytes + COSTS.exchangeEntryBytes),
    msgIds: l.recentMsgIds * COSTS.msgIdEntryBytes,
    overlap: l.reassemblyBytes,
  };
  return { ...parts, total: parts.bootAndRequest + parts.rows + parts.values + parts.notifications + parts.exchanges + parts.msgIds + parts.overlap };
}
