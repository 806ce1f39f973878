/**
 * IPv4 addresses the LAN servers listen on and the ranges the centre server admits (the board's LAN
 * mode and the centre server share these checks).
 */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
export const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const CIDR = new RegExp(`^(${OCTET}(?:\\.${OCTET}){3})(?:/(3[0-2]|[12]?\\d))?$`);

/**
 * 0.0.0.0 (any 0.x.x.x) and :: listen on every network card at once, the internet-facing one
 * included: a server listens only on the address of the card facing its users.
 */
export const isWildcardAddress = (address: string): boolean => {
  const text = address.trim().replace(/^\[|\]$/g, '');
  return text.split('.')[0] === '0' || /^[0:]*::[0:]*$/.test(text);
};

export const isLoopbackAddress = (address: string): boolean => address.trim().split('.')[0] === '127';

/** An IP (`192.168.1.20`) or a CIDR range (`192.168.1.0/24`) of the allowed list. */
export const isClientRange = (text: string): boolean => CIDR.test(text.trim());

const ipv4Number = (address: string): number =>
  address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);

/**
 * Whether a connection's remote address (as Node reports it: `::ffff:` before an IPv4 one, `::1` for
 * IPv6 loopback) lies in one of the ranges. An address that is not IPv4 matches only `::1` ↔ 127.0.0.1.
 */
export function inClientRanges(remote: string, ranges: readonly string[]): boolean {
  const address = remote === '::1' ? '127.0.0.1' : remote.replace(/^::ffff:/i, '');
  if (!IPV4.test(address)) return false;
  const value = ipv4Number(address);
  return ranges.some((range) => {
    const match = CIDR.exec(range.trim());
    if (!match) return false;
    const bits = match[2] === undefined ? 32 : Number(match[2]);
    const size = 2 ** (32 - bits);
    return Math.floor(value / size) === Math.floor(ipv4Number(match[1]!) / size);
  });
}
