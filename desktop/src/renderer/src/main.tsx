import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app.js';
import { connectBridge } from './bridge.js';
import { BridgeProvider } from './data/bridge-context.js';
import './styles.css';

// the command map's schemas come along with its types; never let zod probe for eval (strict CSP)
z.config({ jitless: true });

const root = createRoot(document.getElementById('root')!);
try {
  const bridge = connectBridge();
  root.render(
    <StrictMode>
      <BridgeProvider bridge={bridge}>
        <App />
      </BridgeProvider>
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <p role="alert" className="p-6 text-red-700 dark:text-red-400">
      Could not reach the PromoterOS core: {error instanceof Error ? error.message : String(error)}
    </p>,
  );
}
