// Sign-in: relay address and email → a six-digit code from the mail, or a pasted sign-in link.
// Field errors come from `invalid_arguments` details; the relay's own refusals show as given. The
// steps are in ../sign-in.
import { useId } from 'react';
import type { CommandResult } from '../../../common/command-map.js';
import { CodeStep } from '../sign-in/code-step.js';
import { EmailStep } from '../sign-in/email-step.js';
import { LinkStep } from '../sign-in/link-step.js';
import { useSignIn } from '../sign-in/use-sign-in.js';

type Session = CommandResult<'session.get'>;

export function SignIn({ session, onSignedIn }: { session: Session; onSignedIn: (session: Session) => void }) {
  const signIn = useSignIn(session, onSignedIn);
  const { step, setStep, sent, email, setError } = signIn;
  const ids = useId();

  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 p-6 dark:bg-zinc-950">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-zinc-200 bg-white p-7 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div>
          <h1 className="text-lg font-semibold">Sign in to PromoterOS</h1>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
            {step === 'code'
              ? sent
                ? `We sent a six-digit code to ${email.trim()}.`
                : `Type the six-digit code you have for ${email.trim()}.`
              : step === 'link'
                ? 'Paste the sign-in link from your email.'
                : 'Your venue’s relay sends you a code by email.'}
          </p>
          {session.state === 'signed-out' && session.reason && step === 'email' && (
            <p className="mt-2 text-sm text-amber-700 dark:text-amber-400">{session.reason}</p>
          )}
        </div>

        {step === 'email' && <EmailStep signIn={signIn} ids={ids} />}
        {step === 'code' && <CodeStep signIn={signIn} ids={ids} />}
        {step === 'link' && <LinkStep signIn={signIn} ids={ids} />}

        <div className="border-t border-zinc-200 pt-4 text-center text-sm dark:border-zinc-800">
          <button
            type="button"
            className="text-indigo-600 hover:underline dark:text-indigo-400"
            onClick={() => {
              setError(undefined);
              setStep(step === 'link' ? 'email' : 'link');
            }}
          >
            {step === 'link' ? 'Sign in with an email code instead' : 'Paste a sign-in link instead'}
          </button>
        </div>
      </div>
    </main>
  );
}
