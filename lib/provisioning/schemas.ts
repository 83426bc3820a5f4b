import { z } from "zod";

/** POST /api/v1/provisioning?dryRun=true|false (default true: nothing is written). */
export const provisioningQuery = z.strictObject({
  dryRun: z
    .enum(["true", "false"])
    .default("true")
    .describe("true (default): only report what would change. false: apply it in one transaction (refused with 422 while the files have errors)."),
});

/** The export's text as the personnel system writes it (the same columns as the admin page's upload). */
export const provisioningBody = z.strictObject({
  people: z
    .string()
    .min(1)
    .max(10_000_000)
    .describe("The people file as CSV text (; or , separated, header row first): NIP, Nama, Jabatan, Kode Unit, E-mail, Peran."),
  units: z.string().max(5_000_000).optional().describe("The units file as CSV text: Kode, Nama, Kode Induk, Zona Waktu (WIB/WITA/WIT), Jenis (optional)."),
  fullExport: z.boolean().default(false).describe("A full export: active people with a NIP in the units it covers who are missing from it are deactivated."),
  fileName: z.string().max(200).optional().describe("A name for the upload, shown on the admin page."),
});
