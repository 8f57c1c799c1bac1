// DTLS credentials from the command line (`tinyusp agent`; the same names in every engine):
//   --cert <pem> --key <pem> --ca <pem>         certificate mode (the default USP mode)
//   --psk-identity <id> --psk <hex> [--psk-controller <EndpointID>]   a Controller's PSK
//   --psk-file <file.json>                      a PSK per Controller: [{identity, key, controller}]
import { readFileSync } from 'node:fs';
import { credentialProblem, type ControllerPsk, type DtlsCredentials } from '../../src/dtls/credentials.ts';
import { UsageError, type Parsed } from './args.ts';

/** The value options this module reads (add them to parseArgs' `values`). */
export const CREDENTIAL_OPTIONS = ['cert', 'key', 'ca', 'psk-identity', 'psk', 'psk-controller', 'psk-file'] as const;

export const CREDENTIAL_HELP = `  --cert <pem>         our certificate (PEM; its subjectAltName URI urn:bbf:usp:id:<our EndpointID>)
  --key <pem>          its private key (EC P-256, PEM)
  --ca <pem>           trust anchors: the CA(s) that sign the Controllers' certificates (PEM)
  --psk-identity <id>  DTLS with a pre-shared key instead of (or beside) certificates: the identity
  --psk <hex>          the key, 16..64 bytes in hex
  --psk-controller <id>  the Controller's Endpoint ID that key authenticates (default: the identity)
  --psk-file <file>    a PSK per Controller: a JSON list of {"identity", "key" (hex), "controller"}`;

function hexKey(hex: string, what: string): Uint8Array {
  if (!/^([0-9a-fA-F]{2})+$/.test(hex)) throw new UsageError(`${what} must be hexadecimal (an even number of digits)`);
  const key = new Uint8Array(hex.length / 2);
  for (let i = 0; i < key.length; i++) key[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return key;
}

/** --psk-file: [{"identity": "...", "key": "<hex>", "controller": "<EndpointID>"}, ...]. */
function pskFile(file: string): ControllerPsk[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read --psk-file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!Array.isArray(data)) throw new UsageError(`--psk-file ${file} must be a JSON list of {"identity", "key", "controller"}`);
  return data.map((x: { identity?: unknown; key?: unknown; controller?: unknown }, i) => {
    if (!x || typeof x.identity !== 'string' || typeof x.key !== 'string' || (x.controller !== undefined && typeof x.controller !== 'string')) {
      throw new UsageError(`--psk-file ${file}: entry ${i + 1} needs "identity" and "key" strings (and "controller", an Endpoint ID)`);
    }
    return { identity: x.identity, key: hexKey(x.key, `--psk-file entry ${i + 1}'s key`), endpointId: x.controller as string | undefined };
  });
}

function readPem(p: Parsed, name: string): Uint8Array | undefined {
  const file = p.values.get(name);
  if (file === undefined) return undefined;
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new UsageError(`cannot read --${name} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** The credentials the options name, or undefined when none is given. Throws UsageError. */
export function credentialsFromArgs(p: Parsed): DtlsCredentials | undefined {
  const c: DtlsCredentials = {};
  const certificate = readPem(p, 'cert');
  const privateKey = readPem(p, 'key');
  const ca = readPem(p, 'ca');
  if (certificate) c.certificate = certificate;
  if (privateKey) c.privateKey = privateKey;
  if (ca) c.trustAnchors = [ca];
  const identity = p.values.get('psk-identity');
  const hex = p.values.get('psk');
  if ((identity === undefined) !== (hex === undefined)) throw new UsageError('--psk-identity and --psk go together');
  if (p.values.has('psk-controller') && identity === undefined) throw new UsageError('--psk-controller needs --psk-identity and --psk');
  const psk: ControllerPsk[] = [];
  if (identity !== undefined && hex !== undefined) psk.push({ identity, key: hexKey(hex, '--psk'), endpointId: p.values.get('psk-controller') });
  const file = p.values.get('psk-file');
  if (file !== undefined) psk.push(...pskFile(file));
  if (psk.length) c.psk = psk;
  if (!c.certificate && !c.privateKey && !c.trustAnchors && !c.psk) return undefined;
  // --ca alone (no own certificate, no PSK) says the user meant certificate mode.
  const problem = credentialProblem(c);
  if (problem) throw new UsageError(`DTLS credentials: ${problem}`);
  return c;
}
