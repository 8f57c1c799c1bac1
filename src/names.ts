// TR-181 paths and USP protocol constants that more than one layer names, defined once. The
// data-model engine (dm/) names none of them: the model declares its tables to it.

/** R-NOT.7 / GetSupportedProtocol: the USP versions this Agent advertises (design.md "Wire version"). */
export const SUPPORTED_PROTOCOL_VERSIONS = '1.0,1.1,1.2';
/** Record.version on everything we send: 1.2 is the last release that permits the CoAP MTP. */
export const RECORD_VERSION = '1.2';

export const LOCAL_AGENT = 'Device.LocalAgent.';
export const ENDPOINT_ID = 'Device.LocalAgent.EndpointID';
export const MTP_TABLE = 'Device.LocalAgent.MTP.';
export const CONTROLLER_TABLE = 'Device.LocalAgent.Controller.';
export const SUBSCRIPTION_TABLE = 'Device.LocalAgent.Subscription.';
export const REQUEST_TABLE = 'Device.LocalAgent.Request.';
export const CONTROLLER_TRUST = 'Device.LocalAgent.ControllerTrust.';
export const BOOT_EVENT = 'Device.Boot!';
export const PERIODIC_EVENT = 'Device.LocalAgent.Periodic!';
