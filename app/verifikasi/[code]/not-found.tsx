/**
 * A code no document was issued under (mistyped, made up, or altered on the paper): the public
 * verification page says so plainly — such a document cannot be vouched for.
 */
export default function UnknownCode() {
  return (
    <main id="main" className="container" style={{ maxWidth: 720, margin: "2rem auto", padding: "0 1rem" }}>
      <h1>Verifikasi dokumen</h1>
      <div className="alert alert-error" role="alert">
        <p>
          <strong>Kode verifikasi tidak dikenal.</strong> Tidak ada dokumen yang diterbitkan dengan kode ini.
        </p>
        <p>Periksa kembali kode yang tercetak di bawah QR pada dokumen. Bila kodenya benar, dokumen tersebut tidak dapat dipastikan keasliannya.</p>
      </div>
    </main>
  );
}
