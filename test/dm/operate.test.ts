import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AsyncOperation, ChangeEvent, ModelModule, ObjectDef } from '../../src/dm/api.ts';
import { memoryHal } from '../support/memory-hal.ts';
import { fixture, isUsp, SMALL, TEST_MODULE, TEST_OBJECTS } from './fixture.ts';

const ORIGIN = { endpointId: 'proto::ctl', controllerPath: 'Device.LocalAgent.Controller.1' };

test('given a sync command, when operated, then inputs get defaults and outputs come back as strings', () => {
  const { engine } = fixture();
  assert.deepEqual(engine.operate('Device.Table.1.', 'Echo()', { Text: 'ab', Junk: 'ignored' }, 'k', ORIGIN),
    { kind: 'sync', output: { Out: 'ab' } });
  assert.deepEqual(engine.operate('Device.Table.1.', 'Echo()', { Text: 'ab', Times: '3' }, 'k', ORIGIN),
    { kind: 'sync', output: { Out: 'ababab' } });
});

test('given bad Operate calls, then missing mandatory/bad argument 7027, unknown command 7026, missing object 7016', () => {
  const { engine } = fixture();
  assert.throws(() => engine.operate('Device.Table.1.', 'Echo()', {}, '', ORIGIN), isUsp(7027));
  assert.throws(() => engine.operate('Device.Table.1.', 'Echo()', { Text: 'a', Times: '-1' }, '', ORIGIN), isUsp(7027));
  assert.throws(() => engine.operate('Device.Table.1.', 'Nope()', {}, '', ORIGIN), isUsp(7026));
  assert.throws(() => engine.operate('Device.Table.9.', 'Echo()', { Text: 'a' }, '', ORIGIN), isUsp(7016));
});

// A model with a Request table and a controllable async command.
function asyncModel(ops: { op?: AsyncOperation }) {
  const f = Object.freeze;
  const objects: ObjectDef[] = TEST_OBJECTS.map((d) => d.path === 'Device.'
    ? { ...d, commands: [{ name: 'Wait()', async: true, input: [{ name: 'Ms', type: 'unsignedInt', mandatory: true }], output: [{ name: 'Took', type: 'unsignedInt' }] }] }
    : d);
  objects.push(
    f({ path: 'Device.LocalAgent.' }),
    f({
      path: 'Device.LocalAgent.Request.{i}.', access: 'R' as const, persist: false, uniqueKeys: [['Alias']],
      params: [
        { name: 'Alias', type: 'string' as const, access: 'W' as const },
        { name: 'Originator', type: 'string' as const }, { name: 'Command', type: 'string' as const },
        { name: 'CommandKey', type: 'string' as const }, { name: 'Status', type: 'string' as const },
      ],
    }),
  );
  const module: ModelModule = {
    objects,
    keyPrefix: 'cpe-',
    requestTable: 'Device.LocalAgent.Request.',
    handlers: {
      'Device.': {
        operate: {
          'Wait()': (ctx, call) => {
            const start = ctx.hal.clock.monotonicMs();
            const due = start + Number(call.input.Ms);
            let cancelled = false;
            ops.op = {
              deadline: () => due,
              cancel: () => { cancelled = true; },
              poll: (now) => {
                if (cancelled) return undefined;
                if (call.input.Ms === '13') throw new Error('unlucky');
                return now >= due ? { Took: now - start } : undefined;
              },
            };
            return ops.op;
          },
        },
      },
    },
  };
  return module;
}

test('given an async command, when operated, then a Request row exists until step() completes it (R-OPR.0/2)', () => {
  const hal = memoryHal();
  const ops: { op?: AsyncOperation } = {};
  const { engine } = fixture({ hal, modules: [asyncModel(ops)] });
  const events: ChangeEvent[] = [];
  engine.onChange((e) => events.push(e));
  const r = engine.operate('Device.', 'Wait()', { Ms: '500' }, 'key-7', ORIGIN);
  assert.deepEqual(r, { kind: 'async', requestPath: 'Device.LocalAgent.Request.1.' });
  assert.deepEqual(engine.params('Device.LocalAgent.Request.1.').map((p) => p.value),
    ['cpe-1', 'proto::ctl', 'Device.Wait()', 'key-7', 'Active']);
  assert.equal(engine.nextDeadline(), hal.time.mono + 500);
  engine.step(hal.time.mono + 499);
  assert.equal(engine.exists('Device.LocalAgent.Request.1.'), true);
  engine.step(hal.time.mono + 500);
  assert.equal(engine.exists('Device.LocalAgent.Request.1.'), false);
  assert.equal(engine.nextDeadline(), -1);
  assert.deepEqual(events.map((e) => e.type), ['objectCreation', 'operationComplete', 'objectDeletion']);
  assert.deepEqual(events[1], {
    type: 'operationComplete', objPath: 'Device.', command: 'Wait()', commandKey: 'key-7',
    requestPath: 'Device.LocalAgent.Request.1.', originator: 'proto::ctl', output: { Took: '500' },
  });
  // Request rows are volatile: nothing of them is in storage.
  assert.equal(Array.from(hal.disk.keys()).some((k) => k.includes('Request')), false);
});

test('given a failing async command, when stepped, then operationComplete carries the error (7022)', () => {
  const ops: { op?: AsyncOperation } = {};
  const { engine, hal } = fixture({ modules: [asyncModel(ops)] });
  const events: ChangeEvent[] = [];
  engine.onChange((e) => events.push(e));
  engine.operate('Device.', 'Wait()', { Ms: '13' }, '', ORIGIN);
  engine.step(hal.time.mono);
  const done = events.find((e) => e.type === 'operationComplete');
  assert.deepEqual(done && done.type === 'operationComplete' && done.error, { code: 7022, message: 'unlucky' });
});

test('given a running operation, when cancelled, then it stops and completes with 7023', () => {
  const ops: { op?: AsyncOperation } = {};
  const { engine } = fixture({ modules: [asyncModel(ops)] });
  const events: ChangeEvent[] = [];
  engine.onChange((e) => events.push(e));
  const r = engine.operate('Device.', 'Wait()', { Ms: '1000' }, '', ORIGIN);
  assert.ok(r.kind === 'async');
  engine.cancel(r.requestPath);
  const done = events.find((e) => e.type === 'operationComplete');
  assert.equal(done && done.type === 'operationComplete' && done.error!.code, 7023);
  assert.equal(engine.exists(r.requestPath), false);
  assert.throws(() => engine.cancel(r.requestPath), isUsp(7022));
});

test('given the async bound of the profile, when exceeded, then 7005', () => {
  const ops: { op?: AsyncOperation } = {};
  const { engine } = fixture({ modules: [asyncModel(ops)], profile: { ...SMALL, limits: { ...SMALL.limits, asyncOperations: 2 } } });
  engine.operate('Device.', 'Wait()', { Ms: '1000' }, '', ORIGIN);
  engine.operate('Device.', 'Wait()', { Ms: '1000' }, '', ORIGIN);
  assert.throws(() => engine.operate('Device.', 'Wait()', { Ms: '1000' }, '', ORIGIN), isUsp(7005));
});

test('given an event, when emitted, then listeners get canonical args; unknown events are 7026', () => {
  const { engine } = fixture();
  const events: ChangeEvent[] = [];
  const off = engine.onChange((e) => events.push(e));
  engine.emitEvent('Device.', 'Ping!', { N: '+4' });
  assert.deepEqual(events, [{ type: 'event', objPath: 'Device.', name: 'Ping!', args: { N: '4' } }]);
  assert.throws(() => engine.emitEvent('Device.', 'Pong!', {}), isUsp(7026));
  off();
  engine.emitEvent('Device.', 'Ping!', {});
  assert.equal(events.length, 1);
});

test('given a module that declares a command without an operate handler, when it is operated, then 7022 and nothing else happens', () => {
  const objects = TEST_OBJECTS.map((d) => d.path === 'Device.Table.{i}.'
    ? { ...d, commands: [...(d.commands ?? []), { name: 'Orphan()', async: false }] }
    : d);
  const { engine } = fixture({ modules: [{ objects, handlers: TEST_MODULE.handlers }] });
  assert.throws(() => engine.operate('Device.Table.1.', 'Orphan()', {}, '', ORIGIN), isUsp(7022, 'Device.Table.1.Orphan()'));
  // the declared, handled command still works
  assert.deepEqual(engine.operate('Device.Table.1.', 'Echo()', { Text: 'x' }, '', ORIGIN), { kind: 'sync', output: { Out: 'x' } });
});
