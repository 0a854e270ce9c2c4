// The states the code knows are exactly the enums the database holds: a state added to one
// and not the other would be refused on write, or never offered.
import { describe, expect, it } from "vitest";
import { BillingEntryState, EngagementState, OutboxState } from "../../../src/generated/sqlite/enums";
import { OUTBOX_STATES } from "../../../src/platform/store/outbox";
import { BILLING_ENTRY_STATES } from "../../../src/workflows/engagements/domain/billing";
import { ENGAGEMENT_STATES } from "../../../src/workflows/engagements/domain/engagements";

describe("state enums", () => {
  it.each([
    ["EngagementState", ENGAGEMENT_STATES, EngagementState],
    ["BillingEntryState", BILLING_ENTRY_STATES, BillingEntryState],
    ["OutboxState", OUTBOX_STATES, OutboxState],
  ])("%s lists the states the code knows", (_name, known, stored) => {
    expect(Object.values(stored)).toEqual([...known]);
  });
});
