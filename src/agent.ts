// The USP layer of the core (src/core.ts): a Record in, a Record out. It opens the Record
// (record/), identifies the Controller (usp/controllers), dispatches the Msg (usp/dispatch) to its
// handler, and wraps the answer; it also builds the Records the notifier sends. No I/O: the
// core hands it Records from the CoAP binding and steps it (async operations, deferred work).
import type { CoreHal, LogLevel } from '../hal/hal.ts';
import type { BoardProfile } from '../boards/profile.ts';
import { encodeAgentMsgExact, EncodeOverflowError, type DecodeLimits, type Msg } from './codec/index.ts';
import { createEngine } from './dm/index.ts';
import type { Defaults, Engine, ModelModule } from './dm/api.ts';
import type { SchemaTree } from './dm/schema.ts';
import { TR181_TREE, tr181Modules } from './model/index.ts';
import { RateLimitedLog } from './log-rate.ts';
import { ENDPOINT_ID } from './names.ts';
import { messageRecord, openRecord, sealRecordExact } from './record/record.ts';
import { ControllerDirectory } from './usp/controllers.ts';
import { CertificateTrust } from './usp/trust.ts';
import type { PeerCertificate } from './coap/types.ts';
import { Dispatcher, errorMsg, type DispatchHooks, type Handlers, type Requester } from './usp/dispatch.ts';
import { ErrorCode } from './errors.ts';
import { handleGet } from './usp/get.ts';
import { handleGetInstances } from './usp/get-instances.ts';
import { handleGetSupportedDM, handleGetSupportedProtocol } from './usp/get-supported-dm.ts';
import { handleSet } from './usp/set.ts';
import { handleAdd } from './usp/add.ts';
import { handleDelete } from './usp/delete.ts';
import { handleOperate } from './usp/operate.ts';

export interface AgentOptions {
  hal: CoreHal;
  board: BoardProfile;
  /** Factory defaults: TR-181 path → value, flat or nested (design.md "Configuration is the data model"; dm/api.ts Defaults). */
  defaults?: Defaults;
  /** The model modules; default the TR-181 model of src/model (tr181Modules()). */
  model?: readonly ModelModule[];
  /** The schema tree of `model`'s objects (treeOf(model), modelTree()); default TR181_TREE. */
  tree?: SchemaTree;
  /** Intake for NotifyResp / Error messages (the notify layer). */
  hooks?: DispatchHooks;
  /** R-MSG.4 duplicate window, ms (default 2000). */
  duplicateWindowMs?: number;
  /** One line per handled Record (what came, what went back), for debug logs. Off when absent. */
  trace?: (line: string) => void;
  /** See EngineOptions.answered: deferred actions wait until it holds. */
  answered?: () => boolean;
}

export interface RecordSource {
  /** The Endpoint ID the MTP authenticated (DTLS certificate SAN); must match from_id. */
  mtpIdentity?: string;
  /** The certificate the MTP verified: Check-cert and the CA's role (src/usp/trust.ts). */
  mtpCertificate?: PeerCertificate;
}

export interface RecordOutcome {
  /** The Record to send back to the sender (reply-to), if any: a fresh array the caller owns. */
  reply?: Uint8Array;
  /** The Endpoint ID the reply goes to (the request's from_id). */
  to?: string;
  /** The MTP must answer "bad request" (CoAP 4.00: R-COAP.13, R-ENC.2@1.0). */
  mtpError?: 'bad-record';
}

export interface Agent {
  readonly engine: Engine;
  /** Device.LocalAgent.EndpointID. */
  endpointId(): string;
  /** One received Record. Never throws. */
  handleRecord(bytes: Uint8Array, from: RecordSource): RecordOutcome;
  /** Wrap a Msg we originate (Notify) in a no_session_context Record to `toId`. Throws on overflow. */
  encodeMessage(toId: string, msg: Msg): Uint8Array;
  /** Check-cert and the certificate-derived roles (digest §9.3); the DTLS link asks it too. */
  readonly trust: CertificateTrust;
  /** Who a Controller is and what its roles allow (for the notify layer), or undefined if disabled. */
  requester(endpointId: string): Requester | undefined;
  /** Drive async operations and expiries with the monotonic clock. */
  step(nowMs: number): void;
  /** Monotonic ms when step() must run next (async operations, deferred actions, the R-MSG.4 window), or -1. */
  nextDeadline(): number;
}

/**
 * R-MSG.4: how long a handled request counts as pending (the bound on remembered (Controller,
 * msg_id) pairs is the board's limits.recentMsgIds). The core answers synchronously, so "pending" is the time the reply may still be in
 * flight. Kept short: CoAP already drops its own retransmissions, and some Controllers (the
 * obuspa test controller numbers each file run from the same msg_id) legitimately resend an
 * identical request a few seconds later and must get an answer.
 */
const DUPLICATE_WINDOW_MS = 2_000;

/**
 * The request handlers: a module-level frozen table, preloaded (flash on a board); each finds
 * the engine in its RequestContext. Register, Deregister and Notify have none (R-MSG.1).
 */
const HANDLERS: Handlers = Object.freeze({
  get: handleGet,
  getInstances: handleGetInstances,
  getSupportedDm: handleGetSupportedDM,
  getSupportedProtocol: handleGetSupportedProtocol,
  set: handleSet,
  add: handleAdd,
  delete: handleDelete,
  operate: handleOperate,
});

export function createAgent(options: AgentOptions): Agent {
  const { hal, board } = options;
  const engine = createEngine({ hal, profile: board, modules: options.model ?? tr181Modules(), tree: options.tree ?? TR181_TREE, defaults: options.defaults, answered: options.answered });
  const log = (level: LogLevel, m: string) => hal.system.log(level, m);
  const failures = new RateLimitedLog(log);
  const selfLog = new RateLimitedLog(log);
  // maxItems: a request's list beyond requestPaths is refused (7005) as soon as it is seen.
  const limits: DecodeLimits = {
    maxDepth: board.limits.decodeDepth, maxBytes: board.limits.messageBytes, stringCache: board.codecStringCache, maxItems: board.limits.requestPaths,
  };
  const trust = new CertificateTrust(engine);
  const directory = new ControllerDirectory(engine, board.limits.instancesPerTable, trust);
  const dispatcher = new Dispatcher(HANDLERS, {
    engine, limits, pendingIds: board.limits.recentMsgIds, duplicateWindowMs: options.duplicateWindowMs ?? DUPLICATE_WINDOW_MS,
    // A handler that throws something other than a UspError is a bug: say which and why (7003 goes back).
    onInternalError: (what, e) => failures.write('error', `agent: ${what} failed: ${describeThrown(e)}`, hal.clock.monotonicMs()),
  }, options.hooks);
  // No buffer of board.limits.messageBytes is kept: an answer is sized first (the codec's counting Writer)
  // and encoded into an array of its length, then the Record around it (issue 10: RAM cap; the
  // 8 KB buffer this replaces was live from boot and at every peak).

  let ownId: string | undefined;
  engine.onChange((ev) => {
    if (ev.type === 'valueChange' && ev.path === ENDPOINT_ID) ownId = undefined;
  });
  const endpointId = (): string => {
    if (ownId === undefined) {
      try {
        ownId = engine.get(ENDPOINT_ID);
      } catch {
        ownId = '';
      }
    }
    return ownId;
  };

  /** Encode msg into a Record to toId; an oversized response becomes Error 7005 (same msg_id). */
  function wrap(toId: string, msg: Msg, fallbackToError: boolean): Uint8Array | undefined {
    const me = endpointId();
    // Room for the Record fields around the payload (UTF-8 ≤ 3 bytes per UTF-16 unit).
    const room = 32 + 3 * (toId.length + me.length);
    const budget = board.limits.messageBytes - room;
    if (budget <= 0) return undefined;
    try {
      let bytes: Uint8Array;
      try {
        bytes = encodeAgentMsgExact(msg, budget);
      } catch (e) {
        if (!(e instanceof EncodeOverflowError) || !fallbackToError || !msg.header) return undefined;
        bytes = encodeAgentMsgExact(errorMsg(msg.header.msgId, ErrorCode.RESOURCES_EXCEEDED, 'response exceeds ' + budget + ' bytes'), budget);
      }
      return sealRecordExact(messageRecord(toId, me, bytes), board.limits.messageBytes);
    } catch {
      return undefined; // a value the codec refuses (EncodeError), or no room even for the Error: the answer cannot be sent
    }
  }

  return {
    engine,
    trust,
    endpointId,
    handleRecord(bytes, from) {
      try {
        const trace = options.trace;
        const intake = openRecord(bytes, { endpointId: endpointId(), limits, mtpIdentity: from.mtpIdentity });
        if (intake.kind !== 'msg') {
          if (trace) trace(`Record (${bytes.length} B): ${intake.kind}, ${intake.why}`);
          if (intake.kind === 'bad-record') return { mtpError: 'bad-record' };
          if (intake.kind === 'ignore') {
            // Anyone can spoof our ID on an unauthenticated link: say so, at a bounded rate.
            if (intake.self) selfLog.write('warn', 'agent: Record with our own Endpoint ID as from_id ignored (R-ARC.2)', hal.clock.monotonicMs());
            // R-SEC.0a/R-SEC.10a: the link authenticated someone else than the Record claims.
            if (intake.spoofed) selfLog.write('warn', `agent: Record not processed: its from_id is not ${from.mtpIdentity}, who the DTLS link authenticated (R-SEC.0a)`, hal.clock.monotonicMs());
            return {};
          }
          return { reply: sealRecordExact(intake.record, board.limits.messageBytes), to: intake.record.toId };
        }
        const who = directory.admit(intake.fromId, from.mtpCertificate);
        if (!who.ok) {
          // Check-cert refused the certificate (§9.3), or the Controller is disabled.
          if (from.mtpCertificate) selfLog.write('warn', `agent: Record from ${intake.fromId} not processed: ${who.why}`, hal.clock.monotonicMs());
          if (trace) trace(`Record from ${intake.fromId}: not accepted`);
          return {};
        }
        const out = dispatcher.handle(intake.payload, who.requester, hal.clock.monotonicMs());
        if (trace) trace(`${intake.fromId} (${bytes.length} B): ${out.kind === 'reply' ? summary(out.msg) : out.kind + ', ' + out.why}`);
        if (out.kind === 'bad-record') return { mtpError: 'bad-record' };
        if (out.kind === 'none') return {};
        const reply = wrap(intake.fromId, out.msg, true);
        return reply ? { reply, to: intake.fromId } : {};
      } catch (e) {
        // Defensive: a bug below must not take the agent down; the request goes unanswered.
        failures.write('error', `agent: unexpected failure while handling a Record: ${describeThrown(e)}`, hal.clock.monotonicMs());
        return {};
      }
    },
    encodeMessage(toId, msg) {
      const r = wrap(toId, msg, false);
      if (!r) throw new EncodeOverflowError(board.limits.messageBytes);
      return r;
    },
    requester(endpointId) {
      const who = directory.identify(endpointId);
      return who.ok ? who.requester : undefined;
    },
    step(nowMs) {
      engine.step(nowMs);
      dispatcher.expire(nowMs);
    },
    nextDeadline() {
      const e = engine.nextDeadline();
      const d = dispatcher.nextDeadline();
      return e < 0 || (d >= 0 && d < e) ? d : e;
    },
  };
}

function describeThrown(e: unknown): string {
  return e instanceof Error ? e.name + ': ' + e.message : String(e);
}

/** `msg_id → getResp` / `msg_id → error 7026`: what a debug log says about a reply. */
function summary(msg: Msg): string {
  const body = msg.body ? msg.body.msgBody : undefined;
  const id = msg.header ? msg.header.msgId : '';
  if (!body) return id + ' → (empty)';
  if (body.case === 'error') return id + ' → error ' + body.value.errCode;
  return id + ' → ' + (body.case === 'response' ? body.value.respType.case : body.case);
}
