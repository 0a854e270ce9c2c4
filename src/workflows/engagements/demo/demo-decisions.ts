// Decides the demo engagements that the demo shows as approved or rejected, through the
// domain's decideEngagement and the store's conditional save, so their history is real.
import { decideEngagement } from "../domain/engagements";
import { findEngagementByExternalId, saveTransition } from "../store/engagements";
import { findUser } from "../../../platform/store/organisations";
import type { DemoContext, DemoStepReport } from "../../../platform/import/demo/demo-context";
import { DEMO_ENGAGEMENTS, decidedAtOf } from "./demo-engagements";

export async function seedDemoDecisions(demo: DemoContext): Promise<DemoStepReport> {
  const report: DemoStepReport = { step: "engagement decisions", applied: 0, unchanged: 0 };
  for (const planned of DEMO_ENGAGEMENTS) {
    const decidedAt = decidedAtOf(planned, demo.anchor);
    if (!planned.decision || !decidedAt) continue;
    const engagement = await findEngagementByExternalId(demo.db, demo.organisation.id, planned.externalId);
    if (!engagement) throw new Error(`demo engagement ${planned.externalId} was not imported`);
    // Already decided by an earlier seeding (or by someone trying the demo): leave it be.
    if (engagement.state !== "pending") {
      report.unchanged += 1;
      continue;
    }
    const actor = await findUser(demo.db, demo.organisation.id, planned.decision.byAadObjectId);
    if (!actor) throw new Error(`demo decider ${planned.decision.byAadObjectId} is not a user of the demo organisation`);
    const decision = decideEngagement(engagement, planned.decision.command, actor, decidedAt);
    if (!decision.ok) throw new Error(`demo decision on ${planned.reference} refused: ${decision.refusal.code}`);
    const saved = await saveTransition(demo.db, engagement, decision.value);
    report[saved === "saved" ? "applied" : "unchanged"] += 1;
  }
  return report;
}
