// Micro-benchmark of the CoAP stack (not a test): codec encode/decode and a full request/response
// through two endpoints on the simulated network (no sockets, no loss).
//   node --expose-gc --import tsx test/coap/coap.bench.ts
import { encodeMessage, decodeMessage, uintOption, type CoapMessage } from '../../src/coap/message.ts';
import { CoapEndpoint } from '../../src/coap/endpoint.ts';
import { UspCoapBinding, type SendOutcome } from '../../src/mtp/coap.ts';
import { utf8Encode } from '../../src/codec/utf8.ts';
import { SimNet, seededBytes } from '../support/sim-net.ts';
import { host } from '../../boards/host/profile.ts';

function time(label: string, n: number, fn: () => void): void {
  for (let i = 0; i < Math.min(n, 1000); i++) fn(); // warm up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const ns = Number(process.hrtime.bigint() - t0);
  console.log(`${label}: ${(ns / n / 1000).toFixed(2)} us/op, ${Math.round(n / (ns / 1e9))} op/s`);
}

const msg: CoapMessage = {
  type: 0, code: 2, messageId: 0x1234, token: new Uint8Array([1, 2, 3, 4]),
  options: [
    { number: 11, value: utf8Encode('usp') },
    uintOption(12, 42),
    { number: 15, value: utf8Encode('reply-to=coap://127.0.0.1:5683/ctrl') },
  ],
  payload: new Uint8Array(150),
};
const buf = new Uint8Array(1500);
const n = encodeMessage(msg, buf);
const wire = buf.slice(0, n);
time('encode 150-byte USP POST', 200000, () => encodeMessage(msg, buf));
time('decode 150-byte USP POST', 200000, () => decodeMessage(wire));

for (const size of [150, 3400]) {
  const net = new SimNet(1, { latencyMs: [0, 0] });
  const mk = (address: string, path: string) => {
    const ep = new CoapEndpoint({ send: net.sender(address, 5683), randomBytes: seededBytes(address.length), limits: host.limits, transmission: host.coap });
    net.attach(address, 5683, ep);
    return new UspCoapBinding(ep, { path }, () => 'ok');
  };
  mk('127.0.0.1', 'usp');
  const ctrl = mk('127.0.0.2', 'ctrl');
  const record = new Uint8Array(size);
  let done = 0;
  time(`USP Record ${size} B controller->agent over sim (POST + 2.04${size > 1024 ? ', Block1' : ''})`, 20000, () => {
    ctrl.sendRecord(record, 'coap://127.0.0.1:5683/usp', 'coap://127.0.0.2:5683/ctrl', (o: SendOutcome) => {
      if (o.ok) done++;
    });
    net.run(() => false, 0);
  });
  if (done < 20000) throw new Error('not all completed: ' + done);
}
