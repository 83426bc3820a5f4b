import type { Block, OfficialDocument, OfficialPart, SignatureBlock } from "@/lib/documents/content";
import type { Letterhead } from "@/lib/offices/settings";
import "./official-document.css";

/**
 * An official document (notulen, daftar hadir) as a printable page, drawn from the same model as
 * its PDF and Word copy: the kop, the title, the same sections in the same order, the closing with
 * the signatures, the attachment on a page of its own.
 */
export function OfficialDocumentView({ doc, head, unit }: { doc: OfficialDocument; head: Letterhead; unit: string }) {
  const contact = [head.phone ? `Telepon ${head.phone}` : "", head.website ? `Laman ${head.website}` : "", head.email ? `Surel ${head.email}` : ""].filter(Boolean);
  const logo = head.logo ? `data:${head.logo.contentType};base64,${Buffer.from(head.logo.bytes).toString("base64")}` : null;
  return (
    <article className="official-doc">
      <header className="official-kop">
        {/* eslint-disable-next-line @next/next/no-img-element -- the office's logo, inline from its settings */}
        {logo ? <img src={logo} alt="" width={64} height={64} /> : null}
        <div>
          {head.ministryLine ? <p className="kop-ministry">{head.ministryLine.toUpperCase()}</p> : null}
          <p className="kop-office">{head.officeName.toUpperCase()}</p>
          {head.showDivisionLine && unit && unit !== head.officeName ? <p className="kop-ministry">{unit.toUpperCase()}</p> : null}
          {head.address ? <p className="kop-contact">{head.address}</p> : null}
          {contact.length > 0 ? <p className="kop-contact">{contact.join(" · ")}</p> : null}
        </div>
      </header>
      <Part part={doc} notice={doc.notice} />
      {doc.closing ? <p className="official-closing">{doc.closing}</p> : null}
      {doc.signatures.length > 0 ? <Signatures blocks={doc.signatures} /> : null}
      {doc.attachment ? (
        <section className="official-attachment">
          <Part part={doc.attachment} notice={null} />
        </section>
      ) : null}
    </article>
  );
}

function Part({ part, notice }: { part: OfficialPart; notice: string | null }) {
  return (
    <>
      <h1 className="official-title">
        {part.title.toUpperCase()}
        <br />
        <span>{part.subtitle}</span>
      </h1>
      {notice ? <p className="official-notice">{notice}</p> : null}
      {part.blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </>
  );
}

function BlockView({ block: b }: { block: Block }) {
  switch (b.kind) {
    case "heading":
      return <h2>{b.text}</h2>;
    case "paragraph":
      return <p className={b.bold ? "pre-line official-bold" : "pre-line"}>{b.text}</p>;
    case "facts":
      return (
        <table className="official-facts">
          <tbody>
            {b.items.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>:</td>
                <td>{value || "-"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "table":
      return (
        <table className="official-table">
          <thead>
            <tr>
              {b.columns.map((c) => (
                <th key={c.header} scope="col" style={{ width: `${Math.round(c.width * 100)}%`, textAlign: c.align ?? "left" }}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.rows.map((r, i) =>
              r.kind === "group" ? (
                <tr key={i} className="official-group">
                  <th scope="rowgroup" colSpan={b.columns.length}>
                    {r.text}
                  </th>
                </tr>
              ) : (
                <tr key={i} className={r.sign ? "official-sign" : undefined}>
                  {r.cells.map((text, j) => (
                    <td key={j} style={{ textAlign: b.columns[j]?.align ?? "left" }} className="pre-line">
                      {text}
                    </td>
                  ))}
                </tr>
              ),
            )}
          </tbody>
        </table>
      );
  }
}

function Signatures({ blocks }: { blocks: readonly SignatureBlock[] }) {
  return (
    <div className={blocks.length === 1 ? "official-signatures single" : "official-signatures"}>
      {blocks.map((b, i) => (
        <div key={i}>
          {b.dateLine ? <p>{b.dateLine}</p> : null}
          {b.lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
          <p className="official-sign-space" aria-hidden="true" />
          <p className="official-name">{b.name || "........................................"}</p>
          {b.nip !== undefined ? <p>{b.nip ? `NIP ${b.nip}` : "NIP .............................."}</p> : null}
        </div>
      ))}
    </div>
  );
}
