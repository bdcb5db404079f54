/** Bytes that claim to be text: UTF-8 (or UTF-16 with a byte-order mark) decoded strictly; anything binary refused. */
import { SourceError } from "../lib/errors.js";

/** Share of control characters (other than whitespace) above which bytes are binary, not text. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Decodes `bytes` as text; refuses binary data (NUL bytes, bytes that are not UTF-8, many control
 * characters) with 415 SOURCE_BINARY naming `input`.
 * @example decodeText(Buffer.from("Hello"), "file") === "Hello"
 */
export function decodeText(bytes: Uint8Array, input: string): string {
  let text: string;
  try {
    const utf16 =
      bytes[0] === 0xff && bytes[1] === 0xfe
        ? "utf-16le"
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? "utf-16be"
          : undefined;
    text = new TextDecoder(utf16 ?? "utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw binary(input, "it is not UTF-8 text");
  }
  assertTextual(text, input);
  return text;
}

/** Refuses a string that is binary data in disguise (NUL bytes, many control characters). */
export function assertTextual(text: string, input: string): void {
  if (text.includes("\u0000")) throw binary(input, "it holds NUL bytes");
  const controls = text.match(/[^\P{Cc}\t\n\v\f\r]/gu)?.length ?? 0;
  if (controls > Math.max(2, text.length * MAX_CONTROL_SHARE)) throw binary(input, "it holds control characters");
}

function binary(input: string, why: string): SourceError {
  return new SourceError(415, "SOURCE_BINARY", `The ${input} is not text: ${why}.`, { input });
}
