// The HAL `Net` on Node: UDP sockets over node:dgram, udp4 or udp6 chosen by the local address.
// Datagrams are copied on send (the core reuses its encode buffer) and handed to `onDatagram` as
// plain Uint8Array views.
import dgram from 'node:dgram';
import { isIP } from 'node:net';
import type { Net, UdpOptions, UdpSocket } from '../hal.ts';

/** A host socket: `ready` resolves once bound (Node binds asynchronously; `port` is 0 before). */
export interface HostUdpSocket extends UdpSocket {
  readonly ready: Promise<void>;
}

export interface HostNet extends Net {
  udp(options: UdpOptions): HostUdpSocket;
}

/**
 * The HAL speaks IP literals only (the core resolves nothing), so the address is its own answer.
 * Synchronous, unlike dns.lookup, which defers every send to the next tick.
 */
function literalLookup(address: string, family: unknown, callback: (err: Error | null, address: string, family: number) => void): void {
  const v = isIP(address);
  if (v === 0) callback(new Error('not an IP address: ' + address), address, 4);
  else callback(null, address, v);
}

export function createHostNet(): HostNet {
  const sockets = new WeakMap<UdpSocket, dgram.Socket>();
  return {
    udp(options: UdpOptions): HostUdpSocket {
      const address = options.address || '0.0.0.0';
      const socket = dgram.createSocket({ type: address.indexOf(':') >= 0 ? 'udp6' : 'udp4', reuseAddr: false, lookup: literalLookup });
      let port = 0;
      let closed = false;
      const report = (message: string) => {
        if (options.onError) options.onError(message);
      };
      const max = options.maxDatagramBytes;
      socket.on('message', (msg, rinfo) => {
        if (max !== undefined && msg.length > max) return; // the board's bound (hal.ts UdpOptions)
        options.onDatagram(new Uint8Array(msg.buffer, msg.byteOffset, msg.length), rinfo.address, rinfo.port);
      });
      socket.on('error', (err) => report(err.message));
      const ready = new Promise<void>((resolve, reject) => {
        socket.once('listening', () => {
          port = socket.address().port;
          resolve();
          // 'listening' can come inside bind() (the lookup is synchronous): call back after
          // udp() has returned, as the HAL contract and hal/xs do.
          const onReady = options.onReady;
          if (onReady) queueMicrotask(() => { if (!closed) onReady(port); });
        });
        socket.once('error', reject);
      });
      ready.catch(() => {}); // reported through onError as well
      socket.bind(options.port || 0, address);
      const handle: HostUdpSocket = {
        get port() {
          return port;
        },
        ready,
        send(data: Uint8Array, toAddress: string, toPort: number) {
          if (closed) return;
          // No callback: a send that completes at once (nearly all) then costs no extra tick.
          // A bad address is emitted as 'error' (reported above); a failing sendto is dropped
          // like a lost datagram, which CoAP retransmission covers. The copy is needed because
          // a send the kernel cannot take at once is queued, and the core reuses its buffer.
          socket.send(Buffer.from(data), toPort, toAddress);
        },
        close() {
          if (closed) return;
          closed = true;
          // Let queued datagrams (the last ACK, say) leave before the handle goes; bounded.
          let waits = 0;
          const closeWhenFlushed = () => {
            if (port !== 0 && socket.getSendQueueCount() > 0 && waits++ < 100) setTimeout(closeWhenFlushed, 1);
            else socket.close();
          };
          closeWhenFlushed();
        },
      };
      sockets.set(handle, socket);
      return handle;
    },
    joinMulticast(socket: UdpSocket, group: string) {
      const s = sockets.get(socket);
      if (!s) throw new Error('joinMulticast: not a socket of this Net');
      s.addMembership(group);
    },
  };
}
