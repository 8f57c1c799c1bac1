// The device: the agent core (src/core.ts) bound to a HAL's UDP socket and one timer. This is
// the one run loop, and it is portable: the Node simulator (tools/cli/agent.ts) and the XS board
// entry (hal/xs/device.ts) both start the agent through it. It holds no protocol logic.
import type { Hal, UdpSocket } from '../hal/hal.ts';
import type { BoardProfile } from '../boards/profile.ts';
import type { ModelModule } from './dm/api.ts';
import { createCore, CoreConfigError, type Core, type Defaults } from './core.ts';

export interface DeviceOptions {
  hal: Hal;
  board: BoardProfile;
  defaults?: Defaults;
  /** A device maker's model modules, added to the built-in TR-181 model. */
  modules?: readonly ModelModule[];
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
  readonly core: Core;
  /** The local UDP port actually bound. */
  port(): number;
  /** The agent's own URI (what goes into reply-to). */
  uri(): string;
  stop(): void;
}

/** A configuration the device cannot start with (no CoAP MTP, plaintext not allowed). */
export class DeviceConfigError extends CoreConfigError {}

export function startDevice(opts: DeviceOptions): Device {
  const { hal } = opts;
  if (!opts.allowNoSec) {
    // DTLS (Certificate mode) is the default transport; until it is built, nothing else may run.
    throw new DeviceConfigError('DTLS is not available in this build; plaintext CoAP needs an explicit --allow-nosec');
  }
  const host = opts.host ?? '127.0.0.1';
  let socket: UdpSocket | undefined;
  const core = createCore({
    hal, board: opts.board, defaults: opts.defaults, modules: opts.modules, host,
    send: (bytes, peer) => socket?.send(bytes, peer.address, peer.port),
    trace: opts.traceMessages ? (line) => hal.system.log('debug', 'usp: ' + line) : undefined,
    wake: () => {
      // Step now: drop the armed timer for a zero-delay one.
      if (stopped) return;
      if (timer >= 0) hal.timers.clear(timer);
      timerAt = 0;
      timer = hal.timers.set(0, tick);
    },
  });

  let timer = -1;
  let timerAt = Infinity;
  let stopped = false;
  /** Arm the one timer for the core's next deadline (kept when it fires no later than needed). */
  function schedule(): void {
    if (stopped) return;
    const next = Math.ceil(core.nextDeadline());
    // An armed timer that fires no later than needed is kept: firing early only costs a tick
    // that finds nothing due and re-arms. Every request arms a retransmission deadline that its
    // ACK removes, so re-arming on each change would cost a set and a clear per request.
    if (timer >= 0 && timerAt <= next) return;
    if (timer >= 0) hal.timers.clear(timer);
    timer = -1;
    timerAt = next;
    if (next === Infinity) return;
    timer = hal.timers.set(Math.max(0, next - hal.clock.monotonicMs()), tick);
  }

  function tick(): void {
    timer = -1;
    timerAt = Infinity;
    if (stopped) return;
    core.step(hal.clock.monotonicMs());
    schedule();
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    if (timer >= 0) hal.timers.clear(timer);
    timer = -1;
    core.close();
    socket?.close();
  }

  const wanted = opts.port ?? core.mtpPort();
  socket = hal.net.udp({
    address: host,
    port: wanted,
    maxDatagramBytes: opts.board.limits.datagramBytes,
    onDatagram(data, address, port) {
      if (stopped) return;
      core.receive(data, { address, port }, hal.clock.monotonicMs());
      schedule();
    },
    onReady: (port) => {
      core.listening(port);
      opts.onReady?.(core.uri());
      schedule();
    },
    onError: (m) => {
      hal.system.log('error', `udp: ${m}`);
      if (socket && socket.port === 0 && !stopped) {
        stop();
        opts.onFatal?.(`cannot listen on ${host}:${wanted}: ${m}`);
      }
    },
  });
  hal.system.log('warn', 'SECURITY: plaintext CoAP without DTLS (--allow-nosec); any host on the network can act as a Controller');
  schedule();
  return { core, port: () => (socket ? socket.port : 0), uri: () => core.uri(), stop };
}
