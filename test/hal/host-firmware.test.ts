// The host A/B slots (hal/host/firmware.ts) and the boot loader's rule (chooseBoot), on real files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseBoot, createHostFirmware, installFactoryImage, readControl } from '../../hal/host/firmware.ts';
import { encodeImage } from '../../hal/host/image.ts';

function device(t: { after(fn: () => void): void }) {
  const dir = mkdtempSync(join(tmpdir(), 'tinyusp-fw-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  installFactoryImage(dir, encodeImage({ version: '1.0', engine: 'node' }, Buffer.from('one')), { version: '1.0', engine: 'node' });
  return dir;
}

function write(fw: ReturnType<typeof createHostFirmware>, slot: number, image: Uint8Array, pieces = 7): boolean {
  fw.begin(slot, image.length);
  const step = Math.ceil(image.length / pieces);
  for (let i = 0; i < image.length; i += step) fw.write(image.subarray(i, i + step));
  return fw.finish();
}

test('given the factory image, then slot 0 runs, slot 1 is empty, and the running slot cannot be written', (t) => {
  const dir = device(t);
  const fw = createHostFirmware(dir, chooseBoot(dir, ''));
  assert.deepEqual(fw.slots().map((s) => [s.status, s.version]), [['active', '1.0'], ['empty', '']]);
  assert.throws(() => fw.begin(0, 10), /running image/);
  assert.equal(fw.bootSlot(), 0);
});

test('given an image written in pieces, then a good one is valid and a corrupted or foreign one invalid', (t) => {
  const dir = device(t);
  const fw = createHostFirmware(dir, chooseBoot(dir, ''));
  const good = encodeImage({ version: '2.0', engine: 'node' }, Buffer.alloc(10_000, 7));
  assert.equal(write(fw, 1, good), true);
  assert.equal(write(fw, 1, good, 3001), true, 'in pieces smaller than the digest');
  assert.deepEqual([fw.slots()[1].status, fw.slots()[1].version], ['valid', '2.0']);
  const bad = Buffer.from(good);
  bad[5000] ^= 1;
  assert.equal(write(fw, 1, bad), false);
  assert.equal(fw.slots()[1].status, 'invalid');
  assert.equal(write(fw, 1, Buffer.from('not an image at all')), false);
  // An aborted write leaves the slot empty and no partial file.
  fw.begin(1, 0);
  fw.write(good.subarray(0, 100));
  fw.abort();
  assert.equal(fw.slots()[1].status, 'empty');
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.part')), []);
});

test('given an activated image, then it boots once on trial; confirmed it stays, unconfirmed it is rolled back with the reason', (t) => {
  const dir = device(t);
  const fw = createHostFirmware(dir, chooseBoot(dir, ''));
  write(fw, 1, encodeImage({ version: '2.0', engine: 'node' }, Buffer.from('two')));
  fw.activate(1);
  assert.equal(fw.slots()[1].status, 'pending');
  assert.equal(fw.bootSlot(), 1);
  // Boot 1: the trial.
  const trial = chooseBoot(dir, '');
  assert.deepEqual(trial, { slot: 1, trial: true, rolledBackFrom: -1 });
  // It never confirms: the next boot rolls back and records why.
  const back = chooseBoot(dir, 'it exited with status 3 before confirming');
  assert.deepEqual(back, { slot: 0, trial: false, rolledBackFrom: 1 });
  const after = createHostFirmware(dir, back);
  assert.equal(after.slots()[1].status, 'invalid');
  assert.match(after.slots()[1].bootFailureLog, /exited with status 3/);
  assert.deepEqual(after.bootState(), { trial: false, rolledBackFrom: 1 });
  assert.throws(() => after.activate(1), /no valid image/);

  // Again with a confirmation: the new image becomes the boot image.
  write(after, 1, encodeImage({ version: '3.0', engine: 'node' }, Buffer.from('three')));
  assert.equal(after.slots()[1].bootFailureLog, '', 'a new install clears BootFailureLog');
  after.activate(1);
  const run3 = createHostFirmware(dir, chooseBoot(dir, ''));
  assert.equal(run3.bootState().trial, true);
  assert.equal(run3.bootSlot(), 0, 'unconfirmed: the next boot would go back');
  run3.confirm();
  assert.equal(run3.bootSlot(), 1);
  assert.deepEqual(readControl(dir), { boot: 1, trial: -1, tried: false });
  assert.deepEqual(chooseBoot(dir, ''), { slot: 1, trial: false, rolledBackFrom: -1 });
});

test('given a pending activation, then activating the running slot cancels it, and rollback() of a trial image reverts', (t) => {
  const dir = device(t);
  const fw = createHostFirmware(dir, chooseBoot(dir, ''));
  write(fw, 1, encodeImage({ version: '2.0', engine: 'node' }, Buffer.from('two')));
  fw.activate(1);
  fw.activate(0);
  assert.equal(fw.bootSlot(), 0);
  assert.equal(fw.slots()[1].status, 'valid');
  fw.activate(1);
  const trial = createHostFirmware(dir, chooseBoot(dir, ''));
  trial.rollback();
  assert.equal(trial.bootSlot(), 0);
  assert.equal(trial.slots()[1].status, 'active');
  assert.deepEqual(chooseBoot(dir, ''), { slot: 0, trial: false, rolledBackFrom: -1 });
  assert.match(createHostFirmware(dir, { slot: 0, trial: false, rolledBackFrom: -1 }).slots()[1].bootFailureLog, /rolled back by the image/);
});
