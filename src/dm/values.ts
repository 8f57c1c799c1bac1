// TR-106 values: parse, validate and print parameter values in their lexical form (R-ENC.6).
// 7011 = does not parse as the type, 7012 = parses but out of range / not allowed.
import { ErrorCode, UspError } from '../errors.ts';
import type { ParamDef, ParamType, Value } from './api.ts';
import { HEX_DIGITS, allIn } from '../codec/hex.ts';

export const UNKNOWN_TIME = '0001-01-01T00:00:00Z';

/** Bound of a string-like value whose definition gives none (keeps records bounded). */
export const DEFAULT_MAX_LENGTH = 4096;

function typeErr(def: ParamDef, v: string): UspError {
  return new UspError(ErrorCode.INVALID_TYPE, `'${clip(v)}' is not a valid ${def.type}${def.list ? ' list' : ''}`);
}
function valueErr(def: ParamDef, v: string, why: string): UspError {
  return new UspError(ErrorCode.INVALID_VALUE, `'${clip(v)}' ${why} (${def.name})`);
}
const clip = (s: string) => (s.length > 40 ? s.slice(0, 40) + '...' : s);

// No preloaded regular expressions here: each costs flash for its compiled program (the dateTime
// one 1.4 KB, the decimal one 0.5 KB on XS, issue 10); these forms are checked by code instead.
const DIGITS = HEX_DIGITS.slice(0, 10);
const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';


/** `v` without a leading '+' or '-'. */
const unsigned = (v: string) => (v.charAt(0) === '-' || v.charAt(0) === '+' ? v.slice(1) : v);

/** [-+]?[0-9]+ */
function isInteger(v: string): boolean {
  const d = unsigned(v);
  return d !== '' && allIn(d, DIGITS, true);
}

/** [-+]?([0-9]+(.[0-9]*)?|.[0-9]+): digits with at most one '.', not the '.' alone. */
function isDecimal(v: string): boolean {
  const d = unsigned(v);
  return d !== '' && d !== '.' && allIn(d, DIGITS + '.', true) && d.indexOf('.') === d.lastIndexOf('.');
}

/** Does `s` from `at` follow `form`: a digit for each '0', '+' or '-' for '+', any other character as is? */
function follows(s: string, at: number, form: string): boolean {
  for (let i = 0; i < form.length; i++) {
    const c = s.charAt(at + i);
    const f = form.charAt(i);
    if (f === '0' ? DIGITS.indexOf(c) < 0 || c === '' : f === '+' ? c !== '+' && c !== '-' : c !== f) return false;
  }
  return true;
}

/**
 * 400 Gregorian years are exactly 146,097 days. Date.UTC maps the years 0-99 to 19xx, and 0001
 * matters (UNKNOWN_TIME): dates are computed 400 years later and shifted back.
 */
const ERA_MS = 146097 * 86400000;

/** Parse an ISO 8601 dateTime to [ms since epoch, microsecond remainder]; undefined if invalid. */
export function parseDateTime(s: string): { ms: number; micros: number } | undefined {
  // 'YYYY-MM-DDThh:mm:ss', then '.' and 1 to 6 digits, then 'Z', '+hh:mm', '-hh:mm' or nothing.
  if (!follows(s, 0, '0000-00-00T00:00:00')) return undefined;
  let end = 19; // where the zone starts
  let frac = '';
  if (s.charAt(19) === '.') {
    end = 20;
    while (follows(s, end, '0')) end++;
    frac = s.slice(20, end);
    if (frac.length < 1 || frac.length > 6) return undefined;
  }
  const zone = s.slice(end);
  if (zone !== '' && zone !== 'Z' && !(zone.length === 6 && follows(zone, 0, '+00:00'))) return undefined;
  const [y, mo, d, h, mi, sec] = [0, 5, 8, 11, 14, 17].map((at) => Number(s.slice(at, at ? at + 2 : 4)));
  if (y < 1 || h > 23 || mi > 59 || sec > 59) return undefined;
  const day = Date.UTC(y + 400, mo - 1, d) - ERA_MS;
  // A month or day out of range (13, 00, 31 Feb) rolls over: the date then prints differently.
  if (formatDateTime(day).slice(0, 10) !== s.slice(0, 10)) return undefined;
  frac = (frac + '000000').slice(0, 6);
  let offsetMin = 0;
  // TR-106: no zone means UTC for our purposes; an explicit offset is converted to UTC.
  if (zone.length === 6) {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offsetMin = (oh * 60 + om) * (zone.charAt(0) === '-' ? -1 : 1);
  }
  const ms = day + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + Number(frac.slice(0, 3));
  return { ms, micros: Number(frac.slice(3)) };
}

/** ms since the epoch (UTC) → canonical 'YYYY-MM-DDThh:mm:ss[.ffffff]Z'. */
export function formatDateTime(ms: number, micros = 0): string {
  // Whole ms only: some hosts (XS) report wall time with a fraction of a millisecond.
  const iso = new Date(Math.floor(ms)).toISOString(); // 'YYYY-MM-DDThh:mm:ss.sssZ'
  // The fraction's 6 digits without trailing zeros (no regular expression: XS compiles one per call).
  const frac = iso.slice(20, 23) + String(micros).padStart(3, '0');
  let end = 6;
  while (end > 0 && frac.charAt(end - 1) === '0') end--;
  return iso.slice(0, 19) + (end ? '.' + frac.slice(0, end) : '') + 'Z';
}

// --- one item (not a list) ---

/** Length bound of one item: the def's own for scalars; for list items the list bound caps them anyway. */
function itemMax(def: ParamDef): number {
  return def.list || def.maxLength === undefined ? DEFAULT_MAX_LENGTH : def.maxLength;
}

function canonicalInteger(def: ParamDef, v: string): string {
  if (!isInteger(v)) throw typeErr(def, v);
  const n = BigInt(v);
  // TR-106 ranges: (unsigned)Int 32 bits, (unsigned)Long 64 bits.
  const bits = def.type === 'int' || def.type === 'unsignedInt' ? 32n : 64n;
  const signed = def.type.charAt(0) !== 'u';
  const lo = signed ? -(1n << (bits - 1n)) : 0n;
  if (n < lo || n > lo + (1n << bits) - 1n) throw valueErr(def, v, `is out of the ${def.type} range`);
  if (def.min !== undefined && n < BigInt(def.min)) throw valueErr(def, v, `is below ${def.min}`);
  if (def.max !== undefined && n > BigInt(def.max)) throw valueErr(def, v, `is above ${def.max}`);
  return n.toString();
}

function canonicalItem(def: ParamDef, v: string): string {
  switch (def.type) {
    case 'boolean':
      if (v === 'true' || v === '1') return 'true';
      if (v === 'false' || v === '0') return 'false';
      throw typeErr(def, v);
    case 'int': case 'unsignedInt': case 'long': case 'unsignedLong':
      return canonicalInteger(def, v);
    case 'decimal': {
      if (!isDecimal(v)) throw typeErr(def, v);
      const n = Number(v);
      if (def.min !== undefined && n < Number(def.min)) throw valueErr(def, v, `is below ${def.min}`);
      if (def.max !== undefined && n > Number(def.max)) throw valueErr(def, v, `is above ${def.max}`);
      return String(n);
    }
    case 'dateTime': {
      const t = parseDateTime(v);
      if (!t) throw typeErr(def, v);
      return formatDateTime(t.ms, t.micros);
    }
    case 'base64': {
      // Base64 digits, then at most two '=' of padding.
      let end = v.length;
      if (v.charAt(end - 1) === '=') end--;
      if (v.charAt(end - 1) === '=') end--;
      if (v.length % 4 !== 0 || !allIn(v.slice(0, end), BASE64_DIGITS, true)) throw typeErr(def, v);
      const bytes = (v.length / 4) * 3 - (v.length - end);
      if (bytes > itemMax(def)) throw valueErr(def, v, 'is too long');
      return v;
    }
    case 'hexBinary': {
      if (v.length % 2 !== 0 || !allIn(v, HEX_DIGITS, true)) throw typeErr(def, v);
      if (v.length / 2 > itemMax(def)) throw valueErr(def, v, 'is too long');
      return v.toUpperCase();
    }
    case 'string':
      if (v.length > itemMax(def)) throw valueErr(def, v, `is longer than ${itemMax(def)}`);
      // A list or its comma-separated string alike (ParamDef.enum).
      if (def.enum && String(def.enum).split(',').indexOf(v) < 0) throw valueErr(def, v, 'is not an allowed value');
      if (def.pattern !== undefined && !new RegExp('^(?:' + def.pattern + ')$').test(v)) throw valueErr(def, v, 'does not match the pattern');
      return v;
  }
}

/** Split a TR-106 comma-separated list (items trimmed; '' is the empty list). */
export function splitList(v: string): string[] {
  if (v.trim() === '') return [];
  return v.split(',').map((s) => s.trim());
}

/**
 * Validate a lexical value for `def` and return its canonical form. Throws UspError 7011/7012
 * (path left for the caller to add).
 */
export function canonical(def: ParamDef, v: string): string {
  if (!def.list) return canonicalItem(def, def.type === 'string' ? v : v.trim());
  const items = splitList(v);
  if (def.maxItems !== undefined && items.length > def.maxItems) throw valueErr(def, v, `has more than ${def.maxItems} items`);
  const out = items.map((i) => canonicalItem(def, i)).join(',');
  const max = def.maxLength === undefined ? DEFAULT_MAX_LENGTH : def.maxLength;
  if (out.length > max) throw valueErr(def, v, `is longer than ${max}`);
  return out;
}

/** The value a parameter has when nothing set it: its default, else the type's zero value. */
export function zeroValue(def: ParamDef): string {
  if (def.default !== undefined) return def.default;
  if (def.list) return '';
  switch (def.type) {
    case 'boolean': return 'false';
    case 'int': case 'unsignedInt': case 'long': case 'unsignedLong': case 'decimal': return '0';
    case 'dateTime': return UNKNOWN_TIME;
    default: return '';
  }
}

/** A handler's typed value → canonical lexical string (dateTime numbers are ms since the epoch). */
export function formatValue(def: { type: ParamType; list?: boolean; name: string }, v: Value): string {
  // Strings as they are, booleans 'true'/'false', bigints in decimal.
  if (typeof v !== 'number') return String(v);
  return def.type === 'dateTime' ? formatDateTime(v) : String(def.type === 'decimal' ? v : Math.trunc(v));
}

const isIntegerType = (t: ParamType) => t === 'int' || t === 'unsignedInt' || t === 'long' || t === 'unsignedLong';

/**
 * A search literal against a parameter type (digest §3): returns a comparable key, or undefined
 * when the literal is not valid for that type (the expression is then 7008).
 */
export function literalKey(type: ParamType, literal: string, quoted: boolean): string | number | bigint | undefined {
  if (isIntegerType(type)) {
    if (quoted || !isInteger(literal)) return undefined;
    return BigInt(literal);
  }
  if (type === 'decimal') return quoted ? undefined : Number(literal);
  if (type === 'boolean') {
    // 1.2+: a string literal against a boolean is invalid; 1 == true.
    if (quoted) return undefined;
    if (literal === 'true' || literal === '1') return 'true';
    if (literal === 'false' || literal === '0') return 'false';
    return undefined;
  }
  if (type === 'dateTime') {
    if (!quoted) return undefined;
    const t = parseDateTime(literal);
    return t ? t.ms * 1000 + t.micros : undefined;
  }
  return literal;
}

/** A stored canonical value as the same comparable key as literalKey (a dateTime as if quoted). */
export function valueKey(type: ParamType, stored: string): string | number | bigint {
  const k = literalKey(type, stored, type === 'dateTime');
  return k !== undefined ? k : type === 'dateTime' ? 0 : 0n;
}

/** Which operators a type allows: ordering only for numbers and dateTime (digest §3). */
export function operatorAllowed(type: ParamType, list: boolean, op: string): boolean {
  if (op === '~=') return list;
  if (op === '==' || op === '!=') return true;
  return !list && (isIntegerType(type) || type === 'decimal' || type === 'dateTime');
}
