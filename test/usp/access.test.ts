import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Perm, RoleSet, parsePermissionString, type PermissionData } from '../../src/usp/access.ts';

function perm(p: Partial<PermissionData> & { targets: string[] }): PermissionData {
  return { enable: true, order: 0, param: '----', obj: '----', instantiatedObj: '----', commandEvent: '----', ...p };
}

test('permission strings: given "r-xn", then read, execute and notify bits are set, write is not', () => {
  const bits = parsePermissionString('r-xn', 0);
  assert.equal(bits, 0b1101);
  assert.equal(parsePermissionString('rw--', 4), 0b0011 << 4);
  // a letter out of place ("w" in the r slot) grants nothing
  assert.equal(parsePermissionString('wr--', 0), 0);
});

test('targets: an object target covers its subtree, a parameter target only itself, * any instance', () => {
  const set = new RoleSet([
    {
      enable: true,
      permissions: [
        perm({ targets: ['Device.DeviceInfo.'], param: 'r---' }),
        perm({ targets: ['Device.LocalAgent.Controller.*.EndpointID'], param: 'rw--' }),
      ],
    },
  ]);
  assert.ok(set.can('Device.DeviceInfo.SerialNumber', Perm.PARAM_READ));
  assert.ok(set.can('Device.DeviceInfo.FirmwareImage.2.Name', Perm.PARAM_READ));
  assert.ok(!set.can('Device.DeviceInfo.SerialNumber', Perm.PARAM_WRITE));
  assert.ok(set.can('Device.LocalAgent.Controller.7.EndpointID', Perm.PARAM_WRITE));
  assert.ok(!set.can('Device.LocalAgent.Controller.7.Enable', Perm.PARAM_READ));
  assert.ok(!set.can('Device.LocalAgent.EndpointID', Perm.PARAM_READ));
  // a longer target does not cover the shorter object path
  assert.ok(!set.can('Device.LocalAgent.Controller.', Perm.PARAM_READ));
});

test('order: within one role the highest Order among covering permissions wins', () => {
  const set = new RoleSet([
    {
      enable: true,
      permissions: [
        perm({ order: 5, targets: ['Device.LocalAgent.Controller.'], param: 'r---' }),
        perm({ order: 1, targets: ['Device.'], param: 'rw--' }),
      ],
    },
  ]);
  // Controller params: order 5 (read only) beats order 1 (read/write)
  assert.ok(set.can('Device.LocalAgent.Controller.1.Enable', Perm.PARAM_READ));
  assert.ok(!set.can('Device.LocalAgent.Controller.1.Enable', Perm.PARAM_WRITE));
  // elsewhere only the order-1 permission covers
  assert.ok(set.can('Device.DeviceInfo.FriendlyName', Perm.PARAM_WRITE));
});

test('roles are ORed; disabled roles and permissions grant nothing', () => {
  const set = new RoleSet([
    { enable: true, permissions: [perm({ targets: ['Device.'], param: 'r---' })] },
    { enable: true, permissions: [perm({ targets: ['Device.DeviceInfo.'], param: '-w--' })] },
    { enable: false, permissions: [perm({ targets: ['Device.'], commandEvent: '--x-' })] },
    { enable: true, permissions: [perm({ enable: false, targets: ['Device.'], instantiatedObj: 'rw--' })] },
  ]);
  assert.ok(set.can('Device.DeviceInfo.FriendlyName', Perm.PARAM_READ | Perm.PARAM_WRITE));
  assert.equal(set.mask('Device.DeviceInfo.FriendlyName') & (Perm.PARAM_READ | Perm.PARAM_WRITE), Perm.PARAM_READ | Perm.PARAM_WRITE);
  assert.ok(!set.can('Device.LocalAgent.EndpointID', Perm.PARAM_WRITE));
  assert.ok(!set.can('Device.Reboot()', Perm.CMD_EXECUTE));
  assert.ok(!set.can('Device.LocalAgent.Controller.1.', Perm.INST_DELETE));
});

test('no roles (an untrusted Controller with an empty UntrustedRole) → nothing allowed', () => {
  const set = new RoleSet([]);
  assert.equal(set.mask('Device.DeviceInfo.SerialNumber'), 0);
});

test('search-expression targets cover nothing; {i} in a supported path matches * targets only', () => {
  const set = new RoleSet([
    {
      enable: true,
      permissions: [
        perm({ targets: ['Device.LocalAgent.Controller.[Alias=="x"].'], param: 'r---' }),
        perm({ targets: ['Device.LocalAgent.Subscription.*.'], obj: 'r---' }),
        perm({ targets: ['Device.LocalAgent.MTP.1.'], obj: 'r---' }),
      ],
    },
  ]);
  assert.ok(!set.can('Device.LocalAgent.Controller.1.Alias', Perm.PARAM_READ));
  assert.ok(set.can('Device.LocalAgent.Subscription.{i}.', Perm.OBJ_READ));
  assert.ok(!set.can('Device.LocalAgent.MTP.{i}.', Perm.OBJ_READ));
});

test('the per-path cache stays bounded', () => {
  const set = new RoleSet([{ enable: true, permissions: [perm({ targets: ['Device.'], param: 'r---' })] }], 8);
  for (let i = 1; i <= 100; i++) assert.ok(set.can('Device.X.' + i + '.Y', Perm.PARAM_READ));
  const cache = (set as unknown as { cache: Map<string, number> }).cache;
  assert.ok(cache.size <= 8);
});

test('objectParamMask: one answer per object unless a Target points inside it', () => {
  const set = new RoleSet([
    {
      enable: true,
      permissions: [
        perm({ targets: ['Device.'], param: 'r---' }),
        perm({ order: 2, targets: ['Device.DeviceInfo.Secret'], param: '----' }),
        perm({ order: 3, targets: ['Device.LocalAgent.Controller.2.'], param: '----' }),
      ],
    },
  ]);
  // a parameter target inside DeviceInfo → ask per parameter
  assert.equal(set.objectParamMask('Device.DeviceInfo.'), -1);
  assert.ok(!set.can('Device.DeviceInfo.Secret', Perm.PARAM_READ));
  // nothing inside Time → uniform read
  assert.equal(set.objectParamMask('Device.Time.') & Perm.PARAM_READ, Perm.PARAM_READ);
  // Controller.1 is untouched by the Controller.2 target; the table level is not uniform
  assert.equal(set.objectParamMask('Device.LocalAgent.Controller.1.') & Perm.PARAM_READ, Perm.PARAM_READ);
  assert.equal(set.objectParamMask('Device.LocalAgent.Controller.2.'), 0);
  assert.equal(set.objectParamMask('Device.LocalAgent.'), -1);
  assert.equal(set.objectParamMask('Device.LocalAgent.Controller.{i}.'), -1);
});

test('property: when objectParamMask gives an answer, it equals mask() of every parameter of that object', () => {
  const seg = fc.constantFrom('Device', 'A', 'B', '1', '2', '*', '{i}');
  const target = fc.tuple(fc.array(seg, { minLength: 0, maxLength: 3 }), fc.constantFrom('.', '.P', '.Q', '.B.'))
    .map(([s, end]) => 'Device' + (s.length ? '.' + s.join('.') : '') + end);
  const permission = fc.record({
    enable: fc.boolean(),
    order: fc.nat(4),
    targets: fc.array(target, { minLength: 1, maxLength: 3 }),
    param: fc.constantFrom('r---', '-w--', 'rw--', '----'),
    obj: fc.constant('----'),
    instantiatedObj: fc.constant('----'),
    commandEvent: fc.constant('----'),
  });
  const roles = fc.array(fc.record({ enable: fc.boolean(), permissions: fc.array(permission, { maxLength: 4 }) }), { maxLength: 3 });
  const obj = fc.array(fc.constantFrom('A', 'B', '1', '2'), { maxLength: 3 }).map((s) => 'Device.' + (s.length ? s.join('.') + '.' : ''));
  fc.assert(
    fc.property(roles, obj, (rs, o) => {
      const set = new RoleSet(rs);
      const m = set.objectParamMask(o);
      if (m < 0) return;
      for (const p of ['P', 'Q', 'X']) assert.equal(set.mask(o + p), m, o + p);
    }),
    { numRuns: 500 },
  );
});
