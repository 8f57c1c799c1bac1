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
import { controllerRowOf, type CertificateTrust } from './trust.ts';


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
        trust.invalidate();
        this.admitted.clear();
      }
      if (who) this.invalidate();
    });
  }

  /** Forget every cached identity and role set (ControllerTrust or Controller table changed). */
  invalidate(): void {
    this.byEndpoint.clear();
    this.roleSets.clear();
    this.admitted.clear();
  }

  identify(endpointId: string): Identification {
    const hit = this.byEndpoint.get(endpointId);
    if (hit) return hit;
    const found = this.lookup(endpointId);
    if (this.byEndpoint.size >= 16) this.byEndpoint.clear(); // a bounded cache of recent senders
    this.byEndpoint.set(endpointId, found);
    return found;
  }

  private lookup(endpointId: string): Identification {
    const row = controllerRowOf(this.engine, endpointId);
    // A disabled Controller entry: the Agent does not talk to it (its Records are dropped).
    if (row !== undefined && valueOf(this.engine, row + 'Enable') === 'false') return { ok: false, why: 'controller disabled' };
    // A revoked certificate: BannedRole only (§9.4). §9.3 Determine-role: no AssignedRole and no
    // InheritedRole → UntrustedRole.
    const roles = this.banned.has(endpointId) ? this.list(CONTROLLER_TRUST + 'BannedRole')
      : row === undefined ? this.list(CONTROLLER_TRUST + 'UntrustedRole')
      : this.list(row + 'AssignedRole').concat(this.list(row + 'InheritedRole'));
    return { ok: true, requester: { endpointId, controllerPath: row, access: this.roleSet(roles) } };
  }

  /**
   * A Record's sender, as its link authenticated it: Check-cert of its certificate (if any),
   * then Determine-role (§9.3): the row's InheritedRole follows the certificate of this session
   * (none without a certificate), and an unknown sender is enrolled (see enroll()).
   */
  admit(endpointId: string, cert?: PeerCertificate): Identification {
    const hit = this.admitted.get(endpointId);
    // Nothing it read changed since: judging again would give the same answer and change nothing.
    if (hit && hit.cert === cert) return hit.who;
    const who = this.judge(endpointId, cert);
    if (this.admitted.size >= 16) this.admitted.clear(); // bounded, like byEndpoint
    // Kept after judge(): its own writes (InheritedRole, an enrolled row) emptied the map.
    this.admitted.set(endpointId, { cert, who });
    return who;
  }

  /**
   * A revoked certificate (§9.3 Check-cert, optional revocation check) bans its sender:
   * BannedRole only, and no row is made for an unknown sender; a row's InheritedRole shows
   * BannedRole while it lasts. A certificate that is not revoked lifts the ban.
   */
  private judge(endpointId: string, cert: PeerCertificate | undefined): Identification {
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
    if (row === undefined) return banned ? who : this.enroll(endpointId, inherited, tofu ? cert : undefined);
    if (valueOf(this.engine, row + 'InheritedRole') === inherited) return who;
    this.setInherited(row, inherited);
    return this.identify(endpointId);
  }

  /** InheritedRole follows the current session's certificate (R-SEC.21, R-SEC.25); a refused write changes nothing. */
  private setInherited(row: string, role: string): void {
    const txn = this.engine.begin();
    try {
      txn.agentSet(row + 'InheritedRole', role);
      txn.commit();
    } catch {
      txn.rollback();
    }
  }

  /**
   * §9.3 Determine-role for a Controller we have no row for (no AssignedRole, no certificate
   * role): a Controller.{i} row is created with AssignedRole = UntrustedRole (stored), so an
   * operator sees it and a challenge can elevate it. Rows whose only role is Untrusted take at
   * most half of the table's bound (board instancesPerTable), so unknown senders (any from_id
   * on an unauthenticated link) cannot crowd out the Controllers an operator adds; beyond that,
   * or at the engine's bound (7005), no row is made and the Records are answered with
   * UntrustedRole as before.
   */
  enroll(endpointId: string, inherited = '', tofuCert?: PeerCertificate): Identification {
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
      if (tofuCert) this.trust.store(txn, path, tofuCert);
      txn.commit();
    } catch {
      txn.rollback();
      if (tofuCert) return { ok: false, why: 'the TOFU Controller and its certificate could not be stored' };
    }
    return this.identify(endpointId);
  }

  private roleSet(rolePaths: string[]): RoleSet {
    const key = rolePaths.join(',');
    let set = this.roleSets.get(key);
    if (!set) {
      const roles: RoleData[] = [];
      for (const p of rolePaths) {
        const r = this.readRole(p);
        if (r) roles.push(r);
      }
      set = new RoleSet(roles);
      this.roleSets.set(key, set);
    }
    return set;
  }

  private readRole(rolePath: string): RoleData | undefined {
    const path = rolePath.charAt(rolePath.length - 1) === '.' ? rolePath : rolePath + '.';
    if (path.lastIndexOf(CONTROLLER_TRUST + 'Role.', 0) !== 0 || !this.engine.exists(path)) return undefined;
    const permissions: PermissionData[] = [];
    for (const r of rowsOf(this.engine, path + 'Permission.')) {
      permissions.push({
        enable: valueOf(this.engine, r.path + 'Enable') === 'true',
        order: Number(valueOf(this.engine, r.path + 'Order')) || 0,
        targets: splitList(valueOf(this.engine, r.path + 'Targets')),
        param: valueOf(this.engine, r.path + 'Param'),
        obj: valueOf(this.engine, r.path + 'Obj'),
        instantiatedObj: valueOf(this.engine, r.path + 'InstantiatedObj'),
        commandEvent: valueOf(this.engine, r.path + 'CommandEvent'),
      });
    }
    return { enable: valueOf(this.engine, path + 'Enable') === 'true', permissions };
  }

  private list(path: string): string[] {
    return splitList(valueOf(this.engine, path));
  }
}
