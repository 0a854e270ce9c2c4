// Which PostgreSQL server a test run uses (test/support/postgres-server.ts): TEST_POSTGRES_URL,
// else a server answering at the local address, else an embedded one started for the run.
// A private server stands in for "a server answering", so the machine's own is never touched.
import { createServer } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choosePostgresServer } from "../../support/postgres-server";
import { type PrivatePostgres, startPrivatePostgres } from "../../support/private-postgres";

async function closedPortUrl(): Promise<string> {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
  return `postgresql://postgres@127.0.0.1:${port}/postgres`;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

describe("the PostgreSQL server a test run uses", () => {
  let answering: PrivatePostgres;
  let nothing: string;
  beforeAll(async () => {
    answering = await startPrivatePostgres();
    nothing = await closedPortUrl();
  }, 60_000);
  afterAll(async () => {
    await answering?.destroy();
  });

  it("is TEST_POSTGRES_URL when it is set, even with a local server answering", async () => {
    const other = await startPrivatePostgres();
    try {
      const chosen = await choosePostgresServer({ env: { TEST_POSTGRES_URL: other.url }, localUrl: answering.url });
      expect(chosen.url).toBe(other.url);
      expect(chosen.description).toBe(`TEST_POSTGRES_URL, ${other.url}: PostgreSQL ${other.version}`);
      await chosen.close();
      expect(await answers(other.url)).toBe(true);
    } finally {
      await other.destroy();
    }
  }, 60_000);

  it("refuses a TEST_POSTGRES_URL that does not answer rather than using another server", async () => {
    await expect(choosePostgresServer({ env: { TEST_POSTGRES_URL: nothing }, localUrl: answering.url })).rejects.toThrow(
      /^TEST_POSTGRES_URL \(postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres\) does not answer: .*ECONNREFUSED/,
    );
  });

  it("is the local server when one answers, left running afterwards", async () => {
    const chosen = await choosePostgresServer({ env: {}, localUrl: answering.url });
    expect(chosen.url).toBe(answering.url);
    expect(chosen.description).toBe(`the server at 127.0.0.1:${answering.port}: PostgreSQL ${answering.version}`);
    await chosen.close();
    expect(await answers(answering.url)).toBe(true);
  });

  it("is an embedded PostgreSQL started for the run when nothing answers, gone after close", async () => {
    const chosen = await choosePostgresServer({ env: {}, localUrl: nothing });
    try {
      expect(chosen.description).toMatch(
        /^an embedded PostgreSQL 17\.\d+ started for this run on 127\.0\.0\.1:\d+, removed after it \(127\.0\.0\.1:\d+: .*ECONNREFUSED.*\)$/,
      );
      expect(await answers(chosen.url)).toBe(true);
    } finally {
      await chosen.close();
    }
    expect(await answers(chosen.url)).toBe(false);
  }, 60_000);

  it("is the embedded one with TEST_POSTGRES_EMBEDDED=true, even with a local server answering", async () => {
    const chosen = await choosePostgresServer({ env: { TEST_POSTGRES_EMBEDDED: "true" }, localUrl: answering.url });
    try {
      expect(chosen.url).not.toBe(answering.url);
      expect(chosen.description).toMatch(/^an embedded PostgreSQL 17\.\d+ .*\(TEST_POSTGRES_EMBEDDED=true\)$/);
    } finally {
      await chosen.close();
    }
  }, 60_000);
});
