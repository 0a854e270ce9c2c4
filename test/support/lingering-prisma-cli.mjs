// A stand-in for the Prisma CLI that behaves like `migrate deploy` on PostgreSQL: it reports
// success, then stays alive (the real one lingered 10 s on a timer it never cleared). It writes
// its pid where LINGERING_CLI_PID_FILE says, so a test can check it was ended. With
// LINGERING_CLI_FAIL it fails the way Prisma does instead: a message and exit code 1.
import { writeFileSync } from "node:fs";

if (process.env.LINGERING_CLI_PID_FILE) writeFileSync(process.env.LINGERING_CLI_PID_FILE, String(process.pid));
if (process.env.LINGERING_CLI_FAIL) {
  console.error("Error: P3018\nA migration failed to apply. Migration name: 20990101000000_broken");
  process.exit(1);
}
console.log("1 migration found in prisma/migrations\n\nAll migrations have been successfully applied.");
setInterval(() => {}, 60_000);
