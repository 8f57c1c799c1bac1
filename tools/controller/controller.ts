// A USP Controller for the host: messages built and read with @bufbuild/protobuf (gen/usp, an
// implementation independent of the agent's own codec), carried by the project's CoAP stack.
// It listens on its own CoAP endpoint: the agent's responses arrive there as new POSTs to our
// reply-to URI (R-COAP.3), and so do Notify messages. Over DTLS (coaps://) each direction is its
// own session and socket: our requests leave as a DTLS client, the agent's POSTs arrive at our
// DTLS server. Both roles run in the agent's own session manager (src/dtls/link.ts), driven
// here by one timer, so the controller checks what the agent checks (cookies, R-MTP.4, bounds).
import { create, fromBinary, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import {
  Header_MsgType,
  MsgSchema,
  type Msg,
  type Notify,
  type Request,
  RequestSchema,
} from '../../gen/usp/usp-msg_pb.ts';
import { RecordSchema } from '../../gen/usp/usp-record_pb.ts';
import { createHostNet, type HostUdpSocket } from '../../hal/host/net.ts';
import { CoapEndpoint } from '../../src/coap/endpoint.ts';
import { UspCoapBinding, type SendOutcome } from '../../src/mtp/coap.ts';
import { formatCoapUri, parseCoapUri } from '../../src/mtp/coap-uri.ts';
import { host as hostBoard } from '../../boards/host/profile.ts';
import { createHostDtls } from '../../hal/host/dtls.ts';
import type { Peer } from '../../src/coap/types.ts';
import type { DtlsCredentials } from '../../src/dtls/credentials.ts';
import { DtlsLink, type Channel } from '../../src/dtls/link.ts';
import { randomBytes } from 'node:crypto';
import { handshaking } from '../../src/dtls/link-view.ts';

export interface ControllerOptions {
  /** Our Endpoint ID (Record from_id), e.g. proto::controller-1. */
  endpointId: string;
  /** Local address to listen on and to advertise in reply-to (default 127.0.0.1). */
  host?: string;
  /** Local port (0 = any free port). Notifications go to the port configured in the agent. */
  port?: number;
  /** Resource path of our USP endpoint (default /usp). */
  path?: string;
  /** Called for every Notify; the NotifyResp is sent automatically when send_resp is set. */
  onNotify?(notify: Notify, fromId: string, msgId: string): void;
  /** Every wait is bounded: default time to wait for a response, ms. */
  timeoutMs?: number;
  /** Something the agent sent us was refused: a DTLS session it opened failed, or a Record claimed another from_id. */
  onRefused?(reason: string): void;
  /**
   * DTLS (coaps://): our certificate, key and trust anchors, and/or a PSK whose `endpointId` is
   * the agent's Endpoint ID it authenticates (default: its identity); `wasmPath` of the mbedTLS
   * module when not the default (hal/host/dtls.ts). Absent: plaintext coap:// (the caller
   * decides whether that is allowed).
   */
  dtls?: { credentials: DtlsCredentials; wasmPath?: string };
}

export class UspTimeoutError extends Error {}
export class TransportError extends Error {}

type Pending = { resolve(m: Msg): void; reject(e: Error): void; timer: NodeJS.Timeout };

/** One CoAP endpoint over one transport: a plain UDP socket, or a DTLS link in one role. */
interface Side {
  endpoint: CoapEndpoint;
  binding: UspCoapBinding;
  transport: { ready: Promise<void>; readonly port: number; close(): void };
}

export class Controller {
  readonly endpointId: string;
  /** Where the agent's POSTs (responses, Notify) arrive: our reply-to URI. */
  private readonly inbound: Side;
  /** Where our requests leave from (the inbound side itself over plaintext). */
  private readonly outbound: Side;
  private readonly scheme: 'coap' | 'coaps';
  private readonly pending = new Map<string, Pending>();
  /** The last failure of a DTLS session the agent opened to us (said when a response never comes). */
  private inboundFailure: string | undefined;
  /** Both DTLS roles (src/dtls/link.ts): 'client' carries our requests, 'server' the agent's POSTs. */
  private readonly link: DtlsLink | undefined;
  private readonly host: string;
  private readonly path: string;
  private timer: NodeJS.Timeout | undefined;
  private dtlsTimer: NodeJS.Timeout | undefined;
  /** The DTLS link's last warning. */
  private dtlsWarning: string | undefined;
  private seq = 0;
  private closed = false;

  private constructor(private readonly opts: ControllerOptions) {
    this.endpointId = opts.endpointId;
    this.host = opts.host ?? '127.0.0.1';
    this.path = opts.path ?? '/usp';
    this.scheme = opts.dtls ? 'coaps' : 'coap';
    if (!opts.dtls) {
      const socket = createHostNet().udp({
        address: this.host,
        port: opts.port ?? 0,
        onDatagram: (data, address, port) => this.receive(side, data, { address, port }),
      });
      const side = this.side((bytes, peer) => socket.send(bytes, peer.address, peer.port), socket);
      this.inbound = this.outbound = side;
      this.link = undefined;
      return;
    }
    const dtls = createHostDtls({ clock: { wallTimeMs: () => Date.now() }, wasmPath: opts.dtls.wasmPath });
    const timers = handshakeTimers(opts.timeoutMs ?? 5000);
    const sockets: { [c in Channel]?: HostUdpSocket } = {};
    const link = new DtlsLink({
      dtls,
      // The host board's bounds; the handshake ends by the shim's own timers (SSL_TIMEOUT, which
      // names the cause) well before the link's limit, set to the whole USP wait.
      limits: { ...hostBoard.dtls, handshakeTimeoutMs: Math.max(timers.max, opts.timeoutMs ?? 5000) },
      handshakeTimers: timers,
      credentials: opts.dtls.credentials,
      server: true,
      datagramBytes: hostBoard.limits.datagramBytes,
      wallTimeMs: () => Date.now(),
      output: (d, address, port, channel) => sockets[channel]?.send(d, address, port),
      deliver: (m, peer) => this.receive(peer.dtls === 'server' ? this.inbound : this.outbound, m, peer),
      sessionFailed: (address, port, channel, reason) => this.dtlsFailed(channel, address + ':' + port, reason),
      // Kept, not printed: said when a request then gets no answer (e.g. no credentials for that agent).
      log: (level, m) => { if (level === 'warn' || level === 'error') this.dtlsWarning = m; },
    });
    this.link = link;
    const udp = (channel: Channel, port: number) => (sockets[channel] = createHostNet().udp({
      address: this.host,
      port,
      onDatagram: (data, address, p) => {
        link.receive(data, address, p, channel, performance.now());
        this.scheduleDtls();
      },
    }));
    const server = udp('server', opts.port ?? 0);
    const client = udp('client', 0);
    this.inbound = this.side((bytes, peer) => this.dtlsSend(bytes, peer), server);
    this.outbound = this.side((bytes, peer) => this.dtlsSend(bytes, peer), client);
  }

  private dtlsSend(bytes: Uint8Array, peer: Peer): void {
    this.link?.send(bytes, peer, performance.now());
    this.scheduleDtls();
  }

  /** The link's next retransmission, handshake or idle deadline. */
  private scheduleDtls(): void {
    if (this.closed || !this.link) return;
    if (this.dtlsTimer) clearTimeout(this.dtlsTimer);
    this.dtlsTimer = undefined;
    const next = this.link.nextDeadline();
    if (next === Infinity) return;
    this.dtlsTimer = setTimeout(() => {
      this.dtlsTimer = undefined;
      this.link?.step(performance.now());
      this.scheduleDtls();
    }, Math.max(0, Math.ceil(next - performance.now())) + 1);
    // Idle sessions alone do not keep the process up (the sockets and pending requests do).
    this.dtlsTimer.unref();
  }

  private side(send: (bytes: Uint8Array, peer: Peer) => void, transport: Side['transport']): Side {
    const endpoint = new CoapEndpoint({
      send,
      randomBytes: (n) => new Uint8Array(randomBytes(n)),
      limits: hostBoard.limits,
      transmission: hostBoard.coap,
    });
    const binding = new UspCoapBinding(endpoint, { path: this.path, interfaceType: 'bbf.usp.c', schemes: [this.scheme] }, (rec, replyTo, peer) => this.onRecord(rec, replyTo, peer));
    return { endpoint, binding, transport };
  }

  private receive(side: Side, data: Uint8Array, peer: Peer): void {
    side.endpoint.receive(data, peer, performance.now());
    this.schedule();
  }

  /** Start listening; resolves once the sockets are bound. */
  static async open(opts: ControllerOptions): Promise<Controller> {
    const c = new Controller(opts);
    try {
      await c.inbound.transport.ready;
      await c.outbound.transport.ready;
    } catch (e) {
      c.close();
      throw new TransportError(`cannot listen on ${c.host}:${opts.port ?? 0}: ${(e as Error).message}`);
    }
    return c;
  }

  /** Our own URI, as sent in reply-to. */
  get uri(): string {
    return formatCoapUri({ scheme: this.scheme, host: this.host, port: this.inbound.transport.port, path: this.path.split('/').filter(Boolean) });
  }

  /** A fresh msg_id. */
  nextMsgId(prefix = 'ctl'): string {
    return `${prefix}-${Date.now().toString(36)}-${++this.seq}`;
  }

  /**
   * Send a request to the agent at `agentUri` (whose Endpoint ID is `agentId`) and wait for the
   * response or Error with the same msg_id (R-MSG.9).
   */
  request(agentUri: string, agentId: string, req: MessageInitShape<typeof RequestSchema>, msgType: Header_MsgType,
    timeoutMs = this.opts.timeoutMs ?? 5000): Promise<Msg> {
    const msgId = this.nextMsgId();
    const msg = create(MsgSchema, {
      header: { msgId, msgType },
      body: { msgBody: { case: 'request', value: create(RequestSchema, req) as Request } },
    });
    const answer = new Promise<Msg>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(msgId);
        const stuck = this.link ? handshaking(this.link, 'client') : [];
        const why = stuck.length ? `; the DTLS handshake with ${stuck.join(', ')} has not completed (no DTLS server there, or no answer)`
          : this.inboundFailure ? `; the agent's DTLS session to ${this.uri} failed: ${this.inboundFailure}`
          : this.dtlsWarning ? `; last DTLS warning: ${this.dtlsWarning}` : '';
        reject(new UspTimeoutError(`no USP response to ${Header_MsgType[msgType]} within ${timeoutMs} ms${why}`));
      }, timeoutMs);
      this.pending.set(msgId, { resolve, reject, timer });
    });
    // The CoAP outcome may come later than the USP answer (or never, within our timeout):
    // a failed delivery ends the wait early, success leaves it to the response.
    void this.send(agentUri, agentId, msg).then((sent) => {
      const p = this.pending.get(msgId);
      if (sent.ok || !p) return;
      clearTimeout(p.timer);
      this.pending.delete(msgId);
      p.reject(new TransportError(`request not delivered to ${agentUri}: ${describeOutcome(sent)}`));
    });
    return answer;
  }

  /** Send a Msg we originate (a request, or a NotifyResp) in a no_session_context Record. */
  send(agentUri: string, agentId: string, msg: Msg): Promise<SendOutcome> {
    const record = create(RecordSchema, {
      version: '1.2',
      toId: agentId,
      fromId: this.endpointId,
      recordType: { case: 'noSessionContext', value: { payload: toBinary(MsgSchema, msg) } },
    });
    const target = parseCoapUri(agentUri);
    if (!target) return Promise.resolve({ ok: false, reason: 'failed', detail: `not a coap URI: ${agentUri}` });
    if (target.scheme !== this.scheme) {
      return Promise.resolve({ ok: false, reason: 'failed', detail: `${agentUri} is ${target.scheme}://, this controller speaks ${this.scheme}://` });
    }
    return new Promise((resolve) => {
      try {
        // Over coaps:// the agent's certificate must name agentId (R-MTP.4; checked by the DTLS link).
        this.outbound.binding.sendRecord(toBinary(RecordSchema, record), agentUri, this.uri, resolve, agentId);
      } catch (e) {
        resolve({ ok: false, reason: 'failed', detail: (e as Error).message });
      }
      this.schedule();
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new TransportError('controller closed'));
    }
    this.pending.clear();
    if (this.dtlsTimer) clearTimeout(this.dtlsTimer);
    // close_notify to every peer first, so the agent frees its sessions now, not at its idle timeout.
    for (const side of new Set([this.inbound, this.outbound])) side.endpoint.close();
    this.link?.close();
    for (const side of new Set([this.inbound, this.outbound])) side.transport.close();
  }

  /** A DTLS session failed: our request to the agent ends now with the reason; the agent's session to us is remembered. */
  private dtlsFailed(role: Channel, peer: string, reason: string): void {
    if (role === 'server') {
      this.inboundFailure = `${reason} (from ${peer})`;
      this.opts.onRefused?.(`a DTLS session from ${peer} failed: ${reason}`);
      return;
    }
    // OpenSSL drops a handshake with a wrong PSK without a word; so does a port without DTLS.
    const hint = /SSL_TIMEOUT/.test(reason) ? ' (no answer to the handshake: no DTLS server there, or it dropped our credentials silently, as OpenSSL does with a wrong PSK)' : '';
    const err = new TransportError(`DTLS handshake with the agent at ${peer} failed: ${reason}${hint}`);
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
  }

  private onRecord(bytes: Uint8Array, replyTo: string, peer: Peer): 'ok' | 'bad-record' {
    let fromId: string;
    let msg: Msg;
    try {
      const rec = fromBinary(RecordSchema, bytes);
      if (rec.recordType.case !== 'noSessionContext' || rec.toId !== this.endpointId) return 'bad-record';
      // The sender's certificate names its Endpoint ID: a Record claiming another is not its (R-SEC.0a).
      const certified = peer.identity?.endpointId;
      if (certified !== undefined && rec.fromId !== certified) {
        this.inboundFailure = `a Record from_id ${rec.fromId} came over a session certified for ${certified}; dropped`;
        this.opts.onRefused?.(this.inboundFailure);
        return 'bad-record';
      }
      fromId = rec.fromId;
      msg = fromBinary(MsgSchema, rec.recordType.value.payload);
    } catch {
      return 'bad-record';
    }
    const id = msg.header?.msgId ?? '';
    const body = msg.body?.msgBody;
    if (body?.case === 'request' && body.value.reqType.case === 'notify') {
      const notify = body.value.reqType.value;
      this.opts.onNotify?.(notify, fromId, id);
      if (notify.sendResp) {
        const resp = create(MsgSchema, {
          header: { msgId: id, msgType: Header_MsgType.NOTIFY_RESP },
          body: { msgBody: { case: 'response', value: { respType: { case: 'notifyResp', value: { subscriptionId: notify.subscriptionId } } } } },
        });
        // The NotifyResp goes to the agent's reply-to URI, like any USP response (R-COAP.3).
        void this.send(replyTo, fromId, resp);
      }
      return 'ok';
    }
    const p = this.pending.get(id);
    if (p) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.resolve(msg);
    }
    return 'ok';
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    const next = Math.min(this.inbound.endpoint.nextDeadline(), this.outbound.endpoint.nextDeadline());
    if (next === Infinity) return;
    this.timer = setTimeout(() => {
      const now = performance.now();
      this.inbound.endpoint.step(now);
      if (this.outbound !== this.inbound) this.outbound.endpoint.step(now);
      this.schedule();
    }, Math.max(0, Math.ceil(next - performance.now())));
  }
}

/**
 * Handshake retransmission (RFC 6347 §4.2.4) whose timers add up to half the USP wait, so a
 * handshake nobody answers ends with its own reason rather than a bare timeout. (Half: a peer
 * that resends its own flight restarts our timer, which stretches the sum.)
 */
export function handshakeTimers(timeoutMs: number): { initial: number; max: number } {
  const initial = Math.min(1000, Math.max(100, Math.floor(timeoutMs / 8)));
  let max = initial;
  let total = initial;
  while (total + max * 2 <= timeoutMs / 2) {
    max *= 2;
    total += max;
  }
  return { initial, max };
}

export function describeOutcome(o: SendOutcome): string {
  if (o.ok) return 'ok';
  if (o.reason === 'coap-error') return `CoAP ${o.code >> 5}.${String(o.code & 31).padStart(2, '0')}`;
  if (o.reason === 'timeout') return 'no CoAP answer (timeout)';
  return o.reason + ('detail' in o && o.detail ? `: ${o.detail}` : '');
}
