// Download() over coaps:// on node: the agent (DTLS certificate credentials; its Controllers on
// plaintext coap:// with --allow-nosec, as the OTA fixture has them) fetches a packed image from
// libcoap's coap-server-openssl over DTLS, Block2 streamed into the slot through the agent's DTLS
// client role (src/dtls/link.ts, peer 'file'). The file server's certificate chains to the
// agent's CA, names the URL's host (SAN IP) and no Endpoint ID (a file server is no USP
// Endpoint); a server whose certificate comes from another CA, or names another host, is refused
// at the handshake, and that Download fails with TransferComplete! carrying the fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packImage } from '../../tools/cli/firmware.ts';
import { makePki, type Pki } from '../dtls/support.ts';
import { missingCommand, needs } from '../support/tools.ts';
import { completion, eventArgs, isComplete, isEvent, OtaDevice } from './ota-harness.ts';

const FW = 'Device.DeviceInfo.FirmwareImage.';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** coap-server-openssl on `port` with `cert` (signed by `ca`), holding `image` at /fw.img (PUT over coaps://). */
async function coapsFileServer(pki: Pki, port: number, cert: string, ca: string, image: string) {
  const server = spawn('coap-server-openssl', ['-A', '127.0.0.1', '-p', String(port - 1), '-d', '2',
    '-c', pki.path(cert + '.pem'), '-j', pki.path(cert + '.key'), '-C', pki.path(ca), '-n'], { stdio: 'ignore' });
  const guard = setTimeout(() => server.kill('SIGKILL'), 170_000);
  await new Promise((r) => setTimeout(r, 300));
  const put = spawnSync('coap-client-openssl', ['-m', 'put', '-b', '1024', '-f', image, '-c', pki.path('controller.pem'), '-j', pki.path('controller.key'), '-n',
    `coaps://127.0.0.1:${port}/fw.img`], { timeout: 30_000 });
  assert.equal(put.status, 0, `PUT of the image to coap-server-openssl: ${put.stderr}`);
  return { stop: () => { clearTimeout(guard); server.kill('SIGKILL'); } };
}

test('OTA over coaps:// on node: Block2 over DTLS from coap-server-openssl (certificate chained to our CA, no Endpoint ID), a stranger CA refused, the switch with FirmwareUpdated', { timeout: 180_000 }, async (t) => {
  const missing = missingCommand('coap-server-openssl', 'coap-client-openssl', 'openssl');
  if (!needs(t, missing && `${missing} not found (apt-get install libcoap3-bin openssl)`)) return;
  const pki = await makePki();
  const v4 = await packImage('4.0.0-coaps', 'node');
  const dev = new OtaDevice();
  const imageFile = join(dev.dir, 'v4.img');
  writeFileSync(imageFile, v4);
  const base = 20000 + (process.pid % 20000);
  const good = await coapsFileServer(pki, base + 2, 'files', 'ca.pem', imageFile);
  const stranger = await coapsFileServer(pki, base + 4, 'stranger', 'other-ca.pem', imageFile);
  const elsewhere = await coapsFileServer(pki, base + 6, 'files-elsewhere', 'ca.pem', imageFile);
  t.after(async () => { good.stop(); stranger.stop(); elsewhere.stop(); await dev.stop(); rmSync(dev.dir, { recursive: true, force: true }); pki.remove(); });
  await dev.start({ securityArgs: ['--allow-nosec', '--cert', pki.path('agent.pem'), '--key', pki.path('agent.key'), '--ca', pki.path('ca.pem')] });
  await dev.subscribe('boot', 'Event', 'Device.Boot!');
  await dev.subscribe('xfer', 'Event', 'Device.LocalAgent.TransferComplete!');
  await dev.subscribe('done', 'OperationComplete', `${FW}2.Download()`);

  // A file server whose certificate does not chain to our CA: no session, so the Download fails.
  let mark = dev.c1.heard.length;
  const bad = await dev.operate(`${FW}2.Download()`, 'dl-stranger', { URL: `coaps://127.0.0.1:${base + 4}/fw.img` });
  assert.ok(bad.request, `Download accepted: ${bad.message}`);
  // At the refused handshake, not at the CoAP request's timeout (MAX_TRANSMIT_WAIT, 93 s).
  const failed = completion(await dev.c1.next(isComplete('Download()', 'dl-stranger'), mark, 20_000));
  assert.equal(failed.ok, false);
  assert.match(failed.ok ? '' : failed.message, /download failed: DTLS: /);
  const st = await dev.get(`${FW}2.Status`, 'Device.DeviceInfo.ActiveFirmwareImage');
  assert.deepEqual(Object.values(st), ['DownloadFailed', `${FW}1`]);
  const log = dev.agent.output().stdout + dev.agent.output().stderr;
  assert.match(log, new RegExp(`dtls: session to 127\\.0\\.0\\.1:${base + 4} failed`), 'the handshake with the stranger failed');
  assert.doesNotMatch(log, new RegExp(`dtls: session to 127\\.0\\.0\\.1:${base + 2} failed`));

  // A certificate of our CA for another host (IP:127.0.0.2, DNS:files.example) on 127.0.0.1: the
  // name check (mbedTLS, as https://) refuses it at the handshake; TransferComplete! has the fault.
  mark = dev.c1.heard.length;
  const other = await dev.operate(`${FW}2.Download()`, 'dl-elsewhere', { URL: `coaps://127.0.0.1:${base + 6}/fw.img` });
  assert.ok(other.request, `Download accepted: ${other.message}`);
  const otherTc = eventArgs(await dev.c1.next((n) => isEvent('TransferComplete!')(n) && eventArgs(n).CommandKey === 'dl-elsewhere', mark, 20_000));
  assert.equal(otherTc.FaultCode, '7022'); // Command failure
  assert.match(otherTc.FaultString, /download failed: DTLS: X509_CERT_VERIFY_FAILED .*name mismatch/);
  assert.equal((await dev.get(`${FW}2.Status`))[`${FW}2.Status`], 'DownloadFailed');

  // The file server of our CA: the image streams in over DTLS and the device switches to it.
  mark = dev.c1.heard.length;
  const url = `coaps://127.0.0.1:${base + 2}/fw.img`;
  const r = await dev.operate(`${FW}2.Download()`, 'dl-coaps', { URL: url, AutoActivate: 'true', CheckSumAlgorithm: 'SHA-256', CheckSum: sha256(v4) });
  assert.ok(r.request, `Download accepted: ${r.message}`);
  const tc = eventArgs(await dev.c1.next(isEvent('TransferComplete!'), mark, 120_000));
  assert.deepEqual([tc.FaultCode, tc.TransferURL, tc.FaultString], ['0', url, '']);
  await dev.rebooted();
  const boot = eventArgs(await dev.c1.next(isEvent('Boot!'), mark));
  assert.deepEqual([boot.FirmwareUpdated, boot.CommandKey], ['true', 'dl-coaps']);
  const now = await dev.get('Device.DeviceInfo.SoftwareVersion', 'Device.DeviceInfo.ActiveFirmwareImage', `${FW}2.Version`);
  assert.deepEqual(Object.values(now), ['4.0.0-coaps', `${FW}2`, '4.0.0-coaps']);
});

// The same on the XS engine (the esp32 runner under the boot loader, its DTLS client the mbedTLS
// shim compiled into the runner), one Download per agent, at the esp32 cap (boards/esp32/xs-cap.ts:
// it ran out of heap slots at the earlier 4,272-slot cap).
const XS_CASES = {
  stranger: 'a file server of another CA refused at the handshake',
  elsewhere: 'a file server of our CA whose certificate names another host refused at the handshake',
  good: 'Block2 over DTLS from coap-server-openssl, the switch with FirmwareUpdated',
} as const;
for (const which of ['stranger', 'elsewhere', 'good'] as const) {
  const refused = which !== 'good';
  test(`OTA over coaps:// on xs: ${XS_CASES[which]}`, { timeout: 240_000 }, async (t) => {
    const missing = missingCommand('coap-server-openssl', 'coap-client-openssl', 'openssl');
    if (!needs(t, missing && `${missing} not found (apt-get install libcoap3-bin openssl)`)) return;
    const pki = await makePki();
    const next = await packImage('4.1.0-xs-coaps', 'node');
    const dev = new OtaDevice();
    const imageFile = join(dev.dir, 'next.img');
    writeFileSync(imageFile, next);
    const port = 20000 + ((process.pid + { stranger: 13, elsewhere: 15, good: 17 }[which]) % 20000);
    const cert = { stranger: 'stranger', elsewhere: 'files-elsewhere', good: 'files' }[which];
    const server = await coapsFileServer(pki, port, cert, which === 'stranger' ? 'other-ca.pem' : 'ca.pem', imageFile);
    t.after(async () => { if (process.env.DEBUG_OTA) console.error(dev.agent?.output().stdout, dev.agent?.output().stderr); server.stop(); await dev.stop(); rmSync(dev.dir, { recursive: true, force: true }); pki.remove(); });
    await dev.start({ otaEngine: 'xs', securityArgs: ['--allow-nosec', '--cert', pki.path('agent.pem'), '--key', pki.path('agent.key'), '--ca', pki.path('ca.pem')] });
    assert.match((await dev.get('Device.DeviceInfo.ModelName'))['Device.DeviceInfo.ModelName'], /^tinyusp-xs-esp32/, 'slot 0 runs the XS build');
    await dev.subscribe('boot', 'Event', 'Device.Boot!');
    await dev.subscribe('xfer', 'Event', 'Device.LocalAgent.TransferComplete!');
    const url = `coaps://127.0.0.1:${port}/fw.img`;
    const mark = dev.c1.heard.length;
    const r = await dev.operate(`${FW}2.Download()`, 'xs-coaps', { URL: url, AutoActivate: 'true', CheckSumAlgorithm: 'SHA-256', CheckSum: sha256(next) });
    assert.ok(r.request, `Download accepted: ${r.message}`);
    const tc = eventArgs(await dev.c1.next(isEvent('TransferComplete!'), mark, 180_000));
    if (refused) {
      // At the refused handshake, not at the CoAP request's timeout (MAX_TRANSMIT_WAIT, 93 s).
      assert.notEqual(tc.FaultCode, '0');
      assert.match(tc.FaultString, which === 'elsewhere' ? /download failed: DTLS: X509_CERT_VERIFY_FAILED .*name mismatch/ : /download failed: DTLS: /);
      const st = await dev.get(`${FW}2.Status`, 'Device.DeviceInfo.ActiveFirmwareImage');
      assert.deepEqual(Object.values(st), ['DownloadFailed', `${FW}1`]);
      return;
    }
    assert.deepEqual([tc.FaultCode, tc.TransferURL, tc.FaultString], ['0', url, '']);
    await dev.rebooted(60_000);
    const boot = eventArgs(await dev.c1.next(isEvent('Boot!'), mark));
    assert.deepEqual([boot.FirmwareUpdated, boot.CommandKey], ['true', 'xs-coaps']);
    const now = await dev.get('Device.DeviceInfo.SoftwareVersion', 'Device.DeviceInfo.ActiveFirmwareImage', `${FW}2.Version`);
    assert.deepEqual(Object.values(now), ['4.1.0-xs-coaps', `${FW}2`, '4.1.0-xs-coaps']);
  });
}
