// The public request page, as the relay serves it (relay/src/intake).
export { fieldGroups, fieldIds, type FieldSpec } from './form-fields.js';
export { renderIntakePage, type IntakePageModel } from './form-page.js';
export { renderConfirmation, renderNotFound, renderProblem } from './result-pages.js';
export { scriptBundle, type ScriptBundle } from './script-bundle.js';
