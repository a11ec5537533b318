/** Debitura's payloads are small; anything over 1 MiB is refused before it is read in full. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The raw request body, or null when it exceeds `limit`. Content-Length is checked first,
 * and the streamed bytes are counted too (the header can be absent or lie).
 */
export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<Buffer | null> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return null;
  if (!request.body) return Buffer.alloc(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
