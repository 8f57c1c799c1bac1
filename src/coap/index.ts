// Public surface of the CoAP stack.
export { CoapEndpoint } from './endpoint.ts';
export { Code, CoapType, ContentFormat, Method, Option, code, codeClass, codeText } from './constants.ts';
export { decodeMessage, encodeMessage, findOption, readUint, uintOption, uintValue, CoapEncodeError } from './message.ts';
export type { CoapMessage, CoapOption, CoapDecodeResult } from './message.ts';
export { blockOption, blockSize, decodeBlock, szxForBytes } from './block.ts';
export type { BlockValue } from './block.ts';
export { derivedTimes, initialTimeout } from './transmission.ts';
export type { TransmissionParameters, DerivedTimes } from './transmission.ts';
export { CoapLimitError, peerKey } from './types.ts';
export type { CoapRequest, CoapResponse, CoapResource, CoapResult, EndpointConfig, EndpointLimits, EndpointStats, Peer, RequestSpec } from './types.ts';
export { utf8Decode, utf8Encode } from '../codec/utf8.ts';
