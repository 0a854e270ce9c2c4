// The vendor's site list applied to the store (the import, the inbound API, the demo): each
// record creates or updates its site by number, audited; the same record again writes nothing.
import { randomUUID } from "node:crypto";
import { appendAuditEntries } from "../../../platform/store/audit";
import type { DbTx } from "../../../platform/store/db";
import { LostRace } from "../../../platform/store/decide-once";
import type { Result } from "../../../platform/domain/result";
import type { SiteAccessRefusal } from "../domain/refusals";
import { applySiteRecord, type TSiteRecord } from "../domain/site-records";
import type { Site } from "../domain/sites";
import { type ChangedBy, withHistory } from "./history";
import { SITE_RECORD_KIND } from "./records";
import { findSiteByNumber, saveSite } from "./sites";
import { parseSiteNumber } from "../domain/sites";

export type SiteRecordOutcome = { outcome: "created" | "updated" | "unchanged"; site: Site };

/** One record, inside the caller's transaction (a whole file is one). */
export async function applySiteRecordIn(
  tx: DbTx,
  organisationId: string,
  input: TSiteRecord,
  by: ChangedBy,
  now: Date,
): Promise<Result<SiteRecordOutcome, SiteAccessRefusal>> {
  const number = parseSiteNumber(input.siteNumber);
  if (!number.ok) return number;
  const existing = await findSiteByNumber(tx, organisationId, number.value);
  const changed = applySiteRecord(existing, input, { id: randomUUID(), organisationId });
  if (!changed.ok) return changed;
  if (changed.value.audit.length === 0) return { ok: true, value: { outcome: "unchanged", site: changed.value.record } };
  const { record, audit } = withHistory(SITE_RECORD_KIND, changed.value.record, changed.value.audit, by, now);
  // A writer that moved the site since this read loses: the caller's transaction rolls back.
  if (!(await saveSite(tx, existing, record))) throw new LostRace();
  await appendAuditEntries(tx, audit);
  return { ok: true, value: { outcome: existing ? "updated" : "created", site: record } };
}
