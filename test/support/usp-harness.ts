// Test harness for the agent core: an in-memory HAL with a virtual clock, and a test Controller
// that builds Records with the codec, feeds them to agent.handleRecord and decodes the reply.
import type { Hal, Storage } from '../../hal/hal.ts';
import { host } from '../../boards/host/profile.ts';
import type { BoardProfile } from '../../boards/profile.ts';
import { createAgent, type Agent, type AgentOptions } from '../../src/agent.ts';
import { treeOf } from '../../src/dm/schema.ts';
import {
  decodeMsg,
  isStringMap,
  decodeRecord,
  encodeMsg,
  encodeRecord,
  Header_MsgType,
  UspRecord_PayloadSecurity,
  type Msg,
  type Request,
  type UspRecord,
} from '../../src/codec/index.ts';

export const AGENT_ID = 'proto::tinyusp-test';
export const CONTROLLER_ID = 'proto::controller-1';
export const READER_ID = 'proto::reader';

/** In-memory HAL; `clock.now` is moved by the test. */
export function testHal(): Hal & { clock: { now: number }; logs: string[] } {
  const store = new Map<string, Uint8Array>();
  const storage: Storage = {
    get: (k) => store.get(k),
    set: (k, v) => void store.set(k, v.slice()),
    delete: (k) => void store.delete(k),
    keys: () => [...store.keys()],
  };
  const logs: string[] = [];
  const clock = {
    now: 1_000,
    monotonicMs() {
      return this.now;
    },
    wallTimeMs(): number | undefined {
      return 1_700_000_000_000 + this.now;
    },
  };
  let seed = 1;
  return {
    net: { udp: () => { throw new Error('no network in core tests'); } },
    clock,
    timers: { set: () => 0, clear: () => {} },
    storage,
    logs,
    system: {
      reboot: () => logs.push('reboot'),
      factoryReset: () => logs.push('factoryReset'),
      identity: () => ({
        manufacturer: 'tinyusp', oui: '00256D', productClass: 'TestBoard', serialNumber: 'SN0001',
        modelName: 'T1', hardwareVersion: 'hw1', softwareVersion: '0.1.0',
      }),
      randomBytes: (n) => {
        const b = new Uint8Array(n);
        for (let i = 0; i < n; i++) b[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
        return b;
      },
      log: (level, m) => void logs.push(level + ': ' + m),
    },
  };
}

/** Defaults for the test agent: a full-access Controller, a read-only Controller, roles. */
export function testDefaults(extra: { [path: string]: string } = {}): { [path: string]: string } {
  const T = 'Device.LocalAgent.ControllerTrust.';
  return {
    'Device.LocalAgent.EndpointID': AGENT_ID,
    [T + 'Role.1.Enable']: 'true',
    [T + 'Role.1.Name']: 'FullAccess',
    [T + 'Role.1.Permission.1.Enable']: 'true',
    [T + 'Role.1.Permission.1.Targets']: 'Device.',
    [T + 'Role.1.Permission.1.Param']: 'rw-n',
    [T + 'Role.1.Permission.1.Obj']: 'rw-n',
    [T + 'Role.1.Permission.1.InstantiatedObj']: 'rw-n',
    [T + 'Role.1.Permission.1.CommandEvent']: 'r-xn',
    [T + 'Role.2.Enable']: 'true',
    [T + 'Role.2.Name']: 'Untrusted',
    [T + 'Role.2.Permission.1.Enable']: 'true',
    [T + 'Role.2.Permission.1.Targets']: 'Device.DeviceInfo.',
    [T + 'Role.2.Permission.1.Param']: 'r---',
    [T + 'Role.2.Permission.1.Obj']: 'r---',
    [T + 'Role.2.Permission.1.InstantiatedObj']: 'r---',
    [T + 'Role.2.Permission.1.CommandEvent']: '----',
    [T + 'Role.3.Enable']: 'true',
    [T + 'Role.3.Name']: 'ReadOnly',
    [T + 'Role.3.Permission.1.Enable']: 'true',
    [T + 'Role.3.Permission.1.Targets']: 'Device.',
    [T + 'Role.3.Permission.1.Param']: 'r---',
    [T + 'Role.3.Permission.1.Obj']: 'r---',
    [T + 'Role.3.Permission.1.InstantiatedObj']: 'r---',
    [T + 'Role.3.Permission.1.CommandEvent']: 'r---',
    [T + 'UntrustedRole']: T + 'Role.2',
    'Device.LocalAgent.Controller.1.Enable': 'true',
    'Device.LocalAgent.Controller.1.EndpointID': CONTROLLER_ID,
    'Device.LocalAgent.Controller.1.AssignedRole': T + 'Role.1',
    'Device.LocalAgent.Controller.2.Enable': 'true',
    'Device.LocalAgent.Controller.2.EndpointID': READER_ID,
    'Device.LocalAgent.Controller.2.AssignedRole': T + 'Role.3',
    ...extra,
  };
}

export interface TestAgent {
  agent: Agent;
  hal: ReturnType<typeof testHal>;
}

export function startAgent(opts: { defaults?: { [p: string]: string }; board?: BoardProfile } & Partial<AgentOptions> = {}): TestAgent {
  const hal = testHal();
  // A model of the test's own: its tree built here (a board preloads its tree).
  const tree = opts.tree ?? (opts.model && treeOf(opts.model));
  const agent = createAgent({ ...opts, tree, hal, board: opts.board ?? host, defaults: opts.defaults ?? testDefaults() });
  return { agent, hal };
}

let counter = 0;

export function requestMsg(req: Request['reqType'], msgId = 'm' + ++counter): Msg {
  return {
    header: { msgId, msgType: MSG_TYPE[req.case] },
    body: { msgBody: { case: 'request', value: { reqType: req } } },
  };
}

const MSG_TYPE: { [k: string]: Header_MsgType } = {
  get: Header_MsgType.GET,
  getSupportedDm: Header_MsgType.GET_SUPPORTED_DM,
  getInstances: Header_MsgType.GET_INSTANCES,
  set: Header_MsgType.SET,
  add: Header_MsgType.ADD,
  delete: Header_MsgType.DELETE,
  operate: Header_MsgType.OPERATE,
  notify: Header_MsgType.NOTIFY,
  getSupportedProtocol: Header_MsgType.GET_SUPPORTED_PROTO,
  register: Header_MsgType.REGISTER,
  deregister: Header_MsgType.DEREGISTER,
};

export function encodeMsgBytes(msg: Msg): Uint8Array {
  const buf = new Uint8Array(1 << 16);
  return buf.slice(0, encodeMsg(msg, buf));
}

export function recordOf(payload: Uint8Array, from = CONTROLLER_ID, to = AGENT_ID, over: Partial<UspRecord> = {}): UspRecord {
  return {
    version: '1.2',
    toId: to,
    fromId: from,
    payloadSecurity: UspRecord_PayloadSecurity.PLAINTEXT,
    macSignature: new Uint8Array(0),
    senderCert: new Uint8Array(0),
    recordType: { case: 'noSessionContext', value: { payload } },
    ...over,
  };
}

export function encodeRecordBytes(rec: UspRecord): Uint8Array {
  const buf = new Uint8Array(1 << 17);
  return buf.slice(0, encodeRecord(rec, buf));
}

/** Send a Record; return the decoded reply Record (undefined when none) and the raw outcome. */
export function sendRecord(t: TestAgent, rec: UspRecord | Uint8Array, mtpIdentity?: string) {
  const bytes = rec instanceof Uint8Array ? rec : encodeRecordBytes(rec);
  const out = t.agent.handleRecord(bytes, { mtpIdentity });
  const reply = out.reply ? decodeRecord(out.reply) : undefined;
  return { out, reply };
}

/** The Controller's view: send a request Msg, get the reply Msg (or undefined). */
export function call(t: TestAgent, req: Request['reqType'], from = CONTROLLER_ID, msgId?: string): Msg | undefined {
  const msg = requestMsg(req, msgId);
  const { out, reply } = sendRecord(t, recordOf(encodeMsgBytes(msg), from));
  if (out.mtpError) throw new Error('unexpected mtpError ' + out.mtpError);
  if (!reply) return undefined;
  if (reply.toId !== from || reply.fromId !== AGENT_ID || reply.version !== '1.4') throw new Error('bad reply addressing');
  if (reply.recordType.case !== 'noSessionContext') throw new Error('reply is not no_session_context');
  const m = decodeMsg(reply.recordType.value.payload);
  if (m.header?.msgId !== msg.header!.msgId) throw new Error('reply msg_id mismatch');
  return m;
}

/** The response body of a given case, failing the test if the reply is something else. */
export function respOf<C extends string>(m: Msg | undefined, c: C): any {
  if (!m || m.body?.msgBody.case !== 'response') {
    throw new Error('expected a response ' + c + ', got ' + JSON.stringify(m?.body?.msgBody, replacer));
  }
  const r = m.body.msgBody.value.respType;
  if (r.case !== c) throw new Error('expected ' + c + ', got ' + r.case);
  return r.value;
}

export function errOf(m: Msg | undefined) {
  if (!m || m.body?.msgBody.case !== 'error') throw new Error('expected an Error, got ' + JSON.stringify(m?.body?.msgBody, replacer));
  return m.body.msgBody.value;
}

function replacer(_k: string, v: unknown) {
  return typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? [...v] : v;
}

/** Plain-object copy of a decoded map (a Map) or of an object, for deepEqual. */
export function plain(m: ReadonlyMap<string, string> | { readonly [k: string]: string }): { [k: string]: string } {
  return isStringMap(m) ? Object.fromEntries(m) : { ...(m as { readonly [k: string]: string }) };
}

export function get(t: TestAgent, paths: string[], maxDepth = 0, from = CONTROLLER_ID) {
  return respOf(call(t, { case: 'get', value: { paramPaths: paths, maxDepth } }, from), 'getResp');
}

/** Read one parameter through Get, or undefined if the result has an error / no value. */
export function getValue(t: TestAgent, path: string, from = CONTROLLER_ID): string | undefined {
  const r = get(t, [path], 0, from).reqPathResults[0];
  if (r.errCode !== 0 || r.resolvedPathResults.length === 0) return undefined;
  const res = r.resolvedPathResults[0];
  return res.resultParams.get(path.slice(res.resolvedPath.length));
}
