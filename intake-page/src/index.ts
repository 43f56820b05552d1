// The relay's public pages: the request page (relay/src/intake) and the sign-in link's page
// (relay/src/auth).
export { fieldGroups, fieldIds, type FieldSpec } from './form-fields.js';
export { renderIntakePage, type IntakePageModel } from './form-page.js';
export { renderConfirmation, renderNotFound, renderProblem } from './result-pages.js';
export { scriptBundle, type ScriptBundle } from './script-bundle.js';
export { renderSignInHandoff, renderSignInLinkProblem, type SignInLinkProblem } from './sign-in-pages.js';
