// Approve or reject with a reason: the one decision every workflow's requests, reports and
// mappings share. Its rules: only the record's own organisation
// sees it, only who holds the permission decides, a record decided already says who decided it
// and when, and a rejection needs a reason of bounded length. What the decision does to the
// record is the workflow's; this says whether it may be taken and with which reason.
import { type Result, type RefusalCode, type RefusalFacts, accept, refuse } from "./result";
import type { Actor } from "./roles";
import { normaliseFreeText } from "./text";

export const DECISION_REASON_MAX = 500;

export type DecisionCommand = { kind: "approve" } | { kind: "reject"; reason?: string };

export interface DecisionRules {
  /** The organisation the record belongs to. */
  organisationId: string;
  /** Whether the actor holds the permission this decision needs: the workflow grants it. */
  permitted: boolean;
  /** Set when the record was decided already: its state, and who decided it and when if known. */
  decided?: { state: string; by?: string; at?: Date } & RefusalFacts;
  /** Set when the record is not waiting for this decision (a workflow's own refusal). */
  notOpen?: { code: RefusalCode; facts: RefusalFacts };
  reasonMax?: number;
}

export interface Verdict {
  approved: boolean;
  at: Date;
  byId: string;
  byName: string;
  /** The rejection's reason, normalised (./text.ts); never set on an approval. */
  reason?: string;
}

export function decideApproval(rules: DecisionRules, command: DecisionCommand, actor: Actor, now: Date): Result<Verdict> {
  if (rules.organisationId !== actor.organisationId) return refuse("not_found");
  if (!rules.permitted) return refuse("not_permitted", { role: actor.role });
  if (rules.decided) return refuse("already_decided", rules.decided);
  if (rules.notOpen) return refuse(rules.notOpen.code, rules.notOpen.facts);
  const verdict = { at: now, byId: actor.aadObjectId, byName: actor.name };
  if (command.kind === "approve") return accept({ ...verdict, approved: true });
  const reason = normaliseFreeText(command.reason ?? "");
  const max = rules.reasonMax ?? DECISION_REASON_MAX;
  if (!reason) return refuse("reason_required");
  if (reason.length > max) return refuse("reason_too_long", { max });
  return accept({ ...verdict, approved: false, reason });
}
