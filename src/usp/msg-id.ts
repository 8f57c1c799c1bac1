// Salvage `header.msg_id` from a Msg the codec refused (e.g. a oneof set twice), so the Error
// 7004 that R-ENC.5 asks for can reuse the request's msg_id (R-MSG.9). A scan of the protobuf
// wire format with the codec's own Reader: Msg.header (field 1) -> Header.msg_id (field 1).
// Returns undefined on anything it does not understand.
import { Reader } from '../codec/reader.ts';
import { utf8Decode } from '../codec/utf8.ts';

export function salvageMsgId(bytes: Uint8Array): string | undefined {
  const r = new Reader(bytes, 1);
  const header = lastField(r, bytes.length);
  if (!header) return undefined;
  r.pos = header[0];
  const id = lastField(r, header[1]);
  try {
    return id ? utf8Decode(bytes, id[0], id[1]) : undefined;
  } catch {
    return undefined; // not UTF-8
  }
}

/** [start, end) of the last length-delimited field 1 in [r.pos, to); what follows a malformed field is not read. */
function lastField(r: Reader, to: number): [number, number] | undefined {
  let found: [number, number] | undefined;
  r.len = to;
  try {
    while (r.pos < to) {
      const tag = r.varint32();
      if (tag !== 0x0a) r.skip(tag, 0);
      else {
        const end = r.lenEnd();
        found = [r.pos, end];
        r.pos = end;
      }
    }
  } catch {
    // a malformed or cut field: the last whole one before it stands
  }
  return found;
}
