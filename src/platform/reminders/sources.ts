// Every workflow's deadlines, in one list. A workflow adds its reminders with a file in this
// folder and one line here; the scheduler, planner and deliverer do not change.
import type { DeadlineSource } from "./due-item";
import { billingUnratedSource } from "../../workflows/engagements/deadlines/billing-unrated";
import { billingWindowSource } from "../../workflows/engagements/deadlines/billing-window";
import { pendingApprovalSource } from "../../workflows/engagements/deadlines/pending-approval";

export const DEADLINE_SOURCES: readonly DeadlineSource[] = [pendingApprovalSource, billingWindowSource, billingUnratedSource];

export function reminderKinds(sources: readonly DeadlineSource[] = DEADLINE_SOURCES): string[] {
  return sources.map((source) => source.kind);
}
