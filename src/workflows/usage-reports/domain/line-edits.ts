// What a billing user types into a report's lines: billable units and comments. Every field is
// checked on the server, each problem named next to its line and field so the card can show
// them all at once with the typed values kept. A save made from a card older than the report
// sees which lines someone else changed meanwhile instead of overwriting them.
import { z } from "zod";
import type { Refusal } from "../../../platform/domain/result";
import type { UsageReportRefusal } from "./refusals";
import type { UsageReport, UsageReportActor, UsageReportLine } from "./report";
import { compareUnits, parseUnits, UNITS_MAX_DECIMALS } from "./units";

export const COMMENT_MAX = 500;

/** One line's typed values as the card or the API sends them; a missing field is left as it is. */
export const ZLineEditSchema = z.object({
  lineId: z.string().trim().min(1).max(200),
  billableUnits: z.union([z.string().max(100), z.number()]).optional(),
  /** An empty comment clears the line's comment. */
  comment: z
    .string()
    .max(COMMENT_MAX * 4)
    .optional(),
});
export type TLineEdit = z.infer<typeof ZLineEditSchema>;

/** A save or a submission: the values typed, and the report version the card showed. */
export const ZReportEditSchema = z.object({
  baseVersion: z.number().int().min(0),
  lines: z.array(ZLineEditSchema).max(5000),
});
export type TReportEdit = z.infer<typeof ZReportEditSchema>;

export interface CheckedLineEdit {
  lineId: string;
  billableUnits?: string;
  /** `null` clears the comment. */
  comment?: string | null;
}

export type LineField = "line" | "billableUnits" | "comment";
export type LineProblems = Record<string, Partial<Record<LineField, Refusal<UsageReportRefusal>>>>;
/** A failed check names every problem, and the first one for a refusal (the card shows them all). */
export type LineEditCheck = { ok: true; value: CheckedLineEdit[] } | { ok: false; problems: LineProblems; first: Refusal<UsageReportRefusal> };

/** A record keyed by line ids, which come from outside: no prototype, so "__proto__" is just an id. */
export function byId<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

const problem = (code: UsageReportRefusal, facts: Refusal["facts"]): Refusal<UsageReportRefusal> => ({ code, facts });

/** Checks every typed value against the report's lines: unknown or repeated lines, units, comment length. */
export function checkLineEdits(report: Pick<UsageReport, "lines">, edits: readonly TLineEdit[]): LineEditCheck {
  const lines = new Map(report.lines.map((line) => [line.id, line]));
  const seen = new Set<string>();
  const problems: LineProblems = byId();
  const checked: CheckedLineEdit[] = [];
  for (const edit of edits) {
    const line = lines.get(edit.lineId);
    const at = problems[edit.lineId] ?? {};
    problems[edit.lineId] = at;
    if (!line) at.line = problem("line_unknown", { lineId: edit.lineId.slice(0, 60) });
    else if (seen.has(edit.lineId)) at.line = problem("line_duplicated", { lineId: edit.lineId, product: line.product });
    seen.add(edit.lineId);
    if (!line || at.line) continue;
    const next: CheckedLineEdit = { lineId: edit.lineId };
    if (edit.billableUnits !== undefined) {
      const parsed = typeof edit.billableUnits === "string" && edit.billableUnits.trim() === "" ? undefined : parseUnits(edit.billableUnits);
      if (parsed?.ok) next.billableUnits = parsed.value;
      else at.billableUnits = problem("units_invalid", { product: line.product, rule: parsed?.rule ?? "missing", maxDecimals: UNITS_MAX_DECIMALS });
    }
    if (edit.comment !== undefined) {
      const comment = edit.comment.trim();
      if (comment.length > COMMENT_MAX) at.comment = problem("comment_too_long", { product: line.product, max: COMMENT_MAX, length: comment.length });
      else next.comment = comment === "" ? null : comment;
    }
    checked.push(next);
  }
  let first: Refusal<UsageReportRefusal> | undefined;
  for (const [lineId, found] of Object.entries(problems)) {
    first ??= found.line ?? found.billableUnits ?? found.comment;
    if (Object.keys(found).length === 0) delete problems[lineId];
  }
  return first ? { ok: false, problems, first } : { ok: true, value: checked };
}

export interface EditConflict {
  lineId: string;
  product: string;
  /** The values saved meanwhile, to show beside the ones typed. */
  billableUnits: string;
  comment?: string;
  by: { userId: string; name: string; at: Date };
}

/**
 * Lines changed after `baseVersion` whose saved values differ from the ones typed: saving would
 * overwrite someone else's change unseen. A typed value equal to the saved one is no conflict,
 * so the same save sent twice is a replay, not a clash.
 */
export function editConflicts(report: Pick<UsageReport, "lines">, edits: readonly CheckedLineEdit[], baseVersion: number): EditConflict[] {
  const lines = new Map(report.lines.map((line) => [line.id, line]));
  const conflicts: EditConflict[] = [];
  for (const edit of edits) {
    const line = lines.get(edit.lineId);
    if (!line || line.changedInVersion <= baseVersion || !line.changedBy) continue;
    if (!changes(line, edit)) continue;
    conflicts.push({
      lineId: line.id,
      product: line.product,
      billableUnits: line.billableUnits,
      ...(line.comment ? { comment: line.comment } : {}),
      by: line.changedBy,
    });
  }
  return conflicts;
}

function changes(line: UsageReportLine, edit: CheckedLineEdit): boolean {
  const units = edit.billableUnits !== undefined && compareUnits(edit.billableUnits, line.billableUnits) !== 0;
  const comment = edit.comment !== undefined && (edit.comment ?? undefined) !== line.comment;
  return units || comment;
}

export type LineValues = Pick<UsageReportLine, "billableUnits" | "comment">;

export interface AppliedEdits {
  lines: UsageReportLine[];
  before: Record<string, LineValues>;
  after: Record<string, LineValues>;
}

/** The lines with the edits that change something, stamped with the version and the person. */
export function applyLineEdits(
  lines: readonly UsageReportLine[],
  edits: readonly CheckedLineEdit[],
  actor: UsageReportActor,
  now: Date,
  version: number,
): AppliedEdits {
  const byLine = new Map(edits.map((edit) => [edit.lineId, edit]));
  const before = byId<LineValues>();
  const after = byId<LineValues>();
  const next = lines.map((line) => {
    const edit = byLine.get(line.id);
    if (!edit || !changes(line, edit)) return line;
    const billableUnits = edit.billableUnits ?? line.billableUnits;
    const comment = edit.comment === undefined ? line.comment : (edit.comment ?? undefined);
    const { comment: _dropped, ...rest } = line;
    const changed: UsageReportLine = {
      ...rest,
      billableUnits,
      ...(comment ? { comment } : {}),
      billableSetByMsp: line.billableSetByMsp || compareUnits(billableUnits, line.billableUnits) !== 0,
      changedInVersion: version,
      changedBy: { userId: actor.userId, name: actor.name, at: now },
    };
    before[line.id] = valuesOf(line);
    after[line.id] = valuesOf(changed);
    return changed;
  });
  return { lines: next, before, after };
}

function valuesOf(line: UsageReportLine): LineValues {
  return { billableUnits: line.billableUnits, ...(line.comment ? { comment: line.comment } : {}) };
}
