// Constant-time comparison shared by the HMAC verifiers (contracts.md §1, §2).
// A plain `===` leaks, through its early exit, how many leading characters of
// a forged signature are right; timingSafeEqual does not.
import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two strings in time independent of where they differ.
 * The length is not secret (every signature of a scheme has the same length),
 * so unequal lengths return false at once: timingSafeEqual needs equal-length buffers.
 */
export function safeEqualStrings(a: string, b: string): boolean {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  if (ba.length !== bb.length) return false;
  return timingSafeEqual(ba, bb);
}
