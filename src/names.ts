// TR-181 paths and USP protocol constants that more than one layer names, defined once. The
// data-model engine (dm/) names none of them: the model declares its tables to it.

/** R-NOT.7 / GetSupportedProtocol: the USP versions this Agent advertises (design.md "Wire version"). */
export const SUPPORTED_PROTOCOL_VERSIONS = '1.0,1.1,1.2,1.3,1.4';
/**
 * Record.version on everything we send: the newest release we implement (issue 13). USP 1.3
 * obsoleted the CoAP MTP; the agent keeps it as the device's MTP (README "USP 1.3 and 1.4").
 */
export const RECORD_VERSION = '1.4';

export const ENDPOINT_ID = 'Device.LocalAgent.EndpointID';
export const MTP_TABLE = 'Device.LocalAgent.MTP.';
export const CONTROLLER_TABLE = 'Device.LocalAgent.Controller.';
export const SUBSCRIPTION_TABLE = 'Device.LocalAgent.Subscription.';
export const REQUEST_TABLE = 'Device.LocalAgent.Request.';
export const CONTROLLER_TRUST = 'Device.LocalAgent.ControllerTrust.';
export const CERTIFICATE_TABLE = 'Device.LocalAgent.Certificate.';
export const BOOT_EVENT = 'Device.Boot!';
export const PERIODIC_EVENT = 'Device.LocalAgent.Periodic!';
