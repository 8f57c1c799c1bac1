// The TR-181 model of tinyusp: the modules the engine is created with. A device maker appends
// its own modules (examples/x-acme-thermostat/model.ts) without touching src/.
import type { Engine, ModelModule } from '../dm/api.ts';
import { bootParameterMap } from './boot-params.ts';
import { controllerTrustModule } from './controller-trust.ts';
import { bootEventArgs, deviceModule } from './device.ts';
import { localAgentModule, type LocalAgentHooks } from './local-agent.ts';

/** Fresh module instances (they hold per-boot state such as the UpTime origin). */
export function tr181Modules(hooks: LocalAgentHooks = {}): ModelModule[] {
  return [deviceModule(), localAgentModule(hooks), controllerTrustModule()];
}

/** Device.Boot! arguments for one recipient Controller (digest §4.4: its own ParameterMap). */
export function bootEvent(engine: Engine, controllerPath: string): { [name: string]: string } {
  return bootEventArgs({ engine }, bootParameterMap(engine, controllerPath));
}

export type { LocalAgentHooks } from './local-agent.ts';
