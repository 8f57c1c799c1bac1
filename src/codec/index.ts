// The USP codec: plain typed objects for every USP 1.4 Record and Msg
// message, shaped like protobuf-es v2 output minus `$typeName`, and fixed-buffer encoders and
// bounded decoders.
//
//   encodeMsg(msg, out) / encodeRecord(rec, out): write into `out` from offset 0, return the
//     length; EncodeOverflowError when it does not fit (no length is returned, nothing partial
//     is passed on). Output is canonical: byte-identical to @bufbuild/protobuf's toBinary.
//   decodeMsg(bytes, limits?) / decodeRecord(bytes, limits?): DecodeError with a `reason` on
//     anything malformed (R-ENC.2 unknown enum, R-ENC.3-5 oneof missing/twice, bad UTF-8,
//     truncation, nesting or size beyond the limits). Unknown fields are skipped.
//     `bytes` fields of decoded objects are views into the input: copy them to keep them after
//     the input buffer is reused. map<string,string> fields are ReadonlyMaps (StringMap): the
//     decoder makes EntryMaps (entry-map.ts), in wire order, and the encoder takes any
//     ReadonlyMap. Names a peer sends never become property names (each a permanent key on XS).
export { encodeMsg, decodeMsg, encodeAgentMsg, decodeAgentMsg, sizeAgentMsg, encodeAgentMsgExact } from './msg.ts';
export { encodeRecord, decodeRecord, sizeRecord, encodeAgentRecord, decodeAgentRecord, sizeAgentRecord, encodeAgentRecordExact } from './record.ts';
export {
  DecodeError, EncodeError, EncodeOverflowError, DEFAULT_DECODE_LIMITS,
  type DecodeLimits, type DecodeReason,
} from './errors.ts';
export * from './record-types.ts';
export * from './msg-types.ts';
export * from './resp-types.ts';
export { EntryMap, isStringMap } from './entry-map.ts';
