// `node --import <this file>`: the process runs as on a machine where npm ci could not build
// keytar (an optional dependency, removed when its build fails): importing it fails as a missing
// package does, with ERR_MODULE_NOT_FOUND. Everything else resolves as usual.
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'keytar' || specifier.startsWith('keytar/')) {
    const error = new Error("Cannot find package 'keytar' imported from " + context.parentURL);
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
