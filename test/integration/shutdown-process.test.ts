// SIGTERM to a real bot process (src/main.ts) while a turn is in flight: the process keeps
// listening and answers 503 to /readyz and to new turns, the turn finishes and its reply is
// delivered, and only then does the process close and exit 0.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database";

/** A Bot Connector stand-in that holds the bot's first reply until the test releases it. */
class HoldingConnector {
  readonly replies: string[] = [];
  serviceUrl = "";
  private server: Server | undefined;
  private held: ServerResponse | undefined;
  private onHold: (() => void) | undefined;
  readonly holding = new Promise<void>((resolve) => (this.onHold = resolve));

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        this.replies.push(Buffer.concat(chunks).toString("utf8"));
        if (this.held === undefined && this.onHold) {
          this.held = res;
          this.onHold();
          this.onHold = undefined;
          return;
        }
        answer(res, this.replies.length);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  release(): void {
    if (this.held) answer(this.held, 1);
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function answer(res: ServerResponse, id: number): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ id: `activity-${id}` }));
}

let database: TestDatabase;
const connector = new HoldingConnector();
let bot: ChildProcess | undefined;
let output = "";

beforeAll(async () => {
  database = await createTestDatabase();
  await connector.start();
});

afterAll(async () => {
  if (bot && bot.exitCode === null) bot.kill("SIGKILL");
  await connector.close();
  await database?.destroy();
});

/** Starts `npm start`'s entry point on a free port and resolves with its base URL once it listens. */
async function startBotProcess(): Promise<string> {
  bot = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      PORT: "0",
      DATABASE_URL: database.url,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      MicrosoftAppId: "",
      REMINDERS_ENABLED: "false",
      SHUTDOWN_GRACE_MS: "30000",
      FIXED_CLOCK: "2026-11-18T09:00:00Z",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  bot.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    bot?.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const port = /"port":(\d+)[^\n]*listening on \/api\/messages/.exec(output)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    bot?.once("exit", (code) => reject(new Error(`the bot exited (${code}) before listening:\n${output}`)));
  });
}

function message(text: string): Record<string, unknown> {
  const tenantId = "tenant-shutdown";
  return {
    type: "message",
    text,
    channelId: "msteams",
    serviceUrl: connector.serviceUrl,
    id: `activity-${text}`,
    from: { id: "29:aad-shutdown", name: "Sam", aadObjectId: "aad-shutdown" },
    recipient: { id: "28:partner-ops-bot", name: "Partner Ops" },
    conversation: { id: "a:personal-shutdown", conversationType: "personal", tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: "en-US",
  };
}

const post = (baseUrl: string, body: Record<string, unknown>) =>
  fetch(`${baseUrl}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("a bot process told to stop with SIGTERM while a turn is in flight", () => {
  it("answers 503 to /readyz and new turns while the turn finishes, then exits 0", async () => {
    const baseUrl = await startBotProcess();
    const exited = new Promise<number | null>((resolve) => bot?.once("exit", resolve));
    const turn = message("help");
    const inFlight = post(baseUrl, turn);
    await connector.holding;

    bot?.kill("SIGTERM");
    // Draining starts at once; give the signal a moment to arrive.
    let readiness = await fetch(`${baseUrl}/readyz`);
    for (let tries = 0; readiness.status === 200 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      readiness = await fetch(`${baseUrl}/readyz`);
    }
    expect(readiness.status, output).toBe(503);
    expect(await readiness.json()).toMatchObject({ status: "draining" });
    expect((await post(baseUrl, message("pending"))).status).toBe(503);
    expect(bot?.exitCode).toBeNull();

    connector.release();
    expect((await inFlight).status).toBe(200);
    expect(await exited, output).toBe(0);
    expect(connector.replies).toHaveLength(1);
    expect(JSON.parse(connector.replies[0] ?? "{}")).toMatchObject({ replyToId: turn.id });
    await expect(fetch(`${baseUrl}/readyz`)).rejects.toThrow();
  }, 60_000);
});
