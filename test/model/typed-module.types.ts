// Compile-time checks of the model-definition API (src/dm/define.ts): each @ts-expect-error
// below must stay an error, or `tsc -p tsconfig.json` (test/engines/typecheck.test.ts) fails.
import { bool, defineObject, str } from '../../src/index.ts';

export const misspelledOption = defineObject({
  path: 'Device.X_TEST_Typed.',
  // @ts-expect-error 'acess' is not a parameter option
  params: [str('Name', 16, { acess: 'W' })],
});

export const unknownName = defineObject({
  path: 'Device.X_TEST_Typed.',
  params: [str('Name', 16, { access: 'W' }), bool('Enable')],
}, {
  // @ts-expect-error 'Nmae' is not one of this object's parameters
  read: (_ctx, _objPath, name) => (name === 'Nmae' ? 'x' : undefined),
});

export const knownName = defineObject({
  path: 'Device.X_TEST_Typed.',
  params: [str('Name', 16, { access: 'W' }), bool('Enable')],
}, {
  read: (_ctx, _objPath, name) => (name === 'Name' ? 'x' : undefined),
});
