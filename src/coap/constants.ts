// CoAP numbers (RFC 7252 §12, RFC 7959 §6, RFC 7641, RFC 7967). TypeScript enums: esbuild puts
// the numbers in at each use and drops the tables, so none is preloaded on a device (issue 10).

export enum CoapType { CON = 0, NON = 1, ACK = 2, RST = 3 }
export type CoapTypeValue = CoapType;

/** Code byte from class and detail: "c.dd" -> c << 5 | dd. */
export function code(cls: number, detail: number): number {
  return (cls << 5) | detail;
}
export function codeClass(c: number): number {
  return c >> 5;
}
/** "2.04" style text for logs and errors. */
export function codeText(c: number): string {
  const d = c & 31;
  return (c >> 5) + '.' + (d < 10 ? '0' : '') + d;
}

export enum Method {
  GET = 1, POST = 2, PUT = 3, DELETE = 4, FETCH = 5, PATCH = 6, IPATCH = 7,
}

export enum Code {
  EMPTY = 0,
  CREATED = 65, DELETED = 66, VALID = 67, CHANGED = 68, CONTENT = 69, CONTINUE = 95,
  BAD_REQUEST = 128, UNAUTHORIZED = 129, BAD_OPTION = 130, FORBIDDEN = 131, NOT_FOUND = 132,
  METHOD_NOT_ALLOWED = 133, NOT_ACCEPTABLE = 134, REQUEST_ENTITY_INCOMPLETE = 136,
  PRECONDITION_FAILED = 140, REQUEST_ENTITY_TOO_LARGE = 141, UNSUPPORTED_CONTENT_FORMAT = 143,
  INTERNAL_SERVER_ERROR = 160, NOT_IMPLEMENTED = 161, BAD_GATEWAY = 162, SERVICE_UNAVAILABLE = 163,
  GATEWAY_TIMEOUT = 164, PROXYING_NOT_SUPPORTED = 165,
}

export enum Option {
  IF_MATCH = 1, URI_HOST = 3, ETAG = 4, IF_NONE_MATCH = 5, OBSERVE = 6, URI_PORT = 7,
  LOCATION_PATH = 8, URI_PATH = 11, CONTENT_FORMAT = 12, MAX_AGE = 14, URI_QUERY = 15,
  ACCEPT = 17, LOCATION_QUERY = 20, BLOCK2 = 23, BLOCK1 = 27, SIZE2 = 28, PROXY_URI = 35,
  PROXY_SCHEME = 39, SIZE1 = 60, NO_RESPONSE = 258,
}

export enum ContentFormat {
  TEXT_PLAIN = 0, LINK_FORMAT = 40, OCTET_STREAM = 42, JSON = 50, CBOR = 60,
}
