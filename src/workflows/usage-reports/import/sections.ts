// The licensing platform's data in an import file: MSP accounts (idempotent by the platform's
// account id), reports with their lines (idempotent by the platform's report id: new counts
// update a report only while it is in preparation) and the distributor's decisions
// (idempotent by decision id). The same records arrive one by one on the inbound API.
import { ZMspAccountSchema } from "../domain/accounts";
import { ZDistributorDecisionSchema } from "../domain/distributor-decisions";
import { ZPlatformReportSchema } from "../domain/platform-reports";
import { recordDecisionIn, receivePlatformReportIn } from "../store/commands";
import { findAccountByPlatformId, upsertAccount } from "../store/reports";
import { LOST_RACE, LostRace } from "../../../platform/store/decide-once";
import { ImportRejected, recordName, refusalProblem } from "../../../platform/import/problems";
import { defineSection, emptyOutcome } from "../../../platform/import/section";

export const mspAccountsSection = defineSection({
  description: "MSP accounts on the licensing platform: distributor, automatic-submission delay in days, whether usage reporting applies.",
  record: ZMspAccountSchema.strict(),
  identity: "platformAccountId",
  uniqueFields: ["platformAccountId"],
  async apply(tx, organisation, records) {
    const outcome = emptyOutcome();
    for (const record of records) {
      const known = await findAccountByPlatformId(tx, organisation.id, record.platformAccountId);
      const same =
        known &&
        known.name === record.name &&
        known.distributorName === record.distributorName &&
        known.autoSubmitDelayDays === record.autoSubmitDelayDays &&
        known.usageReporting === record.usageReporting;
      if (same) {
        outcome.unchanged += 1;
        continue;
      }
      await upsertAccount(tx, organisation.id, record);
      outcome[known ? "updated" : "created"] += 1;
    }
    return outcome;
  },
});

export const usageReportsSection = defineSection({
  description: "The platform's monthly usage reports with their lines, idempotent by platformReportId.",
  record: ZPlatformReportSchema,
  identity: "platformReportId",
  uniqueFields: ["platformReportId"],
  async apply(tx, organisation, records, now) {
    const outcome = emptyOutcome();
    for (const [index, record] of records.entries()) {
      const name = recordName("usageReports", index, { field: "platformReportId", value: record.platformReportId });
      const account = await findAccountByPlatformId(tx, organisation.id, record.platformAccountId);
      if (!account) throw new ImportRejected([{ where: name, message: `no MSP account ${record.platformAccountId} in this organisation` }]);
      const existed = await tx.usageReport.count({ where: { organisationId: organisation.id, platformReportId: record.platformReportId } });
      const applied = await receivePlatformReportIn(tx, account, record, { timeZone: organisation.timeZone, now });
      if (applied === LOST_RACE) throw new LostRace();
      if (applied.kind === "refused") throw new ImportRejected([refusalProblem(name, applied.refusal)]);
      outcome[applied.kind === "unchanged" ? "unchanged" : existed ? "updated" : "created"] += 1;
    }
    return outcome;
  },
});

export const usageReportDecisionsSection = defineSection({
  description: "The distributor's decisions on submitted usage reports (approved, or rejected with notes), idempotent by decisionId.",
  record: ZDistributorDecisionSchema,
  identity: "decisionId",
  uniqueFields: ["decisionId"],
  async apply(tx, organisation, records, now) {
    const outcome = emptyOutcome();
    for (const [index, record] of records.entries()) {
      const name = recordName("usageReportDecisions", index, { field: "decisionId", value: record.decisionId });
      const applied = await recordDecisionIn(tx, organisation.id, record, now);
      if (applied === LOST_RACE) throw new LostRace();
      if (applied.kind === "refused") throw new ImportRejected([refusalProblem(name, applied.refusal)]);
      outcome[applied.kind === "changed" ? "updated" : "unchanged"] += 1;
    }
    return outcome;
  },
});
