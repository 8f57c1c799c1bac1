// USP 1.x path grammar (digest §3): parse a path string into segments, and format it back.
// Pure syntax: whether names exist is the resolver's job (7026); here only 7008.
import { ErrorCode, UspError } from '../errors.ts';
import type { ParsedPath, RefFollow, SearchOp, SearchTerm, Segment } from './api.ts';

/** Longest path accepted (TR-106 path strings are string(1024)); longer is 7008, not a crash. */
export const MAX_PATH_LENGTH = 1024;

type Rel = { name: string; follow?: RefFollow };

function bad(path: string, why: string): UspError {
  return new UspError(ErrorCode.INVALID_PATH_SYNTAX, `Invalid path syntax: ${why}`, path);
}

const isNameStart = (c: string) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_';
const isNameChar = (c: string) => isNameStart(c) || (c >= '0' && c <= '9');
const isDigit = (c: string) => c >= '0' && c <= '9';
const isSpace = (c: string) => c === ' ' || c === '\t';

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  peek(k = 0): string { return this.text.charAt(this.pos + k); }
  end(): boolean { return this.pos >= this.text.length; }
  skipSpaces(): void { while (isSpace(this.peek())) this.pos++; }
  eat(s: string): boolean {
    if (this.text.startsWith(s, this.pos)) { this.pos += s.length; return true; }
    return false;
  }
  name(): string {
    const start = this.pos;
    if (!isNameStart(this.peek())) throw bad(this.text, `name expected at ${start}`);
    while (isNameChar(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }
  posnum(): number {
    const start = this.pos;
    if (!isDigit(this.peek()) || this.peek() === '0') throw bad(this.text, `instance number expected at ${start}`);
    while (isDigit(this.peek())) this.pos++;
    const n = Number(this.text.slice(start, this.pos));
    if (!(n <= 0xffffffff)) throw bad(this.text, 'instance number too large');
    return n;
  }
  /** reffollow ::= ('#' (posnum | '*') '+') | '+' */
  follow(): RefFollow | undefined {
    if (this.eat('+')) return {};
    if (!this.eat('#')) return undefined;
    let index: number | '*';
    if (this.eat('*')) index = '*';
    else index = this.posnum();
    if (!this.eat('+')) throw bad(this.text, "'+' expected after '#'");
    return { index };
  }
}

const OPS: readonly SearchOp[] = Object.freeze(['==', '!=', '~=', '<=', '>=', '<', '>']);

/** %22 → '"', %25 → '%' (the only escapes of a search literal). */
export function unescapeLiteral(s: string): string {
  return s.split('%22').join('"').split('%25').join('%');
}
export function escapeLiteral(s: string): string {
  return s.replace(/%/g, '%25').replace(/"/g, '%22');
}

function parseTerm(c: Cursor): SearchTerm {
  c.skipSpaces();
  const rel: Rel[] = [];
  for (;;) {
    const name = c.name();
    const follow = c.follow();
    rel.push(follow ? { name, follow } : { name });
    if (c.peek() === '.') { c.pos++; continue; }
    if (follow) throw bad(c.text, "'.' expected after reference following");
    break;
  }
  c.skipSpaces();
  const op = OPS.find((o) => c.eat(o));
  if (!op) throw bad(c.text, `operator expected at ${c.pos}`);
  c.skipSpaces();
  let value: string;
  let quoted = false;
  if (c.eat('"')) {
    const close = c.text.indexOf('"', c.pos);
    if (close < 0) throw bad(c.text, 'unterminated literal');
    value = unescapeLiteral(c.text.slice(c.pos, close));
    c.pos = close + 1;
    quoted = true;
  } else {
    // number ::= '0' | '-'? posnum; '+123' / '0123' accepted (compared by value), decimals for
    // decimal parameters, true/false for booleans.
    const m = /^(?:[-+]?[0-9]+(?:\.[0-9]+)?|true|false)/.exec(c.text.slice(c.pos));
    if (!m) throw bad(c.text, `literal expected at ${c.pos}`);
    value = m[0];
    c.pos += value.length;
  }
  c.skipSpaces();
  return { rel, op, value, quoted };
}

function parseExpression(c: Cursor): Segment {
  const terms: SearchTerm[] = [];
  for (;;) {
    terms.push(parseTerm(c));
    if (c.eat('&&')) continue;
    if (c.eat(']')) return { kind: 'search', terms };
    throw bad(c.text, `'&&' or ']' expected at ${c.pos}`);
  }
}

/**
 * Parse an instantiated-DM path (or, with supported=true, a supported-DM path using '{i}').
 * Throws UspError 7008.
 */
export function parsePath(text: string, supported = false): ParsedPath {
  if (typeof text !== 'string' || text.length === 0) throw bad(String(text), 'empty path');
  if (text.length > MAX_PATH_LENGTH) throw bad(text.slice(0, 64), 'path too long');
  const c = new Cursor(text);
  const segments: Segment[] = [];
  let isSearch = false;
  // What may come next: a name only at the start, after an instance and after a reference.
  let prev: 'start' | 'object' | 'table' | 'instance' | 'ref' = 'start';
  for (;;) {
    const ch = c.peek();
    if (ch === '[' || ch === '*' || isDigit(ch) || ch === '{') {
      if (prev !== 'table') throw bad(text, `unexpected instance selector at ${c.pos}`);
      if (c.eat('[')) { segments.push(parseExpression(c)); isSearch = true; }
      else if (c.eat('*')) { segments.push({ kind: 'wildcard' }); isSearch = true; }
      else if (c.eat('{i}')) {
        if (!supported) throw bad(text, "'{i}' is only valid in supported-model paths");
        segments.push({ kind: 'placeholder' });
      } else if (ch === '{') throw bad(text, `'{i}' expected at ${c.pos}`);
      else segments.push({ kind: 'instance', n: c.posnum() });
      if (!c.eat('.')) throw bad(text, `'.' expected at ${c.pos}`);
      prev = 'instance';
      if (c.end()) break;
      continue;
    }
    const name = c.name();
    const follow = c.follow();
    if (follow) {
      if (supported) throw bad(text, 'reference following in a supported-model path');
      if (!c.eat('.')) throw bad(text, "'.' expected after reference following");
      segments.push({ kind: 'name', name, follow });
      isSearch = true;
      prev = 'ref';
      if (c.end()) break;
      continue;
    }
    if (c.eat('.')) {
      segments.push({ kind: 'name', name });
      prev = 'table'; // may or may not be a table: the resolver decides (7026)
      if (c.end()) break;
      continue;
    }
    if (segments.length === 0) throw bad(text, 'a path starts with an object name and a dot');
    if (c.end()) return { kind: 'parameter', segments, leaf: name, isSearch };
    if (c.eat('()') && c.end()) return { kind: 'command', segments, leaf: name + '()', isSearch };
    if (c.eat('!') && c.end()) return { kind: 'event', segments, leaf: name + '!', isSearch };
    throw bad(text, `unexpected character at ${c.pos}`);
  }
  return { kind: 'object', segments, leaf: '', isSearch };
}

function formatFollow(f: RefFollow | undefined): string {
  if (!f) return '';
  return f.index === undefined ? '+' : `#${f.index}+`;
}

function formatTerm(t: SearchTerm): string {
  const rel = t.rel.map((r) => r.name + formatFollow(r.follow)).join('.');
  return rel + t.op + (t.quoted ? `"${escapeLiteral(t.value)}"` : t.value);
}

/** Format a parsed path back to text (canonical: no whitespace in expressions). */
export function formatPath(p: ParsedPath): string {
  let out = '';
  for (const s of p.segments) {
    switch (s.kind) {
      case 'name': out += s.name + formatFollow(s.follow) + '.'; break;
      case 'instance': out += s.n + '.'; break;
      case 'wildcard': out += '*.'; break;
      case 'placeholder': out += '{i}.'; break;
      case 'search': out += '[' + s.terms.map(formatTerm).join('&&') + '].'; break;
    }
  }
  return out + p.leaf;
}
