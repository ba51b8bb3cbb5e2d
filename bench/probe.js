/**
 * The bench's in-page probe, injected before any page script runs (Playwright addInitScript).
 * Everything is timed inside the page with performance.now() (milliseconds since navigation
 * start), so the CDP round trips between Node and the browser never enter a figure.
 *
 * "Painted" means: the DOM satisfies a condition (checked on every DOM mutation and at the
 * start of every frame), then the frame that renders it has run (requestAnimationFrame), then
 * a task posted from that frame runs, which Chromium schedules after the frame's style, layout
 * and paint. That is the moment the user can see the change (minus compositor latency).
 *
 * Start times are the triggering event's `timeStamp` (captured on window, capture phase).
 */
(() => {
  if (window.__bench) return;
  const bench = {};
  window.__bench = bench;

  /** The last timeStamp of each input event type, and the count seen. */
  bench.last = {};
  for (const type of ['keydown', 'keyup', 'input', 'pointerdown', 'mousedown', 'click']) {
    addEventListener(
      type,
      (event) => {
        bench.last[type] = event.timeStamp;
      },
      { capture: true },
    );
  }

  let inFrame = false;

  /** Resolves with performance.now() once the current or next frame has been rendered. */
  bench.afterPaint = () =>
    new Promise((resolve) => {
      const post = () => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      };
      if (inFrame) post();
      else requestAnimationFrame(post);
    });

  const waiters = new Set();

  /**
   * Resolves with { cond, paint } (performance.now() when the condition first held, and when
   * the frame showing it was rendered), or rejects after `timeout` ms.
   */
  bench.when = (condition, timeout = 30_000) =>
    new Promise((resolve, reject) => {
      let done = false;
      let frame = 0;
      const finish = () => {
        done = true;
        observer.disconnect();
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        waiters.delete(cancel);
      };
      const check = () => {
        if (done) return;
        let ok;
        try {
          ok = condition();
        } catch {
          ok = false;
        }
        if (!ok) return;
        const cond = performance.now();
        finish();
        bench.afterPaint().then((paint) => resolve({ cond, paint }));
      };
      const cancel = () => {
        if (done) return;
        finish();
        reject(new Error('cancelled'));
      };
      const observer = new MutationObserver(check);
      observer.observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      const loop = () => {
        inFrame = true;
        try {
          check();
        } finally {
          inFrame = false;
        }
        if (!done) frame = requestAnimationFrame(loop);
      };
      const timer = setTimeout(() => {
        if (done) return;
        finish();
        reject(new Error(`timed out after ${timeout} ms`));
      }, timeout);
      waiters.add(cancel);
      check();
      if (!done) frame = requestAnimationFrame(loop);
    });

  /** Stops every pending wait (their promises reject with "cancelled"). */
  bench.cancelAll = () => {
    for (const cancel of [...waiters]) cancel();
  };

  /**
   * Resolves true once no DOM mutation has happened for `quietMs` (false if that never happens
   * within `maxMs`).
   */
  bench.quiet = (quietMs = 300, maxMs = 10_000) =>
    new Promise((resolve) => {
      const start = performance.now();
      let last = start;
      // Monaco's blinking cursor mutates its layer every half second; that is not activity.
      const blinking = (node) => {
        const element = node.nodeType === 1 ? node : node.parentElement;
        return element?.closest('.cursors-layer') != null;
      };
      const observer = new MutationObserver((records) => {
        if (records.some((record) => !blinking(record.target))) last = performance.now();
      });
      observer.observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      const tick = () => {
        const now = performance.now();
        if (now - last >= quietMs || now - start >= maxMs) {
          observer.disconnect();
          resolve(now - last >= quietMs);
        } else {
          setTimeout(tick, Math.min(50, quietMs));
        }
      };
      setTimeout(tick, Math.min(50, quietMs));
    });

  // ---- Accessibility-ish helpers (what getByRole/getByLabel would match, simply) ----

  const accName = (element) => {
    const label = element.getAttribute('aria-label');
    if (label) return label.trim();
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      return labelledBy
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    }
    if (element.labels && element.labels.length > 0) return element.labels[0].textContent.trim();
    return (element.getAttribute('title') ?? '').trim();
  };
  bench.accName = accName;

  const visible = (element) => {
    const rect = element.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return false;
    if (rect.bottom <= 0 || rect.right <= 0) return false;
    if (rect.top >= innerHeight || rect.left >= innerWidth) return false;
    return getComputedStyle(element).visibility !== 'hidden';
  };
  bench.visible = visible;

  bench.searchBox = () => {
    for (const element of document.querySelectorAll(
      'input, textarea, [role="searchbox"], [role="textbox"]',
    )) {
      if (accName(element) === 'Search syscalls') return element;
    }
    return undefined;
  };

  /** The element labelled "Profile JSON" (the JSON pane), if any. */
  bench.jsonPane = () => {
    for (const element of document.querySelectorAll('[aria-label="Profile JSON"]')) {
      if (element.tagName !== 'SUMMARY' && element.tagName !== 'BUTTON') return element;
    }
    return undefined;
  };

  /** The JSON pane's Monaco editor, when the pane is one. */
  bench.monaco = () => {
    const pane = bench.jsonPane();
    if (!pane) return undefined;
    return pane.closest('.monaco-editor') ?? pane.querySelector('.monaco-editor') ?? undefined;
  };

  /** The profile text the JSON pane shows (whole text when it can be read, else what is rendered). */
  bench.jsonText = () => {
    const pane = bench.jsonPane();
    if (!pane) return undefined;
    const editor = bench.monaco();
    if (editor) {
      const models = window.monaco?.editor?.getModels?.();
      if (models && models.length > 0) return models[0].getValue();
      return editor.querySelector('.view-lines')?.textContent ?? '';
    }
    if ('value' in pane && typeof pane.value === 'string') return pane.value;
    return pane.textContent ?? '';
  };

  /** Rows (tr or role=row) holding a switch named "Allow …", as [row, switch, syscall]. */
  bench.switchRows = () => {
    const rows = [];
    for (const row of document.querySelectorAll('tr, [role="row"]')) {
      const toggle = row.querySelector('[role="switch"]');
      if (!toggle) continue;
      const name = accName(toggle);
      if (name.startsWith('Allow ')) rows.push([row, toggle, name.slice('Allow '.length)]);
    }
    return rows;
  };

  bench.switchFor = (syscall) => {
    for (const [row, toggle, name] of bench.switchRows()) {
      if (name === syscall) return { row, toggle };
    }
    return undefined;
  };

  /**
   * A function giving the switch for a syscall, which looks through the rows again only when
   * the switch it found has left the page or been given to another syscall. A timed window's
   * condition is checked at every DOM change inside the window, on the page's main thread:
   * reading every row's name each time was the bench's own cost in the figures.
   */
  bench.switchTracker = (syscall) => {
    let found = bench.switchFor(syscall);
    return () => {
      if (
        !found ||
        !found.toggle.isConnected ||
        !found.row.contains(found.toggle) ||
        accName(found.toggle) !== `Allow ${syscall}`
      ) {
        found = bench.switchFor(syscall);
      }
      return found;
    };
  };

  /** The table is usable: a visible row with an "Allow …" switch, and an enabled search box. */
  bench.tableUsable = () => {
    const box = bench.searchBox();
    if (!box || box.disabled || box.readOnly || box.getAttribute('aria-disabled') === 'true') {
      return false;
    }
    if (!visible(box)) return false;
    for (const [row] of bench.switchRows()) if (visible(row)) return true;
    return false;
  };

  /** The Monaco pane is ready: a Monaco editor labelled "Profile JSON" with rendered lines. */
  bench.monacoReady = () => {
    const editor = bench.monaco();
    if (!editor) return false;
    return editor.querySelector('.view-lines .view-line') !== null && visible(editor);
  };

  /** What the filtered table shows: row counts, result counts, first rows. */
  bench.tableSignature = () => {
    const counts = [...document.querySelectorAll('[aria-rowcount]')].map((element) =>
      element.getAttribute('aria-rowcount'),
    );
    const status = [...document.querySelectorAll('[role="status"]')]
      .map((element) => element.textContent.trim())
      .filter((text) => /\d/.test(text));
    const names = bench
      .switchRows()
      .slice(0, 12)
      .map(([, , name]) => name);
    return JSON.stringify([counts, status, names]);
  };

  // ---- Cold-load probes: start at document creation unless the Node side opts out ----
  /**
   * Opens the JSON pane when it sits in a closed <details> (found by the pane inside it, or by
   * a summary reading "Profile JSON"), as a person clicking it would. Says what it did.
   */
  bench.openJsonPane = () => {
    const pane = bench.jsonPane();
    let details = pane?.closest('details');
    if (!details) {
      details = [...document.querySelectorAll('details')].find((element) =>
        element.querySelector(':scope > summary')?.textContent.includes('Profile JSON'),
      );
    }
    if (details && !details.open) {
      details.open = true;
      return 'opened a closed <details>';
    }
    return pane || details ? 'already visible' : 'no JSON pane';
  };

  bench.load = {};
  if (!window.__benchOptions?.noLoadProbe) {
    bench
      .when(bench.tableUsable, 30_000)
      .then((result) => {
        bench.load.usable = result;
        // Only now (the table figure is taken): open the JSON pane, so the editor can load.
        bench.load.jsonPane = bench.openJsonPane();
      })
      .catch((error) => {
        bench.load.usableError = String(error);
      });
    bench
      .when(bench.monacoReady, 60_000)
      .then((result) => {
        bench.load.monaco = result;
      })
      .catch((error) => {
        bench.load.monacoError = String(error);
      });
  }
})();
