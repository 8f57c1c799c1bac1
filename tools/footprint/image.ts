// What a preloaded image (xsl's mc.xs.c) is made of, read from the generated C: every array xsl
// writes and every literal its slots point to, in bytes of a 32-bit target (slots 16 B,
// pointers 4 B, txID 2 B). `npm run footprint` prints it for the agent and the empty module, so
// the flash figure is split by what it really is (byte code, preloaded heap, strings, keys)
// and not only by each feature's share of the source.
import { readFileSync } from 'node:fs';

export const SLOT_BYTES_32 = 16;

export interface ImageParts {
  /** Preloaded heap slots, and how many of each kind (XS_*_KIND without the prefix). */
  heapSlots: number;
  kinds: Record<string, number>;
  stackSlots: number;
  /** Byte code: the bytes of every distinct code literal (XS_CODE_X_KIND), NUL included. */
  codeBytes: number;
  codeChunks: number;
  /** String values (XS_STRING_X_KIND) and key names (XS_KEY_X_KIND), distinct literals. */
  stringBytes: number;
  keyNameBytes: number;
  /** Key table (gxKeys 4 B + gxColors 2 B per key), names and symbols tables, slot data. */
  keys: number;
  tableBytes: number;
  /** Compiled regular expressions and BigInt digits (txInteger / txU4 arrays). */
  regExpBytes: number;
  bigIntBytes: number;
  /** Heap slots by what holds them (objectsOf): each object's own slots, chain included. */
  objects: Record<string, { count: number; slots: number }>;
}

/** Bytes of a C string literal's body, once decoded, plus its NUL. */
function literalBytes(body: string): number {
  let n = 0;
  for (let i = 0; i < body.length; i++, n++) {
    if (body[i] !== '\\') continue;
    const c = body[i + 1];
    if (c === 'x') { i += 1; while (/[0-9a-fA-F]/.test(body[i + 1] ?? '') ) i++; }
    else if (/[0-7]/.test(c)) { let k = 0; while (k < 3 && /[0-7]/.test(body[i + 1] ?? '')) { i++; k++; } }
    else i++;
  }
  return n + 1;
}

const count = (text: string, name: string): number => {
  const m = new RegExp(`#define ${name} (\\d+)`).exec(text);
  return m ? Number(m[1]) : 0;
};

export function readImage(mcFile: string): ImageParts {
  const text = readFileSync(mcFile, 'utf8');
  const kinds: Record<string, number> = {};
  const code = new Set<string>();
  const strings = new Set<string>();
  const keyNames = new Set<string>();
  const heapStart = text.indexOf('static const txSlot gxHeap[mxHeapCount] =');
  const heapEnd = text.indexOf('static const txSlot gxStack[mxStackCount] =');
  const heapLines = text.slice(heapStart, heapEnd).split('\n');
  for (const line of heapLines) {
    const kind = /\.kind = XS_([A-Z_]+)_KIND\}/.exec(line)?.[1];
    if (!kind) continue;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    const literal = /\.(code|string|key) = \{? ?(?:\(txByte\*\))?"((?:[^"\\]|\\.)*)"/.exec(line);
    if (!literal) continue;
    (literal[1] === 'code' ? code : literal[1] === 'string' ? strings : keyNames).add(literal[2]);
  }
  const sum = (s: Set<string>) => [...s].reduce((n, b) => n + literalBytes(b), 0);
  const keys = count(text, 'mxKeysCount');
  return {
    heapSlots: count(text, 'mxHeapCount'), kinds, stackSlots: count(text, 'mxStackCount'),
    codeBytes: sum(code), codeChunks: code.size, stringBytes: sum(strings), keyNameBytes: sum(keyNames),
    keys, tableBytes: keys * 6 + (count(text, 'mxNamesCount') + count(text, 'mxSymbolsCount') + count(text, 'mxSlotCount')) * 4,
    regExpBytes: count(text, 'mxRegExpCount') * 4, bigIntBytes: count(text, 'mxBigIntCount') * 4,
    objects: objectsOf(heapLines),
  };
}

/**
 * Heap slots grouped by the object that holds them: an instance and the chain of its slots
 * (`next`), named by its first slot: a function's code (byte code or built-in), a closure
 * environment (XS_ENVIRONMENT_BEHAVIOR, 4), an array, map or set, a regular expression, any other
 * object. Slots in no chain are array items, keys, closure targets (module bindings), map entries.
 */
function objectsOf(lines: string[]): Record<string, { count: number; slots: number }> {
  const slots = new Map<number, { next: number; id: string; kind: string }>();
  for (const line of lines) {
    // an array item's `next` is its index: (txSlot*)N
    const m = /^\/\* (\d+) \*\/\t\{ (?:NULL|\(txSlot\*\)(\d+)|\(txSlot\*\)&gxHeap\[(\d+)\]), \{\.ID = ([^,]+), [^}]*\.kind = XS_([A-Z_]+)_KIND\}/.exec(line);
    if (m) slots.set(Number(m[1]), { next: m[3] === undefined ? -1 : Number(m[3]), id: m[4], kind: m[2] === undefined ? m[5] : 'ITEM' });
  }
  const out: Record<string, { count: number; slots: number }> = {};
  const add = (name: string, n: number) => { const o = (out[name] ??= { count: 0, slots: 0 }); o.count++; o.slots += n; };
  let chained = 0;
  // xsl shares a function's home slot with the next functions that have the same (fxPrepareHome):
  // a slot already counted in another chain is not counted again
  const counted = new Set<number>();
  for (const s of slots.values()) {
    if (s.kind !== 'INSTANCE') continue;
    let n = 1;
    const first = slots.get(s.next);
    for (let i = s.next, at = first; at && !counted.has(i); i = at.next, at = slots.get(i)) { counted.add(i); n++; }
    chained += n;
    const k = first?.kind;
    add(k === 'CODE_X' || k === 'CODE' ? 'functions' : k === 'CALLBACK_X' || k === 'CALLBACK' ? 'built-in functions'
      : first?.id === '4' ? 'closure environments' : k === 'ARRAY' ? 'arrays' : k === 'MAP' || k === 'SET' ? 'maps and sets'
        : k === 'REGEXP' ? 'regular expressions' : 'other objects', n);
  }
  const keys = [...slots.values()].filter((s) => s.kind === 'KEY_X').length;
  const items = [...slots.values()].filter((s) => s.kind === 'ITEM').length;
  out['array items'] = { count: 0, slots: items };
  out['keys'] = { count: keys, slots: keys };
  out['in no object (module bindings, map entries)'] = { count: 0, slots: slots.size - chained - keys - items };
  return out;
}

/** Rows of "what the image is made of", each agent - empty in bytes; `rest` is what C adds. */
export function imageRows(agent: ImageParts, empty: ImageParts): { name: string; bytes: number; detail: string }[] {
  const d = (f: (p: ImageParts) => number) => f(agent) - f(empty);
  const kindRows = Object.keys(agent.kinds)
    .map((k) => ({ k, n: agent.kinds[k] - (empty.kinds[k] ?? 0) }))
    .filter((r) => r.n !== 0).sort((a, b) => b.n - a.n);
  return [
    { name: 'preloaded heap (slots x 16)', bytes: d((p) => p.heapSlots * SLOT_BYTES_32), detail: `${d((p) => p.heapSlots)} slots: ` + kindRows.slice(0, 8).map((r) => `${r.n} ${r.k.toLowerCase()}`).join(', ') },
    // the heap row split by object (slots, agent - empty); 0 bytes: not counted again
    { name: '  heap by object', bytes: 0, detail: Object.keys(agent.objects).map((k) => {
      const o = agent.objects[k], e = empty.objects[k] ?? { count: 0, slots: 0 };
      return `${k} ${o.count - e.count ? `${o.count - e.count} (${o.slots - e.slots} slots)` : `${o.slots - e.slots} slots`}`;
    }).join(', ') },
    { name: 'byte code (xsc)', bytes: d((p) => p.codeBytes), detail: `${d((p) => p.codeChunks)} distinct code chunks` },
    { name: 'string values', bytes: d((p) => p.stringBytes), detail: 'distinct string literals' },
    { name: 'key names', bytes: d((p) => p.keyNameBytes), detail: `${d((p) => p.keys)} keys` },
    { name: 'key, name and symbol tables', bytes: d((p) => p.tableBytes), detail: 'gxKeys + gxColors, gxNames, gxSymbols, gxSlotData' },
    { name: 'regular expressions, BigInts', bytes: d((p) => p.regExpBytes + p.bigIntBytes), detail: 'compiled at build time' },
    { name: 'stack slots', bytes: d((p) => p.stackSlots * SLOT_BYTES_32), detail: `${d((p) => p.stackSlots)} slots` },
  ];
}
