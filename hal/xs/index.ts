// The XS HAL binding: each HAL part over the native host functions of firmware/xs-host.
export { xsHost, type XsHostFunctions } from './host.ts';
export { xsClock } from './clock.ts';
export { xsTimers } from './timers.ts';
export { xsSystemBasics, type XsSystemBasics } from './system.ts';
