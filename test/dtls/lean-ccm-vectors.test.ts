// The lean CCM of records (firmware/dtls/tinyusp_lean_ccm.c) on its own, through
// firmware/dtls/lean_ccm_harness.c: the 24 packet vectors of RFC 3610 §8 (as mbedTLS 3.6.6's
// tests/suites/test_suite_ccm.data carries them), both ways; OpenSSL's AES-CCM (node:crypto) on
// random keys, nonces, AAD and payloads of every length a record path meets; tampering (a failed
// tag leaves zeroes, not plaintext); parameters it leaves to mbedTLS's ccm.c.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, randomBytes, randomInt } from 'node:crypto';
import { buildLeanCcm, harnessUnavailable, AUTH_FAILED, OUT, type LeanCcm } from './lean-ccm-harness.ts';
import { needs } from '../support/tools.ts';

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));
const A = 'C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF';
const B = 'D7828D13B2B0BDC325A76236DF93CC6B';
/** RFC 3610 packet vectors #1-#24: key, nonce, AAD, plaintext, ciphertext || tag. */
const RFC3610: [string, string, string, string, string][] = [
  [A, '00000003020100A0A1A2A3A4A5', '0001020304050607', '08090A0B0C0D0E0F101112131415161718191A1B1C1D1E', '588C979A61C663D2F066D0C2C0F989806D5F6B61DAC38417E8D12CFDF926E0'],
  [A, '00000004030201A0A1A2A3A4A5', '0001020304050607', '08090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F', '72C91A36E135F8CF291CA894085C87E3CC15C439C9E43A3BA091D56E10400916'],
  [A, '00000005040302A0A1A2A3A4A5', '0001020304050607', '08090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20', '51B1E5F44A197D1DA46B0F8E2D282AE871E838BB64DA8596574ADAA76FBD9FB0C5'],
  [A, '00000006050403A0A1A2A3A4A5', '000102030405060708090A0B', '0C0D0E0F101112131415161718191A1B1C1D1E', 'A28C6865939A9A79FAAA5C4C2A9D4A91CDAC8C96C861B9C9E61EF1'],
  [A, '00000007060504A0A1A2A3A4A5', '000102030405060708090A0B', '0C0D0E0F101112131415161718191A1B1C1D1E1F', 'DCF1FB7B5D9E23FB9D4E131253658AD86EBDCA3E51E83F077D9C2D93'],
  [A, '00000008070605A0A1A2A3A4A5', '000102030405060708090A0B', '0C0D0E0F101112131415161718191A1B1C1D1E1F20', '6FC1B011F006568B5171A42D953D469B2570A4BD87405A0443AC91CB94'],
  [A, '00000009080706A0A1A2A3A4A5', '0001020304050607', '08090A0B0C0D0E0F101112131415161718191A1B1C1D1E', '0135D1B2C95F41D5D1D4FEC185D166B8094E999DFED96C048C56602C97ACBB7490'],
  [A, '0000000A090807A0A1A2A3A4A5', '0001020304050607', '08090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F', '7B75399AC0831DD2F0BBD75879A2FD8F6CAE6B6CD9B7DB24C17B4433F434963F34B4'],
  [A, '0000000B0A0908A0A1A2A3A4A5', '0001020304050607', '08090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20', '82531A60CC24945A4B8279181AB5C84DF21CE7F9B73F42E197EA9C07E56B5EB17E5F4E'],
  [A, '0000000C0B0A09A0A1A2A3A4A5', '000102030405060708090A0B', '0C0D0E0F101112131415161718191A1B1C1D1E', '07342594157785152B074098330ABB141B947B566AA9406B4D999988DD'],
  [A, '0000000D0C0B0AA0A1A2A3A4A5', '000102030405060708090A0B', '0C0D0E0F101112131415161718191A1B1C1D1E1F', '676BB20380B0E301E8AB79590A396DA78B834934F53AA2E9107A8B6C022C'],
  [A, '0000000E0D0C0BA0A1A2A3A4A5', '000102030405060708090A0B', '0C0D0E0F101112131415161718191A1B1C1D1E1F20', 'C0FFA0D6F05BDB67F24D43A4338D2AA4BED7B20E43CD1AA31662E7AD65D6DB'],
  [B, '00412B4EA9CDBE3C9696766CFA', '0BE1A88BACE018B1', '08E8CF97D820EA258460E96AD9CF5289054D895CEAC47C', '4CB97F86A2A4689A877947AB8091EF5386A6FFBDD080F8E78CF7CB0CDDD7B3'],
  [B, '0033568EF7B2633C9696766CFA', '63018F76DC8A1BCB', '9020EA6F91BDD85AFA0039BA4BAFF9BFB79C7028949CD0EC', '4CCB1E7CA981BEFAA0726C55D378061298C85C92814ABC33C52EE81D7D77C08A'],
  [B, '00103FE41336713C9696766CFA', 'AA6CFA36CAE86B40', 'B916E0EACC1C00D7DCEC68EC0B3BBB1A02DE8A2D1AA346132E', 'B1D23A2220DDC0AC900D9AA03C61FCF4A559A4417767089708A776796EDB723506'],
  [B, '00764C63B8058E3C9696766CFA', 'D0D0735C531E1BECF049C244', '12DAAC5630EFA5396F770CE1A66B21F7B2101C', '14D253C3967B70609B7CBB7C499160283245269A6F49975BCADEAF'],
  [B, '00F8B678094E3B3C9696766CFA', '77B60F011C03E1525899BCAE', 'E88B6A46C78D63E52EB8C546EFB5DE6F75E9CC0D', '5545FF1A085EE2EFBF52B2E04BEE1E2336C73E3F762C0C7744FE7E3C'],
  [B, '00D560912D3F703C9696766CFA', 'CD9044D2B71FDB8120EA60C0', '6435ACBAFB11A82E2F071D7CA4A5EBD93A803BA87F', '009769ECABDF48625594C59251E6035722675E04C847099E5AE0704551'],
  [B, '0042FFF8F1951C3C9696766CFA', 'D85BC7E69F944FB8', '8A19B950BCF71A018E5E6701C91787659809D67DBEDD18', 'BC218DAA947427B6DB386A99AC1AEF23ADE0B52939CB6A637CF9BEC2408897C6BA'],
  [B, '00920F40E56CDC3C9696766CFA', '74A0EBC9069F5B37', '1761433C37C5A35FC1F39F406302EB907C6163BE38C98437', '5810E6FD25874022E80361A478E3E9CF484AB04F447EFFF6F0A477CC2FC9BF548944'],
  [B, '0027CA0C7120BC3C9696766CFA', '44A3AA3AAE6475CA', 'A434A8E58500C6E41530538862D686EA9E81301B5AE4226BFA', 'F2BEED7BC5098E83FEB5B31608F8E29C38819A89C8E776F1544D4151A4ED3A8B87B9CE'],
  [B, '005B8CCBCD9AF83C9696766CFA', 'EC46BB63B02520C33C49FD70', 'B96B49E21D621741632875DB7F6C9243D2D7C2', '31D750A09DA3ED7FDDD49A2032AABF17EC8EBF7D22C8088C666BE5C197'],
  [B, '003EBE94044B9A3C9696766CFA', '47A65AC78B3D594227E85E71', 'E2FCFBB880442C731BF95167C8FFD7895E337076', 'E882F1DBD38CE3EDA7C23F04DD65071EB41342ACDF7E00DCCEC7AE52987D'],
  [B, '008D493B30AE8B3C9696766CFA', '6E37A6EF546D955D34AB6059', 'ABF21C0B02FEB88F856DF4A37381BCE3CC128517D4', 'F32905B88A641B04B9C9FFB58CC390900F3DA12AB16DCE9E82EFA16DA62059'],
];

const unavailable = harnessUnavailable();
let ccm: LeanCcm;
before(async () => {
  if (!unavailable) ccm = await buildLeanCcm();
}, { timeout: 300000 });

/** OpenSSL's AES-128-CCM (node:crypto): ciphertext || tag. */
function openssl(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plain: Uint8Array, tagLen: number): Buffer {
  const c = createCipheriv('aes-128-ccm', key, nonce, { authTagLength: tagLen });
  c.setAAD(aad, { plaintextLength: plain.length });
  // (An empty update from a pooled Buffer leaves OpenSSL's CCM without its tag: a fresh one.)
  return Buffer.concat([c.update(plain.length ? plain : Buffer.alloc(0)), c.final(), c.getAuthTag()]);
}

test('RFC 3610 packet vectors #1-#24, sealed and opened', (t) => {
  if (!needs(t, unavailable)) return;
  assert.equal(RFC3610.length, 24);
  for (const [i, [key, nonce, aad, plain, expected]] of RFC3610.entries()) {
    const out = hex(expected);
    const p = hex(plain);
    const tagLen = out.length - p.length;
    ccm.setKey(hex(key));
    const r = ccm.seal(hex(nonce), hex(aad), p, tagLen);
    assert.ok(r, `vector #${i + 1} taken`);
    assert.equal(Buffer.concat([r.cipher, r.tag]).toString('hex').toUpperCase(), expected, `vector #${i + 1}`);
    const back = ccm.open(hex(nonce), hex(aad), out.subarray(0, p.length), out.subarray(p.length));
    assert.deepEqual(back, p, `vector #${i + 1} opened`);
  }
});

/** A random key, nonce, AAD and payload: the lean CCM seals as OpenSSL does and opens its own output. */
function sealsAsOpenSsl(len: number, nonceLen: number, tagLen: number, aadLen: number) {
  const key = randomBytes(16);
  const nonce = randomBytes(nonceLen);
  const aad = randomBytes(aadLen);
  const plain = randomBytes(len);
  ccm.setKey(key);
  const want = openssl(key, nonce, aad, plain, tagLen);
  const r = ccm.seal(nonce, aad, plain, tagLen);
  assert.ok(r, `${len} B taken`);
  assert.ok(Buffer.concat([r.cipher, r.tag]).equals(want), `${len} B (${Math.ceil(len / 16)} blocks), nonce ${nonceLen}, tag ${tagLen}, AAD ${aadLen}`);
  assert.deepEqual(ccm.open(nonce, aad, r.cipher, r.tag), Uint8Array.from(plain));
  return { nonce, aad, want, r };
}

test('agrees with OpenSSL on random inputs of every record length; a flipped bit fails the tag and yields zeroes', (t) => {
  if (!needs(t, unavailable)) return;
  const lengths = [...Array(70).keys(), 100, 127, 128, 129, 150, 255, 256, 257, 511, 512, 513, 750, 1000, 1023, 1024, 1100, 1500, 2048];
  for (const len of lengths) {
    for (const [nonceLen, tagLen, aadLen] of [[12, 8, 13], [13, 16, 0], [7, 4, randomInt(0, 40)], [11, 10, 16], [12, 8, 31]]) {
      const { nonce, aad, want } = sealsAsOpenSsl(len, nonceLen, tagLen, aadLen);
      const cipher = Uint8Array.from(want.subarray(0, len));
      const tag = Uint8Array.from(want.subarray(len));
      const at = randomInt(0, len + tagLen + aadLen);
      if (at < len) cipher[at] ^= 1 << randomInt(0, 8);
      else if (at < len + tagLen) tag[at - len] ^= 1 << randomInt(0, 8);
      else aad[at - len - tagLen] ^= 1 << randomInt(0, 8);
      assert.equal(ccm.open(nonce, aad, cipher, tag), AUTH_FAILED, `${len} B: flipped bit at ${at} refused`);
      const x = ccm.exports;
      const out = new Uint8Array(x.memory.buffer, x.h_scratch() + OUT, len);
      assert.ok(out.every((b) => b === 0), 'no plaintext left behind after a failed tag');
    }
  }
});

// The key stream is prepared once per value of the counter's upper bytes (ctr_prepare) and then
// varies only byte 15: records of 256 blocks and more make byte 15 wrap (at block 256, 512...),
// with the 3-byte counter of DTLS's 12-byte nonces and the 2-byte one of 13-byte nonces.
test('agrees with OpenSSL across the counter\'s low byte wrapping (records of 255 to 512 blocks)', (t) => {
  if (!needs(t, unavailable)) return;
  for (const len of [4079, 4080, 4081, 4095, 4096, 4097, 4111, 4112, 4113, 6000, 8176, 8177, 8192]) {
    for (const [nonceLen, tagLen, aadLen] of [[12, 8, 13], [13, 16, 0], [7, 4, 5]]) {
      const { nonce, aad, r } = sealsAsOpenSsl(len, nonceLen, tagLen, aadLen);
      const cipher = Uint8Array.from(r.cipher);
      cipher[len - 1] ^= 0x80; // in the last block, past the wrap
      assert.equal(ccm.open(nonce, aad, cipher, r.tag), AUTH_FAILED, `${len} B: flipped bit in the last block refused`);
    }
  }
});

test('parameters DTLS never uses are declined (they go to mbedTLS\'s ccm.c in the module)', (t) => {
  if (!needs(t, unavailable)) return;
  ccm.setKey(randomBytes(16));
  const p = randomBytes(20);
  assert.equal(ccm.seal(randomBytes(6), new Uint8Array(0), p, 8), undefined, 'nonce of 6 bytes');
  assert.equal(ccm.seal(randomBytes(14), new Uint8Array(0), p, 8), undefined, 'nonce of 14 bytes');
  assert.equal(ccm.seal(randomBytes(12), new Uint8Array(0), p, 7), undefined, 'odd tag');
  assert.equal(ccm.seal(randomBytes(12), new Uint8Array(0), p, 18), undefined, 'tag of 18');
  assert.equal(ccm.seal(randomBytes(12), new Uint8Array(0), p, 2), undefined, 'tag of 2');
  assert.ok(ccm.seal(randomBytes(12), new Uint8Array(0), p, 16), 'a tag of 16 is taken');
});
