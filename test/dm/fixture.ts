// A small test model exercising every engine feature: tables with unique keys, nested tables,
// single-instance sub-objects, strong references, each TR-106 type, commands and an event.
import { host } from '../../boards/host/profile.ts';
import type { BoardProfile } from '../../boards/profile.ts';
import type { Defaults, Engine, ModelModule, ObjectDef, ParamDef } from '../../src/dm/api.ts';
import { createEngine } from '../../src/dm/index.ts';
import { treeOf } from '../../src/dm/schema.ts';
import { memoryHal, type MemoryHal } from '../support/memory-hal.ts';

const f = Object.freeze;
const p = (d: ParamDef) => f(d);

export const TEST_OBJECTS: readonly ObjectDef[] = f([
  f({
    path: 'Device.',
    params: f([
      p({ name: 'Name', type: 'string', access: 'W', maxLength: 8 }),
      p({ name: 'Level', type: 'unsignedInt', access: 'W', min: 1, max: 10, default: '5' }),
      p({ name: 'Once', type: 'string', access: 'WO' }),
      p({ name: 'Fixed', type: 'string', default: 'ro' }),
    ]),
    events: f([f({ name: 'Ping!', args: f([p({ name: 'N', type: 'int' })]) })]),
  }),
  f({
    path: 'Device.Other.{i}.',
    access: 'AD' as const,
    minEntries: 1,
    uniqueKeys: f([f(['Alias'])]),
    params: f([p({ name: 'Alias', type: 'string', access: 'W', maxLength: 64 }), p({ name: 'Name', type: 'string', access: 'W' })]),
  }),
  f({
    path: 'Device.Table.{i}.',
    access: 'AD' as const,
    uniqueKeys: f([f(['Alias']), f(['Key'])]),
    params: f([
      p({ name: 'Alias', type: 'string', access: 'W', maxLength: 64 }),
      p({ name: 'Key', type: 'string', access: 'W', maxLength: 32 }),
      p({ name: 'Enable', type: 'boolean', access: 'W' }),
      p({ name: 'Num', type: 'int', access: 'W' }),
      p({ name: 'Big', type: 'unsignedLong', access: 'W' }),
      p({ name: 'When', type: 'dateTime', access: 'W' }),
      p({ name: 'Tags', type: 'string', access: 'W', list: true }),
      p({ name: 'Nums', type: 'unsignedInt', access: 'W', list: true }),
      p({ name: 'Ref', type: 'string', access: 'W', ref: f({ kind: 'strong' as const, target: 'Device.Other.{i}.' }) }),
      p({ name: 'Refs', type: 'string', access: 'W', list: true, ref: f({ kind: 'strong' as const, target: 'Device.Other.{i}.' }) }),
      p({ name: 'Weak', type: 'string', access: 'W', ref: f({ kind: 'weak' as const, target: 'Device.Other.{i}.' }) }),
      p({ name: 'Color', type: 'string', access: 'W', enum: f(['red', 'green']), default: 'red' }),
    ]),
    commands: f([f({
      name: 'Echo()', async: false,
      input: f([p({ name: 'Text', type: 'string', mandatory: true }), p({ name: 'Times', type: 'unsignedInt', default: '1' })]),
      output: f([p({ name: 'Out', type: 'string' })]),
    })]),
  }),
  f({ path: 'Device.Table.{i}.Stats.', params: f([p({ name: 'Errors', type: 'unsignedInt', access: 'W' })]) }),
  f({
    path: 'Device.Table.{i}.Sub.{i}.',
    access: 'AD' as const,
    maxEntries: 3,
    uniqueKeys: f([f(['Alias'])]),
    params: f([p({ name: 'Alias', type: 'string', access: 'W' }), p({ name: 'Val', type: 'string', access: 'W' })]),
  }),
  f({
    path: 'Device.Fixed.{i}.',
    access: 'R' as const,
    params: f([p({ name: 'Val', type: 'string' })]),
  }),
]);

export const TEST_MODULE: ModelModule = f({
  objects: TEST_OBJECTS,
  keyPrefix: 'cpe-',
  handlers: f({
    'Device.Table.{i}.': f({
      operate: f({
        'Echo()': (_ctx: unknown, call: { input: { [k: string]: string } }) => ({ Out: call.input.Text.repeat(Number(call.input.Times)) }),
      }),
    }),
  }),
}) as ModelModule;

/** Profile with a small table bound, to reach 7005 quickly. */
export const SMALL: BoardProfile = f({ ...host, limits: f({ ...host.limits, instancesPerTable: 4 }) });

export interface Fixture { hal: MemoryHal; engine: Engine }

export const DEFAULTS = f({
  'Device.Name': 'dev',
  'Device.Other.1.Alias': 'o1',
  'Device.Other.2.Alias': 'o2',
  'Device.Table.1.Alias': 't1',
  'Device.Table.1.Key': 'alpha',
  'Device.Table.1.Enable': 'true',
  'Device.Table.1.Num': '-5',
  'Device.Table.1.Tags': 'a,b',
  'Device.Table.1.Ref': 'Device.Other.1',
  'Device.Table.1.Refs': 'Device.Other.1,Device.Other.2',
  'Device.Table.1.Stats.Errors': '3',
  'Device.Table.1.Sub.1.Val': 'x',
  'Device.Table.1.Sub.2.Val': 'y',
  'Device.Table.2.Key': 'beta',
  'Device.Table.2.Num': '7',
  'Device.Table.2.When': '2025-06-01T12:00:00Z',
  'Device.Table.3.Key': 'gamma',
  'Device.Table.3.Num': '12',
  'Device.Table.3.Enable': 'true',
  'Device.Table.3.Ref': 'Device.Other.2',
  'Device.Table.3.Tags': 'c',
});

export function fixture(opts: { hal?: MemoryHal; profile?: BoardProfile; modules?: ModelModule[]; defaults?: Defaults } = {}): Fixture {
  const hal = opts.hal || memoryHal();
  const modules = opts.modules || [TEST_MODULE];
  const engine = createEngine({ hal, profile: opts.profile || SMALL, modules, tree: treeOf(modules), defaults: opts.defaults || DEFAULTS });
  return { hal, engine };
}

/** Expect a UspError with `code` (and path, when given). */
export function isUsp(code: number, path?: string) {
  return (e: unknown) => {
    const err = e as { code?: number; path?: string };
    if (err.code !== code) throw new Error(`expected ${code}, got ${err.code}: ${(e as Error).message}`);
    if (path !== undefined && err.path !== path) throw new Error(`expected path ${path}, got ${err.path}`);
    return true;
  };
}
