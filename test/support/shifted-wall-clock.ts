// Moves a test worker's wall clock (Date, Date.now()) to another instant while it keeps running
// at real speed, as if the machine's clock had been set to that day. Timers and monotonic
// clocks (setTimeout, performance.now()) stay real, so leases, waits and timeouts behave as
// usual. `npm run test:calendar` uses it (through pinned-clock.ts) to run the suite on chosen
// days; a test that still reads the real date then fails on the day it gets wrong.
//
// Not vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true }): that advances its clock
// by a fixed 20 ms per real 20 ms interval, so on a busy machine the fake time falls behind
// real time and a test measuring one against the other fails for no reason of its own.

export interface WallClockShift {
  /** Puts the real Date back. */
  restore(): void;
}

export function shiftWallClock(startAt: Date): WallClockShift {
  const RealDate = globalThis.Date;
  const offsetMs = startAt.getTime() - RealDate.now();
  const now = () => RealDate.now() + offsetMs;

  // A function, not a subclass: every instance stays a real Date (same prototype), so
  // `instanceof Date` holds for dates made before the shift or by Node itself.
  function ShiftedDate(this: unknown, ...args: unknown[]): Date | string {
    if (new.target === undefined) return new RealDate(now()).toString();
    const dateArgs = (args.length === 0 ? [now()] : args) as ConstructorParameters<DateConstructor>;
    return Reflect.construct(RealDate, dateArgs, new.target) as Date;
  }
  ShiftedDate.prototype = RealDate.prototype;
  Object.defineProperties(ShiftedDate, {
    now: { value: now, writable: true, configurable: true },
    parse: { value: RealDate.parse, writable: true, configurable: true },
    UTC: { value: RealDate.UTC, writable: true, configurable: true },
    name: { value: "Date" },
    length: { value: RealDate.length },
  });
  globalThis.Date = ShiftedDate as unknown as DateConstructor;
  return {
    restore: () => {
      globalThis.Date = RealDate;
    },
  };
}
