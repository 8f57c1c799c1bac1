// The agent core (design.md "The core is sans-I/O"): one object that takes datagrams in and
// hands datagrams out, and owns everything between: CoAP reliability and block-wise transfer
// (coap/), the USP CoAP binding (mtp/), Records and dispatch (agent.ts), the notifier
// (notify/) and deferred work. It does no I/O and owns no timers: the host calls
// receive(datagram, peer, now) for each datagram, step(now) when nextDeadline() comes due,
// and gives it one `send` function. src/device.ts binds it to a HAL's socket and timer.
//
//   datagram → CoapEndpoint → UspCoapBinding → Agent (Record → dispatch → handler → dm → model)
//   answer   ← CoapEndpoint ← UspCoapBinding.sendRecord (a new POST to reply-to, R-COAP.7)
import type { CoreHal } from '../hal/hal.ts';
import type { BoardProfile } from '../boards/profile.ts';
import { createAgent, type Agent } from './agent.ts';
import { CoapEndpoint } from './coap/endpoint.ts';
import type { Peer } from './coap/types.ts';
import type { Engine, ModelModule } from './dm/api.ts';
import type { SchemaTree } from './dm/schema.ts';
import { UspCoapBinding, type SendOutcome } from './mtp/coap.ts';
import { formatCoapUri } from './mtp/coap-uri.ts';
import { tr181Model } from './model/index.ts';
import { MTP_TABLE } from './names.ts';
import { Notifier } from './notify/notifier.ts';
import { FirmwareManager } from './ota/manager.ts';
import { HalFetcher } from './ota/transfer.ts';
import type { CertificateTrust } from './usp/trust.ts';

export type { Peer, PeerIdentity } from './coap/types.ts';
export type { CoreHal } from '../hal/hal.ts';

/** Factory defaults, flat or nested (dm/api.ts). */
export type { Defaults } from './dm/api.ts';
import type { Defaults } from './dm/api.ts';

export interface CoreOptions {
  hal: CoreHal;
  board: BoardProfile;
  /** Factory defaults: TR-181 path → value, flat or nested (design.md "Configuration is the data model"). */
  defaults?: Defaults;
  /** A device maker's model modules, added to the built-in TR-181 ones (which keep their hooks). */
  modules?: readonly ModelModule[];
  /** With `modules`: the schema tree of the TR-181 objects and theirs, modelTree(modules) (src/model). */
  tree?: SchemaTree;
  /** Emit one datagram; `bytes` is valid only during the call. */
  send(bytes: Uint8Array, peer: Peer): void;
  /** The address Controllers reach us at: the host of our reply-to URI. */
  host: string;
  /** One line per handled Record, for debug logs. */
  trace?(line: string): void;
  /** Ask the host to call step() soon: work became due outside receive/step (an HTTP image transfer ended). */
  wake?(): void;
}

export interface Core {
  readonly engine: Engine;
  /** Check-cert and certificate-derived roles (digest §9.3): the DTLS link asks it at each handshake. */
  readonly trust: CertificateTrust;
  /** Device.LocalAgent.EndpointID. */
  endpointId(): string;
  /**
   * The MTP we serve, the first enabled CoAP one: its Device.LocalAgent.MTP.{i}.CoAP.Port (bind
   * it) and EnableEncryption.
   */
  readonly mtp: { readonly port: number; readonly encryption: boolean };
  /** The socket is bound on `port` with `transport` (default: plaintext only): our URI is final and notifications may leave. */
  listening(port: number, transport?: Transport): void;
  /** Our own URI (what goes into reply-to). */
  uri(): string;
  /** One received datagram from `peer` (with the identity its link authenticated, if any). */
  receive(datagram: Uint8Array, peer: Peer, nowMs: number): void;
  /** The DTLS session to a coaps:// file server failed (refused, timed out): its transfer ends now. */
  linkFailed(peer: Peer, reason: string, nowMs: number): void;
  /** Run whatever is due at `nowMs`: retransmissions, async operations, deferred actions, notifications. */
  step(nowMs: number): void;
  /** Monotonic ms at which step() must run next; Infinity when nothing is timed. */
  nextDeadline(): number;
  /** Notifications and their statistics (tests, benchmarks). */
  readonly notifier: Notifier;
  /** Stop: pending exchanges fail, nothing more is sent. */
  close(): void;
}

export class CoreConfigError extends Error {}

/** What the host's links can carry (src/device.ts decides from the credentials and the flags). */
export interface Transport {
  /** Our MTP listens over DTLS: our URI is coaps:// (Device.LocalAgent.MTP.{i}.CoAP.IsEncrypted). */
  dtlsServer: boolean;
  /** We can reach coaps:// Controllers (there are DTLS credentials). */
  dtlsClient: boolean;
  /** Plaintext coap:// is allowed (--allow-nosec). */
  plaintext: boolean;
  /** We can fetch from coaps:// file servers (Download()): we have a certificate and trust anchors. */
  dtlsFiles?: boolean;
}


interface PendingReply {
  record: Uint8Array;
  replyTo: string;
  to: string | undefined;
}

export function createCore(opts: CoreOptions): Core {
  const { hal, board } = opts;
  let closed = false;
  let ready = false;
  let notifier: Notifier | undefined;
  const endpoint = new CoapEndpoint({
    send: (bytes, peer) => { if (!closed) opts.send(bytes, peer); },
    randomBytes: (n) => hal.system.randomBytes(n),
    limits: board.limits,
    transmission: board.coap,
  });
  const ota = new FirmwareManager(board.firmware);
  const tr181 = tr181Model({ sendOnBoardRequest: (c) => notifier?.sendOnBoardRequest(c) }, ota);
  const modules = tr181.modules.concat(opts.modules || []);
  const agent: Agent = createAgent({
    hal, board, defaults: opts.defaults, model: modules, tree: opts.tree,
    hooks: { notifyResp: (msgId, _resp, from) => { ota.reached = true; notifier?.notifyResp(msgId, from.controllerPath); } },
    trace: opts.trace,
    // Deferred work (Reboot(), FactoryReset(), boot clean-up) waits until our answers have left.
    answered: () => endpoint.pendingRequests === 0,
  });
  const engine = agent.engine;
  const mtp = coapMtp(engine, MTP_TABLE);
  if (!mtp) throw new CoreConfigError('no enabled CoAP MTP in Device.LocalAgent.MTP.{i} (check the factory defaults)');
  let port = mtp.port;
  let ownUri = '';
  // undefined: no DTLS, plaintext only (a core never told otherwise: tests, plaintext tools; no
  // preloaded object for it)
  let transport: Transport | undefined;
  const uri = (): string => {
    if (!ownUri) ownUri = coapUri(!!transport && transport.dtlsServer, opts.host, port, mtp.path);
    return ownUri;
  };

  // R-COAP.7: the USP response leaves as a new POST after the CoAP ACK of the request, so the
  // answer to a datagram is queued here and sent once the endpoint has acknowledged it.
  const replies: PendingReply[] = [];
  const binding = new UspCoapBinding(endpoint, { path: mtp.path }, (record, replyTo, peer) => {
    const mtpIdentity = peer.identity ? peer.identity.endpointId : undefined;
    // R-SEC.0a: a DTLS link that authenticated no Endpoint ID lets no Record through (src/dtls
    // refuses such sessions; this keeps it so whatever the link).
    if (peer.dtls && !mtpIdentity) return 'ok';
    const out = agent.handleRecord(record, { mtpIdentity, mtpCertificate: peer.identity ? peer.identity.certificate : undefined });
    if (out.mtpError) return 'bad-record';
    if (out.reply) {
      replies.push({ record: out.reply, replyTo, to: out.to });
      ota.reached = true; // a new image that hears its Controllers confirms itself
    }
    return 'ok';
  });

  function sendRecord(record: Uint8Array, target: string, onDone: (o: SendOutcome) => void, toId?: string): void {
    try {
      binding.sendRecord(record, target, uri(), onDone, toId);
    } catch (e) {
      onDone({ ok: false, reason: 'failed', detail: (e as Error).message });
    }
  }

  /** A Record we originate (Notify) to the Controller's own CoAP MTP (Controller.{i}.MTP.{j}.CoAP). */
  function sendToController(controllerPath: string, record: Uint8Array, onDone: (o: SendOutcome) => void): void {
    const m = coapMtp(engine, controllerPath + 'MTP.');
    if (!m) {
      onDone({ ok: false, reason: 'failed', detail: `no enabled CoAP MTP under ${controllerPath}` });
      return;
    }
    // Controller.{i}.MTP.{j}.CoAP.EnableEncryption: coaps:// (DTLS) or plaintext coap://.
    sendRecord(record, coapUri(m.encryption, engine.get(m.instance + 'CoAP.Host'), m.port, m.path), onDone, engine.get(controllerPath + 'EndpointID'));
  }

  const notify = new Notifier({
    engine, hal, board,
    access: (id) => agent.requester(id)?.access,
    encode: agent.encodeMessage,
    send: (controller, record, onDone) => sendToController(controller, record, (o) => {
      if (o.ok) ota.reached = true; // a Controller took our Notify: a new image is reachable
      onDone(o.ok, describe(o));
    }),
    bootArgs: (controllerPath) => tr181.bootEvent(engine, controllerPath),
  });
  notifier = notify;
  ota.services = {
    fetcher: new HalFetcher({ endpoint, http: hal.http, wake: () => opts.wake?.(), coaps: () => !!transport && transport.dtlsFiles === true }),
    idle: () => endpoint.pendingRequests === 0 && notify.idle(),
  };

  function flushReplies(): void {
    while (replies.length && !closed) {
      const r = replies.shift() as PendingReply;
      sendRecord(r.record, r.replyTo, (o) => {
        if (!o.ok) hal.system.log('warn', `response to ${r.replyTo} not delivered: ${describe(o)}`);
      }, r.to);
    }
  }

  /**
   * Run what is due at `now`: everything (the host's step: retransmissions, async operations,
   * notifications), or `afterDatagram` only the parts it made due (a deferred reboot once its
   * answer is acknowledged, the notifications a change caused); most datagrams leave nothing due.
   */
  function step(now: number, afterDatagram?: boolean): void {
    if (closed) return;
    const all = !afterDatagram;
    if (all) endpoint.step(now);
    if (all || due(agent.nextDeadline(), now)) agent.step(now);
    if (ready && !closed && (all || due(notify.nextDeadline(), now))) notify.step(now);
    if (!closed && (all || due(ota.nextDeadline(), now))) ota.step(now);
  }

  return {
    engine,
    trust: agent.trust,
    notifier: notify,
    endpointId: agent.endpointId,
    mtp,
    listening(p, t) {
      port = p;
      transport = t;
      ownUri = '';
      const schemes: ('coap' | 'coaps')[] = [];
      if (t && t.dtlsClient) schemes.push('coaps');
      if (!t || t.plaintext) schemes.push('coap');
      binding.schemes = schemes;
      // Device.LocalAgent.MTP.{i}.CoAP.IsEncrypted says what the link really is.
      const isEncrypted = mtp.instance + 'CoAP.IsEncrypted';
      const encrypted = String(!!t && t.dtlsServer);
      if (engine.get(isEncrypted) !== encrypted) {
        const txn = engine.begin();
        txn.agentSet(isEncrypted, encrypted);
        txn.validate();
        txn.commit();
      }
      ready = true;
    },
    uri,
    linkFailed(peer, reason, now) {
      if (!closed) endpoint.peerFailed(peer, reason, now);
    },
    receive(datagram, peer, now) {
      if (closed) return;
      endpoint.receive(datagram, peer, now);
      flushReplies();
      step(now, true);
    },
    step,
    nextDeadline() {
      if (closed) return Infinity;
      let next = endpoint.nextDeadline();
      const a = agent.nextDeadline();
      if (a >= 0 && a < next) next = a;
      const n = ready ? notify.nextDeadline() : -1;
      if (n >= 0 && n < next) next = n;
      const o = ota.nextDeadline();
      if (o >= 0 && o < next) next = o;
      return next;
    },
    close() {
      if (closed) return;
      endpoint.close();
      closed = true;
    },
  };
}

/** A deadline (-1: none) has come at `now`. */
function due(deadline: number, now: number): boolean {
  return deadline >= 0 && deadline <= now;
}

/**
 * The first enabled CoAP row of an MTP table (Device.LocalAgent.MTP., or a Controller's MTP.) and
 * its CoAP Port, Path and EnableEncryption, if there is one.
 */
function coapMtp(e: Engine, table: string): { instance: string; port: number; path: string; encryption: boolean } | undefined {
  for (const inst of e.instances(table, true)) {
    if (e.get(inst.path + 'Enable') !== 'true' || e.get(inst.path + 'Protocol') !== 'CoAP') continue;
    const row = inst.path + 'CoAP.';
    return { instance: inst.path, port: Number(e.get(row + 'Port')), path: e.get(row + 'Path'), encryption: e.get(row + 'EnableEncryption') !== 'false' };
  }
  return undefined;
}

/** coaps:// (DTLS) or coap:// URI of a CoAP MTP. */
function coapUri(dtls: boolean, host: string, port: number, path: string): string {
  return formatCoapUri({ scheme: dtls ? 'coaps' : 'coap', host, port, path: path.split('/').filter(Boolean) });
}

export function describe(o: SendOutcome): string {
  if (o.ok) return 'ok';
  if (o.reason === 'coap-error') return `CoAP ${o.code >> 5}.${String(o.code & 31).padStart(2, '0')}`;
  return o.reason + ('detail' in o && o.detail ? ` (${o.detail})` : '');
}
