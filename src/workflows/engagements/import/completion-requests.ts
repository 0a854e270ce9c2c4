// Clients' requests to close an engagement, from the vendor portal. A request puts an approved
// engagement in "completion_requested" and tells the organisation's approvers in Teams. The
// portal keeps listing a request after it was decided: such a record is skipped with a note.
import { z } from "zod";
import { recordCompletionRequestIn } from "../store/engagement-completion";
import { enqueueCompletionRequestNotices } from "../store/billing-notifications";
import { LOST_RACE, LostRace } from "../../../platform/store/decide-once";
import { ImportRejected, recordName, refusalProblem } from "../../../platform/import/problems";
import { defineSection, emptyOutcome } from "../../../platform/import/section";

export const ZImportCompletionRequestSchema = z
  .strictObject({
    engagementExternalId: z.string().trim().min(1).max(100).describe("The vendor portal's id of the engagement (its externalId)."),
    requestedAt: z.iso
      .datetime({ offset: true, error: "expected an ISO 8601 date-time with an offset, like 2026-11-03T09:30:00+01:00" })
      .transform((value) => new Date(value))
      .optional()
      .describe("When the client asked, ISO 8601 with an offset; when absent, when the bot received the request."),
    requestedBy: z.string().trim().max(200).optional().describe("The client contact who asked."),
    note: z.string().trim().max(1000).optional().describe("The client's words, shown to the approver."),
  })
  .describe("A client's request to close an approved engagement.");

export type TCompletionRequestRecord = z.output<typeof ZImportCompletionRequestSchema>;

export const completionRequestsSection = defineSection({
  description: "Clients' completion requests for approved engagements, by the engagement's externalId.",
  record: ZImportCompletionRequestSchema,
  identity: "engagementExternalId",
  uniqueFields: ["engagementExternalId"],
  async apply(tx, organisation, records, now) {
    const outcome = emptyOutcome();
    for (const [index, record] of records.entries()) {
      const name = recordName("completionRequests", index, { field: "engagementExternalId", value: record.engagementExternalId });
      const request = {
        ...(record.requestedAt ? { requestedAt: record.requestedAt } : {}),
        ...(record.requestedBy ? { requestedBy: record.requestedBy } : {}),
        ...(record.note ? { note: record.note } : {}),
      };
      const saved = await recordCompletionRequestIn(tx, organisation.id, { externalId: record.engagementExternalId }, request, now);
      if (saved === LOST_RACE) throw new LostRace();
      if (saved.outcome === "not_found") throw new ImportRejected([{ where: name, message: "no engagement with this externalId in the organisation" }]);
      if (saved.outcome === "refused" && (saved.refusal.code === "timestamp_in_future" || saved.refusal.code === "timestamp_before_event"))
        throw new ImportRejected([refusalProblem(name, saved.refusal)]);
      if (saved.outcome === "unchanged") {
        outcome.unchanged += 1;
      } else if (saved.outcome === "decided") {
        await enqueueCompletionRequestNotices(tx, saved.record, now);
        outcome.created += 1;
      } else if (saved.record.state === "completed" || saved.record.state === "retired") {
        outcome.skipped += 1;
        outcome.notes.push(`${name}: ${saved.record.reference} is already ${saved.record.state}`);
      } else {
        const message = `${saved.record.reference} is ${saved.record.state}: only an approved engagement can be asked to complete`;
        throw new ImportRejected([{ where: name, message }]);
      }
    }
    return outcome;
  },
});
