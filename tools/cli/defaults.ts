// A factory-defaults file: a flat JSON object of TR-181 path -> string value (the simulator's
// and a host image's --defaults).
import { readFileSync } from 'node:fs';
import { UsageError } from './args.ts';

export function readDefaults(file: string): { [path: string]: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --defaults ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--defaults ${file} is not JSON: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`--defaults ${file} must be a JSON object of "Device.…" path -> string value`);
  }
  const out: { [path: string]: string } = {};
  for (const [k, v] of Object.entries(data)) {
    if (!k.startsWith('Device.') || typeof v !== 'string') {
      throw new UsageError(`--defaults ${file}: entry "${k}" must be a "Device.…" path with a string value`);
    }
    out[k] = v;
  }
  return out;
}
