// The top of the window: signed out → sign-in; signed in → the shell with its screens.
import { useSignal } from './data/use-signal.js';
import { FormatProvider } from './format/use-format.js';
import { SignIn } from './screens/sign-in.js';
import { Shell } from './shell/shell.js';
import { Spinner } from './ui/controls.js';

export function App() {
  const [session, setSession] = useSignal('session.changed');
  if (!session)
    return (
      <div className="flex min-h-screen items-center justify-center">
        <Spinner label="Opening PromoterOS…" />
      </div>
    );
  if (session.state === 'signed-out') return <SignIn session={session} onSignedIn={setSession} />;
  // one organization's locale at a time: another organization opened, its formats load afresh
  return (
    <FormatProvider key={session.organizationId ?? 'none'}>
      <Shell session={session} onSessionChange={setSession} />
    </FormatProvider>
  );
}
