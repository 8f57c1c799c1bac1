// The notification layer (digest §4): turns data-model changes and events into USP Notify
// messages for the Subscriptions whose ReferenceList covers them, and sends them from its outbox
// (one bounded queue per Controller: outbox.ts says how; kept here, not in a class of its own).
// Sans-I/O like the rest of the core: no timers; the run loop calls step(now) when
// nextDeadline() comes due (design.md "The core is sans-I/O"). What it does on a schedule, with
// one deadline for all of it (here, not in a class of its own: one object less on the XS heap):
//  - Device.LocalAgent.Periodic! (digest §4.4) to each Controller subscribed to it, at
//    PeriodicNotifTime ± n·PeriodicNotifInterval (with the Unknown Time anchor, or while the Agent
//    has no absolute time, the Agent picks the phase: one interval after the schedule starts);
//  - OnBoardRequest again while a Controller's onboarding is not complete after
//    OnBoardingRestartTime (Device:2.17);
//  - Subscription.{i}.TimeToLive (digest §4.1): a subscription is removed TimeToLive seconds after
//    its CreationDate. Counted on the monotonic clock from its creation in this run; one from an
//    earlier run is placed by CreationDate against the wall clock, and without absolute time it
//    ends at this restart.
import type { CoreHal } from '../../hal/hal.ts';
import type { BoardProfile } from '../../boards/profile.ts';
import { Header_MsgType, type Msg, type Notify } from '../codec/index.ts';
import { toHex } from '../codec/hex.ts';
import { UNKNOWN_TIME, parseDateTime } from '../dm/values.ts';
import type { ChangeEvent, Engine } from '../dm/api.ts';
import { rowOf } from '../dm/paths.ts';
import { Perm, readableKeys, type Access } from '../usp/access.ts';
import { rowsOf, valueOf } from '../usp/context.ts';
import { ErrorCode } from '../errors.ts';
import { JOURNAL_KEY, requestEntry, type JournalEntry } from './journal.ts';
import { utf8Decode, utf8Encode } from '../codec/utf8.ts';
import { deletionCandidates, NOTIF_TYPES, refMatches, structuralMatch, type NotifType } from './match.ts';
import type { Outgoing, OutboxStats, Queue } from './outbox.ts';
import { pollComputed } from './poll.ts';
import { retryDelayMs, unitInterval } from './retry.ts';
import { readSubscription, type Subscription } from './subscriptions.ts';
import { applyConfigs, type PendingConfig } from './trigger.ts';
import { BOOT_EVENT, CONTROLLER_TABLE, PERIODIC_EVENT, REQUEST_TABLE, SUBSCRIPTION_TABLE, SUPPORTED_PROTOCOL_VERSIONS } from '../names.ts';

export interface NotifierOptions {
  readonly engine: Engine;
  readonly hal: CoreHal;
  readonly board: BoardProfile;
  /** What the Controller with this Endpoint ID may do (agent.requester(id).access); undefined = nothing. */
  access(endpointId: string): Access | undefined;
  /** Wrap a Msg we originate in a Record to `toId` (agent.encodeMessage). May reuse its buffer. */
  encode(toId: string, msg: Msg): Uint8Array;
  /** Post a Record to the Controller's own MTP (never a reply-to), reporting how it ended. */
  send(controller: string, record: Uint8Array, onDone: (ok: boolean, detail: string) => void): void;
  /** Device.Boot! arguments for one recipient Controller (the model builds them: digest §4.4). */
  bootArgs(controllerPath: string): { readonly [name: string]: string };
}

/**
 * What a Notify is built from: a data-model change, or an event the notifier makes itself
 * (Boot!: `args` undefined, each recipient's own ParameterMap; Periodic!; an OperationComplete
 * failure for an operation a restart interrupted).
 */
type Source = ChangeEvent
  | { readonly type: 'event'; readonly objPath: string; readonly name: string; readonly args: { readonly [name: string]: string } | undefined }
  | { readonly type: 'operationComplete'; readonly objPath: string; readonly command: string; readonly commandKey: string; readonly error: { code: number; message: string }; readonly output?: undefined };

/** Bounds on watched computed values and on remembered deletion candidates per reference. */
const POLL_LIMIT = 256;
const DELETION_LIMIT = 256;


export class Notifier {
  /** The outbox: each Controller's queue of notifications waiting to leave or for a NotifyResp. */
  private readonly queues = new Map<string, Queue>();
  /** What became of notifications (tests and benchmarks read them; each drop is logged too). */
  readonly stats: OutboxStats = { delivered: 0, failed: 0, dropped: 0 };
  private readonly engine: Engine;
  private readonly hal: CoreHal;
  /** The Subscription rows, re-read lazily after a change under the table. */
  private rows: Subscription[] | undefined;
  /** The asynchronous operations in progress, as stored (journal.ts; bounded by limits.asyncOperations). */
  private ops: JournalEntry[] = [];
  /** Triggered configurations waiting for the next step; at most limits.notificationsPerController. */
  private configs: PendingConfig[] = [];
  private readonly idPrefix: string;
  private seq = 0;
  /** Controller row → monotonic ms of its next Periodic!. */
  private readonly periodicAt = new Map<string, number>();
  /** Controllers being onboarded: monotonic ms of their last OnBoardRequest (OnBoardingRestartTime counts from it). */
  private readonly onboarding = new Map<string, number>();
  /** Subscriptions created in this run: monotonic creation time (TimeToLive base). */
  private readonly createdAt = new Map<string, number>();
  /** Monotonic ms at which each subscription with a TimeToLive ends; undefined: recompute. */
  private ttl: Map<string, number> | undefined;
  private baseline = new Map<string, string>();
  private pollAt = 0;
  private pollTruncatedLogged = false;
  private deletionSets = new Map<string, Set<string>>();
  private deletionDirty = true;
  private dirty = true;

  constructor(private readonly opts: NotifierOptions) {
    this.engine = opts.engine;
    this.hal = opts.hal;
    this.idPrefix = 'notify-' + toHex(opts.hal.system.randomBytes(4)) + '-';
    opts.engine.onChange((ev) => {
      this.dirty = true;
      this.deletionDirty = true;
      const now = this.hal.clock.monotonicMs();
      switch (ev.type) {
        case 'valueChange': {
          if (ev.path.lastIndexOf(SUBSCRIPTION_TABLE, 0) === 0) this.subscriptionsChanged('', 0);
          // A Controller's PeriodicNotifInterval/Time changed: its Periodic! is scheduled anew.
          const row = rowOf(ev.path, CONTROLLER_TABLE);
          if (row && ev.path.lastIndexOf(row + 'PeriodicNotif', 0) === 0) this.periodicAt.delete(row);
          this.dispatch('ValueChange', ev.path, ev);
          return;
        }
        case 'objectCreation':
          if (this.pollAt < 0) this.pollAt = now; // new instances may hold watched computed values
          if (ev.path.lastIndexOf(SUBSCRIPTION_TABLE, 0) === 0) this.subscriptionsChanged(ev.path, now);
          if (rowOf(ev.path, REQUEST_TABLE) === ev.path) this.track(ev.path, requestEntry(this.engine, ev.path));
          this.dispatch('ObjectCreation', ev.path, ev);
          return;
        case 'objectDeletion':
          if (ev.path.lastIndexOf(SUBSCRIPTION_TABLE, 0) === 0) {
            this.drop(ev.path);
            this.subscriptionsChanged(ev.path, -1);
          }
          if (rowOf(ev.path, CONTROLLER_TABLE) === ev.path) {
            this.drop(ev.path);
            this.periodicAt.delete(ev.path);
            this.onboarding.delete(ev.path);
          }
          if (rowOf(ev.path, REQUEST_TABLE) === ev.path) this.track(ev.path);
          this.dispatch('ObjectDeletion', ev.path, ev);
          return;
        case 'event':
          this.dispatch('Event', ev.objPath + ev.name, ev);
          return;
        case 'operationComplete':
          this.dispatch('OperationComplete', ev.objPath + ev.command, ev);
          return;
      }
    });
    // Boot (digest §4.4, §5.5): Boot! to every subscribed Controller with its own ParameterMap,
    // then failures for operations the previous run left unfinished. Non-persistent Subscriptions
    // are removed after this, on the engine's first step (src/model local-agent boot), so their
    // ObjectDeletion notifications queue behind Boot! (the order obuspa uses too).
    this.dispatch('Event', BOOT_EVENT, { type: 'event', objPath: 'Device.', name: 'Boot!', args: undefined }, undefined, true);
    // The operations the previous run left unfinished and that are not running again: the model
    // resumed some at boot (ScheduleTimer, 2.14+), with a Request row again, matched by Command,
    // CommandKey and Originator. The stored journal is replaced by what this run tracks.
    const limit = this.opts.board.limits.asyncOperations;
    const left = rowsOf(this.engine, REQUEST_TABLE).map((r) => requestEntry(this.engine, r.path));
    const raw = this.hal.storage.get(JOURNAL_KEY);
    this.ops = left.slice(0, limit);
    this.saveOps();
    let data: unknown;
    try {
      data = raw ? JSON.parse(utf8Decode(raw)) : [];
    } catch {
      data = []; // a damaged journal reports nothing rather than garbage
    }
    for (const e of Array.isArray(data) ? data.slice(0, limit) : []) {
      if (!e || typeof e.request !== 'string' || typeof e.command !== 'string' || typeof e.commandKey !== 'string' || typeof e.originator !== 'string') continue;
      const i = left.findIndex((x) => x.command === e.command && x.commandKey === e.commandKey && x.originator === e.originator);
      if (i >= 0) {
        left.splice(i, 1);
        continue;
      }
      const dot = e.command.lastIndexOf('.');
      this.dispatch('OperationComplete', e.command, {
        type: 'operationComplete', objPath: e.command.slice(0, dot + 1), command: e.command.slice(dot + 1), commandKey: e.commandKey,
        error: { code: ErrorCode.COMMAND_FAILURE, message: 'interrupted by a restart of the Agent' },
      });
    }
  }

  /** Nothing waits to be sent or acknowledged (a reboot into a new image waits for this). */
  idle(): boolean {
    return !this.dirty && this.pending() === 0;
  }

  /** The Request row `request` was created (`entry`: it is tracked) or removed (no `entry`). */
  private track(request: string, entry?: JournalEntry): void {
    const n = this.ops.length;
    this.ops = this.ops.filter((e) => e.request !== request);
    if (entry) {
      if (this.ops.length >= this.opts.board.limits.asyncOperations) this.ops.shift();
      this.ops.push(entry);
    } else if (this.ops.length === n) return;
    this.saveOps();
  }

  private saveOps(): void {
    if (this.ops.length === 0) this.hal.storage.delete(JOURNAL_KEY);
    else this.hal.storage.set(JOURNAL_KEY, utf8Encode(JSON.stringify(this.ops)));
  }

  /** Controller.{i}.SendOnBoardRequest() (R-NOT.5): send_resp=true, retried until a NotifyResp, no expiry (R-NOT.6a). */
  sendOnBoardRequest(controller: string): void {
    // Device:2.17 OnBoardingRestartTime counts from this request (one entry per Controller row).
    this.onboarding.set(controller, this.hal.clock.monotonicMs());
    const id = this.hal.system.identity();
    this.enqueue(controller, '', {
      subscriptionId: '', // R-NOT.7
      sendResp: true,
      notification: { case: 'onBoardReq', value: { oui: id.oui, productClass: id.productClass, serialNumber: id.serialNumber, agentSupportedProtocolVersions: SUPPORTED_PROTOCOL_VERSIONS } },
    }, true, 0);
  }

  /**
   * The Subscription rows; with `type`, the ones processed for that NotifType: enabled, with a
   * recipient (a disabled entry MUST NOT be processed, digest §4.1).
   */
  subscriptions(type?: NotifType): readonly Subscription[] {
    if (!this.rows) this.rows = rowsOf(this.engine, SUBSCRIPTION_TABLE).map((i) => readSubscription(this.engine, i.path));
    return type ? this.rows.filter((s) => s.enable && s.type === type && s.controller !== '') : this.rows;
  }

  /** NotifyResp intake (DispatchHooks.notifyResp): match by msg_id (R-NOT.1; subscription_id ignored, 1.2+). */
  notifyResp(msgId: string, controllerPath: string | undefined): void {
    // The item with this msg_id, sent to this Controller, is delivered; another Controller cannot acknowledge it.
    const q = controllerPath === undefined ? undefined : this.queues.get(controllerPath);
    const i = q ? q.items.findIndex((it) => it.msgId === msgId) : -1;
    if (i < 0) return this.hal.system.log('debug', `notify: NotifyResp for unknown msg_id ${msgId}`);
    (q as Queue).items.splice(i, 1);
    this.stats.delivered++;
  }

  /**
   * Remove the item with msg_id `key` without counting it as delivered (it cannot be encoded,
   * say), every item of the deleted Subscription `key` (no more retries), or the whole queue of
   * the deleted Controller `key`.
   */
  private drop(key: string): void {
    this.queues.delete(key);
    for (const q of this.queues.values()) q.items = q.items.filter((it) => it.msgId !== key && it.subscription !== key);
  }

  /** Notifications queued (for `controller`, or for all). */
  pending(controller?: string): number {
    let n = 0;
    for (const [c, q] of this.queues) if (controller === undefined || c === controller) n += q.items.length;
    return n;
  }

  /** The notifications queued for `controller`, oldest first. */
  items(controller: string): readonly Outgoing[] {
    const q = this.queues.get(controller);
    return q ? q.items : [];
  }

  /** A notification dropped for a bound: counted and logged. */
  private lost(why: string, gone: Outgoing, to: string): void {
    this.stats.dropped++;
    this.hal.system.log('warn', `notify: ${why}; dropped ${gone.msgId} to ${to} (${this.stats.dropped} dropped so far)`);
  }

  step(now: number): void {
    const { engine, hal } = this;
    this.dirty = false;
    if (!this.ttl) {
      this.ttl = new Map();
      const wall = hal.clock.wallTimeMs();
      for (const s of this.subscriptions()) {
        if (s.timeToLive <= 0) continue;
        const created = this.createdAt.get(s.path);
        const c = s.creationDate === UNKNOWN_TIME ? undefined : parseDateTime(s.creationDate);
        let at = now;
        if (created !== undefined) at = created + s.timeToLive * 1000;
        else if (c && wall !== undefined) at = now + (c.ms + s.timeToLive * 1000 - wall);
        this.ttl.set(s.path, at);
      }
    }
    const gone: string[] = [];
    for (const [path, at] of this.ttl) if (now >= at) gone.push(path);
    if (gone.length) {
      const txn = engine.begin();
      try {
        for (const p of gone) if (engine.exists(p)) txn.delete(p);
        txn.commit();
        hal.system.log('info', `notify: TimeToLive expired for ${gone.join(', ')}`);
      } catch (e) {
        txn.rollback();
        for (const p of gone) this.ttl.delete(p);
        hal.system.log('error', `notify: cannot remove expired subscriptions: ${(e as Error).message}`);
      }
    }
    // Periodic!: the Controllers subscribed to it, each on its own schedule.
    const controllers = new Set<string>();
    for (const s of this.subscriptions('Event')) {
      if (!controllers.has(s.controller) && s.refs.some((ref) => refMatches(engine, {}, 'Event', ref, PERIODIC_EVENT))) controllers.add(s.controller);
    }
    for (const c of Array.from(this.periodicAt.keys())) if (!controllers.has(c)) this.periodicAt.delete(c);
    for (const c of controllers) {
      const at = this.periodicAt.get(c);
      if (at !== undefined && now < at) continue;
      if (at !== undefined) this.dispatch('Event', PERIODIC_EVENT, { type: 'event', objPath: 'Device.LocalAgent.', name: 'Periodic!', args: {} }, c);
      // The next one: the first point of the PeriodicNotifTime grid after now (wall clock), or one interval on.
      const interval = (Number(valueOf(engine, c + 'PeriodicNotifInterval')) || 1) * 1000;
      const anchor = valueOf(engine, c + 'PeriodicNotifTime') || UNKNOWN_TIME;
      const a = anchor === UNKNOWN_TIME ? undefined : parseDateTime(anchor);
      const wall = hal.clock.wallTimeMs();
      this.periodicAt.set(c, a && wall !== undefined ? now + a.ms + (Math.floor((wall - a.ms) / interval) + 1) * interval - wall : now + interval);
    }
    // Deletion searches are evaluated against the model as it is before the next change.
    if (this.deletionDirty) {
      this.deletionDirty = false;
      const sets = new Map<string, Set<string>>();
      for (const sub of this.subscriptions('ObjectDeletion')) {
        const access = this.recipientAccess(sub);
        if (!access) continue;
        for (const ref of sub.refs) {
          let parsed;
          try { parsed = this.engine.parse(ref); } catch { continue; }
          if (!parsed.isSearch) continue;
          // Searches that structuralMatch decides without the model need no candidates: asked
          // with an instance path of the ref's shape (wildcards → 1).
          let probe = '';
          for (const s of parsed.segments) probe += (s.kind === 'name' ? s.name : s.kind === 'instance' ? String(s.n) : '1') + '.';
          if (structuralMatch(parsed, probe) !== undefined) continue;
          sets.set(sub.path + '|' + ref, deletionCandidates(this.engine, ref, access, DELETION_LIMIT));
        }
      }
      this.deletionSets = sets;
    }
    if (this.pollAt >= 0 && now >= this.pollAt) {
      const r = pollComputed(this.engine, this.subscriptions('ValueChange'), (s) => this.recipientAccess(s), this.baseline, POLL_LIMIT);
      this.baseline = r.baseline;
      if (r.truncated && !this.pollTruncatedLogged) {
        this.pollTruncatedLogged = true;
        this.hal.system.log('warn', `notify: ValueChange poll watches at most ${POLL_LIMIT} computed values; the rest are not polled`);
      }
      for (const c of r.changes) this.triggered(c.sub, { case: 'valueChange', value: { paramPath: c.path, paramValue: c.value } }, c.sub.path);
      // Nothing computed is watched: sleep until subscriptions or instances change.
      this.pollAt = r.baseline.size ? now + this.opts.board.valueChangePollMs : -1;
    }
    if (this.configs.length) {
      const todo = this.configs;
      this.configs = [];
      applyConfigs(this.engine, todo, this.opts.access, (l, m) => this.hal.system.log(l, m));
    }
    // OnBoardRequest again after OnBoardingRestartTime, until OnBoardingComplete.
    for (const c of Array.from(this.onboarding.keys())) {
      if (valueOf(engine, c + 'OnBoardingComplete') !== 'false') { this.onboarding.delete(c); continue; }
      const due = this.onboardingDue(c);
      if (due >= 0 && now >= due) this.sendOnBoardRequest(c);
    }
    for (const [controller, q] of this.queues) {
      // R-NOT.3: retries stop at NotifExpiration, counted from the first attempt.
      q.items = q.items.filter((it) => {
        if (!it.retry || it.expirationMs <= 0 || it.firstAt < 0 || now < it.firstAt + it.expirationMs) return true;
        hal.system.log('info', `notify: ${it.msgId} to ${controller} expired after ${it.attempts} attempt(s)`);
        return false;
      });
      // One exchange at a time; when the MTP ends it at once (a local failure), go on to the next.
      for (let n = q.items.length; n > 0 && !q.busy; n--) {
        const item = q.items.find((it) => it.state === 'ready' || (it.state === 'awaiting' && it.nextAt <= now));
        if (!item) break;
        q.busy = true;
        item.state = 'sending';
        item.attempts++;
        if (item.firstAt < 0) item.firstAt = now;
        let finished = false;
        // Encoded and handed to the MTP; onDone(ok) once the CoAP exchange ends (R-COAP.9/10).
        const onDone = (ok: boolean, detail: string) => {
          if (finished) return;
          finished = true;
          if (this.queues.get(controller) === q) q.busy = false;
          const i = q.items.indexOf(item);
          if (i < 0) return; // acknowledged, expired or dropped meanwhile
          if (!item.retry) {
            // send_resp=false: sent once, never retried (digest §4.1 NotifRetry=false).
            q.items.splice(i, 1);
            if (ok) this.stats.delivered++;
            else { this.stats.failed++; hal.system.log('warn', `notify: ${item.msgId} to ${controller} not delivered: ${detail}`); }
            return;
          }
          if (!ok) hal.system.log('info', `notify: ${item.msgId} to ${controller} attempt ${item.attempts} failed: ${detail}`);
          // R-NOT.2: wait for the NotifyResp; resend after the randomised exponential back-off, with
          // the Controller's USPNotifRetryMinimumWaitInterval (m, s) and IntervalMultiplier (k, per mille).
          item.state = 'awaiting';
          item.nextAt = now + retryDelayMs(item.attempts,
            Number(valueOf(engine, controller + 'USPNotifRetryMinimumWaitInterval')) || 5,
            Number(valueOf(engine, controller + 'USPNotifRetryIntervalMultiplier')) || 2000,
            unitInterval(hal.system.randomBytes(4)));
        };
        const toId = valueOf(engine, controller + 'EndpointID');
        const msg: Msg = {
          header: { msgId: item.msgId, msgType: Header_MsgType.NOTIFY },
          body: { msgBody: { case: 'request', value: { reqType: { case: 'notify', value: item.notify } } } },
        };
        let record: Uint8Array | undefined;
        try {
          record = this.opts.encode(toId, msg).slice(); // the agent reuses its Record buffer
        } catch (e) {
          hal.system.log('error', `notify: ${item.msgId} to ${controller} cannot be encoded (${(e as Error).message}); dropped`);
          this.drop(item.msgId);
          onDone(false, 'encode');
        }
        if (record) this.opts.send(controller, record, onDone);
      }
    }
  }

  nextDeadline(): number {
    if (this.dirty) return 0;
    // Called on every datagram: plain loops, no closures (no garbage on the hot path).
    let d = -1;
    for (const q of this.queues.values()) {
      for (const it of q.items) {
        let t = -1;
        if (it.retry && it.expirationMs > 0 && it.firstAt >= 0) t = it.firstAt + it.expirationMs;
        if (!q.busy) {
          const due = it.state === 'ready' ? 0 : it.state === 'awaiting' ? it.nextAt : -1;
          if (due >= 0 && (t < 0 || due < t)) t = due;
        }
        if (t >= 0 && (d < 0 || t < d)) d = t;
      }
    }
    if (this.ttl) for (const t of this.ttl.values()) if (t >= 0 && (d < 0 || t < d)) d = t;
    for (const t of this.periodicAt.values()) if (t >= 0 && (d < 0 || t < d)) d = t;
    for (const c of this.onboarding.keys()) { const t = this.onboardingDue(c); if (t >= 0 && (d < 0 || t < d)) d = t; }
    const t = this.pollAt;
    if (t >= 0 && (d < 0 || t < d)) d = t;
    return d;
  }

  /** When `c`'s next OnBoardRequest is due (-1: none, its onboarding is complete or not restarted). */
  private onboardingDue(c: string): number {
    const since = this.onboarding.get(c);
    const every = Number(valueOf(this.engine, c + 'OnBoardingRestartTime')) || 0;
    if (since === undefined || every <= 0 || valueOf(this.engine, c + 'OnBoardingComplete') !== 'false') return -1;
    return since + every * 1000;
  }

  // --- data-model changes -------------------------------------------------------------------


  /** `path` created at `now`, or gone (`now` < 0); '': a value under the table changed. */
  private subscriptionsChanged(path: string, now: number): void {
    this.rows = undefined;
    // TimeToLive: end times computed again at the next step; the row's counts from its creation
    if (now >= 0) this.createdAt.set(path, now);
    else this.createdAt.delete(path);
    this.ttl = undefined;
    this.pollAt = this.hal.clock.monotonicMs(); // seed baselines of new ValueChange subscriptions now
  }

  /**
   * Queue the Notify of `ev` for every processed Subscription of `type` whose recipient may be
   * told (R-SEC.1) and one of whose ReferenceList items covers `eventPath` now.
   */
  private dispatch(type: NotifType, eventPath: string, ev: Source, only?: string, outlivesSubscription = false): void {
    for (const sub of this.subscriptions(type)) {
      if (only !== undefined && sub.controller !== only) continue;
      const access = this.recipientAccess(sub);
      // The notification permission of the type (digest §9.4 "n"): Param, Obj, InstantiatedObj and
      // CommandEvent (OperationComplete, Event), 4 bits apart in Perm (computed: no preloaded table).
      // ValueChange also needs read (R-SEC.1).
      const perm = Perm.PARAM_NOTIFY << 4 * Math.min(NOTIF_TYPES.indexOf(type), 3);
      if (!access || !access.can(eventPath, perm) || (type === 'ValueChange' && !access.canRead(eventPath))) continue;
      let hit = false;
      for (const ref of sub.refs) if (refMatches(this.engine, access, type, ref, eventPath, this.deletionSets, sub.path)) { hit = true; break; }
      if (!hit) continue;
      // The Notify `ev` makes for the recipient (undefined: none for it).
      let n: Notify['notification'] | undefined;
      if (sub.notifies) {
        switch (ev.type) {
          case 'valueChange':
            // The value as a Get reads it (a write-only Challenge.{i}.Value reads back empty, §9.4).
            n = { case: 'valueChange', value: { paramPath: ev.path, paramValue: valueOf(this.engine, ev.path) } };
            break;
          case 'objectCreation':
            // Only the keys the recipient may read (R-SEC.1).
            n = { case: 'objCreation', value: { objPath: ev.path, uniqueKeys: readableKeys(access, ev.path, ev.uniqueKeys) } };
            break;
          case 'objectDeletion':
            n = { case: 'objDeletion', value: { objPath: ev.path } };
            break;
          case 'event': {
            // Boot! (no `args`): the recipient Controller's own ParameterMap.
            const args = ev.args || this.opts.bootArgs(sub.controller);
            if (ev.objPath + ev.name === 'Device.LocalAgent.TransferComplete!') {
              // The results this Controller's TransferCompletePolicy.ResultTypeFilter wants (TR-181,
              // digest §4.4): Success FaultCode 0 only, Failure the others, Both (the default) all.
              let filter = 'Both';
              try { filter = this.engine.get(sub.controller + 'TransferCompletePolicy.ResultTypeFilter'); } catch { /* no such object: Both */ }
              const ok = args.FaultCode === '0';
              if (filter === 'Success' ? !ok : filter === 'Failure' && ok) break;
            }
            n = { case: 'event', value: { objPath: ev.objPath, eventName: ev.name, params: entriesOf(args) } };
            break;
          }
          default:
            // R-OPR.2: OperationComplete (output args or cmd_failure) for an async command.
            n = {
              case: 'operComplete',
              value: {
                objPath: ev.objPath, commandName: ev.command, commandKey: ev.commandKey,
                operationResp: ev.error
                  ? { case: 'cmdFailure', value: { errCode: ev.error.code, errMsg: ev.error.message } }
                  : { case: 'reqOutputArgs', value: { outputArgs: entriesOf(ev.output || {}) } },
              },
            };
        }
      }
      // Boot! (digest §4.4) goes to every subscription that exists at boot, including the
      // non-persistent ones removed right after: their deletion must not take the queued Boot!
      // with it, so it is not tied to the row (an empty subscription path is never dropped).
      this.triggered(sub, n, outlivesSubscription ? '' : sub.path);
    }
  }

  /**
   * `sub` triggered with Notify `n` (undefined: none for its recipient). TriggerAction (1.3):
   * Config applies TriggerConfigSettings instead of notifying, NotifyAndConfig does both.
   */
  private triggered(sub: Subscription, n: Notify['notification'] | undefined, subscription: string): void {
    this.dirty = true;
    if (sub.configures) {
      if (this.configs.length < this.opts.board.limits.notificationsPerController) {
        this.configs.push({ sub: sub.path, endpointId: valueOf(this.engine, sub.controller + 'EndpointID'), controller: sub.controller, settings: sub.configSettings });
      } else this.hal.system.log('warn', `notify: TriggerConfigSettings of ${sub.path} dropped (queue full)`);
    }
    if (n && sub.notifies) this.enqueue(sub.controller, subscription, { subscriptionId: sub.id, sendResp: sub.notifRetry, notification: n }, sub.notifRetry, sub.notifExpiration * 1000);
  }

  private recipientAccess(sub: Subscription): Access | undefined {
    // A disabled Controller is not talked to.
    if (valueOf(this.engine, sub.controller + 'Enable') !== 'true') return undefined;
    const id = valueOf(this.engine, sub.controller + 'EndpointID');
    return id ? this.opts.access(id) : undefined;
  }

  private enqueue(controller: string, subscription: string, notify: Notify, retry: boolean, expirationMs: number): void {
    this.dirty = true;
    const item: Outgoing = {
      msgId: this.idPrefix + ++this.seq, subscription, notify, retry, expirationMs, attempts: 0, firstAt: -1, nextAt: 0, state: 'ready',
    };
    let q = this.queues.get(controller);
    if (!q) { q = { items: [], busy: false }; this.queues.set(controller, q); }
    const limit = this.opts.board.limits.notificationsPerController;
    const total = this.opts.board.limits.notificationsQueued;
    // A bound reached: the oldest item not on the wire goes, of this queue (per Controller) or
    // of the longest queue (all of them together); when every queued item is on the wire, the
    // new one is the one that goes.
    if (q.items.length >= limit) {
      const i = q.items.findIndex((it) => it.state !== 'sending');
      this.lost(`queue for ${controller} full (${limit})`, q.items.splice(i < 0 ? 0 : i, 1)[0], controller);
    }
    if (this.pending() >= total) {
      let from = q;
      let name = controller;
      let at = -1;
      for (const [c, o] of this.queues) {
        const i = o.items.findIndex((it) => it.state !== 'sending');
        if (i >= 0 && (at < 0 || o.items.length > from.items.length)) { from = o; name = c; at = i; }
      }
      const why = `${total} notifications queued in all`;
      if (at < 0) return this.lost(why, item, controller);
      this.lost(why, from.items.splice(at, 1)[0], name);
    }
    q.items.push(item);
  }


  // --- timed work ---------------------------------------------------------------------------



}

/** A model's name → value object (schema names) as the codec's map<string,string>. */
function entriesOf(o: { readonly [name: string]: string }): Map<string, string> {
  const m = new Map<string, string>();
  for (const k of Object.keys(o)) m.set(k, o[k]);
  return m;
}
