// Finds the three browser engines the suites drive — Chromium, Firefox and WebKit — on Linux, macOS and
// Windows, honouring CHROME_PATH / FIREFOX_PATH / WEBKIT_DRIVER (and MINIBROWSER_PATH), and narrows the
// run to BROWSERS=chromium,firefox. A missing engine throws with the install command for this OS.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
const ALIASES = { chrome: 'chromium', chromium: 'chromium', firefox: 'firefox', ff: 'firefox', webkit: 'webkit', safari: 'webkit', minibrowser: 'webkit' };

const env = process.env;
const programFiles = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
const onWindows = (...tail) => programFiles.map((dir) => join(dir, ...tail));

/** Where each OS puts each engine, most specific first. */
const CANDIDATES = {
  chromium: {
    linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
    darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    win32: [...onWindows('Google', 'Chrome', 'Application', 'chrome.exe'), ...onWindows('Chromium', 'Application', 'chrome.exe')],
  },
  firefox: {
    linux: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox'],
    darwin: ['/Applications/Firefox.app/Contents/MacOS/firefox', '/Applications/Firefox Nightly.app/Contents/MacOS/firefox'],
    win32: onWindows('Mozilla Firefox', 'firefox.exe'),
  },
  // WebKit is driven through its WebDriver: WebKitGTK's on Linux, Safari's on macOS; none on Windows.
  webkit: {
    linux: ['/usr/bin/WebKitWebDriver', ...libDirs('WebKitWebDriver')],
    darwin: ['/usr/bin/safaridriver'],
    win32: [],
  },
};

/** WebKitGTK's MiniBrowser (and driver) live under a multiarch lib dir: /usr/lib/<triplet>/webkit2gtk-4.x/. */
function libDirs(file) {
  const found = [];
  for (const base of ['/usr/lib', '/usr/libexec', '/usr/lib64']) {
    let entries = [];
    try {
      entries = readdirSync(base);
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (/^webkit2?gtk-[\d.]+$/.test(entry)) found.push(join(base, entry, file));
      else if (/-linux-gnu/.test(entry)) for (const api of ['webkit2gtk-4.1', 'webkitgtk-6.0', 'webkit2gtk-4.0']) found.push(join(base, entry, api, file));
    }
  }
  return found;
}

/** The exact command that installs an engine here. */
export function installHint(engine, platform = process.platform) {
  if (platform === 'darwin') {
    return {
      chromium: 'brew install --cask google-chrome   (or set CHROME_PATH)',
      firefox: 'brew install --cask firefox   (or set FIREFOX_PATH)',
      webkit: 'sudo safaridriver --enable   (Safari ships with macOS; or set WEBKIT_DRIVER)',
    }[engine];
  }
  if (platform === 'win32') {
    return {
      chromium: 'winget install --id Google.Chrome   (or set CHROME_PATH)',
      firefox: 'winget install --id Mozilla.Firefox   (or set FIREFOX_PATH)',
      webkit: 'no WebKit build runs on Windows: run with BROWSERS=chromium,firefox, or run the WebKit suites on Linux or macOS',
    }[engine];
  }
  const apt = { chromium: 'chromium', firefox: 'firefox-esr', webkit: 'webkit2gtk-driver xvfb' }[engine];
  const override = { chromium: 'CHROME_PATH', firefox: 'FIREFOX_PATH', webkit: 'WEBKIT_DRIVER' }[engine];
  return `apt-get update && apt-get install -y ${apt}   (Debian/Ubuntu, as root; or set ${override})`;
}

const LABEL = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

function fromOverride(variable, engine) {
  const value = env[variable];
  if (!value) return null;
  if (existsSync(value)) return value;
  throw new Error(`${variable} is set to ${value}, but no file is there. Unset it, or install ${LABEL[engine]}: ${installHint(engine)}`);
}

function firstExisting(engine) {
  return (CANDIDATES[engine][process.platform] ?? CANDIDATES[engine].linux).find((path) => existsSync(path)) ?? null;
}

function missing(engine, what) {
  return new Error(`No ${what} found. Install it with: ${installHint(engine)}`);
}

export function findChromium() {
  const found = fromOverride('CHROME_PATH', 'chromium') ?? firstExisting('chromium');
  if (!found) throw missing('chromium', 'Chromium or Chrome');
  return found;
}

export function findFirefox() {
  const found = fromOverride('FIREFOX_PATH', 'firefox') ?? firstExisting('firefox');
  if (!found) throw missing('firefox', 'Firefox');
  return found;
}

/**
 * WebKit: the WebDriver, and on Linux the MiniBrowser it launches (no headless mode: it needs a display,
 * which tools/webkit-driver.js provides with Xvfb when there is none).
 */
export function findWebKit() {
  const driver = fromOverride('WEBKIT_DRIVER', 'webkit') ?? firstExisting('webkit');
  if (!driver) throw missing('webkit', 'WebKit WebDriver');
  if (process.platform === 'darwin') return { driver, browser: null, kind: 'safari' };
  const browser = fromOverride('MINIBROWSER_PATH', 'webkit') ?? libDirs('MiniBrowser').find((path) => existsSync(path));
  if (!browser) throw missing('webkit', 'WebKitGTK MiniBrowser (next to WebKitWebDriver)');
  const needsDisplay = !env.DISPLAY && !env.WAYLAND_DISPLAY;
  if (needsDisplay && !findXvfb()) throw new Error(`MiniBrowser needs a display and Xvfb is missing. Install it with: ${installHint('webkit')}`);
  return { driver, browser, kind: 'webkitgtk', xvfb: needsDisplay ? findXvfb() : null };
}

export function findXvfb() {
  return ['/usr/bin/Xvfb', '/usr/X11/bin/Xvfb'].find((path) => existsSync(path)) ?? null;
}

/** The engines this run covers: BROWSERS=chromium,firefox narrows it; unknown names are an error, not a skip. */
export function selectedEngines(value = env.BROWSERS) {
  if (!value || !value.trim()) return [...ENGINES];
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !ALIASES[name]);
  if (unknown.length) throw new Error(`BROWSERS=${value}: unknown engine ${unknown.join(', ')}; use a comma-separated list of ${ENGINES.join(', ')}.`);
  return ENGINES.filter((engine) => names.some((name) => ALIASES[name] === engine));
}

/** A readable version string per engine, from the binaries themselves (for the run's closing note). */
export function engineVersion(engine) {
  const run = (file, args) => execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim().split('\n').pop().trim();
  try {
    if (engine === 'chromium') return run(findChromium(), ['--version']);
    if (engine === 'firefox') return run(findFirefox(), ['--version']);
    const webkit = findWebKit();
    // MiniBrowser has no --version without a display; the package that ships it knows.
    if (webkit.kind === 'safari') return `Safari ${run('/usr/bin/defaults', ['read', '/Applications/Safari.app/Contents/Info', 'CFBundleShortVersionString'])}`;
    return `WebKitGTK ${run('dpkg-query', ['-W', '-f', '${Version}', 'libwebkit2gtk-4.1-0'])}`;
  } catch (error) {
    return `unknown (${error.message.split('\n')[0]})`;
  }
}

export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
