// Binds the sans-I/O CoAP endpoint (+ optional USP binding) to a real UDP socket from
// hal/host/net.ts, with a real-time driver for `step`/`nextDeadline`, and spawns libcoap's CLI
// tools with a timeout. Test-only glue: the run loop an agent host would have.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createHostNet, type HostUdpSocket } from '../../hal/host/net.ts';
import { CoapEndpoint } from '../../src/coap/endpoint.ts';
import type { CoapResource } from '../../src/coap/types.ts';
import { host } from '../../boards/host/profile.ts';

export interface LiveEndpoint {
  ep: CoapEndpoint;
  socket: HostUdpSocket;
  port: number;
  close(): void;
}

export async function liveEndpoint(address = '127.0.0.1', resource?: CoapResource, limits = {}): Promise<LiveEndpoint> {
  const net = createHostNet();
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  let timer: NodeJS.Timeout | undefined;
  let ep: CoapEndpoint;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const d = ep.nextDeadline();
    if (d !== Infinity) {
      timer = setTimeout(() => {
        ep.step(now());
        schedule();
      }, Math.max(0, d - now()));
    }
  };
  const socket = net.udp({
    address,
    onDatagram: (data, addr, port) => {
      ep.receive(data, { address: addr, port }, now());
      schedule();
    },
  });
  ep = new CoapEndpoint({
    send: (bytes, peer) => socket.send(bytes, peer.address, peer.port),
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
    limits: { ...host.limits, ...limits },
    transmission: host.coap,
    resource,
  });
  await socket.ready;
  const origRequest = ep.request.bind(ep);
  ep.request = (peer, spec, onDone) => {
    origRequest(peer, spec, onDone);
    schedule();
  };
  return {
    ep,
    socket,
    port: socket.port,
    close() {
      if (timer) clearTimeout(timer);
      ep.close();
      socket.close();
    },
  };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a libcoap tool, killed after `timeoutMs`. */
export function run(cmd: string, args: string[], timeoutMs = 15000): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: String(e) });
    });
  });
}

/** A free UDP port on `address` (bind to 0, read, close). */
export async function freePort(address = '127.0.0.1'): Promise<number> {
  const net = createHostNet();
  const s = net.udp({ address, onDatagram: () => {} });
  await s.ready;
  const p = s.port;
  s.close();
  return p;
}

export function hasTool(name: string): Promise<boolean> {
  return run('sh', ['-c', 'command -v ' + name], 3000).then((r) => r.code === 0);
}
