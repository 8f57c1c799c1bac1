// A real firmware upgrade from one XS build to another (issue 12): the XS agent under the boot
// loader (`tinyusp agent --ota --engine xs|xs-arm`) downloads a `tinyusp firmware pack --engine
// xs|xs-arm` image (the stripped esp32 board runner, which must fit the esp32 slot), verifies it
// (SHA-256 through the runner's mbedTLS, HAL hash) and activates it; the boot loader then starts
// the runner stored in that slot, which reports the new SoftwareVersion, confirms, and itself
// downloads and activates the next one. On x86-64: 2.0 over http://, then 3.0 over coap://
// (libcoap's coap-server, Block2); 4.0 over coaps:// (coap-server-openssl, a certificate of our
// CA, the agent with DTLS credentials). On 32-bit ARM (qemu): 2.0 over http://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { esp32 } from '../../boards/esp32/profile.ts';
import { root } from '../../build.config.ts';
import { packImage } from '../../tools/cli/firmware.ts';
import { makePki } from '../dtls/support.ts';
import { missingCommand, needs } from '../support/tools.ts';
import { ARM_UNAVAILABLE } from './launch.ts';
import { eventArgs, fileServer, isEvent, OtaDevice, startXsOtaDevice } from './ota-harness.ts';

const FW = 'Device.DeviceInfo.FirmwareImage.';
/** The factory image's version (`agent --ota` packs this build as package.json's version). */
const FACTORY: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Download() into `slot` with AutoActivate, its TransferComplete! (FaultCode 0), then the reboot and its Boot!. */
async function upgrade(dev: OtaDevice, slot: number, key: string, url: string, image: Uint8Array, ms: number) {
  const mark = dev.c1.heard.length;
  const r = await dev.operate(`${FW}${slot}.Download()`, key, { URL: url, AutoActivate: 'true', CheckSumAlgorithm: 'SHA-256', CheckSum: sha256(image), FileSize: String(image.length) });
  assert.ok(r.request, `Download accepted: ${r.message}`);
  const tc = eventArgs(await dev.c1.next((n) => isEvent('TransferComplete!')(n) && eventArgs(n).CommandKey === key, mark, ms));
  assert.deepEqual([tc.FaultCode, tc.FaultString, tc.TransferURL], ['0', '', url]);
  await dev.rebooted(ms);
  return eventArgs(await dev.c1.next(isEvent('Boot!'), mark, ms));
}

function xsDevice(t: { after(fn: () => Promise<void>): void }, engine: 'xs' | 'xs-arm', cleanup: () => void, securityArgs = ['--allow-nosec']): Promise<OtaDevice> {
  return startXsOtaDevice(t, engine, securityArgs, cleanup);
}

/** What the device runs: its version, active image, and the XS board build. */
async function running(dev: OtaDevice) {
  return Object.values(await dev.get('Device.DeviceInfo.SoftwareVersion', 'Device.DeviceInfo.ActiveFirmwareImage', 'Device.DeviceInfo.ModelName'));
}

test('OTA xs -> xs: 2.0 over http://, then from it 3.0 over coap://; the slot\'s runner boots each time', { timeout: 600_000 }, async (t) => {
  const v2 = new Uint8Array(await packImage('2.0', 'xs'));
  const v3 = new Uint8Array(await packImage('3.0', 'xs'));
  assert.ok(v2.length <= esp32.firmware.imageBytes, `the x86-64 image (${v2.length} B) fits the esp32 slot (${esp32.firmware.imageBytes} B)`);
  const files = await fileServer(new Map([['/v2.img', v2]]));
  const dev = await xsDevice(t, 'xs', () => { files.server.closeAllConnections(); files.server.close(); });
  assert.deepEqual(await running(dev), [FACTORY, `${FW}1`, 'tinyusp-xs-esp32']);

  let boot = await upgrade(dev, 2, 'to-2.0', files.url('/v2.img'), v2, 120_000);
  assert.deepEqual([boot.FirmwareUpdated, boot.CommandKey, boot.Cause], ['true', 'to-2.0', 'RemoteReboot']);
  assert.deepEqual(await running(dev), ['2.0', `${FW}2`, 'tinyusp-xs-esp32']);
  assert.match(dev.agent.output().stderr, /booting slot 1: xs image 2\.0/, 'the boot loader started the runner stored in slot 1');
  assert.deepEqual(Object.values(await dev.get(`${FW}1.Status`, `${FW}2.Status`, `${FW}2.Version`)), ['Available', 'Active', '2.0']);

  const missing = missingCommand('coap-server-notls', 'coap-client-notls');
  if (!needs(t, missing && `${missing} not found (apt-get install libcoap3-bin)`)) return;
  const imageFile = join(dev.dir, 'v3.img');
  writeFileSync(imageFile, v3);
  const port = 20000 + ((process.pid + 23) % 20000);
  const coap = spawn('coap-server-notls', ['-A', '127.0.0.1', '-p', String(port), '-d', '4'], { stdio: 'ignore' });
  t.after(() => { coap.kill('SIGKILL'); });
  await new Promise((res) => setTimeout(res, 300));
  const put = spawnSync('coap-client-notls', ['-m', 'put', '-b', '1024', '-f', imageFile, `coap://127.0.0.1:${port}/v3.img`], { timeout: 60_000 });
  assert.equal(put.status, 0, `PUT of the image to coap-server: ${put.stderr}`);
  // The upgraded runner (2.0, slot 1) downloads into slot 0, the factory image's.
  boot = await upgrade(dev, 1, 'to-3.0', `coap://127.0.0.1:${port}/v3.img`, v3, 180_000);
  assert.deepEqual([boot.FirmwareUpdated, boot.CommandKey], ['true', 'to-3.0']);
  assert.deepEqual(await running(dev), ['3.0', `${FW}1`, 'tinyusp-xs-esp32']);
  assert.match(dev.agent.output().stderr, /booting slot 0: xs image 3\.0/);
});

test('OTA xs -> xs over coaps://: 4.0 from coap-server-openssl (our CA), Block2 over DTLS; the slot\'s runner boots', { timeout: 600_000 }, async (t) => {
  const missing = missingCommand('coap-server-openssl', 'coap-client-openssl', 'openssl');
  if (!needs(t, missing && `${missing} not found (apt-get install libcoap3-bin openssl)`)) return;
  const pki = await makePki();
  const v4 = new Uint8Array(await packImage('4.0', 'xs'));
  const port = 20000 + ((process.pid + 31) % 20000);
  let server: ReturnType<typeof spawn> | undefined;
  const dev = await xsDevice(t, 'xs', () => { server?.kill('SIGKILL'); pki.remove(); },
    ['--allow-nosec', '--cert', pki.path('agent.pem'), '--key', pki.path('agent.key'), '--ca', pki.path('ca.pem')]);
  const imageFile = join(dev.dir, 'v4.img');
  writeFileSync(imageFile, v4);
  // coap-server-openssl listens for coaps:// on port + 1 (-p is its coap:// port).
  server = spawn('coap-server-openssl', ['-A', '127.0.0.1', '-p', String(port - 1), '-d', '4',
    '-c', pki.path('files.pem'), '-j', pki.path('files.key'), '-C', pki.path('ca.pem'), '-n'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 300));
  const put = spawnSync('coap-client-openssl', ['-m', 'put', '-b', '1024', '-f', imageFile, '-c', pki.path('controller.pem'), '-j', pki.path('controller.key'), '-n',
    `coaps://127.0.0.1:${port}/fw.img`], { timeout: 60_000 });
  assert.equal(put.status, 0, `PUT of the image to coap-server-openssl: ${put.stderr}`);
  const boot = await upgrade(dev, 2, 'to-4.0', `coaps://127.0.0.1:${port}/fw.img`, v4, 240_000);
  assert.deepEqual([boot.FirmwareUpdated, boot.CommandKey], ['true', 'to-4.0']);
  assert.deepEqual(await running(dev), ['4.0', `${FW}2`, 'tinyusp-xs-esp32']);
  assert.match(dev.agent.output().stderr, /booting slot 1: xs image 4\.0/);
});

test('OTA xs-arm -> xs-arm (qemu): 2.0 over http://, the slot\'s ARM runner boots', { timeout: 900_000 }, async (t) => {
  if (!needs(t, ARM_UNAVAILABLE)) return;
  const v2 = new Uint8Array(await packImage('2.0-arm', 'xs-arm'));
  assert.ok(v2.length <= esp32.firmware.imageBytes, `the 32-bit ARM image (${v2.length} B) fits the esp32 slot (${esp32.firmware.imageBytes} B)`);
  const files = await fileServer(new Map([['/v2.img', v2]]));
  const dev = await xsDevice(t, 'xs-arm', () => { files.server.closeAllConnections(); files.server.close(); });
  const boot = await upgrade(dev, 2, 'arm-to-2.0', files.url('/v2.img'), v2, 600_000);
  assert.deepEqual([boot.FirmwareUpdated, boot.CommandKey], ['true', 'arm-to-2.0']);
  assert.deepEqual(await running(dev), ['2.0-arm', `${FW}2`, 'tinyusp-xs-esp32']);
  assert.match(dev.agent.output().stderr, /booting slot 1: xs-arm image 2\.0-arm/);
});
