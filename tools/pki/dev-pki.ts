// A development PKI in one directory: a CA, an agent and a controller certificate with their
// Endpoint IDs (tools/pki/x509.ts). Made once and then reused: what is there is kept and checked
// (the right Endpoint ID, signed by this CA, key matching), what is missing is made, and nothing
// is replaced unless `force`. Files are written atomically (temporary file, then rename); keys
// are readable by their owner only.
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { certificate, certificatePem, endpointIdProblem, newKeyPair, privateKeyPem, USP_ID_URN, type KeyPair } from './x509.ts';

/** The file names, shared by `tinyusp pki`, `npm start` and `tinyusp ctl`'s defaults. */
export const PKI_FILES = Object.freeze({
  ca: 'ca.pem',
  caKey: 'ca.key',
  agent: 'agent.pem',
  agentKey: 'agent.key',
  controller: 'controller.pem',
  controllerKey: 'controller.key',
});

export const CA_DAYS = 3650;
export const LEAF_DAYS = 825;
const DAY_MS = 86_400_000;

export interface DevPkiOptions {
  dir: string;
  agentId: string;
  controllerId: string;
  /** Validity of the agent and controller certificates (default LEAF_DAYS; never past the CA's). */
  days?: number;
  /** Replace every file with a new CA and new certificates. */
  force?: boolean;
  /** Start of validity (default: now, less an hour of clock slack). */
  now?: Date;
}

export interface DevPki {
  dir: string;
  /** Files written by this call (empty when everything was already there). */
  made: string[];
  caName: string;
  /** Certificate facts as read back from the files. */
  agent: { endpointId: string; notAfter: Date };
  controller: { endpointId: string; notAfter: Date };
  caNotAfter: Date;
}

export class PkiError extends Error {}

function writeAtomic(file: string, text: string, mode: number): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { mode });
  renameSync(tmp, file);
}

/** The Endpoint IDs a certificate carries in subjectAltName URIs urn:bbf:usp:id:<id>. */
export function certificateEndpointIds(cert: X509Certificate): string[] {
  const ids: string[] = [];
  // Node lists names as "URI:<uri>, DNS:<name>", quoting a name that contains ", ".
  for (const m of (cert.subjectAltName ?? '').matchAll(/URI:(?:"((?:[^"\\]|\\.)*)"|([^,]*))/g)) {
    const uri = m[1] ?? m[2];
    if (uri.startsWith(USP_ID_URN)) ids.push(uri.slice(USP_ID_URN.length));
  }
  return ids;
}

function commonName(cert: X509Certificate): string {
  return /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1] ?? cert.subject;
}

/** Makes what is missing of the development PKI in `o.dir`, checks what is there. Throws PkiError. */
export function ensureDevPki(o: DevPkiOptions): DevPki {
  const path = (f: string) => join(o.dir, f);
  const have = (f: string) => existsSync(path(f));
  // Checked before anything is written.
  for (const id of [o.agentId, o.controllerId]) {
    const problem = endpointIdProblem(id);
    if (problem) throw new PkiError(problem);
  }
  if (o.agentId === o.controllerId) {
    // R-ARC.0-2: an Agent and a Controller with one ID must not talk to each other.
    throw new PkiError(`the agent and the controller need different Endpoint IDs (both ${o.agentId})`);
  }
  const made: string[] = [];
  const start = new Date((o.now ?? new Date()).getTime() - 3_600_000);
  mkdirSync(o.dir, { recursive: true, mode: 0o700 });

  // The CA: reused when both halves are there, made when neither is.
  let caKeys: KeyPair;
  let caCert: X509Certificate;
  if (!o.force && (have(PKI_FILES.ca) || have(PKI_FILES.caKey))) {
    if (!have(PKI_FILES.ca) || !have(PKI_FILES.caKey)) {
      throw new PkiError(`${o.dir} has only one of ${PKI_FILES.ca} and ${PKI_FILES.caKey}: pass --force to make a new PKI`);
    }
    caCert = new X509Certificate(readFileSync(path(PKI_FILES.ca)));
    const privateKey = createPrivateKey(readFileSync(path(PKI_FILES.caKey)));
    if (!caCert.checkPrivateKey(privateKey)) throw new PkiError(`${PKI_FILES.caKey} is not the key of ${PKI_FILES.ca} in ${o.dir}`);
    caKeys = { privateKey, publicKey: createPublicKey(privateKey) };
  } else {
    for (const f of [PKI_FILES.agent, PKI_FILES.agentKey, PKI_FILES.controller, PKI_FILES.controllerKey]) {
      if (have(f) && !o.force) throw new PkiError(`${o.dir} has ${f} but no CA: pass --force to make a new PKI`);
    }
    caKeys = newKeyPair();
    // A name of its own, so two development PKIs are told apart in tool output and logs.
    const name = `tinyusp development CA ${caKeys.publicKey.export({ type: 'spki', format: 'der' }).subarray(-3).toString('hex')}`;
    const der = certificate({
      commonName: name, subject: caKeys, issuer: { commonName: name, keys: caKeys }, ca: true,
      notBefore: start, notAfter: new Date(start.getTime() + CA_DAYS * DAY_MS),
    });
    writeAtomic(path(PKI_FILES.caKey), privateKeyPem(caKeys), 0o600);
    writeAtomic(path(PKI_FILES.ca), certificatePem(der), 0o644);
    made.push(PKI_FILES.ca, PKI_FILES.caKey);
    caCert = new X509Certificate(certificatePem(der));
  }
  const caName = commonName(caCert);
  const caNotAfter = new Date(caCert.validTo);

  const leaf = (role: 'agent' | 'controller', endpointId: string, certFile: string, keyFile: string) => {
    if (!o.force && (have(certFile) || have(keyFile))) {
      if (!have(certFile) || !have(keyFile)) throw new PkiError(`${o.dir} has only one of ${certFile} and ${keyFile}: pass --force to make a new PKI`);
      const cert = new X509Certificate(readFileSync(path(certFile)));
      if (!cert.checkIssued(caCert) || !cert.verify(caCert.publicKey)) throw new PkiError(`${certFile} in ${o.dir} is not signed by its ${PKI_FILES.ca}: pass --force to make a new PKI`);
      if (!cert.checkPrivateKey(createPrivateKey(readFileSync(path(keyFile))))) throw new PkiError(`${keyFile} is not the key of ${certFile} in ${o.dir}`);
      const ids = certificateEndpointIds(cert);
      if (!ids.includes(endpointId)) {
        throw new PkiError(`${certFile} in ${o.dir} is for ${ids.join(', ') || 'no Endpoint ID'}, not the ${role} ${endpointId}: pass --force to remake the PKI`);
      }
      return { endpointId, notAfter: new Date(cert.validTo) };
    }
    const keys = newKeyPair();
    const days = o.days ?? LEAF_DAYS;
    const notAfter = new Date(Math.min(start.getTime() + days * DAY_MS, caNotAfter.getTime()));
    const der = certificate({
      commonName: endpointId, subject: keys, issuer: { commonName: caName, keys: caKeys }, ca: false, endpointId,
      notBefore: start, notAfter,
    });
    writeAtomic(path(keyFile), privateKeyPem(keys), 0o600);
    writeAtomic(path(certFile), certificatePem(der), 0o644);
    made.push(certFile, keyFile);
    return { endpointId, notAfter: new Date(new X509Certificate(certificatePem(der)).validTo) };
  };
  const agent = leaf('agent', o.agentId, PKI_FILES.agent, PKI_FILES.agentKey);
  const controller = leaf('controller', o.controllerId, PKI_FILES.controller, PKI_FILES.controllerKey);
  return { dir: o.dir, made, caName, agent, controller, caNotAfter };
}
