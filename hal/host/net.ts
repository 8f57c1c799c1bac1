// The HAL `Net` on Node: UDP sockets over node:dgram, udp4 or udp6 chosen by the local address.
// Datagrams are copied on send (the core reuses its encode buffer) and handed to `onDatagram` as
// plain Uint8Array views.
import dgram from 'node:dgram';
import type { Net, UdpOptions, UdpSocket } from '../hal.ts';

/** A host socket: `ready` resolves once bound (Node binds asynchronously; `port` is 0 before). */
export interface HostUdpSocket extends UdpSocket {
  readonly ready: Promise<void>;
}

export interface HostNet extends Net {
  udp(options: UdpOptions): HostUdpSocket;
}

export function createHostNet(): HostNet {
  const sockets = new WeakMap<UdpSocket, dgram.Socket>();
  return {
    udp(options: UdpOptions): HostUdpSocket {
      const address = options.address || '0.0.0.0';
      const socket = dgram.createSocket({ type: address.indexOf(':') >= 0 ? 'udp6' : 'udp4', reuseAddr: false });
      let port = 0;
      let closed = false;
      let inflight = 0;
      const report = (message: string) => {
        if (options.onError) options.onError(message);
      };
      socket.on('message', (msg, rinfo) => {
        options.onDatagram(new Uint8Array(msg.buffer, msg.byteOffset, msg.length), rinfo.address, rinfo.port);
      });
      socket.on('error', (err) => report(err.message));
      const ready = new Promise<void>((resolve, reject) => {
        socket.once('listening', () => {
          port = socket.address().port;
          resolve();
          if (options.onReady) options.onReady(port);
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
          inflight++;
          socket.send(Buffer.from(data), toPort, toAddress, (err) => {
            if (err) report(err.message);
            if (--inflight === 0 && closed) socket.close();
          });
        },
        close() {
          if (closed) return;
          closed = true;
          // node:dgram sends asynchronously: let the last datagrams (an ACK, say) leave first.
          if (inflight === 0) socket.close();
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
