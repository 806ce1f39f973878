/** A clock a test moves by hand: `clock.now` goes to the backend, `clock.advance` moves it. */
export function manualClock(start = '2026-11-22T01:00:00.000Z') {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(minutes: number) {
      current += minutes * 60_000;
    },
  };
}
