// How `tinyusp ctl` secures its link: DTLS (coaps://) with the controller certificate of the
// development PKI that `tinyusp pki` and `npm start` make, unless told otherwise; a PSK on
// request; plaintext only with an explicit --allow-nosec.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DtlsCredentials } from '../../src/dtls/credentials.ts';
import { PKI_FILES } from '../pki/dev-pki.ts';
import { UsageError, type Parsed } from './args.ts';
import { credentialsFromArgs } from './credentials.ts';
import { DEMO_STATE, DTLS_WASM, pkiDirOf } from './paths.ts';

export const SECURITY_VALUES = ['pki', 'cert', 'key', 'ca', 'psk-identity', 'psk', 'psk-file'] as const;
export const SECURITY_FLAGS = ['allow-nosec'] as const;

export const SECURITY_HELP = `security (DTLS 1.2, coaps://; the same options as tinyusp agent):
  --pki <dir>          the development PKI to take the files below from (default state/demo/pki
                       of this checkout, which tinyusp pki and npm start make)
  --cert <pem>         our certificate (default <pki>/${PKI_FILES.controller}; its subjectAltName URI
                       urn:bbf:usp:id:<our --id>)
  --key <pem>          its private key (default <pki>/${PKI_FILES.controllerKey})
  --ca <pem>           the CA that signs the agent's certificate (default <pki>/${PKI_FILES.ca})
  --psk-identity <id>  use a pre-shared key instead of certificates: the identity
  --psk <hex>          the key, 16..64 bytes in hex
  --psk-file <file>    the agent's --psk-file (a JSON list of {"identity", "key" (hex), "controller"}):
                       the entry whose "controller" (or, without one, "identity") is our --id
  --allow-nosec        plaintext CoAP (coap://, no DTLS): only with this flag`;

export const DEFAULT_AGENT_PORT = 5683;
/** ctl's Endpoint ID unless --id names another. */
export const DEFAULT_ID = 'proto::controller-1';

export type CtlDtls = { credentials: DtlsCredentials; wasmPath: string };

/** The agent's URI: --agent, or the demo agent's; coap:// only with --allow-nosec. */
export function agentUri(p: Parsed): string {
  const allowNoSec = p.flags.has('allow-nosec');
  const given = p.values.get('agent');
  const scheme = given ? /^(coaps?):\/\//i.exec(given)?.[1].toLowerCase() : allowNoSec ? 'coap' : 'coaps';
  if (!scheme) throw new UsageError(`--agent must be a coaps:// (or, with --allow-nosec, coap://) URI, got '${given}'`);
  const agent = given ?? `${scheme}://127.0.0.1:${DEFAULT_AGENT_PORT}/usp`;
  if (scheme === 'coap' && !allowNoSec) throw new UsageError(`${agent} is plaintext CoAP: use coaps://, or pass --allow-nosec to send in the clear`);
  return agent;
}

/** DTLS credentials for a coaps:// `agent` (undefined for coap://): named, or from the PKI directory. */
export function dtlsOptions(p: Parsed, agent: string, agentId: string): CtlDtls | undefined {
  if (/^coap:/i.test(agent)) {
    for (const name of SECURITY_VALUES) {
      if (p.values.has(name)) throw new UsageError(`--${name} is for DTLS, but ${agent} is plaintext coap://`);
    }
    return undefined;
  }
  const psk = p.values.has('psk-identity') || p.values.has('psk') || p.values.has('psk-file');
  // Certificate mode takes each file not named from the PKI directory, as the agent's npm start does.
  const values = new Map(p.values);
  if (!psk || p.values.has('cert')) {
    const dir = p.values.get('pki') ?? pkiDirOf(DEMO_STATE);
    for (const [name, file] of [['cert', PKI_FILES.controller], ['key', PKI_FILES.controllerKey], ['ca', PKI_FILES.ca]] as const) {
      if (values.has(name)) continue;
      const path = join(dir, file);
      if (!existsSync(path)) {
        const shown = relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path);
        throw new UsageError(`no DTLS credentials: ${shown} not found. Make a development PKI with 'tinyusp pki' ` +
          `(npm start makes one on its first run), name --cert/--key/--ca or --psk-identity/--psk, or pass --allow-nosec for plaintext`);
      }
      values.set(name, path);
    }
  }
  if (p.values.has('psk-file') && (p.values.has('psk-identity') || p.values.has('psk'))) throw new UsageError('--psk-file and --psk-identity/--psk: give one of them');
  const credentials = credentialsFromArgs({ ...p, values });
  if (!credentials) throw new UsageError('no DTLS credentials');
  if (p.values.has('psk-file')) {
    // A client offers one PSK: the agent's entry for us (R-SEC.0a: it names our Endpoint ID).
    const id = p.values.get('id') ?? DEFAULT_ID;
    const mine = (credentials.psk ?? []).filter((e) => (e.endpointId ?? e.identity) === id);
    if (mine.length !== 1) throw new UsageError(`--psk-file ${p.values.get('psk-file')}: ${mine.length ? 'more than one entry' : 'no entry'} for our Endpoint ID ${id} (its "controller", or its "identity" when it names none; --id sets ours)`);
    credentials.psk = mine;
  }
  return {
    credentials: {
      certificate: credentials.certificate,
      privateKey: credentials.privateKey,
      trustAnchors: credentials.trustAnchors,
      // A client offers its one PSK; as a server (the agent's responses) it accepts the same one.
      // The key authenticates the agent: Records over it must come from agentId (R-SEC.0a).
      psk: credentials.psk?.map(({ identity, key }) => ({ identity, key, endpointId: agentId })),
    },
    wasmPath: DTLS_WASM,
  };
}
