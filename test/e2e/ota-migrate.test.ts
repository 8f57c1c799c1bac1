// An OTA to a build with another data model keeps the device's configuration (issue 12, state
// migration: src/dm/migrate.ts). The Node simulator under its boot loader takes a Set from the
// Controller, then downloads and activates an image of this build that also carries the
// thermostat example's model (`tinyusp firmware pack --model`); after the switch the earlier
// Set is still there and the new object has its defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Header_MsgType } from '../../gen/usp/usp-msg_pb.ts';
import { packImage } from '../../tools/cli/firmware.ts';
import { root } from '../../build.config.ts';
import { AGENT_ID, completion, eventArgs, fileServer, isComplete, isEvent, OtaDevice } from './ota-harness.ts';

const FW = 'Device.DeviceInfo.FirmwareImage.';
const T = 'Device.X_ACME_Thermostat.';

test('OTA over http:// to a build with another model: the Controller\'s earlier Set survives, new parameters get defaults', { timeout: 180_000 }, async (t) => {
  const v2 = await packImage('2.0.0-thermo', 'node', join(root, 'examples/x-acme-thermostat/simulated.ts'));
  const http = await fileServer(new Map([['/thermo.img', new Uint8Array(v2)]]));
  const dev = new OtaDevice();
  t.after(async () => { await dev.stop(); http.server.close(); rmSync(dev.dir, { recursive: true, force: true }); });
  await dev.start();
  await dev.subscribe('boot', 'Event', 'Device.Boot!');
  await dev.subscribe('ops', 'OperationComplete', `${FW}*.Download()`);

  // The earlier Set, and the old build has no thermostat.
  const set = await dev.c1.controller.request(dev.uri, AGENT_ID, { reqType: { case: 'set', value: { allowPartial: false, updateObjs: [
    { objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'FriendlyName', value: 'kitchen sensor', required: true }] },
    { objPath: 'Device.LocalAgent.Controller.1.', paramSettings: [{ param: 'PeriodicNotifInterval', value: '1234', required: true }] },
  ] } } }, Header_MsgType.SET);
  assert.equal(set.body?.msgBody.case, 'response');
  assert.deepEqual(await dev.get(`${T}TargetTemperature`), {}, 'the old build has no thermostat');

  const mark = dev.c1.heard.length;
  const sum = createHash('sha256').update(v2).digest('hex');
  const dl = await dev.operate(`${FW}2.Download()`, 'dl-thermo', { URL: http.url('/thermo.img'), AutoActivate: 'true', CheckSumAlgorithm: 'SHA-256', CheckSum: sum });
  assert.match(dl.request ?? '', /^Device\.LocalAgent\.Request\.\d+\.$/);
  assert.equal(completion(await dev.c1.next(isComplete('Download()', 'dl-thermo'), mark)).ok, true);
  await dev.rebooted(60_000);
  const boot = eventArgs(await dev.c1.next(isEvent('Boot!'), mark));
  assert.deepEqual([boot.FirmwareUpdated, boot.CommandKey], ['true', 'dl-thermo']);

  const now = await dev.get('Device.DeviceInfo.SoftwareVersion', 'Device.DeviceInfo.FriendlyName', 'Device.LocalAgent.Controller.1.PeriodicNotifInterval',
    `${T}TargetTemperature`, `${T}Mode`);
  assert.deepEqual(now, {
    'Device.DeviceInfo.SoftwareVersion': '2.0.0-thermo',
    'Device.DeviceInfo.FriendlyName': 'kitchen sensor',
    'Device.LocalAgent.Controller.1.PeriodicNotifInterval': '1234',
    [`${T}TargetTemperature`]: '21',
    [`${T}Mode`]: 'Heat',
  });
  // The subscriptions made before the upgrade are still there (a table kept across the change).
  const subs = await dev.get('Device.LocalAgent.Subscription.*.ID');
  assert.deepEqual(Object.values(subs).sort(), ['boot', 'factory-boot', 'ops']);
  const { stdout, stderr } = dev.agent.output();
  assert.match(stdout + stderr, /migrate: stored model of an earlier build kept/);
});
