// The host Storage: values round-trip, keys with odd characters, and a crash at any point of
// a write leaves the old or the new value, never a torn one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createFileStorage } from '../../hal/host/storage.ts';

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'tinyusp-storage-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('given a value set under a key, when a fresh storage opens the same dir, then it reads the value back', (t) => {
  const dir = tempDir(t);
  const a = createFileStorage(dir);
  a.set('dm/Device.LocalAgent.Controller.1.', new Uint8Array([1, 2, 3]));
  a.set('../escape?', new Uint8Array([9]));
  const b = createFileStorage(dir);
  assert.deepEqual(b.get('dm/Device.LocalAgent.Controller.1.'), new Uint8Array([1, 2, 3]));
  assert.deepEqual(b.get('../escape?'), new Uint8Array([9]));
  assert.deepEqual(b.keys(), ['../escape?', 'dm/Device.LocalAgent.Controller.1.'].sort());
  b.delete('../escape?');
  assert.equal(createFileStorage(dir).get('../escape?'), undefined);
});

test('given a temp file left by an interrupted write, when storage opens, then the previous value stands', (t) => {
  const dir = tempDir(t);
  const s = createFileStorage(dir);
  s.set('boot', new Uint8Array([1]));
  writeFileSync(join(dir, 'boot.tmp'), new Uint8Array([2, 2])); // torn write of the next value
  const again = createFileStorage(dir);
  assert.deepEqual(again.get('boot'), new Uint8Array([1]));
  assert.deepEqual(again.keys(), ['boot']);
});

test('given a writer killed at random moments, when the key is read, then it is always a whole value', async (t) => {
  const dir = tempDir(t);
  const storageUrl = new URL('../../hal/host/storage.ts', import.meta.url).href;
  // Each value is 32 KiB of one repeated byte: a torn write would mix bytes or be short.
  const writer = `
    import { createFileStorage } from ${JSON.stringify(storageUrl)};
    const s = createFileStorage(${JSON.stringify(dir)});
    s.set('k', new Uint8Array(32768).fill(0));
    process.stdout.write('writing\\n');
    for (let i = 1; ; i++) s.set('k', new Uint8Array(32768).fill(i & 0xff));
  `;
  for (let round = 0; round < 6; round++) {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const exited = new Promise((r) => child.once('exit', r));
    // Kill only once the writer is in its write loop, at a random moment inside it.
    await Promise.race([new Promise((r) => child.stdout.once('data', r)), new Promise((r) => setTimeout(r, 10_000))]);
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)));
    child.kill('SIGKILL');
    await exited;
    const v = createFileStorage(dir).get('k');
    assert.ok(v, `no value after kill in round ${round}`);
    assert.equal(v.length, 32768);
    assert.ok(v.every((b) => b === v[0]), `torn value after kill in round ${round}`);
  }
});
