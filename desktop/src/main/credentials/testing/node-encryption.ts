// Stands in for Electron's safeStorage in tests under plain Node (no Electron binary here): real
// AES-256-GCM with a key held in memory, which is what safeStorage does with a key from the OS.
// `available` and `backend` play the machine's answers.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Encryption } from '../safe-storage-store.js';

export function nodeEncryption(
  machine: { available?: boolean; backend?: ReturnType<NonNullable<Encryption['getSelectedStorageBackend']>> } = {},
): Encryption & { key: Buffer } {
  const key = randomBytes(32);
  return {
    key,
    isEncryptionAvailable: () => machine.available ?? true,
    getSelectedStorageBackend: () => machine.backend ?? 'gnome_libsecret',
    encryptString(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
