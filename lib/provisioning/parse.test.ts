import { describe, expect, it } from "vitest";
import { parseCsv, readPeople, readUnits } from "./parse";

describe("reading a personnel export", () => {
  it("detects the separator, drops the BOM and counts lines across quoted line breaks", () => {
    const table = parseCsv('\uFEFFNIP,Nama,Jabatan\r\n1,"Ani, S.H.","Kepala\r\nSeksi"\r\n\r\n2,"Budi ""B""",Analis\r\n');
    expect(table.header).toEqual(["NIP", "Nama", "Jabatan"]);
    expect(table.rows).toEqual([
      { line: 2, cells: ["1", "Ani, S.H.", "Kepala\r\nSeksi"] },
      { line: 5, cells: ["2", 'Budi "B"', "Analis"] },
    ]);
    expect(parseCsv("Kode;Nama\nA;B").rows).toEqual([{ line: 2, cells: ["A", "B"] }]);
  });

  it("takes the columns in any order and spelling, and names each error by line and column", () => {
    const { rows, errors } = readPeople(
      parseCsv(["e-mail;Kode_Unit;nama;NIP;Peran", "a@b.go.id;UPT-1;Ani;199001012020012001;Kepala Divisi", "A@B.go.id;UPT 1;;1990 0101 2020 0120 02;x"].join("\n")),
    );
    expect(rows[0]).toMatchObject({ line: 2, nip: "199001012020012001", email: "a@b.go.id", unitCode: "UPT-1", role: "head", position: "" });
    expect(errors).toEqual([
      { file: "people", line: 3, column: "nama (C)", message: "errors.required" },
      { file: "people", line: 3, column: "Kode_Unit (B)", message: "admin.errors.code" },
      { file: "people", line: 3, column: "e-mail (A)", message: "provisioning.errors.duplicate", params: { line: "2" } },
      { file: "people", line: 3, column: "Peran (E)", message: "provisioning.errors.role", params: { allowed: "admin, sekretariat, kepala, peserta" } },
    ]);
  });

  it("reads units with zones as WIB/WITA/WIT and refuses a unit that is its own parent", () => {
    const { rows, errors } = readUnits(parseCsv(["Kode,Nama,Kode Induk,Zona Waktu", "K1,Kanwil,,WITA", "U1,Unit,K1,wit", "U2,Dua,u2,GMT"].join("\n")));
    expect(rows.slice(0, 2).map((r) => [r.code, r.parentCode, r.timeZone])).toEqual([
      ["K1", null, "Asia/Makassar"],
      ["U1", "K1", "Asia/Jayapura"],
    ]);
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [4, "Kode Induk (C)", "provisioning.errors.ownParent"],
      [4, "Zona Waktu (D)", "provisioning.errors.timeZone"],
    ]);
  });
});
