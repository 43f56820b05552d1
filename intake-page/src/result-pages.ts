// The pages that end a visit: the request was sent (with its reference), the page does not
// exist, or the request could not be taken (too many, too large).
import { markup } from './html.js';
import { layout } from './layout.js';

export function renderConfirmation(page: { venueName: string; reference: string; email: string }): string {
  return layout({
    title: `Request sent to ${page.venueName}`,
    body: markup`<main>
<h1 id="sent" tabindex="-1">Request sent</h1>
<p>Thank you. ${page.venueName} has your request.</p>
<p>Your reference is</p>
<p class="reference" id="reference">${page.reference}</p>
<p>Quote it when you contact the venue about this request. A confirmation is on its way to ${page.email}.</p>
</main>`,
  });
}

export function renderNotFound(): string {
  return layout({
    title: 'Request page not found',
    body: markup`<main>
<h1>This request page does not exist</h1>
<p>There is no venue taking requests at this address. Check the link you were given, or ask the venue for
their request page: it may have moved, or the venue may not be taking requests online right now.</p>
</main>`,
  });
}

/** A refusal of the whole request, with what to do about it. */
export function renderProblem(page: { title: string; message: string; backTo?: string }): string {
  return layout({
    title: page.title,
    body: markup`<main>
<h1>${page.title}</h1>
<p id="problem">${page.message}</p>
${page.backTo && markup`<p><a href="${page.backTo}">Back to the request form</a></p>`}
</main>`,
  });
}
