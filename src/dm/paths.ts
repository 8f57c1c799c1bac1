// Instantiated object paths (R-MSG.3: instance numbers, trailing '.'): the patterns every layer
// tests paths with, in one place. 'Device.LocalAgent.Controller.2.MTP.1.' is an instance path,
// 'Device.LocalAgent.Controller.' a table path, 'Device.LocalAgent.Controller.{i}.' supported.

/** Supported path of an instantiated one: instance numbers → '{i}'. */
export function supportedPathOf(path: string): string {
  return path.replace(/\.[0-9]+(?=\.)/g, '.{i}');
}

/** Does the object path end in an instance number ('...Controller.2.')? */
export function isInstancePath(objPath: string): boolean {
  const end = objPath.length - 1;
  let i = end - 1;
  while (i >= 0 && objPath.charCodeAt(i) >= 0x30 && objPath.charCodeAt(i) <= 0x39) i--;
  return objPath.charCodeAt(end) === 0x2e && i < end - 1 && objPath.charCodeAt(i) === 0x2e;
}

/** The table an instance path belongs to: '...Controller.2.' → '...Controller.'. */
export function tableOf(instancePath: string): string {
  return instancePath.slice(0, instancePath.lastIndexOf('.', instancePath.length - 2) + 1);
}

/** The row of `table` that `path` is or lies under ('...Controller.2.Enable' → '...Controller.2.'), or undefined. */
export function rowOf(path: string, table: string): string | undefined {
  if (path.lastIndexOf(table, 0) !== 0) return undefined;
  let i = table.length;
  while (i < path.length && path.charCodeAt(i) >= 0x30 && path.charCodeAt(i) <= 0x39) i++;
  return i > table.length && path.charCodeAt(i) === 0x2e ? path.slice(0, i + 1) : undefined;
}

/** A path without its trailing '.' (how strong references are stored: 'Device.X.1'). */
export const stripDot = (p: string): string => (p.charAt(p.length - 1) === '.' ? p.slice(0, -1) : p);

/** Only names, numbers and dots: no wildcard, search, key or reference syntax. */
export function isPlainPath(path: string): boolean {
  return /^[A-Za-z_0-9.]+$/.test(path);
}
