import { readFileSync } from 'node:fs';
import { host } from '../../boards/host/profile.ts';
import type { Engine, ModelModule } from '../../src/dm/api.ts';
import { createEngine } from '../../src/dm/index.ts';
import { modelTree, tr181Model, type BootInfo } from '../../src/model/index.ts';
import { memoryHal, type MemoryHal, type MemoryHalOptions } from '../support/memory-hal.ts';

export const DEMO_DEFAULTS: { [path: string]: string } = JSON.parse(
  readFileSync(new URL('../../examples/demo-defaults.json', import.meta.url), 'utf8'),
);

export const CONTROLLER_1 = { endpointId: 'proto::controller-1', controllerPath: 'Device.LocalAgent.Controller.1' };

export function boot(opts: { hal?: MemoryHal; halOptions?: MemoryHalOptions; extra?: ModelModule[]; defaults?: { [p: string]: string } } = {}): { engine: Engine; hal: MemoryHal; bootInfo(): BootInfo } {
  const hal = opts.hal || memoryHal(opts.halOptions);
  const model = tr181Model();
  const engine = createEngine({ hal, profile: host, modules: [...model.modules, ...(opts.extra || [])], tree: modelTree(opts.extra), defaults: opts.defaults || DEMO_DEFAULTS });
  return { engine, hal, bootInfo: model.bootInfo };
}
