// The map<string,string> fields the decoder produces: keys and values in two arrays, in wire
// order. Not a plain object, because on XS every distinct property name becomes a key that is
// never freed (a Controller could exhaust them with Operate argument names;
// test/engines/xs-keys.test.ts). Not a Map, because USP maps are small and a Map's hash table,
// grown twice on the way to ten entries, was most of the cost of decoding a GetResp.
// Lookups scan up to LINEAR entries, then go through an index built on first need, so a large
// map (bounded by the message size) is never quadratic.
const LINEAR = 16;

export class EntryMap implements ReadonlyMap<string, string> {
  private readonly k: string[] = [];
  private readonly v: string[] = [];
  private index: Map<string, number> | undefined = undefined;
  private seen = 0;

  get size(): number {
    return this.k.length;
  }

  /**
   * Adds an entry; a key already present keeps its place and takes the new value (protobuf: the
   * last one wins). `hint` is any cheap function of the key (equal keys, equal hints): a 32-bit
   * filter of the hints seen skips the search for a duplicate for most new keys.
   */
  put(key: string, value: string, hint: number): void {
    const bit = 1 << (hint & 31);
    if ((this.seen & bit) !== 0 || this.index !== undefined) {
      const i = this.find(key);
      if (i >= 0) {
        this.v[i] = value;
        return;
      }
    }
    this.seen |= bit;
    this.k.push(key);
    this.v.push(value);
    if (this.index !== undefined) this.index.set(key, this.k.length - 1);
  }

  /**
   * Adds an entry whose key the caller knows is not present (an object's parameter names, which
   * the schema keeps unique): no search. Later put() calls then always search.
   */
  append(key: string, value: string): void {
    this.seen = -1;
    this.k.push(key);
    this.v.push(value);
    if (this.index !== undefined) this.index.set(key, this.k.length - 1);
  }

  private find(key: string): number {
    const k = this.k;
    if (this.index === undefined) {
      if (k.length <= LINEAR) {
        for (let i = 0; i < k.length; i++) if (k[i] === key) return i;
        return -1;
      }
      const index = new Map<string, number>();
      for (let i = 0; i < k.length; i++) index.set(k[i], i);
      this.index = index;
    }
    const i = this.index.get(key);
    return i === undefined ? -1 : i;
  }

  get(key: string): string | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : this.v[i];
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  forEach(fn: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    const k = this.k;
    const v = this.v;
    for (let i = 0; i < k.length; i++) fn.call(thisArg, v[i], k[i], this);
  }

  // Iteration over a snapshot, by the arrays' own iterators: no generator functions (their
  // machinery and prototype objects cost the device bundle flash; issue 10). A decoded map is
  // not changed after decoding, so a snapshot iterates what a live view would.
  entries(): IterableIterator<[string, string]> {
    const pairs: [string, string][] = [];
    for (let i = 0; i < this.k.length; i++) pairs.push([this.k[i], this.v[i]]);
    return pairs.values();
  }

  keys(): IterableIterator<string> {
    return this.k.slice().values();
  }

  values(): IterableIterator<string> {
    return this.v.slice().values();
  }

  /** entries() itself (set below: one function, not a second that calls it; issue 10). */
  declare [Symbol.iterator]: () => IterableIterator<[string, string]>;
}
(EntryMap.prototype as { [Symbol.iterator]: () => IterableIterator<[string, string]> })[Symbol.iterator] = EntryMap.prototype.entries;

/** A decoded map field or a Map (what a StringMap field may hold). */
export function isStringMap(x: unknown): x is ReadonlyMap<string, string> {
  return x instanceof EntryMap || x instanceof Map;
}
