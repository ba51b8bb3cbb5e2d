import { describe, expect, it } from 'vitest';
import { applyEdits, type TextEdit } from '../core/edit.ts';
import {
  LEADING_COMMIT_MAX_MS,
  QUICK_COMMIT_MS,
  QUICK_TEXT_CHARS,
  SLOW_COMMIT_MS,
  TYPING_PAUSE_MS,
  syncModelWithStore,
  type ContentChange,
  type Timers,
} from './model-sync.ts';
import { createProfileStore } from './profile-store.ts';
import { minimalEdit } from '../core/text-edits.ts';

/** A text model as far as the sync needs one, with an undo stack of whole steps. */
class FakeModel {
  value: string;
  steps: string[] = [];
  pushes = 0;
  private listeners = new Set<(change: ContentChange) => void>();

  constructor(value: string) {
    this.value = value;
  }

  getValue() {
    return this.value;
  }

  getValueLength() {
    return this.value.length;
  }

  onDidChangeContent(listener: (change: ContentChange) => void) {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  pushEdits(edits: readonly TextEdit[]) {
    this.pushes += 1;
    this.steps.push(this.value);
    this.change(applyEdits(this.value, edits), {});
  }

  /** Someone typing. */
  type(text: string) {
    this.steps.push(this.value);
    this.change(this.value + text, {});
  }

  undo() {
    this.change(this.steps.pop()!, { isUndoing: true });
  }

  private change(value: string, flags: Partial<ContentChange>) {
    this.value = value;
    const change = { isUndoing: false, isRedoing: false, isFlush: false, ...flags };
    for (const listener of [...this.listeners]) listener(change);
  }
}

/** Timers the test moves by hand. */
class FakeTimers implements Timers {
  clock = 0;
  private pending = new Map<number, { at: number; callback: () => void }>();
  private microtasks: (() => void)[] = [];
  private next = 1;

  queueMicrotask(callback: () => void) {
    this.microtasks.push(callback);
  }

  /** Ends the current task: its microtasks run. */
  endTask() {
    while (this.microtasks.length > 0) this.microtasks.shift()!();
  }

  setTimeout(callback: () => void, ms: number) {
    const id = this.next++;
    this.pending.set(id, { at: this.clock + ms, callback });
    return id;
  }

  clearTimeout(id: unknown) {
    this.pending.delete(id as number);
  }

  now() {
    return this.clock;
  }

  advance(ms: number) {
    this.endTask();
    this.clock += ms;
    for (const [id, timer] of [...this.pending]) {
      if (timer.at <= this.clock) {
        this.pending.delete(id);
        timer.callback();
      }
    }
  }
}

const VALID = '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": []}';

function setUp(text = VALID) {
  const store = createProfileStore(text);
  const model = new FakeModel(text);
  const timers = new FakeTimers();
  const sync = syncModelWithStore(store, model, { timers });
  let notified = 0;
  // How long each commit takes (the store's parse): the clock moves on while it runs.
  let commitCost = 0;
  store.subscribe(() => {
    notified += 1;
    timers.clock += commitCost;
  });
  const setCommitCost = (ms: number) => (commitCost = ms);
  return { store, model, timers, sync, notified: () => notified, setCommitCost };
}

describe('the store and the editor’s model', () => {
  it('typing reaches the store right after each keystroke; keystrokes together, once', () => {
    const { store, model, timers, notified } = setUp();
    model.type(' ');
    expect(store.getText()).toBe(VALID);
    timers.advance(0);
    expect(store.getText()).toBe(`${VALID} `);
    expect(notified()).toBe(1);
    model.type(' ');
    model.type(' ');
    timers.advance(0);
    expect(store.getText()).toBe(`${VALID}   `);
    expect(notified()).toBe(2);
  });

  it('quick commits land as the keystroke’s task ends (the table changes in the editor’s frame); middling ones after a timer', () => {
    const { store, model, timers, notified, setCommitCost } = setUp();
    model.type(' ');
    timers.endTask();
    expect(store.getText()).toBe(`${VALID} `);
    expect(notified()).toBe(1);
    // Commits of 8–50 ms: a 0 ms timer, so keystrokes queued meanwhile are taken together.
    setCommitCost(QUICK_COMMIT_MS + 1);
    for (let i = 0; i < 3; i++) {
      model.type(' ');
      timers.advance(0);
    }
    expect(notified()).toBe(4);
    model.type('a');
    timers.endTask();
    expect(store.getText()).toBe(`${VALID}    `);
    model.type('b');
    timers.endTask();
    timers.advance(0);
    expect(store.getText()).toBe(`${VALID}    ab`);
    expect(notified()).toBe(5);
  });

  it('a slow first commit (code the page runs for the first time) doesn’t put the next keystroke behind a timer; the quickest of the last three decides', () => {
    const { store, model, timers, setCommitCost } = setUp();
    setCommitCost(QUICK_COMMIT_MS * 4);
    model.type('a');
    timers.endTask();
    expect(store.getText()).toBe(`${VALID}a`);
    setCommitCost(1);
    model.type('b');
    timers.endTask();
    expect(store.getText()).toBe(`${VALID}ab`);
    // One slow commit among quick ones keeps the keystrokes in the editor's frame…
    setCommitCost(QUICK_COMMIT_MS * 4);
    model.type('c');
    timers.endTask();
    setCommitCost(1);
    model.type('d');
    timers.endTask();
    expect(store.getText()).toBe(`${VALID}abcd`);
    // …three in a row don't.
    setCommitCost(QUICK_COMMIT_MS * 4);
    for (const key of 'efg') {
      model.type(key);
      timers.endTask();
      timers.advance(0);
    }
    model.type('h');
    timers.endTask();
    expect(store.getText()).toBe(`${VALID}abcdefg`);
    timers.advance(0);
    expect(store.getText()).toBe(`${VALID}abcdefgh`);
  });

  it('a keystroke into a large text waits for the timer, not holding the editor’s echo back, however quick its commits look', () => {
    const { store, model, timers } = setUp(VALID + ' '.repeat(QUICK_TEXT_CHARS));
    for (let i = 0; i < 4; i++) {
      model.type('x');
      timers.endTask();
      expect(store.getText().endsWith('x'.repeat(i + 1))).toBe(false);
      timers.advance(0);
      expect(store.getText().endsWith('x'.repeat(i + 1))).toBe(true);
    }
  });

  it('once a commit is slow (a huge profile), keystrokes that follow another wait for a 150 ms pause', () => {
    const base = VALID + ' '.repeat(QUICK_TEXT_CHARS);
    const { store, model, timers, notified, setCommitCost } = setUp(base);
    // What has reached the store of what was typed (the large text itself left out).
    const typed = () => store.getText().slice(base.length);
    setCommitCost(SLOW_COMMIT_MS + 1);
    model.type('1');
    timers.advance(0);
    expect(notified()).toBe(1);
    model.type('2');
    timers.advance(100);
    model.type('3');
    timers.advance(100);
    expect(typed()).toBe('1');
    timers.advance(50);
    expect(typed()).toBe('123');
    expect(notified()).toBe(2);
    // After a rest, a keystroke on its own is taken at once…
    timers.advance(TYPING_PAUSE_MS);
    model.type('a');
    timers.advance(0);
    expect(typed()).toBe('123a');
    // …and the one right after it waits for the pause.
    model.type('b');
    timers.advance(0);
    expect(typed()).toBe('123a');
    timers.advance(TYPING_PAUSE_MS);
    expect(typed()).toBe('123ab');
    // One quick commit among slow ones (a text parsed before) doesn't end the waiting…
    setCommitCost(0);
    model.type('c');
    timers.advance(0);
    model.type('d');
    timers.advance(0);
    expect(typed()).toBe('123abc');
    timers.advance(TYPING_PAUSE_MS);
    expect(typed()).toBe('123abcd');
    // …two in the last three do: back to every keystroke.
    model.type('e');
    timers.advance(10);
    model.type('f');
    timers.advance(0);
    expect(typed()).toBe('123abcdef');
  });

  it('commits slower than a tenth of a second wait for the pause even after a rest', () => {
    const base = VALID + ' '.repeat(QUICK_TEXT_CHARS);
    const { store, model, timers, setCommitCost } = setUp(base);
    const typed = () => store.getText().slice(base.length);
    setCommitCost(LEADING_COMMIT_MAX_MS);
    model.type('a');
    timers.advance(0);
    timers.advance(TYPING_PAUSE_MS * 4);
    model.type('b');
    timers.advance(0);
    expect(typed()).toBe('a');
    timers.advance(TYPING_PAUSE_MS);
    expect(typed()).toBe('ab');
  });

  it('one slow commit among quick ones (a garbage-collection pause) doesn’t make typing wait', () => {
    const { store, model, timers, setCommitCost } = setUp();
    model.type(' ');
    timers.advance(0);
    model.type(' ');
    timers.advance(0);
    setCommitCost(SLOW_COMMIT_MS * 3);
    model.type(' ');
    timers.advance(0);
    setCommitCost(0);
    model.type(' ');
    timers.advance(0);
    expect(store.getText()).toBe(`${VALID}    `);
  });

  it('the page’s edits made before an editor existed become the first undo step of the model made from the text before them', () => {
    const store = createProfileStore(VALID);
    expect(store.textBeforeEditsWithoutEditor()).toBeUndefined();
    const first = minimalEdit(VALID, VALID.replace('[]', '[{"names": ["mount"]}]'));
    store.applyEdits([first]);
    const second = minimalEdit(store.getText(), store.getText().replace('mount', 'umount2'));
    store.applyEdits([second]);
    const edited = store.getText();
    expect(store.textBeforeEditsWithoutEditor()).toBe(VALID);

    // As the editor session does: its model starts from the text before those edits.
    const model = new FakeModel(store.textBeforeEditsWithoutEditor() ?? store.getText());
    syncModelWithStore(store, model, { timers: new FakeTimers() });
    expect(model.value).toBe(edited);
    expect(model.steps).toEqual([VALID]);
    expect(store.textBeforeEditsWithoutEditor()).toBeUndefined();
    model.undo();
    expect(store.getText()).toBe(VALID);
  });

  it('the page’s edits go into the model as one step and reach the store at once', () => {
    const { store, model } = setUp();
    const edit = minimalEdit(VALID, VALID.replace('[]', '[{"names": ["mount"]}]'));
    store.applyEdits([edit]);
    expect(model.pushes).toBe(1);
    expect(model.value).toBe(applyEdits(VALID, [edit]));
    expect(store.getText()).toBe(model.value);
    // Undo in the editor puts the text back, and the store follows at once.
    model.undo();
    expect(store.getText()).toBe(VALID);
  });

  it('a whole new text (reset, the notice’s undo) is one minimal edit of the model', () => {
    const { store, model } = setUp();
    store.setText('{}');
    expect(model.pushes).toBe(1);
    expect(model.value).toBe('{}');
    expect(store.getText()).toBe('{}');
    store.setText('{}');
    expect(model.pushes).toBe(1);
  });

  it('typing still waiting for its pause is brought in before an edit', () => {
    const { store, model, timers } = setUp();
    model.type('\n');
    expect(store.getText()).toBe(VALID);
    store.flush();
    expect(store.getText()).toBe(`${VALID}\n`);
    store.setText(VALID);
    expect(model.value).toBe(VALID);
    timers.advance(1000);
    expect(store.getText()).toBe(VALID);
  });

  it('keeps the last valid text while the text does not parse', () => {
    const { store, model, timers } = setUp();
    model.type(',');
    timers.advance(0);
    const snapshot = store.getSnapshot();
    expect(snapshot.text).toBe(`${VALID},`);
    expect(snapshot.parsed.syntaxError).toMatchObject({ line: 1 });
    expect(snapshot.lastValid.text).toBe(VALID);
    model.undo();
    expect(store.getSnapshot().lastValid.text).toBe(VALID);
    expect(store.getSnapshot().parsed.syntaxError).toBeUndefined();
  });

  it('gives the model the store’s text when they differ at binding, and lets go when disposed', () => {
    const store = createProfileStore(VALID);
    const model = new FakeModel('{}');
    const sync = syncModelWithStore(store, model, { timers: new FakeTimers() });
    expect(model.value).toBe(VALID);
    sync.dispose();
    store.setText('{}');
    expect(model.value).toBe(VALID);
    expect(store.getText()).toBe('{}');
  });
});
