// Working a renewal line item (DOMAIN.md section 5): marking it quoted (with the quote number),
// renewed, or lost (with a reason), each audited. A revised quote replaces the number while the
// item is still open; renewed and lost are final. Repeating what is already recorded is a replay.
import { accept, refuse } from "../../../platform/domain/result";
import type { RenewalChange } from "./audit";
import { isOpenRenewal, isQuoteNumber, QUOTE_NUMBER_MAX, type RenewalLineItem } from "./line-items";
import { type Actor, renewalPermissions } from "./permissions";
import type { RenewalResult } from "./refusals";

export const LOST_REASON_MAX = 500;

export type RenewalCommand = { kind: "quote"; quoteNumber: string } | { kind: "renew" } | { kind: "lose"; reason: string };

export function checkMayWork(item: RenewalLineItem, actor: Actor): RenewalResult<true> {
  if (renewalPermissions.can(actor.role, "renewal.manage")) return accept(true);
  if (item.ownerUserId === actor.userId && renewalPermissions.can(actor.role, "renewal.manageOwn")) return accept(true);
  return refuse("not_permitted", { role: actor.role });
}

export function workRenewal(item: RenewalLineItem, command: RenewalCommand, actor: Actor): RenewalResult<RenewalChange> {
  const allowed = checkMayWork(item, actor);
  if (!allowed.ok) return allowed;
  switch (command.kind) {
    case "quote":
      return markQuoted(item, command.quoteNumber);
    case "renew":
      return markRenewed(item);
    case "lose":
      return markLost(item, command.reason);
  }
}

function markQuoted(item: RenewalLineItem, input: string): RenewalResult<RenewalChange> {
  const quoteNumber = input.trim();
  if (!quoteNumber) return refuse("quote_number_required");
  if (!isQuoteNumber(quoteNumber)) return refuse("quote_number_invalid", { quoteNumber: quoteNumber.slice(0, 40), max: QUOTE_NUMBER_MAX });
  if (!isOpenRenewal(item)) return closed(item);
  if (item.state === "quoted" && item.quoteNumber === quoteNumber) return accept({ record: item, audit: [] });
  const record: RenewalLineItem = { ...item, state: "quoted", quoteNumber, version: item.version + 1 };
  const action = item.state === "quoted" ? "requoted" : "quoted";
  return accept({ record, audit: [{ action, before: before(item), after: { state: "quoted", quoteNumber } }] });
}

function markRenewed(item: RenewalLineItem): RenewalResult<RenewalChange> {
  if (item.state === "renewed") return accept({ record: item, audit: [] });
  if (!isOpenRenewal(item)) return closed(item);
  const record: RenewalLineItem = { ...item, state: "renewed", version: item.version + 1 };
  return accept({ record, audit: [{ action: "renewed", before: before(item), after: { state: "renewed" } }] });
}

function markLost(item: RenewalLineItem, input: string): RenewalResult<RenewalChange> {
  const reason = input.trim();
  if (!reason) return refuse("reason_required");
  if (reason.length > LOST_REASON_MAX) return refuse("reason_too_long", { max: LOST_REASON_MAX });
  if (item.state === "lost" && item.lostReason === reason) return accept({ record: item, audit: [] });
  if (!isOpenRenewal(item)) return closed(item);
  const record: RenewalLineItem = { ...item, state: "lost", lostReason: reason, version: item.version + 1 };
  return accept({ record, audit: [{ action: "lost", reason, before: before(item), after: { state: "lost" } }] });
}

function closed(item: RenewalLineItem): RenewalResult<never> {
  return refuse("renewal_closed", { state: item.state, agreementNumber: item.agreementNumber, lineItem: item.lineItem });
}

function before(item: RenewalLineItem): object {
  return { state: item.state, ...(item.quoteNumber ? { quoteNumber: item.quoteNumber } : {}) };
}
