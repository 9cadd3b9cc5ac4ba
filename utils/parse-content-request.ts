/**
 * A request to the content script, checked without zod: the content script runs on every page,
 * and loading zod's schemas there cost more than the rest of its start-up. A test proves it
 * accepts and returns exactly what `ContentRequestSchema.safeParse` does.
 */
import type { ContentRequest } from './messages';

/** The request with only its own fields, or undefined when the message is not a valid request. */
export function parseContentRequest(message: unknown): ContentRequest | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const { type, flagId, direction } = message as Record<string, unknown>;
  switch (type) {
    case 'get-report':
    case 'analyze-page':
      return { type };
    case 'focus-flag':
      return typeof flagId === 'string' ? { type, flagId } : undefined;
    case 'step-flag':
      return direction === 'next' || direction === 'previous' ? { type, direction } : undefined;
    default:
      return undefined;
  }
}
