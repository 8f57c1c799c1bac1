// Subscription TriggerAction (TR-181 2.16, USP 1.3; digest §4.1): Config / NotifyAndConfig
// apply the subscription's TriggerConfigSettings on the device when it triggers. The settings are
// a JSON object of parameter path → value ({"Device.DeviceInfo.FriendlyName":"alarm"}), applied
// as one transaction on behalf of the Recipient Controller with its write permissions, after
// the change that triggered it has been committed (never inside another transaction).
import type { Engine } from '../dm/api.ts';
import { Perm, type Access } from '../usp/access.ts';

export interface ConfigSetting { readonly path: string; readonly value: string }

/**
 * Parse a JSON object whose members are all strings into path/value pairs, or undefined if it
 * is anything else. Hand-written rather than JSON.parse: on XS every property name JSON.parse
 * makes would be a key kept for the machine's life, and these names come from a Controller.
 */
export function parseConfigSettings(text: string, maxPairs: number): ConfigSetting[] | undefined {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\r\n'.indexOf(text.charAt(i)) >= 0) i++; };
  const str = (): string | undefined => {
    if (text.charAt(i) !== '"') return undefined;
    let out = '';
    for (i++; i < text.length; i++) {
      const c = text.charAt(i);
      if (c === '"') { i++; return out; }
      if (c < ' ') return undefined;
      if (c !== '\\') { out += c; continue; }
      const e = text.charAt(++i);
      const simple = '"\\/bfnrt'.indexOf(e);
      if (simple >= 0) { out += '"\\/\b\f\n\r\t'.charAt(simple); continue; }
      if (e !== 'u' || !/^[0-9a-fA-F]{4}$/.test(text.substr(i + 1, 4))) return undefined;
      out += String.fromCharCode(parseInt(text.substr(i + 1, 4), 16));
      i += 4;
    }
    return undefined;
  };
  const pairs: ConfigSetting[] = [];
  ws();
  if (text.charAt(i++) !== '{') return undefined;
  ws();
  if (text.charAt(i) === '}') { i++; ws(); return i === text.length ? pairs : undefined; }
  for (;;) {
    ws();
    const path = str();
    ws();
    if (path === undefined || text.charAt(i++) !== ':') return undefined;
    ws();
    const value = str();
    if (value === undefined || pairs.length >= maxPairs) return undefined;
    pairs.push({ path, value });
    ws();
    const c = text.charAt(i++);
    if (c === '}') break;
    if (c !== ',') return undefined;
  }
  ws();
  return i === text.length ? pairs : undefined;
}

export interface PendingConfig { readonly sub: string; readonly endpointId: string; readonly controller: string; readonly settings: string }

/**
 * Apply each triggered configuration the notifier queued (at most notificationsPerController):
 * all of it or (on any failure: no permission, bad value) none.
 */
export function applyConfigs(engine: Engine, todo: readonly PendingConfig[], access: (endpointId: string) => Access | undefined, log: (level: 'warn', m: string) => void): void {
  for (const p of todo) {
    const pairs = parseConfigSettings(p.settings, MAX_PAIRS);
    const acc = access(p.endpointId);
    if (!pairs || !acc) continue;
    const txn = engine.begin({ endpointId: p.endpointId, controllerPath: p.controller });
    try {
      for (const s of pairs) {
        for (const t of engine.resolve(s.path).targets) {
          if (!t.name || !acc.can(t.path, Perm.PARAM_WRITE)) throw new Error(`${t.path} is not writable for ${p.endpointId}`);
          txn.set(t.path, s.value);
        }
      }
      txn.commit();
    } catch (e) {
      txn.rollback();
      log('warn', `notify: TriggerConfigSettings of ${p.sub} not applied: ${(e as Error).message}`);
    }
  }
}

/** Bound on the pairs of one TriggerConfigSettings (its value is also bounded: 1024 characters). */
export const MAX_PAIRS = 16;
