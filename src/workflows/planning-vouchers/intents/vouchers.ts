// Questions about vouchers in plain words: validate an ID, where a voucher stands, which expire
// soon, what is left to do on one, when the enrolment must be renewed, and whether the partner
// is eligible for an engagement type. Always within the asker's organisation.
import type { TurnScope } from "../../../platform/bot/turn-scope";
import { bulletList } from "../../../platform/bot/intents/suggestions";
import type { IntentHandler, Reply } from "../../../platform/bot/intents/types";
import type { Recognition } from "../../../platform/conversation/recognizer";
import { openVouchersCard, partnerStandingCard, voucherCardFor } from "../answers";
import { today } from "../domain/calendar-days";
import { partnerEligibility } from "../domain/eligibility";
import { openVouchersByUrgency, vouchersExpiringWithin } from "../domain/urgency";
import { remainingSteps } from "../domain/voucher";
import { listEngagementTypes, loadStanding } from "../store/standing";
import { findVoucherByTypedId, listOpenVouchers } from "../store/vouchers";
import { validateTypedVoucher } from "../validate";
import { voucherListCard } from "../views/lists";
import { eligibilityLines } from "../views/eligibility";

/** "Expiring soon": within the first reminder's reach. */
export const EXPIRING_SOON_DAYS = 30;

/** The voucher named: "VCH-7781", or else the last word typed, which may be the vendor's printed ID. */
function typedVoucher(recognition: Recognition, text: string): string | undefined {
  const reference = recognition.entities.voucherReference;
  if (typeof reference === "string") return reference;
  const words = text.trim().split(/\s+/);
  const last = words.at(-1)?.replace(/[?.!,;:]+$/, "");
  return words.length > 1 && last && /\d/.test(last) ? last : undefined;
}

async function withVoucher(
  scope: TurnScope,
  recognition: Recognition,
  text: string,
  answer: (voucher: NonNullable<Awaited<ReturnType<typeof findVoucherByTypedId>>>) => Promise<Reply>,
) {
  const typed = typedVoucher(recognition, text);
  if (!typed) return { text: scope.t.t("voucher.conversation.missingReference"), suggestions: [scope.t.t("conversation.example.voucher.expiring")] };
  const voucher = await findVoucherByTypedId(scope.services.db, scope.organisation.id, typed);
  if (!voucher) return { text: scope.t.t("voucher.refusal.voucher_unknown", { voucherId: typed }) };
  return answer(voucher);
}

export const voucherIntents: Record<string, IntentHandler> = {
  "voucher.validate": async (scope, recognition, text) => {
    const typed = typedVoucher(recognition, text);
    if (!typed) return { text: scope.t.t("voucher.refusal.voucher_id_invalid", { max: 64 }) };
    return validateTypedVoucher(scope, typed);
  },

  "voucher.status": (scope, recognition, text) => withVoucher(scope, recognition, text, async (voucher) => ({ card: await voucherCardFor(scope, voucher) })),

  "voucher.remaining": (scope, recognition, text) =>
    withVoucher(scope, recognition, text, async (voucher) => {
      const steps = remainingSteps(voucher);
      if (steps.length === 0) return { text: scope.t.t("voucher.conversation.nothingLeft", { reference: voucher.reference }) };
      const lines = steps.map((step) => scope.t.t(`voucher.step.${step}`));
      return { text: `${scope.t.t("voucher.conversation.remaining", { reference: voucher.reference, count: steps.length })}\n\n${bulletList(lines)}` };
    }),

  "voucher.expiring": async (scope) => {
    const timeZone = scope.organisation.timeZone;
    const open = openVouchersByUrgency(await listOpenVouchers(scope.services.db, scope.organisation.id), timeZone, scope.now);
    const soon = vouchersExpiringWithin(open, EXPIRING_SOON_DAYS, timeZone, scope.now);
    const title = scope.t.t("voucher.list.expiringTitle", { count: soon.length, days: EXPIRING_SOON_DAYS });
    if (soon.length === 0) return { card: await openVouchersCard(scope, { title }) };
    return { card: voucherListCard({ t: scope.t, title, vouchers: soon, canManage: false, timeZone, now: scope.now }) };
  },

  "voucher.renewal": async (scope) => ({ card: await partnerStandingCard(scope) }),

  "voucher.eligibility": async (scope, _recognition, text) => {
    const { db } = scope.services;
    const [types, standing] = await Promise.all([listEngagementTypes(db, scope.organisation.id), loadStanding(db, scope.organisation.id)]);
    if (types.length === 0) return { text: scope.t.t("voucher.conversation.noEngagementTypes") };
    const words = text.toLowerCase();
    const named = types.filter(
      (type) =>
        words.includes(type.code.toLowerCase()) ||
        type.name
          .toLowerCase()
          .split(/\s+/)
          .some((word) => word.length > 4 && words.includes(word)),
    );
    const day = today(scope.organisation.timeZone, scope.now);
    const lines = (named.length > 0 ? named : types).flatMap((type) =>
      eligibilityLines(scope.t, partnerEligibility(type, standing, day), type.name).map((line) => line.text),
    );
    return { text: lines.join("\n\n") };
  },
};
