// Runs inside the XS runner (the device engine): the CoAP stack and the USP binding under 20%
// simulated loss, and the option-string UTF-8 against the host's encoder. Prints one JSON line.
import { xsHost } from '../../hal/xs/host.ts';
import { CoapEndpoint } from '../../src/coap/endpoint.ts';
import { utf8Decode, utf8Encode } from '../../src/codec/utf8.ts';
import { UspCoapBinding, type SendOutcome } from '../../src/mtp/coap.ts';
import { SimNet, seededBytes } from '../support/sim-net.ts';

const host = xsHost();
const net = new SimNet(3, { drop: 0.2 });
const limits = { datagramBytes: 1280, coapBlockBytes: 512, reassemblyBytes: 8192, coapExchanges: 8 };
const transmission = { ackTimeoutMs: 2000, ackRandomFactor: 1.5, maxRetransmit: 8, nstart: 1 };
const got: Uint8Array[] = [];
const mk = (address: string, path: string, sink: Uint8Array[]) => {
  const ep = new CoapEndpoint({ send: net.sender(address, 5683), randomBytes: seededBytes(address.length), limits, transmission });
  net.attach(address, 5683, ep);
  return new UspCoapBinding(ep, { path }, (r) => (sink.push(r.slice()), 'ok'));
};
mk('10.0.0.1', 'usp', got);
const ctrl = mk('10.0.0.22', 'ctrl', []);
const outcomes: SendOutcome[] = [];
const sent: Uint8Array[] = [];
for (let i = 0; i < 30; i++) {
  const rec = seededBytes(100 + i)(i % 3 === 0 ? 5000 : 60 + i);
  sent.push(rec);
  ctrl.sendRecord(rec, 'coap://10.0.0.1:5683/usp', 'coap://10.0.0.22:5683/ctrl', (o) => outcomes.push(o));
  net.run(() => outcomes.length === i + 1, 3600000);
}
let intact = 0;
for (let i = 0; i < got.length; i++) {
  if (got[i].length === sent[i].length && got[i].every((b, k) => b === sent[i][k])) intact++;
}
const texts = ['usp', 'e/agent1', 'caf\u00e9', '\u20ac', '\ud83d\ude00 smile', 'a\ud800b'];
let utf8Same = 0;
for (const t of texts) {
  const mine = utf8Encode(t);
  const theirs = new Uint8Array(host.utf8Encode(t));
  if (mine.length === theirs.length && mine.every((b, k) => b === theirs[k]) && (t === 'a\ud800b' || utf8Decode(mine) === t)) utf8Same++;
}
host.print(JSON.stringify({ ok: outcomes.filter((o) => o.ok).length, received: got.length, intact, dropped: net.stats.dropped, utf8Same, utf8Total: texts.length }));
