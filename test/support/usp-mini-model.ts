// A small TR-181-shaped model for the USP handler unit tests (independent of src/model):
// DeviceInfo, LocalAgent with Controller / ControllerTrust / Request / Subscription tables, a
// table with a sub-table (Delete of sub-instances), a sync and an async command.
import type { AsyncOperation, ModelModule } from '../../src/dm/api.ts';
import { UspError } from '../../src/errors.ts';

const LA = 'Device.LocalAgent.';
const CT = LA + 'ControllerTrust.';

/** Async operations of Device.Selftest(): complete at the deadline the test chooses via Duration. */
export const miniModel: ModelModule = {
  requestTable: 'Device.LocalAgent.Request.',
  keyPrefix: 'cpe-',
  objects: [
    {
      path: 'Device.',
      params: [{ name: 'RootDataModelVersion', type: 'string', default: '2.16' }],
      commands: [
        { name: 'Echo()', async: false, input: [{ name: 'Text', type: 'string', mandatory: true }, { name: 'Times', type: 'unsignedInt', default: '1' }], output: [{ name: 'Result', type: 'string' }] },
        { name: 'Fail()', async: false },
        { name: 'SelfTest()', async: true, input: [{ name: 'Duration', type: 'unsignedInt', default: '100' }], output: [{ name: 'Results', type: 'string' }] },
      ],
      events: [{ name: 'Boot!', args: [{ name: 'Cause', type: 'string' }] }],
    },
    {
      path: 'Device.DeviceInfo.',
      params: [
        { name: 'Manufacturer', type: 'string', default: 'tinyusp' },
        { name: 'SerialNumber', type: 'string', default: 'SN0001' },
        { name: 'FriendlyName', type: 'string', access: 'W', maxLength: 32 },
        { name: 'ProvisioningCode', type: 'string', access: 'W', maxLength: 8 },
        { name: 'UpTime', type: 'unsignedInt', valueChange: 'ignore' },
        { name: 'Secret', type: 'string', access: 'W', default: 's3cret' },
      ],
    },
    {
      path: LA,
      params: [
        { name: 'EndpointID', type: 'string' },
      ],
    },
    {
      path: LA + 'Controller.{i}.',
      access: 'AD',
      uniqueKeys: [['Alias'], ['EndpointID']],
      params: [
        { name: 'Alias', type: 'string', access: 'W', maxLength: 64 },
        { name: 'Enable', type: 'boolean', access: 'W' },
        { name: 'EndpointID', type: 'string', access: 'W', maxLength: 64 },
        { name: 'AssignedRole', type: 'string', access: 'W', list: true, ref: { kind: 'strong', target: CT + 'Role.{i}.' } },
        { name: 'InheritedRole', type: 'string', list: true, ref: { kind: 'strong', target: CT + 'Role.{i}.' } },
        { name: 'PeriodicNotifInterval', type: 'unsignedInt', access: 'W', min: 1, default: '86400' },
      ],
    },
    {
      path: LA + 'Controller.{i}.MTP.{i}.',
      access: 'AD',
      uniqueKeys: [['Alias']],
      params: [
        { name: 'Alias', type: 'string', access: 'W', maxLength: 64 },
        { name: 'Enable', type: 'boolean', access: 'W' },
        { name: 'Protocol', type: 'string', access: 'W', enum: ['CoAP', 'WebSocket'], default: 'CoAP' },
      ],
    },
    {
      path: LA + 'Subscription.{i}.',
      access: 'AD',
      uniqueKeys: [['Alias'], ['ID']],
      params: [
        { name: 'Alias', type: 'string', access: 'W', maxLength: 64 },
        { name: 'Enable', type: 'boolean', access: 'W' },
        { name: 'ID', type: 'string', access: 'W', maxLength: 64 },
        { name: 'NotifType', type: 'string', access: 'W', enum: ['ValueChange', 'Event'] },
      ],
    },
    {
      path: LA + 'Request.{i}.',
      access: 'R',
      persist: false,
      uniqueKeys: [['Alias']],
      params: [
        { name: 'Alias', type: 'string', access: 'W', maxLength: 64 },
        { name: 'Originator', type: 'string' },
        { name: 'Command', type: 'string' },
        { name: 'CommandKey', type: 'string' },
        { name: 'Status', type: 'string', enum: ['Requested', 'Active', 'Canceling', 'Canceled', 'Success', 'Error'], default: 'Requested' },
      ],
    },
    {
      path: CT,
      params: [
        { name: 'UntrustedRole', type: 'string', access: 'W', list: true, ref: { kind: 'strong', target: CT + 'Role.{i}.' } },
      ],
    },
    {
      path: CT + 'Role.{i}.',
      access: 'AD',
      uniqueKeys: [['Alias']],
      params: [
        { name: 'Alias', type: 'string', access: 'W', maxLength: 64 },
        { name: 'Enable', type: 'boolean', access: 'W' },
        { name: 'Name', type: 'string', access: 'W', maxLength: 64 },
      ],
    },
    {
      path: CT + 'Role.{i}.Permission.{i}.',
      access: 'AD',
      uniqueKeys: [['Alias'], ['Order']],
      params: [
        { name: 'Alias', type: 'string', access: 'W', maxLength: 64 },
        { name: 'Enable', type: 'boolean', access: 'W' },
        { name: 'Order', type: 'unsignedInt', access: 'W' },
        { name: 'Targets', type: 'string', access: 'W', list: true },
        { name: 'Param', type: 'string', access: 'W', default: '----' },
        { name: 'Obj', type: 'string', access: 'W', default: '----' },
        { name: 'InstantiatedObj', type: 'string', access: 'W', default: '----' },
        { name: 'CommandEvent', type: 'string', access: 'W', default: '----' },
      ],
    },
  ],
  handlers: {
    'Device.': {
      operate: {
        'Echo()': (_ctx, call) => {
          const times = Number(call.input['Times'] ?? '1');
          let s = '';
          for (let i = 0; i < times; i++) s += call.input['Text'];
          return { Result: s };
        },
        'Fail()': () => {
          throw new UspError(7022, 'Echo chamber on fire');
        },
        'SelfTest()': (ctx, call): AsyncOperation => {
          const due = ctx.hal.clock.monotonicMs() + Number(call.input['Duration']);
          let cancelled = false;
          return {
            poll: (now) => (cancelled ? undefined : now >= due ? { Results: 'all good' } : undefined),
            deadline: () => due,
            cancel: () => {
              cancelled = true;
            },
          };
        },
      },
    },
  },
};
