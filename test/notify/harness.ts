// The notifier inside the whole agent core (src/core.ts) on the memory HAL with a virtual clock:
// the test reads every Notify the core sends as a CoAP POST and decides when (and how) each
// exchange ends: an ACK (ok) or an RST (failed), fed back as datagrams.
import { host } from '../../boards/host/profile.ts';
import type { BoardProfile } from '../../boards/profile.ts';
import { createCore, type Core, type Peer } from '../../src/core.ts';
import { CoapType, Code } from '../../src/coap/constants.ts';
import { decodeMessage, encodeMessage, type CoapMessage } from '../../src/coap/message.ts';
import { decodeMsg, decodeRecord, isStringMap, type Notify } from '../../src/codec/index.ts';
import type { Engine, Origin } from '../../src/dm/api.ts';
import type { Notifier } from '../../src/notify/notifier.ts';
import { DEMO_DEFAULTS } from '../model/helpers.ts';
import { memoryHal, type MemoryHal } from '../support/memory-hal.ts';

export const C1: Origin = { endpointId: 'proto::controller-1', controllerPath: 'Device.LocalAgent.Controller.1.' };
export const C2: Origin = { endpointId: 'proto::controller-2', controllerPath: 'Device.LocalAgent.Controller.2.' };
/** Controller 3 has a role that may only read (and be notified about) Device.DeviceInfo. */
export const C3: Origin = { endpointId: 'proto::limited', controllerPath: 'Device.LocalAgent.Controller.3.' };

export const DEFAULTS: { [p: string]: string } = {
  ...DEMO_DEFAULTS,
  // The harness's core sends plaintext (no DTLS link): the demo's Controller.1 is coaps://.
  'Device.LocalAgent.Controller.1.MTP.1.CoAP.EnableEncryption': 'false',
  'Device.LocalAgent.Controller.2.Alias': 'controller-2',
  'Device.LocalAgent.Controller.2.Enable': 'true',
  'Device.LocalAgent.Controller.2.EndpointID': C2.endpointId,
  'Device.LocalAgent.Controller.2.AssignedRole': 'Device.LocalAgent.ControllerTrust.Role.1',
  'Device.LocalAgent.Controller.2.MTP.1.Enable': 'true',
  'Device.LocalAgent.Controller.2.MTP.1.Protocol': 'CoAP',
  'Device.LocalAgent.Controller.2.MTP.1.CoAP.Host': '127.0.0.1',
  'Device.LocalAgent.Controller.2.MTP.1.CoAP.Port': '5685',
  'Device.LocalAgent.Controller.2.MTP.1.CoAP.Path': '/usp',
  'Device.LocalAgent.Controller.2.MTP.1.CoAP.EnableEncryption': 'false',
  'Device.LocalAgent.Controller.2.BootParameter.1.Enable': 'true',
  'Device.LocalAgent.Controller.2.BootParameter.1.ParameterName': 'Device.DeviceInfo.FriendlyName',
  'Device.LocalAgent.Controller.3.Alias': 'limited',
  'Device.LocalAgent.Controller.3.Enable': 'true',
  'Device.LocalAgent.Controller.3.EndpointID': C3.endpointId,
  'Device.LocalAgent.Controller.3.AssignedRole': 'Device.LocalAgent.ControllerTrust.Role.3',
  'Device.LocalAgent.Controller.3.MTP.1.Enable': 'true',
  'Device.LocalAgent.Controller.3.MTP.1.Protocol': 'CoAP',
  'Device.LocalAgent.Controller.3.MTP.1.CoAP.Host': '127.0.0.1',
  'Device.LocalAgent.Controller.3.MTP.1.CoAP.Port': '5686',
  'Device.LocalAgent.Controller.3.MTP.1.CoAP.Path': '/usp',
  'Device.LocalAgent.Controller.3.MTP.1.CoAP.EnableEncryption': 'false',
  'Device.LocalAgent.ControllerTrust.Role.3.Alias': 'deviceinfo-only',
  'Device.LocalAgent.ControllerTrust.Role.3.Enable': 'true',
  'Device.LocalAgent.ControllerTrust.Role.3.Permission.1.Enable': 'true',
  'Device.LocalAgent.ControllerTrust.Role.3.Permission.1.Order': '1',
  'Device.LocalAgent.ControllerTrust.Role.3.Permission.1.Targets': 'Device.DeviceInfo.',
  'Device.LocalAgent.ControllerTrust.Role.3.Permission.1.Param': 'r--n',
  'Device.LocalAgent.ControllerTrust.Role.3.Permission.1.Obj': 'r--n',
  'Device.LocalAgent.ControllerTrust.Role.3.Permission.1.InstantiatedObj': 'r--n',
  'Device.LocalAgent.ControllerTrust.Role.3.Permission.1.CommandEvent': 'r--n',
  // It may create its own subscriptions.
  'Device.LocalAgent.ControllerTrust.Role.3.Permission.2.Enable': 'true',
  'Device.LocalAgent.ControllerTrust.Role.3.Permission.2.Order': '2',
  'Device.LocalAgent.ControllerTrust.Role.3.Permission.2.Targets': 'Device.LocalAgent.Subscription.',
  'Device.LocalAgent.ControllerTrust.Role.3.Permission.2.Param': 'rw--',
  'Device.LocalAgent.ControllerTrust.Role.3.Permission.2.Obj': 'rw--',
  'Device.LocalAgent.ControllerTrust.Role.3.Permission.2.InstantiatedObj': 'rw--',
};

export interface Sent {
  controller: string;
  toId: string;
  msgId: string;
  notify: Notify;
  at: number;
  /** End the CoAP exchange (default: already ended ok when `autoAck`). */
  done(ok: boolean): void;
}

export interface Rig {
  hal: MemoryHal;
  core: Core;
  engine: Engine;
  notifier: Notifier;
  sent: Sent[];
  /** Move the virtual clock to `ms` (monotonic) in steps at every deadline, as the run loop would. */
  runUntil(ms: number): void;
  /** One step now. */
  step(): void;
  subscribe(origin: Origin, settings: { [p: string]: string }): string;
  of(controller: Origin): Sent[];
}

export interface RigOptions {
  disk?: Map<string, Uint8Array>;
  board?: BoardProfile;
  wall?: number | undefined;
  /** CoAP exchanges end ok at once (default true); false: the test calls done(). */
  autoAck?: boolean;
  /** Seed of the randomBytes PRNG (retry randomisation). */
  seed?: number;
  defaults?: { [p: string]: string };
}

export function rig(opts: RigOptions = {}): Rig {
  const hal = memoryHal({ disk: opts.disk, ...('wall' in opts ? { wall: opts.wall } : {}) });
  if (opts.seed !== undefined) {
    let s = opts.seed >>> 0 || 1;
    hal.system.randomBytes = (n) => {
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        // xorshift32: good enough to spread retry draws over their windows
        s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
        b[i] = s & 0xff;
      }
      return b;
    };
  }
  const board = opts.board ?? host;
  const sent: Sent[] = [];
  // Datagrams the test answers once the core's step has returned (never re-entrantly).
  const replies: { bytes: Uint8Array; peer: Peer }[] = [];
  const seen = new Set<string>();
  const out = new Uint8Array(board.limits.datagramBytes);
  const answer = (peer: Peer, m: CoapMessage, ok: boolean) => {
    const n = encodeMessage(ok
      ? { type: CoapType.ACK, code: Code.CHANGED, messageId: m.messageId, token: m.token, options: [], payload: new Uint8Array(0) }
      : { type: CoapType.RST, code: Code.EMPTY, messageId: m.messageId, token: new Uint8Array(0), options: [], payload: new Uint8Array(0) }, out);
    replies.push({ bytes: out.slice(0, n), peer });
  };
  // The whole core, as the device runs it; its datagrams to the Controllers' MTPs are read here.
  const core: Core = createCore({
    hal, board, defaults: opts.defaults ?? DEFAULTS, host: '127.0.0.1',
    send(bytes, peer) {
      const d = decodeMessage(bytes);
      if (!d.ok || d.message.type !== CoapType.CON) return;
      const m = d.message;
      const key = peer.address + ':' + peer.port + '#' + m.messageId;
      if (seen.has(key)) return; // a CoAP retransmission of a Notify already recorded
      seen.add(key);
      const rec = decodeRecord(m.payload);
      if (rec.recordType.case !== 'noSessionContext') throw new Error('expected a no-session Record');
      const msg = decodeMsg(rec.recordType.value.payload);
      const body = msg.body!.msgBody;
      if (body.case !== 'request' || body.value.reqType.case !== 'notify') throw new Error('expected a Notify');
      const controller = core.engine.instances('Device.LocalAgent.Controller.', true)
        .find((c) => core.engine.get(c.path + 'EndpointID') === rec.toId)!.path;
      const s: Sent = { controller, toId: rec.toId, msgId: msg.header!.msgId, notify: body.value.reqType.value, at: hal.time.mono, done: (ok) => { answer({ address: peer.address, port: peer.port }, m, ok); deliver(); } };
      sent.push(s);
      if (opts.autoAck !== false) answer({ address: peer.address, port: peer.port }, m, true);
    },
  });
  core.listening(5683);
  let delivering = false;
  function deliver(): void {
    if (delivering) return;
    delivering = true;
    while (replies.length) {
      const r = replies.shift()!;
      core.receive(r.bytes, r.peer, hal.time.mono);
    }
    delivering = false;
  }
  const step = () => {
    core.step(hal.time.mono);
    deliver();
  };
  return {
    hal, core, engine: core.engine, notifier: core.notifier, sent, step,
    runUntil(ms) {
      step();
      for (let guard = 0; guard < 100_000; guard++) {
        const d = core.nextDeadline();
        if (d > ms) break;
        hal.time.mono = Math.max(hal.time.mono, d);
        step();
      }
      hal.time.mono = Math.max(hal.time.mono, ms);
      step();
    },
    subscribe(origin, settings) {
      const txn = core.engine.begin(origin);
      const r = txn.add('Device.LocalAgent.Subscription.', Object.keys(settings).map((k) => ({ param: k, value: settings[k], required: true })));
      txn.commit();
      return r.path;
    },
    of: (c) => sent.filter((s) => s.controller === c.controllerPath),
  };
}

/** A change made by a Controller (or the Agent when origin is undefined). */
export function set(engine: Engine, path: string, value: string, origin?: Origin): void {
  const txn = engine.begin(origin);
  txn.set(path, value);
  txn.commit();
}

/** A plain JSON copy for deepEqual; decoded maps (Maps) become plain objects. */
export function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (isStringMap(x) || x instanceof Map ? Object.fromEntries(x) : x))) as T;
}
