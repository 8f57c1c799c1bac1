// The TR-181 model of tinyusp: the modules the engine is created with. A device maker appends
// its own modules (see x-acme-thermostat.ts) without touching src/dm.
import type { ModelModule } from '../dm/api.ts';
import { controllerTrustModule } from './controller-trust.ts';
import { deviceModule } from './device.ts';
import { localAgentModule, type LocalAgentHooks } from './local-agent.ts';

/** Fresh module instances (they hold per-boot state such as the UpTime origin). */
export function tr181Modules(hooks: LocalAgentHooks = {}): ModelModule[] {
  return [deviceModule(), localAgentModule(hooks), controllerTrustModule()];
}

export { bootEventArgs } from './device.ts';
export { bootParameterMap } from './boot-params.ts';
export { CONTROLLER_TABLE, SUBSCRIPTION_TABLE, type LocalAgentHooks } from './local-agent.ts';
