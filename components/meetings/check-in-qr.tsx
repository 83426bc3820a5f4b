import QRCode from "qrcode";

/** The self check-in link as a QR code (SVG as an image: nothing injected into the page). */
export async function CheckInQr({ url, alt }: { url: string; alt: string }) {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  return (
    <figure className="qr">
      {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL, not an optimisable asset */}
      <img src={src} alt={alt} width={200} height={200} />
      <figcaption>
        <a href={url}>{url}</a>
      </figcaption>
    </figure>
  );
}
