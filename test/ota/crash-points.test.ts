// Power loss at every durable write of a firmware upgrade (issue 12): a Download() into slot 1
// (the slot erase, every streamed chunk, the rename of the finished image, its slot record), the
// Activate() that follows (the `fw.act` record, the boot loader's boot.json, the Boot! cause), the
// boot loader's start of the trial boot, and the new image's confirmation. Slot files go through
// power.write (test/support/power-loss.ts) as the storage records do. After each crash point the
// boot loader (src/ota/slots.ts chooseBoot, the same rule tools/cli/boot.ts runs) picks a slot;
// that slot's image must verify (magic, header, trailing SHA-256: imageCheck), every slot that
// claims a valid image must hold one that verifies, and the device is on the old image or the
// new one: the new one once its confirmation was done, never a slot that lost its image.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { host } from '../../boards/host/profile.ts';
import type { ChangeEvent } from '../../src/dm/api.ts';
import { createEngine } from '../../src/dm/index.ts';
import { TR181_TREE, tr181Model } from '../../src/model/index.ts';
import { ACTIVATION_KEY } from '../../src/ota/activate.ts';
import { jsHash } from '../../src/ota/hash.ts';
import { imageCheck, SLOT_COUNT, chooseBoot, createSlotFirmware, imageName, readMeta, writeControl, writeMeta, type BootChoice, type SlotFiles } from '../../src/ota/slots.ts';
import type { TransferRequest } from '../../src/ota/transfer.ts';
import { encodeImage } from '../../hal/host/image.ts';
import { memoryHal } from '../support/memory-hal.ts';
import { PowerLoss, forEachCrashPoint, powerLossStorage } from '../support/power-loss.ts';
import { CONTROLLER_1, DEMO_DEFAULTS } from '../model/helpers.ts';

type Disk = Map<string, Uint8Array>;
/** The device's durable state: the data model's storage and the firmware flash (slot files). */
interface State { disk: Disk; flash: Disk }

const FW = 'Device.DeviceInfo.FirmwareImage.';
const OLD = encodeImage({ version: '1.0', engine: 'node' }, new TextEncoder().encode('old build '.repeat(200)));
const NEW = encodeImage({ version: '2.0', engine: 'node' }, new TextEncoder().encode('new build '.repeat(400)));
const CHUNK = 1024;

/** Slot files on `flash` where every durable change (rename, replace, remove, appended chunk) is a write of `power`. */
function flashFiles(flash: Disk, power: PowerLoss): SlotFiles {
  let open: string | undefined;
  return {
    read(name) { power.alive(); const v = flash.get(name); return v && v.slice(); },
    write(name, data) { const copy = data.slice(); power.write(`flash ${name}`, () => { flash.set(name, copy); }); },
    remove(name) { power.write(`flash rm ${name}`, () => { flash.delete(name); }); },
    open(name) { open = name; power.write(`flash open ${name}`, () => { flash.set(name, new Uint8Array(0)); }); },
    append(chunk) {
      const name = open!;
      power.write(`flash append ${name}`, () => {
        const old = flash.get(name)!;
        const b = new Uint8Array(old.length + chunk.length);
        b.set(old);
        b.set(chunk, old.length);
        flash.set(name, b);
      });
    },
    close(finalName) {
      const name = open!;
      open = undefined;
      // fsync then rename (or remove): the rename is the one atomic step.
      power.write(finalName ? `flash rename ${name} -> ${finalName}` : `flash rm ${name}`, () => {
        const data = flash.get(name)!;
        flash.delete(name);
        if (finalName) flash.set(finalName, data);
      });
    },
  };
}

/** The data model on `st` for the boot `choice` (the storage records and slot files obey `power`). */
function device(st: State, power: PowerLoss, choice: BootChoice) {
  const base = memoryHal({ disk: st.disk });
  const hal = { ...base, storage: powerLossStorage(st.disk, power), firmware: createSlotFirmware(flashFiles(st.flash, power), choice, () => '2026-01-02T03:04:05Z', jsHash) };
  const model = tr181Model();
  const transfers: TransferRequest[] = [];
  model.firmware.services = {
    fetcher: { schemes: () => ['http'], fetch: (req) => { transfers.push(req); return { abort: () => req.onEnd('aborted') }; } },
    idle: () => true,
  };
  const engine = createEngine({ hal, profile: host, modules: model.modules, tree: TR181_TREE, defaults: DEMO_DEFAULTS });
  const events: ChangeEvent[] = [];
  engine.onChange((e) => events.push(e));
  const step = () => { base.time.mono += 10; engine.step(base.time.mono); model.firmware.step(base.time.mono); };
  const completed = () => events.filter((e) => e.type === 'operationComplete') as Extract<ChangeEvent, { type: 'operationComplete' }>[];
  return { engine, hal, model, transfers, step, completed, calls: base.calls };
}

/** Power on: the boot loader's choice (durable writes of its own), then the image it chose. */
function powerOn(st: State, power: PowerLoss) {
  const choice = chooseBoot(flashFiles(st.flash, power), 'never confirmed', '2026-01-02T03:04:05Z');
  return { choice, ...device(st, power, choice) };
}

/** The factory state: the old image in slot 0, confirmed; the model written by a first boot. */
function factory(): State {
  const st: State = { disk: new Map(), flash: new Map() };
  const files = flashFiles(st.flash, new PowerLoss());
  files.write(imageName(0), OLD);
  writeMeta(files, 0, { version: '1.0', engine: 'node', valid: true, log: '' });
  writeControl(files, { boot: 0, trial: -1, tried: false });
  powerOn(st, new PowerLoss());
  return st;
}

const verifies = (img: Uint8Array | undefined) => {
  if (!img) return 'no image';
  const c = imageCheck(jsHash);
  for (let o = 0; o < img.length; o += 700) c.update(img.subarray(o, o + 700));
  return c.result();
};

/** Download() of the new image into slot 1, Activate() of it, the reboot, and its confirmation. */
function upgrade(st: State, power: PowerLoss): void {
  const d = powerOn(st, power);
  d.engine.operate(FW + '2.', 'Download()', { URL: 'http://127.0.0.1/new.img' }, 'dl', CONTROLLER_1);
  for (let o = 0; o < NEW.length; o += CHUNK) d.transfers[0].onData(NEW.subarray(o, o + CHUNK), o);
  d.transfers[0].onEnd();
  d.step();
  if (d.completed().some((c) => c.command === 'Download()' && !c.error)) power.note('downloaded');
  power.alive();
  d.engine.operate(FW + '2.', 'Activate()', {}, 'act', CONTROLLER_1);
  d.step(); // the switch (fw.act, boot.json, Boot! cause)
  d.step(); // the reboot, nothing being in flight
  power.alive();
  assert.ok(d.calls.includes('reboot'), 'the activation reboots');
  power.note('activated');
  const n = powerOn(st, power); // the trial boot of slot 1
  assert.deepEqual([n.choice.slot, n.choice.trial], [1, true]);
  n.model.firmware.reached = true; // healthy: it reached its Controller
  n.step();
  power.alive();
  power.note('confirmed');
  n.step();
  if (n.completed().some((c) => c.command === 'Activate()' && !c.error)) power.note('activate completed');
}

test('given a firmware download, activation and confirmation, when power is lost at any write, then the device boots a verified image, the old or the new one', () => {
  const base = factory();
  const seen = new Set<string>();
  const r = forEachCrashPoint<State>({
    initial: () => ({ disk: new Map(base.disk), flash: new Map(base.flash) }),
    run: upgrade,
    check: (st, point) => {
      const where = point ? `power lost at write ${point.index} (${point.label}, ${point.lands ? 'landed' : 'lost'})` : 'no power loss';
      const files = flashFiles(st.flash, new PowerLoss());
      // No slot claims a valid image it does not hold whole.
      for (let s = 0; s < SLOT_COUNT; s++) {
        const m = readMeta(files, s);
        if (!m || !m.valid) continue;
        const v = verifies(st.flash.get(imageName(s)));
        assert.ok(typeof v !== 'string', `${where}: slot ${s} is marked valid but its image does not verify: ${v}`);
        assert.equal(typeof v !== 'string' && v.version, m.version, `${where}: slot ${s} record and image disagree`);
      }
      const d = powerOn(st, new PowerLoss());
      const img = verifies(st.flash.get(imageName(d.choice.slot)));
      assert.ok(typeof img !== 'string', `${where}: the boot loader chose slot ${d.choice.slot}, whose image does not verify: ${img}`);
      const version = typeof img !== 'string' ? img.version : '';
      assert.equal(d.engine.get('Device.DeviceInfo.ActiveFirmwareImage'), FW + (d.choice.slot + 1), where);
      assert.equal(d.engine.get(FW + (d.choice.slot + 1) + '.Status'), 'Active', where);
      const ev = point ? point.power : undefined;
      if (!ev || ev.noted('confirmed')) {
        assert.deepEqual([d.choice.slot, version, d.choice.trial], [1, '2.0', false], `${where}: confirmed, so the new image boots for good`);
      } else if (ev.noted('activated')) {
        // Switched: the new image boots (on trial), or (its trial boot had begun, the power cut it
        // before it confirmed) the boot loader rolls it back to the old one and says why.
        // (Its confirmation's boot.json landed just as the power went: confirmed, not on trial.)
        if (d.choice.slot === 1) assert.equal(version, '2.0', where);
        else {
          assert.deepEqual([version, d.choice.rolledBackFrom], ['1.0', 1], `${where}: rolled back`);
          assert.match(String(d.engine.get(FW + '2.BootFailureLog')), /rolled back/, where);
        }
      } else if (ev.noted('downloaded') && d.choice.slot === 1) {
        // The power cut the Activate() after its switch (boot.json) landed: the new image on trial.
        assert.deepEqual([version, d.choice.trial], ['2.0', true], where);
      } else {
        assert.deepEqual([d.choice.slot, version], [0, '1.0'], `${where}: not switched yet, the old image boots`);
        if (ev.noted('downloaded')) assert.equal(d.engine.get(FW + '2.Status'), 'Available', `${where}: a completed Download stays installed`);
        else assert.ok(['NoImage', 'Available', 'ValidationFailed'].includes(String(d.engine.get(FW + '2.Status'))), where);
      }
      if (d.choice.slot === 1 && d.choice.trial) {
        // The interrupted Activate() completes on the new image once it confirms (not reported failed).
        const pending = st.disk.has(ACTIVATION_KEY);
        d.model.firmware.reached = true;
        d.step();
        d.step();
        if (pending) assert.ok(d.completed().some((c) => c.command === 'Activate()' && !c.error), `${where}: the Activate() completes after its reboot`);
        assert.equal(powerOn(st, new PowerLoss()).choice.slot, 1, `${where}: confirmed after the restart`);
      }
      seen.add(d.choice.rolledBackFrom === 1 ? 'rolled back' : d.choice.slot === 0 ? 'old' : d.choice.trial ? 'new on trial' : 'new');
    },
  });
  assert.deepEqual([...seen].sort(), ['new', 'new on trial', 'old', 'rolled back'], 'every outcome was reached');
  assert.ok(r.labels.filter((l) => l.startsWith('flash append')).length >= NEW.length / CHUNK, 'every streamed chunk is a crash point');
  assert.ok(r.labels.some((l) => l === `set ${ACTIVATION_KEY}`), 'the fw.act record is a crash point');
  assert.ok(r.labels.filter((l) => l === 'flash boot.json').length >= 3, 'switch, trial start and confirmation are crash points');
  console.log(`firmware crash points: ${r.points} (${r.writes} durable writes: ${r.labels.join(', ')})`);
});
