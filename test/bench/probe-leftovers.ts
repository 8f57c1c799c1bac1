import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Header_MsgType } from '../../gen/usp/usp-msg_pb.ts';
import { installFactoryImage } from '../../hal/host/firmware.ts';
import { encodeImage } from '../../hal/host/image.ts';
import { Controller } from '../../tools/controller/controller.ts';
import { xsEngineCap, xsEngineCommand } from '../../tools/cli/xs-engine.ts';
import { fileServer } from '../e2e/ota-harness.ts';

const root = new URL('../..', import.meta.url).pathname;
const N = Number(process.argv[3] || 5);
async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'probe-'));
  const state = join(dir, 'state');
  const defaults = join(dir, 'defaults.json');
  writeFileSync(defaults, JSON.stringify({ ...JSON.parse(readFileSync(join(root, 'examples/demo-defaults.json'), 'utf8')), 'Device.LocalAgent.MTP.1.CoAP.EnableEncryption': 'false' }));
  installFactoryImage(join(state, 'fw'), encodeImage({ version: '1', engine: 'xs' }, Buffer.from('x')), { version: '1', engine: 'xs' });
  const img = encodeImage({ version: '2', engine: 'node' }, Buffer.alloc(16 * 1024, 7));
  const imgFile = join(dir, 'i.img'); writeFileSync(imgFile, img);
  const http = await fileServer(new Map([['/i.img', new Uint8Array(img)]]));
  const coapPort = 20000 + (process.pid % 20000);
  const coap = spawn('coap-server-notls', ['-A', '127.0.0.1', '-p', String(coapPort), '-d', '2'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 300));
  spawnSync('coap-client-notls', ['-m', 'put', '-b', '1024', '-f', imgFile, `coap://127.0.0.1:${coapPort}/i.img`]);
  const url = process.argv[2] === 'coap' ? `coap://127.0.0.1:${coapPort}/i.img` : http.url('/i.img');
  const cap = xsEngineCap('xs');
  const cmd = xsEngineCommand('xs', ['--stats', '--chunks', String(cap.chunks * 2), '--slots', String(cap.slots * 2), '--stack', '1024', '--keys', '1024',
    '--state', state, '--defaults', defaults, '--allow-nosec', '--arg', 'port=0', '--arg', 'fw-boot=0,0,-1', '--arg', 'log-level=error']);
  const child = spawn(cmd.file, cmd.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XS_HOST_CENSUS: process.env.CENSUS || '' } });
  let out = '', err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const c = await Controller.open({ endpointId: 'proto::controller-1', port: 0, timeoutMs: 5000 });
  for (let i = 0; i < 600 && !/ready \S+ (\S+)/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
  const uri = /ready \S+ (\S+)/.exec(out)![1];
  const get = (p: string) => c.request(uri, 'proto::tinyusp-demo', { reqType: { case: 'get', value: { paramPaths: [p], maxDepth: 0 } } }, Header_MsgType.GET);
  const mark = async () => { const n = err.length; child.kill('SIGUSR1'); for (let i = 0; i < 100 && !err.slice(n).includes('\n'); i++) await new Promise((r) => setTimeout(r, 20)); await new Promise((r) => setTimeout(r, 50)); return err.slice(n).trim(); };
  await get('Device.DeviceInfo.');
  console.log('idle', await mark());
  for (let round = 0; round < N; round++) {
    await c.request(uri, 'proto::tinyusp-demo', { reqType: { case: 'operate', value: { command: 'Device.DeviceInfo.FirmwareImage.2.Download()', commandKey: `ram-${round}`, sendResp: true, inputArgs: { URL: url } } } }, Header_MsgType.OPERATE);
    let status = 'Downloading';
    for (let i = 0; i < 1800 && status === 'Downloading'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const r = await get('Device.DeviceInfo.FirmwareImage.2.Status');
      const b = r.body?.msgBody;
      status = b?.case === 'response' && b.value.respType.case === 'getResp' ? b.value.respType.value.reqPathResults[0].resolvedPathResults[0]?.resultParams.Status : '';
    }
    await new Promise((r) => setTimeout(r, 300));
    await get('Device.DeviceInfo.');
    console.log(round, status, await mark());
  }
  c.close(); child.kill('SIGTERM'); coap.kill(); http.server.close();
  await new Promise((r) => setTimeout(r, 300));
  console.log(err.split('\n').filter((l) => l.includes('stats')).join('\n'));
  rmSync(dir, { recursive: true, force: true });
}
main();
