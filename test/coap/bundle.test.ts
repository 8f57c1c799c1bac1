import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundle } from '../../build.config.ts';

test('given src/coap and src/mtp/coap.ts, when bundled like a device board, then no Node built-in is pulled in', async () => {
  const { code, bytes } = await bundle({ entry: 'test/coap/bundle-entry.ts', minify: true });
  assert.ok(code.includes('bbf.usp.endpoint'));
  // Informational: the minified size of the CoAP stack + USP binding.
  console.log(`# coap+mtp bundle: ${bytes} bytes minified`);
  assert.ok(bytes < 40000, 'bundle grew to ' + bytes);
});
