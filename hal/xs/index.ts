// The XS HAL binding: each HAL part over the native host functions of firmware/xs-host.
export { xsHost, type XsHostFunctions } from './host.ts';
export { xsClock } from './clock.ts';
export { xsTimers } from './timers.ts';
export { xsNet } from './net.ts';
export { xsDtls } from './dtls.ts';
export { xsHttp } from './http.ts';
export { xsHash } from './hash.ts';
export { xsStorage } from './storage.ts';
export { xsSystem, xsSystemBasics, isLogLevel, type XsSystemBasics } from './system.ts';
export { startXsDevice, parseDefaults, type Defaults } from './device.ts';
