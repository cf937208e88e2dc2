import { describe, expect, it } from "vitest";
import { formatRedisUrl, normalizeRedisHost, parseRedisUrl } from "./store-integration-target";

describe("Redis store targets", () => {
  it("spells one host one way", () => {
    expect(normalizeRedisHost("Redis.Internal")).toBe("redis.internal");
    expect(normalizeRedisHost("0x7f.0.0.1")).toBe("127.0.0.1");
    expect(normalizeRedisHost("[0:0:0:0:0:0:0:1]")).toBe("::1");
    expect(normalizeRedisHost("::1")).toBe("::1");
    for (const bad of ["", "a b", "x/y", "[::1", "host:6379", "user@host", "a%2fb"])
      expect(normalizeRedisHost(bad)).toBeNull();
  });

  it("accepts scheme, credentials, host, port and db, and moves the credentials apart", () => {
    expect(parseRedisUrl("rediss://al%40ice:p%3Aw@Example.COM:6380/2")).toEqual({
      ok: true,
      value: { tls: true, host: "example.com", port: 6380, db: 2, username: "al@ice", password: "p:w" },
    });
    expect(parseRedisUrl("redis://[::1]")).toMatchObject({
      ok: true,
      value: { host: "::1", port: 6379, db: 0 },
    });
    expect(formatRedisUrl({ tls: false, host: "::1", port: 6379, db: 0 })).toBe("redis://[::1]:6379/0");
  });

  it.each([
    "redis://h/?path=/tmp/s",
    "redis://h?",
    "redis://h/0#f",
    "redis://h/a",
    "redis://h/0/1",
    "redis://h/256",
    "redis://[",
    "redis://h:0",
    "redis://h:65536",
    "redis://h:-1",
    "redis://:%zz@h",
    "http://h",
    "redis:///tmp/sock",
  ])("refuses %s", (url) => {
    expect(parseRedisUrl(url).ok).toBe(false);
  });
});
