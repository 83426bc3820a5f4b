import type { ReactNode } from "react";
import "@/components/meetings/meetings.css";

export default function MeetingsLayout({ children }: { children: ReactNode }) {
  return children;
}
