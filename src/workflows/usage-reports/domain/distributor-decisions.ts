// The distributor's answer to a report in review (DOMAIN.md section 2): approve, or reject with
// discrepancy notes per line and for the whole report, after which the MSP edits it again. The
// decision comes from the import or an inbound route, idempotent by its id: the same id with the
// same facts is a replay, the same id with other facts a conflict.
import { z } from "zod";
import { checkNotBefore, checkNotInFuture } from "../../../platform/domain/reported-time";
import { accept } from "../../../platform/domain/result";
import { type UsageReportResult, refuseReport } from "./refusals";
import { type DistributorDecisionRecord, type LineNote, type UsageReport, type UsageReportChange, type UsageReportReplay, stateFacts } from "./report";

export const NOTE_MAX = 1000;

const ZNoteSchema = z.string().max(NOTE_MAX * 4);
const ZDecisionBase = {
  decisionId: z.string().trim().min(1).max(200),
  platformReportId: z.string().trim().min(1).max(200),
  note: ZNoteSchema.optional(),
  /** When the distributor decided; when it does not say, when we heard of it. */
  decidedAt: z.iso
    .datetime({ offset: true })
    .transform((text) => new Date(text))
    .optional(),
};

export const ZDistributorDecisionSchema = z.discriminatedUnion("outcome", [
  z.object({ ...ZDecisionBase, outcome: z.literal("approved") }),
  z.object({
    ...ZDecisionBase,
    outcome: z.literal("rejected"),
    lineNotes: z
      .array(z.object({ lineId: z.string().trim().min(1).max(200), note: ZNoteSchema }))
      .max(5000)
      .default([]),
  }),
]);
export type TDistributorDecision = z.infer<typeof ZDistributorDecisionSchema>;

/** Applies the decision to a report in review; a decision already recorded changes nothing. */
export function decideReport(report: UsageReport, decision: TDistributorDecision, receivedAt: Date): UsageReportResult<UsageReportChange | UsageReportReplay> {
  if (decision.platformReportId !== report.platformReportId) return refuseReport("not_found");
  const known = report.decisions.find((recorded) => recorded.decisionId === decision.decisionId);
  if (known) {
    return sameDecision(known, decision)
      ? accept({ record: report, audit: undefined })
      : refuseReport("decision_id_reused", { decisionId: decision.decisionId });
  }
  if (report.state !== "in_review" || !report.submission) return refuseReport("not_in_review", stateFacts(report));
  const decidedAt = decision.decidedAt ?? receivedAt;
  const timely = checkNotInFuture("decidedAt", decidedAt, receivedAt);
  if (!timely.ok) return refuseReport("timestamp_in_future", timely.refusal.facts);
  const ordered = checkNotBefore("decidedAt", decidedAt, report.submission.at, "submission");
  if (!ordered.ok) return refuseReport("timestamp_before_event", ordered.refusal.facts);
  const notes = checkNotes(report, decision);
  if (!notes.ok) return notes;
  const recorded: DistributorDecisionRecord = {
    decisionId: decision.decisionId,
    outcome: decision.outcome,
    ...(notes.value.note ? { note: notes.value.note } : {}),
    lineNotes: notes.value.lineNotes,
    decidedAt,
    receivedAt,
  };
  const record: UsageReport = { ...report, state: decision.outcome, version: report.version + 1, decisions: [...report.decisions, recorded] };
  return accept({
    record,
    audit: {
      action: decision.outcome,
      ...(recorded.note ? { reason: recorded.note } : {}),
      before: { state: report.state },
      after: { state: record.state, decisionId: recorded.decisionId, decidedAt: decidedAt.toISOString(), lineNotes: recorded.lineNotes },
    },
  });
}

function checkNotes(report: UsageReport, decision: TDistributorDecision): UsageReportResult<{ note?: string; lineNotes: LineNote[] }> {
  const note = (decision.note ?? "").trim();
  if (note.length > NOTE_MAX) return refuseReport("note_too_long", { max: NOTE_MAX, length: note.length, product: "" });
  const lines = new Map(report.lines.map((line) => [line.id, line]));
  const lineNotes: LineNote[] = [];
  for (const { lineId, note: text } of decision.outcome === "rejected" ? decision.lineNotes : []) {
    const line = lines.get(lineId);
    if (!line) return refuseReport("line_unknown", { lineId: lineId.slice(0, 60) });
    if (lineNotes.some((seen) => seen.lineId === lineId)) return refuseReport("line_duplicated", { lineId, product: line.product });
    const trimmed = text.trim();
    if (trimmed.length > NOTE_MAX) return refuseReport("note_too_long", { max: NOTE_MAX, length: trimmed.length, product: line.product });
    if (trimmed) lineNotes.push({ lineId, note: trimmed });
  }
  // A rejection tells the MSP what to fix: at least one note, on the report or on a line.
  if (decision.outcome === "rejected" && !note && lineNotes.length === 0) return refuseReport("rejection_note_required");
  return accept({ ...(note ? { note } : {}), lineNotes });
}

function sameDecision(recorded: DistributorDecisionRecord, decision: TDistributorDecision): boolean {
  const lineNotes = (decision.outcome === "rejected" ? decision.lineNotes : [])
    .map(({ lineId, note }) => ({ lineId, note: note.trim() }))
    .filter(({ note }) => note !== "");
  const key = (notes: readonly LineNote[]) => JSON.stringify([...notes].sort((a, b) => a.lineId.localeCompare(b.lineId)));
  return (
    recorded.outcome === decision.outcome &&
    (recorded.note ?? "") === (decision.note ?? "").trim() &&
    key(recorded.lineNotes) === key(lineNotes) &&
    (decision.decidedAt === undefined || decision.decidedAt.getTime() === recorded.decidedAt.getTime())
  );
}
