// The agent core (src/core.ts) and a USP Controller on the simulated network (sim-net.ts):
// portable (no Node), so the same world runs under node:test and inside the XS runner. The
// Controller is the project's own CoAP endpoint + USP binding in the Controller role; every
// Record the agent sends it (responses and Notify requests) is collected in `received`.
import type { BoardProfile } from '../../boards/profile.ts';
import { CoapEndpoint } from '../../src/coap/endpoint.ts';
import { createCore, type Core, type CoreHal, type Defaults } from '../../src/core.ts';
import type { ModelModule } from '../../src/dm/api.ts';
import { modelTree } from '../../src/model/index.ts';
import { UspCoapBinding, type SendOutcome } from '../../src/mtp/coap.ts';
import { seededBytes, type SimNet, type SimNode } from './sim-net.ts';

export interface SimAgent {
  core: Core;
  uri: string;
}

/** Start the core at address:port on `net`; its HAL clock follows the network's virtual time. */
export function attachAgent(net: SimNet, address: string, port: number, opts: {
  hal: CoreHal & { clock: { now: number } }; board: BoardProfile; defaults: Defaults; modules?: ModelModule[]; trace?: (line: string) => void;
}): SimAgent {
  const core = createCore({
    hal: opts.hal, board: opts.board, defaults: opts.defaults, modules: opts.modules, tree: opts.modules && modelTree(opts.modules), host: address, trace: opts.trace,
    send: net.sender(address, port),
  });
  core.listening(port);
  const node: SimNode = {
    receive: (d, p, now) => { opts.hal.clock.now = now; core.receive(d, p, now); },
    step: (now) => { opts.hal.clock.now = now; core.step(now); },
    nextDeadline: () => core.nextDeadline(),
  };
  net.attach(address, port, node);
  return { core, uri: core.uri() };
}

export interface SimController {
  uri: string;
  binding: UspCoapBinding;
  /** Every Record the agent sent to this Controller, in arrival order. */
  received: Uint8Array[];
  /** Send one Record to the agent at `agentUri`. */
  send(record: Uint8Array, agentUri: string, onDone?: (o: SendOutcome) => void): void;
}

export function attachController(net: SimNet, address: string, port: number, board: BoardProfile, seed: number): SimController {
  const endpoint = new CoapEndpoint({ send: net.sender(address, port), randomBytes: seededBytes(seed), limits: board.limits, transmission: board.coap });
  const uri = `coap://${address}:${port}/usp`;
  const received: Uint8Array[] = [];
  const binding = new UspCoapBinding(endpoint, { path: '/usp', interfaceType: 'bbf.usp.c' }, (record) => {
    received.push(record.slice());
    return 'ok';
  });
  net.attach(address, port, {
    receive: (d, p, now) => endpoint.receive(d, p, now),
    step: (now) => endpoint.step(now),
    nextDeadline: () => endpoint.nextDeadline(),
  });
  return {
    uri, binding, received,
    send: (record, agentUri, onDone) => binding.sendRecord(record, agentUri, uri, onDone ?? (() => {})),
  };
}
