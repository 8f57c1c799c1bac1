// tools/footprint/image.ts: the preloaded heap of an xsl mc.xs.c split by the objects that hold
// its slots (npm run footprint's "heap by object" row), on a heap written as xsl writes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readImage } from '../../tools/footprint/image.ts';

const slot = (i: number, next: string, id: string, kind: string, value = '.value = { .integer = 0 }') =>
  `/* ${i} */\t{ ${next}, {.ID = ${id}, .flag = 0x8b, .kind = XS_${kind}_KIND}, ${value} },`;

test('given an xsl heap, when read, then every slot is counted once under the object that holds it', () => {
  const heap = [
    slot(0, '(txSlot*)&gxHeap[1]', 'XS_NO_ID', 'INSTANCE'), // a function: instance, code, home
    slot(1, '(txSlot*)&gxHeap[2]', 'xsID_f', 'CODE_X', '.value = { .code = { (txByte*)"\\x0c\\x00", (txSlot*)&gxHeap[3] } }'),
    slot(2, 'NULL', '0', 'HOME'),
    slot(3, '(txSlot*)&gxHeap[4]', 'XS_NO_ID', 'INSTANCE'), // its closure environment, one closure
    slot(4, '(txSlot*)&gxHeap[5]', '4', 'UNDEFINED'),
    slot(5, 'NULL', 'xsID_f', 'CLOSURE'),
    slot(6, '(txSlot*)&gxHeap[7]', 'XS_NO_ID', 'INSTANCE'), // an array of two items
    slot(7, 'NULL', 'XS_NO_ID', 'ARRAY'),
    slot(8, '(txSlot*)0', 'XS_NO_ID', 'STRING_X', '.value = { .string = "a" }'),
    slot(9, '(txSlot*)1', 'XS_NO_ID', 'STRING_X', '.value = { .string = "b" }'),
    slot(10, 'NULL', '7', 'KEY_X', '.value = { .key = { "f", 0x66 } }'),
    slot(11, 'NULL', 'XS_NO_ID', 'REFERENCE'), // a module binding's value
    slot(12, '(txSlot*)&gxHeap[13]', 'XS_NO_ID', 'INSTANCE'), // a function sharing the first one's home
    slot(13, '(txSlot*)&gxHeap[2]', 'xsID_g', 'CODE_X', '.value = { .code = { (txByte*)"\\x0c\\x00", NULL } }'),
  ];
  const text = ['#define mxHeapCount 14', 'static const txSlot gxHeap[mxHeapCount] = {', ...heap, '};',
    'static const txSlot gxStack[mxStackCount] = {', '};'].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'tinyusp-image-'));
  try {
    writeFileSync(join(dir, 'mc.xs.c'), text);
    const image = readImage(join(dir, 'mc.xs.c'));
    assert.equal(image.heapSlots, 14);
    assert.deepEqual(image.objects, {
      functions: { count: 2, slots: 5 },
      'closure environments': { count: 1, slots: 3 },
      arrays: { count: 1, slots: 2 },
      'array items': { count: 0, slots: 2 },
      keys: { count: 1, slots: 1 },
      'in no object (module bindings, map entries)': { count: 0, slots: 1 },
    });
    assert.equal(Object.values(image.objects).reduce((n, o) => n + o.slots, 0), image.heapSlots);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
