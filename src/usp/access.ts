// Access control (R-SEC.1; digest §9.4): the permissions a Controller's roles grant on a path.
// Data comes from Device.LocalAgent.ControllerTrust.Role.{i}[.Permission.{i}] (read by
// access-source.ts); this file is the pure evaluation:
//  - each Permission has Targets (paths or partial paths; `*` or `{i}` stand for any instance)
//    and four strings Param, Obj, InstantiatedObj, CommandEvent in the fixed order "rwxn";
//  - within one Role, of the enabled Permissions whose Targets cover the path, the highest
//    Order wins (ties: the later Permission instance); across Roles the grants are ORed.
// Search expressions (`[...]`) inside Targets are not supported: such a target covers nothing.

/** Bits of a permission mask. */
export const Perm = Object.freeze({
  PARAM_READ: 1 << 0, // Param r: Get, GetSupportedDM of the parameter
  PARAM_WRITE: 1 << 1, // Param w: Set / Add param_settings
  PARAM_NOTIFY: 1 << 3, // Param n: ValueChange subscriptions
  OBJ_READ: 1 << 4, // Obj r: GetSupportedDM of the object
  OBJ_ADD: 1 << 5, // Obj w: Add
  OBJ_NOTIFY: 1 << 7, // Obj n: ObjectCreation subscriptions
  INST_READ: 1 << 8, // InstantiatedObj r: GetInstances, the object in Get results
  INST_DELETE: 1 << 9, // InstantiatedObj w: Delete
  INST_NOTIFY: 1 << 11, // InstantiatedObj n: ObjectDeletion subscriptions
  CMD_READ: 1 << 12, // CommandEvent r: GetSupportedDM of commands/events
  CMD_EXECUTE: 1 << 14, // CommandEvent x: Operate
  CMD_NOTIFY: 1 << 15, // CommandEvent n: Event / OperationComplete subscriptions
});

export const ALL_PERMS = 0xffff;

export interface PermissionData {
  enable: boolean;
  order: number;
  /** Targets, already split from the comma-separated list. */
  targets: string[];
  param: string;
  obj: string;
  instantiatedObj: string;
  commandEvent: string;
}

export interface RoleData {
  enable: boolean;
  permissions: PermissionData[];
}

interface CompiledPermission {
  order: number;
  mask: number;
  targets: string[][];
}

/** "rwxn"-style string (with '-' for absent) → 4 bits, shifted into its group. */
export function parsePermissionString(s: string, shift: number): number {
  let bits = 0;
  for (let i = 0; i < 4 && i < s.length; i++) {
    if (s.charAt(i) === 'rwxn'.charAt(i)) bits |= 1 << i;
  }
  return bits << shift;
}


/** Does target (segments) cover path (segments)? */
function covers(target: string[], path: string[]): boolean {
  const objTarget = target[target.length - 1] === '';
  const n = objTarget ? target.length - 1 : target.length;
  // A parameter/command/event target addresses exactly that element.
  if (!objTarget && path.length !== n) return false;
  if (path.length < n) {
    // The path is a (shorter) object path, e.g. "Device.X." versus target "Device.X.1.": the
    // target does not cover the whole object. One exception: the table "Device.X." versus
    // target "Device.X.*." — still not the table itself, so no.
    return false;
  }
  for (let i = 0; i < n; i++) {
    const t = target[i];
    const p = path[i];
    if (t === p) continue;
    if ((t === '*' || t === '{i}') && (isInstance(p) || p === '{i}' || p === '*')) continue;
    return false;
  }
  return true;
}

function isInstance(seg: string): boolean {
  const c = seg.charCodeAt(0);
  return c >= 0x31 && c <= 0x39; // instance numbers are posnum (no leading 0)
}

/**
 * The union of what a set of Roles grants, with a bounded per-path cache. Build one per
 * (role set, ControllerTrust generation) and drop it when ControllerTrust changes.
 */
export class RoleSet {
  private readonly roles: CompiledPermission[][];
  private readonly cache = new Map<string, number>();
  private readonly objCache = new Map<string, number>();
  private readonly cacheLimit: number;

  constructor(roles: RoleData[], cacheLimit = 512) {
    this.cacheLimit = cacheLimit;
    this.roles = [];
    for (const role of roles) {
      if (!role.enable) continue;
      const perms: CompiledPermission[] = [];
      for (const p of role.permissions) {
        if (!p.enable) continue;
        const mask =
          parsePermissionString(p.param, 0) |
          parsePermissionString(p.obj, 4) |
          parsePermissionString(p.instantiatedObj, 8) |
          parsePermissionString(p.commandEvent, 12);
        const targets: string[][] = [];
        for (const t of p.targets) {
          const tt = t.trim();
          if (tt === '' || tt.indexOf('[') >= 0) continue;
          targets.push(tt.split('.')); // an object path keeps a trailing '' segment (it is a prefix)
        }
        perms.push({ order: p.order, mask, targets });
      }
      this.roles.push(perms);
    }
  }

  /** Permission mask on `path` (an instantiated or supported path; objects end in "."). */
  mask(path: string): number {
    const hit = this.cache.get(path);
    if (hit !== undefined) return hit;
    const segs = path.split('.');
    let mask = 0;
    for (const perms of this.roles) {
      let bestOrder = -1;
      let best = 0;
      for (const p of perms) {
        if (p.order < bestOrder) continue;
        for (const t of p.targets) {
          if (covers(t, segs)) {
            bestOrder = p.order;
            best = p.mask;
            break;
          }
        }
      }
      mask |= best;
    }
    if (this.cache.size >= this.cacheLimit) this.cache.clear();
    this.cache.set(path, mask);
    return mask;
  }

  can(path: string, bit: number): boolean {
    return (this.mask(path) & bit) !== 0;
  }

  /** Param r on `path`: an Access is also the ResolveOptions of the Controller's searches (R-SEC.1). */
  canRead(path: string): boolean {
    return (this.mask(path) & Perm.PARAM_READ) !== 0;
  }

  /**
   * The mask that holds for every parameter directly in object `objPath`, or -1 when some
   * Target points inside the object (then ask per parameter). Lets Get check an object once.
   */
  objectParamMask(objPath: string): number {
    const hit = this.objCache.get(objPath);
    if (hit !== undefined) return hit;
    const segs = objPath.split('.');
    const n = segs.length - 1;
    let uniform = true;
    for (const perms of this.roles) {
      for (const p of perms) {
        for (const t of p.targets) {
          const depth = t[t.length - 1] === '' ? t.length - 1 : t.length;
          // Deeper targets, or a same-depth one that overlaps without covering ({i} paths).
          if (depth < n || covers(t, segs)) continue;
          // Could t address something under segs? (Written out here, its one caller; issue 10.)
          let overlap = true;
          for (let i = 0; i < n && overlap; i++) {
            const a = t[i];
            const b = segs[i];
            const aAny = a === '*' || a === '{i}';
            const bAny = b === '*' || b === '{i}';
            overlap = a === b || (aAny && (isInstance(b) || bAny)) || (bAny && isInstance(a));
          }
          if (overlap) uniform = false;
        }
      }
    }
    const m = uniform ? this.mask(objPath) : -1;
    if (this.objCache.size >= this.cacheLimit) this.objCache.clear();
    this.objCache.set(objPath, m);
    return m;
  }
}

/**
 * A RoleSet that grants everything (tests of the handlers; never a Controller). Unused by the
 * agent itself, so pure: the bundle leaves it out (issue 10).
 */
export const FULL_ACCESS: Access = /* @__PURE__ */ Object.freeze({
  mask: (_path: string) => ALL_PERMS,
  can: (_path: string, _bit: number) => true,
  canRead: (_path: string) => true,
  objectParamMask: (_objPath: string) => ALL_PERMS,
});

export type Access = Pick<RoleSet, 'mask' | 'can' | 'canRead' | 'objectParamMask'>;

/**
 * The unique keys of instance `instPath` that `access` may read, for an Add result (R-ADD.6),
 * GetInstances (R-GIN.1) and ObjectCreation (R-SEC.1): unreadable keys are left out.
 */
export function readableKeys(access: Access, instPath: string, keys: { readonly [name: string]: string }): Map<string, string> {
  const out = new Map<string, string>();
  for (const k in keys) if (access.canRead(instPath + k)) out.set(k, keys[k]);
  return out;
}
