import { describe, expect, it } from 'vitest';
import {
  AUTOSAVE_DELAY_MS,
  LARGE_AUTOSAVE_CHARS,
  LARGE_AUTOSAVE_DELAY_MS,
  scheduleAutosave,
  type AutosaveHost,
} from './autosave.ts';

/** Timers run by hand, and a page that can be left. */
class FakeHost implements AutosaveHost {
  timers = new Map<number, { at: number; callback: () => void }>();
  leaveListeners = new Set<() => void>();
  now = 0;
  private nextId = 1;

  setTimeout(callback: () => void, ms: number) {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + ms, callback });
    return id;
  }
  clearTimeout(id: unknown) {
    this.timers.delete(id as number);
  }
  onLeave(callback: () => void) {
    this.leaveListeners.add(callback);
    return () => this.leaveListeners.delete(callback);
  }
  advance(ms: number) {
    this.now += ms;
    for (const [id, timer] of [...this.timers]) {
      if (timer.at <= this.now) {
        this.timers.delete(id);
        timer.callback();
      }
    }
  }
  leave() {
    for (const listener of [...this.leaveListeners]) listener();
  }
}

describe('autosave', () => {
  it('saves a text once it has rested: longer for a large one', () => {
    for (const [length, delay] of [
      [13_000, AUTOSAVE_DELAY_MS],
      [LARGE_AUTOSAVE_CHARS + 1, LARGE_AUTOSAVE_DELAY_MS],
    ]) {
      const host = new FakeHost();
      let saves = 0;
      scheduleAutosave(length!, () => (saves += 1), host);
      host.advance(delay! - 1);
      expect(saves).toBe(0);
      host.advance(1);
      expect(saves).toBe(1);
      // Done with the page once saved: leaving later saves nothing more.
      host.leave();
      expect(saves).toBe(1);
      expect(host.leaveListeners.size).toBe(0);
    }
  });

  it('saves at once when the page is hidden or left before the text has rested, and once only', () => {
    const host = new FakeHost();
    let saves = 0;
    scheduleAutosave(LARGE_AUTOSAVE_CHARS * 4, () => (saves += 1), host);
    host.advance(100);
    host.leave();
    expect(saves).toBe(1);
    expect(host.timers.size).toBe(0);
    host.advance(LARGE_AUTOSAVE_DELAY_MS);
    host.leave();
    expect(saves).toBe(1);
  });

  it('saves nothing once cancelled (the text changed again)', () => {
    const host = new FakeHost();
    let saves = 0;
    const cancel = scheduleAutosave(10, () => (saves += 1), host);
    cancel();
    host.leave();
    host.advance(LARGE_AUTOSAVE_DELAY_MS);
    expect(saves).toBe(0);
    expect(host.timers.size).toBe(0);
    expect(host.leaveListeners.size).toBe(0);
  });
});
