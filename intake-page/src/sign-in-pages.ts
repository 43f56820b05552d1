// The page a sign-in email's link opens in the browser. The link signs in the PromoterOS app, not
// the browser: the page hands the token to the app (promoteros://, which the operating system
// passes to it) and, should the app not open, shows the link to paste on its sign-in screen.
import { markup } from './html.js';
import { layout } from './layout.js';

export function renderSignInHandoff(page: { appLink: string; pageLink: string; minutesLeft: number }): string {
  const left = page.minutesLeft <= 1 ? 'less than a minute' : `${page.minutesLeft} more minutes`;
  return layout({
    title: 'Sign in to PromoterOS',
    body: markup`<main>
<h1>Sign in to PromoterOS</h1>
<p>This link signs you in to the PromoterOS app on your computer.</p>
<p><a class="button" id="open-app" href="${page.appLink}">Open PromoterOS and sign in</a></p>
<p>Your browser may ask whether to open PromoterOS: allow it.</p>
<h2>If the app does not open</h2>
<p>On the app's sign-in screen, choose “Paste a sign-in link instead” and paste this link:</p>
<div class="field">
<label for="sign-in-link">Sign-in link</label>
<input id="sign-in-link" readonly value="${page.pageLink}">
</div>
<p>The link works once, for ${left}.</p>
</main>`,
  });
}

export type SignInLinkProblem = 'incomplete' | 'unknown' | 'used' | 'expired' | 'cancelled';

const problems = (validMinutes: number): Record<SignInLinkProblem, { title: string; message: string }> => ({
  incomplete: {
    title: 'This sign-in link is incomplete',
    message: 'Part of the link is missing. Open it from the email again, or copy the whole link from the email.',
  },
  unknown: {
    title: 'This sign-in link is not valid',
    message: 'It is not a link PromoterOS sent. Ask for a new sign-in code in the app.',
  },
  used: {
    title: 'This sign-in link was already used',
    message: 'Each link signs in once. If you are not signed in, ask for a new sign-in code in the app.',
  },
  expired: {
    title: 'This sign-in link has expired',
    message: `Links work for ${validMinutes} minutes. Ask for a new sign-in code in the app.`,
  },
  cancelled: {
    title: 'This sign-in was cancelled',
    message: 'A wrong code was typed too many times for it. Ask for a new sign-in code in the app.',
  },
});

export function renderSignInLinkProblem(problem: SignInLinkProblem, validMinutes: number): string {
  const { title, message } = problems(validMinutes)[problem];
  return layout({
    title,
    body: markup`<main>
<h1>${title}</h1>
<p id="problem">${message}</p>
</main>`,
  });
}
