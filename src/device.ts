// The device: the sans-I/O agent core and its CoAP MTP put on the HAL's sockets and timers.
// This is the one place that owns a run loop, and it is portable: the Node simulator
// (tools/cli/agent.ts) and the XS board entry (hal/xs/main.ts) both start the agent through it.
import type { Hal, UdpSocket } from '../hal/hal.ts';
import type { BoardProfile } from '../boards/profile.ts';
import type { ModelModule } from './dm/api.ts';
import { createAgent, type Agent } from './agent.ts';
import { CoapEndpoint } from './coap/endpoint.ts';
import { UspCoapBinding, type SendOutcome } from './mtp/coap.ts';
import { formatCoapUri } from './mtp/coap-uri.ts';
import { tr181Modules } from './model/index.ts';
import { Notifier } from './notify/notifier.ts';

export interface DeviceOptions {
  hal: Hal;
  board: BoardProfile;
  defaults?: { readonly [path: string]: string };
  model?: readonly ModelModule[];
  /**
   * Plaintext CoAP (no DTLS). Never the default: R-SEC.0 says a NoSec link alone must not let a
   * Controller in, so the caller has to ask for it explicitly and it is logged loudly.
   */
  allowNoSec: boolean;
  /** Local address to bind and to advertise in reply-to (default 127.0.0.1). */
  host?: string;
  /** Override Device.LocalAgent.MTP.{i}.CoAP.Port (0 = ephemeral, for tests). */
  port?: number;
  /** Listening: the socket is bound (`uri` is final). */
  onReady?(uri: string): void;
  /** The socket could not be bound (port in use...). The device has stopped. */
  onFatal?(message: string): void;
  /** Log every Record handled at debug level (costs a string per message). */
  traceMessages?: boolean;
}

export interface Device {
  readonly agent: Agent;
  /** Subscriptions and notifications (src/notify). */
  readonly notifier: Notifier;
  /** The local UDP port actually bound. */
  port(): number;
  /** The agent's own URI (what goes into reply-to). */
  uri(): string;
  /**
   * Send a Record we originate (Notify) to a Controller's CoAP MTP
   * (Device.LocalAgent.Controller.{i}.MTP.{j}.CoAP.*), reporting the outcome (R-COAP.9/10).
   */
  sendToController(controllerPath: string, record: Uint8Array, onDone: (o: SendOutcome) => void): void;
  stop(): void;
}

export class DeviceConfigError extends Error {}

interface CoapMtpConfig {
  port: number;
  path: string;
}

/** The first enabled CoAP MTP of Device.LocalAgent.MTP.{i}. */
function coapMtp(agent: Agent): CoapMtpConfig {
  const e = agent.engine;
  for (const inst of e.instances('Device.LocalAgent.MTP.', true)) {
    if (e.get(inst.path + 'Enable') !== 'true' || e.get(inst.path + 'Protocol') !== 'CoAP') continue;
    return { port: Number(e.get(inst.path + 'CoAP.Port')), path: e.get(inst.path + 'CoAP.Path') };
  }
  throw new DeviceConfigError('no enabled CoAP MTP in Device.LocalAgent.MTP.{i} (check the factory defaults)');
}

export function startDevice(opts: DeviceOptions): Device {
  const { hal, board } = opts;
  const log = (level: 'error' | 'warn' | 'info' | 'debug', msg: string) => hal.system.log(level, msg);
  if (!opts.allowNoSec) {
    // DTLS (Certificate mode) is the default transport; until it is built, nothing else may run.
    throw new DeviceConfigError('DTLS is not available in this build; plaintext CoAP needs an explicit --allow-nosec');
  }

  // Reboot and factory reset wait until what is in flight (the OperateResp POST) has been
  // acknowledged or has timed out, so the Controller hears the answer (digest §5.3).
  let rebootRequested: (() => void) | undefined;
  const agentHal: Hal = {
    ...hal,
    system: {
      ...hal.system,
      reboot: () => { rebootRequested = () => hal.system.reboot(); },
      factoryReset: () => { rebootRequested = () => hal.system.factoryReset(); },
    },
  };
  // The notifier needs the agent and the agent's model needs the notifier (OnBoardRequest,
  // NotifyResp intake): bound late, and created before the first step so Boot! is queued first.
  let notifier: Notifier | undefined;
  const agent = createAgent({
    hal: agentHal, board, defaults: opts.defaults,
    model: opts.model ?? tr181Modules({ sendOnBoardRequest: (c) => notifier?.sendOnBoardRequest(c) }),
    hooks: { notifyResp: (msgId, _resp, from) => notifier?.notifyResp(msgId, from.controllerPath) },
    trace: opts.traceMessages ? (line) => log('debug', 'usp: ' + line) : undefined,
  });
  const notify = new Notifier({
    engine: agent.engine, hal, board,
    access: (id) => agent.requester(id)?.access,
    encode: (toId, msg) => agent.encodeMessage(toId, msg),
    send: (controller, record, onDone) => sendToController(controller, record, (o) => onDone(o.ok, describe(o))),
  });
  notifier = notify;
  // Notifications wait until the socket is bound.
  let ready = false;
  const mtp = coapMtp(agent);
  const host = opts.host ?? '127.0.0.1';

  let socket: UdpSocket | undefined;
  const endpoint = new CoapEndpoint({
    send: (bytes, peer) => socket?.send(bytes, peer.address, peer.port),
    randomBytes: (n) => hal.system.randomBytes(n),
    limits: board.limits,
    transmission: board.coap,
  });
  // Our URI is formatted again only when the port changes (from 0 once the socket binds).
  let ownPort = -1;
  let ownUri = '';
  const uri = (): string => {
    const port = socket ? socket.port : mtp.port;
    if (port !== ownPort) {
      ownPort = port;
      ownUri = formatCoapUri({ scheme: 'coap', host, port, path: mtp.path.split('/').filter(Boolean) });
    }
    return ownUri;
  };

  const binding = new UspCoapBinding(endpoint, { path: mtp.path }, (record, replyTo) => {
    const out = agent.handleRecord(record, {});
    if (out.mtpError) return 'bad-record';
    if (out.reply) {
      // A fresh array (handleRecord copies out of its fixed buffer): the exchange keeps it.
      sendRecord(out.reply, replyTo, (o) => {
        if (!o.ok) log('warn', `response to ${replyTo} not delivered: ${describe(o)}`);
      });
    }
    return 'ok';
  });

  function sendRecord(record: Uint8Array, target: string, onDone: (o: SendOutcome) => void): void {
    try {
      binding.sendRecord(record, target, uri(), onDone);
    } catch (e) {
      onDone({ ok: false, reason: 'failed', detail: (e as Error).message });
    }
    schedule();
  }

  let timer = -1;
  let timerAt = Infinity;
  let stopped = false;
  /** Arm the one timer for the earliest deadline of every layer (kept when not later). */
  function schedule(): void {
    if (stopped) return;
    const now = hal.clock.monotonicMs();
    let next = endpoint.nextDeadline();
    const a = agent.nextDeadline();
    if (a >= 0 && a < next) next = a;
    const n = ready ? notify.nextDeadline() : -1;
    if (n >= 0 && n < next) next = n;
    // A reboot waits for in-flight exchanges; it is due once none is left.
    if (rebootRequested && endpoint.pendingRequests === 0) next = now;
    next = Math.ceil(next);
    // An armed timer that fires no later than needed is kept: firing early only costs a tick
    // that finds nothing due and re-arms. Every request arms a retransmission deadline that its
    // ACK removes, so re-arming on each change would cost a set and a clear per request.
    if (timer >= 0 && timerAt <= next) return;
    if (timer >= 0) hal.timers.clear(timer);
    timer = -1;
    timerAt = next;
    if (next === Infinity) return;
    timer = hal.timers.set(Math.max(0, next - now), tick);
  }

  function tick(): void {
    timer = -1;
    timerAt = Infinity;
    if (stopped) return;
    const now = hal.clock.monotonicMs();
    endpoint.step(now);
    agent.step(now);
    if (ready) notify.step(now);
    if (rebootRequested && endpoint.pendingRequests === 0) {
      const go = rebootRequested;
      rebootRequested = undefined;
      stop();
      go();
      return;
    }
    schedule();
  }

  function stop(): void {
    stopped = true;
    if (timer >= 0) hal.timers.clear(timer);
    timer = -1;
    timerAt = Infinity;
    endpoint.close();
    socket?.close();
  }

  socket = hal.net.udp({
    address: host,
    port: opts.port ?? mtp.port,
    onDatagram(data, address, port) {
      if (stopped) return;
      endpoint.receive(data, { address, port }, hal.clock.monotonicMs());
      // Deferred work (reboot after the answer, async completions) and the notifications a
      // change caused run from step(), now if due (most datagrams leave nothing due).
      const now = hal.clock.monotonicMs();
      const a = agent.nextDeadline();
      if (a >= 0 && a <= now) agent.step(now);
      if (ready) {
        const n = notify.nextDeadline();
        if (n >= 0 && n <= now) notify.step(now);
      }
      schedule();
    },
    onReady: () => {
      ready = true;
      opts.onReady?.(uri());
      schedule();
    },
    onError: (m) => {
      log('error', `udp: ${m}`);
      if (socket && socket.port === 0 && !stopped) {
        stop();
        opts.onFatal?.(`cannot listen on ${host}:${opts.port ?? mtp.port}: ${m}`);
      }
    },
  });
  log('warn', 'SECURITY: plaintext CoAP without DTLS (--allow-nosec); any host on the network can act as a Controller');

  function sendToController(controllerPath: string, record: Uint8Array, onDone: (o: SendOutcome) => void): void {
    const e = agent.engine;
    for (const inst of e.instances(controllerPath + 'MTP.', true)) {
      if (e.get(inst.path + 'Enable') !== 'true' || e.get(inst.path + 'Protocol') !== 'CoAP') continue;
      const target = formatCoapUri({
        scheme: 'coap',
        host: e.get(inst.path + 'CoAP.Host'),
        port: Number(e.get(inst.path + 'CoAP.Port')),
        path: e.get(inst.path + 'CoAP.Path').split('/').filter(Boolean),
      });
      sendRecord(record, target, onDone);
      return;
    }
    onDone({ ok: false, reason: 'failed', detail: `no enabled CoAP MTP under ${controllerPath}` });
  }

  schedule();
  return {
    agent,
    notifier: notify,
    port: () => (socket ? socket.port : 0),
    uri,
    sendToController,
    stop,
  };
}

function describe(o: SendOutcome): string {
  if (o.ok) return 'ok';
  if (o.reason === 'coap-error') return `CoAP ${o.code >> 5}.${String(o.code & 31).padStart(2, '0')}`;
  return o.reason + ('detail' in o && o.detail ? ` (${o.detail})` : '');
}
