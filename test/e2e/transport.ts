// The end-to-end suites over plaintext CoAP or over DTLS (coaps://): the agent's flags, the
// Controllers' DTLS credentials and the defaults' EnableEncryption, from one development PKI
// (tools/pki/dev-pki.ts: one CA, the agent's certificate, a certificate per Controller).
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DtlsContextOptions } from '../../hal/hal.ts';
import { ensureDevPki, PKI_FILES } from '../../tools/pki/dev-pki.ts';
import type { Engine } from './launch.ts';

export type Transport = 'coap' | 'coaps';

/** Both transports on every engine: the XS runners link the same DTLS shim natively. */
export function transportsFor(engine: Engine): Transport[] {
  return ['coap', 'coaps'];
}

export interface Security {
  transport: Transport;
  /** The agent's command-line flags (replacing --allow-nosec over DTLS). */
  agentArgs: string[];
  /** A Controller's `dtls` option (tools/controller), or undefined over plaintext. */
  controller(endpointId: string): { credentials: Omit<DtlsContextOptions, 'role'> } | undefined;
  /** A peer presenting the agent's own certificate (an impostor of its Endpoint ID), or undefined over plaintext. */
  agentCertificate(): { credentials: Omit<DtlsContextOptions, 'role'> } | undefined;
  /** The defaults file's text with every CoAP EnableEncryption set for this transport. */
  defaults(text: string): string;
}

export function security(transport: Transport, dir: string, agentId: string, controllerIds: string[]): Security {
  if (transport === 'coap') {
    return { transport, agentArgs: ['--allow-nosec'], controller: () => undefined, agentCertificate: () => undefined, defaults: (t) => t };
  }
  // One CA: the first PKI makes it, each further Controller's directory reuses it.
  const dirs = controllerIds.map((id, i) => {
    const d = join(dir, 'pki-' + i);
    if (i > 0) {
      mkdirSync(d, { recursive: true });
      for (const f of [PKI_FILES.ca, PKI_FILES.caKey]) copyFileSync(join(dir, 'pki-0', f), join(d, f));
    }
    ensureDevPki({ dir: d, agentId, controllerId: id });
    return d;
  });
  const read = (d: string, f: string) => new Uint8Array(readFileSync(join(d, f)));
  return {
    transport,
    agentArgs: ['--cert', join(dirs[0], PKI_FILES.agent), '--key', join(dirs[0], PKI_FILES.agentKey), '--ca', join(dirs[0], PKI_FILES.ca)],
    controller(endpointId) {
      const d = dirs[controllerIds.indexOf(endpointId)];
      if (!d) throw new Error('no certificate for ' + endpointId);
      return { credentials: { certificate: read(d, PKI_FILES.controller), privateKey: read(d, PKI_FILES.controllerKey), trustAnchors: [read(d, PKI_FILES.ca)] } };
    },
    agentCertificate: () => ({ credentials: { certificate: read(dirs[0], PKI_FILES.agent), privateKey: read(dirs[0], PKI_FILES.agentKey), trustAnchors: [read(dirs[0], PKI_FILES.ca)] } }),
    defaults: (t) => t.replace(/("Device\.LocalAgent\.(?:Controller\.\d+\.)?MTP\.\d+\.CoAP\.EnableEncryption": )"false"/g, '$1"true"'),
  };
}
