// How a rule says yes or no. A refusal carries a stable code and the facts a card needs to
// explain it; it is mapped to words in exactly one place (../i18n/refusal-words.ts), from the
// catalog key "refusal.<code>".
/** Codes the platform itself refuses with; each workflow declares its own in its workflow.ts. */
export const PLATFORM_REFUSALS = [
  "not_found",
  "not_permitted",
  "already_decided",
  "reason_required",
  "reason_too_long",
  "invalid_input",
  // times reported by other systems (./reported-time.ts)
  "timestamp_in_future",
  "timestamp_before_event",
] as const;

/** A refusal code: the platform's or one a workflow declares (checked by the fold and by the catalog test). */
export type RefusalCode = string;

export type RefusalFacts = Record<string, string | number | Date | undefined>;

/** A workflow may name its own codes (`Result<T, TicketRefusal>`); the default is any code. */
export interface Refusal<C extends string = RefusalCode> {
  code: C;
  facts: RefusalFacts;
}

export type Result<T, C extends string = RefusalCode> = { ok: true; value: T } | { ok: false; refusal: Refusal<C> };

export const accept = <T, C extends string = RefusalCode>(value: T): Result<T, C> => ({ ok: true, value });

export const refuse = <T = never, C extends string = RefusalCode>(code: C, facts: RefusalFacts = {}): Result<T, C> => ({
  ok: false,
  refusal: { code, facts },
});
