// The open vouchers in the order a partner should look at them: the unredeemed ones expiring
// first (days left counted on the organisation's calendar), then those waiting on the invoice
// or the vendor's payment, oldest wait first. An unredeemed voucher past its expiry is lost:
// it leaves the list (it can still be viewed) and no longer reminds anyone.
import { daysBetween, hasLapsed, today } from "./calendar-days";
import { voucherDeadlines } from "./deadlines";
import { type Voucher, isOpen, isUnredeemed } from "./voucher";

/** Days left to use the voucher: 0 on its last valid day, negative once expired. */
export function daysUntilExpiry(voucher: Pick<Voucher, "expiresOn">, timeZone: string, now: Date): number {
  return daysBetween(today(timeZone, now), voucher.expiresOn);
}

/** An unredeemed voucher past its expiry: money lost. */
export function isLost(voucher: Voucher, timeZone: string, now: Date): boolean {
  return isUnredeemed(voucher) && hasLapsed(voucher.expiresOn, timeZone, now);
}

/** Unredeemed vouchers still usable that expire within `days` days (0: today), soonest first: "which vouchers expire soon?". */
export function vouchersExpiringWithin<V extends Voucher>(vouchers: readonly V[], days: number, timeZone: string, now: Date): V[] {
  return openVouchersByUrgency(vouchers, timeZone, now).filter((voucher) => isUnredeemed(voucher) && daysUntilExpiry(voucher, timeZone, now) <= days);
}

export function openVouchersByUrgency<V extends Voucher>(vouchers: readonly V[], timeZone: string, now: Date): V[] {
  const ranked = vouchers
    .filter((voucher) => isOpen(voucher) && !isLost(voucher, timeZone, now))
    .map((voucher) => ({ voucher, ...urgency(voucher, timeZone) }));
  ranked.sort((a, b) => Number(b.unredeemed) - Number(a.unredeemed) || a.dueAt - b.dueAt || a.voucher.reference.localeCompare(b.voucher.reference));
  return ranked.map((entry) => entry.voucher);
}

// Unredeemed: its expiry. Redeemed or invoiced: the end of the wait for the next step.
function urgency(voucher: Voucher, timeZone: string): { unredeemed: boolean; dueAt: number } {
  const unredeemed = isUnredeemed(voucher);
  const deadline = voucherDeadlines(voucher, timeZone).find((candidate) => (candidate.kind === "expiring") === unredeemed);
  return { unredeemed, dueAt: deadline?.dueAt.getTime() ?? Number.POSITIVE_INFINITY };
}
