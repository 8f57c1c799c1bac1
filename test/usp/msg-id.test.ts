import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { salvageMsgId } from '../../src/usp/msg-id.ts';

// A Msg with a header {msg_id} and an arbitrary (maybe invalid) body, hand-assembled.
function msgBytes(id: string, body: number[]): Uint8Array {
  const idb = [...Buffer.from(id, 'utf8')];
  const header = [0x0a, idb.length, ...idb, 0x10, 0x01];
  return new Uint8Array([0x0a, header.length, ...header, 0x12, body.length, ...body]);
}

test('given a Msg whose body sets the oneof twice, when salvaging, then the msg_id is found', () => {
  // body: request (1) and error (3) both set
  const bytes = msgBytes('abc-42', [0x0a, 0x00, 0x1a, 0x00]);
  assert.equal(salvageMsgId(bytes), 'abc-42');
});

test('non-ASCII msg_id survives; truncated or garbage input gives undefined, never throws', () => {
  assert.equal(salvageMsgId(msgBytes('ü✓😀', [])), 'ü✓😀');
  assert.equal(salvageMsgId(new Uint8Array([0x0a, 0x05, 0x0a])), undefined);
  assert.equal(salvageMsgId(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff])), undefined);
  assert.equal(salvageMsgId(new Uint8Array([0x0a, 0x02, 0x0a, 0x01, 0xc0])), undefined); // msg_id runs past its header
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
      const r = salvageMsgId(b);
      assert.ok(r === undefined || typeof r === 'string');
    }),
  );
});
