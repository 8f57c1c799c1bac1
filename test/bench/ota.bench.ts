// OTA benchmark (`npm run bench:ota`): Operate Download() -> OperationComplete for a 1 MB image on
// loopback, against the Node simulator under its boot loader (`tinyusp agent --ota`), over
// http:// (node:http) and coap:// (libcoap's coap-server-notls, Block2 with 1024-byte blocks),
// SHA-256 checked. 3 rounds per transport; the median is the figure. Also the agent's resident
// memory (VmRSS) before and after the downloads.
// On XS (the esp32 runner under the boot loader, x86-64): the same over coap:// and http://, and
// the download's peak RAM above idle by bisection of the runner's cap (ota-xs-ram.ts). On the
// 32-bit ARM runner (emulated by qemu-arm) the same 1 MB image over http:// and coap://, timed
// and bisected (it took ~300 s under qemu while SHA-256 ran in JS; the HAL hash made it minutes
// less: README). --arm-only: only the ARM rows.
//   npm run bench:ota [-- --no-ram] [-- --no-arm] [-- --arm-only]
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeImage, readImageLayout } from '../../hal/host/image.ts';
import { packImage } from '../../tools/cli/firmware.ts';
import { residentKb } from '../e2e/launch.ts';
import { completion, fileServer, isComplete, OtaDevice } from '../e2e/ota-harness.ts';
import { armUnavailable } from '../support/tools.ts';
import type { XsEngine } from '../../tools/cli/xs-engine.ts';
import { xsDownloadRam } from './ota-xs-ram.ts';

const ROUNDS = 3;
const SIZE = 1024 * 1024;
const FW = 'Device.DeviceInfo.FirmwareImage.';

async function main(): Promise<void> {
  // A real, bootable 1 MB image: this build's bundle padded with a trailing comment.
  const base = await packImage('9.0.0-bench', 'node');
  const dev = new OtaDevice();
  const tmp = join(dev.dir, 'base.img');
  writeFileSync(tmp, base);
  const l = readImageLayout(tmp);
  const js = base.subarray(l.payloadOffset, l.payloadOffset + l.payloadBytes);
  const pad = Buffer.from('\n//' + 'x'.repeat(Math.max(0, SIZE - base.length - 3 - 64)));
  const image = encodeImage({ version: '9.0.0-bench', engine: 'node' }, Buffer.concat([js, pad]));
  const sum = createHash('sha256').update(image).digest('hex');
  // A 64 KB image: the x86-64 RAM bisection shows the peak does not grow with the image.
  const small = encodeImage({ version: '9.0.1-bench', engine: 'node' }, Buffer.concat([js.subarray(0, 32 * 1024), Buffer.from('\n//' + 'y'.repeat(32 * 1024 - 200))]));
  const armOnly = process.argv.includes('--arm-only');
  const http = await fileServer(new Map([['/1mb.img', new Uint8Array(image)], ['/64k.img', new Uint8Array(small)]]));
  const imgFile = join(dev.dir, '1mb.img');
  writeFileSync(imgFile, image);
  const coapPort = 20000 + (process.pid % 20000);
  const coap = spawn('coap-server-notls', ['-A', '127.0.0.1', '-p', String(coapPort), '-d', '2'], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 300));
    const put = spawnSync('coap-client-notls', ['-m', 'put', '-b', '1024', '-f', imgFile, `coap://127.0.0.1:${coapPort}/1mb.img`], { timeout: 60_000 });
    if (put.status !== 0) throw new Error('PUT to coap-server failed: ' + put.stderr);
    if (!armOnly) await nodeRounds();
    async function nodeRounds(): Promise<void> {
    await dev.start();
    await dev.subscribe('ops', 'OperationComplete', `${FW}*.Download()`);
    // The image runs as the boot loader's child process.
    const image1 = () => Number(readFileSync(`/proc/${dev.agent.pid}/task/${dev.agent.pid}/children`, 'utf8').trim().split(' ')[0]);
    const rss0 = residentKb(image1());
    console.log(`image ${image.length} bytes; agent (boot loader pid ${dev.agent.pid}) ready`);
    for (const [name, url] of [['http', http.url('/1mb.img')], ['coap', `coap://127.0.0.1:${coapPort}/1mb.img`]] as const) {
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const mark = dev.c1.heard.length;
        const key = `${name}-${i}`;
        const t0 = performance.now();
        const r = await dev.operate(`${FW}2.Download()`, key, { URL: url, CheckSumAlgorithm: 'SHA-256', CheckSum: sum, FileSize: String(image.length) });
        if (!r.request) throw new Error(`Download refused: ${r.message}`);
        const done = completion(await dev.c1.next(isComplete('Download()', key), mark, 120_000));
        const ms = performance.now() - t0;
        if (!done.ok) throw new Error(`Download failed: ${done.message}`);
        times.push(ms);
        console.log(`  ${name} round ${i + 1}: ${ms.toFixed(0)} ms (${(image.length / 1024 / (ms / 1000)).toFixed(0)} KiB/s)`);
      }
      times.sort((a, b) => a - b);
      console.log(`${name}: Operate -> OperationComplete, 1 MB, median of ${ROUNDS}: ${times[1].toFixed(0)} ms`);
    }
    console.log(`image process RSS: ${rss0} KB before the downloads, ${residentKb(image1())} KB after ${2 * ROUNDS} of them`);
    await dev.stop();
    }
    const arm = !process.argv.includes('--no-arm') && !armUnavailable();
    const ram = !process.argv.includes('--no-ram');
    const coapUrl = `coap://127.0.0.1:${coapPort}/1mb.img`;
    if (!armOnly) {
      for (const [name, url] of [['coap', coapUrl], ['http', http.url('/1mb.img')]] as const) await xsRounds('xs', name, url, sum);
      if (ram) await xsDownloadRam('xs', [coapUrl, http.url('/1mb.img')]);
      if (ram) await xsDownloadRam('xs', [http.url('/64k.img')], [], '64 KB');
    }
    if (arm) {
      for (const [name, url] of [['http', http.url('/1mb.img')], ['coap', coapUrl]] as const) await xsRounds('xs-arm', name, url, sum);
      if (ram) await xsDownloadRam('xs-arm', [http.url('/1mb.img'), coapUrl]);
    }
  } finally {
    coap.kill('SIGKILL');
    await dev.stop();
    http.server.close();
    rmSync(dev.dir, { recursive: true, force: true });
  }
}

/** ROUNDS Downloads of the 1 MB image on an XS engine; prints each and the median. */
async function xsRounds(engine: XsEngine, name: string, url: string, sum: string): Promise<void> {
  const label = engine === 'xs-arm' ? 'xs-arm (qemu-arm, emulated)' : 'xs (x86-64)';
  const xs = new OtaDevice();
  try {
    await xs.start({ otaEngine: engine });
    await xs.subscribe('ops', 'OperationComplete', `${FW}*.Download()`);
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const mark = xs.c1.heard.length;
      const key = `${engine}-${name}-${i}`;
      const t0 = performance.now();
      const r = await xs.operate(`${FW}2.Download()`, key, { URL: url, CheckSumAlgorithm: 'SHA-256', CheckSum: sum });
      if (!r.request) throw new Error(`Download refused: ${r.message}`);
      const done = completion(await xs.c1.next(isComplete('Download()', key), mark, 600_000));
      if (!done.ok) throw new Error(`Download failed: ${done.message}`);
      times.push(performance.now() - t0);
      console.log(`  ${label} ${name} round ${i + 1}: ${times[i].toFixed(0)} ms`);
    }
    times.sort((a, b) => a - b);
    console.log(`${label} ${name}: Operate -> OperationComplete, 1 MB, median of ${ROUNDS}: ${times[1].toFixed(0)} ms`);
  } finally {
    await xs.stop();
    rmSync(xs.dir, { recursive: true, force: true });
  }
}

await main();
