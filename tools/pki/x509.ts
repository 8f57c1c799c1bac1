// X.509 v3 certificates for a development PKI, made with node:crypto (EC P-256 keys, ECDSA with
// SHA-256, RFC 7925 §4.4.2) and the DER encoder beside this file: no openssl CLI at run time.
// USP endpoints carry their Endpoint ID in subjectAltName as a URI urn:bbf:usp:id:<id>
// (digest §9.2, R-SEC.0a); an fqdn:: ID also as a dNSName.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import * as der from './der.ts';

const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organizationName: '2.5.4.10',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

/** KeyUsage bits (RFC 5280 §4.2.1.3). */
const KU = { digitalSignature: 0, keyCertSign: 5, cRLSign: 6 } as const;

export const USP_ID_URN = 'urn:bbf:usp:id:';

/**
 * An Endpoint ID as digest §9.1 shapes it: authority-scheme ":" [authority-id] ":" instance-id,
 * instance-id of ALPHA / DIGIT / "-" / "." / "_" / %HH, at most 50 characters (R-ARC.5/6).
 * Returns why it is not one, or undefined.
 */
export function endpointIdProblem(id: string): string | undefined {
  const m = /^([a-z]+):([A-Za-z0-9]*):(.*)$/.exec(id);
  if (!m) return `'${id}' is not an Endpoint ID (authority-scheme:[authority-id]:instance-id)`;
  const schemes = ['oui', 'cid', 'pen', 'self', 'user', 'os', 'ops', 'uuid', 'imei', 'proto', 'doc', 'fqdn'];
  if (!schemes.includes(m[1])) return `'${id}': unknown authority-scheme '${m[1]}' (one of ${schemes.join(', ')})`;
  if (!/^([A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$/.test(m[3])) return `'${id}': the instance-id is empty or has characters other than A-Z a-z 0-9 - . _ %HH (R-ARC.5)`;
  if (m[3].length > 50) return `'${id}': the instance-id is longer than 50 characters (R-ARC.6)`;
  return undefined;
}

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newKeyPair(): KeyPair {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}

/** The private key as PKCS#8 PEM ("PRIVATE KEY"), which mbedTLS, OpenSSL and GnuTLS all read. */
export function privateKeyPem(k: KeyPair): string {
  return k.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}

function spki(k: KeyObject): Uint8Array {
  return new Uint8Array(k.export({ type: 'spki', format: 'der' }));
}

/**
 * RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey bits. A P-256 SPKI is 91 bytes
 * ending in the 65-byte uncompressed point, which is those bits.
 */
function keyIdentifier(k: KeyObject): Uint8Array {
  const info = spki(k);
  if (info.length !== 91) throw new Error('expected an EC P-256 public key');
  return new Uint8Array(createHash('sha1').update(info.subarray(26)).digest());
}

function name(commonName: string): Uint8Array {
  const rdn = (type: string, value: string) => der.set(der.sequence(der.oid(type), der.utf8String(value)));
  return der.sequence(rdn(OID.organizationName, 'tinyusp development PKI'), rdn(OID.commonName, commonName));
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? der.sequence(der.oid(id), der.boolean(true), der.octetString(value)) : der.sequence(der.oid(id), der.octetString(value));
}

export interface CertificateSpec {
  /** Subject common name (shown by tools; USP reads the Endpoint ID from the SAN only). */
  commonName: string;
  /** The certified key pair. */
  subject: KeyPair;
  /** The signer: itself for a self-signed CA. */
  issuer: { commonName: string; keys: KeyPair };
  notBefore: Date;
  notAfter: Date;
  /** A CA may sign certificates (and nothing else); a leaf may only sign handshakes. */
  ca: boolean;
  /** A leaf's USP Endpoint ID, carried as subjectAltName URI urn:bbf:usp:id:<id>. */
  endpointId?: string;
}

/** The DER certificate of `spec`, signed by its issuer with ECDSA-SHA256. */
export function certificate(spec: CertificateSpec): Uint8Array {
  if (spec.notAfter <= spec.notBefore) throw new Error('notAfter must come after notBefore');
  const sigAlg = der.sequence(der.oid(OID.ecdsaWithSha256));
  // A positive 16-byte serial (RFC 5280 §4.1.2.2: at most 20 octets, unique per CA: random).
  const serial = new Uint8Array(randomBytes(16));
  serial[0] = (serial[0] & 0x7f) | 0x40;
  const extensions: Uint8Array[] = [];
  if (spec.ca) {
    // pathLenConstraint 0: this CA signs end-entity certificates only.
    extensions.push(extension(OID.basicConstraints, true, der.sequence(der.boolean(true), der.integer(0))));
    extensions.push(extension(OID.keyUsage, true, der.namedBits([KU.keyCertSign, KU.cRLSign])));
  } else {
    extensions.push(extension(OID.basicConstraints, true, der.sequence()));
    // RFC 7925 §4.4.2: ECDHE-ECDSA signs the handshake with the certified key.
    extensions.push(extension(OID.keyUsage, true, der.namedBits([KU.digitalSignature])));
    // A USP endpoint is a DTLS server and a DTLS client (digest §7.2, "Direction").
    extensions.push(extension(OID.extKeyUsage, false, der.sequence(der.oid(OID.serverAuth), der.oid(OID.clientAuth))));
  }
  if (spec.endpointId !== undefined) {
    const problem = endpointIdProblem(spec.endpointId);
    if (problem) throw new Error(problem);
    const names = [der.implicit(6, new TextEncoder().encode(USP_ID_URN + spec.endpointId))];
    if (spec.endpointId.startsWith('fqdn::')) names.push(der.implicit(2, new TextEncoder().encode(spec.endpointId.slice(6))));
    extensions.push(extension(OID.subjectAltName, false, der.sequence(...names)));
  }
  extensions.push(extension(OID.subjectKeyIdentifier, false, der.octetString(keyIdentifier(spec.subject.publicKey))));
  if (spec.issuer.keys !== spec.subject) {
    extensions.push(extension(OID.authorityKeyIdentifier, false, der.sequence(der.implicit(0, keyIdentifier(spec.issuer.keys.publicKey)))));
  }
  const tbs = der.sequence(
    der.explicit(0, der.integer(2)), // v3
    der.integer(serial),
    sigAlg,
    name(spec.issuer.commonName),
    der.sequence(der.time(spec.notBefore), der.time(spec.notAfter)),
    name(spec.commonName),
    spki(spec.subject.publicKey),
    der.explicit(3, der.sequence(...extensions)),
  );
  // node:crypto signs EC keys as a DER ECDSA-Sig-Value, the form X.509 wants.
  const signature = new Uint8Array(sign('sha256', tbs, spec.issuer.keys.privateKey));
  return der.sequence(tbs, sigAlg, der.bitString(signature));
}

export const certificatePem = (certDer: Uint8Array) => der.pem('CERTIFICATE', certDer);
