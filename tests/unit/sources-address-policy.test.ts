import { describe, expect, test } from "vitest";
import { addressPolicy, isAddressRange } from "../../server/sources/address-policy.js";

describe("addressPolicy", () => {
  const strict = addressPolicy(undefined);

  test.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.1", "multicast"],
    ["192.0.2.1", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::7f00:1", "IPv4-compatible"],
    ["fe80::1", "linkLocal"],
    ["fd00::1", "uniqueLocal"],
    ["fc00::1", "uniqueLocal"],
    ["64:ff9b::a00:1", "rfc6052"],
    ["2002:7f00:1::", "6to4"],
    ["2001:db8::1", "reserved"],
  ])("when the address is %s, then it is refused as %s", (address, why) => {
    expect(strict.refusal(address)).toBe(why);
  });

  test.each(["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])(
    "when the address is public (%s), then it may be reached",
    (address) => {
      expect(strict.refusal(address)).toBeUndefined();
    },
  );

  test("when something that is not an address is checked, then it is refused", () => {
    expect(strict.refusal("localhost")).toBe("not an IP address");
    expect(strict.refusal("")).toBe("not an IP address");
  });

  test("when the operator allows ranges, then exactly those private addresses may be reached, IPv4-mapped forms included", () => {
    const policy = addressPolicy("127.0.0.1/32, 10.0.0.0/8,fd00::/8");
    expect(policy.refusal("127.0.0.1")).toBeUndefined();
    expect(policy.refusal("::ffff:127.0.0.1")).toBeUndefined();
    expect(policy.refusal("127.0.0.2")).toBe("loopback");
    expect(policy.refusal("10.200.1.1")).toBeUndefined();
    expect(policy.refusal("fd12::1")).toBeUndefined();
    expect(policy.refusal("fe80::1")).toBe("linkLocal");
    expect(policy.refusal("192.168.0.1")).toBe("private");
  });

  test("when an allowance is written as an IPv4-mapped range, then it means the IPv4 range", () => {
    expect(addressPolicy("::ffff:10.0.0.0/104").refusal("10.9.9.9")).toBeUndefined();
  });
});

describe("isAddressRange", () => {
  test("when a setting lists addresses and CIDR ranges, then each is recognised, and names are not", () => {
    for (const entry of ["10.0.0.0/8", "127.0.0.1", "fd00::/8", "::1"]) expect(isAddressRange(entry), entry).toBe(true);
    for (const entry of ["intranet", "10.0.0.0/33", "10.0.0.0/8/8", ""])
      expect(isAddressRange(entry), entry).toBe(false);
  });
});
