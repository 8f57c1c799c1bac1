// The device: the agent core (src/core.ts) bound to a HAL's UDP socket and one timer. This is
// the one run loop, and it is portable: the Node simulator (tools/cli/agent.ts) and the XS board
// entry (hal/xs/device.ts) both start the agent through it. It holds no protocol logic.
import type { Hal, UdpSocket } from '../hal/hal.ts';
import type { BoardProfile } from '../boards/profile.ts';
import type { ModelModule } from './dm/api.ts';
import type { SchemaTree } from './dm/schema.ts';
import { createCore, CoreConfigError, type Core, type Defaults, type Transport } from './core.ts';
import type { Peer } from './coap/types.ts';
import { credentialProblem, type DtlsCredentials } from './dtls/credentials.ts';
import { DtlsLink } from './dtls/link.ts';
import { toHex } from './codec/hex.ts';

export interface DeviceOptions {
  hal: Hal;
  board: BoardProfile;
  defaults?: Defaults;
  /** A device maker's model modules, added to the built-in TR-181 model. */
  modules?: readonly ModelModule[];
  /** With `modules`: their schema tree, modelTree(modules) (src/model; on a board at module level). */
  tree?: SchemaTree;
  /**
   * DTLS credentials (USP digest §7.2, §9): our certificate, its key and the trust anchors
   * (Certificate mode, the default), and/or a pre-shared key per Controller. The HAL must have
   * `dtls`. Without credentials the device starts only with allowNoSec.
   */
  credentials?: DtlsCredentials;
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
  /** The DTLS sessions and contexts, when DTLS runs (tests, benchmarks). */
  readonly dtls: DtlsLink | undefined;
  stop(): void;
}

/** A configuration the device cannot start with (no CoAP MTP, plaintext not allowed): the core's own kind. */
export { CoreConfigError as DeviceConfigError };

export function startDevice(opts: DeviceOptions): Device {
  const { hal } = opts;
  const creds = opts.credentials;
  if (creds) {
    const problem = credentialProblem(creds);
    if (problem) throw new CoreConfigError('DTLS credentials: ' + problem);
    if (!hal.dtls) throw new CoreConfigError('DTLS credentials given, but this board\'s HAL has no DTLS');
  } else if (!opts.allowNoSec) {
    // Secure by default (R-SEC.0): Certificate mode needs our certificate, key and trust anchors.
    throw new CoreConfigError('no DTLS credentials: give a certificate, its key and the CA (--cert/--key/--ca) or a PSK (--psk-identity/--psk); plaintext CoAP needs an explicit --allow-nosec');
  }
  const host = opts.host ?? '127.0.0.1';
  let socket: UdpSocket | undefined;
  let clientSocket: UdpSocket | undefined;
  let link: DtlsLink | undefined;
  const core = createCore({
    hal, board: opts.board, defaults: opts.defaults, modules: opts.modules, tree: opts.tree, host,
    send,
    trace: opts.traceMessages ? (line) => hal.system.log('debug', 'usp: ' + line) : undefined,
    wake: () => {
      // Step now: drop the armed timer for a zero-delay one.
      if (stopped) return;
      if (timer >= 0) hal.timers.clear(timer);
      timerAt = 0;
      timer = hal.timers.set(0, tick);
    },
  });
  // Device.LocalAgent.MTP.{i}.CoAP.EnableEncryption: DTLS on our MTP port, or plaintext there.
  const dtlsServer = creds !== undefined && core.mtp.encryption;
  if (creds && !dtlsServer && !opts.allowNoSec) {
    core.close();
    throw new CoreConfigError('Device.LocalAgent.MTP.{i}.CoAP.EnableEncryption is false: plaintext CoAP needs an explicit --allow-nosec');
  }
  const transport: Transport = {
    dtlsServer, dtlsClient: creds !== undefined, plaintext: opts.allowNoSec,
    dtlsFiles: creds !== undefined && creds.certificate !== undefined && !!creds.trustAnchors && creds.trustAnchors.length > 0,
  };

  function send(bytes: Uint8Array, peer: Peer): void {
    if (peer.dtls) link?.send(bytes, peer, hal.clock.monotonicMs());
    else if (transport.plaintext) socket?.send(bytes, peer.address, peer.port);
  }

  let timer = -1;
  let timerAt = Infinity;
  let stopped = false;
  /** Arm the one timer for the core's next deadline (kept when it fires no later than needed). */
  function schedule(): void {
    if (stopped) return;
    const next = Math.ceil(link ? Math.min(core.nextDeadline(), link.nextDeadline()) : core.nextDeadline());
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
    const now = hal.clock.monotonicMs();
    link?.step(now);
    core.step(now);
    schedule();
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    if (timer >= 0) hal.timers.clear(timer);
    timer = -1;
    core.close();
    link?.close();
    socket?.close();
    clientSocket?.close();
  }

  function newLink(credentials: DtlsCredentials, dtls: NonNullable<Hal['dtls']>): DtlsLink {
    return new DtlsLink({
      dtls, limits: opts.board.dtls, credentials, server: dtlsServer, datagramBytes: opts.board.limits.datagramBytes,
      wallTimeMs: () => hal.clock.wallTimeMs(),
      output: (d, address, port, channel) => (channel === 'server' ? socket : clientSocket)?.send(d, address, port),
      deliver: core.receive,
      fileFailed: (address, port, reason, now) => core.linkFailed({ address, port, dtls: 'file' }, reason, now),
      trust: core.trust, // Check-cert and TOFU (digest §9.3): src/usp/trust.ts
      log: (level, m) => hal.system.log(level, m),
    });
  }

  if (creds && hal.dtls) {
    try {
      link = newLink(creds, hal.dtls);
      // Device.LocalAgent.Certificate.{i}: our trust anchors, which ControllerTrust.Credential binds to roles.
      if (hal.dtls.describeCertificates) {
        const anchors = [];
        for (const pem of creds.trustAnchors ?? []) anchors.push(...hal.dtls.describeCertificates(pem));
        core.trust.installAnchors(anchors.map((a) => ({ sha256: toHex(a.sha256), serialNumber: a.serialNumber, issuer: a.issuer })));
      }
    } catch (e) {
      core.close();
      throw new CoreConfigError('DTLS credentials: ' + (e as Error).message);
    }
    // The client role (responses and Notify to coaps:// Controllers) has a socket of its own:
    // its sessions stay apart from the ones Controllers open to our MTP port.
    clientSocket = hal.net.udp({
      address: host,
      port: 0,
      maxDatagramBytes: opts.board.limits.datagramBytes,
      onDatagram(data, address, port) {
        if (stopped) return;
        link?.receive(data, address, port, 'client', hal.clock.monotonicMs());
        schedule();
      },
      onError: (m) => hal.system.log('error', `udp (DTLS client): ${m}`),
    });
    const psk = creds.psk && creds.psk.length ? 'PSK' : '';
    const modes = creds.certificate ? (psk ? 'certificate and PSK' : 'certificate') : psk;
    hal.system.log('info', `DTLS 1.2 (${modes}): ${dtlsServer ? 'coaps:// on the MTP port, ' : ''}coaps:// to Controllers`);
  }
  const wanted = opts.port ?? core.mtp.port;
  socket = hal.net.udp({
    address: host,
    port: wanted,
    maxDatagramBytes: opts.board.limits.datagramBytes,
    onDatagram(data, address, port) {
      if (stopped) return;
      if (dtlsServer) link?.receive(data, address, port, 'server', hal.clock.monotonicMs());
      else core.receive(data, { address, port }, hal.clock.monotonicMs());
      schedule();
    },
    onReady: (port) => {
      core.listening(port, transport);
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
  if (opts.allowNoSec) {
    hal.system.log('warn', 'SECURITY: plaintext CoAP without DTLS allowed (--allow-nosec)' + (dtlsServer ? ' towards coap:// Controllers' : '; any host on the network can act as a Controller'));
  }
  schedule();
  return { core, port: () => (socket ? socket.port : 0), uri: () => core.uri(), dtls: link, stop };
}
