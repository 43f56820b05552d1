// What kind of device a session is on, as the app says at sign-in ("macOS", "Windows", "Linux"):
// shown in the devices list next to the device's name.
import { z } from 'zod';
import { storableText } from '@promoteros/shared';

export const Platform = z
  .string({ error: 'must be the name of an operating system, such as macOS' })
  .check(storableText())
  .trim()
  .min(1, 'must not be empty')
  .max(50, 'must be at most 50 characters');
