// DTLS credentials from the command line (`tinyusp agent`; the same names in every engine):
//   --cert <pem> --key <pem> --ca <pem>         certificate mode (the default USP mode)
//   --psk-identity <id> --psk <hex> [--psk-controller <EndpointID>]   a Controller's PSK
import { readFileSync } from 'node:fs';
import { credentialProblem, type DtlsCredentials } from '../../src/dtls/credentials.ts';
import { UsageError, type Parsed } from './args.ts';

/** The value options this module reads (add them to parseArgs' `values`). */
export const CREDENTIAL_OPTIONS = ['cert', 'key', 'ca', 'psk-identity', 'psk', 'psk-controller'] as const;

export const CREDENTIAL_HELP = `  --cert <pem>         our certificate (PEM; its subjectAltName URI urn:bbf:usp:id:<our EndpointID>)
  --key <pem>          its private key (EC P-256, PEM)
  --ca <pem>           trust anchors: the CA(s) that sign the Controllers' certificates (PEM)
  --psk-identity <id>  DTLS with a pre-shared key instead of (or beside) certificates: the identity
  --psk <hex>          the key, 16..64 bytes in hex
  --psk-controller <id>  the Controller's Endpoint ID that key authenticates (default: the identity)`;

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
  if (identity !== undefined && hex !== undefined) {
    if (!/^([0-9a-fA-F]{2})+$/.test(hex)) throw new UsageError('--psk must be hexadecimal (an even number of digits)');
    const key = new Uint8Array(hex.length / 2);
    for (let i = 0; i < key.length; i++) key[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    c.psk = [{ identity, key, endpointId: p.values.get('psk-controller') }];
  }
  if (!c.certificate && !c.privateKey && !c.trustAnchors && !c.psk) return undefined;
  // --ca alone (no own certificate, no PSK) says the user meant certificate mode.
  const problem = credentialProblem(c);
  if (problem) throw new UsageError(`DTLS credentials: ${problem}`);
  return c;
}

/**
 * The XS runner's arguments for the credential options given (`name` -> value): it reads the PEM
 * files itself (--cert/--key/--ca; the esp32 board has them in flash), names not bytes; the PSK
 * options go as --arg name=value (hal/xs/device.ts).
 */
export function runnerCredentialArgs(values: ReadonlyMap<string, string>): string[] {
  return CREDENTIAL_OPTIONS.filter((n) => values.has(n)).flatMap((n) =>
    (n === 'cert' || n === 'key' || n === 'ca' ? [`--${n}`, values.get(n)!] : ['--arg', `${n}=${values.get(n)}`]));
}
