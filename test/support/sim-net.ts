// A simulated datagram network for the sans-I/O endpoints: virtual clock, seeded PRNG, and
// first-class faults (drop, duplicate, reorder, NAT rebinding of a node's source port). No
// sleeps: `run` jumps the clock to the next delivery or endpoint deadline.

export interface SimPeer {
  address: string;
  port: number;
}

export interface SimNode {
  receive(datagram: Uint8Array, peer: SimPeer, nowMs: number): void;
  step(nowMs: number): void;
  nextDeadline(): number;
}

export interface SimFaults {
  /** Probability that a datagram is lost. */
  drop?: number;
  /** Probability that a datagram is delivered twice. */
  duplicate?: number;
  /** Probability that a datagram is held back (so later ones overtake it). */
  reorder?: number;
  /** One-way latency range, ms. */
  latencyMs?: [number, number];
  /** Extra delay of a reordered datagram, ms (max). */
  reorderDelayMs?: number;
}

interface Event {
  at: number;
  seq: number;
  to: string;
  from: SimPeer;
  data: Uint8Array;
}

interface Attached {
  address: string;
  port: number;
  node: SimNode;
  /** Source port the world sees (differs from `port` after a NAT rebinding). */
  externalPort: number;
  /** Rebind after this many datagrams sent (0 = never). */
  rebindEvery: number;
  sentSinceRebind: number;
}

/** mulberry32: small, seeded, good enough for fault injection. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededBytes(seed: number): (n: number) => Uint8Array {
  const r = seededRandom(seed);
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(r() * 256);
    return out;
  };
}

export class SimNet {
  now = 0;
  readonly stats = { sent: 0, delivered: 0, dropped: 0, duplicated: 0, reordered: 0, rebinds: 0, unroutable: 0 };
  private readonly rand: () => number;
  private readonly routes = new Map<string, Attached>();
  private readonly nodes: Attached[] = [];
  private events: Event[] = [];
  private seq = 0;
  private nextPort = 40000;

  constructor(seed: number, public faults: SimFaults = {}) {
    this.rand = seededRandom(seed);
  }

  /** A send function for a node at address:port (give it to the endpoint), then `attach`. */
  sender(address: string, port: number): (bytes: Uint8Array, peer: SimPeer) => void {
    return (bytes, peer) => this.send(address + '|' + port, bytes, peer);
  }

  attach(address: string, port: number, node: SimNode, options: { rebindEvery?: number } = {}): void {
    const a: Attached = { address, port, node, externalPort: port, rebindEvery: options.rebindEvery || 0, sentSinceRebind: 0 };
    this.routes.set(address + '|' + port, a);
    this.nodes.push(a);
  }

  /** NAT rebinding: the node's datagrams now come from a new source port (old ones still route). */
  rebind(address: string, port: number): number {
    const a = this.routes.get(address + '|' + port);
    if (!a) throw new Error('no such node');
    a.externalPort = this.nextPort++;
    this.routes.set(address + '|' + a.externalPort, a);
    this.stats.rebinds++;
    return a.externalPort;
  }

  private send(fromKey: string, bytes: Uint8Array, to: SimPeer): void {
    const src = this.routes.get(fromKey);
    if (!src) throw new Error('send from an unattached node ' + fromKey);
    this.stats.sent++;
    if (src.rebindEvery && ++src.sentSinceRebind >= src.rebindEvery) {
      src.sentSinceRebind = 0;
      this.rebind(src.address, src.port);
    }
    const from = { address: src.address, port: src.externalPort };
    const copies = this.rand() < (this.faults.duplicate || 0) ? 2 : 1;
    if (copies === 2) this.stats.duplicated++;
    for (let i = 0; i < copies; i++) {
      if (this.rand() < (this.faults.drop || 0)) {
        this.stats.dropped++;
        continue;
      }
      const [lo, hi] = this.faults.latencyMs || [1, 5];
      let at = this.now + lo + this.rand() * (hi - lo);
      if (this.rand() < (this.faults.reorder || 0)) {
        this.stats.reordered++;
        at += this.rand() * (this.faults.reorderDelayMs || 50);
      }
      this.push({ at, seq: this.seq++, to: to.address + '|' + to.port, from, data: bytes.slice() });
    }
  }

  private push(e: Event): void {
    let i = this.events.length;
    while (i > 0 && (this.events[i - 1].at > e.at || (this.events[i - 1].at === e.at && this.events[i - 1].seq > e.seq))) i--;
    this.events.splice(i, 0, e);
  }

  /** Datagrams in flight. */
  inFlight(): number {
    return this.events.length;
  }

  /**
   * Advances the virtual clock, delivering datagrams and stepping nodes at their deadlines,
   * until `done()` or `maxMs` of virtual time passed. Returns done().
   */
  run(done: () => boolean, maxMs: number): boolean {
    const end = this.now + maxMs;
    for (;;) {
      if (done()) return true;
      let t = this.events.length ? this.events[0].at : Infinity;
      for (const n of this.nodes) t = Math.min(t, n.node.nextDeadline());
      if (t > end) {
        this.now = end;
        return done();
      }
      if (t > this.now) this.now = t;
      while (this.events.length && this.events[0].at <= this.now) {
        const e = this.events.shift() as Event;
        const dest = this.routes.get(e.to);
        if (!dest) {
          this.stats.unroutable++;
          continue;
        }
        this.stats.delivered++;
        dest.node.receive(e.data, e.from, this.now);
      }
      for (const n of this.nodes) if (n.node.nextDeadline() <= this.now) n.node.step(this.now);
    }
  }
}
