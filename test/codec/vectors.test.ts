// The shared test vectors (encoded by @bufbuild/protobuf) decode with the own codec, re-encode
// byte-identically, and cover every Msg body type and every Record type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMsg, decodeRecord, encodeMsg, encodeRecord } from '../../src/codec/index.ts';
import { makeVectors, vectorsAsJson } from './vectors.ts';
import { hex, pbDecodeMsg, pbDecodeRecord, fromPb, sameMsg, sameRecord } from './support.ts';
import type { Msg, UspRecord } from '../../src/codec/index.ts';

test('every vector decodes to protobuf-es values and re-encodes byte-identically', () => {
  const out = new Uint8Array(1 << 16);
  for (const v of makeVectors()) {
    if (v.kind === 'msg') {
      const m = decodeMsg(v.bytes);
      assert.ok(sameMsg(m, fromPb<Msg>(pbDecodeMsg(v.bytes))), v.name);
      assert.equal(hex(out.subarray(0, encodeMsg(m, out))), hex(v.bytes), v.name);
    } else {
      const r = decodeRecord(v.bytes);
      assert.ok(sameRecord(r, fromPb<UspRecord>(pbDecodeRecord(v.bytes))), v.name);
      assert.equal(hex(out.subarray(0, encodeRecord(r, out))), hex(v.bytes), v.name);
    }
  }
});

test('the vectors cover every request, response, Error and Record type, and are deterministic', () => {
  const seen = new Set<string>();
  for (const v of makeVectors()) {
    if (v.kind === 'record') seen.add('record:' + decodeRecord(v.bytes).recordType.case);
    else {
      const b = decodeMsg(v.bytes).body!.msgBody;
      seen.add(b.case === 'request' ? 'req:' + b.value.reqType.case : b.case === 'response' ? 'resp:' + b.value.respType.case : 'error');
    }
  }
  const req = ['get', 'getSupportedDm', 'getInstances', 'set', 'add', 'delete', 'operate', 'notify', 'getSupportedProtocol', 'register', 'deregister'];
  const resp = ['getResp', 'getSupportedDmResp', 'getInstancesResp', 'setResp', 'addResp', 'deleteResp', 'operateResp', 'notifyResp', 'getSupportedProtocolResp', 'registerResp', 'deregisterResp'];
  const rec = ['noSessionContext', 'sessionContext', 'websocketConnect', 'mqttConnect', 'stompConnect', 'disconnect', 'udsConnect'];
  for (const k of [...req.map((x) => 'req:' + x), ...resp.map((x) => 'resp:' + x), 'error', ...rec.map((x) => 'record:' + x)]) {
    assert.ok(seen.has(k), 'missing vector for ' + k);
  }
  assert.equal(vectorsAsJson(), vectorsAsJson());
  const json = JSON.parse(vectorsAsJson()) as { name: string; hex: string; base64: string }[];
  const v = makeVectors();
  assert.equal(json.length, v.length);
  assert.equal(Buffer.from(json[3].base64, 'base64').toString('hex'), json[3].hex);
  assert.equal(json[3].hex, hex(v[3].bytes));
});
