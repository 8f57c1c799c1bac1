// Controller.{i}.OnBoardingComplete / OnBoardingRestartTime (Device:2.17, TP-469 1.101-1.103)
// inside the whole core on the virtual clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { C1, C2, rig, set, type Rig, type Sent } from './harness.ts';

const C2ROW = 'Device.LocalAgent.Controller.2.';
const onboards = (r: Rig): Sent[] => r.of(C2).filter((s) => s.notify.notification.case === 'onBoardReq');

/** SendOnBoardRequest() to Controller 2, answered at once with its NotifyResp. */
function onboard(r: Rig): void {
  assert.deepEqual(r.engine.operate(C2ROW, 'SendOnBoardRequest()', {}, '', C1), { kind: 'sync', output: {} });
  r.step();
  for (const s of onboards(r)) r.notifier.notifyResp(s.msgId, C2.controllerPath);
}

test('given OnBoardingRestartTime=60 and onboarding not complete, then a new OnBoardRequest goes 60 s after the last one, until OnBoardingComplete is set', () => {
  const r = rig();
  set(r.engine, C2ROW + 'OnBoardingRestartTime', '60');
  const t0 = r.hal.time.mono;
  onboard(r);
  assert.equal(r.engine.get(C2ROW + 'OnBoardingComplete'), 'false');
  r.runUntil(t0 + 59_999);
  assert.equal(onboards(r).length, 1, 'acknowledged, not yet restarted');
  r.runUntil(t0 + 60_000);
  const [first, second] = onboards(r);
  assert.ok(second && second.msgId !== first.msgId && second.at - t0 === 60_000, 'a new OnBoardRequest at +60 s');
  r.notifier.notifyResp(second.msgId, C2.controllerPath);
  set(r.engine, C2ROW + 'OnBoardingComplete', 'true', C2);
  r.runUntil(t0 + 1_000_000);
  assert.equal(onboards(r).length, 2, 'complete: no more');
  // SendOnBoardRequest() starts a new onboarding: complete again only when the Controller says so.
  onboard(r);
  assert.equal(r.engine.get(C2ROW + 'OnBoardingComplete'), 'false');
});

test('given OnBoardingRestartTime=0 (the default), then an acknowledged OnBoardRequest is never restarted', () => {
  const r = rig();
  const t0 = r.hal.time.mono;
  onboard(r);
  r.runUntil(t0 + 10_000_000);
  assert.equal(onboards(r).length, 1);
});
