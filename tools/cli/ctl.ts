// `tinyusp ctl`: a USP Controller on the command line. Readable output by default, `--json` for
// scripts. Exit codes: 0 success, 1 a USP error (message or per-path), 2 usage, 3 no answer (or
// a DTLS handshake that failed, with its reason). DTLS by default (tools/cli/ctl-security.ts).
import { create, toJson } from '@bufbuild/protobuf';
import { Header_MsgType, MsgSchema, type Msg, type Notify } from '../../gen/usp/usp-msg_pb.ts';
import { Controller, TransportError, UspTimeoutError } from '../controller/controller.ts';
import { intOption, parseArgs, UsageError, type Parsed } from './args.ts';
import { formatResponse, formatNotify, responseFailed } from './ctl-format.ts';
import { agentUri, DEFAULT_ID, dtlsOptions, SECURITY_FLAGS, SECURITY_HELP, SECURITY_VALUES } from './ctl-security.ts';

const HELP = `usage: tinyusp ctl <command> [arguments] [options]

commands:
  get <path>...                         Get parameters (object, parameter or search paths)
  set <path>=<value>...                 Set parameters (grouped by object)
  set <obj.> <param>=<value>...         Set parameters of one object path
  add <table.> [<param>=<value>...]     Add an instance
  delete <path>...                      Delete instances
  operate <command()> [<arg>=<value>...]  Run a command
  gsdm <path>...                        GetSupportedDM
  instances <path>...                   GetInstances
  gsp [<versions>]                      GetSupportedProtocol
  subscribe <type> <reference-list>     Add a Device.LocalAgent.Subscription (type: ValueChange,
                                        ObjectCreation, ObjectDeletion, OperationComplete, Event)
  listen                                Print Notify messages (answers NotifyResp) until --count

options:
  --agent <uri>        the agent's USP CoAP URI (default coaps://127.0.0.1:5683/usp;
                       with --allow-nosec coap://127.0.0.1:5683/usp)
  --agent-id <id>      the agent's Endpoint ID (default proto::tinyusp-demo)
  --id <id>            our Endpoint ID (default proto::controller-1)
  --host <addr>        our local address (default 127.0.0.1)
  --port <n>           our local CoAP port (default 0 = any; listen: 5684)
  --timeout <ms>       how long to wait for an answer (default 5000)
  --json               print the response as protobuf JSON
  --allow-partial      Set/Add/Delete: allow_partial=true
  --required           Set/Add: mark every parameter required
  --max-depth <n>      Get: max_depth
  --first-level        GetSupportedDM/GetInstances: first_level_only
  --command-key <k>    Operate: command_key
  --no-resp            Operate: send_resp=false
  --sub-id <id>        subscribe: the subscription ID (default generated)
  --persistent         subscribe: Persistent=true
  --retry              subscribe: NotifRetry=true
  --count <n>          listen: stop after n notifications (default: run until interrupted)

${SECURITY_HELP}`;

const VALUES = ['agent', 'agent-id', 'id', 'host', 'port', 'timeout', 'max-depth', 'command-key', 'sub-id', 'count', ...SECURITY_VALUES];
const FLAGS = ['json', 'allow-partial', 'required', 'first-level', 'no-resp', 'persistent', 'retry', ...SECURITY_FLAGS];

interface Ctx {
  p: Parsed;
  agent: string;
  agentId: string;
  timeout: number;
  json: boolean;
}

/** `a.b.c=v` → { obj: 'a.b.', param: 'c', value: 'v' }. */
function splitAssignment(arg: string): { obj: string; param: string; value: string } {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new UsageError(`expected <path>=<value>, got '${arg}'`);
  const path = arg.slice(0, eq);
  const dot = path.lastIndexOf('.');
  return { obj: path.slice(0, dot + 1), param: path.slice(dot + 1), value: arg.slice(eq + 1) };
}

function settings(args: string[], required: boolean): { param: string; value: string; required: boolean }[] {
  return args.map((a) => {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new UsageError(`expected <param>=<value>, got '${a}'`);
    return { param: a.slice(0, eq), value: a.slice(eq + 1), required };
  });
}

function need(args: string[], what: string): string[] {
  if (args.length === 0) throw new UsageError(`${what} is required`);
  return args;
}

export async function ctlCommand(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP + '\n');
    return argv.length === 0 ? 2 : 0;
  }
  const p = parseArgs(argv, { values: VALUES, flags: FLAGS });
  const [cmd, ...args] = p.positionals;
  const known = ['get', 'set', 'add', 'delete', 'operate', 'gsdm', 'instances', 'gsp', 'subscribe', 'listen'];
  if (!known.includes(cmd)) throw new UsageError(`unknown ctl command '${cmd}'`);
  const agent = agentUri(p);
  const ctx: Ctx = {
    p,
    agent,
    agentId: p.values.get('agent-id') ?? 'proto::tinyusp-demo',
    timeout: intOption(p, 'timeout', 5000, 1, 3_600_000),
    json: p.flags.has('json'),
  };
  const defaultPort = cmd === 'listen' ? 5684 : 0;
  const notifications: Notify[] = [];
  let onNotify: (n: Notify, fromId: string) => void = () => {};
  const port = intOption(p, 'port', defaultPort, 0, 65535);
  // Opened on first use, once the command's own arguments have been checked.
  let controller: Controller | undefined;
  const open = async () => (controller ??= await Controller.open({
    endpointId: p.values.get('id') ?? DEFAULT_ID,
    host: p.values.get('host'),
    port,
    timeoutMs: ctx.timeout,
    onNotify: (n, fromId) => onNotify(n, fromId),
    // Said at once while listening; a request's timeout message carries the last one.
    onRefused: (reason) => { if (cmd === 'listen') process.stderr.write(`tinyusp ctl: refused: ${reason}\n`); },
    dtls: dtlsOptions(p, agent, ctx.agentId),
  }));
  try {
    if (cmd === 'listen') {
      const controller = await open();
      const count = p.values.has('count') ? intOption(p, 'count', 1, 1, 1_000_000) : Infinity;
      process.stderr.write(`listening for notifications on ${controller.uri}\n`);
      return await new Promise<number>((resolve) => {
        const timer = p.values.has('timeout') ? setTimeout(() => resolve(notifications.length ? 0 : 3), ctx.timeout) : undefined;
        onNotify = (n, fromId) => {
          notifications.push(n);
          process.stdout.write((ctx.json ? JSON.stringify(toJsonNotify(n)) : formatNotify(n, fromId)) + '\n');
          if (notifications.length >= count) {
            if (timer) clearTimeout(timer);
            // Give the NotifyResp a moment to leave before the socket closes.
            setTimeout(() => resolve(0), 50);
          }
        };
        process.once('SIGINT', () => resolve(0));
      });
    }
    const msg = await run(open, cmd, args, ctx);
    if (!msg) return 0;
    process.stdout.write((ctx.json ? JSON.stringify(toJson(MsgSchema, msg)) : formatResponse(msg)) + '\n');
    return responseFailed(msg) ? 1 : 0;
  } catch (e) {
    if (e instanceof UspTimeoutError || e instanceof TransportError) {
      process.stderr.write(`tinyusp ctl: ${e.message}\n`);
      return 3;
    }
    throw e;
  } finally {
    controller?.close();
  }
}

function toJsonNotify(n: Notify): unknown {
  const { $typeName: _t, ...rest } = n as Notify & { $typeName?: string };
  return JSON.parse(JSON.stringify(rest, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

async function run(open: () => Promise<Controller>, cmd: string, args: string[], ctx: Ctx): Promise<Msg | undefined> {
  const { p } = ctx;
  const ask = async (req: Parameters<Controller['request']>[2], type: Header_MsgType) => (await open()).request(ctx.agent, ctx.agentId, req, type, ctx.timeout);
  const allowPartial = p.flags.has('allow-partial');
  const required = p.flags.has('required');
  switch (cmd) {
    case 'get':
      return ask({ reqType: { case: 'get', value: { paramPaths: need(args, 'a path'), maxDepth: intOption(p, 'max-depth', 0, 0, 0xffffffff) } } }, Header_MsgType.GET);
    case 'set': {
      need(args, 'a <path>=<value>');
      const groups = new Map<string, { param: string; value: string; required: boolean }[]>();
      if (args[0].endsWith('.') && !args[0].includes('=')) {
        groups.set(args[0], settings(need(args.slice(1), 'a <param>=<value>'), required));
      } else {
        for (const a of args) {
          const { obj, param, value } = splitAssignment(a);
          if (!obj) throw new UsageError(`'${a}' needs a full parameter path`);
          const list = groups.get(obj) ?? [];
          list.push({ param, value, required });
          groups.set(obj, list);
        }
      }
      const updateObjs = [...groups].map(([objPath, paramSettings]) => ({ objPath, paramSettings }));
      return ask({ reqType: { case: 'set', value: { allowPartial, updateObjs } } }, Header_MsgType.SET);
    }
    case 'add': {
      const [objPath, ...rest] = need(args, 'a table path');
      return ask({ reqType: { case: 'add', value: { allowPartial, createObjs: [{ objPath, paramSettings: settings(rest, required) }] } } }, Header_MsgType.ADD);
    }
    case 'delete':
      return ask({ reqType: { case: 'delete', value: { allowPartial, objPaths: need(args, 'a path') } } }, Header_MsgType.DELETE);
    case 'operate': {
      const [command, ...rest] = need(args, 'a command path');
      const inputArgs: { [k: string]: string } = {};
      for (const s of settings(rest, false)) inputArgs[s.param] = s.value;
      const sendResp = !p.flags.has('no-resp');
      const req = { reqType: { case: 'operate' as const, value: { command, commandKey: p.values.get('command-key') ?? '', sendResp, inputArgs } } };
      if (!sendResp) {
        const c = await open();
        const m = c.nextMsgId();
        const out = await c.send(ctx.agent, ctx.agentId, create(MsgSchema, {
          header: { msgId: m, msgType: Header_MsgType.OPERATE },
          body: { msgBody: { case: 'request', value: req } },
        }));
        if (!out.ok) throw new TransportError('operate not delivered');
        process.stdout.write(`sent ${command} (send_resp=false, msg_id ${m})\n`);
        return undefined;
      }
      return ask(req, Header_MsgType.OPERATE);
    }
    case 'gsdm':
      return ask({
        reqType: {
          case: 'getSupportedDm',
          value: {
            objPaths: need(args, 'a path'),
            firstLevelOnly: p.flags.has('first-level'),
            returnCommands: true,
            returnEvents: true,
            returnParams: true,
            returnUniqueKeySets: true,
          },
        },
      }, Header_MsgType.GET_SUPPORTED_DM);
    case 'instances':
      return ask({ reqType: { case: 'getInstances', value: { objPaths: need(args, 'a path'), firstLevelOnly: p.flags.has('first-level') } } }, Header_MsgType.GET_INSTANCES);
    case 'gsp':
      return ask({ reqType: { case: 'getSupportedProtocol', value: { controllerSupportedProtocolVersions: args[0] ?? '1.0,1.1,1.2,1.3,1.4' } } }, Header_MsgType.GET_SUPPORTED_PROTO);
    case 'subscribe': {
      const [type, refs] = args;
      if (!type || !refs) throw new UsageError('subscribe needs <type> <reference-list>');
      const id = p.values.get('sub-id') ?? (await open()).nextMsgId('sub');
      const paramSettings = [
        { param: 'ID', value: id, required: true },
        { param: 'NotifType', value: type, required: true },
        { param: 'ReferenceList', value: refs, required: true },
        { param: 'Enable', value: 'true', required: true },
        { param: 'Persistent', value: String(p.flags.has('persistent')), required: true },
        { param: 'NotifRetry', value: String(p.flags.has('retry')), required: true },
      ];
      return ask({ reqType: { case: 'add', value: { allowPartial: false, createObjs: [{ objPath: 'Device.LocalAgent.Subscription.', paramSettings }] } } }, Header_MsgType.ADD);
    }
  }
  throw new UsageError(`unknown ctl command '${cmd}'`);
}
