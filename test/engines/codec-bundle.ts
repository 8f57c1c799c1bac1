// Builds the XS bundle of the codec's differential vectors: a generated entry embeds the
// vectors (hex of bytes from @bufbuild/protobuf, test/codec/vectors.ts) and calls the fixture.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../build.config.ts';
import { makeVectors } from '../codec/vectors.ts';
import { bundleFixture } from './xs-harness.ts';
import type { HexVector } from './fixtures/codec-vectors.ts';

export function hexVectors(): HexVector[] {
  return makeVectors().map((v) => ({ name: v.name, kind: v.kind, hex: Buffer.from(v.bytes).toString('hex') }));
}

/** Writes the generated entry and its bundle into `dir`; returns the bundle path. */
export async function bundleCodecVectors(dir: string, vectors: HexVector[]): Promise<string> {
  const fixture = join(root, 'test/engines/fixtures/codec-vectors.ts');
  const entry = join(dir, 'codec-vectors.entry.ts');
  writeFileSync(entry, `import { runCodecVectors } from ${JSON.stringify(fixture)};\nrunCodecVectors(${JSON.stringify(vectors)});\n`);
  return bundleFixture(entry, dir, 'codec-vectors');
}
