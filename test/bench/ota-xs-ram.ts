// bench:ota's XS memory figure: the smallest XS cap (heap slots, then chunk bytes) at which the
// esp32 agent (x86-64 runner, started from a firmware slot) stays up idle (a Get) and through a
// Download() of the 1 MB image over coap://, by bisection. The difference is the download's
// peak RAM above idle (slots are 16 bytes on the 32-bit board).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Header_MsgType } from '../../gen/usp/usp-msg_pb.ts';
import { installFactoryImage } from '../../hal/host/firmware.ts';
import { encodeImage } from '../../hal/host/image.ts';
import { XS_CAP_64 } from '../../boards/esp32/xs-cap.ts';
import { Controller } from '../../tools/controller/controller.ts';
import { xsEngineCommand } from '../../tools/cli/xs-engine.ts';

const root = new URL('../..', import.meta.url).pathname;

/** Does the agent run through `download ? a Download of url : a Get` at this cap? */
async function survives(chunks: number, slots: number, url: string | undefined): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'tinyusp-otaram-'));
  const state = join(dir, 'state');
  installFactoryImage(join(state, 'fw'), encodeImage({ version: '1', engine: 'xs' }, Buffer.from('x')), { version: '1', engine: 'xs' });
  const cmd = xsEngineCommand('xs', ['--chunks', String(chunks), '--slots', String(slots), '--stack', '1024', '--keys', '1024',
    '--state', state, '--defaults', join(root, 'examples/demo-defaults.json'), '--allow-nosec', '--arg', 'port=0', '--arg', 'fw-boot=0,0,-1', '--arg', 'log-level=error']);
  const child = spawn(cmd.file, cmd.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let alive = true;
  child.on('close', () => { alive = false; });
  child.stdout.on('data', (d) => { out += d; });
  const c = await Controller.open({ endpointId: 'proto::controller-1', port: 0, timeoutMs: 5000 });
  try {
    for (let i = 0; i < 100 && alive && !/ready \S+ (\S+)/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
    const m = /ready \S+ (\S+)/.exec(out);
    if (!m) return false;
    const uri = m[1];
    const get = (p: string) => c.request(uri, 'proto::tinyusp-demo', { reqType: { case: 'get', value: { paramPaths: [p], maxDepth: 0 } } }, Header_MsgType.GET);
    await get('Device.DeviceInfo.');
    if (url) {
      await c.request(uri, 'proto::tinyusp-demo', { reqType: { case: 'operate', value: { command: 'Device.DeviceInfo.FirmwareImage.2.Download()', commandKey: 'ram', sendResp: true, inputArgs: { URL: url } } } }, Header_MsgType.OPERATE);
      for (let i = 0; i < 300 && alive; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const r = await get('Device.DeviceInfo.FirmwareImage.2.Status');
        const b = r.body?.msgBody;
        const status = b?.case === 'response' && b.value.respType.case === 'getResp' ? b.value.respType.value.reqPathResults[0].resolvedPathResults[0]?.resultParams.Status : '';
        if (status !== 'Downloading') return status === 'Available' && alive;
      }
      return false;
    }
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

export async function xsDownloadRam(url: string): Promise<void> {
  const bigChunks = XS_CAP_64.chunks * 2;
  const bigSlots = XS_CAP_64.slots * 2;
  const idleSlots = await smallest(2048, bigSlots, 32, (s) => survives(bigChunks, s, undefined));
  const dlSlots = await smallest(2048, bigSlots, 32, (s) => survives(bigChunks, s, url));
  const idleChunks = await smallest(32 * 1024, bigChunks, 1024, (ch) => survives(ch, bigSlots, undefined));
  const dlChunks = await smallest(32 * 1024, bigChunks, 1024, (ch) => survives(ch, bigSlots, url));
  console.log(`XS (x86-64 runner) smallest cap, idle after a Get: ${idleSlots} slots, ${idleChunks} B chunks; through a 1 MB coap:// Download(): ${dlSlots} slots, ${dlChunks} B chunks`);
  console.log(`XS download peak above idle: ${dlSlots - idleSlots} slots (${(dlSlots - idleSlots) * 16} B at 16 B/slot on 32-bit) + ${dlChunks - idleChunks} B chunks (x86-64 chunks; ARM smaller)`);
}
