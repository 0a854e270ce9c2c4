// An intent that reads references of other kinds than the message carries yields to the rest.
import { describe, expect, it } from "vitest";
import { byReferenceFit, isReferenceKind } from "../../../src/platform/conversation/reference-fit";

const declared: Record<string, string[]> = {
  "ticket.status": ["ticketReference", "partialReference"],
  "voucher.validate": ["voucherReference"],
  "site.request": ["siteReference"],
  deadlines: ["month", "range"],
  help: [],
};
const entitiesOf = (intent: string) => declared[intent];
const scores = [
  { intent: "voucher.validate", score: 0.9 },
  { intent: "deadlines", score: 0.5 },
  { intent: "ticket.status", score: 0.2 },
  { intent: "help", score: 0.1 },
];

describe("reference fit", () => {
  it("moves intents that read only other kinds of reference after the rest, keeping each group's order", () => {
    const ordered = byReferenceFit(scores, { ticketReference: "TCK-9134" }, entitiesOf);
    expect(ordered.map((score) => score.intent)).toEqual(["deadlines", "ticket.status", "help", "voucher.validate"]);
  });

  it("keeps the order when the message carries no reference, or only a partial one", () => {
    expect(byReferenceFit(scores, {}, entitiesOf)).toEqual(scores);
    expect(byReferenceFit(scores, { partialReference: "9134" }, entitiesOf)).toEqual(scores);
  });

  it("keeps an intent that reads one of the message's kinds, and intents nobody declared", () => {
    const withUnknown = [{ intent: "unknown", score: 0.95 }, ...scores];
    const ordered = byReferenceFit(withUnknown, { voucherReference: "V-1", siteReference: "SITE-1" }, entitiesOf);
    expect(ordered.map((score) => score.intent)).toEqual(["unknown", "voucher.validate", "deadlines", "help", "ticket.status"]);
  });

  it("names reference kinds by their suffix, the partial reference aside", () => {
    expect(["ticketReference", "partialReference", "month"].filter(isReferenceKind)).toEqual(["ticketReference"]);
  });
});
