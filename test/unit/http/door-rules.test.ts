// The door's pure rules: where open local mode may send replies, and which JSON bodies are
// ambiguous or hold strings no store keeps.
import { describe, expect, it } from "vitest";
import { isReplyAddressAllowed } from "../../../src/platform/http/activity-door";
import { duplicateKeyIn, unsafeStringIn } from "../../../src/platform/http/strict-json";

describe("reply addresses in open local mode", () => {
  it.each(["http://127.0.0.1:3978/", "http://localhost:56150/", "http://[::1]:9000/", "https://127.1.2.3/x"])("allows loopback %s", (url) => {
    expect(isReplyAddressAllowed(url, [])).toBe(true);
  });

  it.each([
    "http://10.0.0.7/",
    "https://smba.trafficmanager.net/teams/",
    "http://127.0.0.1.attacker.test/",
    "ftp://127.0.0.1/",
    "http://u:p@127.0.0.1/",
    "not a url",
  ])("refuses %s", (url) => expect(isReplyAddressAllowed(url, [])).toBe(false));

  it("allows what SERVICE_URL_ALLOW_LIST names, and only that", () => {
    expect(isReplyAddressAllowed("https://tunnel.example.test/bot/", ["https://tunnel.example.test/"])).toBe(true);
    expect(isReplyAddressAllowed("https://tunnel.example.test.evil/", ["https://tunnel.example.test/"])).toBe(false);
  });
});

describe("strict JSON", () => {
  it("finds a key named twice in one object, at any depth, and ignores equal keys in different objects", () => {
    expect(duplicateKeyIn('{"a":1,"a":2}')).toBe("a");
    expect(duplicateKeyIn('{"x":{"b":[{"c":1},{"c":2}],"b":0}}')).toBe("b");
    expect(duplicateKeyIn('{"a":{"k":1},"b":{"k":1}}')).toBeUndefined();
    expect(duplicateKeyIn('{"a":"{\\"a\\":1,\\"a\\":2}"}')).toBeUndefined();
    expect(duplicateKeyIn('{"\\u0061":1,"a":2}')).toBe("a");
  });

  it("names the field holding a NUL or a lone surrogate, keys included", () => {
    expect(unsafeStringIn({ a: { b: ["ok", "x\u0000"] } })).toBe("a.b.1");
    expect(unsafeStringIn({ "k\ud800": 1 })).toBe("k\ud800");
    expect(unsafeStringIn({ a: "😀 fine" })).toBeUndefined();
  });
});
