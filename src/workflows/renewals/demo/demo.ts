// The renewals part of the demo organisation: a handful of line items of two customers from the
// vendor's 180 day report, ending 20, 75 and 150 days after the demo anchor: one in each list
// window, one already quoted, the Indonesian customer's owned by an approver.
import { zonedMidnight } from "../../../platform/domain/zoned-time";
import type { WorkflowDemo } from "../../../platform/import/demo/demo-context";
import { DEMO_ORGANISATION } from "../../../platform/import/demo/seed-demo";
import { addDays, dayOf, todayIn } from "../domain/calendar-dates";
import type { TRenewalLineItemRecord } from "../domain/line-items";
import { RENEWAL_SECTION } from "../import/line-items";
import { findLineItemByKey } from "../store/line-items";

type DemoLineItem = Omit<TRenewalLineItemRecord, "endDate"> & { daysAhead: number };

const CONTOSO = { siteNumber: "3456789", siteName: "Contoso Jakarta", customerName: "Contoso Ltd" };
const FABRIKAM = { siteNumber: "4567001", siteName: "Fabrikam Bandung", customerName: "PT Fabrikam Indonesia", accountOwner: "Megan Bowen" };

export const DEMO_LINE_ITEMS: readonly DemoLineItem[] = [
  {
    ...CONTOSO,
    agreementNumber: "0000123456",
    lineItem: "001",
    description: "IBM Db2 Standard Edition Annual SW Subscription & Support Renewal",
    amount: "12500.00",
    currency: "USD",
    daysAhead: 20,
  },
  {
    ...CONTOSO,
    agreementNumber: "0000123456",
    lineItem: "002",
    description: "IBM MQ Advanced Annual SW Subscription & Support Renewal",
    amount: "3150.50",
    currency: "USD",
    quoteNumber: "Q-2026-0042",
    daysAhead: 75,
  },
  {
    ...CONTOSO,
    agreementNumber: "0000123457",
    lineItem: "001",
    description: "IBM Cognos Analytics Annual SW Subscription & Support Renewal",
    amount: "48000.00",
    currency: "EUR",
    daysAhead: 150,
  },
  {
    ...FABRIKAM,
    agreementNumber: "0000223344",
    lineItem: "001",
    description: "IBM Maximo Application Suite AppPoints Annual SW Subscription & Support Renewal",
    amount: "250000000",
    currency: "IDR",
    daysAhead: 20,
  },
  {
    ...FABRIKAM,
    agreementNumber: "0000223344",
    lineItem: "002",
    description: "IBM Instana Observability Annual SW Subscription & Support Renewal",
    amount: "18750.00",
    currency: "USD",
    daysAhead: 75,
  },
  {
    ...FABRIKAM,
    agreementNumber: "0000223345",
    lineItem: "001",
    description: "IBM SPSS Statistics Annual SW Subscription & Support Renewal",
    amount: "9900.00",
    currency: "USD",
    daysAhead: 150,
  },
];

const zone = DEMO_ORGANISATION.timeZone;

export const renewalDemo: WorkflowDemo = {
  records: (anchor) => ({
    [RENEWAL_SECTION]: DEMO_LINE_ITEMS.map(({ daysAhead, ...record }) => ({ ...record, endDate: addDays(todayIn(zone, anchor), daysAhead) })),
  }),
  async storedAnchor(db, organisation) {
    const [first] = DEMO_LINE_ITEMS;
    const stored = first && (await findLineItemByKey(db, organisation.id, first.agreementNumber, first.lineItem));
    // Any instant of the anchor's day gives the same end dates: its first one will do.
    return stored && first ? zonedMidnight(dayOf(addDays(stored.endDate, -first.daysAhead)), zone) : undefined;
  },
  steps: [],
};
