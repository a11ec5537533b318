/**
 * The browser tests need a real Chromium. Playwright's own download is blocked on our
 * machines, so we use the system one: CHROMIUM_PATH, else /usr/bin/chromium. As root with
 * apt we install Debian's package; otherwise we say exactly how to get it and fail.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromiumPath)) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(
      `Chromium was not found at ${chromiumPath}; the end-to-end tests need it.\n` +
        'Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary.',
    );
    process.exit(1);
  }
  console.log("Chromium is missing: installing Debian's chromium package (apt-get)...");
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit' });
  if (!existsSync(chromiumPath)) {
    console.error(`apt-get finished but ${chromiumPath} is still missing.`);
    process.exit(1);
  }
}
console.log(`Using Chromium at ${chromiumPath}`);
