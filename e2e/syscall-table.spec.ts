import { dockerDefaultProfileText } from '../src/core/docker-default.ts';
import { isAllowed, isBlocked } from '../src/core/outcome.ts';
import { expect, test } from './fixtures.ts';
import { profileText, row, search, toggle, verdictOf } from './helpers.ts';

test('searching "ptrace" puts ptrace first, with Docker’s reason and CAP_SYS_PTRACE', async ({
  page,
}) => {
  await page.goto('/');
  await search(page, 'ptrace');
  const first = page.getByRole('row').nth(1);
  await expect(first.getByRole('switch')).toHaveAccessibleName('Allow ptrace');
  const ptrace = row(page, 'ptrace');
  await expect(ptrace).toContainText('CAP_SYS_PTRACE');
  await expect(ptrace.getByRole('cell').nth(3)).toContainText(/\w{10,}/);
  await expect(ptrace).toContainText('Allowed');
  await expect(row(page, 'kcmp')).toContainText('Allowed with CAP_SYS_PTRACE');
  await expect(page.getByRole('status').filter({ hasText: /syscalls$/ })).toHaveText(
    /^\d+ of 508 syscalls$/,
  );
});

test('a new search starts at the top of the table, however far it was scrolled', async ({
  page,
}) => {
  await page.goto('/');
  const scroller = page.locator('.table-scroll');
  await scroller.hover();
  await page.mouse.wheel(0, 6000);
  await expect(row(page, 'accept')).toHaveCount(0);
  await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  await search(page, 'a');
  await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBe(0);
  await expect(page.getByRole('row').nth(1)).toBeInViewport();
});

test('search finds what a person means', async ({ page }) => {
  await page.goto('/');
  for (const [query, expected] of [
    ['keyring', 'keyctl'],
    ['namespace', 'unshare'],
    ['CAP_SYS_ADMIN', 'mount'],
    // Only keyctl's threat (in the catalog's notes, fetched after the table) says it.
    ['kerberos', 'keyctl'],
  ] as const) {
    await search(page, query);
    await expect(row(page, expected)).toBeVisible();
  }
});

test('a page opened on a search shows its whole results at once, threats included', async ({
  page,
}) => {
  // Only bpf's threat has the word: the page waits for the notes before its first render.
  await page.goto('/?q=verifier');
  await expect(row(page, 'bpf')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /syscalls$/ })).toHaveText(
    '1 of 508 syscalls',
  );
});

test('until the details and the notes have arrived, what wants them waits for them', async ({
  page,
}) => {
  // Hold the chunks fetched after the first paint until the table has been used.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    /\/assets\/(search-index|syscall-notes|SyscallDetailsDrawer)-[^/]*\.js$/,
    async (route) => {
      await held;
      await route.continue();
    },
  );
  await page.goto('/');
  await expect(row(page, 'accept')).toBeVisible();
  // A search for a word only a threat has: the table stays unsearched rather than show no match.
  await search(page, 'verifier');
  await expect(page.getByRole('status').filter({ hasText: /syscalls$/ })).toHaveText(
    '508 of 508 syscalls',
  );
  await expect(page.getByText(/No syscall matches/)).toHaveCount(0);
  // A row opened meanwhile opens once its panel is there.
  await row(page, 'acct').getByRole('cell').nth(1).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  release();
  const details = page.getByRole('dialog', { name: 'acct' });
  await expect(details).toContainText('Threat: Turn off or redirect process accounting');
  await expect(details).toContainText('Listed among the significant blocked syscalls');
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /syscalls$/ })).toHaveText(
    '1 of 508 syscalls',
  );
  await expect(row(page, 'bpf')).toBeVisible();
});

test('flipping "Allow mount" allows it in the profile text', async ({ page }) => {
  await page.goto('/');
  await search(page, 'mount');
  const mount = row(page, 'mount');
  await expect(mount).toContainText('Blocked (EPERM)');
  await expect(mount).toContainText('Allowed with CAP_SYS_ADMIN');
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'false');
  expect(isBlocked(verdictOf(await profileText(page), 'mount'))).toBe(true);

  await toggle(page, 'mount').click();

  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'true');
  await expect(mount.getByRole('cell').nth(2)).toHaveText(/^Allowed\s*changed/);
  await expect(
    page.getByText('Allowed mount: Adds mount to rule 1 (SCMP_ACT_ALLOW).'),
  ).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Changed 1$/ })).toBeVisible();
  await expect(page.getByText('1 syscall differs from Docker’s default')).toBeVisible();
  const text = await profileText(page);
  expect(isAllowed(verdictOf(text, 'mount'))).toBe(true);
  expect(isBlocked(verdictOf(text, 'umount2'))).toBe(true);

  // And back: blocking it again gives Docker's default back, byte for byte.
  await toggle(page, 'mount').click();
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByText('Docker’s default profile', { exact: true })).toBeVisible();
  expect(isBlocked(verdictOf(await profileText(page), 'mount'))).toBe(true);
});

test('a conditional row says what its switch will do before it does it', async ({ page }) => {
  await page.goto('/');
  await search(page, 'socket');
  await expect(row(page, 'socket')).toContainText('Conditional: only some address families');
  await expect(toggle(page, 'socket')).toHaveAccessibleDescription(
    /Switching on allows every call of socket: adds socket to rule 1/,
  );
});

test('a switch flipped before the edit engine has arrived flips once it has', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/(edit|toggle)-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/?q=socket');
  // Meanwhile the conditional switch says plainly what it is, and a flip waits.
  await expect(toggle(page, 'socket')).toHaveAttribute(
    'title',
    'Blocked: switch on to allow socket',
  );
  await toggle(page, 'socket').click();
  await expect(toggle(page, 'socket')).toHaveAttribute('aria-checked', 'false');

  release();
  await expect(toggle(page, 'socket')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText(/^Allowed socket: /)).toBeVisible();
  await expect(row(page, 'socket')).toContainText('Allowed');
  expect(isAllowed(verdictOf(await profileText(page), 'socket'))).toBe(true);
});

test('adding CAP_SYS_ADMIN to the context allows mount', async ({ page }) => {
  await page.goto('/?q=mount');
  await expect(row(page, 'mount')).toContainText('Blocked (EPERM)');
  await page.getByRole('button', { name: /^Capabilities/ }).click();
  await page.getByRole('checkbox', { name: /^CAP_SYS_ADMIN\b/ }).check();
  await expect(row(page, 'mount')).toContainText('Allowed');
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'true');
  await expect(page).toHaveURL(/[?&]cap-add=CAP_SYS_ADMIN(&|$)/);
  await expect(page.getByText('docker run --cap-add SYS_ADMIN')).toBeVisible();
  // What each capability grants comes with the panel (fetched after the table).
  const panel = page.getByRole('group', { name: 'Container capabilities' });
  await expect(panel).toContainText('Change the owner and group of any file');
  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: /^Capabilities/ })).toBeFocused();
  // The profile itself didn't change: only the context did.
  expect(isBlocked(verdictOf(await profileText(page), 'mount'))).toBe(true);
  expect(isAllowed(verdictOf(await profileText(page), 'mount', ['CAP_SYS_ADMIN']))).toBe(true);
});

test('filters and search come from the URL, and back restores the previous view', async ({
  page,
}) => {
  await page.goto('/?q=time&status=blocked');
  await expect(page.getByRole('searchbox', { name: 'Search syscalls' })).toHaveValue('time');
  await expect(page.getByRole('radio', { name: /^Blocked/ })).toBeChecked();
  await expect(row(page, 'settimeofday')).toBeVisible();
  await expect(row(page, 'time')).toHaveCount(0);

  await page.getByRole('radio', { name: /^All \d/ }).check();
  await expect(page).toHaveURL(/\?q=time$/);
  await expect(row(page, 'time')).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\?q=time&status=blocked$/);
  await expect(page.getByRole('radio', { name: /^Blocked/ })).toBeChecked();
  await expect(row(page, 'time')).toHaveCount(0);

  await page.goto('/?cat=namespaces-mounts&cap=CAP_SYS_ADMIN&arch=arm64&kernel=4.4');
  await expect(page.getByRole('combobox', { name: 'Category' })).toHaveValue('namespaces-mounts');
  await expect(page.getByRole('combobox', { name: 'Capability' })).toHaveValue('CAP_SYS_ADMIN');
  await expect(page.getByRole('combobox', { name: 'Architecture' })).toHaveValue('arm64');
  await expect(page.getByRole('combobox', { name: 'Kernel' })).toHaveValue('4.4');
  await expect(row(page, 'unshare')).toBeVisible();
  await expect(row(page, 'reboot')).toHaveCount(0);
});

test('typing a search is one history step', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search syscalls' });
  await box.pressSequentially('clone', { delay: 30 });
  await expect(page).toHaveURL(/\?q=clone$/);
  await box.blur();
  await page.getByRole('combobox', { name: 'Capability' }).selectOption('CAP_SYS_ADMIN');
  await expect(page).toHaveURL(/\?q=clone&cap=CAP_SYS_ADMIN$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?q=clone$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(box).toHaveValue('');
});

test('keyboard: / to search, arrows between rows, Space flips, Enter opens, Esc returns', async ({
  page,
}) => {
  await page.goto('/');
  await page.locator('body').press('/');
  await expect(page.getByRole('searchbox', { name: 'Search syscalls' })).toBeFocused();
  await page.keyboard.type('mount');
  await expect(page).toHaveURL(/\?q=mount$/);

  await row(page, 'mount').focus();
  await page.keyboard.press('ArrowDown');
  const second = page.getByRole('row').nth(2);
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(row(page, 'mount')).toBeFocused();

  await page.keyboard.press('Space');
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'true');
  await expect(row(page, 'mount')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(toggle(page, 'mount')).toHaveAttribute('aria-checked', 'false');

  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: 'mount' });
  await expect(details).toBeVisible();
  await expect(details).toContainText('Allowed with CAP_SYS_ADMIN');
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(row(page, 'mount')).toBeFocused();

  // Sorting by status from the keyboard.
  await page.getByRole('button', { name: 'Status' }).click();
  await expect(page.getByRole('columnheader', { name: 'Status' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
});

test('flipping a row out of the status filter keeps the keyboard in place', async ({ page }) => {
  await page.goto('/?q=mount&status=blocked');
  await row(page, 'mount').focus();
  await page.keyboard.press('Space');
  await expect(row(page, 'mount')).toHaveCount(0);
  await expect(row(page, 'mount_setattr')).toBeFocused();
  await expect(
    page.getByText('Allowed mount: Adds mount to rule 1 (SCMP_ACT_ALLOW).'),
  ).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'mount')).toBeVisible();
});

test('details explain the verdict, decode the arguments and link the manual', async ({ page }) => {
  await page.goto('/?q=socket');
  await row(page, 'socket').getByRole('cell').nth(1).click();
  const details = page.getByRole('dialog', { name: 'socket' });
  await expect(details).toContainText('address family below AF_ALG (38)');
  await expect(details).toContainText('arg0 < 38');
  await expect(details).toContainText(/line \d+/);
  await expect(details.getByRole('link', { name: /Manual page/ })).toHaveAttribute(
    'href',
    'https://man7.org/linux/man-pages/man2/socket.2.html',
  );
  await expect(details.getByRole('term').filter({ hasText: 'aarch64' })).toBeVisible();
  // From the catalog's notes, fetched after the table.
  await expect(details).toContainText('Threat: Exploit crypto-API bugs');
  await expect(details).toContainText('Docker’s documentation: Docs say only AF_UNIX');
});

test('a conditional syscall switched on and off is conditional again; its details block every call', async ({
  page,
}) => {
  await page.goto('/?q=clone');
  const clone = row(page, 'clone');
  await expect(clone).toContainText('Conditional');
  await toggle(page, 'clone').click();
  await expect(clone).toContainText('Allowed');
  // Its details say what switching it off does: not a block, its conditions again.
  await clone.getByRole('cell').nth(1).click();
  const allowedDetails = page.getByRole('dialog', { name: 'clone' });
  await expect(
    allowedDetails.getByRole('button', { name: 'Stop allowing every call of clone' }),
  ).toBeVisible();
  await expect(allowedDetails).toContainText(
    /Removes clone from rule 1, so only rules? [\d, ]+ still allows? or refuses? it/,
  );
  await page.keyboard.press('Escape');
  await expect(allowedDetails).toHaveCount(0);
  await toggle(page, 'clone').click();
  await expect(toggle(page, 'clone')).toHaveAttribute('aria-checked', 'false');
  await expect(clone).toContainText('Conditional');
  await expect(
    page.getByText(/^clone is no longer allowed for every call: Removes clone from rule 1/),
  ).toBeVisible();
  // Back to Docker's default, byte for byte: the conditions the profile had are kept.
  expect(await profileText(page)).toBe(dockerDefaultProfileText());

  await clone.getByRole('cell').nth(1).click();
  const details = page.getByRole('dialog', { name: 'clone' });
  const blockAll = details.getByRole('button', { name: 'Block every call of clone' });
  await expect(details).toContainText(/Removes clone from rule \d+/);
  await blockAll.click();
  await expect(clone).toContainText('Blocked (EPERM)');
  await expect(page.getByText(/^Blocked every call of clone: /)).toBeVisible();
  // A blocked row has nothing left to block.
  await expect(blockAll).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  expect(isBlocked(verdictOf(await profileText(page), 'clone'))).toBe(true);
});

test('details give the kernel from which Docker’s default allows a syscall', async ({ page }) => {
  await page.goto('/?q=ptrace');
  await row(page, 'ptrace').getByRole('cell').nth(1).click();
  const details = page.getByRole('dialog', { name: 'ptrace' });
  await expect(details.getByRole('definition').filter({ hasText: /^4\.8$/ })).toBeVisible();
  await expect(details).toContainText('Threat: Inspect or hijack processes');
});
