// Firmware over the air end to end (issue 12): the Node simulator under its boot loader
// (`tinyusp agent --ota`, A/B slots as files), a Controller over CoAP on loopback, images made
// by `tinyusp firmware pack` served over http:// (node:http) and coap:// (libcoap's coap-server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeImage } from '../../hal/host/image.ts';
import { packImage } from '../../tools/cli/firmware.ts';
import { missingCommand, needs } from '../support/tools.ts';
import { completion, eventArgs, fileServer, isComplete, isEvent, OtaDevice } from './ota-harness.ts';

const FW = 'Device.DeviceInfo.FirmwareImage.';
const sha = (alg: string, b: Uint8Array) => createHash(alg).update(b).digest('hex');

test('OTA over http:// on node: refusals, a wrong checksum, Activate in a TimeWindow, Cancel, the switch with FirmwareUpdated, a rollback', { timeout: 240_000 }, async (t) => {
  const v2 = await packImage('2.0.0-ota', 'node');
  // An image whose build exits at once: it never confirms itself.
  const broken = encodeImage({ version: '6.6.6-broken', engine: 'node' }, new TextEncoder().encode('process.exit(3);\n'));
  const files = new Map([['/v2.img', new Uint8Array(v2)], ['/broken.img', new Uint8Array(broken)]]);
  const http = await fileServer(files);
  const dev = new OtaDevice();
  t.after(async () => { await dev.stop(); http.server.close(); rmSync(dev.dir, { recursive: true, force: true }); });
  await dev.start();
  const c1 = dev.c1;
  await dev.subscribe('boot', 'Event', 'Device.Boot!');
  await dev.subscribe('xfer', 'Event', 'Device.LocalAgent.TransferComplete!');
  await dev.subscribe('ops', 'OperationComplete', `${FW}*.Download(),${FW}*.Activate()`);

  const before = await dev.get('Device.DeviceInfo.');
  assert.equal(before['Device.DeviceInfo.ActiveFirmwareImage'], `${FW}1`);
  assert.equal(before['Device.DeviceInfo.BootFirmwareImage'], `${FW}1`);
  const factory = before['Device.DeviceInfo.SoftwareVersion'];
  const rows = await dev.get(`${FW}*.Status`, `${FW}*.Version`);
  assert.deepEqual([rows[`${FW}1.Status`], rows[`${FW}2.Status`], rows[`${FW}1.Version`]], ['Active', 'NoImage', factory]);

  // Into the running slot: refused, nothing written.
  const running = await dev.operate(`${FW}1.Download()`, 'k0', { URL: http.url('/v2.img') });
  assert.equal(running.code, 7022);
  assert.match(running.message!, /running image/);
  // Bad arguments: a scheme this device does not fetch, userinfo in the URL, a short CheckSum.
  assert.equal((await dev.operate(`${FW}2.Download()`, 'k0', { URL: 'ftp://127.0.0.1/v2.img' })).code, 7027);
  assert.equal((await dev.operate(`${FW}2.Download()`, 'k0', { URL: 'http://u:p@127.0.0.1/v2.img' })).code, 7027);
  assert.equal((await dev.operate(`${FW}2.Download()`, 'k0', { URL: http.url('/v2.img'), CheckSumAlgorithm: 'SHA-256', CheckSum: 'abcd' })).code, 7027);

  // A wrong checksum: ValidationFailed, TransferComplete! with the fault, the old image runs on.
  let mark = c1.heard.length;
  const wrong = await dev.operate(`${FW}2.Download()`, 'bad-sum', { URL: http.url('/v2.img'), CheckSumAlgorithm: 'SHA-256', CheckSum: sha('sha256', broken) });
  assert.match(wrong.request!, /^Device\.LocalAgent\.Request\.\d+\.$/);
  const tcBad = eventArgs(await c1.next((n) => isEvent('TransferComplete!')(n) && eventArgs(n).CommandKey === 'bad-sum', mark));
  assert.equal(tcBad.FaultCode, '7022');
  assert.match(tcBad.FaultString, /CheckSum mismatch/);
  assert.deepEqual([tcBad.Command, tcBad.TransferType, tcBad.Affected, tcBad.TransferURL, tcBad.Requestor],
    [`${FW}2.Download()`, 'Download', `${FW}2`, http.url('/v2.img'), 'proto::controller-1']);
  const opBad = completion(await c1.next(isComplete('Download()', 'bad-sum'), mark));
  assert.equal(opBad.ok, false);
  let now = await dev.get(`${FW}2.Status`, `${FW}2.Available`, 'Device.DeviceInfo.SoftwareVersion');
  assert.deepEqual(Object.values(now), ['ValidationFailed', 'false', factory]);

  // The right image (SHA-256 checked as it streams in): Available, TransferComplete! without fault.
  mark = c1.heard.length;
  await dev.operate(`${FW}2.Download()`, 'dl-v2', { URL: http.url('/v2.img'), CheckSumAlgorithm: 'SHA-256', CheckSum: sha('sha256', v2), FileSize: String(v2.length) });
  const tcOk = eventArgs(await c1.next((n) => isEvent('TransferComplete!')(n) && eventArgs(n).CommandKey === 'dl-v2', mark));
  assert.deepEqual([tcOk.FaultCode, tcOk.FaultString], ['0', '']);
  assert.ok(Date.parse(tcOk.CompleteTime) >= Date.parse(tcOk.StartTime));
  assert.equal(completion(await c1.next(isComplete('Download()', 'dl-v2'), mark)).ok, true);
  now = await dev.get(`${FW}2.Status`, `${FW}2.Version`, `${FW}2.Name`, 'Device.DeviceInfo.ActiveFirmwareImage');
  assert.deepEqual(Object.values(now), ['Available', '2.0.0-ota', '2.0.0-ota', `${FW}1`]);

  // A pending Activate (its window opens in 10 minutes) cancelled: 7023, nothing switches.
  mark = c1.heard.length;
  const pending = await dev.operate(`${FW}2.Activate()`, 'act-later', { 'TimeWindow.1.Start': '600', 'TimeWindow.1.End': '900', 'TimeWindow.1.Mode': 'Immediately' });
  assert.equal((await dev.operate(`${pending.request}Cancel()`, '')).code, undefined);
  const cancelled = completion(await c1.next(isComplete('Activate()', 'act-later'), mark));
  assert.deepEqual(cancelled.ok ? [] : [cancelled.code], [7023]);
  assert.equal((await dev.get('Device.DeviceInfo.BootFirmwareImage'))['Device.DeviceInfo.BootFirmwareImage'], `${FW}1`);
  // ConfirmationNeeded has no user to ask on this device; overlapping windows are refused.
  assert.equal((await dev.operate(`${FW}2.Activate()`, 'x', { 'TimeWindow.1.Start': '0', 'TimeWindow.1.End': '5', 'TimeWindow.1.Mode': 'ConfirmationNeeded' })).code, 7027);
  assert.equal((await dev.operate(`${FW}2.Activate()`, 'x', { 'TimeWindow.1.Start': '0', 'TimeWindow.1.End': '50', 'TimeWindow.1.Mode': 'AnyTime',
    'TimeWindow.2.Start': '40', 'TimeWindow.2.End': '60', 'TimeWindow.2.Mode': 'AnyTime' })).code, 7027);

  // Activate in a window that opens 2 s from now: the switch waits for it, then reboots into v2.
  mark = c1.heard.length;
  const t0 = performance.now();
  await dev.operate(`${FW}2.Activate()`, 'act-v2', { 'TimeWindow.1.Start': '2', 'TimeWindow.1.End': '60', 'TimeWindow.1.Mode': 'AnyTime' });
  assert.equal((await dev.get('Device.DeviceInfo.BootFirmwareImage'))['Device.DeviceInfo.BootFirmwareImage'], `${FW}1`, 'not switched before the window');
  await dev.rebooted();
  assert.ok(performance.now() - t0 >= 2000, 'rebooted inside the window, not before it');
  const boot = eventArgs(await c1.next(isEvent('Boot!'), mark));
  assert.deepEqual([boot.FirmwareUpdated, boot.Cause, boot.CommandKey], ['true', 'RemoteReboot', 'act-v2']);
  assert.equal(JSON.parse(boot.ParameterMap)['Device.DeviceInfo.SoftwareVersion'], '2.0.0-ota');
  // The Activate interrupted by its own reboot completes (the new image confirmed itself).
  assert.equal(completion(await c1.next(isComplete('Activate()', 'act-v2'), mark)).ok, true);
  now = await dev.get('Device.DeviceInfo.SoftwareVersion', 'Device.DeviceInfo.ActiveFirmwareImage', 'Device.DeviceInfo.BootFirmwareImage', `${FW}1.Status`, `${FW}2.Status`);
  assert.deepEqual(Object.values(now), ['2.0.0-ota', `${FW}2`, `${FW}2`, 'Available', 'Active']);

  // A plain reboot of the new image: FirmwareUpdated only in the first Boot! after the switch.
  mark = c1.heard.length;
  await dev.operate('Device.Reboot()', 'rb');
  await dev.rebooted();
  assert.deepEqual([eventArgs(await c1.next(isEvent('Boot!'), mark)).FirmwareUpdated], ['false']);

  // An image that never confirms (its build exits at once): rolled back on the next boot, the
  // failure in BootFailureLog and in the Activate's OperationComplete, Boot! without FirmwareUpdated.
  mark = c1.heard.length;
  await dev.operate(`${FW}1.Download()`, 'dl-broken', { URL: http.url('/broken.img'), CheckSumAlgorithm: 'SHA-1', CheckSum: sha('sha1', broken) });
  assert.equal(completion(await c1.next(isComplete('Download()', 'dl-broken'), mark)).ok, true);
  await dev.operate(`${FW}1.Activate()`, 'act-broken');
  await dev.rebooted(60_000);
  const rolled = eventArgs(await c1.next(isEvent('Boot!'), mark));
  assert.equal(rolled.FirmwareUpdated, 'false');
  const failed = completion(await c1.next(isComplete('Activate()', 'act-broken'), mark));
  assert.equal(failed.ok, false);
  assert.match(failed.ok ? '' : failed.message, /rolled back.*exited with status 3/);
  now = await dev.get('Device.DeviceInfo.SoftwareVersion', 'Device.DeviceInfo.ActiveFirmwareImage', `${FW}1.Status`, `${FW}1.BootFailureLog`, `${FW}1.Available`);
  assert.equal(now['Device.DeviceInfo.SoftwareVersion'], '2.0.0-ota');
  assert.equal(now['Device.DeviceInfo.ActiveFirmwareImage'], `${FW}2`);
  assert.equal(now[`${FW}1.Status`], 'ActivationFailed');
  assert.equal(now[`${FW}1.Available`], 'false');
  assert.match(now[`${FW}1.BootFailureLog`], /exited with status 3 before confirming/);
});

test('OTA over coap:// on node: Block2 streamed from libcoap\'s coap-server into the slot, SHA-1, AutoActivate', { timeout: 180_000 }, async (t) => {
  const missing = missingCommand('coap-server-notls', 'coap-client-notls');
  if (!needs(t, missing && `${missing} not found (apt-get install libcoap3-bin)`)) return;
  const v3 = await packImage('3.0.0-coap', 'node');
  const dev = new OtaDevice();
  const imageFile = join(dev.dir, 'v3.img');
  writeFileSync(imageFile, v3);
  const port = 20000 + (process.pid % 20000);
  const server = spawn('coap-server-notls', ['-A', '127.0.0.1', '-p', String(port), '-d', '2'], { stdio: 'ignore' });
  t.after(async () => { server.kill('SIGKILL'); await dev.stop(); rmSync(dev.dir, { recursive: true, force: true }); });
  await new Promise((r) => setTimeout(r, 300));
  const put = spawnSync('coap-client-notls', ['-m', 'put', '-b', '1024', '-f', imageFile, `coap://127.0.0.1:${port}/fw.img`], { timeout: 30_000 });
  assert.equal(put.status, 0, `PUT of the image to coap-server: ${put.stderr}`);
  await dev.start();
  await dev.subscribe('boot', 'Event', 'Device.Boot!');
  await dev.subscribe('xfer', 'Event', 'Device.LocalAgent.TransferComplete!');
  const mark = dev.c1.heard.length;
  const url = `coap://127.0.0.1:${port}/fw.img`;
  const r = await dev.operate(`${FW}2.Download()`, 'dl-coap', { URL: url, AutoActivate: 'true', CheckSumAlgorithm: 'SHA-1', CheckSum: sha('sha1', v3) });
  assert.ok(r.request);
  const tc = eventArgs(await dev.c1.next(isEvent('TransferComplete!'), mark));
  assert.deepEqual([tc.FaultCode, tc.TransferURL], ['0', url]);
  await dev.rebooted();
  const boot = eventArgs(await dev.c1.next(isEvent('Boot!'), mark));
  assert.deepEqual([boot.FirmwareUpdated, boot.CommandKey], ['true', 'dl-coap']);
  const now = await dev.get('Device.DeviceInfo.SoftwareVersion', 'Device.DeviceInfo.ActiveFirmwareImage', `${FW}2.Version`);
  assert.deepEqual(Object.values(now), ['3.0.0-coap', `${FW}2`, '3.0.0-coap']);
});

test('OTA on xs: the esp32 board runner under the boot loader downloads over coap:// (Block2 into its slot, SHA-256 by mbedTLS in the runner), refuses a wrong checksum, and switches to the new image', { timeout: 300_000 }, async (t) => {
  const missing = missingCommand('coap-server-notls', 'coap-client-notls');
  if (!needs(t, missing && `${missing} not found (apt-get install libcoap3-bin)`)) return;
  // An engine switch, XS to Node (XS to XS: ota-xs-xs.test.ts).
  const next = await packImage('4.0.0-from-xs', 'node');
  const dev = new OtaDevice();
  const imageFile = join(dev.dir, 'next.img');
  writeFileSync(imageFile, next);
  const port = 20000 + ((process.pid + 7) % 20000);
  const server = spawn('coap-server-notls', ['-A', '127.0.0.1', '-p', String(port), '-d', '2'], { stdio: 'ignore' });
  t.after(async () => { server.kill('SIGKILL'); await dev.stop(); rmSync(dev.dir, { recursive: true, force: true }); });
  await new Promise((r) => setTimeout(r, 300));
  const put = spawnSync('coap-client-notls', ['-m', 'put', '-b', '1024', '-f', imageFile, `coap://127.0.0.1:${port}/next.img`], { timeout: 30_000 });
  assert.equal(put.status, 0, `PUT of the image to coap-server: ${put.stderr}`);
  await dev.start({ otaEngine: 'xs' });
  const c1 = dev.c1;
  await dev.subscribe('boot', 'Event', 'Device.Boot!');
  await dev.subscribe('xfer', 'Event', 'Device.LocalAgent.TransferComplete!');
  const factory = (await dev.get('Device.DeviceInfo.ModelName'))['Device.DeviceInfo.ModelName'];
  assert.match(factory, /^tinyusp-xs-esp32/, 'slot 0 runs the XS build');
  const url = `coap://127.0.0.1:${port}/next.img`;
  assert.equal((await dev.operate(`${FW}1.Download()`, 'k', { URL: url })).code, 7022);
  assert.equal((await dev.operate(`${FW}2.Download()`, 'k', { URL: 'ftp://127.0.0.1/next.img' })).code, 7027, 'a scheme the board does not fetch');
  // No DTLS credentials: no coaps:// and no https:// (no trust anchors to check a server with).
  assert.equal((await dev.operate(`${FW}2.Download()`, 'k', { URL: 'https://127.0.0.1/next.img' })).code, 7027, 'https:// needs trust anchors');
  let mark = c1.heard.length;
  await dev.operate(`${FW}2.Download()`, 'bad', { URL: url, CheckSumAlgorithm: 'SHA-256', CheckSum: sha('sha256', Buffer.from('other')) });
  assert.equal(eventArgs(await c1.next(isEvent('TransferComplete!'), mark, 60_000)).FaultCode, '7022');
  assert.equal((await dev.get(`${FW}2.Status`))[`${FW}2.Status`], 'ValidationFailed');
  mark = c1.heard.length;
  await dev.operate(`${FW}2.Download()`, 'xs-up', { URL: url, AutoActivate: 'true', CheckSumAlgorithm: 'SHA-256', CheckSum: sha('sha256', next) });
  assert.equal(eventArgs(await c1.next(isEvent('TransferComplete!'), mark, 60_000)).FaultCode, '0');
  await dev.rebooted(60_000);
  const boot = eventArgs(await c1.next(isEvent('Boot!'), mark));
  assert.deepEqual([boot.FirmwareUpdated, boot.CommandKey], ['true', 'xs-up']);
  const now = await dev.get('Device.DeviceInfo.SoftwareVersion', 'Device.DeviceInfo.ActiveFirmwareImage', `${FW}1.Status`);
  assert.deepEqual(Object.values(now), ['4.0.0-from-xs', `${FW}2`, 'Available']);
});
