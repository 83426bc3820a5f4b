import { describe, expect, it } from "vitest";
import { formatLetterNumber } from "./schemas";

describe("letter numbering", () => {
  it("fills every {n}, {yyyy} and {mm} of the office's format from the sequence and the letter date", () => {
    expect(formatLetterNumber("W.15-UM.01.01-{n}", 7, "2031-03-10")).toBe("W.15-UM.01.01-7");
    expect(formatLetterNumber("{n}/KANWIL/{mm}/{yyyy}", 123, "2031-03-10")).toBe("123/KANWIL/03/2031");
    expect(formatLetterNumber("{n}.{n}-{yyyy}{yyyy}-{mm}{mm}", 5, "2030-12-01")).toBe("5.5-20302030-1212");
    expect(formatLetterNumber("TETAP", 9, "2031-01-02")).toBe("TETAP");
  });
});
