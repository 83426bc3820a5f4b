import { describe, expect, it } from "vitest";
import { malformedActionReply } from "./action-reply";

/** What React's encodeReply sends for a server action call, and what Next could not decode. */
const form = (fields: Record<string, string | Blob>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

describe("server action call bodies", () => {
  it("lets through what a browser sends: a JSON list of values, FormData and parts it carries", () => {
    expect(malformedActionReply("[]")).toBeNull();
    expect(malformedActionReply('["5f0c4a2e-1b2c-4d3e-8f9a-0b1c2d3e4f5a",3,{"title":"Rakor","n":null,"tags":["a"]}]')).toBeNull();
    expect(malformedActionReply('["$undefined","$NaN","$Infinity","$-Infinity","$-0","$D2031-01-01T00:00:00.000Z","$n123","$$5 ribu","$T"]')).toBeNull();
    expect(malformedActionReply(form({ "0": '[null,"$K1"]', "1_to": "report", "1_note": "Selesai" }))).toBeNull();
    expect(malformedActionReply(form({ "0": '["$K1"]' }))).toBeNull();
    expect(malformedActionReply(form({ "0": '["$Q1","$B2","$a"]', "1": '[["k","$W3"]]', "2": new Blob(["x"]), "3": "[1,2]", "10": '{"x":1}' }))).toBeNull();
    // A part referring back to itself is read once.
    expect(malformedActionReply(form({ "0": '["$1"]', "1": '{"self":"$1"}' }))).toBeNull();
  });

  it("names what Next cannot decode: not JSON, not a list, a reference to a part that is missing or not JSON", () => {
    expect(malformedActionReply("")).toBe("the argument list is not JSON");
    expect(malformedActionReply("garbage{")).toBe("the argument list is not JSON");
    expect(malformedActionReply('"$undefined"')).toBe("the arguments are not a list");
    expect(malformedActionReply('{"0":1}')).toBe("the arguments are not a list");
    expect(malformedActionReply('["$Q9"]')).toBe("a reference to part 9, which the body does not have");
    expect(malformedActionReply('[{"a":["$F1f"]}]')).toBe("a reference to part 31, which the body does not have");
    expect(malformedActionReply('["$Zz"]')).toBe("unknown reference $Zz");
    expect(malformedActionReply('["$nabc"]')).toBe("unknown reference $nabc");
    expect(malformedActionReply(form({ x: "1" }))).toBe("no argument list");
    expect(malformedActionReply(form({ "0": new Blob(["[]"]) }))).toBe("no argument list");
    expect(malformedActionReply(form({ "0": '["$Q1"]', "1": "{" }))).toBe("part 1 is not JSON");
    expect(malformedActionReply(form({ "0": '["$Q1"]', "1": new Blob(["[]"]) }))).toBe("part 1 is not JSON");
    expect(malformedActionReply(form({ "0": '["$1"]', "1": '["$2"]' }))).toBe("a reference to part 2, which the body does not have");
    expect(malformedActionReply(`[${"[".repeat(70)}${"]".repeat(70)}]`)).toBe("nested too deeply");
  });
});
