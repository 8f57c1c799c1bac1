// HAL Net over the XS runner's UDP host functions (firmware/xs-host/host-udp.c). The runner
// binds synchronously, so the port is final when udp() returns; onReady still comes on a later
// job, because callers (src/device.ts) only hold the socket once udp() has returned.
import type { Net, UdpOptions, UdpSocket } from '../hal.ts';
import type { XsHostFunctions } from './host.ts';

export function xsNet(host: XsHostFunctions): Net {
  return Object.freeze({
    udp(options: UdpOptions): UdpSocket {
      const report = (message: string) => {
        if (options.onError) options.onError(message);
      };
      let id = 0;
      let port = 0;
      try {
        id = host.udpOpen(options.address || '0.0.0.0', options.port || 0, (buffer, address, fromPort) => {
          if (id) options.onDatagram(new Uint8Array(buffer), address, fromPort);
        }, options.maxDatagramBytes);
        port = host.udpPort(id);
      } catch (e) {
        const message = (e as Error).message;
        Promise.resolve().then(() => report(message));
      }
      if (id && options.onReady) {
        const onReady = options.onReady;
        Promise.resolve().then(() => { if (id) onReady(port); });
      }
      return {
        get port() {
          return port;
        },
        send(data: Uint8Array, address: string, toPort: number) {
          if (!id) return;
          try {
            host.udpSend(id, data.buffer as ArrayBuffer, data.byteOffset, data.byteLength, address, toPort);
          } catch (e) {
            report((e as Error).message);
          }
        },
        close() {
          if (!id) return;
          host.udpClose(id);
          id = 0;
        },
      };
    },
  });
}
