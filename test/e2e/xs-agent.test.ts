// End to end, on every engine of test/e2e/launch.ts: the agent served by the Node simulator and
// by the preloaded esp32 board runner (fixed memory cap) on x86-64 and on 32-bit ARM under
// qemu-arm, driven over plaintext CoAP on loopback by the project's Controller
// (tools/controller: messages built with @bufbuild/protobuf).
import { describe, test, before, after } from 'node:test';
import { createSocket } from 'node:dgram';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { Header_MsgType, type Msg, type RequestSchema } from '../../gen/usp/usp-msg_pb.ts';
import { Controller } from '../../tools/controller/controller.ts';
import { root } from '../../build.config.ts';
import { ARM_UNAVAILABLE, ENGINES, launchAgent, XS_DEFAULT_CAP, type LaunchedAgent } from './launch.ts';

const DEFAULTS = join(root, 'examples/demo-defaults.json');
const AGENT_ID = 'proto::tinyusp-demo';
const LA = 'Device.LocalAgent.';

type Req = MessageInitShape<typeof RequestSchema>;

/** The response body of `msg`, or a failed assertion naming the Error. */
function resp(msg: Msg, kind: string): any {
  const body = msg.body?.msgBody;
  if (body?.case === 'error') assert.fail(`USP Error ${body.value.errCode}: ${body.value.errMsg}`);
  assert.equal(body?.case, 'response');
  const r = (body.value as { respType: { case: string; value: unknown } }).respType;
  assert.equal(r.case, kind);
  return r.value;
}

function uspError(msg: Msg): { errCode: number; paramErrs: { paramPath: string; errCode: number }[] } {
  const body = msg.body?.msgBody;
  assert.equal(body?.case, 'error', `expected a USP Error, got ${body?.case}`);
  return body.value as any;
}

/** Flattens a GetResp into path -> value. */
function values(getResp: any): Map<string, string> {
  const out = new Map<string, string>();
  for (const rp of getResp.reqPathResults) {
    for (const res of rp.resolvedPathResults) {
      for (const [k, v] of Object.entries(res.resultParams as Record<string, string>)) out.set(res.resolvedPath + k, v);
    }
  }
  return out;
}

if (ARM_UNAVAILABLE) test('e2e on xs-arm', (t) => { t.skip(ARM_UNAVAILABLE as string); });
for (const engine of ENGINES) {
  describe(`e2e on ${engine}`, () => {
    let state: string;
    let agent: LaunchedAgent;
    let ctl: Controller;
    const ask = (req: Req, type: Header_MsgType, timeoutMs = 5_000) => ctl.request(agent.uri, AGENT_ID, req, type, timeoutMs);
    const get = async (...paramPaths: string[]) => ask({ reqType: { case: 'get', value: { paramPaths } } }, Header_MsgType.GET);
    const getValue = async (path: string) => values(resp(await get(path), 'getResp')).get(path);

    before(async () => {
      state = mkdtempSync(join(tmpdir(), `tinyusp-e2e-${engine}-`));
      agent = await launchAgent({ engine, defaultsFile: DEFAULTS, stateDir: state });
      ctl = await Controller.open({ endpointId: 'proto::controller-1' });
    });
    after(async () => {
      ctl?.close();
      await agent?.stop();
      rmSync(state, { recursive: true, force: true });
    });

    test('ready line names the Endpoint ID and a loopback CoAP URI', () => {
      assert.equal(agent.endpointId, AGENT_ID);
      assert.match(agent.uri, /^coap:\/\/127\.0\.0\.1:\d+\/usp$/);
    });

    test('Get Device.DeviceInfo. returns the identity and the defaults', async () => {
      const v = values(resp(await get('Device.DeviceInfo.'), 'getResp'));
      assert.equal(v.get('Device.DeviceInfo.FriendlyName'), 'tinyusp demo');
      assert.equal(v.get('Device.DeviceInfo.SerialNumber'), 'SIM0001');
      assert.equal(v.get('Device.DeviceInfo.ManufacturerOUI'), '00D09E');
      assert.ok(v.size >= 8, `${v.size} parameters`);
    });

    test('Get Device. is larger than one CoAP block and arrives whole (Block1 both ways)', async () => {
      const msg = await get('Device.');
      const v = values(resp(msg, 'getResp'));
      assert.ok(v.size > 60, `${v.size} parameters`);
      assert.equal(v.get(LA + 'EndpointID'), AGENT_ID);
      assert.equal(v.get(LA + 'Controller.1.EndpointID'), 'proto::controller-1');
      // larger than the biggest block of either board (1024 bytes)
      const bytes = [...v].reduce((n, [k, x]) => n + k.length + x.length, 0);
      assert.ok(bytes > 2048, `${bytes} bytes of paths and values`);
    });

    test('Set changes a value, and a Set to a missing instance is Error 7016', async () => {
      const ok = resp(await ask({ reqType: { case: 'set', value: { allowPartial: false, updateObjs: [
        { objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'ProvisioningCode', value: 'e2e-1', required: true }] },
      ] } } }, Header_MsgType.SET), 'setResp');
      assert.equal(ok.updatedObjResults[0].operStatus.operStatus.case, 'operSuccess');
      assert.equal(await getValue('Device.DeviceInfo.ProvisioningCode'), 'e2e-1');
      const e = uspError(await ask({ reqType: { case: 'set', value: { allowPartial: false, updateObjs: [
        { objPath: LA + 'Controller.42.', paramSettings: [{ param: 'Enable', value: 'true', required: true }] },
      ] } } }, Header_MsgType.SET));
      assert.equal(e.errCode, 7016);
    });

    test('Add then Delete a Controller instance; GetInstances sees it in between', async () => {
      const added = resp(await ask({ reqType: { case: 'add', value: { allowPartial: false, createObjs: [
        { objPath: LA + 'Controller.', paramSettings: [{ param: 'EndpointID', value: 'proto::e2e-extra', required: true }] },
      ] } } }, Header_MsgType.ADD), 'addResp');
      const path: string = added.createdObjResults[0].operStatus.operStatus.value.instantiatedPath;
      assert.match(path, /^Device\.LocalAgent\.Controller\.\d+\.$/);
      const inst = resp(await ask({ reqType: { case: 'getInstances', value: { objPaths: [LA + 'Controller.'], firstLevelOnly: true } } },
        Header_MsgType.GET_INSTANCES), 'getInstancesResp');
      assert.ok(inst.reqPathResults[0].currInsts.some((i: any) => i.instantiatedObjPath === path));
      const del = resp(await ask({ reqType: { case: 'delete', value: { allowPartial: false, objPaths: [path] } } },
        Header_MsgType.DELETE), 'deleteResp');
      assert.ok(del.deletedObjResults[0].operStatus.operStatus.value.affectedPaths.includes(path));
      assert.equal(values(resp(await get(path), 'getResp')).size, 0);
    });

    test('errors: an unknown path is 7026, bad syntax is 7008, Delete of an unknown table names the path, an unknown command is 7026', async () => {
      const g = resp(await get('Device.DeviceInfo.NoSuchThing', 'Device.DeviceInfo..X'), 'getResp');
      assert.equal(g.reqPathResults[0].errCode, 7026);
      assert.equal(g.reqPathResults[1].errCode, 7008);
      const e = uspError(await ask({ reqType: { case: 'delete', value: { allowPartial: false, objPaths: ['Device.Nope.1.'] } } },
        Header_MsgType.DELETE));
      assert.equal(e.paramErrs[0].paramPath, 'Device.Nope.1.');
      assert.equal(e.paramErrs[0].errCode, 7026);
      // a command not in the supported DM: the whole message fails (digest §2.1 Operate errors)
      const op = uspError(await ask({ reqType: { case: 'operate', value: { command: 'Device.NoSuch()', sendResp: true } } },
        Header_MsgType.OPERATE));
      assert.equal(op.errCode, 7026);
    });

    test('Operate async: SelfTestDiagnostics() and ScheduleTimer() answer with a Request row; Cancel() ends it', async () => {
      const st = resp(await ask({ reqType: { case: 'operate', value: { command: 'Device.SelfTestDiagnostics()', commandKey: 'k1', sendResp: true } } },
        Header_MsgType.OPERATE), 'operateResp');
      assert.equal(st.operationResults[0].operationResp.case, 'reqObjPath');
      const timer = resp(await ask({ reqType: { case: 'operate', value: {
        command: 'Device.ScheduleTimer()', commandKey: 'k2', sendResp: true, inputArgs: { DelaySeconds: '3600' } } } },
      Header_MsgType.OPERATE), 'operateResp');
      const req: string = timer.operationResults[0].operationResp.value;
      assert.match(req, /^Device\.LocalAgent\.Request\.\d+\.$/);
      const row = values(resp(await get(req), 'getResp'));
      assert.equal(row.get(req + 'Command'), 'Device.ScheduleTimer()');
      assert.equal(row.get(req + 'CommandKey'), 'k2');
      assert.equal(row.get(req + 'Status'), 'Active');
      const cancel = resp(await ask({ reqType: { case: 'operate', value: { command: req + 'Cancel()', sendResp: true } } },
        Header_MsgType.OPERATE), 'operateResp');
      assert.equal(cancel.operationResults[0].operationResp.case, 'reqOutputArgs');
      assert.equal(values(resp(await get(req), 'getResp')).size, 0);
    });

    test('GetSupportedDM and GetSupportedProtocol', async () => {
      const dm = resp(await ask({ reqType: { case: 'getSupportedDm', value: {
        objPaths: ['Device.DeviceInfo.'], firstLevelOnly: true, returnCommands: true, returnEvents: true, returnParams: true } } },
      Header_MsgType.GET_SUPPORTED_DM), 'getSupportedDmResp');
      const obj = dm.reqObjResults[0].supportedObjs[0];
      assert.equal(obj.supportedObjPath, 'Device.DeviceInfo.');
      assert.ok(obj.supportedParams.some((p: any) => p.paramName === 'SerialNumber'));
      const gsp = resp(await ask({ reqType: { case: 'getSupportedProtocol', value: { controllerSupportedProtocolVersions: '1.2' } } },
        Header_MsgType.GET_SUPPORTED_PROTO), 'getSupportedProtocolResp');
      assert.equal(gsp.agentSupportedProtocolVersions, '1.0,1.1,1.2,1.3,1.4');
    });

    test('a 65,000-byte datagram is dropped before the engine (the board bound): the agent keeps serving', async () => {
      const { port } = new URL(agent.uri);
      const sock = createSocket('udp4');
      try {
        // Several, so that an engine that copied each into its heap would run out of memory.
        for (let i = 0; i < 4; i++) await new Promise<void>((ok, fail) => sock.send(new Uint8Array(65_000).fill(0x40), Number(port), '127.0.0.1', (e) => (e ? fail(e) : ok())));
      } finally {
        sock.close();
      }
      assert.equal(await getValue('Device.DeviceInfo.SerialNumber'), 'SIM0001');
      assert.equal(agent.output().stderr.includes('memory full'), false, agent.output().stderr);
    });

    test('persistence: a Set survives Reboot() (same process on XS) and a kill + restart on the same state', async () => {
      const set = (value: string) => ask({ reqType: { case: 'set', value: { allowPartial: false, updateObjs: [
        { objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'FriendlyName', value, required: true }] }] } } }, Header_MsgType.SET);
      resp(await set('before reboot'), 'setResp');
      // Given a Reboot(): the answer comes first, then the agent restarts and says ready again
      const op = resp(await ask({ reqType: { case: 'operate', value: { command: 'Device.Reboot()', sendResp: true } } },
        Header_MsgType.OPERATE), 'operateResp');
      assert.equal(op.operationResults[0].operationResp.case, 'reqOutputArgs');
      const again = await agent.nextReady(15_000);
      Object.assign(agent, again);
      assert.equal(await getValue('Device.DeviceInfo.FriendlyName'), 'before reboot');
      // Given a kill and a new process on the same state directory
      resp(await set('before kill'), 'setResp');
      await agent.stop();
      agent = await launchAgent({ engine, defaultsFile: DEFAULTS, stateDir: state });
      assert.equal(await getValue('Device.DeviceInfo.FriendlyName'), 'before kill');
      assert.equal(await getValue('Device.DeviceInfo.ProvisioningCode'), 'e2e-1');
    });
  });
}

for (const engine of ENGINES.filter((e) => e !== 'node')) test(`${engine}: a cap too small for the agent fails with the memory-full exit (3), not a hang or a crash`, async () => {
  const state = mkdtempSync(join(tmpdir(), `tinyusp-e2e-${engine}-small-`));
  try {
    // The preloaded agent boots with ~7.4 KB of chunks on ARM, more on x86-64 (npm run footprint,
    // --stats; 16 KB sufficed once answers were sized instead of encoded into an 8 KB buffer):
    // 4 KB is too small.
    const tiny = { chunks: 4 * 1024, slots: XS_DEFAULT_CAP.slots, stack: XS_DEFAULT_CAP.stack };
    await assert.rejects(launchAgent({ engine, defaultsFile: DEFAULTS, stateDir: state, cap: tiny, readyTimeoutMs: 15_000 }),
      (e: Error) => /exited before ready \(code 3,/.test(e.message) && /xs-host: memory full \(cap: chunks=4096,/.test(e.message));
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
});
