// Salvage `header.msg_id` from a Msg the codec refused (e.g. a oneof set twice), so the Error
// 7004 that R-ENC.5 asks for can reuse the request's msg_id (R-MSG.9). A bounded scan of the
// protobuf wire format: Msg.header (field 1) -> Header.msg_id (field 1). Returns undefined on
// anything it does not understand.

export function salvageMsgId(bytes: Uint8Array): string | undefined {
  const header = findLengthDelimited(bytes, 0, bytes.length, 1);
  if (!header) return undefined;
  const id = findLengthDelimited(bytes, header[0], header[1], 1);
  if (!id) return undefined;
  return utf8(bytes, id[0], id[1]);
}

/** [start, end) of the last length-delimited field `field` in bytes[from, to), or undefined. */
function findLengthDelimited(b: Uint8Array, from: number, to: number, field: number): [number, number] | undefined {
  let p = from;
  let found: [number, number] | undefined;
  while (p < to) {
    const tag = varint(b, p, to);
    if (!tag) return found;
    p = tag[1];
    const wire = tag[0] % 8;
    const num = Math.floor(tag[0] / 8);
    if (wire === 0) {
      const v = varint(b, p, to);
      if (!v) return found;
      p = v[1];
    } else if (wire === 1) p += 8;
    else if (wire === 5) p += 4;
    else if (wire === 2) {
      const len = varint(b, p, to);
      if (!len || len[1] + len[0] > to) return found;
      if (num === field) found = [len[1], len[1] + len[0]];
      p = len[1] + len[0];
    } else return found;
  }
  return found;
}

/** [value, next] of a varint of at most 5 bytes (enough for tags and lengths), or undefined. */
function varint(b: Uint8Array, p: number, to: number): [number, number] | undefined {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < 5; i++) {
    if (p >= to) return undefined;
    const c = b[p++];
    v += (c & 0x7f) * mul;
    if (c < 0x80) return [v, p];
    mul *= 128;
  }
  return undefined;
}

/** Strict UTF-8 to string; undefined if malformed. */
function utf8(b: Uint8Array, from: number, to: number): string | undefined {
  let s = '';
  let p = from;
  while (p < to) {
    const c = b[p++];
    let cp: number;
    let need: number;
    if (c < 0x80) { s += String.fromCharCode(c); continue; }
    else if (c >= 0xc2 && c < 0xe0) { cp = c & 0x1f; need = 1; }
    else if (c >= 0xe0 && c < 0xf0) { cp = c & 0x0f; need = 2; }
    else if (c >= 0xf0 && c < 0xf5) { cp = c & 0x07; need = 3; }
    else return undefined;
    if (p + need > to) return undefined;
    for (let i = 0; i < need; i++) {
      const d = b[p++];
      if ((d & 0xc0) !== 0x80) return undefined;
      cp = cp * 64 + (d & 0x3f);
    }
    if ((need === 2 && cp < 0x800) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp < 0xe000)) return undefined;
    s += String.fromCodePoint(cp);
  }
  return s;
}
