// `npm run playground` on a machine without a desktop: it serves the Playground and prints its
// address instead of crashing on the browser it cannot open (the Playground spawns `xdg-open`
// and dies of the ENOENT when it is missing).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { browserLaunch } from "../../../scripts/playground";

describe("whether the Playground opens a browser", () => {
  const everywhere = () => true;
  const nowhere = () => false;

  it("does on a Linux desktop with xdg-open, and on macOS, Windows and WSL", () => {
    expect(browserLaunch({ DISPLAY: ":0" }, "linux", everywhere)).toEqual({ open: true });
    expect(browserLaunch({ WAYLAND_DISPLAY: "wayland-0" }, "linux", everywhere)).toEqual({ open: true });
    expect(browserLaunch({}, "darwin", nowhere)).toEqual({ open: true });
    expect(browserLaunch({}, "win32", nowhere)).toEqual({ open: true });
    expect(browserLaunch({ WSL_DISTRO_NAME: "Debian" }, "linux", nowhere)).toEqual({ open: true });
  });

  it("does not with BROWSER=none, without a desktop session, or without xdg-open", () => {
    expect(browserLaunch({ BROWSER: "none", DISPLAY: ":0" }, "linux", everywhere)).toEqual({ open: false, reason: "BROWSER=none" });
    expect(browserLaunch({ BROWSER: "none" }, "darwin", everywhere)).toMatchObject({ open: false });
    expect(browserLaunch({}, "linux", everywhere)).toMatchObject({ open: false, reason: expect.stringContaining("no desktop session") });
    expect(browserLaunch({ DISPLAY: ":0" }, "linux", nowhere)).toEqual({ open: false, reason: "xdg-open is not installed" });
  });
});

let child: ChildProcess | undefined;
afterEach(async () => {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child?.once("exit", resolve));
  process.kill(-(child.pid as number), "SIGTERM");
  await exited;
});

describe("`npm run playground` without a desktop", () => {
  it("serves the Playground, prints its address and keeps running", async () => {
    // No display, no BROWSER setting, and no xdg-open on PATH: a headless CI machine.
    const path = [dirname(process.execPath), ...(process.env.PATH ?? "").split(delimiter).filter((dir) => !existsSync(join(dir, "xdg-open")))];
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: path.join(delimiter) };
    for (const name of ["DISPLAY", "WAYLAND_DISPLAY", "BROWSER", "TEAMSAPPTESTER_BROWSER", "WSL_DISTRO_NAME"]) delete env[name];
    child = spawn(process.execPath, ["--import", "tsx", "scripts/playground.ts", "--port", "0"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const address = await new Promise<string>((resolve, reject) => {
      child?.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const url = /Agents Playground is ready: (http:\/\/localhost:\d+)/.exec(output)?.[1];
        if (url) resolve(url);
      });
      child?.once("exit", (code) => reject(new Error(`the playground script exited (${code}) before serving:\n${output}`)));
    });

    expect(output).toContain("Not opening a browser (no desktop session");
    const page = await fetch(address);
    expect(page.status).toBe(200);
    // The browser would have been opened right after listening; give a crash time to happen.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(child.exitCode, output).toBeNull();
  }, 60_000);
});
