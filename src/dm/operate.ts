// Operate: input checks (R-OPR.5-7), sync calls, and async operations tracked in
// Device.LocalAgent.Request.{i} (R-OPR.0) and driven by step(now) — no timers in the core.
import { isStringMap } from '../codec/entry-map.ts';
import { ErrorCode, UspError, notInModel, noSuchObject } from '../errors.ts';
import type {
  AsyncOperation, ChangeEvent, CommandDef, CommandInput, HandlerContext, OperateResult, Origin, ParamDef, Value,
} from './api.ts';
import { named, nodeAt, type Schema } from './schema.ts';
import { supportedPathOf } from './paths.ts';
import type { Txn } from './txn.ts';
import { withPath } from './txn-checks.ts';
import { canonical, formatValue } from './values.ts';

/** The Agent itself as the origin of a change (Request rows, boot clean-up). */
export const AGENT: Origin = Object.freeze({ endpointId: '' });

interface Running {
  readonly op: AsyncOperation;
  readonly objPath: string;
  readonly command: string;
  readonly commandKey: string;
  readonly originator: string;
  /** The command's output arguments (schema data, shared). */
  readonly outputs: CommandDef['output'];
}

function isAsyncOp(v: unknown): v is AsyncOperation {
  return !!v && typeof (v as AsyncOperation).poll === 'function' && typeof (v as AsyncOperation).cancel === 'function';
}

/** Instances of a multi-instance input argument object accepted per call (TR-181 TimeWindow: 5). */
const INPUT_INSTANCES = 8;

function checkInput(cmd: CommandDef, input: CommandInput): { [name: string]: string } {
  const out: { [name: string]: string } = {};
  const map = isStringMap(input) ? input : undefined;
  const obj = input as { readonly [name: string]: string };
  const lookup = (name: string) => (map ? map.get(name) : Object.prototype.hasOwnProperty.call(obj, name) ? obj[name] : undefined);
  const check = (a: ParamDef, name: string, v: string) => {
    try { out[name] = canonical(a, v); } catch (e) {
      throw new UspError(ErrorCode.INVALID_COMMAND_ARGUMENTS, `argument ${name}: ${(e as Error).message}`);
    }
  };
  for (const a of cmd.input || []) {
    if (a.name.indexOf('{i}') >= 0) {
      // A multi-instance input object (Activate()'s TimeWindow.{i}.): instances 1..INPUT_INSTANCES
      // are looked up by name, so the bound holds whatever the peer sends; no default applies.
      for (let i = 1; i <= INPUT_INSTANCES; i++) {
        const name = a.name.replace('{i}', String(i));
        const v = lookup(name);
        if (v !== undefined) check(a, name, v);
      }
      continue;
    }
    // Only schema names are looked up (a Map's other keys never become property names).
    const given = lookup(a.name);
    if (given === undefined) {
      // R-OPR.5@1.4: missing mandatory argument → 7027; R-OPR.7: optional → its default.
      if (a.mandatory) throw new UspError(ErrorCode.INVALID_COMMAND_ARGUMENTS, `missing mandatory argument ${a.name}`);
      if (a.default !== undefined) out[a.name] = a.default;
    } else check(a, a.name, given);
  }
  return out; // R-OPR.6: unknown arguments are ignored
}

function formatOutput(outputs: Running['outputs'], result: { [name: string]: Value }): { [name: string]: string } {
  const out: { [name: string]: string } = {};
  for (const a of outputs || []) {
    if (Object.prototype.hasOwnProperty.call(result, a.name)) out[a.name] = formatValue(a, result[a.name]);
  }
  return out;
}

/**
 * The engine's operations part: the engine (engine.ts) extends it and provides what it needs
 * (the abstract members), so the Engine's operate/resume/cancel are these methods themselves.
 */
export abstract class Operations {
  private readonly running = new Map<string, Running>();
  abstract readonly schema: Schema;
  abstract exists(objPath: string): boolean;
  abstract ctx(origin: Origin): HandlerContext;
  /** Run fn in the open transaction, or in one of its own on behalf of `origin` (committed after). */
  abstract inTxn<T>(origin: Origin, fn: (txn: Txn) => T): T;
  abstract emit(events: ChangeEvent[]): void;
  /**
   * The table whose rows list running asynchronous commands (ModelModule.requestTable), if the
   * model has one: its rows have Originator, Command, CommandKey and Status.
   */
  abstract requestTable(): string | undefined;

  /** `maxOperations`: the board profile's limits.asyncOperations. */
  constructor(private readonly maxOperations: number) {}

  /** The definition of `command` of the object at objPath (7026 when the model has none). */
  private commandOf(objPath: string, command: string): CommandDef {
    const node = nodeAt(this.schema, supportedPathOf(objPath));
    const cmd = node && named(node.commands, command);
    if (!cmd) throw notInModel(objPath + command);
    return cmd;
  }

  operate(objPath: string, command: string, input: CommandInput, commandKey: string, origin: Origin): OperateResult {
    const cmd = this.commandOf(objPath, command);
    if (!this.exists(objPath)) throw noSuchObject(objPath);
    const ops = this.schema.handlersOf(supportedPathOf(objPath)).operate;
    const handler = ops && ops[command];
    // A model module that declares a command but registers no operate handler for it.
    if (!handler) throw new UspError(ErrorCode.COMMAND_FAILURE, 'no handler for this command in the data model', objPath + command);
    const args = checkInput(cmd, input);
    if (cmd.async) {
      if (this.running.size >= this.maxOperations) {
        throw new UspError(ErrorCode.RESOURCES_EXCEEDED, 'too many asynchronous operations', objPath + command);
      }
      if (!this.requestTable()) throw new UspError(ErrorCode.COMMAND_FAILURE, 'no Request table', objPath + command);
    }
    let result: ReturnType<typeof handler>;
    try {
      result = this.inTxn(origin, (txn) => handler(this.ctx(origin), { objPath, command, input: args, commandKey }, txn));
    } catch (e) {
      throw withPath(e, objPath + command, ErrorCode.COMMAND_FAILURE);
    }
    // A handler returning the other kind of result (an operation or not) is a model's programming error.
    if (isAsyncOp(result) !== cmd.async) throw new UspError(ErrorCode.INTERNAL_ERROR, 'command handler returned the wrong kind of result');
    return cmd.async ? { kind: 'async', requestPath: this.track(objPath, command, commandKey, origin, result as AsyncOperation, cmd.output) }
      : { kind: 'sync', output: formatOutput(cmd.output, result as { [name: string]: Value }) };
  }

  /** Re-attach an operation a module restored after a reboot (persistent commands). */
  resume(objPath: string, command: string, commandKey: string, origin: Origin, op: AsyncOperation): string {
    const cmd = this.commandOf(objPath, command);
    if (!cmd.async) throw new UspError(ErrorCode.INVALID_PATH, 'not an asynchronous command', objPath + command);
    if (this.running.size >= this.maxOperations) {
      op.cancel();
      throw new UspError(ErrorCode.RESOURCES_EXCEEDED, 'too many asynchronous operations', objPath + command);
    }
    return this.track(objPath, command, commandKey, origin, op, cmd.output);
  }

  private track(objPath: string, command: string, commandKey: string, origin: Origin, op: AsyncOperation, outputs: Running['outputs']): string {
    let requestPath: string;
    try {
      requestPath = this.inTxn(AGENT, (txn) => txn.agentAdd(this.requestTable() as string, {
        Originator: origin.endpointId, Command: objPath + command, CommandKey: commandKey, Status: 'Active',
      }));
    } catch (e) {
      op.cancel();
      throw e;
    }
    this.running.set(requestPath, { op, objPath, command, commandKey, originator: origin.endpointId, outputs });
    return requestPath;
  }

  private finish(requestPath: string, output?: { [name: string]: string }, error?: UspError): void {
    const r = this.running.get(requestPath);
    if (!r) return;
    this.running.delete(requestPath);
    // R-OPR.2: OperationComplete, then the Request row goes.
    const ev: ChangeEvent = {
      type: 'operationComplete', objPath: r.objPath, command: r.command, commandKey: r.commandKey,
      requestPath, originator: r.originator,
      ...(error ? { error: { code: error.code, message: error.message } } : { output: output || {} }),
    };
    this.emit([ev]);
    if (this.exists(requestPath)) this.inTxn(AGENT, (txn) => txn.agentDelete(requestPath));
  }

  /** Request.{i}.Cancel(): the operation stops and completes with 7023. */
  cancel(requestPath: string): void {
    const r = this.running.get(requestPath);
    if (!r) throw new UspError(ErrorCode.COMMAND_FAILURE, 'no running operation', requestPath);
    this.inTxn(AGENT, (txn) => txn.agentSet(requestPath + 'Status', 'Canceling'));
    try { r.op.cancel(); } catch { /* a failing cancel still cancels */ }
    this.finish(requestPath, undefined, new UspError(ErrorCode.COMMAND_CANCELED, 'Command canceled'));
  }

  step(nowMs: number): void {
    for (const [path, r] of Array.from(this.running)) {
      let out: { [name: string]: Value } | undefined;
      try {
        out = r.op.poll(nowMs);
      } catch (e) {
        this.finish(path, undefined, withPath(e, path, ErrorCode.COMMAND_FAILURE));
        continue;
      }
      if (out) this.finish(path, formatOutput(r.outputs, out));
    }
  }

  nextDeadline(): number {
    let d = -1;
    for (const r of this.running.values()) {
      const t = r.op.deadline();
      if (t >= 0 && (d < 0 || t < d)) d = t;
    }
    return d;
  }

}
