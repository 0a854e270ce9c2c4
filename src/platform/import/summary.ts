// The lines `npm run import` and `npm run seed:demo` print: what each section did.
import type { ImportSummary } from "./run-import";

export function formatImportSummary(summary: ImportSummary): string[] {
  const { organisation } = summary;
  const lines = [`organisation "${organisation.name}" (tenant ${organisation.tenantId}): ${summary.organisationOutcome}`];
  for (const [name, outcome] of Object.entries(summary.sections)) {
    const skipped = outcome.skipped > 0 ? `, ${outcome.skipped} skipped` : "";
    lines.push(`${name}: ${outcome.created} created, ${outcome.updated} updated, ${outcome.unchanged} unchanged${skipped}`);
    lines.push(...outcome.notes.map((note) => `  note: ${note}`));
  }
  return lines;
}
