// The voucher deadlines in the platform's registry, so they show in the digest, "what needs
// me?" and "anything due?": a voucher not redeemed 30, 14, 7 and 1 days before it expires; a
// step waiting too long (redeem 7 days after delivery, invoice 7 days after redemption, the
// vendor's payment 30 days after the invoice); the enrolment's anniversary 60, 30 and 7 days
// before and once lapsed; a competency or exam lapsing while a voucher needing it is reserved.
// Only admins act on vouchers, so only they hear; each reminder is sent once per threshold.
import type { DeadlineSource, DueItem, ReminderFix } from "../../../platform/reminders/due-item";
import type { Organisation } from "../../../platform/store/organisations";
import type { DbTx } from "../../../platform/store/db";
import { type VoucherDeadline, dueReminder, enrolmentDeadline, qualificationDeadlines, voucherDeadlines } from "../domain/deadlines";
import { VOUCHER_PERMISSIONS } from "../domain/permissions";
import { isLost } from "../domain/urgency";
import { listConsultants, listEngagementTypes, loadStanding } from "../store/standing";
import { listOpenVouchers } from "../store/vouchers";

export const VOUCHER_EXPIRING_KIND = "voucher.expiring";
export const VOUCHER_WAITING_KIND = "voucher.waiting";
export const VOUCHER_ENROLMENT_KIND = "voucher.enrolment";
export const VOUCHER_QUALIFICATION_KIND = "voucher.qualification";

const recipients = { roles: VOUCHER_PERMISSIONS.rolesWith("voucher.manage") };

function item(kind: string, deadline: VoucherDeadline, now: Date, fix: ReminderFix): DueItem | undefined {
  const reminder = dueReminder(deadline, now);
  if (!reminder) return undefined;
  const facts: Record<string, string | number> = { subject: deadline.subject, what: deadline.kind, daysBefore: reminder.daysBefore };
  const dates: Record<string, Date> = {};
  for (const [name, value] of Object.entries(deadline.facts)) {
    if (value instanceof Date) dates[name] = value;
    else facts[name] = value;
  }
  return {
    kind,
    deadlineKey: `${deadline.kind}:${deadline.voucherId ?? deadline.subject}`,
    threshold: reminder.daysBefore === 0 ? "due" : `${reminder.daysBefore}d`,
    deadlineAt: deadline.dueAt,
    recipients,
    facts,
    dates,
    fix,
  };
}

function openFix(deadline: VoucherDeadline): ReminderFix {
  return { verb: "voucher.open", data: { voucherId: deadline.voucherId ?? "" }, titleKey: "voucher.fix.open" };
}

async function voucherItems(db: DbTx, organisation: Organisation, now: Date, kind: "expiring" | "waiting"): Promise<DueItem[]> {
  const vouchers = await listOpenVouchers(db, organisation.id);
  const items: DueItem[] = [];
  for (const voucher of vouchers) {
    if (isLost(voucher, organisation.timeZone, now)) continue;
    for (const deadline of voucherDeadlines(voucher, organisation.timeZone)) {
      if ((deadline.kind === "expiring") !== (kind === "expiring")) continue;
      const due = item(kind === "expiring" ? VOUCHER_EXPIRING_KIND : VOUCHER_WAITING_KIND, deadline, now, openFix(deadline));
      if (due) items.push(due);
    }
  }
  return items;
}

export const voucherExpiringSource: DeadlineSource = {
  kind: VOUCHER_EXPIRING_KIND,
  due: (db, organisation, now) => voucherItems(db, organisation, now, "expiring"),
};

export const voucherWaitingSource: DeadlineSource = {
  kind: VOUCHER_WAITING_KIND,
  due: (db, organisation, now) => voucherItems(db, organisation, now, "waiting"),
};

export const voucherEnrolmentSource: DeadlineSource = {
  kind: VOUCHER_ENROLMENT_KIND,
  async due(db, organisation, now) {
    const standing = await loadStanding(db, organisation.id);
    return standing.enrolments
      .map((enrolment) =>
        item(VOUCHER_ENROLMENT_KIND, enrolmentDeadline(enrolment, organisation.timeZone), now, {
          verb: "voucher.standing",
          data: {},
          titleKey: "voucher.fix.standing",
        }),
      )
      .filter((due): due is DueItem => due !== undefined);
  },
};

export const voucherQualificationSource: DeadlineSource = {
  kind: VOUCHER_QUALIFICATION_KIND,
  async due(db, organisation, now) {
    const [vouchers, engagementTypes, standing, consultants] = await Promise.all([
      listOpenVouchers(db, organisation.id),
      listEngagementTypes(db, organisation.id),
      loadStanding(db, organisation.id),
      listConsultants(db, organisation.id),
    ]);
    const context = { timeZone: organisation.timeZone, engagementTypes, standing, consultants };
    return vouchers
      .flatMap((voucher) => qualificationDeadlines(voucher, context))
      .map((deadline) => item(VOUCHER_QUALIFICATION_KIND, deadline, now, openFix(deadline)))
      .filter((due): due is DueItem => due !== undefined);
  },
};

export const VOUCHER_DEADLINES: readonly DeadlineSource[] = [voucherExpiringSource, voucherWaitingSource, voucherEnrolmentSource, voucherQualificationSource];
