// The environment is parsed once, with defaults that run locally and clear messages otherwise.
import { describe, expect, it } from "vitest";
import { isOpenLocalMode, loadConfig } from "../../src/config";
import { resolveDatabaseUrl } from "../../src/store/database-url";

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

  it("picks the store from DATABASE_URL", () => {
    expect(resolveDatabaseUrl("postgresql://u@h:5432/db").provider).toBe("postgres");
    expect(resolveDatabaseUrl("file:./data/x.db", "/srv/bot")).toEqual({ provider: "sqlite", url: "file:/srv/bot/data/x.db", filename: "/srv/bot/data/x.db" });
    expect(() => resolveDatabaseUrl("mysql://h/db")).toThrow(/file: URL \(SQLite\) or a postgres:\/\/ URL/);
  });
});
