import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("is the peer the web server appended when no proxy is trusted, whatever the client wrote before it", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", 0)).toBe("203.0.113.7");
  });

  it("skips as many entries from the right as there are trusted proxies", () => {
    expect(clientAddress("6.6.6.6, 198.51.100.4, 10.0.0.2", 1)).toBe("198.51.100.4");
    expect(clientAddress("198.51.100.4, 10.0.0.2", 3)).toBe("198.51.100.4");
  });

  it("reads IPv4-mapped IPv6 as IPv4 and anything that is no address as one shared bucket", () => {
    expect(clientAddress("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("2001:DB8::1", 0)).toBe("2001:db8::1");
    expect(clientAddress("x".repeat(5000), 0)).toBe("unknown");
    expect(clientAddress(undefined, 0)).toBe("unknown");
  });
});
