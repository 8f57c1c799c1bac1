// `tinyusp pki`: a development PKI for the agent and `tinyusp ctl` (tools/pki/dev-pki.ts).
import { join, relative, resolve } from 'node:path';
import { ensureDevPki, CA_DAYS, LEAF_DAYS, PkiError, PKI_FILES, type DevPki } from '../pki/dev-pki.ts';
import { endpointIdProblem } from '../pki/x509.ts';
import { readDefaults } from './agent.ts';
import { intOption, parseArgs, UsageError, type Parsed } from './args.ts';
import { DEMO_DEFAULTS, DEMO_STATE, pkiDirOf } from './paths.ts';

const HELP = `usage: tinyusp pki [options]

Makes a development PKI: a CA, an agent certificate and a controller certificate (EC P-256 keys,
ECDSA-SHA256, RFC 7925), each carrying its USP Endpoint ID in subjectAltName as the URI
urn:bbf:usp:id:<id>. Files (PEM): ${Object.values(PKI_FILES).join(' ')}.
What is already there is checked and kept; only missing files are made.

  --state <dir>          the agent's state directory (default state/demo of this checkout, as npm start)
  --dir <dir>            where the files go (default <state>/pki)
  --defaults <file>      read the Endpoint IDs from this factory defaults file
                         (default examples/demo-defaults.json)
  --agent-id <id>        the agent's Endpoint ID (default Device.LocalAgent.EndpointID of --defaults)
  --controller-id <id>   the controller's (default Device.LocalAgent.Controller.1.EndpointID of
                         --defaults, else proto::controller-1)
  --days <n>             validity of the agent and controller certificates (default ${LEAF_DAYS};
                         the CA: ${CA_DAYS})
  --force                make a new CA and new certificates, replacing the files

Not for production: the CA key sits next to the certificates it signs.`;

export interface PkiChoice {
  dir: string;
  agentId: string;
  controllerId: string;
}

/** The Endpoint IDs of the agent and its first Controller as a factory defaults file sets them. */
export function endpointIdsOf(defaultsFile: string): { agentId?: string; controllerId?: string } {
  const d = readDefaults(defaultsFile);
  return {
    agentId: d['Device.LocalAgent.EndpointID'] || undefined,
    controllerId: d['Device.LocalAgent.Controller.1.EndpointID'] || undefined,
  };
}

/** Lines telling where the PKI is and what it certifies. */
export function describePki(r: DevPki): string[] {
  const at = relative(process.cwd(), r.dir) || '.';
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return [
    `development PKI in ${at.startsWith('..') ? r.dir : at} (${r.made.length ? 'made ' + r.made.join(' ') : 'existing files, kept'})`,
    `  CA          ${PKI_FILES.ca}          ${r.caName}, valid until ${day(r.caNotAfter)}`,
    `  agent       ${PKI_FILES.agent}       urn:bbf:usp:id:${r.agent.endpointId}, valid until ${day(r.agent.notAfter)}`,
    `  controller  ${PKI_FILES.controller}  urn:bbf:usp:id:${r.controller.endpointId}, valid until ${day(r.controller.notAfter)}`,
  ];
}

/** ensureDevPki with PkiError as a one-line CLI error. */
export function devPki(choice: PkiChoice & { days?: number; force?: boolean }): DevPki {
  try {
    return ensureDevPki(choice);
  } catch (e) {
    if (e instanceof PkiError) throw new Error(`pki: ${e.message}`);
    throw e;
  }
}

/**
 * `tinyusp agent --dev-pki`: the development PKI of the state directory (made when missing, for
 * the Endpoint IDs of the defaults) gives the agent its --cert/--key/--ca. Says where on stderr.
 */
export function useDevPki(p: Parsed, defaults: { [path: string]: string }, stateDir: string): void {
  for (const name of ['cert', 'key', 'ca']) {
    if (p.values.has(name)) throw new UsageError(`--dev-pki gives --cert, --key and --ca: not --${name} as well`);
  }
  const agentId = defaults['Device.LocalAgent.EndpointID'];
  if (!agentId) throw new UsageError('--dev-pki needs Device.LocalAgent.EndpointID in --defaults: the certificate must carry it');
  const controllerId = defaults['Device.LocalAgent.Controller.1.EndpointID'] || 'proto::controller-1';
  for (const id of [agentId, controllerId]) {
    const problem = endpointIdProblem(id);
    if (problem) throw new UsageError(`--dev-pki: ${problem}`);
  }
  const dir = resolve(pkiDirOf(stateDir));
  let r: DevPki;
  try {
    r = ensureDevPki({ dir, agentId, controllerId });
  } catch (e) {
    // The agent has no --force: say which command remakes it.
    if (e instanceof PkiError) throw new Error(`--dev-pki: ${e.message.replace(/pass --force/, `run 'tinyusp pki --state ${stateDir} --force'`)}`);
    throw e;
  }
  process.stderr.write(describePki(r).join('\n') + `\n  (tinyusp ctl uses ${PKI_FILES.controller}; see 'tinyusp pki --help')\n`);
  p.values.set('cert', join(dir, PKI_FILES.agent));
  p.values.set('key', join(dir, PKI_FILES.agentKey));
  p.values.set('ca', join(dir, PKI_FILES.ca));
}

export async function pkiCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const p = parseArgs(argv, { values: ['state', 'dir', 'defaults', 'agent-id', 'controller-id', 'days'], flags: ['force'] });
  if (p.positionals.length) throw new UsageError(`unexpected argument '${p.positionals[0]}'`);
  const state = resolve(p.values.get('state') ?? DEMO_STATE);
  const dir = resolve(p.values.get('dir') ?? pkiDirOf(state));
  const fromDefaults = endpointIdsOf(p.values.get('defaults') ?? DEMO_DEFAULTS);
  const agentId = p.values.get('agent-id') ?? fromDefaults.agentId;
  if (!agentId) throw new UsageError('the defaults file sets no Device.LocalAgent.EndpointID: pass --agent-id <id>');
  const controllerId = p.values.get('controller-id') ?? fromDefaults.controllerId ?? 'proto::controller-1';
  for (const id of [agentId, controllerId]) {
    const problem = endpointIdProblem(id);
    if (problem) throw new UsageError(problem);
  }
  const r = devPki({ dir, agentId, controllerId, days: intOption(p, 'days', LEAF_DAYS, 1, CA_DAYS), force: p.flags.has('force') });
  process.stdout.write(describePki(r).join('\n') + '\n');
  return 0;
}
