// Eligibility in words: the qualifying competency and enrolment when eligible, every reason when not.
import type { Translator } from "../../../platform/i18n/translator";
import { type PartnerEligibility, ineligibilityFacts } from "../domain/eligibility";
import { dayValue } from "./days";

export function eligibilityLines(t: Translator, eligibility: PartnerEligibility, engagementType: string): { text: string; color: string }[] {
  if (eligibility.eligible) {
    const text = t.t("voucher.eligibility.eligible", {
      engagementType,
      competency: eligibility.competency.name,
      validThrough: dayValue(t, eligibility.competency.validThrough),
      offering: eligibility.enrolment.offering,
      anniversaryOn: dayValue(t, eligibility.enrolment.anniversaryOn),
    });
    return [{ text, color: "Good" }];
  }
  return [
    { text: t.t("voucher.eligibility.notEligible", { engagementType }), color: "Attention" },
    ...eligibility.reasons.map((reason) => ({
      text: `• ${t.t(`voucher.eligibility.reason.${reason.reason}`, ineligibilityFacts(reason, t.timeZone))}`,
      color: "Default",
    })),
  ];
}
