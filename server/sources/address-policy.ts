/** Which network addresses a source fetch may connect to: public unicast only, unless configuration allows a private range. */
import ipaddr from "ipaddr.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** IPv6 that is public is in 2000::/3; ::/96 (IPv4-compatible, deprecated) could still reach an IPv4 host. */
const GLOBAL_V6 = ipaddr.parseCIDR("2000::/3");
const V4_COMPATIBLE = ipaddr.parseCIDR("::/96");

/**
 * True when `entry` is an address or a CIDR range, as LIAISON_SOURCE_FETCH_ALLOW_PRIVATE lists them.
 * @example isAddressRange("10.0.0.0/8") === true; isAddressRange("intranet") === false
 */
export function isAddressRange(entry: string): boolean {
  return parseRange(entry) !== undefined;
}

function parseRange(entry: string): Range | undefined {
  try {
    if (entry.includes("/")) {
      const [address, bits] = ipaddr.parseCIDR(entry);
      return [unmapped(address), address.kind() === "ipv6" && unmapped(address).kind() === "ipv4" ? bits - 96 : bits];
    }
    const address = unmapped(ipaddr.parse(entry));
    return [address, address.kind() === "ipv4" ? 32 : 128];
  } catch {
    return undefined;
  }
}

/** An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is its IPv4 address: that is where a connection goes. */
function unmapped(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

export interface AddressPolicy {
  /** Why `address` may not be reached (e.g. "loopback"), or undefined when it may. */
  refusal(address: string): string | undefined;
}

/**
 * The policy for one configuration: `allowPrivate` is LIAISON_SOURCE_FETCH_ALLOW_PRIVATE's list.
 * @example addressPolicy(undefined).refusal("127.0.0.1") === "loopback"
 * @example addressPolicy("127.0.0.1/32").refusal("127.0.0.1") === undefined
 */
export function addressPolicy(allowPrivate: string | undefined): AddressPolicy {
  const allowed = (allowPrivate ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(parseRange)
    .filter((range): range is Range => range !== undefined);
  return {
    refusal(text) {
      if (!ipaddr.isValid(text)) return "not an IP address";
      const address = unmapped(ipaddr.parse(text));
      if (allowed.some(([base, bits]) => base.kind() === address.kind() && address.match(base, bits))) return undefined;
      const range = address.range();
      if (range !== "unicast") return range;
      if (address.kind() === "ipv6") {
        if (address.match(V4_COMPATIBLE)) return "IPv4-compatible";
        if (!address.match(GLOBAL_V6)) return "not global";
      }
      return undefined;
    },
  };
}
