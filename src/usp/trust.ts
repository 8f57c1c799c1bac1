// Check-cert and the certificate part of Determine-role (USP digest §9.3, §9.4): what a
// Controller's DTLS certificate is worth. The link (src/dtls/link.ts) hands over the SHA-256 of
// each certificate of the chain it verified and whether that chain reached a trust anchor; the
// decisions read the data model, so an operator's Set takes effect on the next Record:
// - a Controller whose row names a certificate (Controller.{i}.Credential) must present that
//   one (R-SEC.8), whatever its chain;
// - a chain that reached a trust anchor inherits the Role of the first certificate in it, from
//   the Controller's own upwards, that an enabled ControllerTrust.Credential.{i} binds (R-SEC.25);
// - a chain that reached none is accepted only with ControllerTrust.TOFUAllowed, for an Endpoint
//   ID we have no row for: the row is made with UntrustedRole (R-SEC.6) and the certificate is
//   stored in Certificate.{i} and bound in Controller.{i}.Credential, so only it can use that
//   Endpoint ID from then on (R-SEC.8); ChallengeResponse() is the way up (R-SEC.7);
// - when we call a Controller (our DTLS client), such a chain passes only as its stored
//   certificate, or with TOFUAllowed for a Controller that is Untrusted only (check(), calling);
// - a chain holding a certificate the operator marked revoked (Certificate.{i}.X_TINYUSP_Revoked,
//   matched by SHA-256: the Controller's own, an intermediate or its CA) is "banned": the
//   Controller gets ControllerTrust.BannedRole as its only role (src/usp/controllers.ts).
// AllowedUses only matters for E2E sessions and brokers, which this Agent does not do: every
// value allows the MTP use made here.
import type { Engine } from '../dm/api.ts';
import { rowsOf, valueOf } from './context.ts';
import type { PeerCertificate } from '../coap/types.ts';
import { CERTIFICATE_TABLE, CONTROLLER_TABLE, CONTROLLER_TRUST } from '../names.ts';
import { splitList } from '../dm/values.ts';
import { stripDot } from '../dm/paths.ts';

/** A certificate as Certificate.{i} shows it (hal Dtls.describeCertificates). */
export interface CertificateFacts {
  sha256: string;
  serialNumber: string;
  issuer: string;
}

/** Check-cert's verdict for one Endpoint ID and certificate. */
export type CertVerdict =
  | { ok: true; inherited: string; tofu: boolean; banned: boolean }
  | { ok: false; why: string };

export class CertificateTrust {
  /**
   * acceptUntrusted()'s answer, until the Controller table, ControllerTrust or Certificate.{i}
   * changes: ControllerDirectory then sets it undefined (a field, not a method: a method is a
   * preloaded function and a prototype slot on the board; issue 10).
   */
  accept: boolean | undefined;

  constructor(private readonly engine: Engine) {
    // R-SEC.21: roles inherited from a certificate last only as long as its session.
    const txn = engine.begin();
    try {
      for (const r of rowsOf(this.engine, CONTROLLER_TABLE)) if (valueOf(this.engine, r.path + 'InheritedRole') !== '') txn.agentSet(r.path + 'InheritedRole', '');
      txn.commit();
    } catch {
      txn.rollback();
    }
  }

  /** Certificate.{i} rows for our trust anchors (once each: a row with the same SHA-256 stays). */
  installAnchors(anchors: readonly CertificateFacts[]): void {
    const have = new Map<string, string>();
    for (const r of rowsOf(this.engine, CERTIFICATE_TABLE)) have.set(valueOf(this.engine, r.path + 'X_TINYUSP_SHA256'), r.path);
    const txn = this.engine.begin();
    try {
      for (const a of anchors) {
        // A row already there (the same SHA-256) is marked, not added again.
        const row = have.get(a.sha256);
        if (row !== undefined) {
          if (valueOf(this.engine, row + 'X_TINYUSP_TrustAnchor') !== 'true') txn.agentSet(row + 'X_TINYUSP_TrustAnchor', 'true');
          continue;
        }
        have.set(a.sha256, addCertificateRow(txn, a.serialNumber, a.issuer, a.sha256, true));
      }
      txn.commit();
    } catch (e) {
      txn.rollback();
      throw e;
    }
  }

  /**
   * Whether the link should let a chain that reaches no trust anchor finish its handshake:
   * TOFUAllowed, or some Controller has a stored certificate (which may be such a one). Every
   * such session is then judged by check().
   */
  acceptUntrusted(): boolean {
    if (this.accept === undefined) {
      this.accept = valueOf(this.engine, CONTROLLER_TRUST + 'TOFUAllowed') === 'true' || rowsOf(this.engine, CONTROLLER_TABLE).some((r) => valueOf(this.engine, r.path + 'Credential') !== '');
    }
    return this.accept;
  }

  /** ControllerTrust.TOFUInactivityTimer in ms: a TOFU session idle that long is closed (0: never). */
  tofuIdleMs(): number {
    return (Number(valueOf(this.engine, CONTROLLER_TRUST + 'TOFUInactivityTimer')) || 0) * 1000;
  }

  /**
   * Check-cert (§9.3) of `cert`, presented by `endpointId`. `calling`: we called it (the
   * Controller's coaps:// URI, R-MTP.4), where TOFU does not apply. Asked at each handshake, and
   * for a Record only when its admission is not remembered (src/usp/controllers.ts admit()).
   */
  check(endpointId: string, cert: PeerCertificate, calling = false): CertVerdict {
    // The steps are plain code, not private methods: each method was a preloaded function and a
    // prototype slot on the board (issue 10: flash).
    const engine = this.engine;
    const chain = cert.chain;
    const row = controllerRowOf(engine, endpointId);
    const bound = row ? valueOf(engine, row + 'Credential') : '';
    if (bound !== '') {
      // The SHA-256 of an enabled Certificate.{i} row, or '' (a disabled one matches nothing).
      const path = stripDot(bound) + '.';
      const fingerprint = path.lastIndexOf(CERTIFICATE_TABLE, 0) !== 0 || !engine.exists(path) || valueOf(engine, path + 'Enable') !== 'true'
        ? '' : valueOf(engine, path + 'X_TINYUSP_SHA256');
      if (fingerprint !== chain[0]) return { ok: false, why: `its certificate is not ${bound}, the one ${row}Credential names (R-SEC.8)` };
    }
    // Optional revocation check (§9.3 Check-cert): BannedRole, whatever else the chain would grant.
    // Banned: a certificate of the chain is a Certificate.{i} row marked X_TINYUSP_Revoked (Enable or not).
    const certs = rowsOf(engine, CERTIFICATE_TABLE);
    const banned = certs.some((r) => valueOf(engine, r.path + 'X_TINYUSP_Revoked') === 'true' && chain.indexOf(valueOf(engine, r.path + 'X_TINYUSP_SHA256')) >= 0);
    if (!cert.untrusted) {
      // R-SEC.25: the Role of the first certificate of the chain that an enabled ControllerTrust.Credential binds.
      const caRole = (): string => {
        const creds = rowsOf(engine, CONTROLLER_TRUST + 'Credential.').filter((c) => valueOf(engine, c.path + 'Enable') === 'true' && valueOf(engine, c.path + 'Credential') !== '');
        if (creds.length === 0) return '';
        for (const fp of chain) {
          for (const c of certs) {
            if (valueOf(engine, c.path + 'X_TINYUSP_SHA256') !== fp || valueOf(engine, c.path + 'Enable') !== 'true') continue;
            const ref = c.path.slice(0, -1);
            for (const k of creds) if (stripDot(valueOf(engine, k.path + 'Credential')) === ref) return valueOf(engine, k.path + 'Role');
          }
        }
        return '';
      };
      return { ok: true, inherited: banned ? '' : caRole(), tofu: false, banned };
    }
    if (bound !== '' || banned) return { ok: true, inherited: '', tofu: false, banned };
    if (valueOf(engine, CONTROLLER_TRUST + 'TOFUAllowed') !== 'true') return { ok: false, why: 'its certificate chains to none of our trust anchors and TOFUAllowed is false' };
    if (calling) {
      // TOFU when we call a Controller (R-MTP.4 validate-cert, OPT): a server certificate that
      // chains to no trust anchor is accepted, with TOFUAllowed, only for a Controller whose roles
      // are UntrustedRole alone, so what goes to it (answers, Notify within its permissions) is no
      // more than TOFU would give anyone. Nothing is stored: a server certificate says nothing
      // about who may send requests in that Controller's name, which stays
      // Controller.{i}.Credential's job (a Controller with one never gets here: its stored
      // certificate is the only one accepted).
      const untrusted = splitList(valueOf(engine, CONTROLLER_TRUST + 'UntrustedRole')).map(stripDot);
      const assigned = row ? splitList(valueOf(engine, row + 'AssignedRole')).map(stripDot).filter((r) => r !== '') : [];
      const onlyUntrusted = !!row && valueOf(engine, row + 'InheritedRole') === '' && assigned.every((r) => untrusted.indexOf(r) >= 0);
      if (!onlyUntrusted) return { ok: false, why: `its certificate chains to none of our trust anchors, and ${endpointId} has roles beyond UntrustedRole (TOFU when we call is for Untrusted Controllers only)` };
      return { ok: true, inherited: '', tofu: true, banned: false };
    }
    // Only a first use binds an Endpoint ID (R-SEC.6): a row an operator made (or another link
    // enrolled) would otherwise hand its roles to whoever made a certificate naming it.
    if (row) return { ok: false, why: `${endpointId} is a known Controller (${row}) with no stored Credential; a certificate that chains to no trust anchor cannot claim it` };
    if (!cert.serialNumber || cert.issuer === undefined) return { ok: false, why: 'the link gave no serial number and issuer for its certificate' };
    return { ok: true, inherited: '', tofu: true, banned: false };
  }
}


/** A Certificate.{i} row for a certificate (a trust anchor, or a TOFU Controller's); returns its path. */
export function addCertificateRow(txn: ReturnType<Engine['begin']>, serialNumber: string, issuer: string, sha256: string, anchor: boolean): string {
  const values: { [name: string]: string } = { Enable: 'true', SerialNumber: serialNumber.slice(0, 64), Issuer: issuer.slice(0, 256), X_TINYUSP_SHA256: sha256 };
  // Marked, so that Certificate.{i}.Delete() refuses it (src/model/certificate.ts).
  if (anchor) values['X_TINYUSP_TrustAnchor'] = 'true';
  return txn.agentAdd(CERTIFICATE_TABLE, values);
}

/** The Controller.{i}. row whose EndpointID is `endpointId`, if any. */
export function controllerRowOf(engine: Engine, endpointId: string): string | undefined {
  for (const r of rowsOf(engine, CONTROLLER_TABLE)) if ((r.uniqueKeys['EndpointID'] ?? valueOf(engine, r.path + 'EndpointID')) === endpointId) return r.path;
  return undefined;
}
