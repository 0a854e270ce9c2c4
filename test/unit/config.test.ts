// The environment is parsed once, with defaults that run locally and clear messages otherwise.
import { describe, expect, it } from "vitest";
import { isOpenLocalMode, loadConfig } from "../../src/platform/config";
import { resolveDatabaseUrl } from "../../src/platform/store/database-url";

describe("configuration", () => {
  it("runs with no configuration at all: SQLite under ./data, port 3978, open local mode", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, DATABASE_URL: "file:./data/partner-ops.db", DEFAULT_ROLE: "viewer", DEFAULT_TIME_ZONE: "UTC" });
    expect(isOpenLocalMode(config)).toBe(true);
  });

  it("reads lists of tenants and admins", () => {
    const config = loadConfig({ ALLOWED_TENANT_IDS: "t1, t2,,", ADMIN_AAD_OBJECT_IDS: "a1" });
    expect(config.ALLOWED_TENANT_IDS).toEqual(["t1", "t2"]);
    expect(config.ADMIN_AAD_OBJECT_IDS).toEqual(["a1"]);
  });

  it("refuses to run in production without an app id", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/MicrosoftAppId: is required in production/);
  });

  it("names each bad setting", () => {
    expect(() => loadConfig({ PORT: "http", DEFAULT_TIME_ZONE: "Mars/Base" })).toThrow(/PORT[\s\S]*DEFAULT_TIME_ZONE: must be an IANA time zone/);
    expect(() => loadConfig({ MicrosoftAppType: "SingleTenant", MicrosoftAppId: "x" })).toThrow(/MicrosoftAppTenantId/);
  });

  it("reads a fixed clock for tests as an instant, and none by default", () => {
    expect(loadConfig({}).FIXED_CLOCK).toBeUndefined();
    expect(loadConfig({ FIXED_CLOCK: "" }).FIXED_CLOCK).toBeUndefined();
    expect(loadConfig({ FIXED_CLOCK: "2026-12-02T23:59:00+01:00" }).FIXED_CLOCK).toEqual(new Date("2026-12-02T22:59:00Z"));
    expect(() => loadConfig({ FIXED_CLOCK: "2026-12-02 23:59" })).toThrow(/FIXED_CLOCK: must be an ISO 8601 instant with an offset/);
    expect(() => loadConfig({ FIXED_CLOCK: "tomorrow" })).toThrow(/FIXED_CLOCK/);
  });

  it("refuses a fixed clock in production", () => {
    const production = { NODE_ENV: "production", MicrosoftAppId: "6f1a9a3e-2b7c-4d3e-9f10-1a2b3c4d5e6f" };
    expect(loadConfig(production).FIXED_CLOCK).toBeUndefined();
    expect(() => loadConfig({ ...production, FIXED_CLOCK: "2026-12-01T00:00:00Z" })).toThrow(/FIXED_CLOCK: is for tests only and is refused in production/);
  });

  it("picks the store from DATABASE_URL", () => {
    expect(resolveDatabaseUrl("postgresql://u@h:5432/db").provider).toBe("postgres");
    expect(resolveDatabaseUrl("file:./data/x.db", "/srv/bot")).toEqual({ provider: "sqlite", url: "file:/srv/bot/data/x.db", filename: "/srv/bot/data/x.db" });
    expect(() => resolveDatabaseUrl("mysql://h/db")).toThrow(/file: URL \(SQLite\) or a postgres:\/\/ URL/);
  });
});
