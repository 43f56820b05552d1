// The last lines of `npm ci` (the root package's postinstall): what became of the two parts that
// cannot install everywhere, and what the app does without them. Both are optional dependencies,
// so npm goes on without them, but silently: npm prints nothing when an optional package's
// install script fails. Run as `tsx desktop/src/launch/install-report.ts`.
//   - Electron downloads its binary in its install script; without network access to its
//     releases that fails, and npm removes the package.
//   - keytar (the OS keychain) is built from source where no prebuilt binary can be fetched;
//     without a C++ toolchain or, on Linux, the libsecret headers, that fails too.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { electronBinary } from './desktop-shell.js';

const require = createRequire(import.meta.url);

export type PartState =
  { readonly state: 'installed'; readonly detail: string } | { readonly state: 'skipped'; readonly why: string };

function installedVersion(name: string): string | undefined {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return undefined;
  }
}

export function electronState(env: Record<string, string | undefined> = process.env): PartState {
  const version = installedVersion('electron');
  if (!version) {
    return { state: 'skipped', why: 'its install script could not download the Electron binary (npm removed it)' };
  }
  const found = electronBinary();
  if ('binary' in found) return { state: 'installed', detail: `Electron ${version}` };
  return {
    state: 'skipped',
    why: env.ELECTRON_SKIP_BINARY_DOWNLOAD
      ? 'its binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set)'
      : found.why,
  };
}

/** Loads keytar as the app does: a module that is missing or was built wrong fails here too. */
export async function keytarState(load: () => Promise<unknown> = () => import('keytar')): Promise<PartState> {
  try {
    await load();
    return { state: 'installed', detail: `keytar ${installedVersion('keytar') ?? ''}`.trim() };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
    return {
      state: 'skipped',
      why: missing
        ? 'it could not be built here (no prebuilt binary; building needs a C++ toolchain and, on Linux, libsecret-1-dev)'
        : `it does not load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
}

export function reportLines(electron: PartState, keytar: PartState): string[] {
  return [
    electron.state === 'installed'
      ? `PromoterOS: ${electron.detail} installed; npm start opens the desktop app in it.`
      : `PromoterOS: Electron skipped: ${electron.why}. npm start opens the desktop screens in a browser instead (the dev host).`,
    keytar.state === 'installed'
      ? `PromoterOS: ${keytar.detail} installed (sign-in sessions go to the OS keychain where one answers).`
      : `PromoterOS: the OS keychain module (keytar) skipped: ${keytar.why}. Sessions are kept encrypted with Electron safeStorage in the desktop app, and in a plain-text development file in the dev host.`,
  ];
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  for (const line of reportLines(electronState(), await keytarState())) console.log(line);
}
