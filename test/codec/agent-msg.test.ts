// The Agent's codec (encodeAgentMsg/decodeAgentMsg, issue 10: the device bundle keeps only it)
// against the full one, on random messages of every body type: what an Agent sends encodes to
// the same bytes; what it reads decodes to the same value, except the bodies it answers from
// their case alone (Notify/Register/Deregister requests, responses but NotifyResp, Error), which
// keep their case; and every byte string either both reject with the same reason or both accept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  decodeAgentMsg, decodeAgentRecord, decodeMsg, decodeRecord, encodeAgentMsg, encodeAgentRecord, encodeMsg, encodeRecord, EncodeError,
  sizeAgentMsg, sizeAgentRecord, sizeRecord, encodeAgentMsgExact, encodeAgentRecordExact, EncodeOverflowError, type Msg, type UspRecord,
} from '../../src/codec/index.ts';
import { msg, record } from './arbitraries.ts';
import { hex, pbEncodeMsg, pbEncodeRecord, sameMsg, sameRecord } from './support.ts';

const out = new Uint8Array(1 << 20);
const RUNS = { numRuns: 300 };

/** Does an Agent read this body in full (not only its case)? */
function readInFull(m: Msg): boolean {
  const b = m.body?.msgBody;
  if (b?.case === 'request') return !['notify', 'register', 'deregister'].includes(b.value.reqType.case);
  if (b?.case === 'response') return b.value.respType.case === 'notifyResp';
  return b?.case !== 'error'; // an Agent answers no Error: it reads only the case
}

const sentByAgent = (m: Msg): boolean => {
  const b = m.body?.msgBody;
  if (b?.case === 'request') return b.value.reqType.case === 'notify';
  // Responses only a Controller sends.
  if (b?.case === 'response') return !['notifyResp', 'registerResp', 'deregisterResp'].includes(b.value.respType.case);
  return true;
};

test('given a random Msg an Agent sends, when encoded by the Agent codec, then the bytes are the full codec\'s', () => {
  fc.assert(fc.property(msg.filter(sentByAgent), (m) => {
    const n = encodeAgentMsg(m, out);
    assert.equal(hex(out.slice(0, n)), hex(out.slice(0, encodeMsg(m, out))));
  }), RUNS);
});

test('given a request other than Notify or a Controller\'s response, when the Agent codec encodes it, then it refuses', () => {
  fc.assert(fc.property(msg.filter((m) => !sentByAgent(m)), (m) => {
    assert.throws(() => encodeAgentMsg(m, out), EncodeError);
  }), { numRuns: 50 });
});

test('given a random Msg, when decoded by both codecs, then the Agent reads the same value or the same case', () => {
  fc.assert(fc.property(msg.filter((m) => m.body !== undefined), (m) => {
    const bytes = pbEncodeMsg(m);
    const full = decodeMsg(bytes);
    const agent = decodeAgentMsg(bytes);
    if (readInFull(m)) assert.ok(sameMsg(agent, full));
    else {
      assert.deepEqual(agent.header, full.header);
      const a = agent.body!.msgBody;
      const f = full.body!.msgBody;
      assert.equal(a.case, f.case);
      const caseOf = (b: typeof a) => (b.case === 'request' ? b.value.reqType.case : b.case === 'response' ? b.value.respType.case : b.case);
      assert.equal(caseOf(a), caseOf(f));
    }
  }), RUNS);
});

test('given random bytes and mutated messages, when decoded by both codecs, then an envelope error is the same', () => {
  const outcome = (f: () => unknown) => {
    try { f(); return { reason: 'ok', offset: -1 }; } catch (e) { return { reason: (e as { reason?: string }).reason ?? String(e), offset: (e as { offset?: number }).offset ?? -1 }; }
  };
  const mutated = msg.filter((m) => m.body !== undefined && readInFull(m)).chain((m) => {
    const bytes = pbEncodeMsg(m);
    return fc.tuple(fc.nat(Math.max(0, bytes.length - 1)), fc.nat(255)).map(([i, v]) => { const b = bytes.slice(); if (b.length) b[i] = v; return b; });
  });
  fc.assert(fc.property(fc.oneof(mutated, fc.uint8Array({ maxLength: 64 })), (bytes) => {
    const full = outcome(() => decodeMsg(bytes));
    const agent = outcome(() => decodeAgentMsg(bytes));
    // The Agent skips bodies it does not read, so only it may accept what the full codec refuses
    // inside such a body, or find a later envelope error (a second body case) after the full
    // codec stopped inside it; an envelope error the Agent finds first (oneof, truncation, depth)
    // is the same for both.
    if (agent.reason === 'ok' || agent.reason === full.reason) return;
    assert.ok(full.reason !== 'ok' && full.offset < agent.offset, `agent ${agent.reason} at ${agent.offset}, full ${full.reason} at ${full.offset}`);
  }), RUNS);
});

// The counting Writer of wire.ts (sizeAgentMsg, sizeRecord; the Agent's own answers count inside
// encodeAgentMsgExact/encodeAgentRecordExact, issue 10): the count must be the encoded length exactly.
test('given a random Msg an Agent sends, when sized, then the size is the encoded length', () => {
  fc.assert(fc.property(msg.filter(sentByAgent), (m) => {
    assert.equal(sizeAgentMsg(m), encodeAgentMsg(m, out));
  }), RUNS);
});

// What the Agent sends goes through the exact encoders (issue 10: one function, not a sizer and
// an encoder): the full codec's bytes in an array of their length, or EncodeOverflowError (and
// no array) when that length is above the bound.
test('given a random Msg an Agent sends, when encoded exactly, then it is the full codec\'s bytes, or an overflow just below its length', () => {
  fc.assert(fc.property(msg.filter(sentByAgent), (m) => {
    const full = out.slice(0, encodeMsg(m, out));
    assert.equal(hex(encodeAgentMsgExact(m, full.length)), hex(full));
    if (full.length > 0) assert.throws(() => encodeAgentMsgExact(m, full.length - 1), EncodeOverflowError);
  }), RUNS);
});

test('given a random Record an Agent sends, when encoded exactly, then it is the full codec\'s bytes, or an overflow just below its length', () => {
  fc.assert(fc.property(record.filter((r) => r.recordType.case === 'noSessionContext' || r.recordType.case === 'disconnect'), (r) => {
    const full = out.slice(0, encodeRecord(r, out));
    assert.equal(hex(encodeAgentRecordExact(r, full.length)), hex(full));
    if (full.length > 0) assert.throws(() => encodeAgentRecordExact(r, full.length - 1), EncodeOverflowError);
  }), RUNS);
});

test('given a random Record, when sized, then the size is the encoded length', () => {
  fc.assert(fc.property(record, (r) => {
    assert.equal(sizeRecord(r), encodeRecord(r, out));
  }), RUNS);
});

test('given a getResp whose nested lengths need 2- and 3-byte prefixes and non-ASCII text, when sized, then the size is the encoded length', () => {
  for (const [count, valueLength] of [[1, 130], [40, 200], [300, 60], [5, 20_000]]) {
    const resultParams = new Map<string, string>();
    for (let i = 0; i < count; i++) resultParams.set(`Param${i}`, 'é\u{1F600}\ud800x'.repeat(valueLength / 5));
    const m = { header: { msgId: 'm', msgType: 2 }, body: { msgBody: { case: 'response', value: { respType: { case: 'getResp', value: {
      reqPathResults: [{ requestedPath: 'Device.', errCode: 0, errMsg: '', resolvedPathResults: [{ resolvedPath: 'Device.X.', resultParams }] }],
    } } } } } } as Msg;
    const n = encodeAgentMsg(m, out);
    assert.ok(n > 128);
    assert.equal(sizeAgentMsg(m), n);
  }
});

// The Agent's Record codec (encodeAgentRecord/decodeAgentRecord/sizeAgentRecord, issue 10): it
// sends no_session_context and disconnect Records; of the others it reads only the case.
const agentSends = (r: UspRecord): boolean => r.recordType.case === 'noSessionContext' || r.recordType.case === 'disconnect';

test('given a random Record an Agent sends, when encoded and sized by the Agent codec, then the bytes and size are the full codec\'s', () => {
  fc.assert(fc.property(record.filter(agentSends), (r) => {
    const n = encodeAgentRecord(r, out);
    assert.equal(hex(out.slice(0, n)), hex(out.slice(0, encodeRecord(r, out))));
    assert.equal(sizeAgentRecord(r), n);
  }), RUNS);
});

test('given a Record an Agent does not send, when the Agent codec encodes it, then it refuses', () => {
  fc.assert(fc.property(record.filter((r) => !agentSends(r)), (r) => {
    assert.throws(() => encodeAgentRecord(r, out), EncodeError);
  }), { numRuns: 50 });
});

test('given a random Record, when decoded by both codecs, then the Agent reads the same no_session_context Record, or the same case', () => {
  fc.assert(fc.property(record, (r) => {
    const bytes = pbEncodeRecord(r);
    const full = decodeRecord(bytes);
    const agent = decodeAgentRecord(bytes);
    if (full.recordType.case === 'noSessionContext') assert.ok(sameRecord(agent, full));
    else {
      assert.equal(agent.recordType.case, full.recordType.case);
      assert.deepEqual({ ...agent, recordType: undefined }, { ...full, recordType: undefined });
    }
  }), RUNS);
});

test('given random bytes and mutated Records, when decoded by both codecs, then the Agent refuses only what the full codec refuses', () => {
  const reason = (f: () => unknown) => { try { f(); return 'ok'; } catch (e) { return (e as { reason?: string }).reason ?? String(e); } };
  const mutated = record.chain((r) => {
    const bytes = pbEncodeRecord(r);
    return fc.tuple(fc.nat(Math.max(0, bytes.length - 1)), fc.nat(255)).map(([i, v]) => { const b = bytes.slice(); if (b.length) b[i] = v; return b; });
  });
  fc.assert(fc.property(fc.oneof(mutated, fc.uint8Array({ maxLength: 64 })), (bytes) => {
    const full = reason(() => decodeRecord(bytes));
    const agent = reason(() => decodeAgentRecord(bytes));
    // Only the Agent may accept what the full codec refuses inside a body it skips (then it
    // failed earlier there, so an error of both may differ), and never a no_session_context one.
    if (agent !== 'ok') assert.notEqual(full, 'ok');
    else if (full !== 'ok') assert.notEqual(decodeAgentRecord(bytes).recordType.case, 'noSessionContext');
  }), { numRuns: 600 });
});
