// Device.LocalAgent.: the Agent itself, its MTPs, Controllers (with MTPs and BootParameters),
// Subscriptions (table and validation; notify/ does the sending) and Requests (digest §4.1, §5.2,
// §7.3, §11).
import { alias as aliasParam, bool, enable, str, strongRef, uint, dateTime } from '../dm/define.ts';
import { ErrorCode, UspError } from '../errors.ts';
import type { CommandCall, HandlerContext, ModelModule, ObjectDef, ObjectHandlers } from '../dm/api.ts';
import { parsePath } from '../dm/grammar.ts';
import { UNKNOWN_TIME, formatDateTime, splitList } from '../dm/values.ts';
import { ENDPOINT_ID, REQUEST_TABLE, SUBSCRIPTION_TABLE } from '../names.ts';
import { MAX_PAIRS, parseConfigSettings } from '../notify/trigger.ts';
import { TRANSFER_COMPLETE_ARGS } from './firmware.ts';
import { ADD_CERTIFICATE, SUPPORTED_FINGERPRINT_ALGORITHMS, addCertificate } from './certificate.ts';
import { ALIAS_KEYS, CREDENTIAL, PROVISIONING_CODE, ROLE_REF, SOFTWARE_VERSION, UP_TIME, aliasAnd } from './shared.ts';

const f = Object.freeze;
const alias = aliasParam();
// Alike in MTP.{i} and Controller.{i}.MTP.{i} (and their CoAP objects): one definition each.
const port = uint('Port', { access: 'W', min: 1, max: 65535, default: '5683' });
const coapPath = str('Path', 256, { access: 'W' });
const protocol = str('Protocol', 16, { access: 'W', enum: f(['CoAP']), default: 'CoAP' });
const enableEncryption = bool('EnableEncryption', { access: 'W', default: 'true' });


export const LOCAL_AGENT_OBJECTS: readonly ObjectDef[] = f([
  f({
    path: 'Device.LocalAgent.',
    params: f([
      str('EndpointID', 256),
      SOFTWARE_VERSION,
      UP_TIME,
      str('SupportedProtocols', 256, { list: true, computed: true }),
      str('AdvertisedDeviceSubtypes', 256, { access: 'W', list: true }),
      uint('MaxSubscriptionChangeAdoptionTime', { access: 'W', min: 5, default: '5' }),
      str('SupportedFingerprintAlgorithms', 64, { list: true, computed: true }),
    ]),
    events: f([f({ name: 'Periodic!' }), f({ name: 'TransferComplete!', args: TRANSFER_COMPLETE_ARGS })]),
    commands: f([ADD_CERTIFICATE]),
  }),
  f({
    path: 'Device.LocalAgent.MTP.{i}.',
    access: 'AD',
    uniqueKeys: ALIAS_KEYS,
    params: f([
      alias,
      enable(),
      str('Status', 16, { enum: f(['Up', 'Down', 'Error']), default: 'Down' }),
      protocol,
      bool('EnableMDNS', { access: 'W', default: 'true' }),
    ]),
  }),
  f({
    path: 'Device.LocalAgent.MTP.{i}.CoAP.',
    params: f([
      str('Interfaces', 256, { access: 'W', list: true }),
      port,
      coapPath,
      bool('IsEncrypted'),
      enableEncryption,
    ]),
  }),
  f({
    path: 'Device.LocalAgent.Controller.{i}.',
    access: 'AD',
    uniqueKeys: aliasAnd('EndpointID'),
    params: f([
      alias,
      enable(),
      str('EndpointID', 256, { access: 'W' }),
      str('AssignedRole', 1024, { access: 'W', list: true, ref: ROLE_REF }),
      str('InheritedRole', 1024, { list: true, ref: ROLE_REF }),
      CREDENTIAL,
      uint('PeriodicNotifInterval', { access: 'W', min: 1, default: '86400' }),
      dateTime('PeriodicNotifTime', { access: 'W' }),
      uint('USPNotifRetryMinimumWaitInterval', { access: 'W', min: 1, max: 65535, default: '5' }),
      uint('USPNotifRetryIntervalMultiplier', { access: 'W', min: 1000, max: 65535, default: '2000' }),
      PROVISIONING_CODE,
      // Device:2.17 (TP-469 1.101-1.103): the Controller sets OnBoardingComplete when it is done;
      // until then a new OnBoardRequest goes every OnBoardingRestartTime seconds (0: never).
      bool('OnBoardingComplete', { access: 'W' }),
      uint('OnBoardingRestartTime', { access: 'W' }),
    ]),
    // R-NOT.5: ask the Agent to send an OnBoardRequest notification to this Controller.
    commands: f([f({ name: 'SendOnBoardRequest()', async: false })]),
  }),
  f({
    path: 'Device.LocalAgent.Controller.{i}.MTP.{i}.',
    access: 'AD',
    uniqueKeys: aliasAnd('Protocol'),
    params: f([alias, enable(), protocol]),
  }),
  f({
    path: 'Device.LocalAgent.Controller.{i}.MTP.{i}.CoAP.',
    params: f([str('Host', 256, { access: 'W' }), port, coapPath, enableEncryption]),
  }),
  // Which TransferComplete! events this Controller receives (TR-181; notify/notifier.ts).
  f({
    path: 'Device.LocalAgent.Controller.{i}.TransferCompletePolicy.',
    params: f([str('ResultTypeFilter', 8, { access: 'W', enum: f(['Success', 'Failure', 'Both']), default: 'Both' })]),
  }),
  f({
    path: 'Device.LocalAgent.Controller.{i}.BootParameter.{i}.',
    access: 'AD',
    uniqueKeys: aliasAnd('ParameterName'),
    params: f([alias, enable(), str('ParameterName', 256, { access: 'W' })]),
  }),
  f({
    path: 'Device.LocalAgent.Subscription.{i}.',
    access: 'AD',
    uniqueKeys: aliasAnd('Recipient', 'ID'),
    params: f([
      alias,
      enable(),
      str('Recipient', 256, { ref: strongRef('Device.LocalAgent.Controller.{i}.') }),
      str('ID', 64, { access: 'W' }),
      dateTime('CreationDate'),
      str('NotifType', 32, { access: 'W', enum: f(['ValueChange', 'ObjectCreation', 'ObjectDeletion', 'OperationComplete', 'Event']) }),
      // "Immutable once set" (digest §4.1): writeOnceReadOnly.
      str('ReferenceList', 1024, { access: 'WO', list: true }),
      bool('Persistent', { access: 'W' }),
      uint('TimeToLive', { access: 'W' }),
      bool('NotifRetry', { access: 'W' }),
      uint('NotifExpiration', { access: 'W' }),
      // TR-181 2.16 / USP 1.3: what a trigger does; the settings are a JSON object path → value.
      str('TriggerAction', 16, { access: 'W', enum: f(['Notify', 'Config', 'NotifyAndConfig']), default: 'Notify' }),
      str('TriggerConfigSettings', 1024, { access: 'W' }),
    ]),
  }),
  f({
    path: 'Device.LocalAgent.Request.{i}.',
    persist: false, // §5.5: Request rows and in-flight operations do not survive a reboot
    uniqueKeys: ALIAS_KEYS,
    params: f([
      alias,
      str('Originator', 256),
      str('Command', 256),
      str('CommandKey', 256),
      str('Status', 16, { enum: f(['Requested', 'Active', 'Canceling', 'Canceled', 'Success', 'Error']), default: 'Requested' }),
    ]),
    commands: f([f({ name: 'Cancel()', async: false })]),
  }),
]);

/**
 * Subscription checks (digest §4.1): ReferenceList items are paths and fit NotifType (when given).
 * Objects ('.') fit every type; besides them ValueChange takes parameters, OperationComplete
 * commands ('()'), Event events ('!').
 */
function checkReferenceList(paramPath: string, list: string, type: string): void {
  for (const ref of splitList(list)) {
    try { parsePath(ref); } catch {
      throw new UspError(ErrorCode.INVALID_VALUE, `ReferenceList item ${ref} is not a valid path`, paramPath);
    }
    const last = ref.charAt(ref.length - 1);
    const fits = type === 'ValueChange' ? last !== '!' && last !== ')'
      : last === '.' || (type === 'OperationComplete' ? last === ')' : type === 'Event' && last === '!');
    if (type && !fits) {
      throw new UspError(ErrorCode.INVALID_VALUE, `ReferenceList item ${ref} does not fit NotifType ${type}`, paramPath);
    }
  }
}

// Handler tables that keep no per-module state: module-level and frozen, so on a board they are
// in flash and not closures made in RAM at every start (issue 10).
const SUBSCRIPTION_HANDLERS: ObjectHandlers = Object.freeze<ObjectHandlers>({
  // Each ReferenceList item must be a path (a ParamError on that parameter, not a commit failure).
  write: (_ctx, objPath, name, value) => {
    if (name === 'TriggerConfigSettings') {
      const pairs = value === '' ? [] : parseConfigSettings(value, MAX_PAIRS);
      if (!pairs || pairs.some((p) => { try { return parsePath(p.path).kind !== 'parameter'; } catch { return true; } })) {
        throw new UspError(ErrorCode.INVALID_VALUE, 'TriggerConfigSettings must be a JSON object of parameter path to string value', objPath + name);
      }
      return;
    }
    if (name === 'ReferenceList') checkReferenceList(objPath + name, value, '');
  },
  // The Agent sets Recipient (the creating Controller) and CreationDate.
  add: (ctx, _objPath, set) => {
    if (ctx.origin.controllerPath) set('Recipient', ctx.origin.controllerPath);
    const wall = ctx.hal.clock.wallTimeMs();
    set('CreationDate', wall === undefined ? UNKNOWN_TIME : formatDateTime(wall));
  },
  validate: (_ctx, change) => {
    if (change.kind !== 'deleted') checkReferenceList(change.path + 'ReferenceList', change.value('ReferenceList'), change.value('NotifType'));
  },
});

/** TP-469 1.78: deleting a Controller removes the Subscriptions it owns. */
const removeOwnedSubscriptions: NonNullable<ObjectHandlers['remove']> = (ctx, objPath, txn) => {
  const me = objPath.slice(0, -1);
  for (const s of ctx.engine.instances(SUBSCRIPTION_TABLE, true)) {
    if (txn.get(s.path + 'Recipient') === me) txn.delete(s.path);
  }
};

const REQUEST_HANDLERS: ObjectHandlers = Object.freeze<ObjectHandlers>({
  operate: Object.freeze({
    'Cancel()': (ctx: HandlerContext, call: CommandCall) => { ctx.engine.cancel(call.objPath); return {}; },
  }),
});

/** What the LocalAgent model needs from the notification layer (src/notify). */
export interface LocalAgentHooks {
  /** Controller.{i}.SendOnBoardRequest(): queue an OnBoardRequest to that Controller ('Device.LocalAgent.Controller.N.'). */
  sendOnBoardRequest?(controllerPath: string): void;
}

export function localAgentModule(hooks: LocalAgentHooks = {}): ModelModule {
  let bootMs = 0;
  const handlers: { [path: string]: ObjectHandlers } = {
    'Device.LocalAgent.': {
      read: (ctx, objPath, name) => {
        if (name === 'SoftwareVersion') return ctx.hal.system.identity().softwareVersion;
        if (name === 'UpTime') return Math.floor((ctx.hal.clock.monotonicMs() - bootMs) / 1000);
        if (name === 'SupportedProtocols') return 'CoAP';
        if (name === 'SupportedFingerprintAlgorithms') return SUPPORTED_FINGERPRINT_ALGORITHMS;
        void objPath;
        return undefined;
      },
      operate: { 'AddCertificate()': addCertificate },
    },
    'Device.LocalAgent.Controller.{i}.': {
      operate: {
        'SendOnBoardRequest()': (_ctx, call, txn) => {
          if (!hooks.sendOnBoardRequest) throw new UspError(ErrorCode.COMMAND_FAILURE, 'no notification layer in this build');
          // A new onboarding starts: it is complete again only when the Controller says so.
          txn.agentSet(call.objPath + 'OnBoardingComplete', 'false');
          hooks.sendOnBoardRequest(call.objPath);
          return {};
        },
      },
      remove: removeOwnedSubscriptions,
    },
    'Device.LocalAgent.Subscription.{i}.': SUBSCRIPTION_HANDLERS,
    'Device.LocalAgent.Request.{i}.': REQUEST_HANDLERS,
  };
  return {
    objects: LOCAL_AGENT_OBJECTS,
    requestTable: REQUEST_TABLE,
    handlers,
    boot: (ctx) => {
      bootMs = ctx.hal.clock.monotonicMs();
      if (ctx.engine.get(ENDPOINT_ID) === '') {
        // Unconfigured: an 'os::' Endpoint ID from OUI and serial number (digest §9.1).
        const id = ctx.hal.system.identity();
        const txn = ctx.engine.begin();
        txn.agentSet(ENDPOINT_ID, `os::${id.oui}-${id.serialNumber}`);
        txn.commit();
      }
      // §5.5: non-persistent subscriptions do not survive a restart. They go on the engine's first
      // step, after the notification layer has queued Boot!, so that the ObjectDeletion
      // notifications follow Boot! (obuspa does the same).
      const gone = ctx.engine.instances(SUBSCRIPTION_TABLE, true)
        .filter((s) => ctx.engine.get(s.path + 'Persistent') !== 'true');
      if (!gone.length) return;
      ctx.defer(() => {
        const txn = ctx.engine.begin();
        for (const s of gone) if (ctx.engine.exists(s.path)) txn.delete(s.path);
        txn.commit();
      });
    },
  };
}
