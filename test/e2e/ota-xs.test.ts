// Download() over http:// and https:// on the XS engines (issue 12): the esp32 board runner under
// the boot loader fetches through the runner's HTTP client (firmware/xs-host/host-http.c: TCP on
// the event loop, TLS 1.2 from mbedTLS for https, the body streamed block by block into the slot)
// from real peers: node:http (Content-Length, chunked, Basic auth) and node:https with the test
// PKI's file-server certificate (chained to the agent's --ca, SAN IP:127.0.0.1). A server whose
// certificate comes from another CA is refused; a wrong checksum leaves the old image running.
// On xs-arm (qemu) the same runner cross-built for 32-bit ARM fetches over coap:// and http://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { packImage } from '../../tools/cli/firmware.ts';
import { makePki, type Pki } from '../dtls/support.ts';
import { missingCommand, needs } from '../support/tools.ts';
import { ARM_UNAVAILABLE } from './launch.ts';
import { completion, eventArgs, isComplete, isEvent, OtaDevice } from './ota-harness.ts';

const FW = 'Device.DeviceInfo.FirmwareImage.';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const AUTH = 'Basic ' + Buffer.from('fw-user:s3cret pass').toString('base64');

/** Serves `image` at /img (Content-Length), /chunked (Transfer-Encoding: chunked, 1000-byte chunks) and /auth (chunked, Basic auth). */
function serve(image: Uint8Array, seen: string[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.url} ${req.headers.authorization ?? '-'}`);
    if (req.url === '/img') {
      res.writeHead(200, { 'content-length': image.length }).end(image);
    } else if (req.url === '/chunked' || req.url === '/auth') {
      if (req.url === '/auth' && req.headers.authorization !== AUTH) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="fw"', 'content-length': 0 }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' }); // no length: chunked
      for (let i = 0; i < image.length; i += 1000) res.write(image.subarray(i, i + 1000));
      res.end();
    } else {
      res.writeHead(404).end();
    }
  };
}

async function listen(server: ReturnType<typeof createServer>): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

async function download(dev: OtaDevice, key: string, args: { [k: string]: string }, ms = 90_000) {
  const mark = dev.c1.heard.length;
  const r = await dev.operate(`${FW}2.Download()`, key, args);
  assert.ok(r.request, `Download accepted: ${r.message}`);
  const done = completion(await dev.c1.next(isComplete('Download()', key), mark, ms));
  const tc = eventArgs(await dev.c1.next((n) => isEvent('TransferComplete!')(n) && eventArgs(n).CommandKey === key, mark, 5_000));
  return { done, tc, mark };
}

test('OTA on xs over http:// and https://: Content-Length, chunked, Basic auth, a wrong checksum, a stranger CA refused, the switch over https', { timeout: 300_000 }, async (t) => {
  const pki: Pki = await makePki();
  const next = new Uint8Array(await packImage('5.0.0-xs-https', 'node'));
  const seen: string[] = [];
  const http = createServer(serve(next, seen));
  const good = createHttpsServer({ key: readFileSync(pki.path('files.key')), cert: readFileSync(pki.path('files.pem')) }, serve(next, seen));
  const stranger = createHttpsServer({ key: readFileSync(pki.path('stranger.key')), cert: readFileSync(pki.path('stranger.pem')) }, serve(next, seen));
  const [hp, gp, sp] = [await listen(http), await listen(good), await listen(stranger)];
  const dev = new OtaDevice();
  t.after(async () => {
    await dev.stop();
    for (const s of [http, good, stranger]) { s.closeAllConnections(); s.close(); }
    rmSync(dev.dir, { recursive: true, force: true });
    pki.remove();
  });
  await dev.start({ otaEngine: 'xs', securityArgs: ['--allow-nosec', '--cert', pki.path('agent.pem'), '--key', pki.path('agent.key'), '--ca', pki.path('ca.pem')] });
  await dev.subscribe('boot', 'Event', 'Device.Boot!');
  await dev.subscribe('xfer', 'Event', 'Device.LocalAgent.TransferComplete!');
  await dev.subscribe('ops', 'OperationComplete', `${FW}*.Download()`);
  assert.match((await dev.get('Device.DeviceInfo.ModelName'))['Device.DeviceInfo.ModelName'], /^tinyusp-xs-esp32/, 'slot 0 runs the XS build');
  const sum = sha256(next);

  // A wrong checksum over http:// (Content-Length): ValidationFailed, the fault in TransferComplete!.
  let r = await download(dev, 'bad-sum', { URL: `http://127.0.0.1:${hp}/img`, CheckSumAlgorithm: 'SHA-256', CheckSum: sha256(Buffer.from('other')) });
  assert.equal(r.done.ok, false);
  assert.equal(r.tc.FaultCode, '7022');
  assert.match(r.tc.FaultString, /CheckSum mismatch/);
  assert.equal((await dev.get(`${FW}2.Status`))[`${FW}2.Status`], 'ValidationFailed');

  // The credentials are required and sent only when given: 401 without them.
  r = await download(dev, 'no-auth', { URL: `http://127.0.0.1:${hp}/auth` });
  assert.equal(r.done.ok, false);
  assert.match(r.done.ok ? '' : r.done.message, /HTTP 401/);
  assert.equal((await dev.get(`${FW}2.Status`))[`${FW}2.Status`], 'DownloadFailed');

  // Chunked with Basic auth (Username/Password): the image verifies and is Available.
  r = await download(dev, 'chunked-auth', { URL: `http://127.0.0.1:${hp}/auth`, Username: 'fw-user', Password: 's3cret pass', CheckSumAlgorithm: 'SHA-256', CheckSum: sum, FileSize: String(next.length) });
  assert.equal(r.done.ok, true, r.done.ok ? '' : r.done.message);
  assert.deepEqual([r.tc.FaultCode, r.tc.FaultString], ['0', '']);
  assert.ok(seen.includes(`/auth ${AUTH}`), `the server saw our Basic credentials: ${seen.join(', ')}`);
  assert.deepEqual(Object.values(await dev.get(`${FW}2.Status`, `${FW}2.Version`)), ['Available', '5.0.0-xs-https']);

  // https:// from a server whose certificate does not chain to our CA: refused at the handshake.
  const before = seen.length;
  r = await download(dev, 'stranger', { URL: `https://127.0.0.1:${sp}/img` });
  assert.equal(r.done.ok, false);
  assert.match(r.done.ok ? '' : r.done.message, /TLS: certificate not trusted/);
  assert.equal(seen.length, before, 'no request was sent to the untrusted server');
  assert.equal((await dev.get(`${FW}2.Status`))[`${FW}2.Status`], 'DownloadFailed');

  // https:// from our CA's file server (chunked): the switch, with FirmwareUpdated.
  const url = `https://127.0.0.1:${gp}/chunked`;
  r = await download(dev, 'https-up', { URL: url, AutoActivate: 'true', CheckSumAlgorithm: 'SHA-256', CheckSum: sum });
  assert.equal(r.done.ok, true, r.done.ok ? '' : r.done.message);
  assert.deepEqual([r.tc.FaultCode, r.tc.TransferURL], ['0', url]);
  await dev.rebooted(60_000);
  const boot = eventArgs(await dev.c1.next(isEvent('Boot!'), r.mark));
  assert.deepEqual([boot.FirmwareUpdated, boot.CommandKey], ['true', 'https-up']);
  const now = await dev.get('Device.DeviceInfo.SoftwareVersion', 'Device.DeviceInfo.ActiveFirmwareImage', `${FW}1.Status`);
  assert.deepEqual(Object.values(now), ['5.0.0-xs-https', `${FW}2`, 'Available']);
});

test('OTA on xs-arm (qemu): coap:// Block2 and http:// into the slot, then the switch over http://', { timeout: 600_000 }, async (t) => {
  if (!needs(t, ARM_UNAVAILABLE)) return;
  const missing = missingCommand('coap-server-notls', 'coap-client-notls');
  if (!needs(t, missing && `${missing} not found (apt-get install libcoap3-bin)`)) return;
  const next = new Uint8Array(await packImage('6.0.0-from-arm', 'node'));
  const seen: string[] = [];
  const http = createServer(serve(next, seen));
  const hp = await listen(http);
  const dev = new OtaDevice();
  const imageFile = join(dev.dir, 'next.img');
  writeFileSync(imageFile, next);
  const port = 20000 + ((process.pid + 11) % 20000);
  const coap = spawn('coap-server-notls', ['-A', '127.0.0.1', '-p', String(port), '-d', '2'], { stdio: 'ignore' });
  t.after(async () => {
    coap.kill('SIGKILL');
    await dev.stop();
    http.closeAllConnections();
    http.close();
    rmSync(dev.dir, { recursive: true, force: true });
  });
  await new Promise((res) => setTimeout(res, 300));
  const put = spawnSync('coap-client-notls', ['-m', 'put', '-b', '1024', '-f', imageFile, `coap://127.0.0.1:${port}/next.img`], { timeout: 30_000 });
  assert.equal(put.status, 0, `PUT of the image to coap-server: ${put.stderr}`);
  await dev.start({ otaEngine: 'xs-arm' });
  await dev.subscribe('boot', 'Event', 'Device.Boot!');
  await dev.subscribe('xfer', 'Event', 'Device.LocalAgent.TransferComplete!');
  await dev.subscribe('ops', 'OperationComplete', `${FW}*.Download()`);
  assert.match((await dev.get('Device.DeviceInfo.ModelName'))['Device.DeviceInfo.ModelName'], /^tinyusp-xs-esp32/);
  const sum = sha256(next);

  let r = await download(dev, 'arm-coap', { URL: `coap://127.0.0.1:${port}/next.img`, CheckSumAlgorithm: 'SHA-256', CheckSum: sum }, 300_000);
  assert.equal(r.done.ok, true, r.done.ok ? '' : r.done.message);
  assert.deepEqual(Object.values(await dev.get(`${FW}2.Status`, `${FW}2.Version`)), ['Available', '6.0.0-from-arm']);
  r = await download(dev, 'arm-bad', { URL: `http://127.0.0.1:${hp}/img`, CheckSumAlgorithm: 'SHA-256', CheckSum: sha256(Buffer.from('x')) }, 300_000);
  assert.equal(r.tc.FaultCode, '7022');
  const url = `http://127.0.0.1:${hp}/img`;
  r = await download(dev, 'arm-http', { URL: url, AutoActivate: 'true', CheckSumAlgorithm: 'SHA-256', CheckSum: sum }, 300_000);
  assert.equal(r.done.ok, true, r.done.ok ? '' : r.done.message);
  await dev.rebooted(120_000);
  const boot = eventArgs(await dev.c1.next(isEvent('Boot!'), r.mark));
  assert.deepEqual([boot.FirmwareUpdated, boot.CommandKey], ['true', 'arm-http']);
  assert.deepEqual(Object.values(await dev.get('Device.DeviceInfo.SoftwareVersion', 'Device.DeviceInfo.ActiveFirmwareImage')), ['6.0.0-from-arm', `${FW}2`]);
});
