// A small file system for "disk full" tests: a tmpfs of a given size, mounted on a temporary
// folder. Mounting needs root (or CAP_SYS_ADMIN); `smallDiskUnavailable()` says why a test
// has to be skipped on a machine that does not allow it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SmallDisk {
  folder: string;
  /** Grows (or shrinks) the file system: "space is freed". */
  resize(bytes: number): void;
  destroy(): void;
}

export function mountSmallDisk(bytes: number): SmallDisk {
  const folder = mkdtempSync(join(tmpdir(), "partner-ops-small-disk-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${bytes}`, "tmpfs", folder], { stdio: "pipe" });
  return {
    folder,
    resize: (size) => execFileSync("mount", ["-o", `remount,size=${size}`, folder], { stdio: "pipe" }),
    destroy: () => {
      execFileSync("umount", ["-l", folder], { stdio: "pipe" });
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Undefined when a small tmpfs can be mounted here, otherwise the reason it cannot. */
export function smallDiskUnavailable(): string | undefined {
  try {
    mountSmallDisk(64 * 1024).destroy();
    return undefined;
  } catch (error) {
    return `cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN): ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
  }
}
