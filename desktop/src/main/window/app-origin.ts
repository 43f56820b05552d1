// What counts as the app's own page: the built renderer folder on file://, or in development
// the electron-vite dev server's origin. Everything else is remote content the window refuses.
import { pathToFileURL } from 'node:url';

export function appUrlMatcher(options: {
  rendererDir: string;
  devServerUrl: string | undefined;
}): (url: string) => boolean {
  const devOrigin = options.devServerUrl ? new URL(options.devServerUrl).origin : undefined;
  const rendererRoot = pathToFileURL(options.rendererDir).href.replace(/\/?$/, '/');
  return (url) => {
    if (devOrigin) {
      try {
        return new URL(url).origin === devOrigin;
      } catch {
        return false;
      }
    }
    return url.startsWith(rendererRoot) && !url.slice(rendererRoot.length).split(/[?#]/)[0]!.split('/').includes('..');
  };
}

/** requests the window may make besides its own page: inline images and the developer tools */
export function isAllowedSubresource(url: string, isAppUrl: (url: string) => boolean): boolean {
  return isAppUrl(url) || url.startsWith('data:') || url.startsWith('devtools:') || url.startsWith('chrome-extension:');
}
