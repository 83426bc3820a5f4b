// Lint fixture: cycle-a imports cycle-b, which imports cycle-a.
import { b } from "./cycle-b";

export const a = () => b;
