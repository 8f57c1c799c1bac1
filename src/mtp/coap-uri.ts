// coap:// and coaps:// URIs as the USP CoAP binding uses them (reply-to, Controller MTP address),
// and IP literal comparison for the reply-to reflection check. No URL global on XS: a small
// parser for exactly this shape: scheme "://" host [":" port] ["/" path], no query, no fragment.

import { allIn, HEX_DIGITS } from '../codec/hex.ts';

export interface CoapUri {
  scheme: 'coap' | 'coaps';
  /** Host without brackets (an IPv6 literal is bare). */
  host: string;
  port: number;
  path: string[];
}

/** A URL's parts as written: scheme "://" host [":" port] path (port -1 when absent). */
export interface UrlParts { scheme: string; host: string; port: number; path: string }

/**
 * Splits scheme "://" authority path, or undefined when the authority is malformed. The host is a
 * bracketed IPv6 literal (kept in its brackets) or a name whose characters are all in `name`
 * (`nameIn`) or none is (!`nameIn`); the port 1..5 digits. A hand parser, not a regexp: on XS a
 * preloaded regexp is ~1 KB of flash.
 */
export function splitUrl(text: string, name: string, nameIn: boolean): UrlParts | undefined {
  const sep = text.indexOf('://');
  const rest = text.slice(sep + 3);
  const slash = rest.indexOf('/');
  const auth = slash < 0 ? rest : rest.slice(0, slash);
  const bracket = auth[0] === '[';
  const colon = auth.indexOf(':');
  const hostEnd = bracket ? auth.indexOf(']') + 1 : colon < 0 ? auth.length : colon;
  const host = auth.slice(0, hostEnd);
  const portText = auth.slice(hostEnd + 1);
  if (sep < 0 || host === '' || !(bracket ? host.length > 2 && allIn(host.slice(1, -1), HEX_DIGITS + ':.', true) : allIn(host, name, nameIn))) return undefined;
  if (hostEnd < auth.length && (auth[hostEnd] !== ':' || !isDigits(portText, 5, false))) return undefined;
  return { scheme: text.slice(0, sep), host, port: hostEnd < auth.length ? parseInt(portText, 10) : -1, path: slash < 0 ? '' : rest.slice(slash) };
}

// The same language as the former regexp
// /^(coaps?):\/\/(\[[0-9A-Fa-f:.]+\]|[^\/\[\]:?#@]+)(?::(\d{1,5}))?(\/[^?#]*)?$/i
// (the reference in test/mtp/coap-uri.test.ts).
export function parseCoapUri(text: string): CoapUri | undefined {
  const u = splitUrl(text, '[]?#@', false);
  const scheme = u && u.scheme.toLowerCase();
  if (!u || (scheme !== 'coap' && scheme !== 'coaps') || !allIn(u.path, '?#', false)) return undefined;
  const host = u.host[0] === '[' ? u.host.slice(1, -1) : u.host;
  const port = u.port >= 0 ? u.port : (scheme === 'coaps' ? 5684 : 5683);
  if (port < 1 || port > 65535) return undefined;
  const path: string[] = [];
  for (const seg of u.path.split('/')) {
    if (seg === '') continue;
    const decoded = percentDecode(seg);
    if (decoded === undefined) return undefined;
    path.push(decoded);
  }
  return { scheme: scheme as CoapUri['scheme'], host, port, path };
}

export function formatCoapUri(u: CoapUri): string {
  const host = u.host.indexOf(':') >= 0 ? '[' + u.host + ']' : u.host;
  return u.scheme + '://' + host + ':' + u.port + '/' + u.path.map(percentEncode).join('/');
}

/** Config path ("/e/agent1", "usp") as Uri-Path segments. */
export function pathSegments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function percentDecode(seg: string): string | undefined {
  if (seg.indexOf('%') < 0) return seg;
  // Only ASCII escapes are decoded; the rest of the path is left alone (enough for USP paths).
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    if (seg[i] !== '%') {
      out += seg[i];
      continue;
    }
    const h = seg.slice(i + 1, i + 3);
    if (h.length !== 2 || !isDigits(h, 2, true)) return undefined;
    const c = parseInt(h, 16);
    if (c >= 0x80) return undefined;
    out += String.fromCharCode(c);
    i += 2;
  }
  return out;
}

function percentEncode(seg: string): string {
  // A literal here, not a module constant: replace() writes lastIndex of a global RegExp, which
  // a preloaded (read-only) one refuses.
  return seg.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]/g, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x80 ? '%' + (n < 16 ? '0' : '') + n.toString(16).toUpperCase() : c;
  });
}

/**
 * Canonical text of an IP literal (IPv4 dotted quad; IPv6 as eight lowercase groups; an
 * IPv4-mapped IPv6 address becomes its IPv4 form), or undefined for a host name.
 */
export function canonicalIp(host: string): string | undefined {
  const v4 = ipv4(host);
  if (v4) return v4.join('.');
  const v6 = ipv6(host.toLowerCase());
  if (!v6) return undefined;
  if (v6[0] === 0 && v6[1] === 0 && v6[2] === 0 && v6[3] === 0 && v6[4] === 0 && v6[5] === 0xffff) {
    return [v6[6] >> 8, v6[6] & 255, v6[7] >> 8, v6[7] & 255].join('.');
  }
  return v6.map((g) => g.toString(16)).join(':');
}

/** True when both are IP literals naming the same address. */
export function sameIp(a: string, b: string): boolean {
  const x = canonicalIp(a);
  return x !== undefined && x === canonicalIp(b);
}

function ipv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    // 0..255 in decimal, no leading zero (which some parsers read as octal)
    if (!isDigits(p, 3, false) || (p.length > 1 && p[0] === '0')) return undefined;
    const n = parseInt(p, 10);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function ipv6(s: string): number[] | undefined {
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const lastColon = s.lastIndexOf(':');
  if (lastColon < 0) return undefined;
  if (s.indexOf('.', lastColon) >= 0) {
    // Embedded IPv4 tail (::ffff:192.0.2.1): rewrite it as two hex groups.
    const v4 = ipv4(s.slice(lastColon + 1));
    if (!v4) return undefined;
    s = s.slice(0, lastColon + 1) + ((v4[0] << 8) | v4[1]).toString(16) + ':' + ((v4[2] << 8) | v4[3]).toString(16);
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !rest) return undefined;
  const known = head.length + rest.length;
  if (halves.length === 2) {
    if (known > 7) return undefined;
    const zeros: number[] = [];
    for (let i = known; i < 8; i++) zeros.push(0);
    return head.concat(zeros, rest);
  }
  return known === 8 ? head : undefined;
}

function groups(h: string): number[] | undefined {
  if (h === '') return [];
  const out: number[] = [];
  for (const g of h.split(':')) {
    if (!isDigits(g, 4, true)) return undefined;
    out.push(parseInt(g, 16));
  }
  return out;
}

/** `s` is 1..max decimal digits, or hex digits (either case) when `hex`. */
function isDigits(s: string, max: number, hex: boolean): boolean {
  return s.length >= 1 && s.length <= max && allIn(s, hex ? HEX_DIGITS : '0123456789', true);
}
