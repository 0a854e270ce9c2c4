// The site-access words every card shares: privileges, site roles, states, a notice.
import type { Translator } from "../../../platform/i18n/translator";
import type { AccessRequestState } from "../domain/access-requests";
import { ENTITLEMENTS, type Entitlement, SITE_ROLES } from "../domain/entitlements";

export type Notice = { text: string; style: "good" | "attention" | "warning" | "accent" };

export function noticeData(notice: Notice | undefined) {
  return { notice: notice?.text ?? "", noticeStyle: notice?.style ?? "default" };
}

/** "Reporting, Partner Guided Selling": the vendor's names, in the vendor's order. */
export function entitlementWords(t: Translator, entitlements: readonly Entitlement[]): string {
  return entitlements.map((entitlement) => t.t(`siteAccess.entitlement.${entitlement}`)).join(", ");
}

export function entitlementChoices(t: Translator) {
  return ENTITLEMENTS.map((value) => ({ title: t.t(`siteAccess.entitlement.${value}`), value }));
}

export function roleChoices(t: Translator) {
  return SITE_ROLES.map((value) => ({ title: t.t(`siteAccess.siteRole.${value}`), value }));
}

export const STATE_COLOR: Record<AccessRequestState, string> = {
  pending: "Warning",
  awaiting_vendor: "Accent",
  approved: "Good",
  rejected: "Attention",
};
