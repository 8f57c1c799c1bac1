// What the agent authenticates with on its DTLS links (USP digest §7.2, §9; R-MTP.1..4): an X.509
// certificate (the default mode) and/or pre-shared keys, one per Controller (RFC 7925 §4.2).
// The bytes are handed to the HAL's Dtls contexts as they are; nothing here parses them.

/** A pre-shared key agreed with one Controller. */
export interface ControllerPsk {
  /** The PSK identity sent in the handshake (a client's ClientKeyExchange, RFC 4279). */
  identity: string;
  /** The key, 16..64 bytes. */
  key: Uint8Array;
  /**
   * The Controller's Endpoint ID this key authenticates: the identity its Records' from_id must
   * carry (R-SEC.0a, R-SEC.10a). Default: the PSK identity itself.
   */
  endpointId?: string;
}

export interface DtlsCredentials {
  /** Our certificate (PEM, may hold the chain up to but not including the anchor). */
  certificate?: Uint8Array;
  /** Its private key (PEM or DER, EC P-256). */
  privateKey?: Uint8Array;
  /** Trust anchors (PEM; one buffer may hold several) the Controllers' chains must lead to. */
  trustAnchors?: Uint8Array[];
  /** PSKs, per Controller (at most 8; a server context accepts any of them). */
  psk?: ControllerPsk[];
}

/** Why these credentials cannot run a DTLS link, or undefined when they can. */
export function credentialProblem(c: DtlsCredentials): string | undefined {
  const hasCert = c.certificate !== undefined || c.privateKey !== undefined;
  if (hasCert && (c.certificate === undefined || c.privateKey === undefined)) return 'a certificate needs its private key and the key its certificate';
  if (hasCert && (!c.trustAnchors || c.trustAnchors.length === 0)) return 'certificate mode needs trust anchors (the CA that signs the Controllers\' certificates)';
  const psk = c.psk ?? [];
  if (!hasCert && psk.length === 0) return 'no certificate and no pre-shared key';
  if (psk.length > 8) return 'at most 8 pre-shared keys';
  const seen: { [id: string]: true } = {};
  for (const p of psk) {
    if (p.identity.length === 0 || p.identity.length > 128) return 'a PSK identity has 1..128 characters';
    if (seen[p.identity]) return 'PSK identity ' + p.identity + ' given twice';
    seen[p.identity] = true;
    if (p.key.length < 16 || p.key.length > 64) return 'the PSK of ' + p.identity + ' must be 16..64 bytes';
  }
  return undefined;
}

/** The Controller Endpoint ID a PSK authenticates. */
export function pskEndpointId(p: ControllerPsk): string {
  return p.endpointId ?? p.identity;
}
