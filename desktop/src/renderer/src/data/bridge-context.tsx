import { createContext, useContext, type ReactNode } from 'react';
import type { DesktopBridge } from '../../../common/command-map.js';

const BridgeContext = createContext<DesktopBridge | null>(null);

export function BridgeProvider({ bridge, children }: { bridge: DesktopBridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): DesktopBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside BridgeProvider');
  return bridge;
}
