// bench:ota's XS memory figure: the smallest XS cap (heap slots, then chunk bytes) at which the
// esp32 agent (the x86-64 runner, or the 32-bit ARM one under qemu: `engine`; started from a
// firmware slot) stays up idle (a Get) and through a Download() of the 1 MB image (coap:// or
// http://), by bisection. The difference is the download's peak RAM above idle (slots are 16
// bytes on the 32-bit board; ARM chunk bytes are the board's, x86-64 ones hold wider pointers).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Header_MsgType } from '../../gen/usp/usp-msg_pb.ts';
import { installFactoryImage } from '../../hal/host/firmware.ts';
import { encodeImage } from '../../hal/host/image.ts';
import { SLOT_BYTES_32 } from '../../boards/esp32/xs-cap.ts';
import { Controller } from '../../tools/controller/controller.ts';
import { xsEngineCap, xsEngineCommand, type XsEngine } from '../../tools/cli/xs-engine.ts';

const root = new URL('../..', import.meta.url).pathname;

/** Does the agent run through `download ? a Download of url : a Get` at this cap? */
export async function survives(engine: XsEngine, chunks: number, slots: number, url: string | undefined, extraArgs: string[], rounds = 1): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'tinyusp-otaram-'));
  const state = join(dir, 'state');
  // The demo defaults with the agent's MTP on plaintext (as the e2e fixtures): this Controller
  // asks over coap:// even when the runner has DTLS credentials for coaps:// file servers.
  const defaults = join(dir, 'defaults.json');
  writeFileSync(defaults, JSON.stringify({ ...JSON.parse(readFileSync(join(root, 'examples/demo-defaults.json'), 'utf8')), 'Device.LocalAgent.MTP.1.CoAP.EnableEncryption': 'false' }));
  installFactoryImage(join(state, 'fw'), encodeImage({ version: '1', engine: 'xs' }, Buffer.from('x')), { version: '1', engine: 'xs' });
  const cmd = xsEngineCommand(engine, [...extraArgs, '--chunks', String(chunks), '--slots', String(slots), '--stack', '1024', '--keys', '1024',
    '--state', state, '--defaults', defaults, '--allow-nosec', '--arg', 'port=0', '--arg', 'fw-boot=0,0,-1', '--arg', 'log-level=error']);
  const child = spawn(cmd.file, cmd.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let alive = true;
  child.on('close', () => { alive = false; });
  child.stdout.on('data', (d) => { out += d; });
  // qemu on a shared VM can take seconds to answer while it downloads.
  const c = await Controller.open({ endpointId: 'proto::controller-1', port: 0, timeoutMs: engine === 'xs-arm' ? 30_000 : 5000 });
  try {
    for (let i = 0; i < 600 && alive && !/ready \S+ (\S+)/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
    const m = /ready \S+ (\S+)/.exec(out);
    if (!m) return false;
    const uri = m[1];
    const get = (p: string) => c.request(uri, 'proto::tinyusp-demo', { reqType: { case: 'get', value: { paramPaths: [p], maxDepth: 0 } } }, Header_MsgType.GET);
    await get('Device.DeviceInfo.');
    // `rounds` Downloads one after the other (what a device lives through: do they leave anything behind?).
    for (let round = 0; url && round < rounds; round++) {
      await c.request(uri, 'proto::tinyusp-demo', { reqType: { case: 'operate', value: { command: 'Device.DeviceInfo.FirmwareImage.2.Download()', commandKey: `ram-${round}`, sendResp: true, inputArgs: { URL: url } } } }, Header_MsgType.OPERATE);
      let status = 'Downloading';
      for (let i = 0; i < 1800 && alive && status === 'Downloading'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const r = await get('Device.DeviceInfo.FirmwareImage.2.Status');
        const b = r.body?.msgBody;
        status = b?.case === 'response' && b.value.respType.case === 'getResp' ? b.value.respType.value.reqPathResults[0].resolvedPathResults[0]?.resultParams.Status : '';
      }
      if (status !== 'Available' || !alive) return false;
    }
    if (url) return alive;
    await new Promise((r) => setTimeout(r, 500));
    return alive;
  } catch {
    return false;
  } finally {
    c.close();
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Smallest value in [lo, hi] (step) for which ok(value) holds, assuming it is monotonic. */
async function smallest(lo: number, hi: number, step: number, ok: (v: number) => Promise<boolean>): Promise<number> {
  if (!(await ok(hi))) throw new Error(`fails even at ${hi}`);
  while (hi - lo > step) {
    const mid = Math.floor((lo + hi) / 2 / step) * step;
    if (await ok(mid)) hi = mid; else lo = mid;
  }
  return hi;
}

/** The peak above idle of a Download() from each of `urls` on `engine` (extraArgs: e.g. DTLS credentials for the runner). */
export async function xsDownloadRam(engine: XsEngine, urls: string[], extraArgs: string[] = [], imageLabel = '1 MB'): Promise<void> {
  const cap = xsEngineCap(engine);
  const bigChunks = cap.chunks * 2;
  const bigSlots = cap.slots * 2;
  const ok = (ch: number, s: number, u: string | undefined) => survives(engine, ch, s, u, extraArgs);
  const idleSlots = await smallest(2048, bigSlots, 32, (s) => ok(bigChunks, s, undefined));
  const idleChunks = await smallest(16 * 1024, bigChunks, 1024, (ch) => ok(ch, bigSlots, undefined));
  const runner = engine === 'xs-arm' ? '32-bit ARM runner, emulated by qemu-arm' : 'x86-64 runner';
  console.log(`XS (${runner}) smallest cap, idle after a Get: ${idleSlots} slots, ${idleChunks} B chunks`);
  for (const url of urls) {
    // A download needs at least what idle needs: the search starts there.
    // Searched up to 1,024 slots and 16 KB of chunks above idle (what the goal allows, and a
    // bound on the runs under qemu): beyond that smallest() throws.
    const slots = await smallest(idleSlots - 32, Math.min(bigSlots, idleSlots + 1024), 32, (s) => ok(bigChunks, s, url));
    const chunks = await smallest(idleChunks - 1024, Math.min(bigChunks, idleChunks + 16 * 1024), 1024, (ch) => ok(ch, bigSlots, url));
    const scheme = url.slice(0, url.indexOf(':'));
    console.log(`XS (${runner}) through a ${imageLabel} ${scheme}:// Download(): ${slots} slots, ${chunks} B chunks`);
    console.log(`XS ${engine} ${scheme} download (${imageLabel}) peak above idle: ${slots - idleSlots} slots (${(slots - idleSlots) * SLOT_BYTES_32} B at 16 B/slot on 32-bit) + ${chunks - idleChunks} B chunks = ${(slots - idleSlots) * SLOT_BYTES_32 + chunks - idleChunks} B${engine === 'xs' ? ' (x86-64 chunks; ARM smaller)' : ''}`);
  }
}
