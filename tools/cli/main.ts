// `tinyusp <command>`: the host simulator (agent) and the controller (ctl).
import { UsageError } from './args.ts';

const USAGE = `usage: tinyusp <command> [options]

commands:
  agent    run a simulated device (the agent on Node with the host HAL)
  ctl      act as a USP Controller against an agent (get, set, add, ...)
  pki      make a development PKI: a CA, agent and controller certificates

Run 'tinyusp <command> --help' for the options of a command.`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'agent':
        return await (await import('./agent.ts')).agentCommand(rest);
      case 'ctl':
        return await (await import('./ctl.ts')).ctlCommand(rest);
      case 'pki':
        return await (await import('./pki.ts')).pkiCommand(rest);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(USAGE + '\n');
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${cmd}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`tinyusp: ${e.message} (see 'tinyusp ${cmd && cmd !== 'help' ? cmd + ' ' : ''}--help')\n`);
      return 2;
    }
    process.stderr.write(`tinyusp: ${(e as Error).message}\n`);
    return 1;
  }
}
