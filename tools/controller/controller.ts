// A USP Controller for the host: messages built and read with @bufbuild/protobuf (gen/usp, an
// implementation independent of the agent's own codec), carried by the project's CoAP stack.
// It listens on its own CoAP endpoint: the agent's responses arrive there as new POSTs to our
// reply-to URI (R-COAP.3), and so do Notify messages.
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
import { randomBytes } from 'node:crypto';

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
}

export class UspTimeoutError extends Error {}
export class TransportError extends Error {}

type Pending = { resolve(m: Msg): void; reject(e: Error): void; timer: NodeJS.Timeout };

export class Controller {
  readonly endpointId: string;
  private readonly endpoint: CoapEndpoint;
  private readonly binding: UspCoapBinding;
  private readonly socket: HostUdpSocket;
  private readonly pending = new Map<string, Pending>();
  private readonly host: string;
  private readonly path: string;
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private closed = false;

  private constructor(private readonly opts: ControllerOptions) {
    this.endpointId = opts.endpointId;
    this.host = opts.host ?? '127.0.0.1';
    this.path = opts.path ?? '/usp';
    const net = createHostNet();
    this.endpoint = new CoapEndpoint({
      send: (bytes, peer) => this.socket.send(bytes, peer.address, peer.port),
      randomBytes: (n) => new Uint8Array(randomBytes(n)),
      limits: hostBoard.limits,
      transmission: hostBoard.coap,
    });
    this.binding = new UspCoapBinding(this.endpoint, { path: this.path, interfaceType: 'bbf.usp.c' }, (rec, replyTo) => this.onRecord(rec, replyTo));
    this.socket = net.udp({
      address: this.host,
      port: opts.port ?? 0,
      onDatagram: (data, address, port) => {
        this.endpoint.receive(data, { address, port }, performance.now());
        this.schedule();
      },
    });
  }

  /** Start listening; resolves once the socket is bound. */
  static async open(opts: ControllerOptions): Promise<Controller> {
    const c = new Controller(opts);
    try {
      await c.socket.ready;
    } catch (e) {
      c.close();
      throw new TransportError(`cannot listen on ${c.host}:${opts.port ?? 0}: ${(e as Error).message}`);
    }
    return c;
  }

  /** Our own URI, as sent in reply-to. */
  get uri(): string {
    return formatCoapUri({ scheme: 'coap', host: this.host, port: this.socket.port, path: this.path.split('/').filter(Boolean) });
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
        reject(new UspTimeoutError(`no USP response to ${Header_MsgType[msgType]} within ${timeoutMs} ms`));
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
    return new Promise((resolve) => {
      try {
        this.binding.sendRecord(toBinary(RecordSchema, record), agentUri, this.uri, resolve);
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
    this.endpoint.close();
    this.socket.close();
  }

  private onRecord(bytes: Uint8Array, replyTo: string): 'ok' | 'bad-record' {
    let fromId: string;
    let msg: Msg;
    try {
      const rec = fromBinary(RecordSchema, bytes);
      if (rec.recordType.case !== 'noSessionContext' || rec.toId !== this.endpointId) return 'bad-record';
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
    const next = this.endpoint.nextDeadline();
    if (next === Infinity) return;
    this.timer = setTimeout(() => {
      this.endpoint.step(performance.now());
      this.schedule();
    }, Math.max(0, Math.ceil(next - performance.now())));
  }
}

export function describeOutcome(o: SendOutcome): string {
  if (o.ok) return 'ok';
  if (o.reason === 'coap-error') return `CoAP ${o.code >> 5}.${String(o.code & 31).padStart(2, '0')}`;
  if (o.reason === 'timeout') return 'no CoAP answer (timeout)';
  return o.reason + ('detail' in o && o.detail ? `: ${o.detail}` : '');
}
