// The footprint scenario (issue 10, item 6), driven by the host Controller (tools/controller)
// against a running agent: boot; Get Device.DeviceInfo.; Get Device.LocalAgent. (several
// blocks); a Set; an Add and a Delete; a ValueChange notification; a Block1 upload at the
// reassembly limit. Every step checks its answer, so a figure never comes from a failed run.
import assert from 'node:assert/strict';
import { Header_MsgType, type Msg, type Notify, type RequestSchema } from '../../gen/usp/usp-msg_pb.ts';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { Controller } from '../controller/controller.ts';

type Req = MessageInitShape<typeof RequestSchema>;
export const CONTROLLER_ID = 'proto::controller-1';

function kind(m: Msg): string {
  const b = m.body?.msgBody;
  if (b?.case === 'error') return `error ${b.value.errCode} ${b.value.errMsg}`;
  return b?.case === 'response' ? (b.value.respType.case ?? 'none') : 'none';
}

/**
 * Runs the scenario; returns the steps done (for the report). `mark`, when given, runs after each
 * step (the footprint tool reads the agent's peak of that step there).
 */
export async function runScenario(agentUri: string, agentId: string, reassemblyBytes: number, mark?: (step: string) => Promise<void>): Promise<string[]> {
  const notes: Notify[] = [];
  const ctl = await Controller.open({ endpointId: CONTROLLER_ID, timeoutMs: 60_000, onNotify: (n) => notes.push(n) });
  const steps: string[] = [];
  const ask = async (what: string, req: Req, type: Header_MsgType, want: string | RegExp): Promise<Msg> => {
    const m = await ctl.request(agentUri, agentId, req, type, 60_000);
    if (typeof want === 'string') assert.equal(kind(m), want, what);
    else assert.match(kind(m), want, what);
    steps.push(`${what}: ${kind(m)}`);
    if (mark) await mark(what);
    return m;
  };
  const set = (obj: string, param: string, value: string): Req => ({ reqType: { case: 'set', value: {
    allowPartial: false, updateObjs: [{ objPath: obj, paramSettings: [{ param, value, required: true }] }] } } });
  try {
    await ask('Get Device.DeviceInfo.', { reqType: { case: 'get', value: { paramPaths: ['Device.DeviceInfo.'] } } }, Header_MsgType.GET, 'getResp');
    const la = await ask('Get Device.LocalAgent.', { reqType: { case: 'get', value: { paramPaths: ['Device.LocalAgent.'] } } }, Header_MsgType.GET, 'getResp');
    const params = JSON.stringify(la).length;
    steps[steps.length - 1] += ` (${params} B of JSON: several 512-byte blocks)`;
    // Our Controller's MTP in the agent points at this Controller, so notifications reach it.
    const port = new URL(ctl.uri).port;
    await ask('Set Controller.1.MTP.1.CoAP.Port', set('Device.LocalAgent.Controller.1.MTP.1.CoAP.', 'Port', port), Header_MsgType.SET, 'setResp');
    const added = await ask('Add Controller.1.BootParameter.', { reqType: { case: 'add', value: { allowPartial: false, createObjs: [{
      objPath: 'Device.LocalAgent.Controller.1.BootParameter.', paramSettings: [{ param: 'ParameterName', value: 'Device.DeviceInfo.ModelName', required: true }] }] } } },
    Header_MsgType.ADD, 'addResp');
    const b = added.body?.msgBody;
    const instPath = b?.case === 'response' && b.value.respType.case === 'addResp' ? b.value.respType.value.createdObjResults[0]?.operStatus?.operStatus.case === 'operSuccess'
      ? b.value.respType.value.createdObjResults[0].operStatus.operStatus.value.instantiatedPath : '' : '';
    assert.ok(instPath, 'the Add names the new instance');
    await ask(`Delete ${instPath}`, { reqType: { case: 'delete', value: { allowPartial: false, objPaths: [instPath] } } }, Header_MsgType.DELETE, 'deleteResp');
    await ask('Add a ValueChange Subscription', { reqType: { case: 'add', value: { allowPartial: false, createObjs: [{
      objPath: 'Device.LocalAgent.Subscription.', paramSettings: [
        ['Enable', 'true'], ['ID', 'footprint'], ['NotifType', 'ValueChange'],
        ['ReferenceList', 'Device.LocalAgent.Controller.1.ProvisioningCode']].map(([param, value]) => ({ param, value, required: true })) }] } } },
    Header_MsgType.ADD, 'addResp');
    await ask('Set ProvisioningCode', set('Device.LocalAgent.Controller.1.', 'ProvisioningCode', 'footprint-1'), Header_MsgType.SET, 'setResp');
    const end = Date.now() + 60_000;
    while (!notes.some((n) => n.notification.case === 'valueChange') && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    assert.ok(notes.some((n) => n.notification.case === 'valueChange'), 'the ValueChange Notify arrived');
    steps.push('ValueChange Notify received and answered');
    if (mark) await mark('ValueChange Notify');
    // A Get whose Record fills the reassembly bound (paths to one parameter, repeated): uploaded
    // in Block1 blocks, reassembled, decoded; the answer is the getResp, or 7005 when it would
    // not fit the board's messageBytes (both are the spec's answers; the upload is the point).
    const one = 'Device.DeviceInfo.SerialNumber';
    const count = Math.floor((reassemblyBytes - 200) / (one.length + 2));
    await ask(`Block1 upload: a Get of ${count} paths (~${count * (one.length + 2)} B)`,
      { reqType: { case: 'get', value: { paramPaths: Array.from({ length: count }, () => one), maxDepth: 0 } } }, Header_MsgType.GET, /^(getResp|error 7005)/);
    return steps;
  } finally {
    ctl.close();
  }
}
