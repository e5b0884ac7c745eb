import "server-only";
import { randomInt } from "node:crypto";

// No 0/O or 1/I: codes are read aloud and typed from slides.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** An invite code like "K7QM-2XDP": 40 bits of randomness, hard to guess, easy to type. */
export function newInviteCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}
