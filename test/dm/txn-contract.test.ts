// The transaction contract of src/dm/api.ts (ObjectHandlers validate/commit/rollback) as Set
// uses it: validate runs once per changed object per commit; rollback handlers run when a
// validated change is undone; allow_partial=true keeps the objects that passed and vetoes
// nothing else; allow_partial=false rolls everything back on one failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { host } from '../../boards/host/profile.ts';
import type { Set as UspSet } from '../../src/codec/index.ts';
import { createEngine, treeOf } from '../../src/dm/index.ts';
import { defineModule, defineObject, str, uint, UspError, ErrorCode } from '../../src/index.ts';
import { FULL_ACCESS } from '../../src/usp/access.ts';
import type { RequestContext } from '../../src/usp/dispatch.ts';
import { handleSet } from '../../src/usp/set.ts';
import { memoryHal } from '../support/memory-hal.ts';

function world() {
  const calls: string[] = [];
  const module = defineModule({
    objects: [
      defineObject({ path: 'Device.' }),
      defineObject({
        path: 'Device.Zone.{i}.',
        access: 'AD',
        params: [str('Name', 16, { access: 'W' }), uint('Level', { access: 'W' })],
      }, {
        // Level 13 is refused when the change is validated (a cross-check a write handler cannot do).
        validate: (_ctx, c) => {
          calls.push('validate ' + c.path);
          if (c.value('Level') === '13') throw new UspError(ErrorCode.VALUE_CONFLICT, 'unlucky level', c.path + 'Level');
        },
        commit: (_ctx, c) => void calls.push('commit ' + c.path),
        rollback: (_ctx, c) => void calls.push('rollback ' + c.path),
      }),
    ],
  });
  const defaults = { 'Device.Zone.1.Name': 'a', 'Device.Zone.2.Name': 'b', 'Device.Zone.3.Name': 'c' };
  const engine = createEngine({ hal: memoryHal(), profile: host, modules: [module], tree: treeOf([module]), defaults });
  calls.length = 0;
  const ctx: RequestContext = { engine, msgId: 'm', requester: { endpointId: 'proto::c', controllerPath: undefined, access: FULL_ACCESS } };
  const set = (allowPartial: boolean, levels: [number, string][]) => {
    const req: UspSet = { allowPartial, updateObjs: levels.map(([i, level]) => ({ objPath: `Device.Zone.${i}.`, paramSettings: [{ param: 'Level', value: level, required: true }] })) };
    return handleSet(req, ctx);
  };
  return { engine, calls, set };
}

test('given a transaction whose changes passed validate, when it is rolled back, then each rollback handler runs once', () => {
  const { engine, calls } = world();
  const txn = engine.begin();
  txn.set('Device.Zone.1.Level', '4');
  txn.set('Device.Zone.2.Level', '5');
  txn.validate();
  txn.rollback();
  assert.deepEqual(calls, ['validate Device.Zone.1.', 'validate Device.Zone.2.', 'rollback Device.Zone.2.', 'rollback Device.Zone.1.']);
  assert.equal(engine.get('Device.Zone.1.Level'), '0');
});

test('given a validated change undone to a savepoint, then only its rollback handler runs, and the rest commits', () => {
  const { engine, calls } = world();
  const txn = engine.begin();
  txn.set('Device.Zone.1.Level', '4');
  txn.validate();
  const sp = txn.savepoint();
  txn.set('Device.Zone.2.Level', '5');
  txn.validate();
  txn.rollbackTo(sp);
  txn.commit();
  assert.deepEqual(calls, ['validate Device.Zone.1.', 'validate Device.Zone.2.', 'rollback Device.Zone.2.', 'commit Device.Zone.1.']);
  assert.deepEqual([engine.get('Device.Zone.1.Level'), engine.get('Device.Zone.2.Level')], ['4', '0']);
});

test('given Set with allow_partial=true over three objects, then validate runs once per changed object and commit once each', () => {
  const { calls, set } = world();
  set(true, [[1, '1'], [2, '2'], [3, '3']]);
  assert.deepEqual(calls.filter((c) => c.startsWith('validate')), ['validate Device.Zone.1.', 'validate Device.Zone.2.', 'validate Device.Zone.3.']);
  assert.deepEqual(calls.filter((c) => c.startsWith('commit')), ['commit Device.Zone.1.', 'commit Device.Zone.2.', 'commit Device.Zone.3.']);
});

test('given Set with allow_partial=true where one object fails validation, then the others stay committed and only it fails', () => {
  const { engine, calls, set } = world();
  const resp = set(true, [[1, '1'], [2, '13'], [3, '3']]);
  assert.equal(resp.case, 'setResp');
  const status = resp.value.updatedObjResults.map((r) => r.operStatus?.operStatus.case);
  assert.deepEqual(status, ['operSuccess', 'operFailure', 'operSuccess']);
  assert.deepEqual([1, 2, 3].map((i) => engine.get(`Device.Zone.${i}.Level`)), ['1', '0', '3']);
  assert.deepEqual(calls.filter((c) => c.startsWith('commit')), ['commit Device.Zone.1.', 'commit Device.Zone.3.']);
  assert.equal(calls.filter((c) => c === 'validate Device.Zone.1.').length, 1, 'zone 1 is not validated again at commit');
});

test('given Set with allow_partial=false where one object fails validation, then nothing changes and the passed ones are rolled back', () => {
  const { engine, calls, set } = world();
  assert.throws(() => set(false, [[1, '1'], [2, '13'], [3, '3']]), (e: unknown) => (e as UspError).code === ErrorCode.VALUE_CONFLICT);
  assert.deepEqual([1, 2, 3].map((i) => engine.get(`Device.Zone.${i}.Level`)), ['0', '0', '0']);
  assert.deepEqual(calls.filter((c) => c.startsWith('commit')), []);
  assert.ok(calls.includes('rollback Device.Zone.1.'), 'a change that passed validate is released');
});
