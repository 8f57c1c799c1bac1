// Who is asking (digest §9.3 "Determine-role", §9.4): map a Record's from_id to its
// Device.LocalAgent.Controller.{i} row and the RoleSet of its AssignedRole + InheritedRole, or
// ControllerTrust.UntrustedRole for a Controller we do not know. Cached per Endpoint ID and
// invalidated whenever anything under Controller.{i} or ControllerTrust changes; a Record's
// admission (Check-cert + Determine-role) also whenever Certificate.{i} changes.
import type { Engine } from '../dm/api.ts';
import { rowsOf, valueOf } from './context.ts';
import { splitList } from '../dm/values.ts'; // an empty item names no Role and no Target: both skip it
import { RoleSet, type PermissionData, type RoleData } from './access.ts';
import type { Requester } from './dispatch.ts';
import { CERTIFICATE_TABLE, CONTROLLER_TABLE, CONTROLLER_TRUST } from '../names.ts';
import type { PeerCertificate } from '../coap/types.ts';
import { addCertificateRow, controllerRowOf, type CertificateTrust } from './trust.ts';


/** Result of identifying a sender: a Requester, or a reason to drop its Records. */
export type Identification = { ok: true; requester: Requester } | { ok: false; why: string };

export class ControllerDirectory {
  private readonly byEndpoint = new Map<string, Identification>();
  private readonly roleSets = new Map<string, RoleSet>();

  private readonly enrollLimit: number;
  /**
   * Endpoint IDs whose last certificate is revoked (trust.ts): BannedRole is their only role
   * (§9.4). Held in memory like InheritedRole (R-SEC.21), at most the Controller table's bound.
   */
  private readonly banned = new Map<string, true>();
  private readonly bannedLimit: number;
  /**
   * The last admission of each sender, with the link's certificate facts it was made for (one
   * object per DTLS session, so compared by identity): a Record on an established session then
   * costs a lookup, not Check-cert and path reads. Emptied by every change an admission reads
   * (Controller.{i}, ControllerTrust, Certificate.{i}, `banned`).
   */
  private readonly admitted = new Map<string, { cert: PeerCertificate | undefined; who: Identification }>();

  /** `tableBound`: the board's instancesPerTable (the Controller table's bound). */
  constructor(private readonly engine: Engine, tableBound: number, private readonly trust: CertificateTrust) {
    this.enrollLimit = Math.floor(tableBound / 2);
    this.bannedLimit = tableBound;
    // One listener for all caches: admissions (Check-cert) also read Certificate.{i}.
    engine.onChange((ev) => {
      const path = ev.type === 'event' || ev.type === 'operationComplete' ? ev.objPath : ev.path;
      const who = path.lastIndexOf(CONTROLLER_TABLE, 0) === 0 || path.lastIndexOf(CONTROLLER_TRUST, 0) === 0;
      if (who || path.lastIndexOf(CERTIFICATE_TABLE, 0) === 0) {
        trust.accept = undefined; // acceptUntrusted() reads them again
        this.admitted.clear();
      }
      // Forget every cached identity and role set (ControllerTrust or Controller table changed).
      if (who) {
        this.byEndpoint.clear();
        this.roleSets.clear();
      }
    });
  }

  identify(endpointId: string): Identification {
    const hit = this.byEndpoint.get(endpointId);
    if (hit) return hit;
    // What was private methods is plain code here and below: each method was a preloaded function
    // and a prototype slot on the board (issue 10: flash).
    const engine = this.engine;
    const list = (path: string) => splitList(valueOf(engine, path));
    const row = controllerRowOf(engine, endpointId);
    let found: Identification;
    // A disabled Controller entry: the Agent does not talk to it (its Records are dropped).
    if (row !== undefined && valueOf(engine, row + 'Enable') === 'false') found = { ok: false, why: 'controller disabled' };
    else {
      // A revoked certificate: BannedRole only (§9.4). §9.3 Determine-role: no AssignedRole and no
      // InheritedRole → UntrustedRole.
      const rolePaths = this.banned.has(endpointId) ? list(CONTROLLER_TRUST + 'BannedRole')
        : row === undefined ? list(CONTROLLER_TRUST + 'UntrustedRole')
        : list(row + 'AssignedRole').concat(list(row + 'InheritedRole'));
      // One RoleSet per list of roles, read from ControllerTrust.Role.{i}.
      const key = rolePaths.join(',');
      let set = this.roleSets.get(key);
      if (!set) {
        const roles: RoleData[] = [];
        for (const rolePath of rolePaths) {
          const path = rolePath.charAt(rolePath.length - 1) === '.' ? rolePath : rolePath + '.';
          if (path.lastIndexOf(CONTROLLER_TRUST + 'Role.', 0) !== 0 || !engine.exists(path)) continue;
          const permissions: PermissionData[] = [];
          for (const r of rowsOf(engine, path + 'Permission.')) {
            permissions.push({
              enable: valueOf(engine, r.path + 'Enable') === 'true',
              order: Number(valueOf(engine, r.path + 'Order')) || 0,
              targets: list(r.path + 'Targets'),
              param: valueOf(engine, r.path + 'Param'),
              obj: valueOf(engine, r.path + 'Obj'),
              instantiatedObj: valueOf(engine, r.path + 'InstantiatedObj'),
              commandEvent: valueOf(engine, r.path + 'CommandEvent'),
            });
          }
          roles.push({ enable: valueOf(engine, path + 'Enable') === 'true', permissions });
        }
        set = new RoleSet(roles);
        this.roleSets.set(key, set);
      }
      found = { ok: true, requester: { endpointId, controllerPath: row, access: set } };
    }
    if (this.byEndpoint.size >= 16) this.byEndpoint.clear(); // a bounded cache of recent senders
    this.byEndpoint.set(endpointId, found);
    return found;
  }

  /**
   * A Record's sender, as its link authenticated it: Check-cert of its certificate (if any),
   * then Determine-role (§9.3): the row's InheritedRole follows the certificate of this session
   * (none without a certificate), and an unknown sender is enrolled (see enroll()).
   */
  admit(endpointId: string, cert?: PeerCertificate): Identification {
    const hit = this.admitted.get(endpointId);
    // Nothing it read changed since: judging again would give the same answer and change nothing.
    // The same certificate in another session (a Controller's nodes sharing its Endpoint ID, a
    // reconnect) is the same chain: the verdict reads nothing else of it.
    if (hit && sameCertificate(hit.cert, cert)) return hit.who;
    // A revoked certificate (§9.3 Check-cert, optional revocation check) bans its sender:
    // BannedRole only, and no row is made for an unknown sender; a row's InheritedRole shows
    // BannedRole while it lasts. A certificate that is not revoked lifts the ban.
    const judge = (): Identification => {
      let inherited = '';
      let tofu = false;
      let banned = false;
      if (cert) {
        const v = this.trust.check(endpointId, cert);
        if (!v.ok) return v;
        inherited = v.inherited;
        tofu = v.tofu;
        banned = v.banned;
      }
      if (banned) inherited = valueOf(this.engine, CONTROLLER_TRUST + 'BannedRole');
      if (banned !== this.banned.has(endpointId)) {
        if (!banned) this.banned.delete(endpointId);
        else {
          if (this.banned.size >= this.bannedLimit) this.banned.delete(this.banned.keys().next().value as string);
          this.banned.set(endpointId, true);
        }
        this.byEndpoint.delete(endpointId);
        this.admitted.clear();
      }
      const who = this.identify(endpointId);
      if (!who.ok) return who;
      const row = who.requester.controllerPath;
      if (row === undefined) {
        if (banned) return who;
        // §9.3 Determine-role for a Controller we have no row for (no AssignedRole, no certificate
        // role): a Controller.{i} row is created with AssignedRole = UntrustedRole (stored), so an
        // operator sees it and a challenge can elevate it. Rows whose only role is Untrusted take at
        // most half of the table's bound (board instancesPerTable), so unknown senders (any from_id
        // on an unauthenticated link) cannot crowd out the Controllers an operator adds; beyond that,
        // or at the engine's bound (7005), no row is made and the Records are answered with
        // UntrustedRole as before.
        const tofuCert = tofu ? cert : undefined;
        const untrusted = valueOf(this.engine, CONTROLLER_TRUST + 'UntrustedRole');
        if (inherited === '') {
          let onlyUntrusted = 0;
          for (const r of this.engine.instances(CONTROLLER_TABLE, true)) {
            if (valueOf(this.engine, r.path + 'AssignedRole') === untrusted && valueOf(this.engine, r.path + 'InheritedRole') === '') onlyUntrusted++;
          }
          // A TOFU certificate is never taken without its row (that binding is what protects it).
          if (onlyUntrusted >= this.enrollLimit) return tofuCert ? { ok: false, why: 'no room for another TOFU Controller' } : this.identify(endpointId);
        }
        const txn = this.engine.begin();
        try {
          // A role from the certificate's CA (InheritedRole), or else UntrustedRole stored as AssignedRole.
          const path = txn.add(CONTROLLER_TABLE, [
            { param: 'EndpointID', value: endpointId, required: true },
            { param: 'Enable', value: 'true', required: true },
            { param: 'AssignedRole', value: inherited === '' ? untrusted : '', required: true },
          ]).path;
          if (inherited !== '') txn.agentSet(path + 'InheritedRole', inherited);
          // TOFU: the certificate goes into Certificate.{i} and the new row names it.
          if (tofuCert) txn.set(path + 'Credential', addCertificateRow(txn, tofuCert.serialNumber ?? '', tofuCert.issuer ?? '', tofuCert.chain[0], false).slice(0, -1));
          txn.commit();
        } catch {
          txn.rollback();
          if (tofuCert) return { ok: false, why: 'the TOFU Controller and its certificate could not be stored' };
        }
        return this.identify(endpointId);
      }
      if (valueOf(this.engine, row + 'InheritedRole') === inherited) return who;
      // InheritedRole follows the current session's certificate (R-SEC.21, R-SEC.25); a refused write changes nothing.
      const txn = this.engine.begin();
      try {
        txn.agentSet(row + 'InheritedRole', inherited);
        txn.commit();
      } catch {
        txn.rollback();
      }
      return this.identify(endpointId);
    };
    const who = judge();
    if (this.admitted.size >= 16) this.admitted.clear(); // bounded, like byEndpoint
    // Kept after judge(): its own writes (InheritedRole, an enrolled row) emptied the map.
    this.admitted.set(endpointId, { cert, who });
    return who;
  }
}

/** Same verified chain (SHA-256 of each certificate) and trust, or both absent. */
function sameCertificate(a: PeerCertificate | undefined, b: PeerCertificate | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.untrusted !== b.untrusted || a.chain.length !== b.chain.length) return false;
  for (let i = 0; i < a.chain.length; i++) if (a.chain[i] !== b.chain[i]) return false;
  return true;
}
